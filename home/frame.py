"""The pages every page's frame shows, read in one query once per request.

The header names the site's home and its menu, the language switcher links the
page's translations, the footer links the network's shared pages (the Alliance's
home, browse by right). Each is a question to the shared public query
(`public_pages`); here they are asked together, as one query of that gate with
the conditions OR'ed, and split in Python: a row is public or not whichever
question it answers, so the split finds exactly what separate queries would.

The site's part (its home, menu and the network's shared pages) is the same for
every reader of a site in a language, so it is kept in the page cache's store under
a key holding the site's and the network's generations (home/pagecache/keys.py):
every save of a page, a view restriction or a site bumps one of them, so a kept part
is never stale (no archive entry, whose gate moves with time, is among them). Only
the page's translations are then asked, each request.
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, Subquery, Value
from django.db.models.functions import Concat
from wagtail.models import Page, Site

from home.locales import active_language, default_language, language_of, pick_localized
from home.pagecache.keys import generations, page_cache
from home.publication import public_pages

_shared_models: list[type[Model]] = []


def register_shared_pages(*models: type[Page]) -> None:
    """Page types every frame links to (the footer's network links), in the reader's language."""
    _shared_models.extend(model for model in models if model not in _shared_models)


@dataclass
class Frame:
    home: Page | None = None
    menu: list[Page] = field(default_factory=list)
    translations: list[Page] = field(default_factory=list)  # the page's public translations
    shared: list[Page] = field(default_factory=list)  # one per translation, reader's language


def _children(path) -> Q:
    """Pages one level below the page at `path` (a value or an expression): a range
    of the path index, where a prefix match on an expression would read every page."""
    top = Concat(path, Value("Z" * Page.steplen), output_field=CharField())
    return Q(path__gt=path, path__lte=top)


def _condition(root: Page | None, page: Page | None) -> Q:
    """One OR of index lookups (translation key, content type, path ranges), so the
    frame's query reads the rows it shows, not every page of a 500-chapter network."""
    condition = Q(pk__in=[])
    if root is not None:
        # The menu is the reader's-language home's children, or the root's.
        home_here = Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=active_language()
        ).values("path")[:1]
        condition |= Q(translation_key=root.translation_key)
        menu = Q(depth=root.depth + 1, show_in_menus=True)
        condition |= menu & _children(Value(root.path))
        condition |= menu & _children(Subquery(home_here))
    if page is not None:
        condition |= Q(translation_key=page.translation_key)
    if _shared_models:
        types = ContentType.objects.get_for_models(*_shared_models).values()
        condition |= Q(
            content_type_id__in=[t.pk for t in types],
            locale__language_code__in={active_language(), default_language()},
        )
    return condition


def _site_key(site: Site) -> str:
    network, own = generations(site.hostname)
    return f"pc:frame:{network}:{own}:{site.pk}:{site.root_page_id}:{active_language()}"


def _site_part(rows: list[Page], root: Page | None) -> Frame:
    """The home (in the reader's language), its menu and the shared pages among `rows`."""
    frame = Frame()
    if root is not None:
        frame.home = root
        if language_of(root) != active_language():
            homes = [p for p in rows if p.translation_key == root.translation_key]
            frame.home = next((p for p in homes if language_of(p) == active_language()), root)
        home = frame.home
        frame.menu = [
            p
            for p in rows
            if p.depth == home.depth + 1 and p.path.startswith(home.path) and p.show_in_menus
        ]
    types = {t.pk for t in ContentType.objects.get_for_models(*_shared_models).values()}
    shared = sorted((p for p in rows if p.content_type_id in types), key=lambda p: (p.depth, p.pk))
    frame.shared = pick_localized(shared)
    return frame


def _read(site: Site | None, page: Page | None) -> Frame:
    """The frame from the store's site part and one query for the page's translations,
    or from one query for both (then kept for the next request)."""
    root = site.root_page if site is not None else None
    timeout = getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 300)
    key = _site_key(site) if site is not None and timeout else None
    kept = page_cache().get(key) if key else None
    if kept is not None:
        frame = replace(kept)
        if page is not None:
            own = Page.objects.filter(translation_key=page.translation_key)
            frame.translations = list(public_pages(own).order_by("path"))
        return frame
    rows = list(public_pages(Page.objects.filter(_condition(root, page))).order_by("path"))
    frame = _site_part(rows, root)
    if key:
        page_cache().set(key, frame, timeout)
    if page is not None:
        frame.translations = [p for p in rows if p.translation_key == page.translation_key]
    return frame


def frame_pages(request, page=None) -> Frame:
    """The frame of `page` (a Page, or None for a view of its own) on the request's site."""
    page = page if isinstance(page, Page) else None
    key = getattr(page, "pk", None)
    memo = getattr(request, "_frame_pages", {})
    if key in memo:
        return memo[key]
    if page is None and memo:  # the site's part of any frame read for this request
        return replace(next(iter(memo.values())), translations=[])
    frame = _read(Site.find_for_request(request), page)
    memo[key] = frame
    request._frame_pages = memo
    return frame
