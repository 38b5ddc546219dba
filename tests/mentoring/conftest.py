import pytest

from civic_wagtail import roles
from civic_wagtail.mentoring.pages import MentoringPage
from tests.factories import member


@pytest.fixture
def mentoring_page(home_page):
    page = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Find a mentor.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def coordinator(db):
    return member(username="cora", role_names=[roles.MENTORING_COORDINATORS])


@pytest.fixture
def mentee(db):
    return member(username="minnie")


@pytest.fixture
def outsider(db):
    return member(username="otto")
