from django import template
from wagtail.models import Site

from home.locales import active_language
from home.models.snippets import in_active_locale
from home.publication import public_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """The current site's home and its menu pages, in the reader's language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "menu": []}
    home = site.root_page
    if home.locale.language_code != active_language():
        home = in_active_locale([home], queryset=public_pages())[0]
    menu = public_pages(home.get_children()).in_menu()
    return {"home": home, "menu": list(menu)}
