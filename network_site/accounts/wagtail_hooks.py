from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from network_site.accounts import urls


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [path("two-step/", include((urls, "mfa"), namespace="mfa"))]


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("mfa:manage"),
        "label": _("Two-step verification"),
        "help_text": _("A code from an app on your phone as well as your password."),
    }
