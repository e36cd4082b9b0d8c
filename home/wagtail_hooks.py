from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from home.models import Principle, PrincipleSet, Resource, Right
from home.translation import entry as translation_entry

# No `search_fields` on these viewsets: the admin's search then asks the search backend
# for the model's own autocomplete fields (home/models/snippets.py), as the choosers do.
# Naming fields here made SQLite (the demo) look for a column per field ("no such
# column: statement"), a 500 on every search of principles, resources and rights.


class SharedIndexView(translation_entry.TranslationListingMixin, IndexView):
    """Each row shows its translations' states and offers Translate and Sync."""


class SharedViewSet(SnippetViewSet):
    index_view_class = SharedIndexView
    related = ("locale",)

    def get_queryset(self, request):
        # The listing's Locale and foreign-key columns, in the rows' own query.
        return self.model.objects.select_related(*self.related)


class PrincipleSetViewSet(SharedViewSet):
    model = PrincipleSet
    icon = "list-ol"
    menu_label = "Principle sets"
    list_display = ["title", "source", "year"]
    ordering = ["sort_order", "title"]


class PrincipleViewSet(SharedViewSet):
    model = Principle
    icon = "pick"
    list_display = ["title", "principle_set", "sort_order"]
    related = ("locale", "principle_set")
    list_filter = ["principle_set"]
    ordering = ["principle_set__sort_order", "sort_order"]


class ResourceViewSet(SharedViewSet):
    model = Resource
    icon = "doc-full"
    list_display = ["title", "authors", "year", "kind"]
    list_filter = ["kind", "year"]


class RightViewSet(SharedViewSet):
    model = Right
    icon = "tag"
    list_display = ["name", "instrument", "article"]
    list_filter = ["instrument"]


class SharedContentViewSetGroup(SnippetViewSetGroup):
    """The Alliance's shared content: written once, used by every chapter."""

    items = (PrincipleSetViewSet, PrincipleViewSet, ResourceViewSet, RightViewSet)
    menu_icon = "globe"
    menu_label = "Shared content"
    menu_name = "shared-content"


register_snippet(SharedContentViewSetGroup)


# Translate, Sync and each language's state in the editors (home/translation/entry.py).
hooks.register("construct_snippet_action_menu", translation_entry.add_translation_menu_items)
hooks.register("register_page_header_buttons", translation_entry.page_state_buttons)
hooks.register("register_page_listing_more_buttons", translation_entry.page_listing_state_buttons)
