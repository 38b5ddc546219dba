"""Views behind the mentoring page's routes (see :mod:`.pages`).

Each view takes ``(request, page)``; URLs are built with ``page.reverse_subpage`` from one
``page.get_url(request)``, so links cost no queries. Pages that can show private data are
sent with ``Cache-Control: private, no-cache`` and checked with :class:`.privacy.PrivacyChecker`.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from civic_wagtail import params, ratelimit
from civic_wagtail.members.models import get_profile, is_verified_member
from civic_wagtail.pagination import paginate

from . import forms, lifecycle
from .matching import MenteeNeeds, rank
from .models import OPEN, MentorLanguage, MentorProfile, Mentorship, MentorshipFeedback
from .privacy import PrivacyChecker

TEMPLATES = "civic_wagtail/mentoring/"
Status = Mentorship.Status


class Urls:
    """``urls.mentor(pk)`` -> "/mentoring/mentors/3/", from one page URL lookup.

    In templates, ``{{ urls.directory }}`` gives a route without arguments.
    """

    #: Templates must look names up on this object, not call it.
    do_not_call_in_templates = True

    def __init__(self, page, request):
        self.page = page
        self.base = (page.get_url(request) or "/").rstrip("/") + "/"

    def __call__(self, name, *args):
        return self.base + self.page.reverse_subpage(name, args=list(args)).lstrip("/")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self(name, *args)


def _render(request, page, template, context=None, status=200, private=False):
    full = page.get_context(request)
    full["urls"] = Urls(page, request)
    full.update(context or {})
    response = TemplateResponse(request, TEMPLATES + template, full, status=status)
    if private:
        add_never_cache_headers(response)
    return response


def _error(request, page, message, status):
    return _render(request, page, "error.html", {"message": message}, status=status, private=True)


def _mentor_queryset():
    return (
        MentorProfile.objects.listed()
        .with_occupied()
        .select_related("user__civic_profile", "region")
        .prefetch_related("topics", "languages", "government_levels")
    )


def directory(request, page):
    """Mentors, filterable; open mentors with a free place unless asked otherwise."""
    params.check_all_text(request)
    form = forms.DirectoryFilterForm(request.GET or None)
    status = 200
    mentors = _mentor_queryset()
    data = {}
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
        else:
            status = 400
    # Filter through sub-queries rather than joins, which would multiply the place count.
    if data.get("topic"):
        mentors = mentors.filter(
            pk__in=MentorProfile.topics.through.objects.filter(
                topic__slug=data["topic"]
            ).values("mentorprofile_id")
        )
    if data.get("level"):
        mentors = mentors.filter(
            pk__in=MentorProfile.government_levels.through.objects.filter(
                governmentlevel__slug=data["level"]
            ).values("mentorprofile_id")
        )
    if data.get("language"):
        mentors = mentors.filter(
            pk__in=MentorLanguage.objects.filter(code=data["language"]).values("mentor_id")
        )
    if data.get("region"):
        mentors = mentors.filter(region__slug=data["region"])
    availability = data.get("availability", "")
    if availability == "":
        mentors = mentors.available()
    elif availability == "full":
        mentors = mentors.exclude(availability=MentorProfile.Availability.PAUSED).exclude(
            availability=MentorProfile.Availability.OPEN,
            capacity__gt=F("occupied"),
        )
    elif availability == "paused":
        mentors = mentors.filter(availability=MentorProfile.Availability.PAUSED)
    mentors = mentors.order_by("user__civic_profile__display_name", "pk")
    page_obj = paginate(request, mentors)
    return _render(
        request,
        page,
        "directory.html",
        {
            "form": form,
            "mentors": page_obj.object_list,
            "page_obj": page_obj,
        },
        status=status,
    )


def match(request, page):
    """The mentee states what they look for and gets ranked mentors with reasons."""
    user = request.user
    profile = get_profile(user) if user.is_authenticated else None
    matches = None
    status = 200
    params.check_all_text(request)
    if request.GET:
        form = forms.MatchForm(request.GET)
        if form.is_valid():
            data = form.cleaned_data
            needs = MenteeNeeds(
                goals=data["goals"],
                topic_ids=[topic.pk for topic in data["topics"]],
                languages=list(data["languages"]),
                level_id=data["level"].pk if data["level"] else None,
                region_id=data["region"].pk if data["region"] else None,
                user=user,
                organisation=profile.organisation if profile else "",
            )
            matches = rank(needs)
        else:
            status = 400
    else:
        language = getattr(request, "LANGUAGE_CODE", None)
        initial = {"languages": [language]} if language else {}
        if profile is not None:
            initial.update(
                topics=list(profile.topics.values_list("pk", flat=True)),
                level=profile.government_level_id,
                region=profile.region_id,
            )
        form = forms.MatchForm(initial=initial)
    return _render(
        request, page, "match.html", {"form": form, "matches": matches}, status=status
    )


def mentor_detail(request, page, pk, request_form=None, error=None, status=200):
    """A mentor's public profile; the contact details only for those allowed to see them."""
    mentor = get_object_or_404(_mentor_queryset(), pk=pk)
    user = request.user
    checker = PrivacyChecker(user)
    open_mentorship = None
    if user.is_authenticated:
        open_mentorship = Mentorship.objects.filter(
            mentor=mentor, mentee=user, status__in=OPEN
        ).first()
    available = (
        mentor.availability == MentorProfile.Availability.OPEN and mentor.free_places() > 0
    )
    can_request = (
        is_verified_member(user)
        and mentor.user_id != user.pk
        and open_mentorship is None
        and available
    )
    return _render(
        request,
        page,
        "mentor_detail.html",
        {
            "mentor": mentor,
            "show_contact": checker.can_see_contact(mentor),
            "open_mentorship": open_mentorship,
            "can_request": can_request,
            "available": available,
            "request_form": request_form or forms.RequestForm(),
            "error": error,
        },
        status=status,
        private=True,
    )


