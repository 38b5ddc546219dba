"""Template helpers of the discussion templates: Markdown, author names."""

from functools import lru_cache

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from civic_wagtail.markup import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Member-written Markdown as sanitised HTML.

    Rendered once per text and process, then reused: a comment's HTML depends on its text
    alone, so signed-in members' pages (never in the page cache) reuse the same fragments.
    """
    return _rendered(str(text or ""))


@lru_cache(maxsize=4096)
def _rendered(text):
    return render_markdown(text)


@register.filter
def author_name(user, fallback_name=""):
    """The name shown for a post's author: the profile's display name, or "a former member".

    ``fallback_name`` is the name copied into a comment row (visitors' comments when anonymous
    posting is on); erasure blanks it.
    """
    if user is None:
        return fallback_name or _("a former member")
    try:
        return user.civic_profile.display_name or user.get_username()
    except ObjectDoesNotExist:
        return user.get_username()

