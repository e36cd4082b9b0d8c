"""The second factor, enforced in one place for every admin route.

After authentication (and django-otp's OTPMiddleware, which tells whether this
session was verified), any request under the admin's prefix from a person who
must use a second factor, or who has set one up, and whose session is not
verified yet, is sent to verify it, or to set it up if they have none. Only the
admin's login and logout, the two-step pages themselves (`mfa:` URL names) and
the assets those pages load stay open.
"""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from network_site.accounts.policy import has_second_factor, second_factor_required

# The admin's own pages a person reaches before the second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
OPEN_NAMESPACES = {"mfa"}


def _is_open(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name in OPEN_URL_NAMES or match.namespace in OPEN_NAMESPACES


class AdminSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._refusal(request)
        return response or self.get_response(request)

    def _refusal(self, request):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or _is_open(request.path_info):
            return None
        if has_second_factor(user):
            target = "mfa:verify"
        elif second_factor_required(user):
            target = "mfa:setup"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
