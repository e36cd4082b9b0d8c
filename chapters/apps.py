from django.apps import AppConfig


class ChaptersConfig(AppConfig):
    name = "chapters"
    verbose_name = "Chapters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chapters.models import ArchiveEntryPage
        from home.publication import register_public_rule

        # Every public route leaves out archive entries whose consent does not allow it.
        register_public_rule(ArchiveEntryPage, ArchiveEntryPage.public_q)
