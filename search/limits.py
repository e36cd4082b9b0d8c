"""A search question of reasonable size, everywhere a search box or API takes one.

Wagtail's query parser and the search backend build one condition per term
(and nest one per OR), so a query of thousands of terms or characters costs
seconds of CPU or exceeds Python's recursion limit (a 500) in the admin's page
search, the image and document listings, the choosers, both APIs and the
public search (Wagtail advisory GHSA-jmp3-39vp-fwg8 is one case of this class).
Before any view runs, a question longer than a person would type answers 400
with a message naming the limit.
"""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

MAX_SEARCH_CHARACTERS = 300
MAX_SEARCH_TERMS = 32
# The parameters that carry a search question: the admin's ("q"), the APIs' ("search")
# and the public search page's ("query").
SEARCH_PARAMETERS = ("q", "query", "search")


def too_long(value: str) -> bool:
    return len(value) > MAX_SEARCH_CHARACTERS or len(value.split()) > MAX_SEARCH_TERMS


class SearchQueryLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [v for name in SEARCH_PARAMETERS for v in request.GET.getlist(name)]
        if any(too_long(value) for value in values):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        message = _(
            "Search for at most %(terms)d words (%(characters)d characters): "
            "shorten the search and try again."
        ) % {"terms": MAX_SEARCH_TERMS, "characters": MAX_SEARCH_CHARACTERS}
        if request.path.startswith(("/api/", "/admin/api/")):
            return JsonResponse({"message": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
