from django.apps import AppConfig
from django.db.models.signals import post_save


def grant_roles_on_translated_home(sender, instance, created, raw=False, **kwargs):
    """A translated chapter home is a new root of the chapter's tree: its groups get
    the same rights there as on the original."""
    from chapters.models import Chapter
    from chapters.onboarding import grant_chapter_roles

    if not created or raw:
        return
    chapter = (
        Chapter.objects.filter(home__translation_key=instance.translation_key)
        .exclude(home=instance)
        .first()
    )
    if chapter is not None:
        grant_chapter_roles(chapter)


class ChaptersConfig(AppConfig):
    name = "chapters"
    verbose_name = "Chapters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chapters.models import ArchiveEntryPage, ChapterHomePage
        from home.publication import register_public_rule

        # Every public route leaves out archive entries whose consent does not allow it.
        register_public_rule(ArchiveEntryPage, ArchiveEntryPage.public_q)
        post_save.connect(grant_roles_on_translated_home, sender=ChapterHomePage)
