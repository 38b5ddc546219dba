"""System checks of the members app: the one login path and the admins' second factor."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from civic_wagtail.conf import civic_settings

MIDDLEWARE = "civic_wagtail.members.middleware.AdminSecondFactorMiddleware"
ADAPTER = "civic_wagtail.members.adapter.AccountAdapter"

#: ``(URL name, check id, message, fix, the site's line it goes before)``: each message is a
#: whole sentence, marked for the catalogue here and translated when the check runs.
LOGIN_URLS = [
    (
        "wagtailadmin_login",
        "civic_wagtail_members.E001",
        gettext_noop(
            "The Wagtail admin logs people in at %(url)s without allauth: no email "
            "verification, no lockout, no second factor."
        ),
        'path("admin/", include(admin_login.wagtail_admin_urls))',
        "wagtailadmin_urls",
    ),
    (
        "admin:login",
        "civic_wagtail_members.E002",
        gettext_noop(
            "The Django admin logs people in at %(url)s without allauth: no email "
            "verification, no lockout, no second factor."
        ),
        'path("django-admin/", include(admin_login.django_admin_urls))',
        "admin.site.urls",
    ),
    (
        "wagtailcore_login",
        "civic_wagtail_members.E005",
        gettext_noop(
            "The Wagtail login for private pages logs people in at %(url)s without allauth: "
            "no email verification, no lockout, no second factor."
        ),
        'path("", include(admin_login.frontend_urls))',
        "wagtail_urls",
    ),
]


@register(Tags.security, Tags.urls)
def check_admin_logins(app_configs=None, **kwargs):
    """Each admin's login URL must hand over to allauth, not check passwords itself."""
    errors = []
    for name, check_id, message, fix, theirs in LOGIN_URLS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # that admin is not mounted
        match = resolve(url)
        if getattr(match.func, "civic_wagtail_admin_login", False):
            continue
        errors.append(
            Error(
                _(message) % {"url": url},
                hint=_(
                    "In your urls.py, add %(fix)s (with 'from civic_wagtail.members import "
                    "admin_login') just before the %(line)s line, with the same prefix."
                )
                % {"fix": fix, "line": theirs},
                id=check_id,
            )
        )
    return errors


@register(Tags.security)
def check_second_factor(app_configs=None, **kwargs):
    errors = []
    if civic_settings.REQUIRE_MFA_FOR_ADMIN:
        if not apps.is_installed("allauth.mfa"):
            errors.append(
                Error(
                    _(
                        "CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN is on but 'allauth.mfa' is not in "
                        "INSTALLED_APPS."
                    ),
                    hint=_(
                        "Add 'allauth.mfa' after 'allauth.account' (pip install "
                        "'django-allauth[mfa]'), or set CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN = "
                        "False."
                    ),
                    id="civic_wagtail_members.E003",
                )
            )
        if MIDDLEWARE not in settings.MIDDLEWARE:
            errors.append(
                Error(
                    _(
                        "CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN is on but its middleware is "
                        "missing, so admins without a second factor are let in."
                    ),
                    hint=_("Add '%(middleware)s' to MIDDLEWARE after allauth's AccountMiddleware.")
                    % {"middleware": MIDDLEWARE},
                    id="civic_wagtail_members.E004",
                )
            )
    adapter = getattr(settings, "ACCOUNT_ADAPTER", "allauth.account.adapter.DefaultAccountAdapter")
    try:
        adapter_class = import_string(adapter)
    except ImportError:
        adapter_class = None  # allauth reports a broken path itself
    if adapter_class is not None and not issubclass(adapter_class, import_string(ADAPTER)):
        errors.append(
            Warning(
                _(
                    "ACCOUNT_ADAPTER is %(adapter)s: allauth reads client addresses without "
                    "CIVIC_WAGTAIL_CLIENT_IP_HEADER, and a locked log-in answers 200, not 429."
                )
                % {"adapter": repr(adapter)},
                hint=_("Set ACCOUNT_ADAPTER = '%(adapter)s', or subclass it.")
                % {"adapter": ADAPTER},
                id="civic_wagtail_members.W001",
            )
        )
    return errors


#: Email backends that deliver nothing to anyone (prints, discards, keeps in memory or in files).
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(Tags.compatibility)
def check_verification_email(app_configs=None, **kwargs):
    """Mandatory email verification on a live site whose email goes nowhere locks everyone out."""
    if settings.DEBUG:
        return []
    if getattr(settings, "ACCOUNT_EMAIL_VERIFICATION", None) != "mandatory":
        return []
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if backend not in UNDELIVERED_EMAIL_BACKENDS:
        return []
    return [
        Warning(
            _(
                "ACCOUNT_EMAIL_VERIFICATION is 'mandatory' but EMAIL_BACKEND is %(backend)s, "
                "which sends nothing: nobody can confirm an address, so nobody can sign up or "
                "log in through the site (staff included)."
            )
            % {"backend": repr(backend)},
            hint=_(
                "Configure outgoing email: EMAIL_BACKEND = "
                "'django.core.mail.backends.smtp.EmailBackend' with EMAIL_HOST, EMAIL_PORT, "
                "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS and DEFAULT_FROM_EMAIL."
            ),
            id="civic_wagtail_members.W002",
        )
    ]


@register(Tags.security, Tags.urls)
def check_frontend_login_url(app_configs=None, **kwargs):
    """Private pages and documents must ask for the site's own login page.

    Without ``WAGTAIL_FRONTEND_LOGIN_URL`` Wagtail sends visitors to ``/_util/login/``: its
    unstyled username form, or (with ``admin_login.frontend_urls``) one more hop to allauth.
    """
    value = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None)
    try:
        target = resolve_url(value) if value else None
        login = reverse("account_login")
    except NoReverseMatch:
        return []  # allauth not mounted: the admin login checks above say what is missing
    if target and target.split("?")[0] == login:
        return []
    return [
        Warning(
            _(
                "WAGTAIL_FRONTEND_LOGIN_URL is %(value)s: members-only pages and files send "
                "visitors to Wagtail's own login form instead of the site's (%(login)s)."
            )
            % {"value": repr(value), "login": login},
            hint=_('Set WAGTAIL_FRONTEND_LOGIN_URL = "account_login" in your settings.'),
            id="civic_wagtail_members.W003",
        )
    ]
