"""Taking one feature app out of a site (``manage.py civic_wagtail_uninstall``).

``migrate <app> zero`` drops a feature's own tables, but what it left in shared tables stays:
its pages in Wagtail's page tree (published, then served as bare pages or 500s), its workflow
tasks, its role group, its content types and permissions. :func:`plan` lists those, and
:func:`remove` deletes them. The command runs twice: before ``migrate <app> zero`` (pages and
tasks need the app's models), and after the app is out of ``INSTALLED_APPS`` (``migrate``
re-creates content types, permissions and groups for every installed app).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction

from .conf import civic_settings
from .features import FEATURES, Feature


@dataclass
class Plan:
    feature: Feature
    installed: bool
    #: Page counts by type (the app's page types).
    pages: dict = field(default_factory=dict)
    #: URL paths of its topmost pages (sections); their subtrees go with them.
    sections: list = field(default_factory=list)
    #: Pages of other types under those sections, deleted with them.
    other_pages: int = 0
    tasks: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    #: Groups of its roles that also hold other permissions: kept, named here.
    kept_groups: list = field(default_factory=list)
    content_types: list = field(default_factory=list)
    permissions: int = 0
    #: Its tables still in the database (after the app left INSTALLED_APPS).
    tables: list = field(default_factory=list)
    #: Installed apps whose migrations depend on it (``migrate <app> zero`` unapplies them).
    dependents: list = field(default_factory=list)
    #: Libraries of its extra that no other installed feature needs.
    libraries: list = field(default_factory=list)

    @property
    def empty(self):
        return not (
            self.pages or self.tasks or self.groups or self.content_types or self.permissions
        )


def find_feature(name):
    """The feature for ``events``, ``civic_wagtail.events`` or ``civic_wagtail_events``."""
    for feature in FEATURES:
        if name in (feature.extra, feature.name, feature.label):
            return feature
    return None


def _dependents(feature):
    """Installed apps with a migration that depends, directly or not, on one of ``feature``'s."""
    from django.db.migrations.loader import MigrationLoader

    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    own = [key for key in graph.nodes if key[0] == feature.label]
    labels = set()
    for key in own:
        for app_label, _name in graph.backwards_plan(key):
            if app_label != feature.label:
                labels.add(app_label)
    return sorted(labels)


def _role_groups(feature):
    from django.contrib.auth.models import Group

    names = [civic_settings.ROLE_GROUPS[role] for role in feature.roles]
    return list(Group.objects.filter(name__in=names).prefetch_related("permissions__content_type"))


def _only_ours(group, feature):
    """Whether ``group`` holds nothing but what the package grants its roles: this feature's
    permissions, admin access, and what other apps declare for the feature's roles (members
    lets mentoring coordinators view profiles). Anything else: a site's own group."""
    granted = {("wagtailadmin", "access_admin")}
    for config in apps.get_app_configs():
        declared = getattr(config, "civic_wagtail_role_permissions", None) or {}
        for role in feature.roles:
            granted.update((config.label, codename) for codename in declared.get(role, ()))
    return all(
        perm.content_type.app_label == feature.label
        or (perm.content_type.app_label, perm.codename) in granted
        for perm in group.permissions.all()
    )


def plan(feature):
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    installed = apps.is_installed(feature.name)
    result = Plan(feature=feature, installed=installed)
    types = ContentType.objects.filter(app_label=feature.label)
    result.content_types = sorted(f"{ct.app_label}.{ct.model}" for ct in types)
    result.permissions = Permission.objects.filter(content_type__app_label=feature.label).count()
    for group in _role_groups(feature):
        (result.groups if _only_ours(group, feature) else result.kept_groups).append(group.name)
    others = [f for f in FEATURES if f is not feature and apps.is_installed(f.name)]
    result.libraries = [
        module for module in feature.modules if not any(module in f.modules for f in others)
    ]
    if installed:
        from wagtail.models import Page, Task

        pages = Page.objects.filter(content_type__app_label=feature.label)
        for ct_id, count in _count_by(pages, "content_type"):
            result.pages[str(ContentType.objects.get_for_id(ct_id).name)] = count
        tops = _topmost(pages)
        result.sections = [page.url_path for page in tops]
        subtree = sum(page.get_descendants().count() for page in tops)
        result.other_pages = max(0, subtree + len(tops) - sum(result.pages.values()))
        result.tasks = [
            str(task) for task in Task.objects.filter(content_type__app_label=feature.label)
        ]
        result.dependents = [
            label
            for label in _dependents(feature)
            if any(config.label == label for config in apps.get_app_configs())
        ]
    else:
        prefix = feature.label + "_"
        result.tables = sorted(
            name for name in connection.introspection.table_names() if name.startswith(prefix)
        )
    return result


def _count_by(queryset, field_name):
    from django.db.models import Count

    return queryset.values_list(field_name).annotate(n=Count("pk")).order_by(field_name)


def _topmost(pages):
    """The pages of ``pages`` none of whose ancestors is in it (their subtrees hold the rest)."""
    chosen = []
    for page in pages.order_by("path"):
        if not any(page.path.startswith(top.path) for top in chosen):
            chosen.append(page)
    return chosen


@transaction.atomic
def remove(result):
    """Delete what :func:`plan` listed (pages and tasks only while the app is installed)."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    feature = result.feature
    if result.installed:
        from wagtail.models import Page, Task

        for page in _topmost(Page.objects.filter(content_type__app_label=feature.label)):
            page.delete()
        for task in Task.objects.filter(content_type__app_label=feature.label):
            task.workflow_tasks.all().delete()
            task.delete()
    Group.objects.filter(name__in=result.groups).delete()
    Permission.objects.filter(content_type__app_label=feature.label).delete()
    ContentType.objects.filter(app_label=feature.label).delete()
    ContentType.objects.clear_cache()


def next_steps(result, deleted=False):
    """The exact commands left, in order, for ``result``'s state (``deleted``: the command has
    just deleted what it listed)."""
    feature = result.feature
    command = f"python manage.py civic_wagtail_uninstall {feature.extra}"
    if result.installed:
        steps = [] if deleted else [f"{command} --yes   (deletes what is listed above)"]
        steps += [f"python manage.py migrate {label} zero" for label in result.dependents]
        steps += [
            f"python manage.py migrate {feature.label} zero",
            f"Remove '{feature.name}' from INSTALLED_APPS, with the settings and URL lines of "
            "its block in the installation guide (manage.py check names any left over: "
            "civic_wagtail.W004).",
            f"{command} --yes   (again: removes the content types, permissions and groups that "
            "migrate re-created)",
        ]
    elif result.tables:
        steps = [
            f"Put '{feature.name}' back in INSTALLED_APPS: its tables are still there "
            f"({', '.join(result.tables[:3])}...).",
            f"python manage.py migrate {feature.label} zero",
            f"Remove '{feature.name}' from INSTALLED_APPS again, then run {command} --yes.",
        ]
    else:
        steps = [] if result.empty or deleted else [f"{command} --yes"]
    if result.libraries and not result.tables:
        steps.append(
            f"Optionally uninstall the libraries only {feature.name} used "
            f"(import names: {', '.join(result.libraries)}), or install "
            f'"civic-wagtail[...]" without [{feature.extra}].'
        )
    return steps
