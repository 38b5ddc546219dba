"""Creating each page type through the Wagtail admin, and its validation errors."""

from decimal import Decimal

from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from civic_wagtail.library.models import (
    BestPracticePage,
    CaseStudyPage,
    Indicator,
    LibraryIndexPage,
    ResourceIndexPage,
    ResourcePage,
)

OUTCOME_BLANK = {
    "unit": "",
    "direction": "",
    "target": "",
    "evidence_url": "",
    "evidence_document": "",
    "notes": "",
}


def outcome_row(indicator, **values):
    return {**OUTCOME_BLANK, "indicator": indicator.pk, **values}


class LibraryAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Site.objects.get(is_default_site=True).root_page
        cls.library = LibraryIndexPage(title="Library", slug="library")
        root.add_child(instance=cls.library)
        cls.resources = ResourceIndexPage(title="Resources", slug="resources")
        root.add_child(instance=cls.resources)
        cls.indicator = Indicator.objects.create(
            name="Permit processing time", slug="permit-days", unit="days", direction="lower"
        )

    def setUp(self):
        self.login()

    def practice_data(self, **outcome):
        return nested_form_data(
            {
                "title": "Online permit tracker",
                "slug": "online-permit-tracker",
                "summary": "Residents follow their application online.",
                "problem": rich_text("<p>Slow permits.</p>"),
                "approach": rich_text("<p>Publish each step.</p>"),
                "steps": streamfield(
                    [
                        (
                            "step",
                            {
                                "title": "Map the process",
                                "description": rich_text("<p>Walk it.</p>"),
                                "duration": "4 weeks",
                                "roles": streamfield([]),
                                "resources": streamfield([]),
                            },
                        )
                    ]
                ),
                "prerequisites": rich_text(""),
                "risks": rich_text(""),
                "cost_band": "low",
                "cost_notes": "",
                "implementation_months": "6",
                "evidence_strength": "evaluated",
                "contact_name": "",
                "contact_email": "",
                "outcomes": inline_formset(
                    [
                        outcome_row(
                            self.indicator,
                            **{
                                "baseline": "40",
                                "actual": "20",
                                "period_start": "2023-01-01",
                                "period_end": "2023-12-31",
                                **outcome,
                            },
                        )
                    ]
                ),
            }
        )

    def test_subpage_rules(self):
        self.assertAllowedSubpageTypes(self.library, {BestPracticePage, CaseStudyPage})
        self.assertAllowedParentPageTypes(BestPracticePage, {LibraryIndexPage})
        self.assertAllowedSubpageTypes(self.resources, {ResourcePage})

    def test_create_best_practice_with_outcomes(self):
        self.assertCanCreate(self.library, BestPracticePage, self.practice_data())
        page = BestPracticePage.objects.get(slug="online-permit-tracker")
        (row,) = page.outcomes.all()
        assert (row.baseline, row.actual) == (Decimal("40"), Decimal("20"))
        assert row.relative_change == Decimal("-0.5") and row.improved is True
        assert row.locale_id == page.locale_id
        assert page.steps[0].value["title"] == "Map the process"
        assert page.live

    def test_create_case_study_adapting_a_practice(self):
        self.assertCanCreate(self.library, BestPracticePage, self.practice_data())
        original = BestPracticePage.objects.get()
        data = nested_form_data(
            {
                "title": "Tracker in Lyon",
                "slug": "tracker-in-lyon",
                "summary": "Lyon adapted the tracker.",
                "organisation": "Lyon city council",
                "place": "Lyon, France",
                "context": rich_text(""),
                "challenge": rich_text("<p>Backlog.</p>"),
                "what_was_done": rich_text("<p>Tracker.</p>"),
                "lessons": rich_text(""),
                "success_story": "on",
                "practices": [original.pk],
                "adapted_from": original.pk,
                "outcomes": inline_formset(
                    [outcome_row(self.indicator, baseline="", actual="12",
                                 period_start="", period_end="")]
                ),
            }
        )
        self.assertCanCreate(self.library, CaseStudyPage, data)
        case = CaseStudyPage.objects.get()
        assert case.adapted_from_id == original.pk and case.success_story
        assert not case.outcomes.get().is_comparable  # accepted, flagged
        assert original.get_adoptions().get() == case

    def post_practice(self, data):
        url = reverse(
            "wagtailadmin_pages:add",
            args=("civic_wagtail_library", "bestpracticepage", self.library.pk),
        )
        return self.client.post(url, data)

    def test_period_end_before_start_is_an_error(self):
        response = self.post_practice(
            self.practice_data(period_start="2024-06-01", period_end="2024-01-01")
        )
        assert response.status_code == 200
        self.assertContains(response, "The period cannot end before it starts")
        assert not BestPracticePage.objects.exists()

    def test_numbers_must_be_numbers(self):
        response = self.post_practice(self.practice_data(baseline="forty"))
        self.assertContains(response, "Enter a number")
        self.assertContains(response, "forty")  # what was typed is kept
        assert not BestPracticePage.objects.exists()

    def test_an_outcome_needs_a_value(self):
        response = self.post_practice(self.practice_data(baseline="", actual=""))
        self.assertContains(response, "Give at least a baseline, a target or an actual value")

    def test_create_resource_needs_a_document_or_link(self):
        data = nested_form_data(
            {
                "title": "Process map template",
                "slug": "process-map",
                "resource_type": "template",
                "summary": "A template.",
                "body": rich_text(""),
                "external_url": "",
                "file_format": "",
                "licence": "CC BY 4.0",
                "reuse_terms": "",
            }
        )
        url = reverse(
            "wagtailadmin_pages:add",
            args=("civic_wagtail_library", "resourcepage", self.resources.pk),
        )
        self.assertContains(self.client.post(url, data), "Choose a document or give an external")
        data["external_url"] = "https://example.org/template"
        self.assertCanCreate(self.resources, ResourcePage, data)
