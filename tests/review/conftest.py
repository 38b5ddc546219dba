"""A site with a peer-review workflow on the home page's subtree and a submitted draft.

Reviewers act through Wagtail's own admin workflow views, exactly as their browser does.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from civic_wagtail import roles
from civic_wagtail.review.models import PeerReviewTask
from tests.factories import member

CRITERIA = ["plain-language", "complete-steps", "evidence", "transferable", "no-personal-data"]


def approval_data(score=4, comment="", no_conflict=True):
    data = {f"score__{key}": str(score) for key in CRITERIA}
    if no_conflict:
        data["no_conflict"] = "on"
    data["comment"] = comment
    return data


def action_url(page, action, state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])


def edit_data(page, **extra):
    """What the page editor posts for a plain Page."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "comments": inline_formset([]),
            **extra,
        }
    )


class Site:
    """Everything a lifecycle test needs, with helpers that post like a browser."""

    def __init__(self, client, home):
        self.client = client
        self.home = home
        self.reviewers = [
            member(username=name, role_names=[roles.REVIEWERS])
            for name in ("rosa", "ravi", "rhea")
        ]
        self.moderator = member(username="mo", role_names=[roles.MODERATORS])
        self.editor = member(username="eli", role_names=[roles.EDITORS])
        self.author = member(username="ada")
        authors = Group.objects.create(name="Authors")
        authors.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(
                group=authors, page=home, permission=Permission.objects.get(codename=codename)
            )
        self.author.groups.add(authors)
        self.task = PeerReviewTask.objects.create(
            name="Peer review",
            reviewer_group=roles.get_group(roles.REVIEWERS),
            approvals_required=2,
        )
        self.workflow = Workflow.objects.create(name="Peer-reviewed publishing")
        WorkflowTask.objects.create(workflow=self.workflow, task=self.task, sort_order=0)
        WorkflowPage.objects.create(workflow=self.workflow, page=home)
        self.page = Page(title="Permits in a day", slug="permits-in-a-day", live=False)
        self.page.owner = self.author
        home.add_child(instance=self.page)
        self.page.save_revision(user=self.author)

    def submit(self, page=None):
        page = page or self.page
        return self.workflow.start(page, self.author)

    def state(self, page=None):
        page = page or self.page
        return page.current_workflow_task_state

    def act(self, user, action, data=None, state=None, xhr=True, page=None):
        """POST the action's modal form as Wagtail's modal does (XMLHttpRequest).

        A refused action is a 403 for XHR; without the header Wagtail's admin turns it
        into a redirect to the dashboard with "Sorry, you do not have permission".
        """
        page = page or self.page
        state = state or self.state(page)
        self.client.force_login(user)
        headers = {"x-requested-with": "XMLHttpRequest"} if xhr else {}
        return self.client.post(action_url(page, action, state), data or {}, headers=headers)

    def approve(self, user, **kwargs):
        return self.act(user, "approve", approval_data(**kwargs))

    def request_changes(self, user, comment="Add the opening hours."):
        return self.act(user, "reject", {"comment": comment})

    def edit(self, user, title, action=None):
        """Save (or submit) through the page editor."""
        self.client.force_login(user)
        extra = {action: "1"} if action else {}
        self.page.title = title
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]), edit_data(self.page, **extra)
        )

    def refresh(self):
        self.page.refresh_from_db()
        return self.page


@pytest.fixture
def site(client, home_page):
    return Site(client, home_page)


@pytest.fixture
def submitted(site):
    site.submit()
    return site


def succeeded(response):
    """The modal's answer to an action that was performed."""
    return response.status_code == 200 and response.json()["step"] == "success"
