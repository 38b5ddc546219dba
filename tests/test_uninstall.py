"""civic_wagtail_uninstall: what a feature leaves in shared tables is listed, then deleted,
and the steps left are printed in order. (Migrating each app to zero and back:
tests/test_migrate_zero.py.)"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from civic_wagtail import uninstall
from civic_wagtail.features import BY_NAME
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.review.models import PeerReviewTask

pytestmark = pytest.mark.django_db
MENTORING = BY_NAME["civic_wagtail.mentoring"]


def uninstall_command(*args):
    out = io.StringIO()
    call_command("civic_wagtail_uninstall", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def mentoring_section(home_page):
    page = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Find a mentor.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_lists_without_deleting_and_prints_the_order(mentoring_section):
    output = uninstall_command("mentoring")
    assert "pages: 1 mentoring page" in output
    assert "sections: /home/mentoring/" in output
    assert "Mentoring coordinators" in output
    assert "civic_wagtail_mentoring.mentorship" in output
    steps = output.split("Next steps")[1]
    order = [
        "civic_wagtail_uninstall mentoring --yes",
        "python manage.py migrate civic_wagtail_mentoring zero",
        "Remove 'civic_wagtail.mentoring' from INSTALLED_APPS",
        "civic_wagtail_uninstall mentoring --yes   (again",
    ]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions), steps
    assert Page.objects.filter(pk=mentoring_section.pk).exists()
    assert Group.objects.filter(name="Mentoring coordinators").exists()


def test_yes_deletes_pages_group_permissions_and_content_types(mentoring_section, client):
    output = uninstall_command("mentoring", "--yes")
    assert "Deleted." in output
    assert not Page.objects.filter(pk=mentoring_section.pk).exists()
    assert not Group.objects.filter(name="Mentoring coordinators").exists()
    assert not Permission.objects.filter(content_type__app_label=MENTORING.label).exists()
    assert not ContentType.objects.filter(app_label=MENTORING.label).exists()
    assert Group.objects.filter(name="Moderators").exists()  # a core role stays
    assert client.get("/mentoring/").status_code == 404
    assert client.get("/").status_code == 200
    # What is left to do: migrate to zero, take the app out, run again.
    assert "migrate civic_wagtail_mentoring zero" in output.split("Next steps")[1]


def test_a_role_group_holding_other_permissions_is_kept(db):
    group = Group.objects.get(name="Mentoring coordinators")
    group.permissions.add(Permission.objects.get(codename="change_user"))
    result = uninstall.plan(MENTORING)
    assert result.kept_groups == ["Mentoring coordinators"] and result.groups == []
    uninstall.remove(result)
    assert Group.objects.filter(name="Mentoring coordinators").exists()


def test_review_tasks_are_deleted_with_their_workflow_links(db):
    from wagtail.models import Workflow, WorkflowTask

    task = PeerReviewTask.objects.create(
        name="Peer review", reviewer_group=Group.objects.get(name="Reviewers")
    )
    workflow = Workflow.objects.create(name="Library review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    result = uninstall.plan(BY_NAME["civic_wagtail.review"])
    assert result.tasks == ["Peer review"]
    assert "Reviewers" in result.groups
    uninstall.remove(result)
    assert not PeerReviewTask.objects.exists()
    assert not WorkflowTask.objects.filter(workflow=workflow).exists()


def test_an_unknown_or_core_app_is_refused(db):
    for name in ("members", "civic_wagtail", "blog"):
        with pytest.raises(CommandError, match="not a civic_wagtail feature app"):
            uninstall_command(name)


def test_a_removed_app_with_tables_left_is_told_to_migrate_first(db, monkeypatch):
    """The app left INSTALLED_APPS before `migrate <app> zero`: its tables are still there."""
    from django.apps import apps

    real = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != MENTORING.name and real(name))
    result = uninstall.plan(MENTORING)
    assert "civic_wagtail_mentoring_mentorship" in result.tables
    steps = "\n".join(uninstall.next_steps(result))
    assert "Put 'civic_wagtail.mentoring' back in INSTALLED_APPS" in steps
    assert "migrate civic_wagtail_mentoring zero" in steps
