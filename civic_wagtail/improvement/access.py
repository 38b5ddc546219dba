"""Who may see a member's assessments and goals (django-guardian object permissions).

Everything is private to its owner. The owner shares one assessment or goal with a mentor:
:func:`share` grants the object permission (``view_assessment`` / ``view_goal``) in the
direct-foreign-key tables, so the rows go with the object; :func:`unshare` takes it back.
Superusers and editors get no shortcut: the check reads the mentor's own permission row
(:func:`shared_with_user`), not ``has_perm``, which would say yes to any superuser. Team
leads never see an individual's results (:mod:`.teams`).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from guardian.shortcuts import assign_perm, remove_perm

from .models import Assessment, AssessmentUserObjectPermission, Goal, GoalUserObjectPermission

PERMS = {
    Assessment: ("view_assessment", AssessmentUserObjectPermission),
    Goal: ("view_goal", GoalUserObjectPermission),
}


def share(obj, mentor):
    """Share ``obj`` with ``mentor`` only (a previous share is taken back)."""
    codename, _table = PERMS[type(obj)]
    if obj.shared_with_id and obj.shared_with_id != getattr(mentor, "pk", None):
        remove_perm(codename, obj.shared_with, obj)
    if mentor is not None:
        assign_perm(codename, mentor, obj)
    obj.shared_with = mentor
    obj.save(update_fields=["shared_with"])


def unshare(obj):
    share(obj, None)


def shared_with_user(obj, user):
    codename, table = PERMS[type(obj)]
    return table.objects.filter(
        content_object=obj, user=user, permission__codename=codename
    ).exists()


def can_view(obj, user):
    """Owner, or the mentor it is shared with."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return obj.user_id == user.pk or shared_with_user(obj, user)


def shared_with_me(model, user):
    """The objects of ``model`` shared with ``user`` (one queryset, no per-object check)."""
    codename, table = PERMS[model]
    return model.objects.filter(
        pk__in=table.objects.filter(user=user, permission__codename=codename).values(
            "content_object_id"
        )
    )


def mentors_of(user):
    """Users who mentor ``user`` in an accepted, active or completed mentorship (empty when
    mentoring is not installed): the people a member can share with."""
    User = get_user_model()  # noqa: N806
    if not apps.is_installed("civic_wagtail.mentoring"):
        return User.objects.none()
    Mentorship = apps.get_model("civic_wagtail_mentoring", "Mentorship")  # noqa: N806
    ids = Mentorship.objects.filter(
        mentee=user, status__in=["accepted", "active", "completed"]
    ).values("mentor__user_id")
    return (
        User.objects.filter(pk__in=ids, is_active=True)
        .select_related("civic_profile")
        .order_by("username")
    )
