import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from civic_wagtail import roles
from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage
from civic_wagtail.groups import membership, space
from civic_wagtail.groups.models import GroupEvent, GroupFile, Membership, WorkingGroup
from civic_wagtail.groups.pages import GroupIndexPage
from tests.factories import TopicFactory, member


@pytest.fixture
def groups_page(home_page):
    page = GroupIndexPage(title="Working groups", slug="groups", intro="Pilots together.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def forum(home_page):
    index = ForumIndexPage(title="Forums", slug="forum")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    topic = TopicFactory(name="Waste", slug="waste")
    page = ForumTopicPage(title="Waste", slug="waste", topic=topic)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_group(lead, name, visibility, joining="request", **fields):
    return membership.create_group(
        lead,
        name=name,
        slug=name.lower().replace(" ", "-"),
        purpose=f"Purpose of {name}",
        visibility=visibility,
        joining=joining,
        **fields,
    )


def add_member(group, user, role="member"):
    row = Membership.objects.create(group=group, user=user, role=role)
    membership._activate(group, row, role=role)
    return row


def add_file(group, user, title="Routes.txt"):
    document = get_document_model()(
        title=title,
        file=ContentFile(b"route data", name="routes.txt"),
        collection=space.ensure_collection(group),
    )
    document.save()
    return GroupFile.objects.create(group=group, document=document, uploaded_by=user)


def add_event(group, user, title="Monthly call"):
    start = timezone.now() + datetime.timedelta(days=3)
    return GroupEvent.objects.create(
        group=group,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=1),
        created_by=user,
    )


@pytest.fixture
def people(db):
    """One account per row of the permission matrix."""
    User = get_user_model()
    admin = User.objects.create_superuser("root", "root@city.example.gov", "pw")
    return {
        "lead": member(username="lena"),
        "member": member(username="mo"),
        "pending": member(username="pete"),
        "nonmember": member(username="nora"),
        "former": member(username="fred"),
        "moderator": member(username="moddy", role_names=[roles.MODERATORS]),
        "admin": admin,
    }


@pytest.fixture
def world(groups_page, forum, people):
    """A public, a members-only and a secret group, each with a member, a pending request
    (where requests exist), a former member, a thread, a file and an event."""
    lead, mem = people["lead"], people["member"]
    groups = {}
    for visibility in ("public", "members", "secret"):
        joining = "invitation" if visibility == "secret" else "request"
        group = make_group(lead, f"Group {visibility}", visibility, joining=joining)
        add_member(group, mem)
        add_member(group, people["former"])
        membership.leave(people["former"], group)
        if visibility != "secret":
            membership.join(people["pending"], group)
        else:
            Membership.objects.create(group=group, user=people["pending"])
        thread = space.start_thread(group, lead, f"Plan of {visibility}", "Body", None)
        groups[visibility] = {
            "group": group,
            "thread": thread,
            "file": add_file(group, lead),
            "event": add_event(group, lead),
        }
    return groups


__all__ = ["WorkingGroup"]
