import random
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from civic_wagtail.seeding import NOT_PRODUCTION_FLAG, SeedContext, preflight


def collect_seeders():
    seeders = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is None:
            continue
        seeders.extend(cls() for cls in getattr(import_module(module_name), "SEEDERS", []))
    return sorted(seeders, key=lambda seeder: (seeder.order, seeder.name))


class Command(BaseCommand):
    help = (
        "Fill the site with realistic, deterministic demo content. Safe to run again: "
        "existing demo content is kept, missing content is added."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")
        parser.add_argument(
            NOT_PRODUCTION_FLAG,
            action="store_true",
            dest="not_production",
            help="Seed even though DEBUG is off or the database has accounts or pages the demo "
            "did not create. Demo accounts share a published password: never on a live site.",
        )
        for seeder in collect_seeders():
            seeder.add_arguments(parser)

    def handle(self, *args, **options):
        problems = preflight()
        if problems and not options["not_production"]:
            raise CommandError(
                "seed_demo creates accounts that share a published password; it refuses to run "
                "here because "
                + " ".join(problems)
                + f" Use a development database, or pass {NOT_PRODUCTION_FLAG} if you are sure."
            )
        ctx = SeedContext(options=options, stdout=self.stdout, rng=random.Random(options["seed"]))
        for seeder in collect_seeders():
            # Each seeder draws from its own stream: what one seeder draws (more on a first run,
            # less when content exists) never changes what the next one creates.
            ctx.rng = random.Random(f"{options['seed']}:{seeder.name}")
            self.stdout.write(self.style.MIGRATE_HEADING(f"Seeding {seeder.name}"))
            with transaction.atomic():
                seeder.seed(ctx)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        for line in ctx.shared.get("summary", []):
            self.stdout.write(line)
