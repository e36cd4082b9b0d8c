from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate, pre_save


def sync_locales(sender, using="default", **kwargs):
    """Create a Wagtail Locale for every configured content language.

    Adding a language is then a settings change plus `migrate`.
    """
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


def create_cache_table(sender, using="default", verbosity=1, **kwargs):
    """The shared cache's table (settings CACHES, the database cache unless REDIS_URL
    is set) is made at the start of every `migrate`: `make run`, the deploy steps and the tests'
    databases need no extra command. Does nothing when the table exists."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance and shared content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from home import renditions
        from home.headers_text import single_line_page_titles
        from home.models import AllianceHomePage
        from home.pagecache import invalidation as page_cache_invalidation
        from home.setup import grant_roles_on_translated_alliance_home
        from home.translation import admin as localize_admin
        from home.translation import entry as translation_entry
        from home.translation import integrity as translation_integrity
        from home.translation import machine as machine_translation
        from home.translation import publishing as translation_publishing
        from home.translation import workflow as translation_workflow

        # Before any migration runs: data migrations and Wagtail's signals use the cache.
        pre_migrate.connect(create_cache_table, sender=self)
        post_migrate.connect(sync_locales, sender=self)
        # Every language of a page follows its workflow, and publishing a translation
        # follows it too, whatever screen asks (home/translation_*.py).
        translation_workflow.connect_signals()
        post_migrate.connect(translation_workflow.sync_after_migrate, sender=self)
        post_save.connect(grant_roles_on_translated_alliance_home, sender=AllianceHomePage)
        translation_publishing.install()
        localize_admin.install()
        # No translation overwrites another (home/translation/integrity.py).
        translation_integrity.install()
        machine_translation.install()  # machine text is a draft until a person approves it
        translation_entry.install()
        # Every saved image gets its renditions made ahead of its first reader.
        renditions.connect_signals()
        # A change shows on every public page in the next request (home/pagecache/).
        page_cache_invalidation.connect()
        # Titles reach email subjects (moderation notices): one line, whoever saves.
        pre_save.connect(single_line_page_titles, dispatch_uid="home.single_line_page_titles")
