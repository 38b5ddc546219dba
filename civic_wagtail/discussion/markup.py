"""Markdown to safe HTML for comments and thread bodies.

Markdown runs first, then nh3 (ammonia) keeps only an allow-list of tags, attributes and URL
schemes. Raw HTML typed by a member is treated as text by Markdown, so it can never reach the
output as markup; nh3 is the second wall that catches anything Markdown itself produced
(``[x](javascript:...)`` links, images with ``data:`` sources, attribute injection).
"""

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


class _EscapeRawHtml(Extension):
    """Treat raw HTML as text: Markdown then escapes it like any other character."""

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text):
    """Render member-written Markdown ``text`` to sanitised HTML (a ``SafeString``)."""
    rendered = markdown.markdown(
        text or "", extensions=[_EscapeRawHtml(), "fenced_code", "sane_lists"]
    )
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)
