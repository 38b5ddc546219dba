"""Admin and template hooks of the events app (registration only)."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks

from .dashboard import events_dashboard_panel
from .personal_data import export_member
from .speakers import spoken_at_panel

hooks.register("civic_wagtail_dashboard_panels", events_dashboard_panel)
hooks.register("civic_wagtail_export_member", export_member)
hooks.register("civic_wagtail_public_profile_panels", spoken_at_panel)


@hooks.register("civic_wagtail_profile_panels")
def personal_calendar_panel(request, profile):
    """The member's personal feed link, its reset button and what it contains."""
    if request is None or request.user != profile.user:
        return None
    from .listing import absolute_url, webcal
    from .models import CalendarToken, EventAttendance

    token = CalendarToken.for_user(request.user)
    url = absolute_url(request, reverse("civic_wagtail_events:member_feed", args=[token.token]))
    attendance = EventAttendance.objects.filter(user=request.user).select_related("page")
    return render_to_string(
        "civic_wagtail/events/profile_panel.html",
        {"feed_url": url, "webcal_url": webcal(url), "attendance": attendance},
        request=request,
    )


@hooks.register("civic_wagtail_search_scopes")
def search_scopes():
    from .search import event_scopes

    return event_scopes()


@hooks.register("civic_wagtail_open_data")
def events_open_data(request, site_url):
    """The calendar's iCalendar feeds, for the open-data page."""
    from django.utils.translation import gettext as _

    from civic_wagtail.open_data import Dataset

    from .listing import webcal

    everything = site_url + reverse("civic_wagtail_events:site_feed")
    topic = site_url + reverse("civic_wagtail_events:topic_feed", args=["permits"])
    return [
        Dataset(
            "feed",
            _("Events (iCalendar)"),
            _(
                "Every upcoming and past event, for any calendar app (RFC 5545). Subscribe "
                "rather than download: the feed follows changes and cancellations."
            ),
            [
                (_("Whole calendar"), everything),
                (_("Subscribe (webcal)"), webcal(everything)),
                (_("One topic"), topic),
            ],
        )
    ]


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
