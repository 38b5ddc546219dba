"""The edges of a group's space through HTTP: bad input answered 400 with what to change,
missing things 404, the rate limit 429, a site without a forum or without the library, and
each refusal of the draft action."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail import hooks

from civic_wagtail import drafts
from civic_wagtail.discussion.models import Thread
from civic_wagtail.groups import space
from civic_wagtail.groups.models import Activity, Experiment, GroupEvent, GroupFile, WorkingGroup
from tests.factories import TopicFactory
from tests.library.helpers import IndicatorFactory

from .conftest import add_file, add_member, make_group

pytestmark = pytest.mark.django_db


def said(response):
    """The message the request left for the member (earlier ones wait, unread, before it)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


@pytest.fixture
def group(groups_page, people):
    group = make_group(people["lead"], "Routes", "members")
    add_member(group, people["member"])
    return group


@pytest.fixture
def base(group):
    return f"/groups/{group.slug}/"


@pytest.fixture
def as_member(client, people):
    client.force_login(people["member"])
    return client


@pytest.fixture
def as_lead(client, people):
    client.force_login(people["lead"])
    return client


@pytest.fixture
def submitted():
    """A library that accepts every draft (the real one is tested in the library)."""
    received = []

    class FakePage:
        pk = 777
        title = "drafted"

    def submit(draft, *, user, site=None, locale=None):
        received.append(draft)
        return FakePage()

    with hooks.register_temporarily(drafts.HOOK, submit):
        yield received


# Threads


def test_a_thread_without_a_title_is_refused_with_the_form(as_member, forum, base):
    response = as_member.post(base + "threads/new/", {"title": "", "body": "Numbers."})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Thread.objects.exists()


def test_a_site_without_a_forum_says_so_and_stores_nothing(as_member, group, base):
    response = as_member.post(base + "threads/new/", {"title": "Our numbers", "body": "Here."})
    assert response.status_code == 302 and response["Location"] == base
    assert said(response) == ["This site has no forum yet: ask an editor to add one."]
    assert not Thread.objects.exists()
    assert not Activity.objects.filter(group=group, verb=Activity.Verb.THREAD).exists()


def test_a_group_whose_topic_has_no_forum_posts_in_the_sites_forum(
    as_member, forum, people, groups_page
):
    group = make_group(people["lead"], "Parks", "public", topics=[TopicFactory(slug="parks")])
    add_member(group, people["member"])
    response = as_member.post(
        f"/groups/{group.slug}/threads/new/", {"title": "Benches", "body": "Where?"}
    )
    thread = Thread.objects.get(title="Benches")
    assert response.status_code == 302 and response["Location"] == thread.get_url()
    assert thread.forum_id == forum.pk and thread.owner_id == str(group.pk)
    assert Activity.objects.filter(group=group, verb=Activity.Verb.THREAD).exists()


def test_a_site_without_discussions_lists_no_threads_and_takes_none(
    as_member, forum, group, base, monkeypatch
):
    space.start_thread(group, group.memberships.first().user, "Before", "Body", None)
    monkeypatch.setattr(space, "has_threads", lambda: False)
    listing = as_member.get(base + "threads/")
    assert listing.status_code == 200
    assert "Before" not in listing.content.decode()
    assert as_member.get(base).status_code == 200
    refused = as_member.post(base + "threads/new/", {"title": "After", "body": "Body"})
    assert refused.status_code == 404
    assert not Thread.objects.filter(title="After").exists()


# Files


def test_files_share_one_collection_per_group(as_member, group, base):
    for name in ("a.txt", "b.txt"):
        upload = SimpleUploadedFile(name, b"notes", content_type="text/plain")
        assert as_member.post(base + "files/", {"title": name, "file": upload}).status_code == 302
    collections = {shared.document.collection_id for shared in GroupFile.objects.all()}
    group.refresh_from_db()
    assert collections == {group.collection_id}


def test_a_file_of_a_type_the_site_refuses_is_not_shared(as_member, group, base, settings):
    settings.WAGTAILDOCS_EXTENSIONS = ["pdf", "txt"]
    upload = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    response = as_member.post(base + "files/", {"title": "Tool", "file": upload})
    assert response.status_code == 400
    assert "Files of this type cannot be shared. Allowed: pdf, txt." in response.content.decode()
    assert not GroupFile.objects.exists()


