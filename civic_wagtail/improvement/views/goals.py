"""Goals, check-ins, sharing with a mentor, mentors' comments and reminder settings."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic_wagtail.members.models import get_profile
from civic_wagtail.members.notify import notify

from .. import access
from ..forms import CheckInForm, CommentForm, GoalForm, ReminderForm, ShareForm
from ..models import CheckIn, Competency, Goal, GoalComment, Milestone, ReminderSetting
from ..progress import attach_states, state_of, with_progress
from .common import Urls, go, login_needed, only, own, render, throttled


def goal_list(request, page):
    denied = login_needed(request)
    if denied:
        return denied
    mine = attach_states(
        with_progress(Goal.objects.filter(user=request.user))
        .select_related("shared_with")
        .order_by("status", "due_date", "-pk")
    )
    shared = attach_states(
        with_progress(access.shared_with_me(Goal, request.user))
        .select_related("user__civic_profile")
        .order_by("due_date", "-pk")
    )
    return render(request, page, "goals.html", {"mine": mine, "shared": shared})


def _competencies():
    from .assessments import source_frameworks

    return Competency.objects.filter(framework__in=source_frameworks()).select_related("framework")


def new_goal(request, page):
    denied = login_needed(request) or only(request, "GET", "POST")
    if denied:
        return denied
    initial = {}
    competency = request.GET.get("competency", "")
    if competency.isdigit() and len(competency) < 12:
        initial["competency"] = int(competency)
    form = GoalForm(request.POST or None, initial=initial, competencies=_competencies())
    if request.method == "POST":
        limited = throttled(request)
        if limited:
            return limited
        if form.is_valid():
            with transaction.atomic():
                goal = form.save(commit=False)
                goal.user = request.user
                goal.save()
                if goal.kind == Goal.Kind.MILESTONES:
                    Milestone.objects.bulk_create(
                        Milestone(goal=goal, title=title, position=n)
                        for n, title in enumerate(form.milestone_titles())
                    )
            messages.success(
                request, _("Your goal is set. Record a check-in when you make progress.")
            )
            return go(request, page, "goal", goal.pk)
    return render(
        request,
        page,
        "goal_form.html",
        {"form": form},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _viewable_goal(request, pk):
    goal = Goal.objects.filter(pk=pk).select_related("user__civic_profile", "shared_with").first()
    if goal is None or not access.can_view(goal, request.user):
        raise Http404
    return goal


def goal_detail(request, page, pk):
    denied = login_needed(request)
    if denied:
        return denied
    goal = _viewable_goal(request, pk)
    owner = goal.user_id == request.user.pk
    goal = (
        with_progress(Goal.objects.filter(pk=goal.pk))
        .select_related("user__civic_profile", "shared_with__civic_profile", "competency")
        .get()
    )
    state = state_of(goal)
    checkins = list(
        goal.checkins.prefetch_related("milestones_done", "comments__author__civic_profile")
    )
    context = {
        "goal": goal,
        "state": state,
        "owner": owner,
        "checkins": checkins,
        "milestones": list(goal.milestones.all()),
        "comment_form": CommentForm(),
    }
    if owner:
        context["checkin_form"] = CheckInForm(goal=goal)
        context["share_form"] = ShareForm(
            mentors=access.mentors_of(request.user), initial={"mentor": goal.shared_with_id}
        )
    return render(request, page, "goal.html", context)


def check_in(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    goal = own(Goal.objects.all(), request, pk)
    limited = throttled(request)
    if limited:
        return limited
    form = CheckInForm(request.POST, goal=goal)
    if not form.is_valid():
        return render(
            request, page, "checkin_error.html", {"goal": goal, "form": form}, status=400
        )
    with transaction.atomic():
        checkin = form.save(commit=False)
        checkin.goal = goal
        checkin.save()
        if goal.kind == Goal.Kind.MILESTONES:
            done = form.cleaned_data["milestones_done"]
            checkin.milestones_done.set(done)
            Milestone.objects.filter(pk__in=[m.pk for m in done], done_on__isnull=True).update(
                done_on=checkin.date
            )
    if goal.shared_with_id:
        notify(
            goal.shared_with,
            "improvement.checkin",
            gettext_lazy("A mentee recorded a check-in on a goal they share with you"),
            url=Urls(page, request).goal(goal.pk),
            target=goal,
            actor=request.user,
            key=f"improvement.checkin:{checkin.pk}",
        )
    messages.success(request, _("Check-in recorded."))
    return go(request, page, "goal", goal.pk)


def comment(request, page, pk):
    """A comment on a check-in, by the mentor the goal is shared with (or its owner)."""
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    checkin = CheckIn.objects.filter(pk=pk).select_related("goal").first()
    if checkin is None or not access.can_view(checkin.goal, request.user):
        raise Http404
    limited = throttled(request)
    if limited:
        return limited
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            page,
            "error.html",
            {"message": _("Write a comment before sending it.")},
            status=400,
        )
    GoalComment.objects.create(
        checkin=checkin, author=request.user, body=form.cleaned_data["body"]
    )
    goal = checkin.goal
    if request.user.pk != goal.user_id:
        notify(
            goal.user,
            "improvement.comment",
            gettext_lazy("Your mentor commented on a check-in of your goal"),
            url=Urls(page, request).goal(goal.pk),
            target=goal,
            actor=request.user,
        )
    messages.success(request, _("Comment added."))
    return go(request, page, "goal", goal.pk)


def share_goal(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    goal = own(Goal.objects.select_related("shared_with"), request, pk)
    form = ShareForm(request.POST, mentors=access.mentors_of(request.user))
    if not form.is_valid():
        return render(
            request,
            page,
            "error.html",
            {"message": _("Choose one of your mentors, or nobody.")},
            status=400,
        )
    mentor = form.cleaned_data["mentor"]
    with transaction.atomic():
        access.share(goal, mentor)
    if mentor is not None:
        notify(
            mentor,
            "improvement.shared",
            gettext_lazy("A mentee shared a goal with you"),
            url=Urls(page, request).goal(goal.pk),
            target=goal,
            actor=request.user,
            key=f"improvement.shared:{goal.pk}:{mentor.pk}",
        )
        messages.success(
            request,
            _("Shared with %(name)s.")
            % {"name": get_profile(mentor).display_name or mentor.get_username()},
        )
    else:
        messages.success(request, _("The goal is private again."))
    return go(request, page, "goal", goal.pk)


def goal_status(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    goal = own(Goal.objects.all(), request, pk)
    status = request.POST.get("status", "")
    if status not in Goal.Status.values:
        return render(
            request,
            page,
            "error.html",
            {"message": _("Choose active, achieved or dropped.")},
            status=400,
        )
    goal.status = status
    goal.save(update_fields=["status"])
    return go(request, page, "goal", goal.pk)


def delete_goal(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    own(Goal.objects.all(), request, pk).delete()
    messages.success(request, _("The goal is deleted."))
    return go(request, page, "goals")


def delete_checkin(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    checkin = CheckIn.objects.filter(pk=pk, goal__user=request.user).first()
    if checkin is None:
        raise Http404
    goal_id = checkin.goal_id
    checkin.delete()
    messages.success(request, _("The check-in is deleted."))
    return go(request, page, "goal", goal_id)


def reminders(request, page):
    denied = login_needed(request) or only(request, "GET", "POST")
    if denied:
        return denied
    setting = ReminderSetting.objects.filter(user=request.user).first() or ReminderSetting(
        user=request.user
    )
    form = ReminderForm(request.POST or None, instance=setting)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Reminder schedule saved."))
            return go(request, page, "goals")
        return render(request, page, "reminders.html", {"form": form}, status=400)
    return render(request, page, "reminders.html", {"form": form, "now": timezone.now()})
