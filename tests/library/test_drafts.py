"""Another app's evidence becomes a library draft in peer review (civic_wagtail.drafts), and
other apps' adoptions count on the practice page (civic_wagtail.adoption)."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import WorkflowState

from civic_wagtail import adoption, drafts
from civic_wagtail.library.models import BestPracticePage, CaseStudyPage, Indicator
from tests.factories import TopicFactory
from tests.library.helpers import IndicatorFactory, case_study, library_index, practice

from .test_submission import review_workflow  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def person(username, name):
    from civic_wagtail.members.models import MemberProfile

    user = get_user_model().objects.create_user(username, f"{username}@city.gov", "pw")
    MemberProfile.objects.create(user=user, display_name=name)
    return user


def pilot_draft(origin, indicator, **overrides):
    fields = {
        "title": 'Food waste "pilot" in Ghent & Lyon',
        "summary": "Three councils tried separate food-waste collection.",
        "organisation": "Ghent city council",
        "place": "Ghent, Belgium",
        "challenge": "Bins overflowed.",
        "what_was_done": "Weekly **collection**.",
        "lessons": "Start small.",
        "what_did_not_work": "Paper bags <script>x</script> tore in the rain.",
        "outcomes": [
            drafts.DraftOutcome(
                indicator.slug,
                unit="t",
                baseline=Decimal("120"),
                actual=Decimal("80"),
                period_start=date(2026, 1, 1),
                period_end=date(2026, 6, 30),
            ),
            drafts.DraftOutcome("Households taking part"),
        ],
        "practice_id": origin.pk,
    }
    fields.update(overrides)
    return drafts.Draft(**fields)


def test_a_pilot_becomes_a_case_study_draft_in_review_crediting_everyone(
    library,
    review_workflow,  # noqa: F811
):
    lead, ana, ben = person("lead", "Lea Lead"), person("ana", "Ana"), person("ben", "Ben")
    origin = practice(library, title="Food waste collection")
    indicator = IndicatorFactory(name="Residual waste", slug="residual-waste")
    topic = TopicFactory()

    assert drafts.is_available()
    page = drafts.submit_draft(
        pilot_draft(origin, indicator, topic_ids=[topic.pk], contributors=[lead, ana, ben]),
        user=lead,
    )

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert not page.live and page.owner == lead
    assert page.get_parent().pk == library.pk
    assert "<strong>collection</strong>" in page.what_was_done
    assert "tore in the rain" in page.what_did_not_work
    assert "<script>" not in page.what_did_not_work
    assert page.adapted_from_id == origin.pk
    assert list(page.practices.all()) == [origin]
    assert list(page.topics.all()) == [topic]
    # The submitter owns the page; the others are credited.
    assert set(page.contributors.all()) == {ana, ben}
    outcomes = {o.indicator.name: o for o in page.outcomes.all()}
    assert outcomes["Residual waste"].indicator == indicator
    assert outcomes["Residual waste"].actual == Decimal("80")
    # An indicator the library did not know becomes one, reused next time.
    assert Indicator.objects.filter(name="Households taking part").count() == 1
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == lead


def test_once_published_the_draft_counts_in_the_practices_lineage_and_credits_show(
    client, library
):
    lead, ana = person("lead", "Lea Lead"), person("ana", "Ana Álvarez")
    origin = practice(library, title="Food waste collection")
    indicator = IndicatorFactory()
    page = drafts.submit_draft(pilot_draft(origin, indicator, contributors=[ana]), user=lead)
    assert origin.get_adoptions().count() == 0

    page.get_latest_revision().publish()

    assert [c.pk for c in origin.get_adoptions()] == [page.pk]
    html = client.get(page.url).content.decode()
    assert "What did not work" in html and "tore in the rain" in html
    assert "Contributors" in html and "Ana Álvarez" in html
    practice_html = client.get(origin.url).content.decode()
    assert "Adopted in 1 place" in practice_html


def test_a_practice_draft_keeps_its_failures_too(library):
    lead = person("lead", "Lea")
    origin = practice(library, title="Food waste collection")
    page = drafts.submit_draft(
        pilot_draft(origin, IndicatorFactory(), kind=drafts.PRACTICE), user=lead
    )
    page = BestPracticePage.objects.get(pk=page.pk)
    assert page.adapted_from_id == origin.pk
    assert "Bins overflowed" in page.problem
    assert "Start small" in page.approach
    assert "tore in the rain" in page.what_did_not_work
    assert page.outcomes.count() == 2


def test_without_a_library_page_or_with_a_bad_kind_the_caller_is_told(home_page):
    lead = person("lead", "Lea")
    with pytest.raises(drafts.DraftsUnavailable, match="no library page"):
        drafts.submit_draft(drafts.Draft(title="T", summary="S"), user=lead)
    with pytest.raises(ValueError, match="Unknown draft kind"):
        drafts.submit_draft(drafts.Draft(title="T", summary="S", kind="essay"), user=lead)
    assert CaseStudyPage.objects.count() == 0


def test_other_apps_adoptions_count_once_per_place_on_the_practice_page(client, library):
    origin = practice(library, title="Food waste collection")
    other = practice(library, title="Something else")
    case_study(library, practices=[origin], place="Lyon, France")

    def elsewhere(practice_ids):
        assert set(practice_ids) == {origin.pk}
        return [
            # Same place as the case study: not counted twice.
            adoption.Adoption(origin.pk, "lyon, france", "Lyon project"),
            adoption.Adoption(origin.pk, "Ghent, Belgium", "Ghent project", url="/projects/g/"),
            adoption.Adoption(origin.pk, "Porto, Portugal", "Porto tracker", measuring=True),
            # Measuring where it is already adopted: not "more".
            adoption.Adoption(origin.pk, "Ghent, Belgium", "Ghent tracker", measuring=True),
            adoption.Adoption(other.pk, "Oslo, Norway", "Not asked for"),
        ]

    with hooks.register_temporarily(adoption.HOOK, elsewhere):
        summary = adoption.adoption_summary(origin.pk)
        assert summary.adopted_count == 2  # Lyon and Ghent, as the hook reports them
        assert summary.measuring_places == ["Porto, Portugal"]
        html = client.get(origin.url).content.decode()

    assert "Adopted in 2 places, 1 more measuring now" in html
    assert '<a href="/projects/g/">Ghent project</a> — Ghent, Belgium' in html
    assert "Measuring its effect now: Porto, Portugal" in html
    assert "Oslo" not in html


def test_no_ids_asks_no_app():
    def never(practice_ids):
        raise AssertionError("asked")

    with hooks.register_temporarily(adoption.HOOK, never):
        assert adoption.adoptions_by_practice([]) == {}
