"""k reviewers approving at the same moment: one completion, one publication, k approvals."""

import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from wagtail.models import PageLogEntry, WorkflowState

from civic_wagtail import roles
from civic_wagtail.review.models import ReviewDecision, ReviewRecord
from tests.factories import member
from tests.utils import postgres_only

from .conftest import Site, action_url, approval_data

pytestmark = [postgres_only, pytest.mark.postgres]


@pytest.mark.django_db(transaction=True)
def test_parallel_approvals_complete_the_review_exactly_once(home_page):
    # After a flush, civic_wagtail's post_migrate receiver runs before wagtailadmin's
    # permissions exist again, so roles may miss admin access: grant it.
    roles.get_group(roles.REVIEWERS).permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    site = Site(Client(), home_page)
    site.task.approvals_required = 3
    site.task.save()
    # One more reviewer than needed races too: their approval must not count.
    reviewers = [*site.reviewers, member(username="rory", role_names=[roles.REVIEWERS])]
    site.submit()
    state = site.state()
    url = action_url(site.page, "approve", state)
    barrier = threading.Barrier(len(reviewers))
    statuses = []

    def approve(user):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            response = client.post(
                url, approval_data(), headers={"x-requested-with": "XMLHttpRequest"}
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(user,)) for user in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(statuses) == len(reviewers)
    assert statuses.count(200) == 3
    page = site.refresh()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert ReviewDecision.objects.filter(decision="approve").count() == 3
    record = ReviewRecord.objects.get()
    assert record.reviewer_count == 3
    assert len(record.reviewer_names) == 3
