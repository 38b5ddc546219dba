"""Demo policy updates: /policy/ with 8 policies across every stage, each with a dated change
log, topics, a level of government and related consultations and practices."""

from datetime import date, timedelta

from civic_wagtail import mail
from civic_wagtail.seeding import Seeder, get_or_create_child

from .models import PolicyChange, PolicyIndexPage, PolicyStage, PolicyUpdatePage

INDEX_TITLE = "Policy updates"
INDEX_INTRO = (
    "Where each policy stands, who is responsible and what changed. Follow a topic or a "
    "policy by email or in a feed reader."
)
INDEX_DESCRIPTION = "Live updates on policy developments, with email alerts and feeds."

#: (slug, title, summary, stage, organisation, level, topics, [(days ago, change)], effective
#: date in days from today or None)
POLICIES = [
    (
        "same-day-permits",
        "Same-day permits for small works",
        "Small building works get a permit decision within one working day.",
        PolicyStage.PROPOSED,
        "City of Lyon",
        "municipal",
        ["permits"],
        [(40, "Proposal published for comment."), (12, "Impact assessment added.")],
        None,
    ),
    (
        "protected-cycle-lanes",
        "Protected cycle lanes on main roads",
        "Every main road gets a cycle lane separated from traffic by 2030.",
        PolicyStage.CONSULTATION,
        "Metropolitan transport authority",
        "county-regional",
        ["transport"],
        [(30, "Draft strategy published."), (5, "Public consultation opened.")],
        None,
    ),
    (
        "food-waste-collection",
        "Weekly food waste collection",
        "Households receive a separate weekly collection of food waste.",
        PolicyStage.ADOPTED,
        "City of Lyon",
        "municipal",
        ["waste-management"],
        [(120, "Proposal published."), (60, "Consultation closed."), (20, "Adopted by council.")],
        60,
    ),
    (
        "open-contracting",
        "Open contracting for public purchases",
        "Every public contract above 25,000 euros is published with its bids and changes.",
        PolicyStage.IN_FORCE,
        "Ministry of Finance",
        "national",
        ["budget", "digital-services"],
        [(400, "Adopted by parliament."), (300, "In force."), (30, "First yearly report.")],
        -300,
    ),
    (
        "heat-action-plan",
        "Heat action plan",
        "Cooling centres, alerts and checks on vulnerable residents during heatwaves.",
        PolicyStage.IN_FORCE,
        "Regional health agency",
        "county-regional",
        ["public-health", "emergency-services"],
        [(200, "Plan adopted."), (150, "In force."), (10, "Cooling centre list updated.")],
        -150,
    ),
    (
        "digital-by-default",
        "Digital by default, with help at the counter",
        "Every service can be used online, and in person with help for those who need it.",
        PolicyStage.ADOPTED,
        "Ministry of Public Service",
        "national",
        ["digital-services"],
        [(90, "White paper published."), (15, "Adopted by the cabinet.")],
        90,
    ),
    (
        "housing-first",
        "Housing First for rough sleepers",
        "Rough sleepers are offered a stable home first, with support that follows them.",
        PolicyStage.PROPOSED,
        "City of Lyon",
        "municipal",
        ["housing"],
        [(8, "Proposal published.")],
        None,
    ),
    (
        "congestion-charge",
        "Congestion charge in the city centre",
        "A daily charge for cars entering the centre, withdrawn after the consultation.",
        PolicyStage.WITHDRAWN,
        "Metropolitan transport authority",
        "county-regional",
        ["transport", "budget"],
        [(180, "Proposal published."), (90, "Consultation closed."), (45, "Withdrawn.")],
        None,
    ),
]


