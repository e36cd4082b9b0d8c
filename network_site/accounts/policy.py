"""Who must use a second factor, and who has one.

Required for the people who can do the most harm with a stolen password: the
superuser, network admins, Alliance moderators, every chapter's moderators and
anyone else who may record or withdraw consent (`chapters.change_chapter`, the
permission `consent_admin.may_manage_consent` accepts). Offered to everyone else.
"""

from django.db.models import Q
from django_otp import user_has_device

from home.setup import ALLIANCE_MODERATORS, NETWORK_ADMINS


def second_factor_required(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("chapters.change_chapter"):
        return True
    return user.groups.filter(
        Q(name__in=[NETWORK_ADMINS, ALLIANCE_MODERATORS]) | Q(moderators_of__isnull=False)
    ).exists()


def has_second_factor(user) -> bool:
    """A confirmed device (an authenticator app or recovery codes)."""
    return user.is_authenticated and user_has_device(user, confirmed=True)
