"""Follow-up emails go out in each follower's own language (issue 14)."""

import pytest
from django.core import mail

from civic_wagtail.members.models import get_profile
from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db


def speaks(user, code):
    profile = get_profile(user)
    profile.preferred_language = code
    profile.save(update_fields=["preferred_language"])
    return user


def test_a_french_members_reply_reaches_each_follower_in_their_language(client, thread):
    french_follower = speaks(member(username="francoise"), "fr")
    english_follower = speaks(member(username="edith"), "en")
    for follower in (french_follower, english_follower):
        client.force_login(follower)
        post_comment(client, thread, f"Following, {follower.username}", followup=True)
    mail.outbox.clear()

    client.force_login(speaks(member(username="jacques"), "fr"))
    post_comment(client, thread, "Nous avons fait pareil à Lyon.")

    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address[french_follower.email]
    english = by_address[english_follower.email]
    assert "Nouveau commentaire dans" in french.subject
    assert "une discussion que vous suivez" in french.body
    assert "New comment in" in english.subject
    assert "a discussion you follow" in english.body
    assert french.subject != english.subject and french.body != english.body
    assert "Nous avons fait pareil à Lyon." in french.body and "Lyon" in english.body


def test_sign_up_records_the_language_and_the_profile_form_changes_it(client, verified_member):
    from django.test import RequestFactory
    from django.utils import translation

    from civic_wagtail.members.forms import ProfileForm, signup_language

    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        request.LANGUAGE_CODE = "fr"
        assert signup_language(request) == "fr"
    profile = get_profile(verified_member)
    form = ProfileForm(
        {"display_name": "Vera", "preferred_language": "es", "public_fields": []},
        instance=profile,
    )
    assert form.is_valid(), form.errors
    form.save()
    profile.refresh_from_db()
    assert profile.preferred_language == "es"
    refused = ProfileForm(
        {"display_name": "Vera", "preferred_language": "xx"}, instance=profile
    )
    assert not refused.is_valid() and "preferred_language" in refused.errors
