"""Demo content of the core app: taxonomy, locales, the Django Site and people in every role."""

import os
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from wagtail.models import Collection, Locale, Site

from . import roles
from .features import role_in_use
from .locale_seeding import LocaleSeeder
from .models import GovernmentLevel, OrganisationType, Region, Topic
from .seeding import (
    DEMO_DJANGO_SITE_NAME,
    Seeder,
    may_rewrite_django_site,
    may_rewrite_wagtail_site,
)

TOPICS = [
    ("permits", "Permits and licensing", "Building, business and event permits; inspections."),
    ("waste-management", "Waste management", "Collection, recycling, circular economy."),
    ("emergency-services", "Emergency services", "Dispatch, fire, ambulance, preparedness."),
    ("public-health", "Public health", "Prevention, vaccination, health campaigns."),
    ("digital-services", "Digital services", "Online services, data, service design."),
    ("budget", "Budget and finance", "Participatory budgeting, procurement, audit."),
    ("transport", "Transport and mobility", "Public transit, road safety, active travel."),
    ("housing", "Housing", "Affordable housing, homelessness, planning."),
]
LEVELS = [
    ("municipal", "Municipal", 10),
    ("county-regional", "County / regional", 20),
    ("state-provincial", "State / provincial", 30),
    ("national", "National", 40),
    ("international", "International", 50),
]
REGIONS = [
    ("north-america", "North America", None),
    ("united-states", "United States", "north-america"),
    ("canada", "Canada", "north-america"),
    ("europe", "Europe", None),
    ("united-kingdom", "United Kingdom", "europe"),
    ("france", "France", "europe"),
    ("germany", "Germany", "europe"),
    ("oceania", "Oceania", None),
    ("australia", "Australia", "oceania"),
    ("new-zealand", "New Zealand", "oceania"),
    ("latin-america", "Latin America", None),
    ("mexico", "Mexico", "latin-america"),
]
ORGANISATION_TYPES = [
    ("city-council", "City or town council"),
    ("county-government", "County or regional government"),
    ("state-agency", "State or provincial agency"),
    ("national-ministry", "National ministry or department"),
    ("health-agency", "Public health agency"),
    ("utility", "Public utility"),
    ("emergency-service", "Emergency service"),
]

#: (username, display name, email, roles, superuser). Password: see DEMO_PASSWORD.
PEOPLE = [
    ("admin", "Ada Admin", "admin@example.gov", ["editors"], True),
    ("editor", "Eli Editor", "editor@city.example.gov", ["members", "editors"], False),
    ("reviewer1", "Rosa Reviewer", "rosa@health.example.gov", ["members", "reviewers"], False),
    ("reviewer2", "Ravi Reviewer", "ravi@state.example.gov", ["members", "reviewers"], False),
    ("reviewer3", "Rhea Reviewer", "rhea@county.example.gov", ["members", "reviewers"], False),
    ("moderator", "Mo Moderator", "mo@city.example.gov", ["members", "moderators"], False),
    (
        "coordinator",
        "Cleo Coordinator",
        "cleo@state.example.gov",
        ["members", "mentoring_coordinators"],
        False,
    ),
    ("member", "Max Member", "max@city.example.gov", ["members"], False),
    ("pending", "Pat Pending", "pat@consultancy.example.com", ["members"], False),
]
DEMO_PASSWORD = "civic-demo"  # noqa: S105 (printed by make demo; demo data only)


def _term(model, slug, locale, **fields):
    term, _ = model.objects.update_or_create(slug=slug, locale=locale, defaults=fields)
    return term


