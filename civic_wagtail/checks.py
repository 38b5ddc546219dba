"""System checks: a site that misses a setting the package needs is told what to add.

Each requirement names the setting, what is wrong and the exact fix, so ``manage.py check``
replaces a runtime traceback with a one-line change. IDs are stable (documented in
docs/reference/checks.md).
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

GUARDIAN_BACKEND = "guardian.backends.ObjectPermissionBackend"
ALLAUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
ALLAUTH_MIDDLEWARE = "allauth.account.middleware.AccountMiddleware"


def _app_missing(name, check_id, why):
    return Error(
        f"'{name}' is not in INSTALLED_APPS; civic_wagtail needs it {why}.",
        hint=f"Add '{name}' to INSTALLED_APPS.",
        id=check_id,
    )


REQUIRED_APPS = [
    ("wagtail_localize", "civic_wagtail.E001", "to translate everything editors write"),
    ("guardian", "civic_wagtail.E002", "for private, per-object permissions"),
    ("allauth", "civic_wagtail.E003", "for sign-up, log-in and email verification"),
    ("allauth.account", "civic_wagtail.E004", "for member accounts"),
]
COMMENT_APPS = [
    ("django.contrib.sites", "civic_wagtail.E005"),
    ("django_comments", "civic_wagtail.E006"),
    ("django_comments_xtd", "civic_wagtail.E007"),
]


def _uses_comments():
    return apps.is_installed("django_comments_xtd") or apps.is_installed(
        "civic_wagtail.discussion"
    )


def missing_app_errors(names):
    """The errors of :func:`check_required_apps` for those of ``names`` not installed.

    Feature apps whose models or receivers import one of these apps raise them while loading
    (see :class:`civic_wagtail.apps.FeatureConfig`), since Django cannot get as far as running
    the checks; everywhere else they are reported by the checks below.
    """
    why = {name: why for name, _id, why in REQUIRED_APPS}
    why.update({name: "for discussion (comments-xtd)" for name, _id in COMMENT_APPS})
    ids = {name: check_id for name, check_id, *_ in [*REQUIRED_APPS, *COMMENT_APPS]}
    return [
        _app_missing(name, ids[name], why[name])
        for name in names
        if name in ids and not apps.is_installed(name)
    ]


@register(Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs):
    names = [name for name, *_ in REQUIRED_APPS]
    if _uses_comments():
        names += [name for name, _id in COMMENT_APPS]
    return missing_app_errors(names)


@register(Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    errors = []
    backends = list(getattr(settings, "AUTHENTICATION_BACKENDS", []))
    if GUARDIAN_BACKEND not in backends:
        errors.append(
            Error(
                f"AUTHENTICATION_BACKENDS does not contain '{GUARDIAN_BACKEND}'; object "
                "permissions (private mentorship details, review assignments) would be ignored.",
                hint=(
                    "Set AUTHENTICATION_BACKENDS = ['django.contrib.auth.backends.ModelBackend', "
                    f"'{ALLAUTH_BACKEND}', '{GUARDIAN_BACKEND}']."
                ),
                id="civic_wagtail.E010",
            )
        )
    if ALLAUTH_BACKEND not in backends:
        errors.append(
            Error(
                f"AUTHENTICATION_BACKENDS does not contain '{ALLAUTH_BACKEND}'; members could "
                "not log in with their email address.",
                hint=f"Add '{ALLAUTH_BACKEND}' to AUTHENTICATION_BACKENDS.",
                id="civic_wagtail.E011",
            )
        )
    if ALLAUTH_MIDDLEWARE not in getattr(settings, "MIDDLEWARE", []):
        errors.append(
            Error(
                f"MIDDLEWARE does not contain '{ALLAUTH_MIDDLEWARE}', which allauth requires.",
                hint=f"Add '{ALLAUTH_MIDDLEWARE}' to MIDDLEWARE, after AuthenticationMiddleware.",
                id="civic_wagtail.E012",
            )
        )
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) is not True:
        errors.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True; civic_wagtail content is translatable "
                "with wagtail-localize and needs Wagtail's internationalisation.",
                hint=(
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
                    "COMMENTS_APP is not 'django_comments_xtd'; threaded replies, follow-up "
                    "notifications and moderation would be missing.",
                    hint="Set COMMENTS_APP = 'django_comments_xtd'.",
                    id="civic_wagtail.E014",
                )
            )
        if getattr(settings, "SITE_ID", None) is None:
            errors.append(
                Error(
                    "SITE_ID is not set; django-comments-xtd stores each comment against a "
                    "django.contrib.sites Site.",
                    hint="Set SITE_ID = 1 (and keep that Site's domain equal to Wagtail's).",
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
                    "'civic_wagtail.members' is listed after 'allauth' in INSTALLED_APPS, so "
                    "sign-up and log-in pages use allauth's unstyled templates.",
                    hint="Move the civic_wagtail apps above 'allauth' in INSTALLED_APPS.",
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
            f"Rate limits (CIVIC_WAGTAIL_RATE_LIMITS) are counted in the default cache, which "
            f"is {backend.rsplit('.', 1)[-1]}: each process counts on its own (the dummy cache "
            "counts nothing), so the limits do not hold.",
            hint=(
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
            "WAGTAILADMIN_BASE_URL is not set and DEBUG is off: the links to the admin in "
            "review, moderation and account emails have no host to point at.",
            hint="Set WAGTAILADMIN_BASE_URL to the address editors use, e.g. "
            "'https://www.example.gov' (the same host as the Wagtail Site).",
            id="civic_wagtail.W003",
        )
    ]
