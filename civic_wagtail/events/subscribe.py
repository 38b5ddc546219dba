"""The "Subscribe" control: one feed URL as webcal, Google Calendar, Outlook and plain links.

Absolute URLs come from the Wagtail ``Site`` that serves the request (its hostname, port and
scheme), never from the request's Host header or a literal.
"""

from urllib.parse import quote, urlencode

from django.template.loader import render_to_string
from wagtail.models import Site

TEMPLATE = "civic_wagtail/events/includes/subscribe.html"


def absolute_url(request, path):
    """``path`` on the Wagtail site of ``request`` (the default site without one)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site is not None else ""
    return base.rstrip("/") + path


def subscribe_links(feed_url, name):
    """The ways to subscribe to the absolute ``feed_url`` (a calendar called ``name``)."""
    webcal = "webcal://" + feed_url.split("://", 1)[1]
    return {
        "url": feed_url,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}),
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": feed_url, "name": name}, quote_via=quote),
        "name": name,
    }


def render_subscribe(request, path, name, heading_id="subscribe"):
    """HTML of the control for the feed at ``path`` (site-relative)."""
    links = subscribe_links(absolute_url(request, path), name)
    return render_to_string(
        TEMPLATE, {"subscribe": links, "heading_id": heading_id}, request=request
    )
