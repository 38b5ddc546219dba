"""The demo-content framework behind ``manage.py seed_demo``.

Each installed app may provide a ``demo`` module with ``SEEDERS = [SomeSeeder, ...]``. The
command runs every seeder in ``order``; a seeder adds its own command-line flags
(``--practices N``) and creates its content idempotently: running the command twice leaves
the same content, and the same flags always produce the same content (seeded RNG).
"""

import random
from dataclasses import dataclass, field

from django.core.management.base import OutputWrapper
from tqdm import tqdm


class Seeder:
    """Base class of an app's demo seeder."""

    #: Lower runs first. Core 10, site home 20, features 30-90.
    order = 100
    #: Short name shown in the command's output.
    name = ""

    def add_arguments(self, parser):
        """Add flags such as ``--events N`` to the ``seed_demo`` parser."""

    def seed(self, ctx):
        """Create (or update) this app's demo content."""
        raise NotImplementedError


@dataclass
class SeedContext:
    """What seeders share: options, a seeded RNG, a progress bar and each other's results."""

    options: dict
    stdout: OutputWrapper
    rng: random.Random
    #: Filled by seeders for those that run later: ``ctx.shared["home"]``,
    #: ``ctx.shared["users"]["reviewers"]``...
    shared: dict = field(default_factory=dict)

    def progress(self, iterable, desc, total=None):
        disable = self.options.get("no_progress", False)
        return tqdm(iterable, desc=desc, total=total, disable=disable, unit="item", leave=True)

    def log(self, message):
        self.stdout.write(message)


def get_or_create_child(parent, model, slug, **fields):
    """The child page of ``parent`` with ``slug``, created (and published) if missing.

    Existing pages are left as they are, which keeps the seeders idempotent and never
    overwrites what someone changed in the admin.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
