""" "This helped me" under each reply of a thread.

Two hooks of the discussion's shared comment list (:mod:`civic_wagtail.discussion.fragments`):

- ``civic_wagtail_comment_actions``: the count and, for members, the button, rendered with the
  list that every visitor (or every member) shares, so in a neutral state: not pressed, and a
  choice that shows the count instead of the button on the viewer's own reply (``own``);
- ``civic_wagtail_comment_marks``: which of the replies shown this member marked, one query,
  filled in per request.

The kudos view bumps the discussion's cache scope when a count changes.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.template.loader import get_template

from civic_wagtail.conf import civic_settings

from .models import Kudos

TEMPLATE = "civic_wagtail/recognition/kudos_button.html"
MARK = "kudos"


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _kudos_model(model):
    """``(label, content type)`` of ``model`` when members may give it kudos, else None."""
    label = _label(model)
    if label not in {name.lower() for name in civic_settings.RECOGNITION_KUDOS_MODELS}:
        return None
    return label, ContentType.objects.get_for_model(model)


def comment_kudos(request, comments):
    """``{comment_pk: html}``: the count, and the button for signed-in members."""
    shown = [comment for comment in comments if comment.is_public and not comment.is_removed]
    if not shown:
        return {}
    found_model = _kudos_model(type(shown[0])._meta.concrete_model)
    if found_model is None:
        return {}
    label, content_type = found_model
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    rows = (
        Kudos.objects.filter(
            content_type=content_type, object_id__in=[str(comment.pk) for comment in shown]
        )
        .values("object_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["object_id"]: row["n"] for row in rows}
    template = get_template(TEMPLATE)
    path = request.get_full_path().split("#")[0]
    found = {}
    for comment in shown:
        count = counts.get(str(comment.pk), 0)
        if not signed_in and not count:
            continue
        found[comment.pk] = template.render(
            {
                "count": count,
                "signed_in": signed_in,
                "label": label,
                "pk": comment.pk,
                "next": f"{path}#c{comment.pk}",
            },
            request,
        )
    return found


def comment_marks(user, comment_ids):
    """``{"kudos": {comment_id: 1}}`` for the comments ``user`` said helped them."""
    from django_comments_xtd.models import XtdComment

    found_model = _kudos_model(XtdComment)
    if found_model is None or not comment_ids:
        return {}
    rows = Kudos.objects.filter(
        giver=user,
        content_type=found_model[1],
        object_id__in=[str(pk) for pk in comment_ids],
    ).values_list("object_id", flat=True)
    return {MARK: {int(object_id): 1 for object_id in rows}}
