"""System checks for the settings the discussion app relies on."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import URLResolver, get_resolver
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

#: URLconfs that mount comment views which ignore moderation (see ``comment_urls``).
STOCK_URLCONFS = (
    "django_comments_xtd.urls",
    "django_comments_xtd.api.urls",
    "django_comments.urls",
)


@register()
def check_discussion_settings(app_configs, **kwargs):
    from .forms import CommentForm

    errors = []
    # COMMENTS_APP and SITE_ID are checked by the core app (civic_wagtail.E014, E015).
    form_path = getattr(settings, "COMMENTS_XTD_FORM_CLASS", "")
    try:
        form_ok = issubclass(import_string(form_path), CommentForm) if form_path else False
    except ImportError:
        form_ok = False
    if not form_ok:
        errors.append(
            Error(
                _(
                    "COMMENTS_XTD_FORM_CLASS must be civic_wagtail's CommentForm (or a "
                    "subclass): it applies the length limit."
                ),
                hint=_(
                    'Add COMMENTS_XTD_FORM_CLASS = "civic_wagtail.discussion.forms.CommentForm".'
                ),
                id="civic_wagtail_discussion.E002",
            )
        )
    if civic_settings.DISCUSSION_UNVERIFIED_POSTS not in ("hold", "allow", "refuse"):
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_DISCUSSION_UNVERIFIED_POSTS must be 'hold', 'allow' or "
                    "'refuse'."
                ),
                id="civic_wagtail_discussion.E004",
            )
        )
    return errors


def _stock_includes(patterns, prefix=""):
    for pattern in patterns:
        if not isinstance(pattern, URLResolver):
            continue
        route = prefix + str(pattern.pattern)
        module = pattern.urlconf_name
        name = getattr(module, "__name__", module)
        if name in STOCK_URLCONFS:
            yield route, name
        else:
            yield from _stock_includes(pattern.url_patterns, route)


@register(Tags.urls)
def check_comment_urls(app_configs, **kwargs):
    """Error when comments-xtd's (or django-contrib-comments') URLconf is mounted wholesale.

    Their views show held and hidden comments, accept any name and email from a member, and
    publish Gravatar hashes of email addresses.
    """
    return [
        Error(
            _(
                "%(urlconf)s is mounted at '%(route)s': its views show held and hidden "
                "comments, accept any name and email and publish hashes of email addresses."
            )
            % {"urlconf": name, "route": route or "/"},
            hint=_(
                'Replace include("django_comments_xtd.urls") with '
                'include("civic_wagtail.discussion.comment_urls").'
            ),
            id="civic_wagtail_discussion.E005",
        )
        for route, name in _stock_includes(get_resolver().url_patterns)
    ]


@register()
def check_confirmation_email(app_configs, **kwargs):
    """Visitors' posts must not mail a confirmation link to whatever address they typed."""
    if not civic_settings.DISCUSSION_ALLOW_ANONYMOUS:
        return []
    if not getattr(settings, "COMMENTS_XTD_CONFIRM_EMAIL", True):
        return []
    return [
        Error(
            _(
                "CIVIC_WAGTAIL_DISCUSSION_ALLOW_ANONYMOUS is on while COMMENTS_XTD_CONFIRM_EMAIL "
                "is not False: comments-xtd would mail a confirmation link to any address a "
                "visitor types, through a URL civic_wagtail does not mount."
            ),
            hint=_("Set COMMENTS_XTD_CONFIRM_EMAIL = False (visitors' posts are held instead)."),
            id="civic_wagtail_discussion.E006",
        )
    ]
