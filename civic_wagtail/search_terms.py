"""What a search backend is allowed to see of a query typed by a person.

Wagtail's database backends pass each term to the database's own query language: SQLite's
FTS5 fails on a lone ``"`` (``unterminated string``), PostgreSQL's ``tsquery`` and NUL bytes
do not mix, and OpenSearch has its own operators. :func:`search_terms` keeps only the words
(letters, digits and the marks that belong to them), so every backend sees plain terms and
"permit" finds what it always found. Phrase and operator syntax is not offered to readers.

Every search of the package goes through it: the site search, the library index, the forum
search, the open-data API and the admin listings of the package's indexed models.
"""

import re

from django.utils.functional import cached_property

#: Longest query, in characters, that reaches the backend (longer input is cut, not refused).
MAX_QUERY_LENGTH = 200
#: Most terms a query keeps: each is a clause of the database's full-text query.
MAX_TERMS = 20

_NOT_A_WORD = re.compile(r"[\W_]+")


def search_terms(query):
    """``query`` reduced to words separated by single spaces ("" when nothing is left)."""
    if not query:
        return ""
    words = _NOT_A_WORD.sub(" ", str(query)[: MAX_QUERY_LENGTH * 5]).split()
    return " ".join(words[:MAX_TERMS])[:MAX_QUERY_LENGTH].strip()


def plain_query(query):
    """``query`` (a string or a search query object) with every term through
    :func:`search_terms`; terms left empty are dropped, and nothing left matches nothing.
    """
    from modelsearch.query import MATCH_NONE, And, Not, Or, Phrase, PlainText

    if isinstance(query, str):
        return search_terms(query)
    if isinstance(query, PlainText):
        terms = search_terms(query.query_string)
        if not terms:
            return MATCH_NONE
        return PlainText(terms, operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        terms = search_terms(query.query_string)
        return Phrase(terms) if terms else MATCH_NONE
    if isinstance(query, And | Or):
        parts = [plain_query(part) for part in query.subqueries]
        parts = [part for part in parts if part is not MATCH_NONE]
        return type(query)(parts) if parts else MATCH_NONE
    if isinstance(query, Not) and query is not MATCH_NONE:
        inner = plain_query(query.subquery)
        return MATCH_NONE if inner is MATCH_NONE else Not(inner)
    return query


class PlainSearchIndexViewMixin:
    """For Wagtail admin index views: the search box reaches the backend as plain words,
    whatever backend the site configures."""

    @cached_property
    def search_query(self):
        return search_terms(super().search_query)
