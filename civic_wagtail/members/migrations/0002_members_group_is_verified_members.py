"""The Members group holds verified members only (it used to hold everyone who signed up)."""

from django.conf import settings
from django.db import migrations


def resync_members_group(apps, schema_editor):
    from civic_wagtail.conf import civic_settings

    Group = apps.get_model("auth", "Group")
    MemberProfile = apps.get_model("civic_wagtail_members", "MemberProfile")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    group = Group.objects.filter(name=civic_settings.ROLE_GROUPS["members"]).first()
    if group is None:
        return  # created verified-only from the start
    Through = User.groups.through
    verified = MemberProfile.objects.filter(verification_status="verified").values("user_id")
    Through.objects.filter(group=group).exclude(user_id__in=verified).delete()
    have = set(Through.objects.filter(group=group).values_list("user_id", flat=True))
    Through.objects.bulk_create(
        [
            Through(user_id=user_id, group=group)
            for user_id in verified.values_list("user_id", flat=True)
            if user_id not in have
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("civic_wagtail_members", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(resync_members_group, migrations.RunPython.noop)]
