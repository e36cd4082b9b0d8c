"""Configuration comes from the environment; production refuses to start without secrets."""

from tests.process import STRONG_KEY, run_manage


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="alliance.example.org,.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_without_secret_key_fails_loudly():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="network_site.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_a_malformed_debug_flag_is_named():
    result = run_manage("check", DEBUG="maybe", DJANGO_SETTINGS_MODULE="network_site.settings.dev")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_a_malformed_language_list_is_named():
    result = run_manage("check", LANGUAGES="es=Español,en=English")
    assert result.returncode != 0
    assert "LANGUAGES must look like 'en=English,es=Español', with en (the default) first" in (
        result.stderr
    )