class CoreSeeder(Seeder):
    order = 10
    name = "taxonomy and people"

    def seed(self, ctx):
        # Locales first: a database flushed after migrate (transactional tests) has none.
        codes = [settings.LANGUAGE_CODE] + [
            code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])
        ]
        for code in codes:
            Locale.objects.get_or_create(language_code=code)
        locale = Locale.get_default()
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        ctx.shared["topics"] = [
            _term(Topic, slug, locale, name=name, description=description)
            for slug, name, description in TOPICS
        ]
        ctx.shared["levels"] = [
            _term(GovernmentLevel, slug, locale, name=name, sort_order=order)
            for slug, name, order in LEVELS
        ]
        regions = {}
        for slug, name, parent in REGIONS:
            regions[slug] = _term(Region, slug, locale, name=name, parent=regions.get(parent))
        ctx.shared["regions"] = list(regions.values())
        ctx.shared["organisation_types"] = [
            _term(OrganisationType, slug, locale, name=name) for slug, name in ORGANISATION_TYPES
        ]
        # Feature seeders put their sections under ctx.shared["home"]: the default site's root
        # page, unless a site's own seeder (the demo's home app) replaces it.
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None:
            ctx.shared["home"] = site.root_page.specific
        ctx.shared["users"] = self.seed_people(ctx)
        ctx.shared.setdefault("summary", []).extend(self.logins(ctx))

    def logins(self, ctx):
        """Only the accounts whose password is the demo password: those seed_demo created."""
        usable = ctx.shared["demo_logins"]
        if not usable:
            return ["No demo logins: every demo account existed with its own password."]
        admin = next((email for username, email in usable if username == "admin"), None)
        lines = []
        if admin:
            served = ctx.options.get("site_url") or DEMO_SITE_URL
            lines.append(f"Log in at {served}/admin/ as {admin} / {DEMO_PASSWORD}")
        others = [email for username, email in usable if username != "admin"]
        if others:
            lines.append(f"Other demo accounts (password {DEMO_PASSWORD}): " + ", ".join(others))
        return lines

    def seed_people(self, ctx):
        from allauth.account.models import EmailAddress

        from civic_wagtail.members.models import get_profile
        from civic_wagtail.members.verification import verify_by_email

        User = get_user_model()
        by_role = {role: [] for role in roles.civic_settings.ROLE_GROUPS}
        ctx.shared["demo_logins"] = logins = []
        for username, display_name, email, role_names, superuser in PEOPLE:
            # Found by its demo address: an account of the site's own that happens to be
            # called "admin" is never touched (nor given the demo's address or password).
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                taken = User.objects.filter(username=username).exists()
                user = User(
                    username=f"{username}-demo" if taken else username,
                    email=email,
                    is_superuser=superuser,
                )
                user.is_staff = superuser
                user.set_password(DEMO_PASSWORD)
                user.save()
                logins.append((username, email))
            elif user.check_password(DEMO_PASSWORD):
                logins.append((username, email))
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            profile = get_profile(user)
            profile.display_name = display_name
            profile.organisation = email.split("@")[1].split(".")[0].title() + " office"
            profile.save()
            verify_by_email(user, email)
            profile.topics.set(ctx.rng.sample(ctx.shared["topics"], 2))
            for role in role_names:
                # The Members group follows verification; a feature's own role (reviewers,
                # mentoring coordinators) only exists while that feature is installed.
                if role != roles.MEMBERS and role_in_use(role):
                    user.groups.add(roles.get_group(role))
                by_role[role].append(user)
        return by_role


#: Where ``make demo`` serves the site unless told otherwise (``--site-url`` or the
#: ``CIVIC_DEMO_SITE_URL`` environment variable, which the Makefile also gives runserver).
DEMO_SITE_URL = "http://127.0.0.1:8000"


