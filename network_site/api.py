"""The open-data API at /api/v2/: public pages, media and the shared snippets.

Everything here is read-only and scoped to what the public may see:

* pages go through `home.publication.public_pages` (drafts, view-restricted
  sections and archive entries without consent never appear) and only the
  requesting site's pages, in the site's languages;
* images and documents in a collection under any view restriction (or below
  one), or in a chapter's archive collection, are left out for everyone,
  logged in or not;
* principles, principle sets, resources and rights are listed in every
  language with their `translation_key` and a `translations` map
  (language code -> id); `?locale=es` lists one language;
* an archive entry under a content warning says so wherever its summary is shown:
  `content_warning` is one of its fields and its `summary` starts with the warning,
  as in the archive's feed;
* every parameter is checked first (home/api_checks.py): a value the API
  cannot use answers 400 with a message; /api/v2/ lists the endpoints and any other
  path under it is a JSON 404.
"""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, re_path, reverse
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from chapters.archive.models import ArchiveEntryPage
from chapters.events.models import EventPage
from chapters.files.private import archive_collections
from chapters.register.languages import site_languages
from chapters.stories.models import StoryPage
from home.api_checks import CheckedParametersMixin
from home.models import Principle, PrincipleSet, Resource, Right
from home.publication import public_pages_of_site, under_collections

# Fields beyond Wagtail's own that each public page type offers (?fields=... with ?type=).
PAGE_TYPE_FIELDS = {
    StoryPage: ["summary", "date", "authors"],
    EventPage: [
        "summary",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "all_day",
        "time_zone",
        "venue",
        "address",
        "online_url",
        "registration_url",
        "cost",
        "organizer",
    ],
    ArchiveEntryPage: [
        # The summary as the feed gives it: the content warning first.
        APIField(
            "summary", serializer=serializers.CharField(source="warned_summary", read_only=True)
        ),
        "content_warning",
        "blur_images",
        "kind",
        "period_start",
        "period_end",
        "place",
    ],
}


class OutsideLanguagesMixin:
    """API responses stay API responses: no language prefix redirect on a 404.

    Django's LocaleMiddleware would send a 404 here to /en/api/... (which the
    page-serving pattern matches); answering under this module's own URLconf,
    which uses no language prefixes, keeps the 404 a JSON 404.
    """

    def initial(self, request, *args, **kwargs):
        request._request.urlconf = "network_site.api"
        super().initial(request, *args, **kwargs)


class PublicPagesAPIViewSet(CheckedParametersMixin, OutsideLanguagesMixin, PagesAPIViewSet):
    """The request's site's public pages, in the site's languages."""

    def get_base_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        public = public_pages_of_site(site, Page.objects.all(), channel="api").filter(
            locale__language_code__in=site_languages(self.request)
        )
        # As a plain id filter, so `?search=` works: the search backend cannot
        # translate the gate's subqueries itself.
        locales = Locale.objects.filter(language_code__in=site_languages(self.request))
        return Page.objects.filter(pk__in=public.values("pk"), locale__in=locales)

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        extra = PAGE_TYPE_FIELDS.get(model, [])
        return fields + [
            field if isinstance(field, APIField) else APIField(field) for field in extra
        ]


def private_collection_ids() -> list[int]:
    """Collections under any view restriction and the chapters' archive collections (private
    files, whatever their consent: the public gets those only through the entry that shows
    them), and everything below them. Ids, not a subquery: `?search=` hands the queryset to
    the search backend, which filters on a list of collections but not on a subquery."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    )
    collections = Collection.objects.filter(
        Q(under_collections(restricted, "path"))
        | Q(under_collections(archive_collections(), "path"))
    )
    return list(collections.values_list("pk", flat=True))


class PublicImagesAPIViewSet(CheckedParametersMixin, OutsideLanguagesMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=private_collection_ids())


class PublicDocumentsAPIViewSet(CheckedParametersMixin, OutsideLanguagesMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=private_collection_ids())


class TranslationsField(serializers.Field):
    """{language code: id} of every translation of the object, itself included."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return self.context["view"].translations_of(obj)


