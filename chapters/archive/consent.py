"""What consent allows, and what happens when it changes.

* `entry_visible_to(entry, user)` is the page-level check every request for an
  entry goes through (public: `home.publication.is_public`; chapter members:
  the members scope, which Wagtail's view restriction also enforces).
* `apply_consent(entry)` makes the rest of the system agree with the record at
  once: the members-only view restriction, the search index (an entry is
  indexed only while its consent lets the public find it).
* `withdraw_consent(record, reason, user)` is the moderator's action: the
  record says withdrawn, the entry (every translation) is unpublished and
  removed from search, front-end caches are purged and the audit log says who,
  when and why. Nothing is deleted.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Now
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from chapters.archive.consent_records import ConsentRecord, consent_of, entry_consent_q
from chapters.archive.models import ArchiveEntryPage
from chapters.register.chapter import Chapter
from home.publication import is_public, public_pages


def translations(entry: Page):
    return ArchiveEntryPage.objects.filter(translation_key=entry.translation_key)


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
    return ArchiveEntryPage.objects.filter(pk=entry.pk).filter(members_q(user)).exists()


def members_consent_in_force(entry: Page) -> bool:
    return (
        entry.live
        and ArchiveEntryPage.objects.filter(pk=entry.pk)
        .filter(entry_consent_q("members", "web"))
        .exists()
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


def sync_view_restrictions(entry: Page) -> None:
    """A members-only entry is view-restricted to its chapter's groups (every
    translation); any other scope carries no restriction of ours."""
    record = consent_of(entry)
    chapter = Chapter.of_page(entry)
    groups = chapter.groups() if chapter else []
    for page in translations(entry):
        ours = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        if record is not None and record.scope == "members" and groups:
            restriction = ours.first() or PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set(groups)
        else:
            ours.delete()


def update_search_index(entry: Page) -> None:
    indexable = set(translations(entry).filter(indexable_q()).values_list("pk", flat=True))
    for page in translations(entry):
        if page.pk in indexable:
            index.insert_or_update_object(page)
        else:
            index.remove_object(page)


def apply_consent(entry: Page) -> None:
    """Make view restrictions and the search index agree with the entry's consent."""
    sync_view_restrictions(entry)
    update_search_index(entry)


def record_consent(entry: ArchiveEntryPage, *, recorded_by=None, **fields) -> ConsentRecord:
    """Create or update the entry's own record (not a file's) and apply it at once."""
    record = consent_of(entry) or ConsentRecord(entry=entry)
    for name, value in fields.items():
        setattr(record, name, value)
    record.recorded_by = recorded_by
    record.full_clean(exclude=["entry"])
    record.save()
    apply_consent(entry)
    return record


def entry_urls(entry: Page) -> list[str]:
    """Every public address the entry could have been shown at, for cache purging."""
    urls = []
    for page in translations(entry).select_related("locale"):
        url = page.get_full_url()
        if url:
            urls.append(url)
            archive_url = url.rsplit("/", 2)[0] + "/"
            urls += [archive_url, f"{archive_url}feed/"]
    chapter = Chapter.of_page(entry)
    if chapter and chapter.site:
        root = chapter.site.root_url
        urls += [f"{root}/", f"{root}/sitemap.xml", f"{root}/api/v2/pages/"]
        for page in chapter.homes():
            home_url = page.get_full_url()
            if home_url:
                urls += [home_url, f"{home_url}search/"]
    return sorted(set(urls))


def purge_caches(urls: list[str]) -> None:
    """Tell any front-end cache (Varnish, Cloudflare… see README) to drop these URLs."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)


class WithdrawalError(ValueError):
    pass


def withdraw_consent(record: ConsentRecord, reason: str, user=None) -> ConsentRecord:
    """Withdraw consent now: unpublish, unindex, purge and log; keep the content.

    For a file's record only that file stops being served; for the entry's
    own record every translation of the entry is unpublished.
    """
    reason = (reason or "").strip()
    if not reason:
        raise WithdrawalError("Say why consent is withdrawn: the reason is kept in the audit log.")
    entry = record.entry
    with transaction.atomic():
        record.status = ConsentRecord.WITHDRAWN
        record.withdrawn_at = timezone.now()
        record.withdrawn_by = user if user is not None and user.is_authenticated else None
        record.withdrawal_reason = reason
        record.save()
        urls = entry_urls(entry)
        subject = record.image or record.document
        if subject is None:
            for page in translations(entry).filter(live=True):
                page.unpublish(user=record.withdrawn_by, log_action="wagtail.unpublish")
        apply_consent(entry)
        log(
            instance=entry,
            action="chapters.withdraw_consent",
            user=record.withdrawn_by,
            data={
                "reason": reason,
                "file": subject.title if subject else "",
            },
        )
    purge_caches(urls)
    return record


def may_manage_consent(user, entry) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("chapters.change_chapter"):
        return True
    chapter = Chapter.of_page(entry)
    return bool(
        chapter and chapter.moderators and chapter.moderators.user_set.filter(pk=user.pk).exists()
    )
