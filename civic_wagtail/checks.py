"""System checks: a site that misses a setting the package needs is told what to add.

Each requirement names the setting, what is wrong and the exact fix, so ``manage.py check``
replaces a runtime traceback with a one-line change. IDs are stable (documented in
docs/reference/checks.md). Messages and hints are translated when a check runs, in the active
language (``LANGUAGE_CODE`` for ``manage.py``); settings, paths and code in them stay as they are.
"""

from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .features import FEATURES

GUARDIAN_BACKEND = "guardian.backends.ObjectPermissionBackend"
ALLAUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
ALLAUTH_MIDDLEWARE = "allauth.account.middleware.AccountMiddleware"


def _app_missing(name, check_id, message, feature=None):
    """The error of a missing app; ``message`` is a msgid marked with ``gettext_noop``."""
    params = {"name": name}
    if feature is not None:
        params.update(feature=feature.name, pip=feature.pip)
    return Error(
        _(message) % params,
        hint=(
            _("Add '%(name)s' to INSTALLED_APPS.")
            if feature is None
            else _("Add '%(name)s' to INSTALLED_APPS. %(feature)s needs it (%(pip)s installs it).")
        )
        % params,
        id=check_id,
    )


#: ``(app, check id, message)``: each message is a whole sentence, marked for the catalogue
#: here and translated when the check runs.
REQUIRED_APPS = [
    (
        "wagtail_localize",
        "civic_wagtail.E001",
        gettext_noop(
            "'%(name)s' is not in INSTALLED_APPS; civic_wagtail needs it to translate "
            "everything editors write."
        ),
    ),
    (
        "guardian",
        "civic_wagtail.E002",
        gettext_noop(
            "'%(name)s' is not in INSTALLED_APPS; civic_wagtail needs it for private, "
            "per-object permissions."
        ),
    ),
    (
        "allauth",
        "civic_wagtail.E003",
        gettext_noop(
            "'%(name)s' is not in INSTALLED_APPS; civic_wagtail needs it for sign-up, log-in "
            "and email verification."
        ),
    ),
    (
        "allauth.account",
        "civic_wagtail.E004",
        gettext_noop(
            "'%(name)s' is not in INSTALLED_APPS; civic_wagtail needs it for member accounts."
        ),
    ),
]
COMMENT_APPS = [
    ("django.contrib.sites", "civic_wagtail.E005"),
    ("django_comments", "civic_wagtail.E006"),
    ("django_comments_xtd", "civic_wagtail.E007"),
]
COMMENT_APP_MISSING = gettext_noop(
    "'%(name)s' is not in INSTALLED_APPS; civic_wagtail needs it for discussion (comments-xtd)."
)


def _installed_features():
    return [feature for feature in FEATURES if apps.is_installed(feature.name)]


def _feature_needing(app_name):
    """The first installed feature app that needs ``app_name`` (guardian, comments-xtd...)."""
    return next((f for f in _installed_features() if app_name in f.apps), None)


def _uses_comments():
    return apps.is_installed("django_comments_xtd") or apps.is_installed(
        "civic_wagtail.discussion"
    )


def _uses_guardian():
    return _feature_needing("guardian") is not None


def missing_app_errors(names, feature=None):
    """The errors of :func:`check_required_apps` for those of ``names`` not installed.

    Feature apps whose models or receivers import one of these apps raise them while loading
    (see :class:`civic_wagtail.apps.FeatureConfig`), since Django cannot get as far as running
    the checks; everywhere else they are reported by the checks below. ``feature`` (a
    :class:`civic_wagtail.features.Feature`) is the app that needs them: the hint names its
    pip extra.
    """
    messages = {name: message for name, _id, message in REQUIRED_APPS}
    messages.update({name: COMMENT_APP_MISSING for name, _id in COMMENT_APPS})
    ids = {name: check_id for name, check_id, *_rest in [*REQUIRED_APPS, *COMMENT_APPS]}
    return [
        _app_missing(name, ids[name], messages[name], feature or _feature_needing(name))
        for name in names
        if name in ids and not apps.is_installed(name)
    ]


def missing_module_errors(feature):
    """An error per Python module of ``feature``'s pip extra that cannot be imported."""
    if feature is None:
        return []
    return [
        Error(
            _("%(app)s imports '%(module)s', which is not installed.")
            % {"app": feature.name, "module": module},
            hint=_("%(pip)s, or remove '%(app)s' from INSTALLED_APPS.")
            % {"pip": feature.pip, "app": feature.name},
            id="civic_wagtail.E008",
        )
        for module in feature.modules
        if find_spec(module) is None
    ]


@register(Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs):
    names = [name for name, *_rest in REQUIRED_APPS if name != "guardian" or _uses_guardian()]
    if _uses_comments():
        names += [name for name, _id in COMMENT_APPS]
    return missing_app_errors(names)


