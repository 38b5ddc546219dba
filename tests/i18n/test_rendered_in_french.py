"""Each public page type of the package, rendered in French (and Spanish), shows no English
msgid of the package's catalogues: every interface string on the page went through a catalogue.

The pages are the English demo pages served under /fr/ and /es/ (the interface follows the URL's
language; the content is what the editors wrote). A catalogue entry counts as untranslated on
the page when its English text appears as a whole text node or attribute (or, for a msgid with
placeholders, as the same sentence around any values). Entries whose French is the same as the
English (names such as "Outlook", words such as "Type") and the pages' own titles are left out:
they read the same either way.
"""

import functools
import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from civic_wagtail.discussion.models import Thread
from tests.i18n.catalogues import catalogues, messages_tool
from tests.pages import every_page_type

pytestmark = pytest.mark.django_db

ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "value", "content"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


class _Text(HTMLParser):
    """The text nodes and the readable attributes of a page, whitespace-normalised."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        # A choice's value is a code sent back to the server, not text anyone reads.
        coded = tag == "option" or (
            tag == "input" and dict(attrs).get("type") in ("hidden", "radio", "checkbox")
        )
        for name, value in attrs:
            if coded and name == "value":
                continue
            if name in ATTRIBUTES and value:
                self.nodes.append(" ".join(value.split()))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.nodes.append(text)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return parser.nodes


def english_msgids(exclude, lang="fr"):
    """The msgids (singular and plural) of every catalogue whose translation differs from them."""
    return _english_msgids(frozenset(exclude), lang)


@functools.lru_cache(maxsize=8)
def _english_msgids(exclude, lang):
    tool = messages_tool()
    plain, patterns = set(), []
    entries = [
        (msgid, entry)
        for po in catalogues(lang).values()
        for (_context, msgid), entry in tool.read_po(po).items()
    ]
    # A word that one app's catalogue translates as itself ("Organisation" in French) reads
    # the same on the page whichever catalogue rendered it.
    same = {msgid for msgid, entry in entries if msgid == entry["msgstr"][0]}
    exclude = exclude | same
    for msgid, entry in entries:
        for english, french in ((msgid, entry["msgstr"][0]), (entry["plural"], None)):
            if not english or english == french or english in exclude:
                continue
            text = " ".join(re.sub(r"<[^>]+>", " ", english).split())
            if PLACEHOLDER.search(text):
                parts = [p.strip() for p in PLACEHOLDER.split(text)]
                while parts and not parts[0]:
                    parts.pop(0)
                while parts and not parts[-1]:
                    parts.pop()
                # Too little literal text ("%(title)s: %(label)s") proves nothing. A value
                # is at most 120 characters: the search stays linear in the page's length.
                if sum(len(p) for p in parts) >= 12:
                    gap = r"\s*.{1,120}?\s*"
                    pattern = gap.join(re.escape(p) for p in parts)
                    patterns.append((english, re.compile(pattern)))
            elif len(text) > 1:
                plain.add(text)
    return plain, patterns


def untranslated(html, exclude, lang="fr"):
    nodes = visible_text(html)
    plain, patterns = english_msgids(exclude, lang)
    found = sorted(plain.intersection(nodes))
    page_text = " ".join(nodes)
    found += [msgid for msgid, pattern in patterns if pattern.search(page_text)]
    return found


@pytest.fixture
def pages(home_page, verified_member):
    built = every_page_type(home_page)
    forum = next(p for p in built["all"] if type(p).__name__ == "ForumTopicPage")
    thread = Thread.objects.create(
        forum=forum, title="How do you handle backlogs?", body="We need ideas.",
        author=verified_member,
    )
    return built, thread


def translated_urls(built, thread, lang):
    with translation.override("en"):
        paths = [page.url for page in built["all"]] + [thread.get_absolute_url()]
    return [f"/{lang}{path}" for path in paths]


@pytest.mark.parametrize(("lang", "who"), [("fr", "visitor"), ("fr", "member"), ("es", "member")])
def test_every_public_page_type_translated_shows_no_english_interface_string(
    client, pages, verified_member, lang, who
):
    built, thread = pages
    if who == "member":
        client.force_login(verified_member)
    # The editors' content is English here: the pages' titles and the taxonomy are not
    # interface strings, even where a msgid reads the same ("Mentoring", "Permits").
    content = {page.title for page in built["all"]} | {built["topic"].name, thread.title}
    failures = {}
    for url in translated_urls(built, thread, lang):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html, url
        left = untranslated(html, content, lang)
        if left:
            failures[url] = left
    assert not failures, f"English interface strings on {lang} pages: {failures}"


def test_the_check_would_see_an_english_string(client, pages):
    """The comparison finds what it looks for: the same pages in English are full of msgids."""
    built, thread = pages
    content = {page.title for page in built["all"]} | {built["topic"].name, thread.title}
    response = client.get(built["first"].url)
    found = untranslated(response.content.decode(), content)
    assert {"Cases", "Log in to join the discussion"} <= set(found)
    # ... and the sentences with a number in them, through their plural forms.
    assert "%(counter)s members said this helped them." in found  # 0 members