def request_mentor(request, page, pk):
    """POST: a verified member sends a request to a mentor."""
    if request.method != "POST":
        return HttpResponseRedirect(Urls(page, request).mentor(pk))
    if not request.user.is_authenticated:
        return redirect_to_login(Urls(page, request).mentor(pk))
    mentor = get_object_or_404(MentorProfile.objects.listed(), pk=pk)
    refusal = ratelimit.throttle(request, "mentorship_request")  # each request emails a mentor
    if refusal:
        return refusal
    form = forms.RequestForm(request.POST)
    if not form.is_valid():
        return mentor_detail(request, page, pk, request_form=form, status=400)
    try:
        mentorship = lifecycle.request_mentorship(
            request.user, mentor, form.cleaned_data["message"]
        )
    except lifecycle.TransitionError as error:
        return mentor_detail(
            request, page, pk, request_form=form, error=error.message, status=error.status
        )
    messages.success(request, _("Your request has been sent. We will email you the answer."))
    return HttpResponseRedirect(Urls(page, request).mentorship(mentorship.pk))


def my_mentorships(request, page):
    """The signed-in member's mentorships, as mentee and as mentor."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    base = Mentorship.objects.select_related(
        "mentor__user__civic_profile", "mentee__civic_profile", "programme"
    )
    return _render(
        request,
        page,
        "mentorships.html",
        {
            "as_mentee": base.filter(mentee=request.user),
            "as_mentor": base.filter(mentor__user=request.user),
        },
        private=True,
    )


def _load_mentorship(pk):
    return get_object_or_404(
        Mentorship.objects.select_related(
            "mentor__user__civic_profile", "mentee__civic_profile", "programme"
        ),
        pk=pk,
    )


def _load_visible_mentorship(user, pk, checker=None):
    """The mentorship if ``user`` takes part in it or coordinates, else 404.

    Not a 403: whether two people have a mentorship is itself private, so someone else's
    mentorship and a missing one answer alike, on every view and action.
    """
    mentorship = _load_mentorship(pk)
    if not (mentorship.is_participant(user) or (checker or PrivacyChecker(user)).is_coordinator()):
        raise Http404
    return mentorship


def mentorship_detail(request, page, pk, error=None, bound_forms=None, status=200, confirm=False):
    """One mentorship: the request, the decision, and (privately) goals, log and contact."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    checker = PrivacyChecker(user)
    mentorship = _load_visible_mentorship(user, pk, checker)
    is_mentee = user.pk == mentorship.mentee_id
    is_mentor = user.pk == mentorship.mentor.user_id
    private = checker.can_see_private(mentorship)
    bound_forms = bound_forms or {}
    state = mentorship.status
    participant = is_mentee or is_mentor
    can_write = private and participant and state in (Status.ACCEPTED, Status.ACTIVE)
    feedback_due = (
        participant
        and mentorship.is_finished
        and mentorship.decided_at is not None
        and not MentorshipFeedback.objects.filter(mentorship=mentorship, author=user).exists()
    )
    context = {
        "mentorship": mentorship,
        "is_mentee": is_mentee,
        "is_mentor": is_mentor,
        "show_private": private,
        "show_contact": checker.can_see_contact(mentorship.mentor),
        "meetings": mentorship.meetings.select_related("author__civic_profile") if private else [],
        "can_accept": is_mentor and state == Status.REQUESTED,
        "can_withdraw": is_mentee and state == Status.REQUESTED,
        "can_start": participant and state == Status.ACCEPTED,
        "can_complete": participant and state == Status.ACTIVE,
        "can_cancel": participant and state in (Status.ACCEPTED, Status.ACTIVE),
        "can_write": can_write,
        "feedback_due": feedback_due,
        "decline_form": bound_forms.get("decline") or forms.DeclineForm(),
        "cancel_form": bound_forms.get("cancel") or forms.CancelForm(),
        "goals_form": bound_forms.get("goals")
        or forms.GoalsForm(initial={"goals": mentorship.goals}),
        "log_form": bound_forms.get("log") or forms.MeetingLogForm(),
        "feedback_form": bound_forms.get("feedback") or forms.FeedbackForm(),
        "error": error,
        "confirm_cancel": confirm,
    }
    return _render(request, page, "mentorship_detail.html", context, status=status, private=True)


