"""The demo seeder (``manage.py seed_demo``): what it builds, that a second run changes nothing,
and that every page it seeds is served.

Seeding takes most of a minute, so the read-only checks share one seeded database per test
process (the module-scoped ``demo`` fixture, rolled back afterwards); each check runs in its
own savepoint like any ``django_db`` test, so a check that writes leaves nothing behind.
"""

import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page

from civic_wagtail.discussion.models import ForumTopicPage, Thread
from civic_wagtail.events.models import EventFeedEntry
from civic_wagtail.library.models import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    Indicator,
    ResourcePage,
)
from civic_wagtail.members.models import MemberProfile
from civic_wagtail.mentoring.models import MentorProfile, Mentorship
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.models import Topic
from tests.conftest import index_updates_on

# Every demo check of one process lands on the same xdist worker: one seeding per run.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

#: Small sizes for every seeder, but a 1,000-comment thread as the issue's demo promises.
SIZES = [
    "--no-progress",
    "--i-know-this-is-not-production",  # the test settings have DEBUG off
    *("--practices", "8", "--events", "5", "--comments", "1000", "--mentors", "10"),
]


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Counts of everything the seeders create, to compare two runs."""
    return {
        "pages": Counter(Page.objects.values_list("content_type__model", flat=True)),
        "users": get_user_model().objects.count(),
        "verified": MemberProfile.objects.verified().count(),
        "topics": Topic.objects.count(),
        "indicators": Indicator.objects.count(),
        "outcomes": CaseStudyOutcome.objects.count(),
        "threads": Thread.objects.count(),
        "feed entries": EventFeedEntry.objects.count(),
        "mentorships": sorted(Mentorship.objects.values_list("mentor_id", "mentee_id", "status")),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One seeded demo for the module's checks; rolled back when they are done.

    Seeding runs with search indexing on (the seeder bulk-indexes what it creates) and with
    on-commit callbacks executed, so the mail it would send is seen.
    """
    with django_db_blocker.unblock(), index_updates_on(), transaction.atomic():
        outbox = len(mail.outbox)
        with TestCase.captureOnCommitCallbacks(execute=True):
            output = seed(*SIZES)
        sent = mail.outbox[outbox:]
        yield {"snapshot": snapshot(), "mail": sent, "output": output}
        transaction.set_rollback(True)


def test_the_demo_checks_share_one_worker_and_one_seeding(request):
    """Under `--dist loadgroup` every check of this module runs on one worker, so the demo is
    seeded once per run (pytest 9.2 broke this silently: pytest-dev/pytest-xdist#1386)."""
    if getattr(request.config.option, "loadgroup", False):
        assert request.node.nodeid.endswith("@demo"), request.node.nodeid


def test_a_second_run_changes_nothing(demo):
    with TestCase.captureOnCommitCallbacks(execute=True):
        seed(*SIZES)
    assert snapshot() == demo["snapshot"]


def test_seeded_members_are_verified_by_domain_and_nobody_is_emailed(demo):
    assert MemberProfile.objects.get(user__username="member").is_verified
    assert not MemberProfile.objects.get(user__username="pending").is_verified
    assert demo["mail"] == []  # the demo's fictional people are not emailed


def test_every_seeded_page_is_served(demo, client):
    for page in Page.objects.live().public().filter(depth__gte=2).specific():
        url = page.get_url()
        if url:
            assert client.get(url).status_code == 200, url


def test_demo_resources_are_real_files(demo):
    from wagtail.documents import get_document_model

    names = sorted(d.file.name.rsplit(".", 1)[-1] for d in get_document_model().objects.all())
    assert {"pdf", "xlsx", "docx"} <= set(names) and "txt" not in names


def test_wagtails_welcome_page_is_gone(demo):
    assert not Page.objects.filter(depth=2).exact_type(Page).exists()
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


@pytest.mark.parametrize(
    "login", ["admin", "admin@example.gov", "member", "max@city.example.gov", "coordinator"]
)


def test_demo_accounts_log_in_on_the_site_form_as_the_readme_says(demo, client, login):
    response = client.post("/accounts/login/", {"login": login, "password": "civic-demo"})
    assert response.status_code == 302 and client.session.get("_auth_user_id")


def test_demo_admin_login_works(demo, client):
    assert client.login(username="admin", password="civic-demo")
    assert client.get("/admin/").status_code == 200


def test_seeded_site_links_its_sections_from_home(demo, client):
    home = client.get("/")
    assert home.status_code == 200
    assert "Civic Exchange" in home.content.decode()


