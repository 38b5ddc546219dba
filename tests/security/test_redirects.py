"""A ``next`` that is a bare word is a relative URL, never a URL name to reverse."""

import pytest

from tests.factories import member

pytestmark = pytest.mark.django_db


def test_resetting_the_calendar_token_with_a_bare_word_as_next_redirects_there(client):
    client.force_login(member(username="resetting"))
    response = client.post("/calendar/member/reset/", {"next": "1180591620717411303424"})
    assert response.status_code == 302
    assert response["Location"] == "1180591620717411303424"


@pytest.mark.parametrize(
    ("login_url", "home"), [("/_util/login/", "/"), ("/admin/login/", "/admin/")]
)
def test_a_signed_in_login_hand_over_ignores_a_bare_word_as_next(client, login_url, home):
    # Found by the fuzz: redirect() took the word for a URL name (NoReverseMatch, a 500).
    # The hand-overs follow same-site paths only, so the word is ignored.
    user = member(username="handing-over")
    user.is_superuser = True  # may enter the Wagtail admin, so /admin/login/ sends them on
    user.save()
    client.force_login(user)
    response = client.get(login_url, {"next": "1180591620717411303424"})
    assert response.status_code == 302
    assert response["Location"] == home
