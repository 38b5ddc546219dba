"""Hostile input on every URL pattern, as anonymous and as a member: never a 5xx.

Each pattern (the same list as the matrix's, from the resolver) gets a few derandomised
Hypothesis examples plus explicit ones that carry the classic troublemakers everywhere at once:
NUL bytes, huge integers, out-of-range dates, 10,000-character strings and unbalanced quotes,
in the path, the query string and a POST body. CSRF is not checked (``Client``'s default), so
a POST reaches the view.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .matrix import ROWS, exclusion
from .resolver import all_patterns

#: Names the package's views and the APIs read (request.GET/POST, forms, filters, API).
PARAMS = (
    "q", "topic", "topics", "tz", "view", "month", "year", "date", "page", "p", "sort",
    "type", "format", "language", "level", "region", "organisation", "availability", "tab",
    "next", "back", "offset", "limit", "order", "fields", "search", "id", "child_of",
    "indicator", "period_start", "period_end", "baseline", "actual",
)
FIELDS = (
    "comment", "reply_to", "content_type", "object_pk", "timestamp", "security_hash",
    "action", "reason", "message", "title", "summary", "name", "email", "url", "followup",
    "display_name", "time_zone", "goals", "rating", "start_date", "date", "notes", "kind",
    "password", "login", "language", "next", "q", "flag", "evidence_url",
)

NUL = "\x00"
HUGE = str(2**70)
LONG = "x" * 10_000
NASTY = (
    NUL, f"a{NUL}b", HUGE, "-" + HUGE, "99999-12-31", "0000-00-00", "2024-13-45", LONG,
    '"', "'", '"unbalanced', "a AND (", "*", "NOT", "-1", "0", "1e309", "%", "../..", "\u202e",
)
value = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(max_size=20),
)
query = st.dictionaries(st.sampled_from(PARAMS), value, max_size=4)
form = st.dictionaries(st.sampled_from(FIELDS), value, max_size=4)

#: Explicit examples: every parameter at once, so each pattern meets each troublemaker. The
#: calendar only reads ``month`` in its month view, so ``view`` asks for it.
KITCHEN_SINKS = [
    dict.fromkeys(PARAMS, NUL) | {"view": "month"},
    dict.fromkeys(PARAMS, HUGE) | {"view": "month", "month": "9999-12", "date": "9999-12-31"},
    # Long values only where a view reads free text: 10,000 characters in every parameter
    # would spend the budget on parsing the query string.
    dict.fromkeys(PARAMS, '"unbalanced')
    | dict.fromkeys(("q", "search", "tz", "topic", "next", "type", "fields"), '"' + LONG)
    | {"view": "month"},
]
FORM_SINKS = [
    dict.fromkeys(FIELDS, NUL),
    dict.fromkeys(FIELDS, HUGE) | {"date": "9999-12-31", "start_date": "0000-00-00"},
    dict.fromkeys(FIELDS, "'unbalanced")
    | dict.fromkeys(("comment", "message", "title", "reason", "name", "email"), '"' + LONG),
]

#: Patterns whose 5xx another branch fixes: a strict xfail here, so the merge that fixes them
#: fails the suite until the entry is removed. ``{key: (branch, what)}``. Empty: every 5xx the
#: fuzz found is fixed on main.
KNOWN = {}
#: The same, for one database only (SQLite cannot bind an integer beyond 64 bits, PostgreSQL
#: refuses NUL bytes in text parameters).
KNOWN_SQLITE = {}
KNOWN_POSTGRES = {}

def _templates(key):
    """Path templates for ``key``: its matrix rows' paths and, for ``<conv:name>`` routes, the
    route itself with each converter as a placeholder."""
    paths = sorted({row.path.split("?")[0] for row in ROWS if row.key == key})
    if ":/" not in key and not key.startswith("^") and "^" not in key and "<" in key:
        paths.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", key))
    return paths or ["/" + key]


def _param(key):
    by_vendor = {"sqlite": KNOWN_SQLITE, "postgresql": KNOWN_POSTGRES}
    known = KNOWN.get(key) or by_vendor.get(connection.vendor, {}).get(key)
    if known is None:
        return key
    branch, what = known
    mark = pytest.mark.xfail(strict=True, reason=f"5xx ({what}) fixed by branch `{branch}`")
    return pytest.param(key, marks=mark)


PATTERNS = sorted(key for key, pattern in all_patterns().items() if not exclusion(pattern))


def _fill(template, segment):
    names = re.findall(r"{(\w+)}", template)
    return template.format(**{name: quote(segment, safe="") for name in names})


def _send(client, method, path, params, data):
    url = f"{path}?{urlencode(params)}" if params else path
    with transaction.atomic():
        try:
            response = client.post(url, data) if method == "POST" else client.get(url)
        except Exception as error:
            # The 10,000-character values would bury the message: keep its start.
            raise AssertionError(f"{method} {url[:200]} raised {repr(error)[:300]}") from None
        finally:
            transaction.set_rollback(True)
    assert response.status_code < 500, f"{method} {url[:300]}: {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("key", [_param(key) for key in PATTERNS])
@settings(
    max_examples=1,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=value, params=query, data=form)
@example(segment=NUL, params=KITCHEN_SINKS[0], data=FORM_SINKS[0])
@example(segment=HUGE, params=KITCHEN_SINKS[1], data=FORM_SINKS[1])
@example(segment=LONG, params=KITCHEN_SINKS[2], data=FORM_SINKS[2])
def test_no_input_makes_a_server_error(world, key, segment, params, data):
    for path in sorted({_fill(template, segment) for template in _templates(key)}):
        for role in ("anon", "verified"):
            client = world.clients[role]
            _send(client, "GET", path, params, {})
            _send(client, "POST", path, params, data)