@register(Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    errors = []
    backends = list(getattr(settings, "AUTHENTICATION_BACKENDS", []))
    if _uses_guardian() and GUARDIAN_BACKEND not in backends:
        errors.append(
            Error(
                _(
                    "AUTHENTICATION_BACKENDS does not contain '%(backend)s'; object "
                    "permissions (private mentorship details, review assignments) would be "
                    "ignored."
                )
                % {"backend": GUARDIAN_BACKEND},
                # Translators: a line of Python settings, the same in every language.
                hint=_("AUTHENTICATION_BACKENDS += ['%(backend)s'].")
                % {"backend": GUARDIAN_BACKEND},
                id="civic_wagtail.E010",
            )
        )
    if ALLAUTH_BACKEND not in backends:
        errors.append(
            Error(
                _(
                    "AUTHENTICATION_BACKENDS does not contain '%(backend)s'; members could "
                    "not log in with their email address."
                )
                % {"backend": ALLAUTH_BACKEND},
                hint=_("Add '%(backend)s' to AUTHENTICATION_BACKENDS.")
                % {"backend": ALLAUTH_BACKEND},
                id="civic_wagtail.E011",
            )
        )
    if ALLAUTH_MIDDLEWARE not in getattr(settings, "MIDDLEWARE", []):
        errors.append(
            Error(
                _("MIDDLEWARE does not contain '%(middleware)s', which allauth requires.")
                % {"middleware": ALLAUTH_MIDDLEWARE},
                hint=_("Add '%(middleware)s' to MIDDLEWARE, after AuthenticationMiddleware.")
                % {"middleware": ALLAUTH_MIDDLEWARE},
                id="civic_wagtail.E012",
            )
        )
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) is not True:
        errors.append(
            Error(
                _(
                    "WAGTAIL_I18N_ENABLED is not True; civic_wagtail content is translatable "
                    "with wagtail-localize and needs Wagtail's internationalisation."
                ),
                hint=_(
                    "Set WAGTAIL_I18N_ENABLED = True and list your languages in "
                    "WAGTAIL_CONTENT_LANGUAGES (and LANGUAGES)."
                ),
                id="civic_wagtail.E013",
            )
        )
    if _uses_comments():
        if getattr(settings, "COMMENTS_APP", None) != "django_comments_xtd":
            errors.append(
                Error(
                    _(
                        "COMMENTS_APP is not 'django_comments_xtd'; threaded replies, follow-up "
                        "notifications and moderation would be missing."
                    ),
                    hint=_("Set COMMENTS_APP = 'django_comments_xtd'."),
                    id="civic_wagtail.E014",
                )
            )
        if getattr(settings, "SITE_ID", None) is None:
            errors.append(
                Error(
                    _(
                        "SITE_ID is not set; django-comments-xtd stores each comment against a "
                        "django.contrib.sites Site."
                    ),
                    hint=_("Set SITE_ID = 1 (and keep that Site's domain equal to Wagtail's)."),
                    id="civic_wagtail.E015",
                )
            )
    return errors


@register(Tags.templates)
def check_template_order(app_configs=None, **kwargs):
    """Our members app restyles allauth's pages, which only works if it is listed first."""
    return template_order_warnings(list(settings.INSTALLED_APPS))


def template_order_warnings(installed):
    if "civic_wagtail.members" in installed and "allauth" in installed:
        if installed.index("civic_wagtail.members") > installed.index("allauth"):
            return [
                Warning(
                    _(
                        "'civic_wagtail.members' is listed after 'allauth' in INSTALLED_APPS, so "
                        "sign-up and log-in pages use allauth's unstyled templates."
                    ),
                    hint=_("Move the civic_wagtail apps above 'allauth' in INSTALLED_APPS."),
                    id="civic_wagtail.W001",
                )
            ]
    return []


#: Cache backends that keep their data inside one process (or one machine's disk): counted
#: there, a rate limit is multiplied by the number of processes that serve the site.
UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


@register(Tags.caches)
def check_rate_limit_cache(app_configs=None, **kwargs):
    """Throttles count in the default cache; in production it must be shared (Redis)."""
    from .conf import DEFAULTS, civic_settings
    from .ratelimit import limits_for

    if settings.DEBUG:
        return []
    actions = {**DEFAULTS["RATE_LIMITS"], **(civic_settings.RATE_LIMITS or {})}
    if not any(any(limits_for(action).values()) for action in actions):
        return []
    backend = getattr(settings, "CACHES", {}).get("default", {}).get("BACKEND", "")
    if backend not in UNSHARED_CACHES:
        return []
    return [
        Warning(
            _(
                "Rate limits (CIVIC_WAGTAIL_RATE_LIMITS) are counted in the default cache, "
                "which is %(cache)s: each process counts on its own (the dummy cache counts "
                "nothing), so the limits do not hold."
            )
            % {"cache": backend.rsplit(".", 1)[-1]},
            hint=_(
                "Point CACHES['default'] at a cache every process shares, e.g. "
                "{'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': "
                "os.environ['REDIS_URL']} (or django.core.cache.backends.redis.RedisCache)."
            ),
            id="civic_wagtail.W002",
        )
    ]