def test_a_file_over_the_size_limit_is_not_shared(as_member, group, base, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 4
    upload = SimpleUploadedFile("notes.txt", b"too many bytes", content_type="text/plain")
    response = as_member.post(base + "files/", {"title": "Notes", "file": upload})
    assert response.status_code == 400
    assert "This file is too large: share a smaller one." in response.content.decode()
    assert not GroupFile.objects.exists()


def test_an_unknown_or_lost_file_answers_404(as_member, group, base, people):
    assert as_member.get(base + "files/999999/").status_code == 404
    other = make_group(people["nonmember"], "Elsewhere", "public")
    elsewhere = add_file(other, people["nonmember"])
    # Another group's file is not this group's, whatever its number.
    assert as_member.get(f"{base}files/{elsewhere.pk}/").status_code == 404
    shared = add_file(group, people["lead"])
    shared.document.file.storage.delete(shared.document.file.name)
    assert as_member.get(f"{base}files/{shared.pk}/").status_code == 404


# Events


def test_a_member_adds_an_event(as_member, group, base):
    response = as_member.post(
        base + "events/",
        {
            "title": "Site visit",
            "start": "2026-05-04 10:00",
            "end": "2026-05-04 12:00",
            "location": "Depot",
        },
    )
    assert response.status_code == 302 and response["Location"] == base + "events/"
    event = GroupEvent.objects.get(group=group)
    assert event.title == "Site visit" and event.created_by.username == "mo"
    assert Activity.objects.filter(group=group, verb=Activity.Verb.EVENT).exists()
    assert "Site visit" in as_member.get(base + "events/").content.decode()


def test_an_event_that_ends_before_it_starts_is_refused(as_member, group, base):
    response = as_member.post(
        base + "events/",
        {"title": "Backwards", "start": "2026-05-04 12:00", "end": "2026-05-04 10:00"},
    )
    assert response.status_code == 400
    assert "The end must come after the start." in response.content.decode()
    assert not GroupEvent.objects.exists()


# Pilot log


def test_the_experiment_form_offers_the_librarys_indicators(as_member, group, base):
    IndicatorFactory(name="Distance driven", slug="distance-driven")
    page = as_member.get(base + "pilot/").content.decode()
    assert 'value="distance-driven"' in page and "Distance driven" in page
    response = as_member.post(
        base + "pilot/",
        {
            "what": "Sensors",
            "where": "North",
            "started_on": "2026-03-01",
            "indicator": "distance-driven",
            "result": "worked",
        },
    )
    assert response.status_code == 302
    assert Experiment.objects.get(group=group).indicator == "distance-driven"


def test_an_indicator_translated_into_french_is_offered_once(as_member, group, base):
    from wagtail.models import Locale

    indicator = IndicatorFactory(name="Distance driven", slug="distance-driven")
    french = indicator.copy_for_translation(Locale.objects.create(language_code="fr"))
    french.name = "Distance parcourue"
    french.save()
    page = as_member.get(base + "pilot/").content.decode()
    assert page.count('value="distance-driven"') == 1


def test_an_experiment_that_ends_before_it_starts_is_refused(as_member, group, base):
    response = as_member.post(
        base + "pilot/",
        {
            "what": "Sensors",
            "where": "North",
            "started_on": "2026-03-10",
            "ended_on": "2026-03-01",
            "result": "worked",
        },
    )
    assert response.status_code == 400
    assert "The end cannot come before the start." in response.content.decode()
    assert not Experiment.objects.exists()


def test_a_hypothesis_with_a_null_character_is_refused(as_lead, group, base):
    response = as_lead.post(base + "pilot/", {"part": "hypothesis", "hypothesis": "a\x00b"})
    assert response.status_code == 400
    group.refresh_from_db()
    assert group.hypothesis == ""


def test_only_a_lead_writes_the_hypothesis(as_member, group, base):
    response = as_member.post(base + "pilot/", {"part": "hypothesis", "hypothesis": "Mine."})
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.hypothesis == ""


def _experiment(group, author, result="worked", **fields):
    return Experiment.objects.create(
        group=group,
        what="Sensors",
        where="North",
        started_on=datetime.date(2026, 3, 1),
        result=result,
        author=author,
        **fields,
    )


@pytest.mark.parametrize(
    ("hypothesis", "result", "kind", "message"),
    [
        ("", "worked", "case_study", "Write the pilot's hypothesis first"),
        ("Sensors cut distance.", "pending", "case_study", "Log at least one experiment"),
        ("Sensors cut distance.", "worked", "poem", "Choose a case study or a best practice."),
    ],
)
def test_the_draft_is_refused_until_the_log_is_ready(
    as_lead, group, base, people, submitted, hypothesis, result, kind, message
):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis=hypothesis)
    _experiment(group, people["member"], result=result)
    response = as_lead.post(base + "pilot/draft/", {"kind": kind})
    assert response.status_code == 302 and response["Location"] == base + "pilot/"
    assert len(said(response)) == 1 and said(response)[0].startswith(message)
    assert submitted == []
    group.refresh_from_db()
    assert group.draft_page_id is None and group.status == WorkingGroup.Status.ACTIVE


