from collections import Counter

import pytest
from django.core.management import call_command
from django.test import override_settings

from civic_wagtail.conf import civic_settings
from civic_wagtail.mentoring.checks import check_mentoring_settings
from civic_wagtail.mentoring.models import MentorProfile, Mentorship
from civic_wagtail.mentoring.pages import MentoringPage


@pytest.mark.django_db
def test_seed_demo_makes_mentorships_in_every_state_and_is_idempotent(mailoutbox):
    call_command("seed_demo", "--mentors", "10", "--no-progress", stdout=open("/dev/null", "w"))
    first = sorted(Mentorship.objects.values_list("mentor_id", "mentee_id", "status"))
    call_command("seed_demo", "--mentors", "10", "--no-progress", stdout=open("/dev/null", "w"))
    assert sorted(Mentorship.objects.values_list("mentor_id", "mentee_id", "status")) == first
    assert MentorProfile.objects.count() == 10
    states = Counter(status for *_ids, status in first)
    assert set(states) == {s.value for s in Mentorship.Status}
    assert MentoringPage.objects.get().url_path.endswith("/mentoring/")
    assert mailoutbox == []  # the demo's fictional people are not emailed


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
