"""The group list, a group's page, joining, leaving and the leads' member management.

Served by :class:`.pages.GroupIndexPage` (routable). Forbidden reads answer 404 for a secret
group and 403 for others (:mod:`.access`); bad input 400; writes are POST only, rate-limited.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from civic_wagtail import ratelimit
from civic_wagtail.conf import civic_settings
from civic_wagtail.pagination import paginate

from . import access, membership
from .forms import GroupForm, InviteForm, JoinForm
from .models import Activity, Membership, WorkingGroup

RATE = "group_action"


def urls(page, request, group=None):
    """Base URLs the templates build links from (no reversing per item)."""
    base = page.get_url(request) or "/"
    base = base.rstrip("/") + "/"
    result = {"base": base}
    if group is not None:
        result["group"] = f"{base}{group.slug}/"
    return result


def get_group(slug):
    group = WorkingGroup.objects.select_related("government_level").filter(slug=slug).first()
    if group is None:
        raise Http404(_("No such group."))
    return group


def _membership(user, group):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, f"civic_wagtail/groups/{template}", context, status=status)


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    limited = ratelimit.hit(request, RATE)
    if limited:
        return ratelimit.rate_limited(request, limited)
    return None


def group_list(request, page):
    """Every group the visitor may know about, with member counts (secret ones only for
    their members)."""
    groups = (
        access.visible_groups(request.user)
        .select_related("government_level")
        .prefetch_related("topics")
        .order_by("status", "name", "pk")
    )
    mine = set()
    if request.user.is_authenticated:
        mine = set(Membership.objects.filter(user=request.user).values_list("group_id", "status"))
    listing = paginate(request, groups, civic_settings.GROUPS_PER_PAGE)
    mine = dict(mine)
    for group in listing:
        group.my_status = mine.get(group.pk)
    invitations = []
    if request.user.is_authenticated:
        invitations = list(membership.pending_invitations(request.user).select_related("group"))
    return _render(
        request,
        page,
        "group_list.html",
        {
            "groups": listing,
            "invitations": invitations,
            "urls": urls(page, request),
        },
    )


def new_group(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = GroupForm()
    if request.method == "POST":
        limited = ratelimit.hit(request, RATE)
        if limited:
            return ratelimit.rate_limited(request, limited)
        form = GroupForm(request.POST)
        if form.is_valid():
            fields = {key: value for key, value in form.cleaned_data.items() if key != "topics"}
            group = membership.create_group(
                request.user, slug=form.slug, topics=form.cleaned_data["topics"], **fields
            )
            messages.success(request, _("Your group is ready: invite its first members."))
            return redirect(urls(page, request, group)["group"])
    return _render(
        request,
        page,
        "group_form.html",
        {"form": form, "urls": urls(page, request)},
        status=400 if form.errors else 200,
    )


def group_detail(request, page, slug):
    """A group's page: its profile for everyone allowed to know it, its space for members."""
    group = get_group(slug)
    access.check_profile(request.user, group)
    member = access.can_read(request.user, group)
    shown = civic_settings.GROUPS_ITEMS_SHOWN
    context = {
        "group": group,
        "topics": list(group.topics.all()),
        "my_membership": _membership(request.user, group),
        "is_member": member,
        "is_lead": access.can_lead(request.user, group),
        "urls": urls(page, request, group),
        "join_form": JoinForm(),
        "leads": list(
            group.memberships.filter(role=Membership.Role.LEAD, status=Membership.Status.ACTIVE)
            .select_related("user__civic_profile")
            .order_by("joined_at", "pk")
        ),
    }
    if member:
        from . import space

        threads = list(space.threads(group, request)[:shown])
        for thread in threads:
            thread.url = thread.get_url(request)
        context.update(
            {
                "threads": threads,
                "files": list(space.files(group)[:shown]),
                "events": list(space.upcoming_events(group)[:shown]),
                "activity": list(
                    Activity.objects.filter(group=group).select_related("actor__civic_profile")[
                        :shown
                    ]
                ),
                "experiments": list(group.experiments.all()[:shown]),
            }
        )
    return _render(request, page, "group_detail.html", context)


