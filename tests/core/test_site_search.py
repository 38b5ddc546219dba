"""The site search (/search/): every scope, grouping, counts, filters, marks, pages,
"did you mean", partial words and stemming, members-only mentors, the old URLs."""

import random
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail import hooks

from civic_wagtail.bulk import bulk_add_children
from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.models import Thread
from civic_wagtail.library.models import BestPracticePage, ResourcePage
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.search import PageScope, get_scopes
from civic_wagtail.search.highlight import did_you_mean, highlight, mark_html
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import GovernmentLevelFactory, TopicFactory, member
from tests.library.helpers import case_study, library_index, new_practice, practice, resource_index
from tests.mentoring.helpers import make_mentor
from tests.utils import postgres_only

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_updates")]

PRACTICES = "civic_wagtail_library.bestpracticepage"
THREADS = "civic_wagtail_discussion.thread"
EVENTS = "civic_wagtail_events.eventpage"
MENTORS = "civic_wagtail_mentoring.mentorprofile"


@pytest.fixture
def site(home_page):
    cache.clear()
    permits = TopicFactory(name="Permits", slug="permits")
    waste = TopicFactory(name="Waste", slug="waste")
    local = GovernmentLevelFactory(name="Local", slug="local")
    library = library_index(home_page)
    tracker = practice(library, "Permit tracker", topics=[permits], summary="Track permits.",
                       government_levels=[local])
    practice(library, "Compost collection", topics=[waste], summary="Food waste.")
    case_study(library, [tracker], title="Permits in Lyon", place="Lyon")
    resources = resource_index(home_page)
    resources.add_child(instance=ResourcePage(
        title="Permit checklist", slug="permit-checklist", summary="A checklist.",
        resource_type="guide", external_url="https://example.org/checklist"))
    calendar = make_index(home_page)
    make_event(calendar, "Permit clinic (past)", start_date=date(2020, 1, 1),
               end_date=date(2020, 1, 1), slug="past-clinic")
    make_event(calendar, "Permit clinic", slug="clinic")
    _forums, forum = make_forum(home_page, permits)
    author = member(username="vera")
    thread = Thread.objects.create(forum=forum, title="Backlogs everywhere",
                                   body="How do you clear them?", author=author)
    create_comments(thread, [author], 2, random.Random(1), ["We used a weekly triage."])
    home_page.add_child(instance=MentoringPage(title="Mentoring", slug="mentoring"))
    make_mentor("marguerite", topics=[permits], skills="permitting, procurement")
    return {"library": library, "forum": forum, "thread": thread, "author": author}


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response


def titles(response):
    found = []
    for group in response.context["groups"]:
        found += [getattr(r, "title", None) or str(r) for r in group["results"]]
    found += [getattr(r, "title", None) or str(r) for r in response.context["results"]]
    return found


def counts(response):
    return {facet["key"]: facet["count"] for facet in response.context["facets"]}


def test_one_search_finds_every_kind_grouped_with_counts(client, site):
    response = search(client, q="permit")
    found = counts(response)
    assert found[PRACTICES] == 2  # the compost practice's problem mentions permits
    assert found["civic_wagtail_library.casestudypage"] == 1
    assert found["civic_wagtail_library.resourcepage"] == 1
    assert found[EVENTS] == 2
    assert MENTORS not in found  # members only
    assert set(titles(response)) >= {"Permit tracker", "Permits in Lyon", "Permit checklist",
                                      "Permit clinic"}
    assert response.context["total"] == sum(found.values())
    html = response.content.decode()
    # The library's own card renders practices; the searched words are marked.
    assert 'class="cw-card"' in html
    assert "<mark>Permit</mark> tracker" in html


def test_events_come_upcoming_first(client, site):
    response = search(client, q="clinic", type=EVENTS)
    assert titles(response) == ["Permit clinic", "Permit clinic (past)"]
    assert "Past event" in response.content.decode()


def test_a_word_only_in_a_reply_finds_its_thread(client, site):
    response = search(client, q="triage")
    assert titles(response) == ["Backlogs everywhere"]
    html = response.content.decode()
    assert "In a reply:" in html and "<mark>triage</mark>" in html


def test_a_new_reply_is_searchable(client, site):
    create_comments(site["thread"], [site["author"]], 1, random.Random(2), ["Zoning helped."])
    assert titles(search(client, q="zoning")) == ["Backlogs everywhere"]


def test_mentors_for_members_only(client, site):
    assert MENTORS not in counts(search(client, q="marguerite"))
    client.force_login(member(username="reader"))
    response = search(client, q="marguerite")
    assert counts(response)[MENTORS] == 1
    html = response.content.decode()
    assert "private@contact.example" not in html and "555" not in html
    assert "/mentoring/mentors/" in html


def test_partial_words_and_stems(client, site):
    # "permit" finds "permits"/"permitting"; "permits" finds "permit".
    assert "Permits in Lyon" in titles(search(client, q="permit"))
    assert "Permit tracker" in titles(search(client, q="permits"))
    assert "Compost collection" in titles(search(client, q="compo"))


def test_filters_by_topic_and_level(client, site):
    response = search(client, q="permit", topic="permits", level="local")
    found = counts(response)
    assert found[PRACTICES] == 1 and found[THREADS] == 0
    assert "Permit checklist" not in titles(response)  # no such level on it
    response = search(client, q="compost", topic="permits")
    assert response.context["total"] == 0
    assert client.get("/search/", {"q": "x", "topic": "nope"}).status_code == 400


