"""Sign-up through allauth: allow-listed domains become verified members on confirmation."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from civic_wagtail.members.models import MemberProfile

pytestmark = pytest.mark.django_db

PASSWORD = "a sturdy passphrase 42"


def sign_up(client, email, name="Nia Newcomer", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": name,
        "organisation": "Harbour City",
        **extra,
    }
    return client.post("/accounts/signup/", data)


def confirm_from_outbox(client):
    (message,) = [m for m in mail.outbox if "confirm" in m.subject.lower()]
    url = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)
    return client.post(url)


def test_allow_listed_domain_is_verified_after_confirmation(client):
    response = sign_up(client, "nia@harbour.city.gov")
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__email="nia@harbour.city.gov")
    assert profile.display_name == "Nia Newcomer"
    assert profile.organisation == "Harbour City"
    # Owning an address is not proven until it is confirmed.
    assert profile.verification_status == MemberProfile.Verification.PENDING
    # The Members group (members-only pages and files) waits for verification too.
    assert not profile.user.groups.filter(name="Members").exists()

    confirm_from_outbox(client)

    profile.refresh_from_db()
    assert profile.verification_status == MemberProfile.Verification.VERIFIED
    assert profile.user.groups.filter(name="Members").exists()
    assert profile.verification_method == MemberProfile.Method.EMAIL_DOMAIN
    assert profile.verified_at is not None
    assert EmailAddress.objects.get(email="nia@harbour.city.gov").verified


def test_other_domain_waits_for_a_coordinator(client):
    sign_up(client, "sam@consultancy.example.com")
    confirm_from_outbox(client)
    profile = MemberProfile.objects.get(user__email="sam@consultancy.example.com")
    assert profile.verification_status == MemberProfile.Verification.PENDING
    assert EmailAddress.objects.get(email="sam@consultancy.example.com").verified


def test_duplicate_email_is_refused_with_a_clear_error(client, verified_member):
    users_before = get_user_model().objects.count()
    response = sign_up(client, verified_member.email.upper(), name="Second Vera")
    assert response.status_code == 200
    form = response.context["form"]
    assert "A user is already registered with this email address." in form.errors["email"]
    # What was typed is kept.
    assert 'value="Second Vera"' in response.content.decode()
    assert get_user_model().objects.count() == users_before


@pytest.mark.parametrize("email", ["not-an-address", "nia@", "@city.gov", "nia@@city.gov"])
def test_malformed_address_is_refused(client, email):
    response = sign_up(client, email)
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Enter a valid email address."]
    assert not get_user_model().objects.exists()


def test_name_is_required(client):
    response = sign_up(client, "nia@harbour.city.gov", name="")
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == ["This field is required."]
    assert not get_user_model().objects.exists()


def test_unconfirmed_members_cannot_log_in(client):
    sign_up(client, "nia@harbour.city.gov")
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "nia@harbour.city.gov", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


def test_password_reset_mails_a_working_link(client, verified_member):
    response = client.post("/accounts/password/reset/", {"email": verified_member.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    url = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", message.body)
    follow = client.get(url.group(1), follow=True)
    assert follow.status_code == 200
    new_password = "another sturdy passphrase 7"
    response = client.post(
        follow.redirect_chain[-1][0] if follow.redirect_chain else url.group(1),
        {"password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    verified_member.refresh_from_db()
    assert verified_member.check_password(new_password)
