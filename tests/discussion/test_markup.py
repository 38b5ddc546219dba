"""Member-written Markdown renders to an allow-list of HTML: 25 XSS payloads stay inert."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings

from civic_wagtail.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

from .helpers import post_comment

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&#58;alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](data:image/svg+xml,<svg onload=alert(1)>)",
    "![img](javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    '[x](https://example.org" onmouseover="alert(1))',
    "[x](https://example.org 'title\" onmouseover=\"alert(1)')",
    "<iframe src=https://evil.example></iframe>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "`<script>alert(1)</script>`",
    "<form action=javascript:alert(1)><button>go</button></form>",
]

DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


class Inspector(HTMLParser):
    """Collects every tag and attribute of the rendered HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html):
    inspector = Inspector()
    inspector.feed(html)
    for tag, attrs in inspector.tags:
        assert tag in ALLOWED_TAGS, f"{tag} in {html}"
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, f"{name} in {html}"
            assert not name.startswith("on")
            normalised = "".join((value or "").split()).lower()
            assert not normalised.startswith(DANGEROUS_SCHEMES), f"{value} in {html}"


def test_there_are_25_payloads():
    assert len(PAYLOADS) == 25


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_inert(payload):
    assert_inert(str(render_markdown(payload)))


def test_markdown_still_works():
    html = str(render_markdown("**bold** _it_ [link](https://example.org)\n\n> quote\n\n- item"))
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener noreferrer">' in html
    assert "<blockquote>" in html and "<li>item</li>" in html


@pytest.mark.django_db
@override_settings(CIVIC_WAGTAIL_RATE_LIMITS={"post": None})
def test_payloads_posted_on_a_thread_render_inert(client, thread, verified_member):
    client.force_login(verified_member)
    for payload in PAYLOADS:
        assert post_comment(client, thread, payload).status_code == 302
    html = client.get(thread.get_url()).content.decode()
    start = html.index('id="discussion"')
    comments = html[start : html.index('id="comment-form"')]
    inspector = Inspector()
    inspector.feed(comments)
    forbidden = {"script", "iframe", "svg", "img", "math", "style", "body", "details"}
    for tag, attrs in inspector.tags:
        assert tag not in forbidden
        for name, value in attrs.items():
            assert not name.startswith("on") and name != "style"
            normalised = "".join((value or "").split()).lower()
            assert not normalised.startswith(DANGEROUS_SCHEMES), value
    # The text of the payloads is there, escaped, for readers to see.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in comments
