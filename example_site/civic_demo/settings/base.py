"""Settings of the civic_wagtail demo: a Wagtail site that installs the package as the
installation guide (docs/tutorial/installation.md) says. Development and production differ only
in dev.py and production.py."""

import os
from pathlib import Path

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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
# Wagtail's database backend, without its full-index rescan on every save on PostgreSQL
# (docs/explanation/search-index.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "civic_wagtail.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # private collections stay private

# Accounts (django-allauth): email log-in, mandatory email verification.
SITE_ID = 1
ACCOUNT_LOGIN_METHODS = {"email"}
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
LOGIN_REDIRECT_URL = "/members/profile/"

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
# Reviewers approve the text they read: an edit during review asks them to approve again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

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