def test_the_draft_credits_a_former_member_who_logged_an_experiment(
    as_lead, group, base, people, submitted
):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis="Sensors cut distance.")
    _experiment(group, people["former"], ended_on=datetime.date(2026, 3, 20))
    response = as_lead.post(base + "pilot/draft/", {"kind": "practice"})
    assert response.status_code == 302
    assert said(response) == ["The case study “drafted” is drafted and waits for peer review."]
    (draft,) = submitted
    assert draft.kind == drafts.PRACTICE
    assert set(draft.contributors) == {people["lead"], people["member"], people["former"]}
    assert "2026-03-01 – 2026-03-20" in draft.lessons


def test_without_the_library_the_lead_is_told_and_offered_no_draft(
    as_lead, group, base, people, monkeypatch
):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis="Sensors cut distance.")
    _experiment(group, people["member"])
    assert "pilot/draft/" in as_lead.get(base + "pilot/").content.decode()
    monkeypatch.setattr(drafts, "_implementations", lambda: [])
    assert "pilot/draft/" not in as_lead.get(base + "pilot/").content.decode()
    response = as_lead.post(base + "pilot/draft/")
    assert said(response) == ["Case studies need the library, which this site has not installed."]


def test_a_site_without_a_library_page_refuses_the_draft(as_lead, group, base, people):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis="Sensors cut distance.")
    _experiment(group, people["member"])
    response = as_lead.post(base + "pilot/draft/")
    assert said(response) == [
        "This site has no library page to put drafts under: an editor adds a Library index "
        "page below the home page."
    ]
    group.refresh_from_db()
    assert group.draft_page_id is None


def test_a_draft_the_library_refuses_names_the_fields(as_lead, group, base, people):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis="Sensors cut distance.")
    _experiment(group, people["member"])

    def refuse(draft, **kwargs):
        raise ValidationError({"summary": "Too short.", "place": "Required."})

    with hooks.register_temporarily(drafts.HOOK, refuse):
        response = as_lead.post(base + "pilot/draft/")
    assert said(response) == [
        "The library refused the draft (place, summary): complete the log and try again."
    ]
    group.refresh_from_db()
    assert group.draft_page_id is None and group.status == WorkingGroup.Status.ACTIVE


def test_the_draft_action_takes_post_only(as_lead, base):
    assert as_lead.get(base + "pilot/draft/").status_code == 405


# Rate limit


def _upload():
    return {"title": "Notes", "file": SimpleUploadedFile("n.txt", b"notes", "text/plain")}


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("threads/new/", lambda: {"title": "Plan", "body": "Body"}),
        ("files/", _upload),
        (
            "events/",
            lambda: {"title": "Call", "start": "2026-05-04 10:00", "end": "2026-05-04 11:00"},
        ),
        ("pilot/", lambda: {"what": "Sensors", "started_on": "2026-03-01", "result": "worked"}),
        ("pilot/draft/", dict),
    ],
)
def test_writes_to_the_space_over_the_limit_answer_429(
    as_lead, forum, group, base, settings, submitted, path, data
):
    WorkingGroup.objects.filter(pk=group.pk).update(hypothesis="Sensors cut distance.")
    _experiment(group, group.memberships.first().user)
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"group_action": {"member": (1, 3600)}}
    as_lead.post(base + path, data())

    def stored():
        return [model.objects.count() for model in (Thread, GroupFile, GroupEvent, Experiment)] + [
            len(submitted)
        ]

    before = stored()
    response = as_lead.post(base + path, data())
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert stored() == before
