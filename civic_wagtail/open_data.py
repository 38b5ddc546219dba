"""The open-data page (``/open-data/``): every API endpoint, CSV export and feed, with examples.

Each feature app lists what it publishes through the ``civic_wagtail_open_data`` hook, called
with ``(request, site_url)``, which returns a list of :class:`Dataset` (``site_url`` is the
root URL of the request's Wagtail ``Site``, so examples are absolute and on the right host).
Apps that are not installed list nothing.
"""

from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Site

HOOK = "civic_wagtail_open_data"
#: Kinds of dataset, in the order the page shows them.
KINDS = [
    ("api", _("API endpoints")),
    ("csv", _("CSV exports")),
    ("feed", _("Feeds")),
]


@dataclass
class Dataset:
    kind: str  #: "api", "csv" or "feed" (iCalendar, Atom, …)
    title: str
    description: str
    #: ``[(label, absolute URL)]``: the endpoint itself first, then examples with parameters.
    examples: list = field(default_factory=list)


def site_url(request):
    """Root URL of the request's Wagtail Site (``https://host[:port]``), no trailing slash."""
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url.rstrip("/")


def datasets(request):
    root = site_url(request)
    found = []
    for hook in hooks.get_hooks(HOOK):
        found.extend(hook(request, root) or [])
    return found


def open_data(request):
    found = datasets(request)
    groups = [
        {"kind": kind, "label": label, "datasets": [d for d in found if d.kind == kind]}
        for kind, label in KINDS
    ]
    return TemplateResponse(
        request,
        "civic_wagtail/open_data.html",
        {"groups": [group for group in groups if group["datasets"]]},
    )