def test_the_home_page_is_translated_and_links_its_translation(demo, client):
    french = client.get("/fr/").content.decode()
    assert "agents publics" in french
    assert 'lang="fr"' in french
    english = client.get("/").content.decode()
    assert 'href="/fr/"' in english and 'hreflang="fr"' in english


def test_library_has_varied_outcomes_and_searchable_pages(demo, client):
    english = {"locale__language_code": "en"}  # the French and Spanish demo come on top
    assert BestPracticePage.objects.live().filter(**english).count() == 8
    # Twice as many case studies as practices, and the finished working group's case study.
    from civic_wagtail.groups.models import WorkingGroup

    from_groups = WorkingGroup.objects.exclude(draft_page_id=None).count()
    assert from_groups == 1
    assert CaseStudyPage.objects.live().filter(**english).count() == 16 + from_groups
    assert ResourcePage.objects.live().filter(**english).count() >= 5
    outcomes = CaseStudyOutcome.objects.all()
    assert outcomes.count() >= 16
    assert outcomes.values("indicator").distinct().count() >= 3
    assert outcomes.filter(baseline__isnull=True).exists() or outcomes.count() < 30
    assert CaseStudyPage.objects.exclude(adapted_from=None).exists()
    assert client.get("/library/").status_code == 200
    # Bulk-indexed pages are searchable.
    assert client.get("/library/", {"q": "permit"}).context["page_obj"].paginator.count > 0


def test_two_thirds_of_library_cards_show_peer_reviewed_and_every_state_is_there(demo, client):
    from collections import Counter

    from wagtail.models import WorkflowState

    from civic_wagtail.review.models import ReviewRecord

    response = client.get("/library/", {"page": 1})
    cards = response.context["cards"]
    html = response.content.decode()
    assert len(cards) == 20  # 24 items, 20 a page
    assert html.count("Peer reviewed <time") == sum(1 for c in cards if c.peer_reviewed_at)
    english = {"locale__language_code": "en"}  # what /library/ lists: live English pages
    total = (
        BestPracticePage.objects.live().filter(**english).count()
        + CaseStudyPage.objects.live().filter(**english).count()
    )
    reviewed = sum(
        1 for model in (BestPracticePage, CaseStudyPage) for page in
        client.get("/library/", {"type": "practice" if model is BestPracticePage
                                 else "case-study", "reviewed": "on"}).context["cards"]
    )
    assert reviewed * 3 >= total * 2
    statuses = Counter(WorkflowState.objects.values_list("status", flat=True))
    assert statuses["in_progress"] and statuses["needs_changes"]
    assert any(record.is_overdue for record in ReviewRecord.objects.all())


def test_home_page_shows_the_community_at_work(demo, client):
    html = client.get("/").content.decode()
    for heading in ("Latest peer-reviewed practices", "Newest case studies", "Upcoming events",
                    "Active discussions", "Mentors available now"):
        assert f">{heading}</h2>" in html
    assert html.count("Peer reviewed <time") >= 4
    assert 'name="q"' in html and "Open data" in html


def test_discussion_has_a_forum_per_topic_and_a_1000_comment_thread(demo):
    assert ForumTopicPage.objects.count() == Topic.objects.count() > 0
    longest = Thread.objects.order_by("-reply_count").first()
    assert longest.reply_count == 1000
    assert longest.forum.url_path.endswith("/forum/permits/")
    assert Thread.objects.filter(status=Thread.Status.HELD).exists()


def test_mentorships_are_in_every_state(demo):
    assert MentorProfile.objects.count() == 10
    states = Counter(status for *_ids, status in demo["snapshot"]["mentorships"])
    assert set(states) == {s.value for s in Mentorship.Status}
    assert MentoringPage.objects.get(locale__language_code="en").url_path.endswith("/mentoring/")


def test_demo_member_has_badges_kudos_and_notifications_in_every_state(demo):
    from civic_wagtail.members.models import Notification
    from civic_wagtail.recognition.models import Award, Badge, Kudos

    member = get_user_model().objects.get(username="member")
    assert Badge.objects.filter(rule="first_case_study").exists()
    award = Award.objects.active().get(recipient=member, badge__rule="first_case_study")
    assert award.evidence_url  # awarded by the real rule, linked to the story
    assert Kudos.objects.filter(recipient=member).exists()
    notifications = Notification.objects.filter(recipient=member)
    assert notifications.filter(read_at__isnull=True, in_digest=False).exists()
    assert notifications.filter(read_at__isnull=False).exists()
    assert notifications.filter(in_digest=True).exists()
    assert "#c" in notifications.get(key="demo:reply").url
    # The real rule's award told the member, linking to the award's page.
    assert notifications.get(kind="recognition.badge").url.endswith(f"/{award.uid}/")
    # Kudos on a few of the member's replies, and events the member spoke at.
    assert Kudos.objects.filter(
        recipient=member, content_type__model="xtdcomment"
    ).values("object_id").distinct().count() >= 1
    from civic_wagtail.events.models import EventPage

    spoke_at = EventPage.objects.live().filter(speakers=member, locale__language_code="en")
    assert spoke_at.count() == 2  # the French and Spanish translations keep the speakers


