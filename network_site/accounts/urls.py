"""Two-step verification, under /admin/two-step/ with the URL names `mfa:*`."""

from django.urls import path

from network_site.accounts import views

app_name = "mfa"
urlpatterns = [
    path("", views.manage, name="manage"),
    path("set-up/", views.setup, name="setup"),
    path("set-up/qr-code.svg", views.qr_code, name="qr_code"),
    path("verify/", views.verify, name="verify"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("turn-off/", views.turn_off, name="turn_off"),
]
