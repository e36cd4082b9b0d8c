from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_save, pre_save
from wagtail.signals import page_published, page_unpublished

from network_site.storage import private_media_outside_public_folders


def grant_roles_on_translated_home(sender, instance, created, raw=False, **kwargs):
    """A translated chapter home is a new root of the chapter's tree: its groups get
    the same rights there as on the original."""
    from chapters.lifecycle.onboarding import grant_chapter_roles
    from chapters.register.chapter import Chapter

    if not created or raw:
        return
    chapter = (
        Chapter.objects.filter(home__translation_key=instance.translation_key)
        .exclude(home=instance)
        .first()
    )
    if chapter is not None:
        grant_chapter_roles(chapter)


def tell_registered_people(sender, instance, **kwargs):
    """Whoever publishes an event (editor, translation sync, schedule, bulk action), the
    people registered hear of a new time, place or a cancellation."""
    from chapters.registrations.service import event_published

    event_published(instance)


def apply_consent_on_publish(sender, instance, **kwargs):
    """A newly published translation gets the entry's members-only restriction; an
    unpublished entry leaves the search index."""
    from chapters.archive.consent import apply_consent

    apply_consent(instance)


class ChaptersConfig(AppConfig):
    name = "chapters"
    verbose_name = "Chapters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chapters.archive.access import next_consent_moment
        from chapters.archive.models import ArchiveEntryPage
        from chapters.events.models import EventPage
        from chapters.registrations.service import next_closing_moment
        from chapters.site.home import ChapterHomePage
        from home.pagecache.moments import register_moment_source
        from home.publication import register_public_rule

        # Every public route leaves out archive entries whose consent does not allow it.
        register_public_rule(ArchiveEntryPage, ArchiveEntryPage.public_q)
        # No cached page outlives an embargo's end or consent given for a time.
        register_moment_source(next_consent_moment)
        register_moment_source(next_closing_moment)
        page_published.connect(tell_registered_people, sender=EventPage)
        post_save.connect(grant_roles_on_translated_home, sender=ChapterHomePage)
        page_published.connect(apply_consent_on_publish, sender=ArchiveEntryPage)
        page_unpublished.connect(apply_consent_on_publish, sender=ArchiveEntryPage)
        # Archive uploads are cleaned and stored privately whoever saves them (admin,
        # code); see chapters/files/private.py.
        from chapters.files import private as private_media

        private_media.connect_signals()
        # Which images and documents pages, settings and consent records may use,
        # on every save path (chapters/files/rules.py).
        from chapters.files import rule_paths as media_rules_paths
        from chapters.files import rules as media_rules
        from home.references import register_reference_rule

        register_reference_rule(media_rules.rule)
        media_rules_paths.connect_signals()
        checks.register(private_media_outside_public_folders, checks.Tags.security)
        from chapters.archive.consent_log import log_consent_change
        from chapters.archive.consent_records import ConsentRecord

        post_save.connect(log_consent_change, sender=ConsentRecord)
        # A recording is published only with its transcript, on every publish path.
        from chapters.archive.models import refuse_publishing_without_transcript

        pre_save.connect(refuse_publishing_without_transcript, sender=ArchiveEntryPage)
