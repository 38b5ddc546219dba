"""Every URL × every role: the statuses of ``matrix.ROWS``, and no URL without a row."""

import re

import pytest
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.models import Site

from .matrix import ROWS, exclusion
from .resolver import all_patterns
from .world import ROLES

STATUS = re.compile(r"^[1-5]\d\d$")


def _pattern(key):
    if "(?P" in key or "^" in key or "\\" in key:
        return RegexPattern(key.replace("^", ""))
    return RoutePattern(key)


def fetch(client, method, path):
    # Each request runs in a savepoint rolled back after it: a like or a flag by one role
    # must not change what the next role gets.
    with transaction.atomic():
        response = client.post(path) if method == "POST" else client.get(path)
        transaction.set_rollback(True)
    return response.status_code


def _param(row):
    marks = ()
    if row.until:
        marks = pytest.mark.xfail(strict=True, reason=f"secure once branch `{row.until}` merges")
    return pytest.param(row, id=f"{row.method} {row.path} [{row.obj}]", marks=marks)


@pytest.mark.django_db
@pytest.mark.parametrize("row", [_param(row) for row in ROWS])
def test_each_role_gets_the_status_of_its_row(world, row):
    path = row.path.format(**world.ids)
    got = [fetch(world.clients[role], row.method, path) for role in ROLES]
    expected = [int(code) for code in row.expect.split()]
    table = "\n".join(
        f"  {role:<12} expected {want}  got {have}{'' if want == have else '  <--'}"
        for role, want, have in zip(ROLES, expected, got, strict=True)
    )
    assert got == expected, f"{row.method} {path} ({row.key}, {row.obj}):\n{table}"


def test_every_url_pattern_has_a_row_or_a_written_exclusion():
    covered = {row.key for row in ROWS}
    missing = [
        key
        for key, pattern in all_patterns().items()
        if key not in covered and not exclusion(pattern)
    ]
    assert not missing, (
        "These URL patterns have no row in tests/security/matrix.py. Decide what each role "
        "must get and add the rows:\n  " + "\n  ".join(sorted(missing))
    )


def test_rows_are_complete_and_name_existing_patterns():
    patterns = all_patterns()
    for row in ROWS:
        assert row.key in patterns, f"stale row: no URL pattern {row.key!r} any more"
        assert row.method in ("GET", "POST"), row
        codes = row.expect.split()
        assert len(codes) == len(ROLES), f"{row.path}: {len(codes)} statuses, {len(ROLES)} roles"
        assert all(STATUS.match(code) for code in codes), row
        assert not exclusion(patterns[row.key]), f"{row.key} is both excluded and in a row"


@pytest.mark.django_db
def test_each_row_path_reaches_the_pattern_it_names(world):
    """A typo in a row's path must not silently test some other URL."""
    root = Site.objects.get(is_default_site=True).root_page.specific
    for row in ROWS:
        path = row.path.format(**world.ids).split("?")[0]
        if ":/" in row.key:
            model, route = row.key.split(":/", 1)
            components = [part for part in path.split("/") if part]
            try:
                page = root.route(RequestFactory().get(path), components).page
            except Http404:
                # Routing itself refuses a draft or missing page: the row says so with 404s.
                assert row.obj in ("draft", "missing"), f"{row.path} does not route"
                assert set(row.expect.split()) == {"404"}, row
                continue
            assert type(page).__name__ == model, f"{row.path} is a {type(page).__name__}"
            names = {}
            for pattern in page.get_resolver().url_patterns:  # the first of a route wins
                names.setdefault(str(pattern.pattern), pattern.name)
            subpath = "/" + path[len(page.url):].lstrip("/")
            match = page.get_resolver().resolve(subpath)
            assert match.url_name == names[route], f"{row.path} reaches {match.url_name}"
            continue
        try:
            match = resolve(path)
        except Resolver404:
            pytest.fail(f"{row.path} does not resolve")
        # ResolverMatch.route drops the ``^`` of regex patterns.
        same = match.route.replace("^", "") == row.key.replace("^", "")
        # An earlier pattern may shadow the row's (comments-xtd's flag/(\d+)/ shadows
        # django-comments' flag/<int:comment_id>/): the row then says what that URL gives.
        shadowed = not same and _pattern(row.key).match(path.lstrip("/")) is not None
        assert same or shadowed, f"{row.path} resolves to {match.route!r}, not {row.key!r}"


def test_excluded_groups_are_only_third_party_admin_screens():
    excluded = [p for p in all_patterns().values() if exclusion(p)]
    assert excluded, "nothing excluded: drop the exclusion"
    for pattern in excluded:
        assert pattern.key.startswith(("admin/", "django-admin/")), pattern
        assert not pattern.is_package, pattern