def join(request, page, slug):
    refused = _post_only(request)
    if refused:
        return refused
    group = get_group(slug)
    access.check_profile(request.user, group)
    form = JoinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Shorten your message to 500 characters."))
        return redirect(urls(page, request, group)["group"])
    try:
        joined = membership.join(request.user, group, form.cleaned_data["message"])
    except membership.MembershipError as error:
        messages.error(request, str(error))
        return redirect(urls(page, request, group)["group"])
    if joined.status == Membership.Status.ACTIVE:
        messages.success(request, _("Welcome: you are now a member of this group."))
    else:
        messages.success(request, _("Your request is sent: a lead will answer it."))
    return redirect(urls(page, request, group)["group"])


def leave(request, page, slug):
    refused = _post_only(request)
    if refused:
        return refused
    group = get_group(slug)
    access.check_profile(request.user, group)
    try:
        membership.leave(request.user, group)
    except membership.MembershipError as error:
        messages.error(request, str(error))
        return redirect(urls(page, request, group)["group"])
    messages.success(request, _("You have left the group."))
    if group.is_secret:
        return redirect(urls(page, request)["base"])
    return redirect(urls(page, request, group)["group"])


def members(request, page, slug):
    """The member list (members), with requests and invitations for leads."""
    group = get_group(slug)
    access.check_space(request.user, group)
    lead = access.can_lead(request.user, group)
    people = group.memberships.select_related("user__civic_profile").order_by(
        "role", "joined_at", "pk"
    )
    listing = paginate(request, people.filter(status=Membership.Status.ACTIVE), 50)
    context = {
        "group": group,
        "members": listing,
        "is_lead": lead,
        "urls": urls(page, request, group),
        "invite_form": InviteForm(),
    }
    if lead:
        context["requests"] = list(people.filter(status=Membership.Status.PENDING))
        context["invitations"] = list(group.invitations.filter(accepted_at__isnull=True))
    return _render(request, page, "members.html", context)


def member_action(request, page, slug, pk, action):
    refused = _post_only(request)
    if refused:
        return refused
    group = get_group(slug)
    access.check_lead(request.user, group)
    target = Membership.objects.filter(group=group, pk=pk).select_related("user").first()
    if target is None:
        raise Http404(_("No such member."))
    actions = {
        "approve": (membership.approve, _("The request is approved.")),
        "decline": (membership.decline, _("The request is declined.")),
        "remove": (membership.remove, _("The member is removed: their access has ended.")),
        "lead": (membership.hand_over, _("The lead role is handed over.")),
    }
    if action not in actions:
        raise Http404(_("No such action."))
    func, done = actions[action]
    try:
        func(request.user, target)
    except membership.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(urls(page, request, group)["group"] + "members/")


def invite(request, page, slug):
    refused = _post_only(request)
    if refused:
        return refused
    group = get_group(slug)
    access.check_lead(request.user, group)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            membership.invite(request.user, group, form.cleaned_data["email"], request)
        except membership.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The invitation is sent."))
        return redirect(urls(page, request, group)["group"] + "members/")
    return _render(
        request,
        page,
        "members.html",
        {
            "group": group,
            "members": paginate(request, group.memberships.none(), 50),
            "is_lead": True,
            "urls": urls(page, request, group),
            "invite_form": form,
        },
        status=400,
    )


def invitation(request, page, token):
    """The link of an invitation email: log in (or sign up) with the invited address, then
    accept. Anyone else gets 404: the link does not reveal a secret group."""
    from .models import Invitation

    found = Invitation.objects.select_related("group").filter(token=token[:32]).first()
    if found is None:
        raise Http404(_("No such invitation."))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if (request.user.email or "").lower() != found.email.lower():
        raise Http404(_("No such invitation."))
    group = found.group
    if request.method == "POST":
        limited = ratelimit.hit(request, RATE)
        if limited:
            return ratelimit.rate_limited(request, limited)
        try:
            membership.accept_invitation(request.user, found)
        except membership.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Welcome: you are now a member of this group."))
            return redirect(urls(page, request, group)["group"])
    return _render(
        request,
        page,
        "invitation.html",
        {"group": group, "invitation": found, "urls": urls(page, request)},
    )
