"""Peer review: the dashboard panel, the public record and the re-validation report as the
number of submissions grows. Ratios against the smallest case; query counts must not grow.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_review.py
"""

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402


def build(size):
    from wagtail.models import Locale, Page, Site, Workflow, WorkflowTask

    from civic_wagtail import roles
    from civic_wagtail.review.models import PeerReviewTask
    from tests.factories import member

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = Page(title=f"Home {size}", slug=f"home-{size}")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    author = member(username=f"author{size}")
    reviewer = member(username=f"reviewer{size}", role_names=[roles.REVIEWERS])
    task = PeerReviewTask.objects.create(
        name=f"Review {size}", reviewer_group=roles.get_group(roles.REVIEWERS)
    )
    workflow = Workflow.objects.create(name=f"Workflow {size}")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    pages = []
    for n in range(size):
        page = Page(title=f"Practice {size}-{n}", slug=f"p-{size}-{n}", owner=author, live=False)
        home.add_child(instance=page)
        page.save_revision(user=author)
        workflow.start(page, author)
        pages.append(page)
    return reviewer, pages


def main():
    from civic_wagtail.review import notifications
    from civic_wagtail.review.public_record import create_record, render_record
    from civic_wagtail.review.views import ReviewsWaitingPanel

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    factory = RequestFactory()
    results = {}
    with notifications.muted(), timer("setup and runs"):
        for size in (10, 200):
            reviewer, pages = build(size)
            request = factory.get("/admin/")
            request.user = reviewer
            panel = ReviewsWaitingPanel(request)
            results[f"panel, {size} rounds waiting"] = measure(
                lambda panel=panel: panel.get_context_data({})
            )
            state = pages[0].current_workflow_task_state
            create_record(state)
            results[f"public record, {size} pages in review"] = measure(
                lambda page=pages[0]: render_record(factory.get("/"), page)
            )
    baseline = results.pop("panel, 10 rounds waiting")
    report("Peer review", "panel, 10 rounds waiting", baseline, list(results.items()))


if __name__ == "__main__":
    main()
