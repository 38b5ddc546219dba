"""Public Open Badges endpoints, the award page, and "This helped me"."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from civic_wagtail import page_cache
from civic_wagtail.conf import civic_settings
from civic_wagtail.members.models import get_profile
from civic_wagtail.ratelimit import throttle

from . import openbadges
from .models import Award, Badge, Kudos

JSONLD = "application/ld+json"


def _json(data, status=200):
    return JsonResponse(
        data, status=status, content_type=JSONLD, json_dumps_params={"ensure_ascii": False}
    )


def _badge(slug):
    badge = Badge.objects.filter(slug=slug).order_by("pk").first()
    if badge is None:
        raise Http404
    return badge


def _award(uid):
    return get_object_or_404(
        Award.objects.select_related("badge", "recipient", "recipient__civic_profile"), uid=uid
    )


def issuer(request):
    return _json(openbadges.issuer_json())


def badge_class(request, slug):
    return _json(openbadges.badge_class_json(_badge(slug)))


def badge_image(request, slug):
    return HttpResponse(openbadges.badge_png(_badge(slug)), content_type="image/png")


def assertion(request, uid):
    """The hosted assertion; a revoked one answers 410 with ``revoked: true``."""
    award = _award(uid)
    return _json(openbadges.assertion_json(award), status=410 if award.is_revoked else 200)


def baked_image(request, uid):
    award = _award(uid)
    if award.is_revoked:
        raise Http404
    response = HttpResponse(openbadges.bake(award), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{award.badge.slug}.png"'
    return response


def award_detail(request, uid):
    """The public page of one award: the badge, who holds it, why, and how to share it."""
    award = _award(uid)
    if not award.recipient.is_active:
        raise Http404
    badge = award.badge.localized
    return render(
        request,
        "civic_wagtail/recognition/award_detail.html",
        {
            "award": award,
            "badge": badge,
            "profile": get_profile(award.recipient),
            "assertion_url": openbadges.assertion_url(award),
        },
        status=410 if award.is_revoked else 200,
    )


def _kudos_model(label):
    allowed = {name.lower() for name in civic_settings.RECOGNITION_KUDOS_MODELS}
    if label.lower() not in allowed:
        raise Http404
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise Http404 from error


def _author_id(obj):
    for name in ("user_id", "owner_id", "author_id"):
        value = getattr(obj, name, None)
        if value:
            return value
    return None


def _cache_scopes(obj):
    """What shows ``obj``'s count in the anonymous page cache: its page, or the discussion
    a comment belongs to."""
    from wagtail.models import Page

    if isinstance(obj, Page):
        return [page_cache.page_scope(obj.pk)]
    if getattr(obj, "content_type_id", None) and getattr(obj, "object_pk", None):
        return [page_cache.comments_scope(obj.content_type_id, obj.object_pk)]
    return []


@require_POST
@login_required
def kudos(request, label, pk):
    """Mark an item "This helped me" (once per member); a second POST takes it back."""
    refused = throttle(request, "kudos")
    if refused is not None:
        return refused
    model = _kudos_model(label)
    obj = get_object_or_404(model._base_manager, pk=pk)
    if getattr(obj, "live", True) is False or getattr(obj, "is_public", True) is False:
        raise Http404
    if getattr(obj, "is_removed", False):
        raise Http404
    content_type = ContentType.objects.get_for_model(model)
    author = _author_id(obj)
    mine = Kudos.objects.filter(giver=request.user, content_type=content_type, object_id=str(pk))
    if mine.exists():
        mine.delete()
    elif author != request.user.pk:
        try:
            with transaction.atomic():
                Kudos.objects.create(
                    giver=request.user,
                    recipient_id=author,
                    content_type=content_type,
                    object_id=str(pk),
                )
        except IntegrityError:  # a double click
            pass
    transaction.on_commit(lambda: page_cache.bump(*_cache_scopes(obj)))
    count = Kudos.objects.filter(content_type=content_type, object_id=str(pk)).count()
    if request.headers.get("accept", "").startswith("application/json"):
        return _json({"count": count, "mine": mine.exists()})
    target = request.POST.get("next", "")
    if not (target.startswith("/") and url_has_allowed_host_and_scheme(target, None)):
        target = "/"
    return HttpResponseRedirect(target)


def _top_enabled():
    if not civic_settings.RECOGNITION_TOP_CONTRIBUTORS:
        raise Http404


def top_index(request):
    """The topics whose top contributors this quarter can be seen (when the site enables it)."""
    from wagtail.models import Locale

    from civic_wagtail.models import Topic

    _top_enabled()
    topics = Topic.objects.for_locale(Locale.get_active()).order_by("name")
    return render(request, "civic_wagtail/recognition/top_index.html", {"topics": topics})


def top_topic(request, topic):
    """Top contributors this quarter in one topic (when the site enables it)."""
    from wagtail.models import Locale

    from civic_wagtail.models import Topic

    from .top import quarter_start, top_contributors

    _top_enabled()
    found = Topic.objects.for_locale(Locale.get_active()).filter(slug=topic).first()
    if found is None:
        raise Http404
    return render(
        request,
        "civic_wagtail/recognition/top_topic.html",
        {"topic": found, "rows": top_contributors(found), "since": quarter_start()},
    )
