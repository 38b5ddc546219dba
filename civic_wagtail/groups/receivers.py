"""Signal receivers: guardian rows go with their group (django-guardian keeps object
permissions in a text column with no foreign key), and member counts follow deletions."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Membership, WorkingGroup


@receiver(post_delete, sender=WorkingGroup, dispatch_uid="civic_wagtail_groups.group_deleted")
def forget_group_permissions(sender, instance, **kwargs):
    from django.contrib.contenttypes.models import ContentType
    from guardian.models import GroupObjectPermission, UserObjectPermission

    content_type = ContentType.objects.get_for_model(WorkingGroup)
    for model in (UserObjectPermission, GroupObjectPermission):
        model.objects.filter(content_type=content_type, object_pk=str(instance.pk)).delete()


@receiver(post_delete, sender=Membership, dispatch_uid="civic_wagtail_groups.membership_deleted")
def recount_members(sender, instance, **kwargs):
    count = Membership.objects.filter(group_id=instance.group_id, status="active").count()
    WorkingGroup.objects.filter(pk=instance.group_id).update(member_count=count)
