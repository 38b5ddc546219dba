"""Joining and leaving, roles and invitations: every change runs in a transaction with the
group's row locked, so the member limit holds and a group always keeps a lead. Guardian
object permissions follow each change (:data:`.access.READ`, :data:`.access.LEAD`)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from . import access, notifications
from .models import Activity, Invitation, Membership, WorkingGroup


class MembershipError(Exception):
    """A change that cannot be made; the message says why, for the member."""


def _lock(group):
    return WorkingGroup.objects.select_for_update().get(pk=group.pk)


def _grant(membership):
    assign_perm(access.READ, membership.user, membership.group)
    if membership.role == Membership.Role.LEAD:
        assign_perm(access.LEAD, membership.user, membership.group)
    else:
        remove_perm(access.LEAD, membership.user, membership.group)
    access.forget(membership.user)


def _revoke(user, group):
    remove_perm(access.READ, user, group)
    remove_perm(access.LEAD, user, group)
    access.forget(user)


def _recount(group):
    count = group.memberships.filter(status=Membership.Status.ACTIVE).count()
    WorkingGroup.objects.filter(pk=group.pk).update(member_count=count)
    group.member_count = count


def _activate(group, membership, role=None):
    if group.is_full:
        raise MembershipError(_("This group is full: it has reached its member limit."))
    membership.status = Membership.Status.ACTIVE
    membership.joined_at = timezone.now()
    if role:
        membership.role = role
    membership.save()
    _grant(membership)
    _recount(group)
    Activity.objects.create(group=group, actor=membership.user, verb=Activity.Verb.JOINED)


def create_group(lead, **fields):
    """A new group with ``lead`` as its first lead."""
    with transaction.atomic():
        topics = fields.pop("topics", None)
        group = WorkingGroup.objects.create(**fields)
        if topics:
            group.topics.set(topics)
        membership = Membership.objects.create(group=group, user=lead)
        _activate(group, membership, role=Membership.Role.LEAD)
        Activity.objects.filter(group=group).update(verb=Activity.Verb.CREATED)
    return group


def join(user, group, message=""):
    """Join an open group, or ask to join one by request. Returns the membership."""
    with transaction.atomic():
        group = _lock(group)
        membership = Membership.objects.filter(group=group, user=user).first()
        if membership is not None and membership.status == Membership.Status.ACTIVE:
            raise MembershipError(_("You are already a member of this group."))
        if membership is not None:
            raise MembershipError(_("Your request is already waiting for a lead."))
        if group.joining == WorkingGroup.Joining.INVITATION or group.is_secret:
            raise MembershipError(_("This group takes new members by invitation only."))
        if group.status == WorkingGroup.Status.FINISHED:
            raise MembershipError(_("This group has finished its pilot and takes no new members."))
        if group.is_full:
            raise MembershipError(_("This group is full: it has reached its member limit."))
        membership = Membership.objects.create(group=group, user=user, message=message[:500])
        if group.joining == WorkingGroup.Joining.OPEN:
            _activate(group, membership)
        else:
            notifications.request_received(membership)
    return membership


def approve(lead, membership):
    with transaction.atomic():
        group = _lock(membership.group)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != Membership.Status.PENDING:
            raise MembershipError(_("This request has already been answered."))
        membership.group = group
        _activate(group, membership)
        notifications.request_approved(membership)
    return membership


def decline(lead, membership):
    with transaction.atomic():
        Membership.objects.filter(pk=membership.pk, status=Membership.Status.PENDING).delete()


def _other_leads(group, user):
    return group.memberships.filter(
        role=Membership.Role.LEAD, status=Membership.Status.ACTIVE
    ).exclude(user=user)


def leave(user, group, verb=Activity.Verb.LEFT, actor=None):
    """End ``user``'s membership (or withdraw a request): access ends at once. The last lead
    cannot leave while others remain: they hand the lead role over first."""
    with transaction.atomic():
        group = _lock(group)
        membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
        if membership is None:
            raise MembershipError(_("You are not a member of this group."))
        was_active = membership.status == Membership.Status.ACTIVE
        if membership.role == Membership.Role.LEAD and not _other_leads(group, user).exists():
            raise MembershipError(
                _("A group always has a lead: hand the lead role to another member first.")
            )
        membership.delete()
        _revoke(user, group)
        if was_active:
            _recount(group)
            Activity.objects.create(
                group=group,
                actor=actor or user,
                verb=verb,
                subject=_display(user) if actor else "",
            )


def remove(lead, membership):
    if membership.user_id == lead.pk:
        raise MembershipError(_("To leave the group yourself, use Leave."))
    leave(membership.user, membership.group, verb=Activity.Verb.REMOVED, actor=lead)


def hand_over(lead, membership):
    """Make ``membership``'s member a lead; the current lead becomes a member."""
    with transaction.atomic():
        group = _lock(membership.group)
        target = Membership.objects.select_for_update().get(pk=membership.pk)
        if target.status != Membership.Status.ACTIVE:
            raise MembershipError(_("Only an active member can become a lead."))
        target.group = group
        target.role = Membership.Role.LEAD
        target.save(update_fields=["role"])
        _grant(target)
        if lead.pk != target.user_id:
            mine = Membership.objects.filter(group=group, user=lead).first()
            if mine is not None and mine.role == Membership.Role.LEAD:
                mine.role = Membership.Role.MEMBER
                mine.save(update_fields=["role"])
                _grant(mine)
        Activity.objects.create(group=group, actor=target.user, verb=Activity.Verb.LEAD)


def invite(lead, group, email, request=None):
    """Invite ``email``; the invitation email goes through the core mail service."""
    email = email.strip().lower()
    User = get_user_model()
    with transaction.atomic():
        group = _lock(group)
        existing = User.objects.filter(email__iexact=email).first()
        if (
            existing
            and Membership.objects.filter(
                group=group, user=existing, status=Membership.Status.ACTIVE
            ).exists()
        ):
            raise MembershipError(_("This person is already a member."))
        invitation, created = Invitation.objects.get_or_create(
            group=group, email=email, defaults={"invited_by": lead}
        )
        if not created:
            invitation.created_at = timezone.now()
            invitation.accepted_at = None
            invitation.save(update_fields=["created_at", "accepted_at"])
        notifications.invitation_sent(invitation, request)
    return invitation


def accept_invitation(user, invitation):
    """Accept with an account whose address is the invited one (checked by the view)."""
    with transaction.atomic():
        group = _lock(invitation.group)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_valid():
            raise MembershipError(_("This invitation has expired or was already used."))
        membership, _created = Membership.objects.get_or_create(group=group, user=user)
        if membership.status != Membership.Status.ACTIVE:
            _activate(group, membership)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return membership


def pending_invitations(user):
    """Valid invitations to ``user``'s address (an invitation sent before they signed up)."""
    email = (getattr(user, "email", "") or "").strip()
    if not email:
        return Invitation.objects.none()
    return Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True)


def _display(user):
    profile = getattr(user, "civic_profile", None)
    return getattr(profile, "display_name", "") or user.get_username()


def member_erased(user):
    """Before an account is erased: hand its lead roles over so every group keeps a lead."""
    for membership in Membership.objects.filter(user=user, role=Membership.Role.LEAD):
        group = membership.group
        if _other_leads(group, user).exists():
            continue
        successor = (
            group.memberships.filter(status=Membership.Status.ACTIVE)
            .exclude(user=user)
            .order_by("joined_at", "pk")
            .first()
        )
        if successor is not None:
            hand_over(user, successor)
