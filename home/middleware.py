"""Choosers opened from a page's editor list things in that page's language."""

import re

from wagtail.models import Page

CHOOSERS = ("/admin/snippets/choose/", "/admin/choose-page/")
EDITING = [
    (re.compile(r"/admin/pages/(\d+)/edit/"), "page"),
    (re.compile(r"/admin/pages/add/\w+/\w+/(\d+)/"), "parent"),
]


class ChooserLocaleMiddleware:
    """Stock Wagtail's snippet and page choosers list every language's copies side
    by side. A chooser opened from a page's editor (the Referer) gets that page's
    language as its locale filter, unless the person picked one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(CHOOSERS) and "locale" not in request.GET:
            referer = request.headers.get("referer", "")
            for pattern, _kind in EDITING:
                match = pattern.search(referer)
                if match:
                    code = (
                        Page.objects.filter(pk=match.group(1))
                        .values_list("locale__language_code", flat=True)
                        .first()
                    )
                    if code:
                        query = request.GET.copy()
                        query["locale"] = code
                        request.GET = query
                    break
        return self.get_response(request)