def mentorship_action(request, page, pk, action):
    """POST: a lifecycle step, the goals, a meeting log entry or the closing feedback."""
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(Urls(page, request).mentorship(pk))
    mentorship = _load_visible_mentorship(request.user, pk)
    refusal = ratelimit.throttle(request, "mentorship_action")  # steps email the other person
    if refusal:
        return refusal
    try:
        result = handler(request, mentorship)
    except lifecycle.TransitionError as error:
        if mentorship.is_participant(request.user):
            return mentorship_detail(request, page, pk, error=error.message, status=error.status)
        return _error(request, page, error.message, error.status)
    if isinstance(result, Confirm):
        return mentorship_detail(request, page, pk, bound_forms=result, confirm=True)
    if isinstance(result, dict):  # invalid form: show it again with its errors
        return mentorship_detail(request, page, pk, bound_forms=result, status=400)
    messages.success(request, result)
    return HttpResponseRedirect(Urls(page, request).mentorship(pk))


def _accept(request, mentorship):
    lifecycle.accept(mentorship, request.user)
    return _("You accepted the request. You can now agree your goals together.")


def _decline(request, mentorship):
    form = forms.DeclineForm(request.POST)
    if not form.is_valid():
        # A third party learns they may not act, not that the form was incomplete.
        lifecycle.check_allowed(
            mentorship, request.user, [Status.REQUESTED], ["mentor"], "decline"
        )
        return {"decline": form}
    lifecycle.decline(mentorship, request.user, form.cleaned_data["reason"])
    return _("You declined the request; the mentee has been told why.")


def _start(request, mentorship):
    lifecycle.start(mentorship, request.user)
    return _("The mentorship has started.")


