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


#: The flag that lets ``seed_demo`` run where :func:`preflight` objects.
NOT_PRODUCTION_FLAG = "--i-know-this-is-not-production"
#: What a fresh ``migrate`` gives the first django.contrib.sites record.
DEFAULT_DJANGO_SITE = ("example.com", "example.com")
#: The name ``seed_demo`` gives the django.contrib.sites record it writes: its own mark.
DEMO_DJANGO_SITE_NAME = "Civic demo"
#: What Wagtail's initial migration gives the default site.
DEFAULT_WAGTAIL_SITE = ("localhost", 80)


def is_demo_email(email):
    """True for the fictional addresses the seeders create (``max@city.example.gov``...).

    Every demo address has a domain label ``example`` (RFC 2606 reserves ``example.*``), which
    no real agency's address has.
    """
    domain = (email or "").rpartition("@")[2].lower()
    return "example" in domain.split(".")


def _civic_app_labels():
    from .features import FEATURES

    return ["civic_wagtail", "civic_wagtail_members", *(feature.label for feature in FEATURES)]


def preflight():
    """Why ``seed_demo`` should not run here: ``[]`` when it may.

    Demo seeding creates accounts that share a published password and content under the home
    page; on a real site that is a security hole. It refuses when ``DEBUG`` is off, or when the
    database holds people or pages the seeders did not create (an account without a demo
    address, a page under a home page that is not one of the package's types or that a real
    account owns), unless the command is given :data:`NOT_PRODUCTION_FLAG`.
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    problems = []
    if not settings.DEBUG:
        problems.append("DEBUG is off, as on a production site.")
    User = get_user_model()
    email_field = User.get_email_field_name()
    real_users = [
        email or "(no email)"
        for email in User.objects.values_list(email_field, flat=True).iterator()
        if not is_demo_email(email)
    ]
    if real_users:
        problems.append(
            f"the database has {len(real_users)} account(s) seed_demo did not create "
            f"({', '.join(sorted(real_users)[:3])}{', ...' if len(real_users) > 3 else ''})."
        )
    pages = Page.objects.filter(depth__gte=3)
    foreign_types = pages.exclude(content_type__app_label__in=_civic_app_labels()).count()
    owners = pages.filter(owner__isnull=False).values_list(f"owner__{email_field}", flat=True)
    owned = sum(1 for email in owners.iterator() if not is_demo_email(email))
    if foreign_types or owned:
        problems.append(
            f"the database has {foreign_types + owned} page(s) seed_demo did not create "
            "(pages of the site's own types, or pages real accounts own)."
        )
    return problems


def may_rewrite_django_site(site):
    """Whether ``seed_demo`` may change this django.contrib.sites record.

    Only the record it wrote itself (named :data:`DEMO_DJANGO_SITE_NAME`) or the untouched one
    a fresh ``migrate`` makes (``example.com``): a site's real record is never rewritten.
    """
    return site.name == DEMO_DJANGO_SITE_NAME or (site.domain, site.name) == DEFAULT_DJANGO_SITE


def may_rewrite_wagtail_site(site, demo_site_name=None):
    """Whether ``seed_demo`` may change this Wagtail ``Site``'s host name and port.

    Only the untouched default of Wagtail's initial migration (``localhost:80``) or a site the
    seeders set up themselves (``site_name == demo_site_name``).
    """
    if demo_site_name is not None and site.site_name == demo_site_name:
        return True
    return (site.hostname, site.port) == DEFAULT_WAGTAIL_SITE
