
import pytest
from django.test import override_settings

from civic_wagtail.conf import civic_settings
from civic_wagtail.mentoring.checks import check_mentoring_settings
from civic_wagtail.mentoring.pages import MentoringPage


def test_settings_have_documented_defaults():
    assert civic_settings.MENTORING_MATCH_WEIGHTS["topic"] == 3
    assert civic_settings.MENTORING_DEFAULT_LENGTH_MONTHS == 6
    assert check_mentoring_settings() == []


@pytest.mark.parametrize(
    "name,value,check_id",
    [
        ("MATCH_WEIGHTS", {"topic": 1}, "civic_wagtail_mentoring.E001"),
        ("MATCH_WEIGHTS", {"topic": "a", "skill": 1, "language": 1, "level": 1, "region": 1},
         "civic_wagtail_mentoring.E001"),
        ("DEFAULT_LENGTH_MONTHS", 0, "civic_wagtail_mentoring.E002"),
        ("MATCH_LIMIT", "ten", "civic_wagtail_mentoring.E003"),
    ],
)
def test_bad_settings_are_reported(name, value, check_id):
    with override_settings(**{f"CIVIC_WAGTAIL_MENTORING_{name}": value}):
        assert [error.id for error in check_mentoring_settings()] == [check_id]


def test_the_page_text_editors_write_is_translatable():
    from wagtail_localize.fields import TranslatableField, get_translatable_fields

    names = {
        field.field_name
        for field in get_translatable_fields(MentoringPage)
        if isinstance(field, TranslatableField)
    }
    assert {"title", "intro", "match_intro"} <= names