def point_sites_at(url, name="Civic Exchange"):
    """Make the default Wagtail ``Site`` and the ``django.contrib.sites`` record (which
    allauth and comments-xtd build links from) answer at ``url`` (``http://host:port``).

    Every absolute URL of the package (feeds, API, CSV export, emails) comes from these, so
    the demo's links lead to the address it is served on. A site's own records are never
    rewritten: only those the demo set up or the untouched defaults of a fresh ``migrate``
    (:func:`~civic_wagtail.seeding.may_rewrite_wagtail_site`, ``may_rewrite_django_site``).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"--site-url {url!r}: give an address such as http://127.0.0.1:8000")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if (
        site is not None
        and (site.hostname, site.port) != (parts.hostname, port)
        and may_rewrite_wagtail_site(site, demo_site_name=name)
    ):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    if not apps.is_installed("django.contrib.sites"):
        return
    from django.contrib.sites.models import Site as DjangoSite

    record = DjangoSite.objects.filter(pk=getattr(settings, "SITE_ID", 1)).first()
    if record is None:
        record = DjangoSite(pk=getattr(settings, "SITE_ID", 1))
    elif not may_rewrite_django_site(record):
        return
    record.domain, record.name = parts.netloc, DEMO_DJANGO_SITE_NAME
    record.save()


class SiteAddressSeeder(Seeder):
    """Points the demo's sites at the address it is served on, right after the home page
    (which creates the Wagtail ``Site`` on an empty database) and before any feature seeder
    stores an absolute URL (events render their feed blocks when published)."""

    order = 25
    name = "site address"

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=os.environ.get("CIVIC_DEMO_SITE_URL") or DEMO_SITE_URL,
            help="Address the demo is served on (default $CIVIC_DEMO_SITE_URL or "
            f"{DEMO_SITE_URL}): the Wagtail Site and django.contrib.sites are set to it.",
        )

    def seed(self, ctx):
        point_sites_at(ctx.options.get("site_url") or DEMO_SITE_URL)


SEEDERS = [CoreSeeder, SiteAddressSeeder, LocaleSeeder]


#: The taxonomy in French and Spanish, for the locale seeder (:mod:`civic_wagtail.locale_seeding`).
TRANSLATIONS = {
    "fr": {
        "Permits and licensing": "Permis et autorisations",
        "Building, business and event permits; inspections.":
            "Permis de construire, d'exploitation et d'événements ; inspections.",
        "Waste management": "Gestion des déchets",
        "Collection, recycling, circular economy.": "Collecte, recyclage, économie circulaire.",
        "Emergency services": "Services d'urgence",
        "Dispatch, fire, ambulance, preparedness.":
            "Régulation des appels, incendie, ambulances, préparation aux crises.",
        "Public health": "Santé publique",
        "Prevention, vaccination, health campaigns.":
            "Prévention, vaccination, campagnes de santé.",
        "Digital services": "Services numériques",
        "Online services, data, service design.":
            "Services en ligne, données, conception de services.",
        "Budget and finance": "Budget et finances",
        "Participatory budgeting, procurement, audit.":
            "Budget participatif, achats publics, audit.",
        "Transport and mobility": "Transports et mobilité",
        "Public transit, road safety, active travel.":
            "Transports en commun, sécurité routière, mobilités actives.",
        "Housing": "Logement",
        "Affordable housing, homelessness, planning.":
            "Logement abordable, sans-abrisme, urbanisme.",
        "Municipal": "Municipal",
        "County / regional": "Départemental / régional",
        "State / provincial": "État fédéré / provincial",
        "National": "National",
        "International": "International",
        "North America": "Amérique du Nord",
        "United States": "États-Unis",
        "Canada": "Canada",
        "Europe": "Europe",
        "United Kingdom": "Royaume-Uni",
        "France": "France",
        "Germany": "Allemagne",
        "Oceania": "Océanie",
        "Australia": "Australie",
        "New Zealand": "Nouvelle-Zélande",
        "Latin America": "Amérique latine",
        "Mexico": "Mexique",
        "City or town council": "Conseil municipal",
        "County or regional government": "Collectivité départementale ou régionale",
        "State or provincial agency": "Agence d'un État fédéré ou d'une province",
        "National ministry or department": "Ministère ou administration nationale",
        "Public health agency": "Agence de santé publique",
        "Public utility": "Service public de réseau",
        "Emergency service": "Service d'urgence",
    },
    "es": {
        "Permits and licensing": "Permisos y licencias",
        "Building, business and event permits; inspections.":
            "Permisos de obra, de actividad y de eventos; inspecciones.",
        "Waste management": "Gestión de residuos",
        "Collection, recycling, circular economy.": "Recogida, reciclaje, economía circular.",
        "Emergency services": "Servicios de emergencia",
        "Dispatch, fire, ambulance, preparedness.":
            "Coordinación de llamadas, bomberos, ambulancias, preparación.",
        "Public health": "Salud pública",
        "Prevention, vaccination, health campaigns.":
            "Prevención, vacunación, campañas de salud.",
        "Digital services": "Servicios digitales",
        "Online services, data, service design.":
            "Servicios en línea, datos, diseño de servicios.",
        "Budget and finance": "Presupuesto y finanzas",
        "Participatory budgeting, procurement, audit.":
            "Presupuestos participativos, contratación pública, auditoría.",
        "Transport and mobility": "Transporte y movilidad",
        "Public transit, road safety, active travel.":
            "Transporte público, seguridad vial, movilidad activa.",
        "Housing": "Vivienda",
        "Affordable housing, homelessness, planning.":
            "Vivienda asequible, personas sin hogar, urbanismo.",
        "Municipal": "Municipal",
        "County / regional": "Provincial / regional",
        "State / provincial": "Estatal / provincial",
        "National": "Nacional",
        "International": "Internacional",
        "North America": "América del Norte",
        "United States": "Estados Unidos",
        "Canada": "Canadá",
        "Europe": "Europa",
        "United Kingdom": "Reino Unido",
        "France": "Francia",
        "Germany": "Alemania",
        "Oceania": "Oceanía",
        "Australia": "Australia",
        "New Zealand": "Nueva Zelanda",
        "Latin America": "América Latina",
        "Mexico": "México",
        "City or town council": "Ayuntamiento",
        "County or regional government": "Gobierno provincial o regional",
        "State or provincial agency": "Agencia estatal o provincial",
        "National ministry or department": "Ministerio o departamento nacional",
        "Public health agency": "Agencia de salud pública",
        "Public utility": "Empresa de servicios públicos",
        "Emergency service": "Servicio de emergencias",
    },
}
