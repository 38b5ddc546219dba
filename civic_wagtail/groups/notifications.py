"""Notifications of the group lifecycle (``members.notify``) and the invitation email
(``civic_wagtail.mail``): after commit, in the recipient's language, plain text."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail
from civic_wagtail.members.notify import Email, Kind, notify_many

#: The kind of notification a member tunes (``civic_wagtail_notification_kinds``).
KINDS = [Kind("groups", _("Working groups: requests to join and answers"))]


def group_url(group, site=None, full=False):
    """The group's path (or absolute URL) on the groups page of ``site``, or ''."""
    from civic_wagtail.sections import section_page

    from .pages import GroupIndexPage

    page = section_page(site, GroupIndexPage)
    if page is None:
        return ""
    base = page.get_full_url() if full else page.get_url()
    if not base:
        return ""
    return base.rstrip("/") + "/" + page.reverse_subpage("group", args=[group.slug]).lstrip("/")


def _name(user):
    profile = getattr(user, "civic_profile", None)
    return getattr(profile, "display_name", "") or user.get_username()


def request_received(membership):
    group = membership.group
    leads = [
        m.user
        for m in group.memberships.filter(role="lead", status="active").select_related("user")
    ]
    url = group_url(group) + "members/"
    notify_many(
        leads,
        "groups",
        format_lazy(_("{name} asked to join {group}"), name=_name(membership.user), group=group),
        url=url,
        actor=membership.user,
        email=Email(
            "civic_wagtail/groups/emails/request",
            {"group": group, "member": _name(membership.user), "url": mail.site_url(url)},
        ),
        key=f"groups.request:{membership.pk}",
    )


def request_approved(membership):
    group = membership.group
    url = group_url(group)
    notify_many(
        [membership.user],
        "groups",
        format_lazy(_("You are now a member of {group}"), group=group),
        url=url,
        email=Email(
            "civic_wagtail/groups/emails/approved", {"group": group, "url": mail.site_url(url)}
        ),
        key=f"groups.approved:{membership.pk}",
    )


def invitation_sent(invitation, request=None):
    from civic_wagtail.sections import section_page

    from .pages import GroupIndexPage

    page = section_page(request, GroupIndexPage)
    url = ""
    if page is not None:
        url = (
            (page.get_full_url(request) or "").rstrip("/")
            + "/"
            + page.reverse_subpage("invitation", args=[invitation.token]).lstrip("/")
        )
    mail.send_templated(
        invitation.email,
        "civic_wagtail/groups/emails/invitation",
        {
            "group": invitation.group,
            "inviter": _name(invitation.invited_by) if invitation.invited_by else "",
            "url": url,
        },
        key=f"groups.invitation:{invitation.pk}:{invitation.created_at.isoformat()}",
    )
