"""Project list and project pages: filters, totals per currency, charts, query pins."""

import datetime
import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.adoption import adoption_summary
from civic_wagtail.transparency.models import Measurement, ProjectPage
from civic_wagtail.transparency.projects.bulk import build_project, bulk_add_projects
from tests.factories import TopicFactory

from .project_helpers import make_organisation, make_project, make_project_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_project_index(home_page)


@pytest.fixture
def org():
    return make_organisation()


def test_progress_is_computed_from_milestones(index, org):
    project = make_project(index, org)
    assert project.progress == 50
    milestones = list(project.milestones.all())
    for milestone in milestones:
        milestone.actual_date = milestone.actual_date or datetime.date(2026, 6, 20)
    project.milestones = milestones
    project.save_revision().publish()
    assert ProjectPage.objects.get(pk=project.pk).progress == 100
    project.milestones = []
    project.save()
    assert ProjectPage.objects.get(pk=project.pk).progress == 0


def test_project_page_shows_budget_milestones_and_indicator_chart_with_its_table(
    client, index, org
):
    project = make_project(index, org, budget_planned=Decimal("1000"), budget_spent=Decimal("250"))
    Measurement.objects.bulk_create(
        Measurement(
            project=project,
            indicator="bus-punctuality",
            date=datetime.date(2026, m, 1),
            value=Decimal(80 + m),
            unit="%",
            source="Operator",
        )
        for m in range(1, 13)
    )
    html = client.get(project.url).content.decode()
    assert '<svg role="img" aria-labelledby="budget-title budget-desc"' in html
    assert '<title id="indicator-bus-punctuality-title">Bus punctuality</title>' in html
    assert '<desc id="indicator-bus-punctuality-desc">' in html
    assert html.count('<tr><th scope="row"><time') == 12
    assert "<polyline" in html
    assert "50% of milestones reached" in html
    assert "Operator" in html


def test_draft_projects_are_not_listed_or_shown(client, index, org):
    draft = make_project(index, org, title="Secret plan", publish=False)
    assert "Secret plan" not in client.get(index.url).content.decode()
    assert client.get(f"/projects/{draft.slug}/").status_code == 404


def test_index_filters_and_totals_per_currency(client, index, org):
    topic = TopicFactory(slug="mobility")
    other_org = make_organisation("Shelbyville", "shelbyville")
    make_project(index, org, title="Bus lanes", topics=[topic])
    make_project(
        index,
        org,
        title="Tram",
        budget_planned=Decimal("20000000"),
        budget_spent=Decimal("1000000"),
        status="completed",
    )
    make_project(
        index,
        other_org,
        title="Bridge",
        currency="USD",
        budget_planned=Decimal("700000"),
        budget_spent=Decimal("10"),
    )
    response = client.get(index.url)
    totals = {row["currency"]: row for row in response.context["totals"]}
    assert totals["EUR"]["planned"] == Decimal("20500000")
    assert totals["EUR"]["spent"] == Decimal("1120000")
    assert totals["USD"]["planned"] == Decimal("700000")
    assert totals["EUR"]["projects"] == 2

    def titles(query):
        response = client.get(index.url + query)
        assert response.status_code == 200
        return sorted(p.title for p in response.context["projects"])

    assert titles("?status=completed") == ["Tram"]
    assert titles("?topic=mobility") == ["Bus lanes"]
    assert titles("?organisation=shelbyville") == ["Bridge"]
    assert titles("?band=major") == ["Tram"]
    assert titles("?band=medium") == ["Bridge", "Bus lanes"]
    assert titles("?band=nonsense&status=%00") == ["Bridge", "Bus lanes", "Tram"]
    filtered = client.get(index.url + "?organisation=shelbyville").context["totals"]
    assert [row["currency"] for row in filtered] == ["USD"]


def test_index_query_count_does_not_grow_with_1000_projects(client, index, org):
    topic = TopicFactory(slug="mobility")
    rng = random.Random(1)

    def add(start, n):
        bulk_add_projects(
            index,
            [
                build_project(
                    index, i, org, rng, topics=[topic], currency="EUR" if i % 3 else "USD"
                )
                for i in range(start, start + n)
            ],
        )

    add(0, 3)
    client.get(index.url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(index.url + "?topic=mobility").status_code == 200
    add(3, 997)
    with CaptureQueriesContext(connection) as large:
        response = client.get(index.url + "?topic=mobility")
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(small.captured_queries) <= 20
    assert response.context["projects"].paginator.count == 1000
    assert sum(row["projects"] for row in response.context["totals"]) == 1000


def test_project_page_query_count_does_not_grow_with_measurements(client, index, org):
    project = make_project(index, org)

    def add(months, indicator):
        Measurement.objects.bulk_create(
            Measurement(
                project=project,
                indicator=indicator,
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=30 * m),
                value=Decimal(m),
            )
            for m in range(months)
        )

    add(2, "a")
    client.get(project.url)
    with CaptureQueriesContext(connection) as small:
        client.get(project.url)
    add(60, "b")
    with CaptureQueriesContext(connection) as large:
        client.get(project.url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_live_project_counts_as_an_adoption_of_its_practice(index, org, home_page):
    from wagtail.models import Page

    practice = Page(title="Open budgets", slug="open-budgets")
    home_page.add_child(instance=practice)
    make_project(
        index, org, title="Bus lanes", practice=practice, place="Lyon, France", status="completed"
    )
    make_project(index, org, title="Trams", practice=practice, place="Lyon, France")
    make_project(index, org, title="Draft", practice=practice, place="Nice", publish=False)
    make_project(index, org, title="Dropped", practice=practice, place="Metz", status="cancelled")
    summary = adoption_summary(practice.pk)
    assert summary.places == ["Lyon, France"]
    assert summary.adopted_count == 1
    assert {a.title for a in summary.adoptions} == {"Bus lanes", "Trams"}
    assert all(a.url.startswith("/projects/") for a in summary.adoptions)
