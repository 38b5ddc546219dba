# ruff: noqa: E501  (demo texts and their translations read best one per line)
"""Demo project trackers: /projects/ with projects of three organisations, each with a
budget, milestones and twelve months of indicator data, and an API token to try the ingest
API with (``DEMO_TOKEN``, documented in docs/how-to/transparency-projects.md)."""

import datetime
from decimal import Decimal

from civic_wagtail.seeding import Seeder, get_or_create_child

from ..models import (
    ApiToken,
    Measurement,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
    Spending,
)
from .bulk import build_project, bulk_add_projects, monthly_series

#: The demo organisation's API token. It is public on purpose: demo sites only.
DEMO_TOKEN = "cwt_demo-springfield-transit-token"  # noqa: S105 (public on purpose)

ORGANISATIONS = [
    ("Springfield City Council", "springfield-city"),
    ("Springfield Transit Authority", "springfield-transit"),
    ("Riverside County", "riverside-county"),
]

#: Which organisation (by slug) runs which project; the demo token is the transit authority's.
RUN_BY = {
    "Bus priority lanes": "springfield-transit",
    "Night bus service": "springfield-transit",
    "Cycle network": "springfield-transit",
    "Street lighting retrofit": "riverside-county",
    "Flood defences on the river": "riverside-county",
    "Housing first": "riverside-county",
    "Water leak reduction": "riverside-county",
}

#: (title, summary, place, currency, funding source, indicator, unit, first, monthly step)
PROJECTS = [
    (
        "Bus priority lanes",
        "Twelve kilometres of bus lanes on the busiest corridors.",
        "Springfield",
        "EUR",
        "Municipal budget",
        "bus-punctuality",
        "%",
        78,
        1.2,
    ),
    (
        "School meals from local farms",
        "Every school canteen buys half its food locally.",
        "Springfield",
        "EUR",
        "Regional grant",
        "local-food-share",
        "%",
        20,
        2.5,
    ),
    (
        "Street lighting retrofit",
        "LED lamps and dimming on 8,000 street lights.",
        "Riverside",
        "EUR",
        "Climate fund",
        "energy-use",
        "MWh",
        410,
        -9,
    ),
    (
        "Digital permits",
        "Building permits applied for and tracked online.",
        "Springfield",
        "EUR",
        "Municipal budget",
        "permit-processing-time",
        "days",
        64,
        -2.4,
    ),
    (
        "Flood defences on the river",
        "Raised banks and two retention basins.",
        "Riverside",
        "USD",
        "National infrastructure fund",
        "homes-protected",
        "homes",
        0,
        95,
    ),
    (
        "Participatory budget 2026",
        "Residents choose how two million euros are spent.",
        "Springfield",
        "EUR",
        "Municipal budget",
        "votes-cast",
        "votes",
        300,
        420,
    ),
    (
        "Cycle network",
        "Forty kilometres of protected cycle lanes.",
        "Springfield",
        "EUR",
        "National mobility plan",
        "cycle-trips",
        "trips/day",
        2100,
        130,
    ),
    (
        "Housing first",
        "Homes with support for people sleeping rough.",
        "Riverside",
        "USD",
        "County and federal funds",
        "people-housed",
        "people",
        4,
        3,
    ),
    (
        "Water leak reduction",
        "Sensors and repairs on the old water mains.",
        "Riverside",
        "USD",
        "Water utility",
        "water-lost",
        "%",
        31,
        -0.8,
    ),
    (
        "Night bus service",
        "Night buses on six lines every day of the week.",
        "Springfield",
        "EUR",
        "Transit fares",
        "night-ridership",
        "trips/night",
        900,
        60,
    ),
]

