"""The public review record, attached to any page through civic_page_panels."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from django.utils.formats import date_format

from civic_wagtail.review.models import ReviewRecord
from civic_wagtail.review.public_record import render_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first, score=4)
    submitted.approve(second, score=5)
    return submitted


def render_panels(page):
    request = RequestFactory().get("/")
    template = Template("{% load civic_wagtail_tags %}{% civic_page_panels page %}")
    return template.render(Context({"page": page, "request": request}))


def test_record_is_rendered_through_the_page_panels_tag(reviewed):
    html = render_panels(reviewed.refresh())
    today = timezone.localdate()
    assert f"Peer reviewed by 2 practitioners on {date_format(today, 'DATE_FORMAT')}" in html
    assert "Rosa, Ravi" in html
    assert "Outcomes supported by evidence" in html
    assert "4.5" in html
    due = ReviewRecord.objects.get().review_due
    assert due.year == today.year + 1 or (due - today).days >= 365
    assert "Next review due by" in html


def test_reviewer_names_can_be_hidden(reviewed, settings):
    settings.CIVIC_WAGTAIL_REVIEW_PUBLIC_REVIEWER_NAMES = False
    html = render_panels(reviewed.refresh())
    assert "Peer reviewed by 2 practitioners" in html
    assert "Rosa" not in html


def test_due_date_follows_the_setting(submitted, settings):
    settings.CIVIC_WAGTAIL_REVIEW_DUE_MONTHS = 6
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.approve(second)
    record = ReviewRecord.objects.get()
    assert 180 <= (record.review_due - record.reviewed_at.date()).days <= 184


def test_pages_without_a_record_render_nothing(site):
    assert render_panels(site.page).strip() == ""


def test_overdue_record_says_so(reviewed):
    ReviewRecord.objects.update(review_due=timezone.localdate() - datetime.timedelta(days=1))
    assert "Re-validation was due on" in render_panels(reviewed.refresh())


@pytest.mark.parametrize("rounds", [1, 4])
def test_record_costs_one_query_however_often_reviewed(
    reviewed, rounds, django_assert_num_queries
):
    record = ReviewRecord.objects.get()
    for n in range(rounds - 1):
        record.pk = None
        record.task_state = None
        record.reviewed_at = record.reviewed_at + datetime.timedelta(days=n + 1)
        record.save()
    page = reviewed.refresh()
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        html = render_record(request, page)
    assert "Peer reviewed by 2 practitioners" in html


def test_translations_show_the_record_of_the_reviewed_page(reviewed):
    from wagtail.models import Locale

    french = Locale.objects.create(language_code="fr")
    page = reviewed.refresh()
    reviewed.home.copy_for_translation(french)
    translation = page.copy_for_translation(french)
    assert "Peer reviewed by 2 practitioners" in render_panels(translation)