# --- the demo is served at one address, and its calendar agrees with calendar clients ------

#: Where ``make demo`` serves the demo (seed_demo's default --site-url).
SERVED = "http://127.0.0.1:8000"
#: Hosts that would mean "this site" if a link used them.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver", "example.com", "[::1]", "0.0.0.0"}  # noqa: S104


def served_client():
    from django.test import Client

    return Client(SERVER_NAME="127.0.0.1", SERVER_PORT="8000")


def test_the_seeded_sites_are_the_served_address(demo):
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).root_url == SERVED
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8000"


def test_a_crawl_finds_no_absolute_url_on_another_host(demo):
    """Pages, feeds, the API and the CSV export, as a visitor and as a member."""
    import re
    from urllib.parse import urljoin, urlsplit

    found = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\)]+""")
    hrefs = re.compile(r"""(?:href|src)="([^"#]+)""")
    wrong, visited = set(), set()
    for who in (None, "member"):
        client = served_client()
        if who:
            client.force_login(get_user_model().objects.get(username=who))
        queue = ["/", "/calendar/all.ics", "/events/feed/", "/library/export/csv/",
                 "/hub/api/v2/practices/", "/hub/api/v2/case-studies/", "/events/?view=month"]
        seen = set()
        while queue and len(seen) < 250:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = client.get(path)
            if response.status_code != 200 or response.streaming:
                continue
            body = response.content.decode("utf-8", "replace")
            for url in found.findall(body):
                host = urlsplit(url.replace("webcal://", "http://", 1)).netloc
                if host.split(":")[0] in LOCAL_HOSTS and host != "127.0.0.1:8000":
                    wrong.add((path, url))
            if "html" in response.get("Content-Type", ""):
                for link in hrefs.findall(body):
                    target = urlsplit(urljoin(SERVED + path, link.replace("&amp;", "&")))
                    if target.netloc == "127.0.0.1:8000" and not target.path.startswith(
                        ("/admin", "/django-admin", "/accounts/logout", "/static", "/media")
                    ):
                        queue.append(target.path + (f"?{target.query}" if target.query else ""))
        visited |= seen
    assert len(visited) > 100
    assert not wrong, sorted(wrong)[:20]


def test_the_demos_series_start_on_dates_their_pattern_produces(demo):
    from civic_wagtail.events.checks import check_series_in_step
    from civic_wagtail.events.models import EventPage

    assert EventPage.objects.exclude(repeat="").count() >= 3
    assert check_series_in_step() == []


def test_the_demos_feeds_import_into_calcurse_and_khal_with_nothing_skipped(demo, tmp_path):
    from icalendar import Calendar

    from tests.events.test_clients import calcurse_import, imported_everything, khal_import

    for n, path in enumerate(["/calendar/all.ics", "/events/feed/"]):
        body = served_client().get(path).content
        uids = {str(event["UID"]) for event in Calendar.from_ical(body).walk("VEVENT")}
        assert len(uids) >= 8, path
        report = calcurse_import(body, tmp_path / f"calcurse{n}")
        assert imported_everything(report), (path, report)
        _khal, _config, store = khal_import(body, tmp_path / f"khal{n}")
        assert len(list(store.glob("*.ics"))) == len(uids), path


def test_the_demo_chooses_each_sections_workflow(demo):
    from civic_wagtail.review.demo import WORKFLOW_NAME

    home = Page.objects.get(depth=2, slug="home")
    sections = {page.slug: page for page in home.get_children()}
    assert sections["library"].get_workflow().name == WORKFLOW_NAME
    for slug in ("events", "discussion"):
        if slug in sections:
            assert sections[slug].get_workflow() is None, slug


