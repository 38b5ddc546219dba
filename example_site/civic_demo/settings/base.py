"""Settings of the civic_wagtail demo: a Wagtail site that installs the package as the
installation guide (docs/tutorial/installation.md) says. Development and production differ only
in dev.py and production.py."""

import os
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "civic_demo",
    # civic_wagtail: feature apps, then the core app. Above allauth so that sign-up and
    # log-in pages use the site's layout.
    "civic_wagtail.library",
    "civic_wagtail.review",
    "civic_wagtail.discussion",
    "civic_wagtail.events",
    "civic_wagtail.mentoring",
    "civic_wagtail.recognition",
    "civic_wagtail.transparency",
    "civic_wagtail.improvement",
    "civic_wagtail.groups",
    "civic_wagtail.members",
    "civic_wagtail",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.humanize",  # allauth.mfa's security-key pages use it
    "guardian",
    "django_comments_xtd",
    "django_comments",
    "django.contrib.sites",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, Permissions-Policy and the admin's looser policy (in this
    # order: see the CSP block below and docs/explanation/security.md).
    "csp.middleware.CSPMiddleware",
    "civic_wagtail.headers.PermissionsPolicyMiddleware",
    "civic_wagtail.headers.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "civic_wagtail.members.middleware.AdminSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous visitors' hot pages (threads, library, practices, API listings) come from the
    # cache until what they show changes (civic_wagtail.page_cache).
    "civic_wagtail.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "civic_demo.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "civic_demo.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]

# Internationalisation: every public page in three languages through wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Civic Exchange"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Every query reaches the backend as plain words (civic_wagtail.search_backend), which wraps
# Wagtail's database backend without its full-index rescan on every save on PostgreSQL
# (civic_wagtail.search_index, docs/explanation/search-index.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "civic_wagtail.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # private collections stay private

# Accounts (django-allauth): log-in with a username or an email address, mandatory email
# verification. Sign-up asks only for the email address (the username is derived from it).
SITE_ID = 1
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# A duplicate sign-up gets a form error that says so. allauth's default (True) hides whether
# an address is registered and emails its owner instead: choose that where enumeration of
# members' addresses is a concern (docs/how-to/accounts.md).
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_SIGNUP_FORM_CLASS = "civic_wagtail.members.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Civic Exchange] "
LOGIN_URL = "account_login"
# Private pages and documents send people to allauth's login, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/members/profile/"
# One login path: the admins' login URLs hand over to allauth (urls.py), so the lockout, email
# verification and second factor below apply to editors too. Wagtail's own password reset is
# switched off in favour of allauth's (rate-limited) one.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# allauth reads the client address through civic_wagtail's proxy rule and answers a locked
# log-in with 429 + Retry-After.
ACCOUNT_ADAPTER = "civic_wagtail.members.adapter.AccountAdapter"
# Lockout per account: 5 wrong passwords in 5 minutes lock that account's log-in until the
# oldest of them is 5 minutes old (allauth's default LOGIN_ATTEMPTS_LIMIT). Counted per account,
# so a colleague's lockout never blocks you. The per-address limits are much higher and exist
# only against credential stuffing (one address trying many accounts): an office or a mobile
# network puts hundreds of people behind one address, so a low per-address limit would let one
# person's typos, or an attacker, lock everyone there out (docs/how-to/accounts.md).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,100/5m/ip",
    "login": "100/m/ip",
}
# Second factor (allauth.mfa): authenticator apps, recovery codes, and security keys or
# passkeys where the browser offers WebAuthn. Required for everyone with admin access
# (CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN, default True).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Civic Exchange"

# Object permissions (django-guardian): no anonymous user row, we never grant to anonymous.
ANONYMOUS_USER_NAME = None

# Discussion (django-comments-xtd)
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 3
COMMENTS_XTD_CONFIRM_EMAIL = False

# civic_wagtail
CIVIC_WAGTAIL_VERIFIED_EMAIL_DOMAINS = ["*.gov", "*.gov.uk", "*.gc.ca", "*.gouv.fr", "*.gov.au"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- review ---
# Peer reviewers publish by approving, without page publish permission of their own.
WAGTAIL_FINISH_WORKFLOW_ACTION = "civic_wagtail.review.workflows.publish_workflow_state"
# Reviewers approve the text they read: an edit during review asks them to approve again
# (peer reviews only: the site's other workflows keep Wagtail's default).
CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT = True

# --- discussion ---
# civic_wagtail's comment form: length limit, labels; keeps the honeypot and security hash.
COMMENTS_XTD_FORM_CLASS = "civic_wagtail.discussion.forms.CommentForm"
# Send follow-up mail in the request like the rest of the site (comments-xtd's default starts
# a thread per email, which outlives the request and races with tests).
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {"allow_flagging": True, "allow_feedback": True, "show_feedback": True},
}
# Pages of these types show a comment thread where their template calls civic_page_panels.
CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES = [
    "civic_wagtail_library.BestPracticePage",
    "civic_wagtail_library.CaseStudyPage",
    "civic_wagtail_library.ResourcePage",
    "civic_wagtail_events.EventPage",
]

# --- security headers ---
# Content-Security-Policy (django-csp 4): only this site's own files, scripts only with the
# request's nonce (`<script nonce="{{ request.csp_nonce }}">`), no inline styles, no plugins,
# forms post only here, frames only from here (Wagtail's live preview). The Wagtail admin gets
# the looser script and style sources it needs through
# CIVIC_WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY (civic_wagtail.headers).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Wagtail shows Gravatar pictures of admin users by default: each is a request to a third
# party carrying a hash of the user's email address. Off (and so no img-src exception).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
