"""Every feed kind: only live public events, HTTP semantics, and a query count that stays
the same for 10 and 1,000 events."""


import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import PageViewRestriction

from civic_wagtail.events.models import CalendarToken, EventAttendance, EventPage
from tests.events.helpers import bulk_events, make_event, make_index, vevents
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def topic(db):
    return TopicFactory(slug="permits", name="Permits")


@pytest.fixture
def cast(index, topic, verified_member):
    """One public event, a draft, a private one, a group-restricted one and an unpublished one,
    all about the same topic and followed by the member."""
    public = make_event(index, title="Public", topics=[topic], slug="public")
    draft = make_event(index, title="Draft", topics=[topic], slug="draft", publish=False)
    private = make_event(index, title="Private", topics=[topic], slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    restricted = make_event(index, title="Restricted", topics=[topic], slug="restricted")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))
    unpublished = make_event(index, title="Unpublished", topics=[topic], slug="unpublished")
    unpublished.unpublish()
    for page in (public, draft, private, restricted, unpublished):
        EventAttendance.objects.create(user=verified_member, page=page, kind="following")
    # A newer draft of a published event must not leak either.
    public.title = "Public (unpublished edit)"
    public.save_revision()
    return {"public": public, "private": private, "restricted": restricted}


def feed_urls(index, member):
    token = CalendarToken.for_user(member).token
    return {
        "site": "/calendar/all.ics",
        "topic": "/calendar/topics/permits.ics",
        "calendar page": "/events/feed/",
        "filtered": "/events/feed/?format=in_person&topic=permits&type=webinar",
        "member": f"/calendar/member/{token}.ics",
    }


@pytest.mark.parametrize("kind", ["site", "topic", "calendar page", "filtered", "member"])
def test_only_live_public_events_appear(client, index, cast, verified_member, kind):
    client.force_login(verified_member)  # even a member who may see the private pages
    response = client.get(feed_urls(index, verified_member)[kind])
    assert response.status_code == 200
    assert [str(e["SUMMARY"]) for e in vevents(response)] == ["Public"]


@pytest.mark.parametrize("slug", ["draft", "private", "restricted", "unpublished"])
def test_single_event_feed_of_a_hidden_event_is_not_served(client, index, cast, slug):
    page = EventPage.objects.get(slug=slug)
    response = client.get(f"/events/{slug}/ical/")
    assert response.status_code in (302, 404)
    assert b"BEGIN:VEVENT" not in response.content
    assert page.pk


def test_single_event_download(client, index, cast):
    response = client.get("/events/public/ical/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="public.ics"'
    assert [str(e["SUMMARY"]) for e in vevents(response)] == ["Public"]


def test_filters_combine(client, index, topic):
    make_event(index, title="Webinar on permits", topics=[topic], event_type="webinar")
    make_event(index, title="Workshop on permits", topics=[topic], event_type="workshop")
    make_event(
        index,
        title="Webinar online",
        event_type="webinar",
        event_format="online",
        join_url="https://meet.example/x",
    )
    titles = lambda url: sorted(str(e["SUMMARY"]) for e in vevents(client.get(url)))  # noqa: E731
    assert titles("/events/feed/?topic=permits&type=webinar") == ["Webinar on permits"]
    assert titles("/events/feed/?format=online") == ["Webinar online"]
    assert titles("/events/feed/?type=webinar") == ["Webinar on permits", "Webinar online"]
    assert titles("/calendar/topics/permits.ics") == ["Webinar on permits", "Workshop on permits"]


def test_non_canonical_filter_urls_redirect_to_the_canonical_one(client, index, topic):
    response = client.get("/events/feed/?type=webinar&topic=permits&junk=1")
    assert response.status_code == 302
    assert response["Location"] == "/events/feed/?topic=permits&type=webinar"


def test_unknown_topic_and_revoked_token_answer_404(client, index, verified_member):
    assert client.get("/calendar/topics/nope.ics").status_code == 404
    token = CalendarToken.for_user(verified_member)
    old = token.token
    assert client.get(f"/calendar/member/{old}.ics").status_code == 200
    token.reset()
    assert client.get(f"/calendar/member/{old}.ics").status_code == 404
    assert client.get(f"/calendar/member/{token.token}.ics").status_code == 200


def test_http_semantics(client, index):
    make_event(index)
    response = client.get("/calendar/all.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "Accept-Encoding" in response["Vary"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert int(response["Content-Length"]) == len(response.content)

    again = client.get("/calendar/all.ics", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == response["ETag"]

    since = client.get("/calendar/all.ics", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304 and since.content == b""

    head = client.head("/calendar/all.ics")
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Length"] == response["Content-Length"]  # known: the body is cached
    assert head["ETag"] == response["ETag"]

    assert client.post("/calendar/all.ics").status_code == 405


def test_a_change_changes_etag_and_last_modified(client, index):
    page = make_event(index)
    first = client.get("/calendar/all.ics")
    page.unpublish()
    after = client.get("/calendar/all.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]


def test_member_feed_is_private_to_caches(client, index, verified_member):
    token = CalendarToken.for_user(verified_member).token
    response = client.get(f"/calendar/member/{token}.ics")
    assert response["Cache-Control"] == "private, max-age=3600"


FEEDS = {
    # kind: (url, queries of a full response, queries of a 304). A full response reads the
    # stamp, the view restrictions (.public()) and the entries, plus the site (and the topic);
    # the calendar page's feed also pays for Wagtail's own routing (locale, the page path and
    # the page's view restrictions). A 304 reads the stamp and nothing of the entries.
    "site": ("/calendar/all.ics", 5, 3),
    "topic": ("/calendar/topics/permits.ics", 6, 4),
    "calendar page": ("/events/feed/?type=webinar", 10, 8),
}


@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("kind", list(FEEDS))
@override_settings(CIVIC_WAGTAIL_EVENTS_FEED_CACHE_SECONDS=0)  # render every full response
def test_query_count_does_not_grow(client, index, topic, django_assert_num_queries, size, kind):
    make_event(index, title="Template", topics=[topic])
    bulk_events(index, size - 1, topics=[topic], time_zone="Asia/Tokyo")
    url, queries, conditional_queries = FEEDS[kind]
    client.get(url)  # warm the per-process caches (VTIMEZONE blocks, locale)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert len(vevents(response)) == size
    with django_assert_num_queries(conditional_queries):
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
