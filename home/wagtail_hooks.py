from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Principle, PrincipleSet, Resource, Right

# No `search_fields` on these viewsets: the admin's search then asks the search backend
# for the model's own autocomplete fields (home/models/snippets.py), as the choosers do.
# Naming fields here made SQLite (the demo) look for a column per field ("no such
# column: statement"), a 500 on every search of principles, resources and rights.


class PrincipleSetViewSet(SnippetViewSet):
    model = PrincipleSet
    icon = "list-ol"
    menu_label = "Principle sets"
    list_display = ["title", "source", "year"]
    ordering = ["sort_order", "title"]


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "pick"
    list_display = ["title", "principle_set", "sort_order"]
    list_filter = ["principle_set"]
    ordering = ["principle_set__sort_order", "sort_order"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    list_display = ["title", "authors", "year", "kind"]
    list_filter = ["kind", "year"]


class RightViewSet(SnippetViewSet):
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
