"""Privacy self-service: one zip of everything about a member; erasure through every app."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.test import TestCase
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from civic_wagtail.events.models import CalendarToken, EventAttendance
from civic_wagtail.library.models import CaseStudyPage
from civic_wagtail.members.models import Notification, get_profile
from civic_wagtail.members.notify import notify
from civic_wagtail.mentoring.models import MeetingLogEntry, Mentorship, MentorshipFeedback
from civic_wagtail.review.models import ReviewRecord
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import case_study, library_index
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.django_db

NAME, USERNAME, EMAIL = "Zelda Quartermain", "zquartermain", "zelda.q@agency.gov"


def _comment(thread, user, text, followup=False, ip="10.9.9.9"):
    return XtdComment.objects.create(
        content_object=thread, site_id=settings.SITE_ID, user=user,
        user_name=str(get_profile(user)), user_email=user.email, comment=text,
        is_public=True, submit_date=timezone.now(), followup=followup, ip_address=ip,
    )


def someone_with_data_everywhere(sections, username, email, name):
    """A member with a profile, a thread and comments, a mentorship, an event registration,
    a calendar token, published and draft case studies, a review record naming them and
    notifications both ways."""
    user = member(username=username, email=email, first_name=name.split()[0],
                  last_name=name.split()[1])
    profile = get_profile(user)
    profile.display_name = name
    profile.bio = f"I am {name}."
    profile.save()
    from wagtail.log_actions import log

    log(profile, "civic_wagtail_members.verified")
    forum, events, library = sections
    tag = "a" if username == USERNAME else "b"  # page titles and slugs name nobody
    thread = Thread.objects.create(forum=forum, title=f"Question of {name}", body="Ideas?",
                                   author=user)
    _comment(thread, user, f"{name} follows this.", followup=True,
             ip="10.1.2.3" if username == USERNAME else "10.9.9.9")
    mentor = make_mentor(f"mentor-{tag}")
    mentorship = Mentorship.objects.create(mentor=mentor, mentee=user, message=f"I am {name}",
                                           goals=f"{name}'s goals", start_date=date(2030, 1, 1))
    MentorshipFeedback.objects.create(mentorship=mentorship, author=user, rating=5,
                                      comments=f"From {name}")
    MeetingLogEntry.objects.create(mentorship=mentorship, author=user, date=date(2030, 1, 2),
                                   notes=f"{name} met")
    event = make_event(events, title=f"Clinic {tag}", slug=f"clinic-{tag}")
    EventAttendance.objects.create(user=user, page=event, kind="registered")
    event.speakers.add(user)
    event.save()
    CalendarToken.for_user(user)
    published = case_study(library, title=f"Case {tag}", slug=f"case-{tag}",
                           owner=user)
    published.save_revision(user=user).publish()
    draft = case_study(library, title=f"Draft {tag}", slug=f"draft-{tag}",
                       owner=user, live=False, first_published_at=None)
    draft.save_revision(user=user)
    from civic_wagtail.recognition.models import Award, Badge

    first = Badge.objects.get_or_create(slug="first-story", defaults={
        "name": "First story", "description": "d", "criteria": "c"})[0]
    Award.objects.create(badge=first, recipient=user, reason=f"Thanks, {name}")
    from django.contrib.contenttypes.models import ContentType

    from civic_wagtail.recognition.models import Kudos

    Kudos.objects.create(giver=user, content_type=ContentType.objects.get_for_model(published),
                         object_id=str(published.pk))
    ReviewRecord.objects.create(page=published, reviewed_at=timezone.now(),
                                review_due=date(2031, 1, 1), reviewer_count=1,
                                reviewer_names=[name, "Someone Else"])
    return user, thread, published


@pytest.fixture
def world(home_page):
    topic = TopicFactory(name="Permits", slug="permits")
    sections = (make_forum(home_page, topic)[1], make_index(home_page), library_index(home_page))
    zelda, thread, published = someone_with_data_everywhere(sections, USERNAME, EMAIL, NAME)
    otto, *_ = someone_with_data_everywhere(
        sections, "ottokar", "ottokar@agency.gov", "Ottokar Brzezinski"
    )
    reply = _comment(thread, otto, "Otto's reply.")
    notify(zelda, "discussion.reply", "Ottokar replied", url="/x/", actor=otto, key="r1")
    notify(otto, "discussion.reply", f"{NAME} replied", url="/y/", actor=zelda, key="r2")
    return {"zelda": zelda, "otto": otto, "published": published, "reply": reply}


def download(client, user):
    client.force_login(user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post("/members/me/data/").status_code == 302
    html = client.get("/members/me/data/").content.decode()
    link = html.split('href="/members/me/data/')[1].split('"')[0]
    response = client.get(f"/members/me/data/{link}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    return f"/members/me/data/{link}", zipfile.ZipFile(io.BytesIO(content))


def test_export_holds_every_apps_data_for_that_member_only(client, world, settings):
    url, archive = download(client, world["zelda"])
    names = set(archive.namelist())
    for table in ["account", "profile", "notifications", "notification_settings", "comments",
                  "threads", "mentorships", "mentorship_feedback", "meeting_notes",
                  "event_registrations", "events_spoken_at", "calendar_token", "case_studies",
                  "review_decisions", "badges", "this_helped_me"]:
        assert f"{table}.json" in names and f"{table}.csv" in names, table
    everything = "".join(archive.read(name).decode() for name in names)
    assert NAME in everything and EMAIL in everything
    assert json.loads(archive.read("profile.json"))[0]["display_name"] == NAME
    assert len(json.loads(archive.read("case_studies.json"))) == 2
    assert json.loads(archive.read("badges.json"))[0]["reason"] == f"Thanks, {NAME}"
    assert json.loads(archive.read("events_spoken_at.json"))[0]["event"] == "Clinic a"
    assert json.loads(archive.read("this_helped_me.json"))[0]["item"].endswith(
        f":{world['published'].pk}")
    token = CalendarToken.objects.get(user=world["zelda"]).token
    assert token in archive.read("calendar_token.csv").decode()
    # Nobody else's data: not Otto's comments, profile, token or address.
    assert "ottokar@agency.gov" not in everything
    assert "Otto's reply" not in everything
    assert CalendarToken.objects.get(user=world["otto"]).token not in everything
    # The link is Zelda's alone, and it expires.
    client.force_login(world["otto"])
    assert client.get(url).status_code == 404
    client.force_login(world["zelda"])
    settings.CIVIC_WAGTAIL_MEMBERS_EXPORT_MAX_AGE = -1
    assert client.get(url).status_code == 404


def _text_columns(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.JSONField):
            yield field.attname


def rows_mentioning(needle):
    """Every (table, column) in the database whose value contains ``needle``."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        for column in _text_columns(model):
            matches = model._base_manager.annotate(
                _text=Cast(column, models.TextField())
            ).filter(_text__icontains=needle)
            if matches.exists():
                found.append((model._meta.db_table, column))
    return found


