""" "This helped me" under each reply of a thread (``civic_wagtail_comment_actions``).

One query for the whole page of comments: every shown reply's count and whether this member
marked it. It runs per request, so a page the discussion caches never carries another
member's state; the kudos view bumps the discussion's cache scope when a count changes.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.template.loader import get_template

from civic_wagtail.conf import civic_settings

from .models import Kudos

TEMPLATE = "civic_wagtail/recognition/kudos_button.html"


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def comment_kudos(request, comments):
    """``{comment_pk: html}``: the count and, for members, the button (not on their own)."""
    shown = [comment for comment in comments if comment.is_public and not comment.is_removed]
    if not shown:
        return {}
    model = type(shown[0])._meta.concrete_model
    label = _label(model)
    if label not in {name.lower() for name in civic_settings.RECOGNITION_KUDOS_MODELS}:
        return {}
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    content_type = ContentType.objects.get_for_model(model)
    rows = Kudos.objects.filter(
        content_type=content_type, object_id__in=[str(comment.pk) for comment in shown]
    ).values("object_id")
    if signed_in:
        rows = rows.annotate(n=Count("pk"), mine=Count("pk", filter=Q(giver_id=user.pk)))
    else:
        rows = rows.annotate(n=Count("pk"))
    counts = {row["object_id"]: row for row in rows.order_by()}
    template = get_template(TEMPLATE)
    path = request.get_full_path()
    found = {}
    for comment in shown:
        row = counts.get(str(comment.pk), {})
        count = row.get("n", 0)
        own = signed_in and comment.user_id == user.pk
        if not signed_in and not count:
            continue
        found[comment.pk] = template.render(
            {
                "count": count,
                "mine": bool(row.get("mine")),
                "can_give": signed_in and not own,
                "label": label,
                "pk": comment.pk,
                "next": f"{path.split('#')[0]}#c{comment.pk}",
            },
            request,
        )
    return found
