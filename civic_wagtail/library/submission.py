"""Front-end submission of case studies by verified members.

The submission becomes a draft :class:`CaseStudyPage` owned by the member, below the library
index; if the page has a workflow (the peer-review workflow of the review app), it is
started, so reviewers see the submission in their dashboard. The member follows its status
on their profile (see ``wagtail_hooks.submissions_panel``).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic_wagtail import params, ratelimit
from civic_wagtail.members.models import is_verified_member
from civic_wagtail.models import Region, Topic

from .filters import current_locale
from .forms import CaseStudySubmissionForm, text_to_rich_text
from .models import CaseStudyOutcome, CaseStudyPage

TEMPLATE = "civic_wagtail/library/submit_case_study.html"


def unique_slug(parent, title):
    base = slugify(title)[:60] or "case-study"
    slug, n = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_submission(index_page, form, user):
    """Create the draft page (with its outcome) and start its workflow; returns the page."""
    data = form.cleaned_data
    origin = data.get("adapted_from")
    page = CaseStudyPage(
        title=data["title"],
        slug=unique_slug(index_page, data["title"]),
        summary=data["summary"],
        organisation=data["organisation"],
        place=data["place"],
        challenge=text_to_rich_text(data["challenge"]),
        what_was_done=text_to_rich_text(data["what_was_done"]),
        lessons=text_to_rich_text(data["lessons"]),
        adapted_from=origin,
        owner=user,
        live=False,
        has_unpublished_changes=True,
    )
    page.topics.set(Topic.objects.filter(pk__in=data.get("topics") or []))
    if data.get("region"):
        page.regions.set(Region.objects.filter(pk=data["region"]))
    if origin is not None:
        page.practices.set([origin])
    indicator = form.get_indicator()
    if indicator is not None:
        page.outcomes.add(
            CaseStudyOutcome(
                indicator=indicator,
                baseline=data.get("baseline"),
                actual=data.get("actual"),
                period_start=data.get("period_start"),
                period_end=data.get("period_end"),
                evidence_url=data.get("evidence_url") or "",
                locale=index_page.locale,
            )
        )
    return submit_for_review(index_page, page, user)


def submit_for_review(index_page, page, user):
    """Add the member's draft ``page`` below ``index_page`` and start its workflow (peer
    review); returns the page. Every front-end submission ends here."""
    index_page.add_child(instance=page)
    log(page, "wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, user)
    return page


def profile_url():
    try:
        return reverse("civic_wagtail_members:profile_edit")
    except NoReverseMatch:
        return "/"


def serve_form(index_page, request, *, template, form_class, create, initial=None, extra=None):
    """A verified member's submission form below ``index_page``: log in first, 403 for
    members not yet verified, the ``library_submission`` rate limit (a page and reviewer
    emails), then ``create(index_page, form, user)`` and back to the profile.

    ``extra(form)`` adds to the template's context."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = index_page.get_context(request)
    if not is_verified_member(request.user):
        context["not_verified"] = True
        return TemplateResponse(request, template, context, status=403)
    locale = current_locale()
    if request.method == "POST":
        refusal = ratelimit.throttle(request, "library_submission")
        if refusal:
            return refusal
        form = form_class(request.POST, locale=locale)
        if form.is_valid():
            page = create(index_page, form, request.user)
            messages.success(
                request,
                _("Thank you: “%(title)s” was sent for review. Follow it on your profile.")
                % {"title": page.title},
            )
            return redirect(profile_url())
    else:
        form = form_class(initial=initial, locale=locale)
    context["form"] = form
    if extra is not None:
        context.update(extra(form))
    return TemplateResponse(request, template, context)


def serve_submission(index_page, request):
    initial = None
    if request.method != "POST":
        initial = {"adapted_from": params.get_integer(request, "adapt")}
    return serve_form(
        index_page,
        request,
        template=TEMPLATE,
        form_class=CaseStudySubmissionForm,
        create=create_submission,
        initial=initial,
        extra=lambda form: {"adapting": adapting_practice(form)},
    )


def adapting_practice(form):
    """The practice being adapted, for the form's heading (``None`` if absent or invalid)."""
    value = form.data.get("adapted_from") if form.is_bound else form.initial.get("adapted_from")
    if not value:
        return None
    try:
        return form.fields["adapted_from"].queryset.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None
