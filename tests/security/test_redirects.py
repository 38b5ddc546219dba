"""A ``next`` that is a bare word is a relative URL, never a URL name to reverse."""

import pytest

from tests.factories import member

pytestmark = pytest.mark.django_db


def test_resetting_the_calendar_token_with_a_bare_word_as_next_redirects_there(client):
    client.force_login(member(username="resetting"))
    response = client.post("/calendar/member/reset/", {"next": "1180591620717411303424"})
    assert response.status_code == 302
    assert response["Location"] == "1180591620717411303424"