class PolicySeeder(Seeder):
    order = 85
    name = "policy updates"

    def seed(self, ctx):
        home = ctx.shared["home"]
        index, _ = get_or_create_child(
            home,
            PolicyIndexPage,
            "policy",
            title=INDEX_TITLE,
            show_in_menus=True,
            intro=INDEX_INTRO,
            search_description=INDEX_DESCRIPTION,
        )
        topics = {t.slug: t for t in ctx.shared.get("topics", [])}
        levels = {t.slug: t for t in ctx.shared.get("levels", [])}
        existing = set(index.get_children().values_list("slug", flat=True))
        today = date.today()
        related = ctx.shared.get("consultations", {})
        practices = ctx.shared.get("practices", [])
        with mail.muted():
            for n, row in enumerate(POLICIES):
                slug, title, summary, stage, org, level, slugs, changes, effective = row
                if slug in existing:
                    continue
                page = PolicyUpdatePage(
                    title=title,
                    slug=slug,
                    summary=summary,
                    stage=stage,
                    responsible_organisation=org,
                    government_level=levels.get(level),
                    effective_date=(
                        today + timedelta(days=effective) if effective is not None else None
                    ),
                )
                for days, text in changes:
                    page.changes.add(PolicyChange(date=today - timedelta(days=days), summary=text))
                for target in (related.get(slug), practices[n] if n < len(practices) else None):
                    if target is not None:
                        page.related_links.add(page.related_links.model(related=target))
                index.add_child(instance=page)
                page.topics.set([topics[s] for s in slugs if s in topics])
                page.save_revision().publish()
        ctx.shared["policy_index"] = index
        ctx.shared.setdefault("summary", []).append(
            "Policy updates: /policy/ (Atom feed /transparency/policy/feed.atom)"
        )


