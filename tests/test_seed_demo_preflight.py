"""seed_demo refuses a database that looks real, never rewrites a site's own records, and
prints only the logins it created. Fast: nothing here seeds the whole demo."""

import io
import random

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from civic_wagtail import seeding
from civic_wagtail.demo import DEMO_PASSWORD, DEMO_SITE_URL, CoreSeeder, SiteAddressSeeder
from civic_wagtail.seeding import SeedContext

pytestmark = pytest.mark.django_db


def test_an_empty_development_database_may_be_seeded(settings):
    settings.DEBUG = True
    assert seeding.preflight() == []


def test_debug_off_is_refused_without_the_flag(settings):
    settings.DEBUG = False
    (problem,) = seeding.preflight()
    assert "DEBUG is off" in problem
    with pytest.raises(CommandError, match="--i-know-this-is-not-production"):
        call_command("seed_demo", "--no-progress", stdout=io.StringIO())


def test_accounts_it_did_not_create_are_refused(settings):
    settings.DEBUG = True
    User = get_user_model()
    User.objects.create_user("max", email="max@city.example.gov")  # a demo-like address
    assert seeding.preflight() == []
    User.objects.create_user("admin", email="webmaster@agency.gov", password="their-own")
    (problem,) = seeding.preflight()
    assert "1 account(s) seed_demo did not create (webmaster@agency.gov)" in problem
    with pytest.raises(CommandError, match="did not create"):
        call_command("seed_demo", "--no-progress", stdout=io.StringIO())


def test_pages_it_did_not_create_are_refused(settings):
    settings.DEBUG = True
    home = Site.objects.get(is_default_site=True).root_page
    home.add_child(instance=Page(title="About us", slug="about"))
    (problem,) = seeding.preflight()
    assert "1 page(s) seed_demo did not create" in problem


@pytest.mark.parametrize(
    ("domain", "name", "allowed"),
    [
        ("example.com", "example.com", True),  # what migrate made, untouched
        ("127.0.0.1:8000", seeding.DEMO_DJANGO_SITE_NAME, True),  # the demo's own
        ("www.agency.gov", "Agency", False),
        ("example.com", "Agency", False),  # someone named it: theirs
    ],
)
def test_only_the_default_or_the_demo_sites_record_may_be_rewritten(domain, name, allowed):
    assert seeding.may_rewrite_django_site(DjangoSite(domain=domain, name=name)) is allowed


@pytest.mark.parametrize(
    ("hostname", "port", "site_name", "allowed"),
    [
        ("localhost", 80, "", True),
        ("www.agency.gov", 443, "Agency", False),
        ("127.0.0.1", 8000, "Civic Exchange", True),
    ],
)
def test_only_the_default_or_the_demo_wagtail_site_may_be_rewritten(
    hostname, port, site_name, allowed
):
    site = Site(hostname=hostname, port=port, site_name=site_name)
    assert seeding.may_rewrite_wagtail_site(site, demo_site_name="Civic Exchange") is allowed


def core_seed():
    """The core's seeders: people, then the sites pointed at the served address."""
    ctx = SeedContext(
        options={"no_progress": True, "site_url": DEMO_SITE_URL},
        stdout=io.StringIO(),
        rng=random.Random(1),
    )
    CoreSeeder().seed(ctx)
    SiteAddressSeeder().seed(ctx)
    return ctx


def test_a_sites_record_of_the_site_is_kept_and_only_created_logins_are_printed():
    DjangoSite.objects.filter(pk=1).update(domain="www.agency.gov", name="Agency")
    User = get_user_model()
    # The site's own "admin" account, and a demo address someone already uses with their own
    # password: neither is given the demo password, neither is printed.
    own_admin = User.objects.create_user("admin", email="it@agency.gov", password="theirs")
    User.objects.create_user("someone", email="max@city.example.gov", password="theirs")
    ctx = core_seed()
    assert DjangoSite.objects.get(pk=1).domain == "www.agency.gov"
    own_admin.refresh_from_db()
    assert own_admin.check_password("theirs") and own_admin.email == "it@agency.gov"
    demo_admin = User.objects.get(email="admin@example.gov")
    assert demo_admin.username == "admin-demo" and demo_admin.check_password(DEMO_PASSWORD)
    summary = "\n".join(ctx.shared["summary"])
    assert f"as admin@example.gov / {DEMO_PASSWORD}" in summary
    assert "max@city.example.gov" not in summary
    assert "editor@city.example.gov" in summary


def test_the_untouched_default_sites_record_becomes_the_demos():
    DjangoSite.objects.update_or_create(
        pk=1, defaults={"domain": "example.com", "name": "example.com"}
    )
    core_seed()
    site = DjangoSite.objects.get(pk=1)
    assert (site.domain, site.name) == ("127.0.0.1:8000", seeding.DEMO_DJANGO_SITE_NAME)
