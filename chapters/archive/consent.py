"""What happens when consent changes (who may see an entry now is
`chapters.archive.access`).

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
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from chapters.archive.access import indexable_q
from chapters.archive.consent_records import ConsentRecord, consent_of
from chapters.archive.models import ArchiveEntryPage
from chapters.register.chapter import Chapter


def translations(entry: Page):
    return ArchiveEntryPage.objects.filter(translation_key=entry.translation_key)


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
