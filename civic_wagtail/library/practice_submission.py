"""Front-end submission of best practices by verified members.

The same path as a case study (:mod:`.submission`): a draft :class:`BestPracticePage` owned by
the member below the library index, its workflow started (peer review), the member's profile
showing its status, and the same ``library_submission`` rate limit.
"""

from django.db import transaction

from civic_wagtail.models import Region, Topic

from .forms import PracticeSubmissionForm, text_to_rich_text
from .models import BestPracticePage
from .submission import serve_form, submit_for_review, unique_slug

TEMPLATE = "civic_wagtail/library/submit_best_practice.html"


@transaction.atomic
def create_practice_submission(index_page, form, user):
    """Create the draft practice and start its workflow; returns the page."""
    data = form.cleaned_data
    page = BestPracticePage(
        title=data["title"],
        slug=unique_slug(index_page, data["title"]),
        summary=data["summary"],
        problem=text_to_rich_text(data["problem"]),
        approach=text_to_rich_text(data["approach"]),
        prerequisites=text_to_rich_text(data["prerequisites"]),
        risks=text_to_rich_text(data["risks"]),
        cost_band=data["cost_band"],
        implementation_months=data["implementation_months"],
        evidence_strength=data["evidence_strength"],
        owner=user,
        live=False,
        has_unpublished_changes=True,
    )
    page.topics.set(Topic.objects.filter(pk__in=data.get("topics") or []))
    if data.get("region"):
        page.regions.set(Region.objects.filter(pk=data["region"]))
    return submit_for_review(index_page, page, user)


def serve_practice_submission(index_page, request):
    return serve_form(
        index_page,
        request,
        template=TEMPLATE,
        form_class=PracticeSubmissionForm,
        create=create_practice_submission,
    )
