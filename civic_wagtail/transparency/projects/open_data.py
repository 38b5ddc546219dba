"""What the project trackers publish, for the open-data page (hook ``civic_wagtail_open_data``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from civic_wagtail.open_data import Dataset


def datasets(request, site_url):
    package = site_url + reverse("civic_wagtail_transparency:projects_datapackage")
    api = site_url + reverse("civic_wagtail_transparency:projects_api_measurements")
    spending = site_url + reverse("civic_wagtail_transparency:projects_api_spending")
    resource = reverse("civic_wagtail_transparency:projects_datapackage_resource", args=["x"])
    return [
        Dataset(
            "csv",
            _("Projects: budgets, milestones and measured results"),
            _(
                "A Frictionless Data Package: datapackage.json describes four CSV tables "
                "(projects, milestones, measurements, spending) with their types. Each project "
                "page and each project list also offers its data as CSV and JSON (csv/ and json/ "
                "after the page's address; a list's exports keep its filters)."
            ),
            [
                (_("Data package"), package),
                *(
                    (name, site_url + resource.replace("/x.csv", f"/{name}.csv"))
                    for name in ("projects", "milestones", "measurements", "spending")
                ),
            ],
        ),
        Dataset(
            "api",
            _("Project measurements and spending ingest API"),
            _(
                "Organisations POST measurements and spending as JSON with their API token "
                "(Authorization: Bearer …); a batch is written whole or not at all."
            ),
            [(_("Endpoint (POST)"), api), (_("Spending endpoint (POST)"), spending)],
        ),
    ]
