"""Who may see a group and read inside it, on django-guardian object permissions.

* A group's **profile** (name, purpose, lead, join button): everyone for public and
  members-only groups; a secret group exists only for its members (404 for everyone else).
* Its **space** (threads, files, events, pilot log, activity, member list): active members
  only (and superusers). Others get 404 for a secret group, 403 for any other.

Membership grants :data:`READ` (and :data:`LEAD` to leads) on the group as guardian object
permissions (:mod:`.membership`); leaving removes them in the same transaction, so access
ends at once. Moderators have no special access: a group's private space is its members'.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from guardian.shortcuts import get_objects_for_user

from .models import WorkingGroup

READ = "civic_wagtail_groups.read_group_space"
LEAD = "civic_wagtail_groups.lead_group"
_CACHE = "_civic_groups_perms"


def perms(user, group):
    """The guardian permissions ``user`` holds on ``group`` (one query, then cached on the
    user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset({READ, LEAD})
    cache = user.__dict__.setdefault(_CACHE, {})
    if group.pk not in cache:
        from guardian.core import ObjectPermissionChecker

        codenames = ObjectPermissionChecker(user).get_perms(group)
        cache[group.pk] = frozenset(f"civic_wagtail_groups.{name}" for name in codenames)
    return cache[group.pk]


def forget(user):
    """Drop the cached permissions (after joining or leaving in the same request)."""
    user.__dict__.pop(_CACHE, None)


def can_read(user, group):
    return READ in perms(user, group)


def can_lead(user, group):
    return LEAD in perms(user, group)


def visible_groups(user):
    """Groups ``user`` may know about: public and members-only ones, and the secret ones they
    can read."""
    groups = WorkingGroup.objects.all()
    if user.is_authenticated and user.is_superuser:
        return groups
    open_ = Q(visibility__in=[WorkingGroup.Visibility.PUBLIC, WorkingGroup.Visibility.MEMBERS])
    if not user.is_authenticated:
        return groups.filter(open_)
    readable = get_objects_for_user(
        user, READ, klass=WorkingGroup, accept_global_perms=False
    ).values("pk")
    return groups.filter(open_ | Q(pk__in=readable))


def check_profile(user, group):
    """Raise 404 unless ``user`` may see ``group`` exists."""
    if group.is_secret and not can_read(user, group):
        raise Http404(_("No such group."))


def check_space(user, group):
    """Raise 404 (secret group) or 403 (other groups) unless ``user`` may read inside."""
    if can_read(user, group):
        return
    if group.is_secret:
        raise Http404(_("No such group."))
    raise PermissionDenied(_("Only the group's members can see this. Ask to join the group."))


def check_lead(user, group):
    check_space(user, group)
    if not can_lead(user, group):
        raise PermissionDenied(_("Only the group's leads can do this."))
