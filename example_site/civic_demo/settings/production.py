"""Production: everything that differs between machines comes from the environment.

Required: SECRET_KEY, DATABASE_URL (PostgreSQL), ALLOWED_HOSTS, REDIS_URL (cache, sessions and
the task queue: rate limits must be counted where every process sees them, and emails, follower
notifications, feed rendering and search indexing run in the RQ worker, `manage.py rqworker`).
Optional: EVENTS_UID_DOMAIN (iCal UIDs; defaults to the first of ALLOWED_HOSTS), OPENSEARCH_URL
(search),
AWS_STORAGE_BUCKET_NAME (S3 media, needs django-storages), FRONTEND_CACHE_CLOUDFLARE_* or
FRONTEND_CACHE_VARNISH_URL (purging), EMAIL_URL-style SMTP settings, CLIENT_IP_HEADER and
TRUSTED_PROXY_COUNT (the client address behind proxies). No state is kept inside one process,
so any number of processes can serve.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", required=True), conn_max_age=600, conn_health_checks=True
    )
}

# One cache shared by every process: rate limits (civic_wagtail.ratelimit) count there, and a
# per-process cache would multiply every limit by the number of processes (check W002).
REDIS_URL = env("REDIS_URL", required=True)
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "civic"),
        # While Redis restarts (a second or two), pages are rendered uncached and sessions and
        # rate limits are not found, instead of answering 500; /healthz/ reports the cache down
        # and the errors are logged (the load test's Redis restart measures this).
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    },
    "renditions": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "civic") + "-renditions",
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background work (emails, follower fan-out, feed re-rendering, search indexing) runs in an RQ
# worker on Redis: `manage.py rqworker default --with-scheduler --job-class django_tasks_rq.Job`
# (the scheduler runs the delayed retries). TASKS_REDIS_URL may name another Redis than the
# cache.
INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
RQ_QUEUES = {
    "default": {"URL": env("TASKS_REDIS_URL", REDIS_URL), "DEFAULT_TIMEOUT": 600},
}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

# Static files: hashed, compressed names served by WhiteNoise with a far-future
# Cache-Control (a CDN in front caches them for good); `manage.py collectstatic` writes them.
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware first: the HTTPS redirect comes before any file
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "civic_wagtail.request_log.RequestIdMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))

# PostgreSQL full-text search: every word is stemmed with the configuration of the content's
# language (titles weigh more than summaries, summaries more than bodies: the fields' boosts).
# After changing SEARCH_CONFIGS, run `manage.py update_index` (docs/how-to/search.md).
SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "civic_wagtail.search_backend",
        "SEARCH_CONFIG": env("SEARCH_CONFIG", "english"),
        "SEARCH_CONFIGS": SEARCH_CONFIGS,
    }
}

if env("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "civic_wagtail.search_backend",
            "WRAPPED_BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [env("OPENSEARCH_URL")],
            "INDEX": env("OPENSEARCH_INDEX", "civic_wagtail"),
        }
    }

if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_QUERYSTRING_AUTH = True  # private documents get signed, expiring URLs
    # Images are served from the bucket: allow it (and only it) as an image source.
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "https://" + (AWS_S3_CUSTOM_DOMAIN or f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
    )

WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_VARNISH_URL"),
    }
if env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }

# iCal UIDs end with a domain the agency owns, set once before the feeds go live (changing it
# later makes every subscriber see every event as new; check civic_wagtail_events.W002).
# EVENTS_UID_DOMAIN, else the site's first host name.
CIVIC_WAGTAIL_EVENTS_UID_DOMAIN = env("EVENTS_UID_DOMAIN") or (
    ALLOWED_HOSTS[0].lstrip(".") if ALLOWED_HOSTS else None
)

# Verification emails must reach people (ACCOUNT_EMAIL_VERIFICATION is mandatory; check
# civic_wagtail_members.W002 warns about a console or dummy backend).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@localhost")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "https://localhost")

# The client address, for rate limits and lockouts (civic_wagtail.ratelimit.client_ip, which
# allauth uses too). Default: one reverse proxy (or load balancer) that appends the address it
# saw to X-Forwarded-For. Set TRUSTED_PROXY_COUNT to the number of proxies in front of the app,
# or CLIENT_IP_HEADER="" when clients connect directly (REMOTE_ADDR).
CIVIC_WAGTAIL_CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR") or None
CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))

# HTTPS everywhere (manage.py check --deploy is clean with these).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview panel shows the site inside the admin in an iframe, which needs
# SAMEORIGIN; DENY would break previews. The check that recommends DENY is silenced for that.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Any http:// reference left in content is fetched over HTTPS instead of being blocked.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# One JSON object per line on stderr, each with the request id (X-Request-ID, set by the proxy
# or made by RequestIdMiddleware); LOG_FORMAT=text for people reading a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "civic_wagtail.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "civic_wagtail.request_log.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
