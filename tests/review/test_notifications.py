"""Emails: reviewers when asked, authors on every decision, owners on re-validation."""

import pytest
from django.core import mail

from tests.utils import assert_email_links_resolve

from .conftest import approval_data

pytestmark = pytest.mark.django_db


def to(address):
    return [m for m in mail.outbox if address in m.to]


def test_reviewers_are_emailed_with_a_link_when_asked(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site.submit()
    for reviewer in site.reviewers:
        (message,) = to(reviewer.email)
        assert message.subject == "Peer review requested: Permits in a day"
        assert f"http://testserver/admin/pages/{site.page.pk}/edit/" in message.body
    assert not to(site.author.email) or all(
        "requested" not in m.subject for m in to(site.author.email)
    )


def test_author_hears_of_each_decision(submitted, django_capture_on_commit_callbacks):
    first, second, _third = submitted.reviewers
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submitted.act(first, "approve", approval_data(comment="Solid evidence."))
    (message,) = to(submitted.author.email)
    assert "1 of the 2 approvals" in message.body
    assert "Solid evidence." in message.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submitted.request_changes(second, comment="Name the statute.")
    messages = [m for m in to(submitted.author.email) if m.subject.startswith("Changes requested")]
    assert len(messages) == 1
    assert "Name the statute." in messages[0].body
    assert f"/admin/pages/{submitted.page.pk}/edit/" in messages[0].body


def test_author_hears_when_the_review_completes(submitted, django_capture_on_commit_callbacks):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submitted.approve(second)
    completed = [
        m for m in to(submitted.author.email) if m.subject.startswith("Peer review complete")
    ]
    assert len(completed) == 1
    assert "http://localhost/permits-in-a-day/" in completed[0].body
    assert "approved by 2 reviewers" in completed[0].body


def test_refused_actions_send_nothing(submitted, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submitted.act(submitted.author, "approve", approval_data())
        submitted.act(submitted.editor, "reject", {"comment": "no"})
    assert mail.outbox == []


TRICKY = "Fees & \"O'Brien\" <draft>"


def test_review_emails_arrive_verbatim_in_plain_text(site, django_capture_on_commit_callbacks):
    site.page.title = TRICKY
    site.page.save_revision(user=site.author)
    with django_capture_on_commit_callbacks(execute=True):
        site.submit()
    first, second, _third = site.reviewers
    with django_capture_on_commit_callbacks(execute=True):
        site.act(first, "approve", approval_data(comment=f"Cite {TRICKY}."))
    (requested,) = to(second.email)
    assert requested.subject == f"Peer review requested: {TRICKY}"
    assert f'review "{TRICKY}"' in requested.body
    (approved,) = to(site.author.email)
    assert f"Cite {TRICKY}." in approved.body
    for message in mail.outbox:
        text = message.subject + message.body
        assert not any(e in text for e in ("&amp;", "&#x27;", "&quot;", "&lt;", "&#39;"))
    assert_email_links_resolve(mail.outbox)


def test_wagtail_sends_no_workflow_email_beside_the_peer_reviews(
    site, django_capture_on_commit_callbacks
):
    """Peer review mails reviewers and authors itself: Wagtail's "submitted for moderation"
    and "has been approved" emails for the same steps would be duplicates."""
    with django_capture_on_commit_callbacks(execute=True):
        site.submit()
    assert not [m for m in mail.outbox if "submitted for moderation" in m.subject]
    first, second, _third = site.reviewers
    site.approve(first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        site.approve(second)
    subjects = [m.subject for m in to(site.author.email)]
    assert [s for s in subjects if s.startswith("Peer review complete")]
    assert not [s for s in subjects if "has been approved" in s], subjects


def test_other_workflows_keep_wagtails_emails(home_page, django_capture_on_commit_callbacks):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from tests.factories import member

    author = member(username="wanda")
    task = GroupApprovalTask.objects.create(name="Legal check")
    workflow = Workflow.objects.create(name="Legal")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    home_page.save_revision(user=author)
    state = workflow.start(home_page, author)
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=member(username="lex", is_superuser=True))
    assert [m for m in to(author.email) if "has been approved" in m.subject]
