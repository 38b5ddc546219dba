"""Front-end submission of best practices by verified members.

The same path as a case study (:mod:`.submission`): a draft :class:`BestPracticePage` owned by
the member below the library index, its workflow started (peer review), the member's profile
showing its status, and the same ``library_submission`` rate limit.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic_wagtail import ratelimit
from civic_wagtail.members.models import is_verified_member
from civic_wagtail.models import Region, Topic

from .filters import current_locale
from .forms import PracticeSubmissionForm, text_to_rich_text
from .models import BestPracticePage
from .submission import profile_url, unique_slug

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
    index_page.add_child(instance=page)
    log(page, "wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, user)
    return page


def serve_practice_submission(index_page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = index_page.get_context(request)
    if not is_verified_member(request.user):
        context["not_verified"] = True
        return TemplateResponse(request, TEMPLATE, context, status=403)
    locale = current_locale()
    if request.method == "POST":
        refusal = ratelimit.throttle(request, "library_submission")
        if refusal:
            return refusal
        form = PracticeSubmissionForm(request.POST, locale=locale)
        if form.is_valid():
            page = create_practice_submission(index_page, form, request.user)
            messages.success(
                request,
                _("Thank you: “%(title)s” was sent for review. Follow it on your profile.")
                % {"title": page.title},
            )
            return redirect(profile_url())
    else:
        form = PracticeSubmissionForm(locale=locale)
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)