TRANSLATIONS = {
    "fr": {
        INDEX_TITLE: "Évolutions des politiques publiques",
        INDEX_INTRO: (
            "Où en est chaque politique, qui en est responsable et ce qui a changé. Suivez un "
            "thème ou une politique par courriel ou dans un lecteur de flux."
        ),
        INDEX_DESCRIPTION: (
            "L'évolution des politiques publiques en direct, avec alertes par courriel et flux."
        ),
        "Same-day permits for small works": "Permis en un jour pour les petits travaux",
        "Small building works get a permit decision within one working day.": (
            "Les petits travaux obtiennent une décision de permis en un jour ouvré."
        ),
        "Proposal published for comment.": "Proposition publiée pour avis.",
        "Impact assessment added.": "Étude d'impact ajoutée.",
        "Protected cycle lanes on main roads": "Pistes cyclables protégées sur les grands axes",
        "Every main road gets a cycle lane separated from traffic by 2030.": (
            "Chaque grand axe aura une piste cyclable séparée de la circulation d'ici 2030."
        ),
        "Draft strategy published.": "Projet de stratégie publié.",
        "Public consultation opened.": "Consultation publique ouverte.",
        "Weekly food waste collection": "Collecte hebdomadaire des biodéchets",
        "Households receive a separate weekly collection of food waste.": (
            "Les ménages bénéficient d'une collecte séparée et hebdomadaire des biodéchets."
        ),
        "Proposal published.": "Proposition publiée.",
        "Consultation closed.": "Consultation close.",
        "Adopted by council.": "Adoptée par le conseil municipal.",
        "Open contracting for public purchases": "Commande publique ouverte",
        "Every public contract above 25,000 euros is published with its bids and changes.": (
            "Tout marché public de plus de 25 000 euros est publié avec ses offres et ses "
            "modifications."
        ),
        "Adopted by parliament.": "Adoptée par le Parlement.",
        "In force.": "En vigueur.",
        "First yearly report.": "Premier rapport annuel.",
        "Heat action plan": "Plan canicule",
        "Cooling centres, alerts and checks on vulnerable residents during heatwaves.": (
            "Lieux rafraîchis, alertes et appels aux personnes vulnérables pendant les canicules."
        ),
        "Plan adopted.": "Plan adopté.",
        "Cooling centre list updated.": "Liste des lieux rafraîchis mise à jour.",
        "Digital by default, with help at the counter": (
            "Le numérique par défaut, avec un accompagnement au guichet"
        ),
        "Every service can be used online, and in person with help for those who need it.": (
            "Chaque service est accessible en ligne, et au guichet avec un accompagnement pour "
            "qui en a besoin."
        ),
        "White paper published.": "Livre blanc publié.",
        "Adopted by the cabinet.": "Adoptée en Conseil des ministres.",
        "Housing First for rough sleepers": "Le logement d'abord pour les personnes à la rue",
        "Rough sleepers are offered a stable home first, with support that follows them.": (
            "Les personnes à la rue se voient d'abord proposer un logement stable, avec un "
            "accompagnement qui les suit."
        ),
        "Congestion charge in the city centre": "Péage urbain en centre-ville",
        "A daily charge for cars entering the centre, withdrawn after the consultation.": (
            "Une redevance journalière pour les voitures entrant dans le centre, retirée après "
            "la consultation."
        ),
        "Withdrawn.": "Retirée.",
        "City of Lyon": "Ville de Lyon",
        "Metropolitan transport authority": "Autorité métropolitaine des transports",
        "Ministry of Finance": "Ministère des Finances",
        "Regional health agency": "Agence régionale de santé",
        "Ministry of Public Service": "Ministère de la Fonction publique",
    },
    "es": {
        INDEX_TITLE: "Novedades de las políticas públicas",
        INDEX_INTRO: (
            "En qué punto está cada política, quién es responsable y qué ha cambiado. Siga un "
            "tema o una política por correo electrónico o en un lector de noticias."
        ),
        INDEX_DESCRIPTION: (
            "Novedades de las políticas públicas en directo, con alertas por correo y canales."
        ),
        "Same-day permits for small works": "Licencias en el día para obras menores",
        "Small building works get a permit decision within one working day.": (
            "Las obras menores reciben una resolución de licencia en un día hábil."
        ),
        "Proposal published for comment.": "Propuesta publicada para comentarios.",
        "Impact assessment added.": "Evaluación de impacto añadida.",
        "Protected cycle lanes on main roads": "Carriles bici protegidos en las vías principales",
        "Every main road gets a cycle lane separated from traffic by 2030.": (
            "Cada vía principal tendrá un carril bici separado del tráfico en 2030."
        ),
        "Draft strategy published.": "Borrador de estrategia publicado.",
        "Public consultation opened.": "Consulta pública abierta.",
        "Weekly food waste collection": "Recogida semanal de residuos orgánicos",
        "Households receive a separate weekly collection of food waste.": (
            "Los hogares disponen de una recogida semanal separada de residuos orgánicos."
        ),
        "Proposal published.": "Propuesta publicada.",
        "Consultation closed.": "Consulta cerrada.",
        "Adopted by council.": "Aprobada por el pleno municipal.",
        "Open contracting for public purchases": "Contratación abierta en las compras públicas",
        "Every public contract above 25,000 euros is published with its bids and changes.": (
            "Todo contrato público de más de 25 000 euros se publica con sus ofertas y sus "
            "modificaciones."
        ),
        "Adopted by parliament.": "Aprobada por el Parlamento.",
        "In force.": "En vigor.",
        "First yearly report.": "Primer informe anual.",
        "Heat action plan": "Plan de acción contra el calor",
        "Cooling centres, alerts and checks on vulnerable residents during heatwaves.": (
            "Espacios climatizados, avisos y seguimiento de las personas vulnerables durante "
            "las olas de calor."
        ),
        "Plan adopted.": "Plan aprobado.",
        "Cooling centre list updated.": "Lista de espacios climatizados actualizada.",
        "Digital by default, with help at the counter": (
            "Digital por defecto, con ayuda en la ventanilla"
        ),
        "Every service can be used online, and in person with help for those who need it.": (
            "Cada servicio puede usarse en línea, y en persona con ayuda para quien la necesite."
        ),
        "White paper published.": "Libro blanco publicado.",
        "Adopted by the cabinet.": "Aprobada por el Consejo de Ministros.",
        "Housing First for rough sleepers": "Vivienda Primero para personas sin hogar",
        "Rough sleepers are offered a stable home first, with support that follows them.": (
            "A las personas que duermen en la calle se les ofrece primero una vivienda estable, "
            "con un acompañamiento que las sigue."
        ),
        "Congestion charge in the city centre": "Peaje urbano en el centro de la ciudad",
        "A daily charge for cars entering the centre, withdrawn after the consultation.": (
            "Una tasa diaria para los coches que entran en el centro, retirada tras la consulta."
        ),
        "Withdrawn.": "Retirada.",
        "City of Lyon": "Ciudad de Lyon",
        "Metropolitan transport authority": "Autoridad metropolitana de transporte",
        "Ministry of Finance": "Ministerio de Hacienda",
        "Regional health agency": "Agencia regional de salud",
        "Ministry of Public Service": "Ministerio de Función Pública",
    },
}