def test_site_search_finds_every_kind_in_the_demo(demo, client):
    """An event's title, a thread's title, a word only in replies, a resource, a mentor's
    name (signed in) and the permit practices, each found by /search/."""
    from civic_wagtail.events.models import EventPage

    def found(query, kind):
        response = client.get("/search/", {"q": query, "type": kind})
        assert response.status_code == 200
        return [getattr(r, "title", None) or str(r) for r in response.context["results"]]

    event = EventPage.objects.live().order_by("pk").first()
    assert event.title in found(event.title, "civic_wagtail_events.eventpage")
    thread = Thread.objects.published().order_by("pk").first()
    assert thread.title in found(thread.title, "civic_wagtail_discussion.thread")
    # "triage" is only ever written in replies (discussion/demo.py REPLIES).
    assert not Thread.objects.filter(title__icontains="triage").exists()
    assert not Thread.objects.filter(body__icontains="triage").exists()
    assert found("triage", "civic_wagtail_discussion.thread")
    resource = ResourcePage.objects.live().order_by("pk").first()
    assert resource.title in found(resource.title, "civic_wagtail_library.resourcepage")
    permits = set(
        BestPracticePage.objects.live().filter(title__icontains="permit")
        .values_list("title", flat=True)
    )
    assert permits and permits <= set(found("permit", "civic_wagtail_library.bestpracticepage"))

    mentor = MentorProfile.objects.listed().select_related("user__civic_profile").first()
    kind = "civic_wagtail_mentoring.mentorprofile"
    assert client.get("/search/", {"q": mentor.display_name, "type": kind}).status_code == 400
    client.force_login(get_user_model().objects.get(email="max@city.example.gov"))
    assert mentor.display_name in found(mentor.display_name, kind)


def test_the_demo_has_policies_in_every_stage_and_consultations_in_every_state(demo, client):
    from civic_wagtail.transparency.models import (
        ConsultationPage,
        PolicyStage,
        PolicyUpdatePage,
        Respondent,
    )

    english = {"locale__language_code": "en"}  # the French and Spanish demo come on top
    policies = PolicyUpdatePage.objects.live().filter(**english)
    assert policies.count() == 8
    assert set(policies.values_list("stage", flat=True)) == set(PolicyStage.values)
    consultations = ConsultationPage.objects.filter(**english)
    states = {page.slug: page.status for page in consultations.live()}
    assert sorted(states.values()) == ["analysing", "open", "outcome"]
    open_page = consultations.get(slug="cycle-lanes-strategy")
    assert len(open_page.draft) == 4
    for page in consultations:
        assert Respondent.objects.filter(consultation=page).count() == 200
    home = client.get("/").content.decode()
    assert 'href="/policy/"' in home and 'href="/consultations/"' in home
    assert "Consultation closes" in client.get("/calendar/all.ics").content.decode()


