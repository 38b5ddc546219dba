"""The validators of civic_wagtail.params, the search-term cleaner and the civic_id converter."""

import unicodedata
import zoneinfo
from datetime import date

import pytest
from django.test import RequestFactory
from django.urls import resolve
from hypothesis import given
from hypothesis import strategies as st
from modelsearch.query import MATCH_NONE, And, Not, Phrase, PlainText

from civic_wagtail import params
from civic_wagtail.converters import IdConverter
from civic_wagtail.search_terms import plain_query, search_terms


class TestText:
    def test_strips_and_defaults(self):
        assert params.text("  permits ", "q") == "permits"
        assert params.text(None, "q", default="x") == "x"
        assert params.text("   ", "q", default="x") == "x"

    def test_whitespace_controls_become_spaces(self):
        assert params.text("a\tb\nc\r", "q") == "a b c"

    @pytest.mark.parametrize("value", ["a\x00b", "\x07", "a\x1bb", "a\x85b", "\x7f"])
    def test_refuses_control_characters(self, value):
        with pytest.raises(params.BadParameter) as caught:
            params.text(value, "q")
        assert caught.value.name == "q"

    def test_bounded_length(self):
        assert params.text("a" * 200, "q") == "a" * 200
        with pytest.raises(params.BadParameter, match="at most 200"):
            params.text("a" * 201, "q")
        assert params.text("a" * 300, "q", max_length=300)

    def test_is_a_bad_request(self):
        from django.core.exceptions import BadRequest

        assert issubclass(params.BadParameter, BadRequest)


class TestInteger:
    def test_parses_within_range(self):
        assert params.integer("42", "page") == 42
        assert params.integer("", "page", default=1) == 1
        assert params.integer(None, "page") is None
        assert params.integer(str(params.MAX_INTEGER), "id") == params.MAX_INTEGER

    @pytest.mark.parametrize(
        "value", ["-1", "2147483648", "99999999999999999999999", "1.5", "²", "１", "1e3", "x"]
    )
    def test_refuses(self, value):
        with pytest.raises(params.BadParameter):
            params.integer(value, "offset")

    def test_custom_bounds(self):
        assert params.integer("-5", "n", minimum=-10, maximum=10) == -5
        with pytest.raises(params.BadParameter, match="from 1 to 10"):
            params.integer("0", "n", minimum=1, maximum=10)


class TestMonth:
    def test_parses(self):
        assert params.month("2030-03", "month") == date(2030, 3, 1)
        assert params.month("2030-3", "month") == date(2030, 3, 1)
        assert params.month("", "month") is None

    @pytest.mark.parametrize(
        "value",
        ["9999-12", "0001-01", "99999999999999999999-1", "2030-13", "2030-00", "garbage",
         "2030-03-01", "-2030-03"],
    )
    def test_refuses(self, value):
        with pytest.raises(params.BadParameter):
            params.month(value, "month")

    def test_range_is_inclusive(self):
        assert params.month("1900-01", "month") == params.FIRST_MONTH
        assert params.month("2199-12", "month") == params.LAST_MONTH


class TestTimeZone:
    def test_parses(self):
        assert params.time_zone("Europe/Paris", "tz") == zoneinfo.ZoneInfo("Europe/Paris")
        assert params.time_zone("", "tz") is None

    @pytest.mark.parametrize(
        "value", ["Not/AZone", "../../etc/passwd", "a" * 1500, "Europe/Paris\x00", "/etc"]
    )
    def test_refuses(self, value):
        with pytest.raises(params.BadParameter):
            params.time_zone(value, "tz")


def test_request_helpers_read_the_query_string():
    request = RequestFactory().get("/", {"q": " a ", "page": "3", "month": "2030-01",
                                         "tz": "UTC"})
    assert params.get_text(request, "q") == "a"
    assert params.get_integer(request, "page") == 3
    assert params.get_month(request, "month") == date(2030, 1, 1)
    assert params.get_time_zone(request).key == "UTC"


def test_check_all_text_covers_names_and_every_value():
    params.check_all_text(RequestFactory().get("/?a=1&a=2&b="))
    with pytest.raises(params.BadParameter):
        params.check_all_text(RequestFactory().get("/?a=1&a=%00"))
    with pytest.raises(params.BadParameter):
        params.check_all_text(RequestFactory().get("/?a%00=1"))


class TestSearchTerms:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("permit", "permit"),
            ('permit"', "permit"),
            ("'\"<script>", "script"),
            ('"', ""),
            ("a OR b* NEAR(c d) -e ^f g:h", "a OR b NEAR c d e f g h"),
            ("café\x00 münchen", "café münchen"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_keeps_words_only(self, query, expected):
        assert search_terms(query) == expected

    def test_is_bounded(self):
        assert len(search_terms("word " * 5000)) <= 200
        assert len(search_terms("x" * 10_000)) == 200

    @given(st.text(max_size=300))
    def test_leaves_nothing_but_words_and_single_spaces(self, query):
        terms = search_terms(query)
        assert terms == terms.strip() and "  " not in terms
        assert all(char.isalnum() or char == " " or unicodedata.category(char)[0] == "M"
                   for char in terms)
        assert '"' not in terms and "\x00" not in terms and "*" not in terms

    def test_plain_query_cleans_query_objects(self):
        cleaned = plain_query(And([PlainText('permit"'), Phrase('"'), Not(PlainText("a*"))]))
        assert isinstance(cleaned, And)
        first, second = cleaned.subqueries
        assert first.query_string == "permit"
        assert second.subquery.query_string == "a"
        assert plain_query(PlainText('"')) is MATCH_NONE
        assert plain_query(MATCH_NONE) is MATCH_NONE


class TestIdConverter:
    def test_bounds(self):
        converter = IdConverter()
        assert converter.to_python("42") == 42
        assert converter.to_url(42) == "42"
        with pytest.raises(ValueError):
            converter.to_python(str(params.MAX_INTEGER + 1))

    def test_a_huge_id_does_not_resolve(self):
        assert resolve("/members/12/").kwargs == {"pk": 12}
        # Not the profile view: the page tree's catch-all, which answers 404.
        assert resolve("/members/99999999999999999999/").url_name != "profile_detail"
