"""seed_demo points the sites at the address the demo is served on (flag or environment)."""

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import CommandError
from wagtail.models import Site

from civic_wagtail.demo import DEMO_SITE_URL, point_sites_at
from civic_wagtail.management.commands.seed_demo import Command

pytestmark = pytest.mark.django_db


def test_the_wagtail_and_django_sites_take_the_served_address(home_page):
    point_sites_at("http://demo.example.org:8123")  # migrate's untouched defaults
    assert Site.objects.get(is_default_site=True).root_url == "http://demo.example.org:8123"
    assert DjangoSite.objects.get_current().domain == "demo.example.org:8123"
    # The demo's own site (the home seeder names it) follows the flag on every run.
    Site.objects.filter(is_default_site=True).update(site_name="Civic Exchange")
    point_sites_at("https://civic.example.gov")
    assert Site.objects.get(is_default_site=True).root_url == "https://civic.example.gov"
    with pytest.raises(CommandError, match="http://127.0.0.1:8000"):
        point_sites_at("127.0.0.1:8000")


def test_the_address_comes_from_the_flag_or_the_environment(monkeypatch):
    def parsed(*args):
        return Command().create_parser("manage.py", "seed_demo").parse_args(args).site_url

    monkeypatch.delenv("CIVIC_DEMO_SITE_URL", raising=False)
    assert parsed() == DEMO_SITE_URL == "http://127.0.0.1:8000"
    monkeypatch.setenv("CIVIC_DEMO_SITE_URL", "http://127.0.0.1:8102")
    assert parsed() == "http://127.0.0.1:8102"
    assert parsed("--site-url", "http://10.0.0.1:9000") == "http://10.0.0.1:9000"


def test_a_sites_own_records_are_never_rewritten(home_page):
    Site.objects.filter(is_default_site=True).update(
        hostname="www.agency.gov", port=443, site_name="Agency"
    )
    DjangoSite.objects.update_or_create(
        pk=1, defaults={"domain": "www.agency.gov", "name": "Agency"}
    )
    point_sites_at("http://127.0.0.1:8000")
    assert Site.objects.get(is_default_site=True).root_url == "https://www.agency.gov"
    assert DjangoSite.objects.get_current().domain == "www.agency.gov"
