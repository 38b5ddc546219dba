"""Registrations of the transparency app, one module per part."""

from .projects import wagtail_hooks as project_hooks  # noqa: F401
