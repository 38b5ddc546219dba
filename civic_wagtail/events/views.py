"""Feeds that are not pages, and the members' register/follow and feed-link actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic_wagtail import ratelimit

from . import attendance
from .feeds import MemberFeed, SiteFeed, TopicFeed
from .models import CalendarToken, EventAttendance, EventPage


def site_feed(request, lang=None):
    return SiteFeed()(request, lang=lang)


def topic_feed(request, slug, lang=None):
    return TopicFeed()(request, slug=slug, lang=lang)


def member_feed(request, token):
    return MemberFeed()(request, token=token)


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        # Not redirect(): it would try a bare word such as "123" as a URL name (a 500).
        return HttpResponseRedirect(target)
    return redirect(fallback)


@login_required
@require_POST
def attend(request, page_id):
    """Register for, follow or forget an event; it then appears in the personal feed."""
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    refusal = ratelimit.throttle(request, "event_attendance")
    if refusal:
        return refusal
    action = request.POST.get("action", "")
    if action not in ("forget", *EventAttendance.Kind.values) or action == "waiting":
        return HttpResponseBadRequest("Unknown action: use registered, following or forget.")
    result = attendance.change(request.user, page, action)
    if result is None:
        messages.success(request, _("The event is no longer in your calendar feed."))
    elif result.kind == EventAttendance.Kind.WAITING:
        messages.warning(
            request,
            _("The event is full: you are number %(n)s on the wait list. You get a place "
              "when someone withdraws.") % {"n": attendance.wait_list_position(result)},
        )
    else:
        messages.success(request, _("The event is in your personal calendar feed."))
    return _back(request, page.url)


@login_required
@require_POST
def reset_token(request):
    """Revoke the current personal feed URL and issue a new one."""
    CalendarToken.for_user(request.user).reset()
    messages.success(
        request, _("Your old calendar link no longer works. Subscribe with the new one.")
    )
    return _back(request, "/")
