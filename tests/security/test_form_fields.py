"""Ids the database cannot hold are validation errors, not server errors."""

import pytest

from civic_wagtail.mentoring.forms import MatchForm, MentorProfileForm
from civic_wagtail.mentoring.models import MentorProfile
from tests.factories import TopicFactory, member

pytestmark = pytest.mark.django_db

HUGE = str(2**70)


def test_match_form_rejects_an_id_beyond_the_integer_column():
    TopicFactory()
    form = MatchForm({"topics": [HUGE]})
    assert not form.is_valid()
    assert "topics" in form.errors


def test_mentor_profile_form_rejects_ids_beyond_the_integer_column():
    user = member(username="offering")
    form = MentorProfileForm(
        {"topics": [HUGE], "government_levels": [HUGE], "organisation_types": ["-" + HUGE]},
        instance=MentorProfile(user=user, contact_email=user.email),
    )
    assert not form.is_valid()
    assert {"topics", "government_levels", "organisation_types"} <= set(form.errors)


def test_ids_in_range_still_validate():
    topic = TopicFactory()
    form = MatchForm({"topics": [str(topic.pk)]})
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["topics"]) == [topic]
