"""Package settings, each read from ``CIVIC_WAGTAIL_<NAME>`` with a documented default.

``civic_settings.NAME`` is looked up on every access, so ``override_settings`` in tests and
settings changed at runtime are honoured. Feature apps add their defaults with
:func:`register_defaults` so that every setting lives behind one prefix and one accessor.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "CIVIC_WAGTAIL_"

DEFAULTS = {
    #: Email domains whose owners are verified public servants as soon as they confirm their
    #: address. ``*.gov`` matches any sub-domain of gov and ``gov`` itself is not matched.
    "VERIFIED_EMAIL_DOMAINS": ["*.gov", "*.gov.uk", "*.gc.ca", "*.gouv.fr", "*.gov.au"],
    #: Template that every public template of the package extends (through
    #: ``civic_wagtail/layout.html``). A site's base must define ``content``, ``extra_css``,
    #: ``extra_js`` and ``title`` blocks, as ``wagtail start`` projects do.
    "BASE_TEMPLATE": "base.html",
    #: Names of the Django groups that carry the package's roles. Change the values to map
    #: roles onto groups a site already has.
    "ROLE_GROUPS": {
        "members": "Members",
        "reviewers": "Reviewers",
        "moderators": "Moderators",
        "mentoring_coordinators": "Mentoring coordinators",
        "editors": "Editors",
    },
    #: Page size of public listings.
    "PAGE_SIZE": 20,
    #: Rate limits of :mod:`civic_wagtail.ratelimit`: ``{action: {"member": (count, seconds),
    #: "anonymous": (count, seconds)}}``. Signed-in requests count per account, anonymous ones
    #: per client address. ``None`` disables one limit; a site's value is merged over these
    #: defaults action by action. Use a shared cache (Redis) when the site runs several
    #: processes.
    "RATE_LIMITS": {
        "post": {"member": (10, 600), "anonymous": (30, 600)},
        "flag": {"member": (20, 3600), "anonymous": (60, 3600)},
        # Each mentorship request emails a mentor.
        "mentorship_request": {"member": (5, 3600), "anonymous": (10, 3600)},
        # Accepting, declining, starting and ending a mentorship email the other person.
        "mentorship_action": {"member": (30, 3600), "anonymous": (60, 3600)},
        # Saving one's mentor profile (offering to mentor) creates a listed profile.
        "mentor_offer": {"member": (10, 3600), "anonymous": (20, 3600)},
        # A case study submitted through the library form creates a page and asks reviewers.
        "library_submission": {"member": (5, 3600), "anonymous": (10, 3600)},
        # Registering for, following or forgetting an event.
        "event_attendance": {"member": (60, 3600), "anonymous": (60, 3600)},
    },
    #: ``request.META`` key of the header that trusted proxies append the client address to
    #: (``"HTTP_X_FORWARDED_FOR"``). ``None``: the connection's ``REMOTE_ADDR``.
    "CLIENT_IP_HEADER": None,
    #: How many trusted proxies append to ``CLIENT_IP_HEADER``: the client address is read that
    #: many entries from the right, so a forged header sent by the client is ignored.
    "TRUSTED_PROXY_COUNT": 1,
    #: How many times :mod:`civic_wagtail.mail` tries to deliver one email before giving up
    #: (the failure is logged each time).
    "EMAIL_MAX_ATTEMPTS": 5,
    #: Seconds before the first retry of an email; each further retry waits twice as long.
    #: Used when the django-tasks backend can defer (``run_after``); the immediate backend
    #: retries at once.
    "EMAIL_RETRY_DELAY": 60,
    #: ``Permissions-Policy`` of every response (:mod:`civic_wagtail.headers`): feature name
    #: to allowlist (``[]`` denies it, ``["self"]`` allows the site itself). ``{}`` sends none.
    "PERMISSIONS_POLICY": {
        "accelerometer": [],
        "camera": [],
        "display-capture": [],
        "geolocation": [],
        "gyroscope": [],
        "magnetometer": [],
        "microphone": [],
        "midi": [],
        "payment": [],
        "usb": [],
        "browsing-topics": [],
    },
    #: Content-Security-Policy directives that replace the site's ones on Wagtail admin
    #: responses (:mod:`civic_wagtail.headers`): what Wagtail 8's admin needs. ``{}``: none.
    "ADMIN_CONTENT_SECURITY_POLICY": {
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
    },
}


def register_defaults(defaults):
    """Add a feature app's defaults. Called at import time of the app's ``conf`` module."""
    clashes = set(defaults) & set(DEFAULTS)
    if clashes:
        raise ImproperlyConfigured(
            f"civic_wagtail settings registered twice: {', '.join(sorted(clashes))}"
        )
    DEFAULTS.update(defaults)


class CivicSettings:
    """Lazy accessor: ``civic_settings.VERIFIED_EMAIL_DOMAINS``."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown civic_wagtail setting: {PREFIX}{name}")
        return getattr(settings, PREFIX + name, DEFAULTS[name])


civic_settings = CivicSettings()
