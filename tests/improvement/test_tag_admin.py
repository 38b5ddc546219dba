"""The competency-tag admin: editors tag only the kinds of content installed, and an id that
names nothing is refused with where to find the right one."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings

from civic_wagtail.improvement.models import CompetencyTag

pytestmark = pytest.mark.django_db

URL = "/admin/civic_wagtail_improvement_tags/new/"


@pytest.fixture
def admin_client(db):
    admin = get_user_model().objects.create_superuser("root", "root@city.example.gov", "pw")
    client = Client()
    client.force_login(admin)
    return client


@override_settings(
    CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS={
        "mentor": "civic_wagtail_mentoring.MentorProfile",
        "course": "not_installed.Course",
    }
)
def test_tags_point_at_installed_kinds_and_existing_items(admin_client, framework, mentor_profile):
    form = admin_client.get(URL)
    assert form.status_code == 200
    choices = list(form.context["form"].fields["content_type"].queryset)
    assert choices == [ContentType.objects.get_for_model(mentor_profile)]
    mentor_type = choices[0]
    competency = framework.competencies.get(name="Data literacy")
    data = {"competency": str(competency.pk), "content_type": str(mentor_type.pk)}
    response = admin_client.post(URL, {**data, "object_id": "987654"})
    assert response.status_code == 200
    assert "No mentor profile has the id 987654" in response.content.decode()
    assert not CompetencyTag.objects.exists()
    response = admin_client.post(URL, {**data, "object_id": str(mentor_profile.pk)})
    assert response.status_code == 302
    assert CompetencyTag.objects.get().content_object == mentor_profile
