"""Package settings, each read from ``CIVIC_WAGTAIL_<NAME>`` with a documented default.

``civic_settings.NAME`` is looked up on every access, so ``override_settings`` in tests and
settings changed at runtime are honoured. ``DEFAULTS`` below holds the core app's defaults;
each feature app declares its own in a plain ``DEFAULTS`` dict in its ``conf`` module, which
the accessor collects from the installed apps on first use, so every setting lives behind one
prefix and one accessor and importing a module registers nothing.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "CIVIC_WAGTAIL_"

DEFAULTS = {
    #: Email domains whose owners are verified public servants as soon as they confirm their
    #: address. ``*.gov`` matches any sub-domain of gov and ``gov`` itself is not matched.
    "VERIFIED_EMAIL_DOMAINS": ["*.gov", "*.gov.uk", "*.gc.ca", "*.gouv.fr", "*.gov.au"],
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
    #: Seconds an anonymous visitor's page stays in the page cache at most
    #: (:mod:`civic_wagtail.page_cache`; changes invalidate it at once). 0 turns it off.
    "PAGE_CACHE_SECONDS": 600,
    #: Results of each type shown on the site search's first view, before "See all".
    "SEARCH_GROUP_SIZE": 3,
    #: Seconds a listing block (:mod:`civic_wagtail.blocks`) keeps its rendering; publishing
    #: relevant content purges it sooner.
    "BLOCK_CACHE_SECONDS": 600,
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
        # Each alert subscription mails a confirmation link (to anyone: keep it low).
        "transparency_alert": {"member": (10, 3600), "anonymous": (10, 3600)},
        # Asking for a consultation link mails it; saving a response writes its answers.
        "consultation_response": {"member": (20, 3600), "anonymous": (20, 3600)},
        # "This helped me" on replies, practices and case studies (given or taken back).
        "kudos": {"member": (60, 3600), "anonymous": (60, 3600)},
        # Self-assessments, goals, check-ins, comments, trackers and teams saved.
        "improvement": {"member": (120, 3600), "anonymous": (30, 3600)},
        # A team lead's invitations notify other members.
        "improvement_invite": {"member": (30, 3600), "anonymous": (10, 3600)},
        # Working groups: joining, leaving, inviting, posting files, events and the pilot log.
        "group_action": {"member": (60, 3600), "anonymous": (10, 3600)},
        # Ingest API batches (measurements, spending); API clients have no session, so they are
        # counted per client address (the anonymous limit).
        "transparency_ingest": {"member": (120, 3600), "anonymous": (120, 3600)},
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


def _app_conf_modules():
    """The ``conf`` modules of the installed feature apps, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if config.name == __package__ or not config.name.startswith(__package__ + "."):
            continue
        try:
            modules.append(import_module(f"{config.name}.conf"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.conf":
                raise
    return modules


def collect_defaults():
    """Every known setting and its default: the core's, then each installed feature app's.

    A feature app declares its defaults as a plain ``DEFAULTS`` dict in its ``conf`` module
    (read here, never registered by an import side effect). Two apps declaring the same name
    is a programming error.
    """
    collected = dict(DEFAULTS)
    for module in _app_conf_modules():
        app_defaults = getattr(module, "DEFAULTS", {})
        clashes = set(app_defaults) & set(collected)
        if clashes:
            raise ImproperlyConfigured(
                f"civic_wagtail settings declared twice ({module.__name__}): "
                f"{', '.join(sorted(clashes))}"
            )
        collected.update(app_defaults)
    return collected


class CivicSettings:
    """Lazy accessor: ``civic_settings.VERIFIED_EMAIL_DOMAINS``.

    Values are read from Django's settings on every access (so ``override_settings`` is
    honoured); the table of defaults is collected once, on first use after the app registry is
    ready, and again when ``INSTALLED_APPS`` changes.
    """

    def __init__(self):
        self._defaults = None

    @property
    def defaults(self):
        """``{NAME: default}`` for the core and every installed feature app."""
        if self._defaults is None:
            self._defaults = collect_defaults()
        return self._defaults

    def reload(self, *, setting=None, **kwargs):
        """Forget the collected defaults (connected to ``setting_changed``)."""
        if setting in (None, "INSTALLED_APPS"):
            self._defaults = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        defaults = self.defaults
        if name not in defaults:
            raise AttributeError(f"Unknown civic_wagtail setting: {PREFIX}{name}")
        return getattr(settings, PREFIX + name, defaults[name])


civic_settings = CivicSettings()
