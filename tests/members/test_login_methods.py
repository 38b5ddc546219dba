"""People log in with their username or their email address, as the README lists them."""

import re
from pathlib import Path

import pytest

from civic_wagtail.demo import DEMO_PASSWORD, PEOPLE

from .helpers import PASSWORD, account, session_user_id

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_login_field_accepts_a_username(client):
    html = client.get("/accounts/login/").content.decode()
    field = re.search(r"<input[^>]*name=\"login\"[^>]*>", html).group(0)
    assert 'type="email"' not in field  # the browser would block a username


@pytest.mark.parametrize("typed", ["username", "email"])
def test_a_member_logs_in_with_username_or_email(client, typed):
    user = account("max")
    response = client.post(
        "/accounts/login/", {"login": getattr(user, typed), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert session_user_id(client) == str(user.pk)


def demo_accounts_in_readme():
    """``(login, password)`` pairs of the README's demo accounts table."""
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", README.read_text(), re.M)
    return rows


def test_readme_lists_every_demo_account_as_typed():
    rows = demo_accounts_in_readme()
    assert {(username, email) for username, _name, email, *_ in PEOPLE} == set(rows)
    assert f"`{DEMO_PASSWORD}`" in README.read_text()
