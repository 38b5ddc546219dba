"""Teams: a lead creates one, invites colleagues, and sees aggregate results only."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic_wagtail.members.notify import notify

from .. import teams as team_results
from ..forms import InviteForm, TeamForm
from ..models import Team, TeamMember
from .assessments import _localized, source_frameworks
from .common import Urls, go, login_needed, only, render, throttled


def team_list(request, page):
    denied = login_needed(request) or only(request, "GET", "POST")
    if denied:
        return denied
    form = TeamForm(request.POST or None)
    if request.method == "POST":
        limited = throttled(request)
        if limited:
            return limited
        if form.is_valid():
            team = form.save(commit=False)
            team.lead = request.user
            team.save()
            return go(request, page, "team", team.pk)
    led = list(Team.objects.filter(lead=request.user))
    memberships = list(
        TeamMember.objects.filter(user=request.user).select_related("team__lead__civic_profile")
    )
    return render(
        request,
        page,
        "teams.html",
        {"form": form, "led": led, "memberships": memberships},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _team_for(request, pk):
    """The team, if the member leads it or was invited to it; else 404."""
    team = (
        Team.objects.filter(pk=pk)
        .filter(Q(lead=request.user) | Q(members__user=request.user))
        .select_related("lead__civic_profile")
        .distinct()
        .first()
    )
    if team is None:
        raise Http404
    return team


def team_detail(request, page, pk):
    denied = login_needed(request)
    if denied:
        return denied
    team = _team_for(request, pk)
    is_lead = team.lead_id == request.user.pk
    membership = TeamMember.objects.filter(team=team, user=request.user).first()
    frameworks = list(source_frameworks())
    results = []
    for framework in frameworks:
        results.append((_localized(framework), team_results.aggregate(team, framework)))
    members = list(team.members.select_related("user__civic_profile")) if is_lead else []
    return render(
        request,
        page,
        "team.html",
        {
            "team": team,
            "is_lead": is_lead,
            "membership": membership,
            "results": results,
            "members": members,
            "invite_form": InviteForm() if is_lead else None,
        },
    )


def invite(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    team = Team.objects.filter(pk=pk, lead=request.user).first()
    if team is None:
        raise Http404
    limited = throttled(request, "improvement_invite")
    if limited:
        return limited
    form = InviteForm(request.POST)
    User = get_user_model()  # noqa: N806
    invitee = None
    if form.is_valid():
        invitee = User.objects.filter(
            email__iexact=form.cleaned_data["email"], is_active=True
        ).first()
    if invitee is None or invitee.pk == request.user.pk:
        return render(
            request,
            page,
            "error.html",
            {
                "message": _(
                    "Nobody else with this email address has an account here. Ask your "
                    "colleague to sign up first, then invite them."
                )
            },
            status=400,
        )
    try:
        with transaction.atomic():
            TeamMember.objects.create(team=team, user=invitee)
    except IntegrityError:
        messages.info(request, _("This colleague is already invited."))
        return go(request, page, "team", team.pk)
    notify(
        invitee,
        "improvement.team_invitation",
        gettext_lazy("You are invited to join a team's self-assessment"),
        url=Urls(page, request).team(team.pk),
        target=team,
        actor=request.user,
        key=f"improvement.team:{team.pk}:{invitee.pk}",
    )
    messages.success(request, _("Invitation sent."))
    return go(request, page, "team", team.pk)


def join(request, page, pk):
    """Accept (``action=join``) or leave (``action=leave``) a team one was invited to."""
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    membership = TeamMember.objects.filter(team_id=pk, user=request.user).first()
    if membership is None:
        raise Http404
    if request.POST.get("action") == "leave":
        membership.delete()
        messages.success(request, _("You left the team."))
        return go(request, page, "teams")
    if membership.joined_at is None:
        membership.joined_at = timezone.now()
        membership.save(update_fields=["joined_at"])
    messages.success(request, _("You joined the team. Your lead sees only the team's averages."))
    return go(request, page, "team", pk)
