"""One small site with an object in every visibility state, built once per test module.

The matrix and the fuzz ask the same question of every URL: what does each role get for a
public object, a hidden one, a held one and someone else's? ``build_world`` makes exactly
those objects (and nothing more, so it stays fast) and returns the ids that the matrix's path
templates name: ``{comment_public}``, ``{thread_held}``, ``{event_draft}``...
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from civic_wagtail import roles
from civic_wagtail.discussion.models import Thread
from civic_wagtail.discussion.models.moderation import (
    CommentModeration,
    ModerationState,
    PostingBlock,
)
from civic_wagtail.discussion.notifications import unfollow_token
from civic_wagtail.events.models import CalendarToken
from civic_wagtail.library.models import ResourcePage
from civic_wagtail.members.models import get_profile
from civic_wagtail.mentoring.models import Mentorship, MentorshipFeedback, Programme
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.review.models import ReviewRecord
from tests.conftest import make_home_page
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import (
    GovernmentLevelFactory,
    OrganisationTypeFactory,
    RegionFactory,
    TopicFactory,
    member,
)
from tests.library.helpers import IndicatorFactory, library_index, practice, resource_index
from tests.mentoring.helpers import make_mentor

#: The roles of the matrix, in the order of its columns.
ROLES = ("anon", "pending", "verified", "reviewer", "moderator", "coordinator", "editor")

#: An id that no object has: every URL that takes an object answers it with 404.
MISSING = 987654


@dataclass
class World:
    ids: dict
    users: dict
    clients: dict = field(default_factory=dict)


def _comment(thread, user, text, state=None):
    from django_comments_xtd.models import XtdComment

    comment = XtdComment.objects.create(
        content_object=thread,
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.username,
        user_email=user.email,
        comment=text,
        is_public=state in (None, ModerationState.APPROVED),
        submit_date=timezone.now(),
    )
    if state is not None:
        CommentModeration.objects.create(comment=comment, state=state)
    return comment


def _document(title, collection=None):
    Document = get_document_model()  # noqa: N806
    doc = Document(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(f"{title}.txt", ContentFile(b"plain text"), save=False)
    doc.save()
    return doc


def build_world():
    """Create the site, the people and one object per visibility state; return their ids."""
    home = make_home_page()
    users = {
        "pending": member(username="m_pending", verified=False, email="pending@example.com"),
        "verified": member(username="m_verified"),
        "reviewer": member(username="m_reviewer", role_names=[roles.REVIEWERS]),
        "moderator": member(username="m_moderator", role_names=[roles.MODERATORS]),
        "coordinator": member(username="m_coordinator", role_names=[roles.MENTORING_COORDINATORS]),
        "editor": member(username="m_editor", role_names=[roles.EDITORS]),
    }
    author = member(username="m_author")
    ids = {"missing": MISSING}

    # Library: a live page, a draft (hidden), a page for signed-in people and one for the
    # Members group (private).
    topic = TopicFactory(name="Permits", slug="permits")
    library = library_index(home)
    library.save_revision().publish()
    public = practice(library, title="Public practice", slug="public-practice", topics=[topic])
    public.save_revision().publish()
    draft = practice(library, title="Draft practice", slug="draft-practice", live=False)
    draft.save_revision()
    private = practice(library, title="Private practice", slug="private-practice")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # "Members only" as the docs say to do it: restricted to the Members group (verified).
    members_only = practice(library, title="Members practice", slug="members-practice")
    members_only.save_revision().publish()
    members_restriction = PageViewRestriction.objects.create(
        page=members_only, restriction_type="groups"
    )
    members_restriction.groups.set(Group.objects.filter(name=roles.group_name(roles.MEMBERS)))
    ids |= {"topic_pk": topic.pk, "level": GovernmentLevelFactory().pk,
            "region": RegionFactory().pk, "orgtype": OrganisationTypeFactory().pk,
            "indicator": IndicatorFactory().pk}
    ids |= {"practice_public": public.pk, "practice_draft": draft.pk,
            "practice_private": private.pk, "practice_members": members_only.pk,
            "topic": topic.slug}

    resources = resource_index(home)
    resources.save_revision().publish()
    public_doc = _document("public-doc")
    private_collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type="login"
    )
    private_doc = _document("private-doc", private_collection)
    resource = ResourcePage(
        title="Toolkit", slug="toolkit", summary="A toolkit.", resource_type="tool",
        document=public_doc,
    )
    resources.add_child(instance=resource)
    resource.save_revision().publish()
    # Storage renames a file whose name is taken (a second module's world): use the real name.
    ids |= {"doc_public": public_doc.pk, "doc_private": private_doc.pk,
            "doc_public_file": public_doc.filename, "doc_private_file": private_doc.filename}

    # Events: a live event and a draft one; a personal calendar token of someone else.
    events = make_index(home)
    event = make_event(events, title="Permit clinic", slug="permit-clinic", topics=[topic])
    draft_event = make_event(events, title="Draft clinic", slug="draft-clinic", publish=False)
    ids |= {"event_public": event.pk, "event_draft": draft_event.pk,
            "calendar_token": CalendarToken.for_user(author).token}

    # Discussion: threads and comments in every moderation state, all by someone else.
    forum_index, forum = make_forum(home, topic)
    threads = {
        status: Thread.objects.create(forum=forum, title=f"{status} thread", body="Ideas?",
                                      author=author, status=status)
        for status in (Thread.Status.PUBLISHED, Thread.Status.HIDDEN, Thread.Status.HELD)
    }
    thread = threads[Thread.Status.PUBLISHED]
    ids |= {"thread_public": thread.pk, "thread_hidden": threads["hidden"].pk,
            "thread_held": threads["held"].pk, "unfollow_token": unfollow_token(thread)}
    ids |= {
        "comment_public": _comment(thread, author, "Public answer.").pk,
        "comment_hidden": _comment(thread, author, "Hidden answer.", ModerationState.HIDDEN).pk,
        "comment_held": _comment(thread, author, "Held answer.", ModerationState.HELD).pk,
    }
    ids |= {"thread_ct": _content_type_id(thread),
            "thread_ct_label": "civic_wagtail_discussion-thread"}

    # Mentoring: a mentor (someone else) and a mentorship between two other members.
    mentoring = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Mentors.</p>")
    home.add_child(instance=mentoring)
    mentoring.save_revision().publish()
    mentor = make_mentor("m_mentor")
    mentorship = Mentorship.objects.create(mentor=mentor, mentee=author, message="Help?",
                                           start_date=date(2030, 1, 1))
    programme = Programme.objects.create(name="Cohort 1", start_date=date(2030, 1, 1))
    feedback = MentorshipFeedback.objects.create(mentorship=mentorship, author=author, rating=4)
    ids |= {"mentor": mentor.pk, "mentorship": mentorship.pk, "programme": programme.pk,
            "feedback": feedback.pk}

    # Transparency projects: a live project and a draft one of an organisation with a token.
    from tests.transparency.project_helpers import (
        make_organisation,
        make_project,
        make_project_index,
        make_token,
    )

    project_org = make_organisation()
    project_index = make_project_index(home)
    make_project(project_index, project_org, title="Bus lanes", slug="bus-lanes")
    make_project(project_index, project_org, title="Draft plan", slug="draft-plan", publish=False)
    project_token, _raw = make_token(project_org)
    ids |= {"organisation_pk": project_org.pk, "project_token": project_token.pk}

    # Review: the public record of a practice's review; a posting block on someone else.
    record = ReviewRecord.objects.create(
        page=public, reviewed_at=timezone.now(), review_due=date(2031, 1, 1), reviewer_count=2
    )
    block = PostingBlock.objects.create(user=author, reason="spam")
    ids |= {"review_record": record.pk, "posting_block": block.pk}

    # Members: a verified profile (public) and a pending one.
    ids |= {"profile_public": get_profile(author).pk,
            "profile_pending": get_profile(users["pending"]).pk}
    # Members: someone else's notification and data export (its signed download link).
    from civic_wagtail.members.models import DataExport, Notification
    from civic_wagtail.members.privacy import download_token

    notification = Notification.objects.create(recipient=author, kind="x", verb="v", url="/")
    export = DataExport.objects.create(user=author, file="exports/none.zip",
                                       ready_at=timezone.now())
    ids |= {"notification_other": notification.pk, "export_token_other": download_token(export)}
    # Recognition: a badge, an award of it and a revoked award (someone else's).
    from civic_wagtail.recognition.models import Award, Badge

    badge = Badge.objects.create(name="First story", slug="first-story", description="d",
                                 criteria="c", rule="first_case_study")
    award = Award.objects.create(badge=badge, recipient=author)
    revoked_badge = Badge.objects.create(name="Helper", slug="helper", description="d",
                                         criteria="c")
    revoked = Award.objects.create(badge=revoked_badge, recipient=author,
                                   revoked_at=timezone.now())
    ids |= {"badge_pk": badge.pk, "badge_slug": badge.slug, "award_pk": award.pk,
            "award_uid": award.uid, "award_revoked_uid": revoked.uid}

    ids |= _improvement(home, author, mentor, public)
    # Working groups: a members-only and a secret group led by someone else, each with a
    # private thread and a file, and an invitation to someone else's address.
    from civic_wagtail.groups import membership as group_membership
    from civic_wagtail.groups import space as group_space
    from civic_wagtail.groups.models import GroupFile
    from civic_wagtail.groups.pages import GroupIndexPage

    groups_page = GroupIndexPage(title="Working groups", slug="groups")
    home.add_child(instance=groups_page)
    groups_page.save_revision().publish()
    for visibility in ("members", "secret"):
        group = group_membership.create_group(
            author, name=f"Group {visibility}", slug=f"grp-{visibility}", purpose="Pilot.",
            visibility=visibility, joining="invitation",
        )
        thread = group_space.start_thread(group, author, "Private", "Body", None)
        document = _document(f"group-{visibility}", group_space.ensure_collection(group))
        shared = GroupFile.objects.create(group=group, document=document, uploaded_by=author)
        ids |= {f"group_thread_{visibility}": thread.pk, f"group_file_{visibility}": shared.pk,
                f"group_doc_{visibility}": document.pk,
                f"group_doc_{visibility}_file": document.filename}
    invitation = group_membership.invite(author, group, "someone.else@example.gov")
    ids |= {"group_invitation": invitation.token}

    assert Group.objects.filter(name=roles.group_name(roles.EDITORS)).exists()
    return World(ids=ids, users=users)


def _improvement(home, author, mentor, practice_page):
    """Improvement: the page, a framework, and someone else's assessment, goal, check-in,
    tracker and team (the mentor of the author sees the shared ones; no role here is them)."""
    from django.contrib.contenttypes.models import ContentType

    from civic_wagtail.improvement import access
    from civic_wagtail.improvement.models import (
        AdoptionTracker,
        CheckIn,
        CompetencyTag,
        Goal,
        Team,
        TrackerIndicator,
    )
    from civic_wagtail.improvement.pages import ImprovementPage
    from civic_wagtail.improvement.reminders import unsubscribe_token
    from tests.improvement.helpers import make_assessment, make_framework

    page = ImprovementPage(title="Improvement", slug="improvement")
    home.add_child(instance=page)
    page.save_revision().publish()
    framework = make_framework()
    assessment = make_assessment(author, framework, [1, 2], [3, 3])
    access.share(assessment, mentor.user)
    goal = Goal.objects.create(user=author, title="Goal", kind="target", indicator="i",
                               baseline=0, target=5)
    checkin = CheckIn.objects.create(goal=goal, value=1)
    tracker = AdoptionTracker.objects.create(user=author, title="T", organisation="O", place="P")
    TrackerIndicator.objects.create(tracker=tracker, name="i", baseline=1)
    team = Team.objects.create(name="Team", lead=author)
    tag = CompetencyTag.objects.create(
        competency=framework.competencies.first(),
        content_type=ContentType.objects.get_for_model(practice_page), object_id=practice_page.pk,
    )
    return {"framework": framework.pk, "assessment_other": assessment.pk,
            "goal_other": goal.pk, "checkin_other": checkin.pk, "tracker_other": tracker.pk,
            "team_other": team.pk, "competency_tag": tag.pk,
            "unsubscribe_token": unsubscribe_token(author)}


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def clients(world):
    """A client per role, signed in once (sessions live in the module's transaction)."""
    result = {"anon": Client()}
    for role, user in world.users.items():
        client = Client()
        client.force_login(user)
        result[role] = client
    return result
