from django.core.management.base import BaseCommand, CommandError

from civic_wagtail.features import FEATURES
from civic_wagtail.uninstall import find_feature, next_steps, plan, remove


class Command(BaseCommand):
    help = (
        "Take one feature app out of the site: list (or, with --yes, delete) its pages, "
        "workflow tasks, role groups, permissions and content types, and print the exact "
        "migrate ... zero order. See docs/how-to/uninstall.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "feature",
            help="The feature: " + ", ".join(f.extra for f in FEATURES) + " (or its app name).",
        )
        parser.add_argument("--yes", action="store_true", help="Delete what is listed.")

    def handle(self, feature, yes=False, **options):
        found = find_feature(feature)
        if found is None:
            raise CommandError(
                f"{feature!r} is not a civic_wagtail feature app; choose one of "
                + ", ".join(f.extra for f in FEATURES)
                + " (the core and civic_wagtail.members cannot be removed on their own)."
            )
        result = plan(found)
        state = "installed" if result.installed else "not in INSTALLED_APPS"
        self.stdout.write(self.style.MIGRATE_HEADING(f"{found.name} ({state})"))
        for line in self.describe(result):
            self.stdout.write(f"  {line}")
        if result.dependents:
            self.stdout.write(
                self.style.WARNING(
                    "  These apps' migrations depend on it: migrating it to zero unapplies "
                    "them too: " + ", ".join(result.dependents)
                )
            )
        deleted = yes and not result.empty
        if deleted:
            remove(result)
            self.stdout.write(self.style.SUCCESS("Deleted."))
            result = plan(found)
        self.stdout.write(self.style.MIGRATE_HEADING("Next steps"))
        steps = next_steps(result, deleted=deleted)
        if not steps:
            self.stdout.write(f"  None: {found.name} is gone.")
        for number, step in enumerate(steps, 1):
            self.stdout.write(f"  {number}. {step}")

    def describe(self, result):
        if result.pages:
            counts = ", ".join(f"{count} {name}" for name, count in result.pages.items())
            yield f"pages: {counts}"
            yield "sections: " + ", ".join(result.sections)
            if result.other_pages:
                yield f"other pages under those sections (deleted with them): {result.other_pages}"
        for label, items in [
            ("workflow tasks", result.tasks),
            ("groups", result.groups),
            ("content types", result.content_types),
            ("tables still in the database", result.tables),
        ]:
            if items:
                yield f"{label} ({len(items)}): {', '.join(items)}"
        if result.permissions:
            yield f"permissions: {result.permissions}"
        for name in result.kept_groups:
            yield f"group kept (it holds other permissions too): {name}"
        if result.empty and not result.tables:
            yield "nothing left in the database"
