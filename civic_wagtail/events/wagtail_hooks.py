"""Admin and template hooks of the events app (registration only)."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks


@hooks.register("civic_wagtail_profile_panels")
def personal_calendar_panel(request, profile):
    """The member's personal feed link, its reset button and what it contains."""
    if request is None or request.user != profile.user:
        return None
    from .listing import webcal
    from .models import CalendarToken, EventAttendance

    token = CalendarToken.for_user(request.user)
    url = request.build_absolute_uri(
        reverse("civic_wagtail_events:member_feed", args=[token.token])
    )
    attendance = EventAttendance.objects.filter(user=request.user).select_related("page")
    return render_to_string(
        "civic_wagtail/events/profile_panel.html",
        {"feed_url": url, "webcal_url": webcal(url), "attendance": attendance},
        request=request,
    )


@hooks.register("civic_wagtail_page_panels")
def topic_subscribe_panel(request, page):
    """A page about one topic (a forum topic...) offers that topic's calendar feed."""
    from civic_wagtail.models import Topic

    from .subscribe import render_subscribe

    topic = getattr(page, "topic", None)
    if not isinstance(topic, Topic):
        return None
    path = reverse("civic_wagtail_events:topic_feed", args=[topic.slug])
    return render_subscribe(request, path, topic.name, heading_id="subscribe-topic")
