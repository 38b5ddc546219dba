"""The badges on a member's public profile (``civic_wagtail_public_profile_panels``)."""

from django.template.loader import render_to_string

from .models import Award, Kudos


def badges_panel(request, profile):
    """Active awards, newest first, each linking to its public award page (two queries).
    Shown when the member shows their contributions (``public_fields``)."""
    if not profile.shows("contributions"):
        return None
    awards = list(
        Award.objects.active()
        .filter(recipient_id=profile.user_id)
        .select_related("badge")
        .order_by("-awarded_at", "-pk")
    )
    helped = Kudos.objects.filter(recipient_id=profile.user_id).count()
    if not awards and not helped:
        return None
    return render_to_string(
        "civic_wagtail/recognition/profile_badges.html",
        {"awards": awards, "helped": helped, "profile": profile},
        request=request,
    )


def kudos_panel(request, page):
    """"This helped me" under a page whose model is in ``RECOGNITION_KUDOS_MODELS``
    (practices and case studies by default): the count, and the button for members."""
    from django.contrib.contenttypes.models import ContentType

    from civic_wagtail.conf import civic_settings

    model = type(page)
    label = f"{model._meta.app_label}.{model._meta.model_name}"
    if label not in {name.lower() for name in civic_settings.RECOGNITION_KUDOS_MODELS}:
        return None
    content_type = ContentType.objects.get_for_model(model)
    kudos = Kudos.objects.filter(content_type=content_type, object_id=str(page.pk))
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return render_to_string(
        "civic_wagtail/recognition/kudos_panel.html",
        {
            "count": kudos.count(),
            "mine": signed_in and kudos.filter(giver=user).exists(),
            "own": signed_in and page.owner_id == user.pk,
            "signed_in": signed_in,
            "label": label,
            "page": page,
        },
        request=request,
    )
