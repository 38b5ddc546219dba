"""Who may see private mentoring data, with django-guardian object permissions.

Three things are private: a mentor's contact details (``view_mentor_contact`` on the
:class:`~.models.MentorProfile`) and a mentorship's goals and meeting log
(``view_mentorship_private`` on the :class:`~.models.Mentorship`). They are visible to:

* the mentor (always, for their own profile) and, while the mentorship is accepted or
  active, the mentee: object permissions granted by :func:`grant` and removed by
  :func:`revoke` (both called by the lifecycle);
* mentoring coordinators, through the same codenames granted to their group as model
  permissions (``MentoringConfig.civic_wagtail_role_permissions``), and superusers.

Use :class:`PrivacyChecker` to check many objects for one user: it prefetches the user's
object permissions in one query per model instead of one ``has_perm`` query per object.
"""

from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from .models import OCCUPYING, Mentorship

APP = "civic_wagtail_mentoring"
CONTACT = "view_mentor_contact"
PRIVATE = "view_mentorship_private"


def grant(mentorship):
    """Give both people access to the mentorship's private part, the mentee to the contact."""
    assign_perm(PRIVATE, mentorship.mentee, mentorship)
    assign_perm(PRIVATE, mentorship.mentor.user, mentorship)
    assign_perm(CONTACT, mentorship.mentee, mentorship.mentor)


def revoke(mentorship):
    """Take back what :func:`grant` gave, keeping the contact if another place is still taken.

    The one-open-mentorship-per-pair constraint makes that other mentorship impossible today;
    the check keeps revoke correct if a site relaxes the constraint.
    """
    remove_perm(PRIVATE, mentorship.mentee, mentorship)
    remove_perm(PRIVATE, mentorship.mentor.user, mentorship)
    still_mentored = (
        Mentorship.objects.filter(
            mentor_id=mentorship.mentor_id, mentee_id=mentorship.mentee_id, status__in=OCCUPYING
        )
        .exclude(pk=mentorship.pk)
        .exists()
    )
    if not still_mentored:
        remove_perm(CONTACT, mentorship.mentee, mentorship.mentor)


class PrivacyChecker:
    """Answers "may this user see that?" for one user, with prefetched object permissions."""

    def __init__(self, user):
        self.user = user
        self.authenticated = bool(user and user.is_authenticated and user.is_active)
        self._checker = ObjectPermissionChecker(user) if self.authenticated else None
        self._global = None

    def _has_global(self, codename):
        # Model permissions of the user's groups (coordinators); ModelBackend caches them on
        # the user, so this costs at most two queries per request.
        if self._global is None:
            self._global = {
                perm.split(".", 1)[1]
                for perm in self.user.get_all_permissions()
                if perm.startswith(APP + ".")
            }
        return self.user.is_superuser or codename in self._global

    def prefetch(self, objects):
        """Load the user's permissions on ``objects`` (all of one model) in one query."""
        objects = [obj for obj in objects if obj is not None]
        if self._checker is not None and objects:
            self._checker.prefetch_perms(objects)
        return self

    def is_coordinator(self):
        return self.authenticated and self._has_global(PRIVATE)

    def can_see_contact(self, mentor):
        if not self.authenticated:
            return False
        if mentor.user_id == self.user.pk or self._has_global(CONTACT):
            return True
        return CONTACT in self._checker.get_perms(mentor)

    def can_see_private(self, mentorship):
        if not self.authenticated:
            return False
        if self._has_global(PRIVATE):
            return True
        return PRIVATE in self._checker.get_perms(mentorship)