#: French and Spanish versions of the demo texts, read by seed_demo's translation step.
TRANSLATIONS = {
    "fr": {
        "Springfield": "Springfield",
        "Projects": "Projets",
        "Where public money goes, what it is building and what it changes, with open data.": "Où va l’argent public, ce qu’il construit et ce qu’il change, en données ouvertes.",
        "Design": "Conception",
        "Procurement": "Passation des marchés",
        "Works": "Travaux",
        "Evaluation": "Évaluation",
        "Bus priority lanes": "Couloirs de bus prioritaires",
        "Twelve kilometres of bus lanes on the busiest corridors.": "Douze kilomètres de couloirs de bus sur les axes les plus fréquentés.",
        "School meals from local farms": "Repas scolaires issus de fermes locales",
        "Every school canteen buys half its food locally.": "Chaque cantine scolaire achète la moitié de ses denrées localement.",
        "Street lighting retrofit": "Rénovation de l’éclairage public",
        "LED lamps and dimming on 8,000 street lights.": "Lampes LED et variation d’intensité sur 8 000 lampadaires.",
        "Digital permits": "Permis en ligne",
        "Building permits applied for and tracked online.": "Demande et suivi des permis de construire en ligne.",
        "Flood defences on the river": "Protection contre les crues de la rivière",
        "Raised banks and two retention basins.": "Berges rehaussées et deux bassins de rétention.",
        "Participatory budget 2026": "Budget participatif 2026",
        "Residents choose how two million euros are spent.": "Les habitants choisissent comment dépenser deux millions d’euros.",
        "Cycle network": "Réseau cyclable",
        "Forty kilometres of protected cycle lanes.": "Quarante kilomètres de pistes cyclables protégées.",
        "Housing first": "Logement d’abord",
        "Homes with support for people sleeping rough.": "Des logements accompagnés pour les personnes sans abri.",
        "Water leak reduction": "Réduction des fuites d’eau",
        "Sensors and repairs on the old water mains.": "Capteurs et réparations sur les anciennes canalisations.",
        "Night bus service": "Service de bus de nuit",
        "Night buses on six lines every day of the week.": "Des bus de nuit sur six lignes tous les jours de la semaine.",
        "Municipal budget": "Budget municipal",
        "Regional grant": "Subvention régionale",
        "Climate fund": "Fonds climat",
        "National infrastructure fund": "Fonds national pour les infrastructures",
        "National mobility plan": "Plan national de mobilité",
        "County and federal funds": "Fonds du comté et fonds fédéraux",
        "Water utility": "Service des eaux",
        "Transit fares": "Recettes des transports",
    },
    "es": {
        "Springfield": "Springfield",
        "Projects": "Proyectos",
        "Where public money goes, what it is building and what it changes, with open data.": "A dónde va el dinero público, qué construye y qué cambia, con datos abiertos.",
        "Design": "Diseño",
        "Procurement": "Contratación",
        "Works": "Obras",
        "Evaluation": "Evaluación",
        "Bus priority lanes": "Carriles prioritarios para autobuses",
        "Twelve kilometres of bus lanes on the busiest corridors.": "Doce kilómetros de carriles bus en los corredores más transitados.",
        "School meals from local farms": "Comedores escolares con productos locales",
        "Every school canteen buys half its food locally.": "Cada comedor escolar compra la mitad de sus alimentos a productores locales.",
        "Street lighting retrofit": "Renovación del alumbrado público",
        "LED lamps and dimming on 8,000 street lights.": "Lámparas LED y regulación en 8.000 farolas.",
        "Digital permits": "Licencias en línea",
        "Building permits applied for and tracked online.": "Licencias de obra solicitadas y seguidas en línea.",
        "Flood defences on the river": "Defensas contra inundaciones en el río",
        "Raised banks and two retention basins.": "Márgenes elevados y dos balsas de retención.",
        "Participatory budget 2026": "Presupuesto participativo 2026",
        "Residents choose how two million euros are spent.": "Los vecinos deciden cómo se gastan dos millones de euros.",
        "Cycle network": "Red ciclista",
        "Forty kilometres of protected cycle lanes.": "Cuarenta kilómetros de carriles bici protegidos.",
        "Housing first": "Vivienda primero",
        "Homes with support for people sleeping rough.": "Viviendas con apoyo para personas sin hogar.",
        "Water leak reduction": "Reducción de fugas de agua",
        "Sensors and repairs on the old water mains.": "Sensores y reparaciones en las tuberías antiguas.",
        "Night bus service": "Servicio de autobús nocturno",
        "Night buses on six lines every day of the week.": "Autobuses nocturnos en seis líneas todos los días de la semana.",
        "Municipal budget": "Presupuesto municipal",
        "Regional grant": "Subvención regional",
        "Climate fund": "Fondo climático",
        "National infrastructure fund": "Fondo nacional de infraestructuras",
        "National mobility plan": "Plan nacional de movilidad",
        "County and federal funds": "Fondos del condado y federales",
        "Water utility": "Empresa de aguas",
        "Transit fares": "Ingresos por billetes",
    },
}


