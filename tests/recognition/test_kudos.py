""" "This helped me": one per member per item, counted for its author."""

import pytest
from django.conf import settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from civic_wagtail.recognition.models import Kudos
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(home_page, verified_member):
    forum = make_forum(home_page, TopicFactory(name="Permits", slug="permits"))[1]
    thread = Thread.objects.create(forum=forum, title="Q", body="?", author=verified_member)
    return XtdComment.objects.create(
        content_object=thread,
        site_id=settings.SITE_ID,
        user=verified_member,
        user_name="Vera",
        user_email=verified_member.email,
        comment="Try this.",
        is_public=True,
        submit_date=timezone.now(),
    )


def test_one_per_member_counted_for_the_author(client, reply, verified_member):
    url = f"/recognition/kudos/django_comments_xtd.xtdcomment/{reply.pk}/"
    other = member(username="otto")
    client.force_login(other)
    assert client.post(url, {"next": "/forum/"})["Location"] == "/forum/"
    client.post(url, HTTP_ACCEPT="application/json")  # a second click takes it back
    assert not Kudos.objects.exists()
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.json() == {"count": 1, "mine": True}
    assert Kudos.objects.get().recipient == verified_member
    client.force_login(verified_member)  # nobody thanks themselves
    assert client.post(url, HTTP_ACCEPT="application/json").json()["count"] == 1


def test_refused_for_unknown_models_and_anonymous_visitors(client, reply, verified_member):
    assert client.post(f"/recognition/kudos/django_comments_xtd.xtdcomment/{reply.pk}/")[
        "Location"
    ].startswith("/accounts/login/")
    client.force_login(verified_member)
    assert client.post(f"/recognition/kudos/auth.user/{verified_member.pk}/").status_code == 404
    url = f"/recognition/kudos/django_comments_xtd.xtdcomment/{reply.pk}/"
    assert client.get(url).status_code == 405


def test_practice_pages_offer_this_helped_me(client, home_page, verified_member):
    from tests.library.helpers import library_index
    from tests.recognition.helpers import published_case

    case = published_case(library_index(home_page), verified_member, 1)
    other = member(username="otto")
    client.force_login(other)
    html = client.get(case.url).content.decode()
    assert "0 members said this helped them." in html and "This helped me" in html
    client.post(f"/recognition/kudos/civic_wagtail_library.casestudypage/{case.pk}/")
    html = client.get(case.url).content.decode()
    assert "1 member said this helped them." in html and 'aria-pressed="true"' in html


def test_kudos_panel_costs_one_query_or_two(
    rf, home_page, verified_member, django_assert_num_queries
):
    from django.contrib.auth.models import AnonymousUser

    from civic_wagtail.recognition.panels import kudos_panel
    from tests.library.helpers import library_index
    from tests.recognition.helpers import published_case

    case = published_case(library_index(home_page), verified_member, 1)
    request = rf.get(case.url)
    request.user = AnonymousUser()
    kudos_panel(request, case)  # content types cached
    with django_assert_num_queries(1):
        kudos_panel(request, case)
    request.user = member(username="otto")
    with django_assert_num_queries(2):
        assert "This helped me" in kudos_panel(request, case)
