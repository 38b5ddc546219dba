import pytest

from civic_wagtail.improvement.pages import ImprovementPage
from civic_wagtail.mentoring.models import Mentorship
from tests.factories import member
from tests.mentoring.helpers import make_mentor

from .helpers import make_framework


@pytest.fixture
def improvement_page(home_page):
    page = ImprovementPage(title="Improvement", slug="improvement", intro="<p>Grow.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def framework(db):
    return make_framework()


@pytest.fixture
def owner(db):
    return member(username="olive", email="olive@city.example.gov")


@pytest.fixture
def mentor_profile(owner):
    mentor = make_mentor("mentor_mo")
    Mentorship.objects.create(mentor=mentor, mentee=owner, message="Help?", status="active")
    return mentor


@pytest.fixture
def mentor(mentor_profile):
    return mentor_profile.user
