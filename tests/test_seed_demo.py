import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from civic_wagtail.members.models import MemberProfile
from civic_wagtail.models import Topic

pytestmark = pytest.mark.django_db

#: The smallest demo every seeder accepts, so the test stays quick.
SMALL = [
    "--no-progress",
    *("--practices", "4", "--events", "5", "--comments", "15", "--mentors", "6"),
]


def counts():
    return (
        Page.objects.count(),
        get_user_model().objects.count(),
        Topic.objects.count(),
        MemberProfile.objects.verified().count(),
    )


def test_seed_demo_is_idempotent_and_serves_every_seeded_page(client):
    call_command("seed_demo", *SMALL)
    first = counts()
    call_command("seed_demo", *SMALL)
    assert counts() == first

    # Verified by domain, pending otherwise.
    assert MemberProfile.objects.get(user__username="member").is_verified
    assert not MemberProfile.objects.get(user__username="pending").is_verified

    for page in Page.objects.live().public().filter(depth__gte=2).specific():
        url = page.get_url()
        if url:
            assert client.get(url).status_code == 200, url


def test_demo_admin_login_works(client):
    call_command("seed_demo", *SMALL)
    assert client.login(username="admin", password="civic-demo")
    assert client.get("/admin/").status_code == 200


def test_seeded_site_links_its_sections_from_home(client):
    call_command("seed_demo", *SMALL)
    home = client.get("/")
    assert home.status_code == 200
    assert "Civic Exchange" in home.content.decode()


def test_the_home_page_is_translated_and_links_its_translation(client):
    call_command("seed_demo", *SMALL)
    french = client.get("/fr/").content.decode()
    assert "agents publics" in french
    assert 'lang="fr"' in french
    english = client.get("/").content.decode()
    assert 'href="/fr/"' in english and 'hreflang="fr"' in english


@pytest.mark.django_db(transaction=True)
def test_seed_demo_works_on_a_flushed_database(client):
    """No locale, no page tree, no site: what a transactional test leaves behind."""
    from django.core.management import call_command as run

    run("flush", "--noinput", verbosity=0)
    call_command("seed_demo", *SMALL)
    assert client.get("/").status_code == 200
    assert client.get("/library/").status_code == 200
