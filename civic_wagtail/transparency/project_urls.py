"""URLs of the project part of the transparency app: the ingest API and the data package
(each project and list exports itself from its own page)."""

from django.urls import path

from .projects import api, exports

urlpatterns = [
    path("projects/api/measurements/", api.measurements, name="projects_api_measurements"),
    path("projects/api/spending/", api.spending, name="projects_api_spending"),
    path("projects/datapackage.json", exports.datapackage, name="projects_datapackage"),
    path("projects/data/<slug:name>.csv", exports.resource, name="projects_datapackage_resource"),
]
