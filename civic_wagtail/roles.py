"""Roles are Django groups, created (idempotently) after every ``migrate``.

Feature apps declare what each role may do on their ``AppConfig``::

    class MentoringConfig(AppConfig):
        civic_wagtail_role_permissions = {
            "mentoring_coordinators": ["view_mentorship", "change_mentorship"],
        }

Codenames are those of the declaring app. Group names come from
``CIVIC_WAGTAIL_ROLE_GROUPS`` so a site can map roles onto groups it already has.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from .conf import civic_settings

MEMBERS = "members"
REVIEWERS = "reviewers"
MODERATORS = "moderators"
MENTORING_COORDINATORS = "mentoring_coordinators"
EDITORS = "editors"

#: Roles that work in the Wagtail admin and so need its access permission.
ADMIN_ROLES = (REVIEWERS, MODERATORS, MENTORING_COORDINATORS, EDITORS)


def group_name(role):
    """The name of the Django group that carries ``role``."""
    return civic_settings.ROLE_GROUPS[role]


def get_group(role):
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=group_name(role))
    return group


def user_has_role(user, role):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=group_name(role)).exists()


def ensure_roles(sender, app_config=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """``post_migrate`` receiver: create the groups and grant the sender app's permissions."""
    from django.contrib.auth.models import Group, Permission

    from .features import role_in_use

    app_config = app_config or sender
    if not global_apps.is_installed("django.contrib.auth"):
        return
    # Wagtail's admin-access permission may be (re)created after our app's signal (a test
    # flush re-runs post_migrate in app order): act on both, whichever comes last wins.
    if app_config.label in ("civic_wagtail", "wagtailadmin"):
        # A feature's own role (mentoring coordinators...) only while the feature is installed:
        # `civic_wagtail_uninstall` removes its group for good.
        roles = [role for role in civic_settings.ROLE_GROUPS if role_in_use(role)]
        for role in roles:
            Group.objects.using(using).get_or_create(name=group_name(role))
        if global_apps.is_installed("wagtail.admin"):
            # access_admin is declared on wagtailadmin's Admin model: make sure it exists even
            # when our receiver runs before django.contrib.auth's for that app.
            create_permissions(
                global_apps.get_app_config("wagtailadmin"), verbosity=0, using=using
            )
        admin_access = Permission.objects.using(using).filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if admin_access:
            for role in ADMIN_ROLES:
                if role in roles:
                    Group.objects.using(using).get(name=group_name(role)).permissions.add(
                        admin_access
                    )
    declared = getattr(app_config, "civic_wagtail_role_permissions", None)
    if not declared:
        return
    # Our receiver may run before django.contrib.auth's for this app: make sure the
    # permissions exist before granting them (create_permissions is idempotent).
    create_permissions(app_config, verbosity=0, using=using)
    for role, codenames in declared.items():
        if not role_in_use(role):
            continue  # e.g. members' grant to mentoring coordinators, without mentoring
        group, _ = Group.objects.using(using).get_or_create(name=group_name(role))
        perms = Permission.objects.using(using).filter(
            content_type__app_label=app_config.label, codename__in=codenames
        )
        group.permissions.add(*perms)
