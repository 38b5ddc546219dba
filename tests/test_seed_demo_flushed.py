"""seed_demo on a flushed database. In its own module: the checks in test_seed_demo.py keep
one transaction open for the whole module, and PostgreSQL cannot TRUNCATE inside it."""

import io

import pytest
from django.core.management import call_command

#: The smallest demo every seeder accepts.
SMALL = [
    "--no-progress",
    "--i-know-this-is-not-production",  # the test settings have DEBUG off
    "--no-translations",  # the English demo is what is checked here
    *("--practices", "4", "--events", "5", "--comments", "15", "--mentors", "6"),
]


@pytest.mark.django_db(transaction=True)
def test_seed_demo_works_on_a_flushed_database(client):
    """No locale, no page tree, no site: what a transactional test leaves behind."""
    call_command("flush", "--noinput", verbosity=0)
    call_command("seed_demo", *SMALL, stdout=io.StringIO())
    assert client.get("/").status_code == 200
    assert client.get("/library/").status_code == 200
