"""A personal calendar link dies with the password it was issued under."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from civic_wagtail.events.models import CalendarToken
from tests.events.helpers import make_index

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def feed(client, token):
    return client.get(f"/calendar/member/{token}.ics").status_code


def test_set_password_anywhere_revokes_the_link(client, index, verified_member):
    old = CalendarToken.for_user(verified_member).token
    assert feed(client, old) == 200
    verified_member.set_password("a brand new passphrase 7")
    verified_member.save()
    assert feed(client, old) == 404
    new = CalendarToken.for_user(verified_member).token
    assert new != old
    assert feed(client, new) == 200


def test_changing_the_password_revokes_the_link(client, index, verified_member):
    EmailAddress.objects.create(
        user=verified_member, email=verified_member.email, verified=True, primary=True
    )
    old = CalendarToken.for_user(verified_member).token
    client.post("/accounts/login/", {"login": verified_member.email, "password": PASSWORD})
    new = "another passphrase 99"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert feed(client, old) == 404


def test_resetting_the_password_revokes_the_link(client, index, verified_member):
    EmailAddress.objects.create(
        user=verified_member, email=verified_member.email, verified=True, primary=True
    )
    old = CalendarToken.for_user(verified_member).token
    client.post("/accounts/password/reset/", {"email": verified_member.email})
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"password1": "reset passphrase 123", "password2": "reset passphrase 123"}
    )
    assert response.status_code == 302
    assert feed(client, old) == 404


def test_an_unchanged_password_keeps_the_link(client, index, verified_member):
    token = CalendarToken.for_user(verified_member).token
    verified_member.last_login = None
    verified_member.save()
    assert CalendarToken.for_user(verified_member).token == token
    assert feed(client, token) == 200
