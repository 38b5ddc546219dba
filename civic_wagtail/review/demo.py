"""Demo content: the peer-review workflow on /library/ and reviews in every state.

Runs after the library seeder (order 40) and uses whatever pages it made, through
``.specific`` only, so the review app needs no library import. Without a library the
workflow is still created, ready to be assigned to any section.
"""

import datetime

from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage, WorkflowState, WorkflowTask

from civic_wagtail import roles
from civic_wagtail.seeding import Seeder

from . import notifications
from .decisions import act, authors_of
from .models import PeerReviewTask, ReviewRecord

WORKFLOW_NAME = "Peer-reviewed publishing"
TASK_NAME = "Peer review: 2 of the Reviewers group"
#: The states the demo gives pages, in turn: of every ten, seven pass peer review (one of them
#: overdue for re-validation), one is in review, one has changes requested and one was never
#: submitted, so the library looks lived in and every state is there to try.
SCENARIOS = [
    "published",
    "in_review",
    "published",
    "changes_requested",
    "overdue",
    "published",
    "published",
    None,
    "published",
    "published",
]


def scenarios(count):
    """The scenario of each of ``count`` pages (``None``: left alone)."""
    return [SCENARIOS[index % len(SCENARIOS)] for index in range(count)]


#: The workflow Wagtail's first migration attaches to the root page, governing every page.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def assign_workflows(library, workflow):
    """The demo's workflows, chosen section by section: peer review on the library, none
    elsewhere (editors publish events, forums and mentoring pages directly). Wagtail's
    default "Moderators approval" on the root page would otherwise govern every section the
    demo did not choose, silently."""
    WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    WorkflowPage.objects.filter(page__depth=1, workflow__name=WAGTAIL_DEFAULT_WORKFLOW).delete()


class ReviewSeeder(Seeder):
    order = 60
    name = "peer review"

    def seed(self, ctx):
        workflow = self.seed_workflow()
        users = ctx.shared.get("users", {})
        reviewers = list(users.get("reviewers", []))
        library = self.library(ctx)
        if library is None:
            ctx.log("  No /library/ section: peer-review workflow created but not assigned.")
            return
        assign_workflows(library, workflow)
        pages = [page.specific for page in library.get_descendants().order_by("path")]
        if not pages:
            ctx.log("  /library/ has no pages yet: nothing to review.")
            return
        if len(reviewers) < 2:
            ctx.log("  Fewer than two reviewers: no reviews seeded.")
            return
        reviewed = WorkflowState.objects.filter(
            object_id__in=[str(page.pk) for page in pages]
        ).exists()
        if reviewed:
            return  # already seeded; keep what people did in the admin since
        moderators = list(users.get("moderators", []))
        with (
            notifications.muted(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            plays = [
                (scenario, page)
                for scenario, page in zip(scenarios(len(pages)), pages, strict=True)
                if scenario
            ]
            for scenario, page in ctx.progress(plays, desc="reviews"):
                self.play(ctx, workflow, page, scenario, reviewers + moderators)
        ctx.shared.setdefault("summary", []).append(
            "Peer review: log in as reviewer1, reviewer2 or reviewer3 to see 'Reviews waiting "
            "for you'; Reports > Reviews due lists overdue content."
        )

    def seed_workflow(self):
        group = roles.get_group(roles.REVIEWERS)
        task = PeerReviewTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = PeerReviewTask.objects.create(
                name=TASK_NAME, reviewer_group=group, approvals_required=2
            )
        workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
        return workflow

    def library(self, ctx):
        home = ctx.shared.get("home")
        if home is None:
            return None
        return home.get_children().filter(slug="library").first()

    def play(self, ctx, workflow, page, scenario, people):
        if page.get_latest_revision() is None:
            page.save_revision(user=page.owner)
        author = page.owner
        state = workflow.start(page, author).current_task_state.specific
        authors = authors_of(state)
        candidates = [user for user in people if user.pk not in authors]
        ctx.rng.shuffle(candidates)
        criteria = state.task.specific.get_criteria()

        def approve(user):
            scores = {f"score__{key}": ctx.rng.randint(3, 5) for key, _label in criteria}
            act(state, user, "approve", no_conflict=True, comment="", **scores)

        if scenario == "changes_requested":
            act(
                state,
                candidates[0],
                "reject",
                comment="Please add the measured outcome (numbers and dates) and a contact.",
            )
            return
        approve(candidates[0])
        if scenario == "in_review":
            return
        approve(candidates[1])
        if scenario == "overdue":
            reviewed_at = timezone.now() - datetime.timedelta(days=400)
            ReviewRecord.objects.filter(page=page).update(
                reviewed_at=reviewed_at,
                review_due=(reviewed_at + datetime.timedelta(days=365)).date(),
            )


SEEDERS = [ReviewSeeder]