def test_type_pages_through_one_scope(client, site, settings):
    settings.CIVIC_WAGTAIL_PAGE_SIZE = 1
    first = search(client, q="permit", type=EVENTS)
    assert len(first.context["results"]) == 1
    assert first.context["page_obj"].has_next()
    second = search(client, q="permit", type=EVENTS, page=2)
    assert titles(second) != titles(first)
    assert client.get("/search/", {"q": "x", "type": "auth.user"}).status_code == 400


def test_group_links_to_all_results_of_its_type(client, site, settings):
    settings.CIVIC_WAGTAIL_SEARCH_GROUP_SIZE = 1
    response = search(client, q="permit")
    events = next(g for g in response.context["groups"] if g["scope"].key == EVENTS)
    assert len(events["results"]) == 1 and f"type={EVENTS}" in events["more_url"]


def test_did_you_mean_when_nothing_is_found(client, site):
    response = search(client, q="compst")
    assert response.context["total"] == 0
    assert response.context["suggestion"] == "compost"
    assert "Did you mean" in response.content.decode()
    assert search(client, q="permit").context["suggestion"] == ""


def test_punctuation_alone_searches_nothing(client, site):
    response = search(client, q='"(*)"')
    assert response.context["terms"] == "" and response.context["groups"] == []


def test_old_urls_redirect_keeping_the_query(client, site):
    response = client.get("/hub/search/?q=permit&type=x")
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=permit&type=x"
    response = client.get("/forum/search/?q=backlogs")
    assert response.status_code == 301
    assert response["Location"] == f"/search/?type={THREADS}&q=backlogs"


def test_search_box_on_package_pages_once(client, site):
    html = client.get("/library/").content.decode()
    # The demo's base.html has it in the header: the layout's own is left out.
    assert html.count('role="search" class="cw-site-search') == 1
    assert 'cw-site-search--header' in html


def test_the_old_hook_still_adds_page_types():
    from home.models import HomePage

    with hooks.register_temporarily("civic_wagtail_search_models", lambda: [HomePage]):
        assert "home.homepage" in [scope.key for scope in get_scopes()]
    with hooks.register_temporarily("civic_wagtail_search_scopes",
                                    lambda: [PageScope(HomePage, order=1)]):
        assert get_scopes()[0].key == "home.homepage"


def test_query_count_does_not_grow_with_content(client, site):
    client.force_login(member(username="reader"))
    Thread.objects.create(forum=site["forum"], title="Permit thread", body="b")
    search(client, q="permit")
    with CaptureQueriesContext(connection) as small:
        search(client, q="permit")
    pages = bulk_add_children(site["library"], [
        new_practice(f"Permit practice {i}", slug=f"permit-{i}") for i in range(200)])
    forum = site["forum"]
    threads = Thread.objects.bulk_create([
        Thread(forum=forum, title=f"Permit thread {i}", body="b") for i in range(50)])
    backend = get_search_backend()
    backend.add_bulk(BestPracticePage, pages)
    backend.add_bulk(Thread, threads)
    for i in range(20):
        make_mentor(f"permitmentor{i}", skills="permits")
    with CaptureQueriesContext(connection) as large:
        response = search(client, q="permit")
    assert counts(response)[PRACTICES] == 202
    assert counts(response)[MENTORS] == 21
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]
    assert len(small) <= 50, len(small)


def test_marks_escape_first():
    assert highlight("<b>Permits</b> & permit", "permit") == (
        "&lt;b&gt;<mark>Permits</mark>&lt;/b&gt; &amp; <mark>permit</mark>")
    # Tags and entities are never marked inside.
    assert mark_html('<a href="/amp">amp &amp; b</a>', "amp") == (
        '<a href="/amp"><mark>amp</mark> &amp; b</a>')


def test_did_you_mean_is_deterministic():
    assert did_you_mean("permt trakcer", ["Permit tracker", "Permits"]) == "permit tracker"
    assert did_you_mean("zzzz", ["Permit tracker"]) == ""


def test_sqlite_stems_take_off_endings():
    from civic_wagtail.search_index import stem

    assert [stem(w) for w in ["permits", "Policies", "processes", "permitted", "bus", "gas"]] == [
        "permit", "polic", "process", "permitt", "bus", "gas"]


@postgres_only
def test_postgres_stems_with_the_language_configuration(client, home_page, settings):
    """On PostgreSQL a page is indexed with its locale's configuration and queries use the
    active language's: English stems "permitting" to "permit"."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "civic_wagtail.search_backend", "SEARCH_CONFIG": "simple",
        "SEARCH_CONFIGS": {"en": "english"}, "AUTO_UPDATE": True}}
    library = library_index(home_page)
    practice(library, "Permit tracker", summary="Track them.")
    response = search(client, q="permitting", type=PRACTICES)
    assert titles(response) == ["Permit tracker"]
    assert titles(search(client, q="tracking", type=PRACTICES)) == ["Permit tracker"]
    backend = get_search_backend()
    assert backend.config_for_language("en-gb") == "english"
    assert backend.config_for_language("fr") == "simple"
