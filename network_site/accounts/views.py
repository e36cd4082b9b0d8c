"""Two-step verification in the admin: set up an authenticator app, verify a
session, recovery codes, and turning it off for those who may.

Every view here is reachable before the session is verified (see middleware),
so each one checks for itself that it cannot be used to skip the second factor:
a person who already has a device must verify before they may add or replace one.
"""

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_site.accounts.policy import has_second_factor, second_factor_required

APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODE_COUNT = 10
TOO_FAST = gettext_lazy("Too many wrong codes in a row: wait a little, then try again.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _next(request) -> str:
    """Where to go afterwards: `next` if it is a path on this host, else the admin."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _pending_device(user) -> TOTPDevice:
    """The authenticator being set up: unconfirmed until a code from it is entered."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def new_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _secret(device: TOTPDevice) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _render(request, template, context, status=200):
    context = {"next": _next(request), **context}
    return TemplateResponse(request, f"accounts/{template}", context, status=status)


def _confirm(device: TOTPDevice, code: str):
    """Turn the pending app on if the code is its current one; else the error."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_is_allowed()[0]:
            return TOO_FAST
        if not device.verify_token(code):
            return _("That code is not right. Enter the code the app shows now.")
        TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return None


@never_cache
def setup(request):
    """Add an authenticator app: scan the QR code (or type the key), enter a code."""
    user = request.user
    if has_second_factor(user) and not user.is_verified():
        return redirect(_with_next("mfa:verify", request))
    device = _pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _confirm(device, form.cleaned_data["code"])
        if error is None:
            otp_login(request, device)
            codes = new_recovery_codes(user)
            return _render(request, "recovery_codes.html", {"codes": codes, "new_app": True})
        form.add_error("code", error)
    context = {"form": form, "secret": _secret(device), "required": second_factor_required(user)}
    return _render(request, "setup.html", context, status=400 if form.errors else 200)


@never_cache
def qr_code(request):
    """The pending authenticator's QR code, drawn here as SVG: no third-party service."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("pk").last()
    if device is None or (has_second_factor(request.user) and not request.user.is_verified()):
        return HttpResponse(status=404)
    # A white background, so the code scans on the admin's dark theme too.
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    response = HttpResponse(image.to_string(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


def _match(user, code: str):
    """The device that accepts the code, or the error to show. Six digits go to the
    app, anything else to the recovery codes, so a wrong guess only slows down the
    device it was meant for (django-otp doubles the wait after each wrong code)."""
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    # The devices are locked for the check, so two requests cannot spend one code.
    with transaction.atomic():
        devices = [d for d in devices_for_user(user, for_verify=True) if isinstance(d, kind)]
        allowed = [device for device in devices if device.verify_is_allowed()[0]]
        if devices and not allowed:
            return None, TOO_FAST
        for device in allowed:
            if device.verify_token(code):
                return device, None
    return None, _("That code is not right, or was used already. Try again.")


@never_cache
def verify(request):
    """The second step of logging in: a code from the app or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next(request))
    if not has_second_factor(user):
        if second_factor_required(user):
            return redirect(_with_next("mfa:setup", request))
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, error = _match(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You used a recovery code; %(left)s are left.") % {"left": left},
                )
            return redirect(_next(request))
        form.add_error("code", error)
    return _render(request, "verify.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def manage(request):
    """The account's two-step page: on or off, new recovery codes, turn off."""
    user = request.user
    if has_second_factor(user) and not user.is_verified():
        return redirect(_with_next("mfa:verify", request))
    context = {
        "enabled": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "required": second_factor_required(user),
        "codes_left": StaticToken.objects.filter(device__user=user).count(),
    }
    return _render(request, "manage.html", context)


@require_POST
def recovery_codes(request):
    user = request.user
    if not user.is_verified():
        return redirect(_with_next("mfa:verify", request))
    return _render(request, "recovery_codes.html", {"codes": new_recovery_codes(user)})


@require_POST
def turn_off(request):
    """Only for people who are not required to use a second factor."""
    user = request.user
    if not user.is_verified():
        return redirect(_with_next("mfa:verify", request))
    if second_factor_required(user):
        messages.error(request, _("Your role needs two-step verification; it stays on."))
        return redirect("mfa:manage")
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    request.session.pop("otp_device_id", None)
    messages.success(request, _("Two-step verification is off."))
    return redirect("mfa:manage")