def test_deletion_is_refused_without_confirmation(client, verified_member):
    client.force_login(verified_member)
    response = client.post("/members/me/delete/", {})
    assert response.status_code == 400
    response = client.post("/members/me/delete/", {"confirm": "someone"})
    assert response.status_code == 400
    assert "Type your username, vera, exactly" in response.content.decode()
    verified_member.refresh_from_db()


def test_deletion_leaves_no_personal_data(client, world):
    zelda, otto = world["zelda"], world["otto"]
    for needle in (NAME, "Quartermain", USERNAME, EMAIL):
        assert rows_mentioning(needle), needle  # the search finds what is there
    client.force_login(zelda)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/members/me/delete/", {"confirm": USERNAME})
    assert response.status_code == 302
    assert not type(zelda).objects.filter(pk=zelda.pk).exists()
    for needle in (NAME, "Quartermain", USERNAME, EMAIL, "10.1.2.3"):
        found = rows_mentioning(needle)
        assert not found, (needle, found)
    # The published case study stays, by "a former member"; Otto keeps everything.
    page = CaseStudyPage.objects.get(pk=world["published"].pk)
    assert page.live and page.owner_id is None
    assert not CaseStudyPage.objects.filter(slug="draft-a").exists()
    assert "a former member" in ReviewRecord.objects.get(page=page).reviewer_names
    assert Notification.objects.filter(recipient=otto).count() == 0  # it named Zelda
    assert rows_mentioning("Ottokar Brzezinski")
    assert client.get("/members/me/").status_code == 302  # signed out