def locale_field():
    return serializers.CharField(source="locale.language_code", read_only=True)


class SnippetAPIViewSet(CheckedParametersMixin, OutsideLanguagesMixin, BaseAPIViewSet):
    """A translatable snippet: every language, one at a time with ?locale=."""

    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("locale", serializer=locale_field()),
        "translation_key",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["locale", "translation_key"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["locale"]
    translation_fields = [APIField("translations", serializer=TranslationsField())]

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + cls.translation_fields

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("id")

    def translations_of(self, obj) -> dict[str, int]:
        # One query per request for all of them, however many objects are listed.
        if not hasattr(self, "_translations"):
            self._translations = {}
            for key, code, pk in self.model.objects.values_list(
                "translation_key", "locale__language_code", "pk"
            ).order_by("locale__language_code"):
                self._translations.setdefault(key, {})[code] = pk
        return self._translations.get(obj.translation_key, {})


class PrinciplesAPIViewSet(SnippetAPIViewSet):
    model = Principle
    name = "principles"
    body_fields = SnippetAPIViewSet.body_fields + [
        "title",
        "statement",
        "commentary",
        "sort_order",
        APIField("principle_set", serializer=serializers.IntegerField(source="principle_set_id")),
    ]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + [
        "title",
        "statement",
        "principle_set",
        "translations",
    ]


class PrincipleSetsAPIViewSet(SnippetAPIViewSet):
    model = PrincipleSet
    name = "principle_sets"
    body_fields = SnippetAPIViewSet.body_fields + [
        "title",
        "short_title",
        "source",
        "year",
        "description",
        "sort_order",
    ]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + [
        "title",
        "year",
        "translations",
    ]


class ResourcesAPIViewSet(SnippetAPIViewSet):
    model = Resource
    name = "resources"
    body_fields = SnippetAPIViewSet.body_fields + [
        "title",
        "authors",
        "year",
        "kind",
        "container_title",
        "editors",
        "pages",
        "publisher",
        "place",
        "url",
        "summary",
    ]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + [
        "title",
        "authors",
        "year",
        "translations",
    ]


class RightsAPIViewSet(SnippetAPIViewSet):
    model = Right
    name = "rights"
    body_fields = SnippetAPIViewSet.body_fields + [
        "name",
        "slug",
        "description",
        "instrument",
        "article",
        "sort_order",
    ]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + [
        "name",
        "slug",
        "translations",
    ]


def outside_languages(request):
    """As OutsideLanguagesMixin, for the router's own views: their 404 stays a JSON 404."""
    request.urlconf = "network_site.api"


def api_index(request):
    """/api/v2/: the endpoints, each with its address (a client's starting point)."""
    outside_languages(request)
    endpoints = {
        name: request.build_absolute_uri(reverse(f"wagtailapi:{name}:listing"))
        for name in api_router._endpoints
    }
    return JsonResponse({"endpoints": endpoints})


def api_not_found(request):
    outside_languages(request)
    message = "No such endpoint: the endpoints are listed at /api/v2/."
    return JsonResponse({"message": message}, status=404)


class PublicAPIRouter(WagtailAPIRouter):
    """Wagtail's router, with the list of endpoints at its root and a JSON 404 under it."""

    def get_urlpatterns(self):
        return [
            path("", self.wrap_view(api_index), name="index"),
            *super().get_urlpatterns(),
            re_path(r"^", self.wrap_view(api_not_found)),
        ]


api_router = PublicAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("principles", PrinciplesAPIViewSet)
api_router.register_endpoint("principle_sets", PrincipleSetsAPIViewSet)
api_router.register_endpoint("resources", ResourcesAPIViewSet)
api_router.register_endpoint("rights", RightsAPIViewSet)

# The URLconf API requests answer under (see OutsideLanguagesMixin); the same route as the root's.
urlpatterns = [path("api/v2/", api_router.urls)]
