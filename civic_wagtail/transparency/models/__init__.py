"""Models of the transparency app: one module per part."""

from .projects import (  # noqa: F401
    ApiToken,
    Measurement,
    Milestone,
    Organisation,
    ProjectGroupObjectPermission,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
)
