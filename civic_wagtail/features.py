"""The feature apps, what each needs, and the pip extra that installs it.

One table for the system checks (which name the extra to install), the uninstall command and
the per-feature extras of ``pyproject.toml`` (``pip install "civic-wagtail[events]"``). The core
app (``civic_wagtail``) and ``civic_wagtail.members`` are always installed; their libraries are
the package's own dependencies.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    #: The app's name in ``INSTALLED_APPS``.
    name: str
    #: Its app label (table prefix, ``app_label.Model`` references, migrations).
    label: str
    #: The pip extra that installs its libraries: ``civic-wagtail[<extra>]``. Its settings are
    #: ``CIVIC_WAGTAIL_<EXTRA>_*``.
    extra: str
    #: Django apps its models or receivers import (they must be in ``INSTALLED_APPS``).
    apps: tuple = ()
    #: Python modules it imports that only its extra installs.
    modules: tuple = ()
    #: Roles (``CIVIC_WAGTAIL_ROLE_GROUPS`` keys) that exist only for this feature: their
    #: groups are created while it is installed and removed with it.
    roles: tuple = ()

    @property
    def pip(self):
        return f'pip install "civic-wagtail[{self.extra}]"'

    @property
    def setting_prefix(self):
        return f"CIVIC_WAGTAIL_{self.extra.upper()}_"


FEATURES = [
    Feature(
        "civic_wagtail.library",
        "civic_wagtail_library",
        "library",
        modules=("markdown", "nh3"),
    ),
    Feature(
        "civic_wagtail.review",
        "civic_wagtail_review",
        "review",
        apps=("guardian",),
        modules=("guardian", "dateutil"),
        roles=("reviewers",),
    ),
    Feature(
        "civic_wagtail.discussion",
        "civic_wagtail_discussion",
        "discussion",
        apps=("django.contrib.sites", "django_comments", "django_comments_xtd"),
        modules=("django_comments_xtd", "django_comments", "markdown", "nh3"),
    ),
    Feature(
        "civic_wagtail.events",
        "civic_wagtail_events",
        "events",
        modules=("icalendar", "dateutil"),
    ),
    Feature(
        "civic_wagtail.mentoring",
        "civic_wagtail_mentoring",
        "mentoring",
        apps=("guardian",),
        modules=("guardian", "dateutil"),
        roles=("mentoring_coordinators",),
    ),
    Feature(
        "civic_wagtail.recognition",
        "civic_wagtail_recognition",
        "recognition",
        modules=("openbadges_bakery",),
    ),
    Feature(
        "civic_wagtail.improvement",
        "civic_wagtail_improvement",
        "improvement",
        apps=("guardian",),
        modules=("guardian",),
    ),
    Feature(
        "civic_wagtail.groups",
        "civic_wagtail_groups",
        "groups",
        apps=("guardian",),
        modules=("guardian",),
    ),
    Feature(
        "civic_wagtail.transparency",
        "civic_wagtail_transparency",
        "transparency",
        apps=("guardian",),
        modules=("guardian",),
    ),
]
BY_NAME = {feature.name: feature for feature in FEATURES}
BY_LABEL = {feature.label: feature for feature in FEATURES}


def feature(name_or_label):
    """The :class:`Feature` of an app name or label (``None`` for the core and members)."""
    return BY_NAME.get(name_or_label) or BY_LABEL.get(name_or_label)


def role_in_use(role):
    """Whether ``role``'s group should exist: a core role, or one of an installed feature."""
    from django.apps import apps

    owner = next((feature for feature in FEATURES if role in feature.roles), None)
    return owner is None or apps.is_installed(owner.name)
