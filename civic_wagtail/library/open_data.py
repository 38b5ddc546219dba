"""What the library publishes as open data (the ``civic_wagtail_open_data`` hook)."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from civic_wagtail.open_data import Dataset
from civic_wagtail.sections import section_page


def datasets(request, site_url):
    found = []
    try:
        practices = site_url + reverse("civic_wagtail_library:api:practices:listing")
        cases = site_url + reverse("civic_wagtail_library:api:case-studies:listing")
    except NoReverseMatch:  # a site that mounts its own router
        practices = cases = None
    if practices:
        found += [
            Dataset(
                "api",
                _("Best practices (JSON)"),
                _(
                    "Every published practice with its summary, evidence strength, outcomes, "
                    "classification and the date of its latest peer review (peer_reviewed_at)."
                ),
                [
                    (_("All practices"), practices),
                    (_("By topic"), practices + "?" + urlencode({"topic": "permits"})),
                    (_("Search"), practices + "?" + urlencode({"search": "permit"})),
                    (
                        _("Chosen fields"),
                        practices + "?" + urlencode({"fields": "summary,peer_reviewed_at"}),
                    ),
                ],
            ),
            Dataset(
                "api",
                _("Case studies (JSON)"),
                _("Every published case study: place, organisation and measured outcomes."),
                [
                    (_("All case studies"), cases),
                    (_("By region"), cases + "?" + urlencode({"region": "europe"})),
                    (_("By indicator"), cases + "?" + urlencode({"indicator": "permit-days"})),
                ],
            ),
        ]
    from .models import LibraryIndexPage

    library = section_page(request, LibraryIndexPage)
    url = library.get_full_url(request) if library is not None else None
    if url:
        csv = url.rstrip("/") + "/" + library.reverse_subpage("outcomes_csv")
        found.append(
            Dataset(
                "csv",
                _("Measured outcomes (CSV)"),
                _(
                    "One row per outcome of the practices and case studies, with the same "
                    "search and filters as the library (q, topic, level, region, type, "
                    "indicator, reviewed)."
                ),
                [
                    (_("Every outcome"), csv),
                    (_("Searched and filtered"), csv + "?" + urlencode({"q": "permit",
                                                                        "reviewed": "on"})),
                ],
            )
        )
    return found
