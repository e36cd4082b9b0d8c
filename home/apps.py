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