@register(Tags.compatibility)
def check_admin_base_url(app_configs=None, **kwargs):
    """Admin links in emails come from ``WAGTAILADMIN_BASE_URL``; a production site that has
    none sends links without a host (or, through Wagtail, to the wrong one)."""
    if settings.DEBUG or getattr(settings, "WAGTAILADMIN_BASE_URL", ""):
        return []
    return [
        Warning(
            _(
                "WAGTAILADMIN_BASE_URL is not set and DEBUG is off: the links to the admin in "
                "review, moderation and account emails have no host to point at."
            ),
            hint=_(
                "Set WAGTAILADMIN_BASE_URL to the address editors use, e.g. "
                "'https://www.example.gov' (the same host as the Wagtail Site)."
            ),
            id="civic_wagtail.W003",
        )
    ]


@register(Tags.sites, deploy=True)
def check_sites_domain(app_configs=None, **kwargs):
    """django.contrib.sites still at its migration default: emails would say "[example.com]".

    allauth's verification emails and comments-xtd's links take the domain of the
    ``SITE_ID`` record. A deploy check (``check --deploy``): it reads the database.
    """
    if not apps.is_installed("django.contrib.sites"):
        return []
    from django.contrib.sites.models import Site as DjangoSite
    from django.db import DatabaseError

    site_id = getattr(settings, "SITE_ID", None)
    try:
        domain = DjangoSite.objects.filter(pk=site_id).values_list("domain", flat=True).first()
    except DatabaseError:
        return []  # no database yet (before migrate): nothing to say
    if domain != DEFAULT_SITES_DOMAIN:
        return []
    return [
        Warning(
            # Translators: "Please Confirm Your Email Address" is allauth's subject line: use
            # allauth's own translation of it.
            _(
                "The django.contrib.sites record %(site_id)s (SITE_ID) still has the domain "
                "'%(domain)s': verification emails are sent as "
                "'[%(domain)s] Please Confirm Your Email Address' and comment links "
                "point to %(domain)s."
            )
            % {"site_id": site_id, "domain": DEFAULT_SITES_DOMAIN},
            hint=_(
                "Set its domain and name to your site's (Django admin > Sites, or python "
                "manage.py shell -c \"from django.contrib.sites.models import Site; "
                "Site.objects.filter(pk=1).update(domain='www.agency.gov', name='Agency')\")."
            ),
            id="civic_wagtail.W005",
        )
    ]


#: The domain a fresh ``migrate`` gives the first django.contrib.sites record.
DEFAULT_SITES_DOMAIN = "example.com"


def _strings(value, depth=0):
    """Every string inside a setting's value (lists, tuples, sets and dicts, a few levels)."""
    if isinstance(value, str):
        yield value
    elif depth < 4 and isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < 4 and isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, depth + 1)
            yield from _strings(item, depth + 1)


def _names_feature(text, feature):
    return (
        text == feature.name
        or text.startswith(feature.name + ".")
        or text == feature.label
        or text.startswith(feature.label + ".")
    )


@register(Tags.compatibility)
def check_settings_of_absent_apps(app_configs=None, **kwargs):
    """Settings pasted for a feature app the site left out (or removed).

    A ``CIVIC_WAGTAIL_<FEATURE>_*`` setting, or any setting whose value names the app's module
    or label (``CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES`` listing
    ``civic_wagtail_library.CaseStudyPage``, ``WAGTAIL_FINISH_WORKFLOW_ACTION`` pointing into
    ``civic_wagtail.review``): at best dead, at worst an import of an app whose tables are gone.
    """
    absent = [feature for feature in FEATURES if not apps.is_installed(feature.name)]
    if not absent:
        return []
    warnings = []
    for name in sorted(dir(settings)):
        if not name.isupper() or name == "INSTALLED_APPS":
            continue
        value = getattr(settings, name, None)
        for feature in absent:
            if name.startswith(feature.setting_prefix):
                message = gettext_noop(
                    "%(setting)s is a setting of %(app)s, which is not in INSTALLED_APPS."
                )
            elif any(_names_feature(text, feature) for text in _strings(value)):
                message = gettext_noop(
                    "%(setting)s names %(app)s, which is not in INSTALLED_APPS."
                )
            else:
                continue
            params = {
                "setting": name,
                "app": feature.name,
                "label": feature.label,
                "pip": feature.pip,
            }
            warnings.append(
                Warning(
                    _(message) % params,
                    hint=_(
                        "Remove %(setting)s (or the entries naming %(label)s) from your "
                        "settings, or install the app (%(pip)s and add '%(app)s' to "
                        "INSTALLED_APPS)."
                    )
                    % params,
                    id="civic_wagtail.W004",
                )
            )
    return warnings
