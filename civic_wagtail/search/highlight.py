"""Marking the searched words in results, and "did you mean" when nothing is found.

Text is escaped first, then marked: :func:`mark_html` only touches the text between tags of
HTML that is already safe, and never the inside of an entity such as ``&amp;``, so a term
can add ``<mark>`` and nothing else.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from civic_wagtail.search_index import stem

_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\w+")
#: How close a known word must be to a typed one to be suggested (difflib's ratio).
SUGGESTION_CUTOFF = 0.75


def _pattern(terms):
    words = sorted({stem(term) for term in terms.split()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    # An entity is matched first so that its letters are never marked.
    return re.compile(rf"&#?\w+;|\b(?:{alternatives})\w*", re.IGNORECASE)


def mark_html(html, terms):
    """``html`` (safe) with each word that starts with a searched term in ``<mark>``."""
    pattern = _pattern(terms or "")
    if pattern is None:
        return html

    def mark(match):
        found = match.group(0)
        return found if found.startswith("&") else f"<mark>{found}</mark>"

    parts = _TAG.split(str(html))
    for i, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[i] = pattern.sub(mark, part)
    return mark_safe("".join(parts))  # noqa: S308 - escaped input, only <mark> added


def highlight(text, terms):
    """Plain ``text`` escaped, then marked."""
    return mark_html(escape(text), terms)


def did_you_mean(terms, vocabulary):
    """``terms`` with each unknown word replaced by the closest word of ``vocabulary``
    (titles, names), or "" when no word changes. Deterministic: the closest, then the
    alphabetically first."""
    words = sorted(
        {word.lower() for phrase in vocabulary for word in _WORD.findall(str(phrase))
         if len(word) > 2 and not word.isdigit()}
    )
    known = set(words)
    changed, suggestion = False, []
    for term in terms.split():
        lowered = term.lower()
        if lowered in known:
            suggestion.append(lowered)
            continue
        close = difflib.get_close_matches(lowered, words, n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            changed = True
            suggestion.append(close[0])
        else:
            suggestion.append(lowered)
    return " ".join(suggestion) if changed else ""
