"""The transparency seeders alone: the --responses flag, idempotence, the TRANSLATIONS dict."""

import io
import random

import pytest
from django.core.management.base import OutputWrapper

from civic_wagtail.seeding import SeedContext
from civic_wagtail.transparency import demo
from civic_wagtail.transparency.models import ConsultationPage, PolicyUpdatePage, Respondent

pytestmark = pytest.mark.django_db


def _run(home, **options):
    ctx = SeedContext(
        options={"no_progress": True, **options},
        stdout=OutputWrapper(io.StringIO()),
        rng=random.Random(1),
        shared={"home": home, "topics": [], "levels": []},
    )
    for seeder in demo.SEEDERS:
        seeder().seed(ctx)
    return ctx


def test_responses_flag_sets_the_number_of_responses_and_a_second_run_adds_nothing(home_page):
    _run(home_page, responses=7)
    _run(home_page, responses=7)
    assert ConsultationPage.objects.count() == 3
    assert PolicyUpdatePage.objects.count() == 8
    for page in ConsultationPage.objects.all():
        assert Respondent.objects.filter(consultation=page).count() == 7
    related = PolicyUpdatePage.objects.get(slug="protected-cycle-lanes").related_links.get()
    assert related.related.slug == "cycle-lanes-strategy"


def test_every_demo_text_has_a_french_and_spanish_version():
    from civic_wagtail.transparency import consultation_demo, policy_demo

    texts = {row[1] for row in policy_demo.POLICIES} | {row[2] for row in policy_demo.POLICIES}
    texts |= {row[1] for row in consultation_demo.CONSULTATIONS}
    texts |= {q[0] for q in consultation_demo.QUESTIONS}
    for language in ("fr", "es"):
        missing = texts - set(demo.TRANSLATIONS[language])
        assert not missing, (language, missing)
        assert all(demo.TRANSLATIONS[language].values())
