import pytest
from django.contrib.auth.models import Group

from civic_wagtail import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_has_a_group_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Members", "Reviewers", "Moderators", "Mentoring coordinators", "Editors"} <= names


def test_admin_roles_can_reach_the_admin_and_members_cannot():
    for role in roles.ADMIN_ROLES:
        group = Group.objects.get(name=roles.group_name(role))
        assert group.permissions.filter(codename="access_admin").exists(), role
    members = Group.objects.get(name="Members")
    assert not members.permissions.filter(codename="access_admin").exists()


def test_apps_grant_their_declared_permissions():
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(codename="verify_memberprofile").exists()


def test_user_has_role():
    moderator = UserFactory(roles=["moderators"])
    member = UserFactory(roles=["members"])
    assert roles.user_has_role(moderator, roles.MODERATORS)
    assert not roles.user_has_role(member, roles.MODERATORS)
    assert roles.user_has_role(UserFactory(is_superuser=True), roles.MODERATORS)


def test_roles_map_onto_a_sites_own_groups(settings):
    groups = {**roles.civic_settings.ROLE_GROUPS, "editors": "Web team"}
    settings.CIVIC_WAGTAIL_ROLE_GROUPS = groups
    assert roles.get_group(roles.EDITORS).name == "Web team"


@pytest.mark.django_db(transaction=True)
def test_admin_roles_keep_admin_access_after_a_flush():
    """A transactional test flushes every table, then post_migrate runs again in app order."""
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    for role in roles.ADMIN_ROLES:
        group = Group.objects.get(name=roles.group_name(role))
        assert group.permissions.filter(codename="access_admin").exists(), role