def test_projects_have_budgets_milestones_a_year_of_indicators_and_a_working_token(demo, client):
    import json

    from civic_wagtail.transparency.models import Measurement, ProjectPage
    from civic_wagtail.transparency.projects.demo import DEMO_TOKEN

    projects = ProjectPage.objects.live().filter(locale__language_code="en")
    assert projects.count() == 10
    assert all(p.budget_planned > 0 and p.milestones.count() == 4 for p in projects)
    months = Measurement.objects.values("project", "indicator").distinct().count()
    assert months == 10
    assert Measurement.objects.count() == 120
    listing = client.get("/projects/")
    assert listing.status_code == 200
    assert 'href="/projects/"' in client.get("/").content.decode()
    mine = projects.get(organisation__slug="springfield-transit", title="Bus priority lanes")
    response = client.post(
        "/transparency/projects/api/measurements/",
        json.dumps(
            {
                "rows": [
                    {
                        "project": mine.pk,
                        "indicator": "bus-punctuality",
                        "date": "2020-01-01",
                        "value": 70,
                    }
                ]
            }
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {DEMO_TOKEN}",
    )
    assert response.status_code == 200, response.content


def test_improvement_demo_has_every_state(demo, client):
    from django.db.models import Count

    from civic_wagtail.improvement.models import AdoptionTracker, Assessment, Framework, Goal
    from civic_wagtail.improvement.progress import attach_states, with_progress

    assert Framework.objects.filter(locale__language_code="en").count() == 2
    per_member = Counter(
        Assessment.objects.filter(user__username__startswith="improver")
        .values("user").annotate(n=Count("pk")).values_list("n", flat=True)
    )
    assert sum(per_member.values()) >= 50 and set(per_member) <= {1, 2, 3, 4}
    member = get_user_model().objects.get(username="member")
    goals = attach_states(with_progress(Goal.objects.filter(user=member)))
    states = {goal.state.state for goal in goals}
    assert states == {"on_track", "at_risk", "overdue", "achieved", "dropped"}
    assert AdoptionTracker.objects.count() == 5
    assert client.get("/improvement/").status_code == 200
    assert b'href="/improvement/"' in client.get("/").content


def test_working_groups_are_in_every_state_and_the_member_is_in_two(demo, client):
    from civic_wagtail.groups.models import Membership, WorkingGroup

    groups = {group.slug: group for group in WorkingGroup.objects.all()}
    assert {group.visibility for group in groups.values()} == {"public", "members", "secret"}
    finished = groups["bulky-waste-appointments"]
    assert finished.status == "finished"
    case = CaseStudyPage.objects.get(pk=finished.draft_page_id)
    assert case.live and "offline mode" in case.what_did_not_work
    max_groups = Membership.objects.filter(user__username="member", status="active")
    assert max_groups.count() == 2
    assert "/groups/" in client.get("/").content.decode()
    assert client.get("/groups/procurement-reform-circle/").status_code == 404
    client.force_login(get_user_model().objects.get(username="member"))
    assert client.get("/groups/digital-permits-pilot/files/").status_code == 200
    assert "Procurement reform circle" not in client.get("/groups/").content.decode()
# --- the demo in every language (issue 14) ----------------------------------------------------

LANGUAGES = ["fr", "es"]


def test_every_page_and_snippet_is_translated_from_the_demos_own_texts(demo):
    from wagtail.models import Locale

    from civic_wagtail.models import GovernmentLevel, OrganisationType, Region
    from civic_wagtail.recognition.models import Badge

    assert "0 segment(s) had no entry" in demo["output"], demo["output"]
    default = Locale.get_default()
    sources = Page.objects.filter(locale=default, depth__gte=2)
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        translated = Page.objects.filter(locale=locale)
        assert translated.count() == sources.count()
        # Published pages are published in every language; a draft in review (the
        # improvement demo's case study) is translated as a draft.
        assert translated.filter(live=True).count() == sources.filter(live=True).count()
        for model in (Topic, GovernmentLevel, Region, OrganisationType, Indicator, Badge):
            assert model.objects.filter(locale=locale).count() == model.objects.filter(
                locale=default
            ).count()
    assert Topic.objects.get(slug="housing", locale__language_code="fr").name == "Logement"
    assert Topic.objects.get(slug="housing", locale__language_code="es").name == "Vivienda"


def test_every_section_is_served_in_french_and_spanish(demo, client):
    for code, title in [("fr", "Bibliothèque"), ("es", "Biblioteca")]:
        home = client.get(f"/{code}/").content.decode()
        for path in ["library", "resources", "events", "forum", "mentoring"]:
            assert f'href="/{code}/{path}/"' in home, (code, path)
        assert title in client.get(f"/{code}/library/").content.decode()


def _html_lang(body):
    import re

    found = re.search(r'<html[^>]*\blang="([^"]+)"', body)
    return found.group(1) if found else None


def test_a_crawl_from_french_and_spanish_homes_finds_no_404_and_the_right_lang(demo, client):
    """Every link of /fr/ and /es/, and every link of the pages they lead to (two levels)."""
    import re
    from urllib.parse import urljoin, urlsplit

    hrefs = re.compile(r'''href="([^"#]+)''')
    skip = ("/admin", "/django-admin", "/accounts/logout", "/static", "/media", "/documents")
    for code in LANGUAGES:
        seen, broken, wrong_lang = set(), [], []
        level = [f"/{code}/"]
        for _depth in range(3):
            following = []
            for path in level:
                if path in seen:
                    continue
                seen.add(path)
                response = client.get(path)
                if response.status_code == 404:
                    broken.append(path)
                    continue
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                body = response.content.decode()
                if path.startswith(f"/{code}/") and _html_lang(body) != code:
                    wrong_lang.append((path, _html_lang(body)))
                for link in hrefs.findall(body):
                    url = urljoin("http://testserver" + path, link.replace("&amp;", "&"))
                    target = urlsplit(url)
                    if target.netloc == "testserver" and not target.path.startswith(skip):
                        query = f"?{target.query}" if target.query else ""
                        following.append(target.path + query)
            level = following
        assert len(seen) > 50
        assert not broken, (code, broken[:20])
        assert not wrong_lang, (code, wrong_lang[:20])


def test_forum_topics_list_the_same_threads_in_every_language(demo, client):
    from civic_wagtail.discussion.models import ForumTopicPage

    english = ForumTopicPage.objects.filter(locale__language_code="en").first()
    thread = Thread.objects.published().filter(forum=english).first()
    for code in LANGUAGES:
        forum = english.get_translation(Locale.objects.get(language_code=code))
        listing = client.get(forum.get_url()).content.decode()
        assert thread.title in listing and 'lang="en"' in listing
        page = client.get(forum.get_url() + f"{thread.pk}/")
        assert page.status_code == 200
        assert '<h1 id="thread-title" lang="en">' in page.content.decode()
