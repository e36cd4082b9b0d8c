"""Who may see an archive entry, and who may change its consent.

* `entry_visible_to(entry, user)` is the page-level check every request for an
  entry goes through (public: `home.publication.is_public`; chapter members:
  the members scope, which Wagtail's view restriction also enforces).
* `visible_entries` and `indexable_q` are the listing's and the search index's
  form of the same rule.

These are questions about pages and consent records only, so the entry model
imports them (and nothing here imports the model).
"""

from django.db.models import Exists, Min, OuterRef, Q
from django.db.models.functions import Now
from django.utils import timezone
from wagtail.models import Page

from chapters.archive.consent_records import ConsentRecord, entry_consent_q
from chapters.register.chapter import Chapter
from home.publication import is_public, public_pages


def is_member(user, chapter: Chapter | None) -> bool:
    """Is this person one of the chapter's members, editors or moderators? (One query.)"""
    if chapter is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(
        Q(members_of=chapter) | Q(editors_of=chapter) | Q(moderators_of=chapter)
    ).exists()


def members_q(user) -> Q:
    """Entries shared with chapter members, of the chapters this person belongs to."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return entry_consent_q("members", "web")
    chapters = Chapter.objects.filter(
        Q(members__user=user) | Q(editors__user=user) | Q(moderators__user=user)
    ).distinct()
    paths = Q(pk__in=[])
    for chapter in chapters:
        paths |= Q(pk__in=chapter.pages().values("pk"))
    return paths & entry_consent_q("members", "web")


def visible_entries(queryset, user):
    """Entries this reader may see: public ones, and those shared with their chapter.

    A members-only entry carries a Wagtail view restriction for its chapter's
    groups, so it is left out of every public listing by `public_pages`; here
    it is added back for the chapter's own people.
    """
    public = public_pages(queryset)
    if not user.is_authenticated:
        return public
    shared = queryset.live().filter(members_q(user))
    return queryset.filter(Q(pk__in=public.values("pk")) | Q(pk__in=shared.values("pk")))


def entry_visible_to(entry: Page, user) -> bool:
    """May this reader see this entry now? Live, and public or shared with their chapter."""
    if is_public(entry):
        return True
    if not entry.live or not user.is_authenticated:
        return False
    return Page.objects.filter(pk=entry.pk).filter(members_q(user)).exists()


def members_consent_in_force(entry: Page) -> bool:
    return (
        entry.live
        and Page.objects.filter(pk=entry.pk).filter(entry_consent_q("members", "web")).exists()
    )


def indexable_q() -> Q:
    """Entries that belong in the search index: live, consent for the public web
    given and not expired. A running embargo is left to query time, so the entry
    becomes findable at its moment without reindexing."""
    return Q(live=True) & Q(
        Exists(
            ConsentRecord.objects.for_entry().filter(
                Q(valid_until__isnull=True) | Q(valid_until__gt=Now()),
                entry__translation_key=OuterRef("translation_key"),
                status=ConsentRecord.GIVEN,
                scope="public",
                channel_web=True,
            )
        )
    )


def may_manage_consent(user, entry) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("chapters.change_chapter"):
        return True
    chapter = Chapter.of_page(entry)
    return bool(
        chapter and chapter.moderators and chapter.moderators.user_set.filter(pk=user.pk).exists()
    )


def next_consent_moment():
    """The next moment an embargo ends or consent given for a time runs out (or None):
    what is public changes then without any save, so no cached page may outlive it."""
    now = timezone.now()
    found = ConsentRecord.objects.aggregate(
        embargo=Min("embargo_until", filter=Q(embargo_until__gt=now)),
        ends=Min("valid_until", filter=Q(valid_until__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None
