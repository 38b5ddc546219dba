"""The groups' part of a member's data export and erasure (privacy hooks)."""

from .models import Experiment, GroupEvent, GroupFile, Invitation, Membership


def export_member(user):
    return {
        "working_groups": [
            {
                "group": m.group.name,
                "role": m.role,
                "status": m.status,
                "message": m.message,
                "requested_at": m.created_at,
                "joined_at": m.joined_at,
            }
            for m in Membership.objects.filter(user=user).select_related("group")
        ],
        "group_experiments": [
            {
                "group": e.group.name,
                "what": e.what,
                "where": e.where,
                "result": e.result,
                "why": e.why,
                "started_on": e.started_on,
            }
            for e in Experiment.objects.filter(author=user).select_related("group")
        ],
        "group_events": [
            {"group": e.group.name, "title": e.title, "start": e.start}
            for e in GroupEvent.objects.filter(created_by=user).select_related("group")
        ],
        "group_files": [
            {"group": f.group.name, "title": f.document.title, "at": f.created_at}
            for f in GroupFile.objects.filter(uploaded_by=user).select_related("group", "document")
        ],
    }


def erase_member(user):
    """Lead roles pass to the longest-standing member (a group always has a lead); the
    memberships go with the account; invitations to the address are deleted; what the member
    wrote in the log stays, anonymised."""
    from .membership import _recount, _revoke, member_erased

    member_erased(user)
    if user.email:
        Invitation.objects.filter(email__iexact=user.email).delete()
    for membership in Membership.objects.filter(user=user).select_related("group"):
        membership.delete()
        _revoke(user, membership.group)
        _recount(membership.group)
    Experiment.objects.filter(author=user).update(author=None)
    GroupEvent.objects.filter(created_by=user).update(created_by=None)
    GroupFile.objects.filter(uploaded_by=user).update(uploaded_by=None)