def _complete(request, mentorship):
    lifecycle.complete(mentorship, request.user)
    return _("The mentorship is complete. Thank you! Please leave feedback below.")


class Confirm(dict):
    """A handler's answer "ask first": the page again, with a confirmation step."""


def _cancel(request, mentorship):
    form = forms.CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if request.POST.get("confirm") != "yes":
        # Ending a mentorship (or a request) is not undone: the first press only asks.
        if mentorship.status == Status.REQUESTED:
            lifecycle.check_allowed(
                mentorship, request.user, [Status.REQUESTED], ["mentee"], "cancel"
            )
        else:
            lifecycle.check_allowed(
                mentorship, request.user, [Status.ACCEPTED, Status.ACTIVE], ["mentor", "mentee"],
                "cancel",
            )
        return Confirm(cancel=form)
    lifecycle.cancel(mentorship, request.user, reason)
    return _("The mentorship has been cancelled.")


def _require_writer(request, mentorship):
    checker = PrivacyChecker(request.user)
    if not mentorship.is_participant(request.user):
        raise lifecycle.TransitionError(
            _("Only the mentor and the mentee can change this mentorship."), status=403
        )
    if mentorship.status not in (Status.ACCEPTED, Status.ACTIVE) or not checker.can_see_private(
        mentorship
    ):
        raise lifecycle.TransitionError(
            _("Goals and the meeting log can only be changed while the mentorship is on.")
        )


def _goals(request, mentorship):
    _require_writer(request, mentorship)
    form = forms.GoalsForm(request.POST)
    if not form.is_valid():
        return {"goals": form}
    Mentorship.objects.filter(pk=mentorship.pk).update(goals=form.cleaned_data["goals"])
    return _("Your shared goals have been saved.")


def _log(request, mentorship):
    _require_writer(request, mentorship)
    form = forms.MeetingLogForm(request.POST)
    if not form.is_valid():
        return {"log": form}
    entry = form.save(commit=False)
    entry.mentorship = mentorship
    entry.author = request.user
    entry.save()
    return _("The meeting has been added to the log.")


def _feedback(request, mentorship):
    if not mentorship.is_participant(request.user):
        raise lifecycle.TransitionError(
            _("Only the mentor and the mentee can give feedback on this mentorship."), status=403
        )
    if not mentorship.is_finished or mentorship.decided_at is None:
        raise lifecycle.TransitionError(
            _("Feedback opens when a mentorship is completed or cancelled.")
        )
    form = forms.FeedbackForm(request.POST)
    if not form.is_valid():
        return {"feedback": form}
    feedback = form.save(commit=False)
    feedback.mentorship = mentorship
    feedback.author = request.user
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:
        raise lifecycle.TransitionError(
            _("You have already sent feedback on this mentorship.")
        ) from error
    return _("Thank you: your feedback has been sent privately to the coordinators.")


ACTIONS = {
    "accept": _accept,
    "decline": _decline,
    "start": _start,
    "complete": _complete,
    "cancel": _cancel,
    "goals": _goals,
    "log": _log,
    "feedback": _feedback,
}


def offer(request, page):
    """A verified member offers to mentor, or edits their mentor profile."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_verified_member(user):
        return _error(
            request,
            page,
            _("Mentors are verified members. Once a coordinator verifies you, come back here."),
            403,
        )
    instance = MentorProfile.objects.filter(user=user).first()
    if instance is None:
        instance = MentorProfile(
            user=user,
            contact_email=user.email,
            headline="",
        )
    if request.method == "POST":
        refusal = ratelimit.throttle(request, "mentor_offer")
        if refusal:
            return refusal
    form = forms.MentorProfileForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            mentor = form.save()
            messages.success(request, _("Your mentor profile has been saved."))
            return HttpResponseRedirect(Urls(page, request).mentor(mentor.pk))
        return _render(request, page, "offer.html", {"form": form}, status=400, private=True)
    return _render(request, page, "offer.html", {"form": form}, private=True)
