"""A second factor before the admin: ``CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN``."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

from . import conf  # noqa: F401  (registers this app's setting defaults)
from .admin_login import can_use_django_admin, can_use_wagtail_admin


def _reversed(names):
    urls = []
    for name in names:
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue  # that admin is not mounted
    return urls


def admin_prefixes():
    """URL prefixes of the Wagtail admin and the Django admin that this site mounts."""
    return _reversed(["wagtailadmin_home", "admin:index"])


def admin_logouts():
    """Logging out never needs a second factor."""
    return _reversed(["wagtailadmin_logout", "admin:logout"])


def has_second_factor(user):
    """Whether ``user`` has an authenticator app or a security key (recovery codes alone don't
    count: they are the fallback of one)."""
    from allauth.mfa.models import Authenticator

    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )


class AdminSecondFactorMiddleware:
    """Sends a user who can use an admin, but has no second factor, to set one up first.

    allauth asks every user who has an authenticator for it at log-in, and the admins' login
    URLs hand over to allauth (:mod:`.admin_login`): so an admin session has passed both
    factors. Place it after allauth's ``AccountMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not civic_settings.REQUIRE_MFA_FOR_ADMIN:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        path = request.path_info
        if not any(path.startswith(prefix) for prefix in admin_prefixes()):
            return None
        if path in admin_logouts():
            return None
        if not (can_use_wagtail_admin(user) or can_use_django_admin(user)):
            return None  # the admins refuse them on their own
        if has_second_factor(user):
            return None
        messages.warning(
            request,
            _(
                "Set up two-factor authentication before you use the admin: scan the code "
                "with an authenticator app and enter the number it shows."
            ),
        )
        return redirect(reverse("mfa_activate_totp"))
