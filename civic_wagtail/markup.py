"""Markdown to safe HTML for everything members write: comments, thread bodies and the long
texts of case studies they submit (one pipeline, in core, so every app renders alike).

Markdown runs first, then nh3 (ammonia) keeps only an allow-list of tags, attributes and URL
schemes. Raw HTML typed by a member is treated as text by Markdown, so it can never reach the
output as markup; nh3 is the second wall that catches anything Markdown itself produced
(``[x](javascript:...)`` links, images with ``data:`` sources, attribute injection).
"""

import re
import threading

import markdown
import nh3
from django.utils.safestring import mark_safe
from markdown.extensions import Extension

#: Tags a comment may contain once rendered.
ALLOWED_TAGS = {
    "a",
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "hr",
}
#: Attributes per tag. ``rel`` is set by nh3 itself.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
#: Link schemes: no ``javascript:``, ``data:`` or ``vbscript:``.
ALLOWED_SCHEMES = {"http", "https", "mailto"}


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


def _filter_attribute(tag, attribute, value):
    # Browsers drop tabs and newlines inside URLs ("java\tscript:"); judge the scheme the way
    # they would read it, after nh3's own scheme check on the raw value.
    if attribute == "href":
        match = _SCHEME.match(_IGNORED_IN_URLS.sub("", value).lower())
        if match and match.group(1) not in ALLOWED_SCHEMES:
            return None
    return value


class _EscapeRawHtml(Extension):
    """Treat raw HTML as text: Markdown then escapes it like any other character."""

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


_local = threading.local()


def _converter():
    # Building a Markdown instance costs more than converting a comment: keep one per thread.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=[_EscapeRawHtml(), "fenced_code", "sane_lists"])
        _local.converter = converter
    return converter


def render_markdown(text):
    """Render member-written Markdown ``text`` to sanitised HTML (a ``SafeString``)."""
    rendered = _converter().reset().convert(text or "")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter_attribute,
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)
