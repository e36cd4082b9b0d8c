from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_locales(sender, using="default", **kwargs):
    """Create a Wagtail Locale for every configured content language.

    Adding a language is then a settings change plus `migrate`.
    """
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance and shared content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(sync_locales, sender=self)
        # Every language of a page follows its workflow, and publishing a translation
        # follows it too, whatever screen asks (home/translation_*.py).
        from django.db.models.signals import post_save

        from home import localize_admin, translation_publishing, translation_workflow
        from home.models import AllianceHomePage
        from home.setup import grant_roles_on_translated_alliance_home

        translation_workflow.connect_signals()
        post_migrate.connect(translation_workflow.sync_after_migrate, sender=self)
        post_save.connect(grant_roles_on_translated_alliance_home, sender=AllianceHomePage)
        translation_publishing.install()
        localize_admin.install()