def quarterly_spending(page, start):
    """Four quarterly spending records growing to the page's own committed and spent totals
    (so the newest record and the page agree)."""
    records = []
    for quarter in range(1, 5):
        day = start + datetime.timedelta(days=91 * quarter - 1)
        share = Decimal(quarter) / 4
        records.append(
            Spending(
                project=page,
                date=day,
                committed=(page.budget_committed * share).quantize(Decimal("0.01")),
                spent=(page.budget_spent * share).quantize(Decimal("0.01")),
                note=f"Quarter {quarter} accounts",
            )
        )
    return records


def _practices():
    """Live library practices to adopt, when the library is installed (no import of it)."""
    from django.apps import apps

    if not apps.is_installed("civic_wagtail.library"):
        return []
    model = apps.get_model("civic_wagtail_library", "BestPracticePage")
    return list(model.objects.live().order_by("pk")[:5])


class ProjectsSeeder(Seeder):
    order = 70
    name = "projects"

    def add_arguments(self, parser):
        parser.add_argument(
            "--projects",
            type=int,
            default=10,
            help="Number of demo projects with budgets, milestones and indicators (default 10).",
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        index, _created = get_or_create_child(
            home,
            ProjectIndexPage,
            "projects",
            title="Projects",
            show_in_menus=True,
            intro="Where public money goes, what it is building and what it changes, with open data.",
        )
        organisations = []
        for name, slug in ORGANISATIONS:
            organisation, _created = Organisation.objects.get_or_create(
                slug=slug, defaults={"name": name}
            )
            organisations.append(organisation)
        by_slug = {organisation.slug: organisation for organisation in organisations}
        if not ApiToken.authenticate(DEMO_TOKEN):
            ApiToken.issue(by_slug["springfield-transit"], "Demo token (public)", raw=DEMO_TOKEN)
        existing = set(ProjectPage.objects.child_of(index).values_list("slug", flat=True))
        wanted = ctx.options.get("projects") or 0
        topics = ctx.shared.get("topics", [])
        practices = _practices()
        pages = []
        for n in range(wanted):
            (title, summary, place, currency, funding, *_rest) = PROJECTS[n % len(PROJECTS)]
            slug = f"project-{n + 1}"
            if slug in existing:
                continue
            round_ = n // len(PROJECTS)
            page = build_project(
                index,
                n + 1,
                by_slug[RUN_BY.get(title, "springfield-city")],
                ctx.rng,
                currency=currency,
                topics=ctx.rng.sample(topics, min(2, len(topics))),
                title=title if not round_ else f"{title} ({round_ + 1})",
                slug=slug,
                summary=summary,
                place=place,
                funding_source=funding,
                practice=practices[n % len(practices)] if practices and n % 2 == 0 else None,
            )
            pages.append((n, page))
        bulk_add_projects(index, [page for _n, page in pages])
        start = datetime.date.today().replace(day=1) - datetime.timedelta(days=335)
        rows = []
        for n, page in pages:
            *_head, indicator, unit, first, step = PROJECTS[n % len(PROJECTS)]
            rows += monthly_series(
                page,
                indicator,
                start.replace(day=1),
                12,
                Decimal(first),
                Decimal(str(step)),
                ctx.rng,
                unit=unit,
                source=f"{page.organisation.name} open data",
            )
        Measurement.objects.bulk_create(rows, ignore_conflicts=True)
        Spending.objects.bulk_create(
            [row for _n, page in pages for row in quarterly_spending(page, start)],
            ignore_conflicts=True,
        )
        ctx.shared["projects_index"] = index
        ctx.shared.setdefault("summary", []).append(
            f"Projects: /projects/ (data package /transparency/projects/datapackage.json; "
            f"API token of Springfield Transit Authority: {DEMO_TOKEN})"
        )
