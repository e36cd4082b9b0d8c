from django.apps import AppConfig


class ChaptersConfig(AppConfig):
    name = "chapters"
    verbose_name = "Chapters"
    default_auto_field = "django.db.models.BigAutoField"
