"""Self-assessment pages through HTTP: in a language with or without a translation of the
framework, rate-limited saving, sharing only with one's own mentor, and what the results page
recommends when nothing, or content other than the library's, is tagged."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Locale

from civic_wagtail.improvement.models import Assessment, Competency, CompetencyTag
from tests.factories import member
from tests.utils import logged_in

from .helpers import assessment_post, make_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(owner):
    return logged_in(owner)


@pytest.fixture
def french(framework):
    """The framework translated into French, its competencies and descriptors too."""
    locale = Locale.objects.create(language_code="fr")
    translated = framework.copy_for_translation(locale)
    translated.name = "Numérique"
    translated.save()
    for competency in Competency.objects.filter(locale=locale):
        name = {"Data literacy": "Culture des données"}.get(competency.name, competency.name)
        competency.name = name
        competency.descriptors = [("level", f"{name}, niveau {k}") for k in range(1, 5)]
        competency.save()
    return translated


@pytest.mark.parametrize("locale", [True, False], ids=["french-locale", "no-french-locale"])
def test_pages_in_a_language_without_a_translation_show_the_source_framework(
    improvement_page, framework, client, locale
):
    """The framework has no French translation (the site may not even have a French locale):
    /fr/ pages fall back to the framework as written."""
    if locale:
        Locale.objects.create(language_code="fr")
    index = client.get("/fr/improvement/")
    assert index.status_code == 200
    assert "Digital" in index.content.decode()
    detail = client.get(f"/fr/improvement/frameworks/{framework.pk}/")
    assert detail.status_code == 200
    assert "Data literacy at 1" in detail.content.decode()
    assess = client.get(f"/fr/improvement/frameworks/{framework.pk}/assess/")
    assert assess.status_code == 200
    assert "Data literacy" in assess.content.decode()


def test_the_assessment_speaks_the_visitors_language(
    improvement_page, framework, french, client, owner
):
    assert "Numérique" in client.get("/fr/improvement/").content.decode()
    body = client.get(f"/fr/improvement/frameworks/{framework.pk}/assess/").content.decode()
    assert "Numérique" in body
    assert "Culture des données" in body and "Culture des données, niveau 3" in body
    assert "Data literacy at 3" not in body
    # Members still rate the source rows: results are comparable across languages.
    response = client.post(
        f"/fr/improvement/frameworks/{framework.pk}/assess/",
        assessment_post(framework, [2, 3], [4, 3]),
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(user=owner)
    assert assessment.framework_id == framework.pk
    assert {r.competency.locale_id for r in assessment.ratings.all()} == {framework.locale_id}
    english = client.get(f"/improvement/frameworks/{framework.pk}/assess/").content.decode()
    assert "Data literacy at 3" in english and "Culture des données" not in english


def test_saving_assessments_is_rate_limited(improvement_page, framework, client, owner, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement": {"member": (1, 3600)}}
    url = f"/improvement/frameworks/{framework.pk}/assess/"
    assert client.post(url, assessment_post(framework, [2, 3], [4, 3])).status_code == 302
    response = client.post(url, assessment_post(framework, [3, 3], [4, 3]))
    assert response.status_code == 429
    assert Assessment.objects.filter(user=owner).count() == 1


def test_an_assessment_is_shared_only_with_ones_own_mentor(
    improvement_page, framework, owner, client
):
    assessment = make_assessment(owner, framework, [1, 2], [3, 4])
    stranger = member(username="not_my_mentor")
    response = client.post(
        f"/improvement/assessments/{assessment.pk}/share/",
        {"mentor": str(stranger.pk), "show_on_profile": "on"},
    )
    assert response.status_code == 400
    assert "Choose one of your mentors, or nobody." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.shared_with is None and not assessment.show_on_profile


def test_no_gap_no_recommendation(improvement_page, framework, owner, client, mentor_profile):
    tag(framework, "Data literacy", mentor_profile)
    assessment = make_assessment(owner, framework, [3, 4], [3, 4])
    body = client.get(f"/improvement/assessments/{assessment.pk}/").content.decode()
    assert "You are at the level you aim for in every competency." in body
    assert "this mentor is tagged" not in body


@override_settings(CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS={})
def test_a_site_without_recommended_kinds_lists_none(
    improvement_page, framework, owner, client, mentor_profile
):
    tag(framework, "Data literacy", mentor_profile)
    assessment = make_assessment(owner, framework, [1, 2], [3, 2])
    body = client.get(f"/improvement/assessments/{assessment.pk}/").content.decode()
    assert "Data literacy: 1 of 4, aiming for 3" in body
    assert "Nothing on the site is tagged with this competency yet." in body


@override_settings(
    CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS={
        "practice": "not_installed.PracticePage",
        "handbook": "wagtaildocs.Document",
    }
)
def test_a_site_may_recommend_its_own_kind_of_content(improvement_page, framework, owner, client):
    document = get_document_model().objects.create(
        title="Data literacy handbook", file=ContentFile(b"%PDF-1.4", name="handbook.pdf")
    )
    tag(framework, "Data literacy", document)
    assessment = make_assessment(owner, framework, [1, 2], [3, 2])
    body = client.get(f"/improvement/assessments/{assessment.pk}/").content.decode()
    assert '<span class="cw-tag">handbook</span> Data literacy handbook<p' in body
    assert (
        "You rated Data literacy 1 of 4 and aim for 3; this handbook is tagged Data literacy."
    ) in body


def tag(framework, competency_name, obj):
    return CompetencyTag.objects.create(
        competency=framework.competencies.get(name=competency_name),
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
    )
