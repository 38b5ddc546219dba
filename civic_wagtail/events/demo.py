"""Demo events: a calendar at /events/ with one-off and repeating events around the world."""

from datetime import date, datetime, time, timedelta

from civic_wagtail.seeding import Seeder, get_or_create_child

from . import recurrence
from .models import EventIndexPage, EventPage, OccurrenceChange

#: (title, type, format, zone, venue, description)
TEMPLATES = [
    (
        "Permit reform clinic",
        "workshop",
        "in_person",
        "Europe/Paris",
        "Hôtel de Ville, Lyon",
        "Bring a permit process you want to shorten; leave with a mapped, simpler version.",
    ),
    (
        "Waste collection data meetup",
        "meetup",
        "hybrid",
        "Europe/London",
        "Guildhall, London",
        "Route optimisation, bin sensors and what the numbers really said.",
    ),
    (
        "Emergency dispatch webinar",
        "webinar",
        "online",
        "America/New_York",
        "",
        "How three counties cut call-to-dispatch time; Q&A with the dispatch leads.",
    ),
    (
        "Public health campaigns that worked",
        "conference",
        "in_person",
        "America/Toronto",
        "Metro Toronto Convention Centre",
        "Two days of evaluated campaigns, from flu shots to heat.",
    ),
    (
        "Service design training",
        "training",
        "online",
        "Australia/Sydney",
        "",
        "Six sessions on research with residents, prototyping and accessible forms.",
    ),
    (
        "Participatory budgeting exchange",
        "meetup",
        "in_person",
        "America/Mexico_City",
        "Palacio del Ayuntamiento",
        "Cities share ballot design, turnout and what got built.",
    ),
    (
        "Transit safety roundtable",
        "webinar",
        "online",
        "Pacific/Auckland",
        "",
        "Operators and regulators on night-time safety measures.",
    ),
    (
        "Housing first practitioners' day",
        "conference",
        "hybrid",
        "Europe/Berlin",
        "Rotes Rathaus, Berlin",
        "Evidence, funding models and lessons from five programmes.",
    ),
    (
        "Open data office hours",
        "workshop",
        "online",
        "America/Los_Angeles",
        "",
        "Drop in with your dataset questions.",
    ),
]
RECURRING = [
    # (title, repeat, interval, weekdays, positions, count, until offset days, zone)
    ("Digital services community call", "weekly", 2, ["TU"], [], 12, None, "Europe/London"),
    ("Permit officers' network", "monthly", 1, ["MO"], [1, 3], None, 240, "Europe/Paris"),
    ("Emergency managers stand-up", "weekly", 1, ["MO", "TH"], [], None, 120, "America/Chicago"),
]

INDEX_INTRO = (
    "Webinars, workshops and conferences of the community. Subscribe from your calendar app "
    "to stay up to date."
)
INDEX_DESCRIPTION = "Events for public-sector professionals."
SERIES_DESCRIPTION = "A regular call open to all verified members."
ORGANISER = "Civic Exchange team"

#: (title, description, venue) per template, then the series titles, in French and Spanish.
_FRENCH = [
    ("Atelier de réforme des permis", "Apportez une procédure de permis à raccourcir ; "
     "repartez avec une version cartographiée et simplifiée.", "Hôtel de Ville, Lyon"),
    ("Rencontre sur les données de collecte des déchets", "Optimisation des tournées, "
     "capteurs de bacs et ce que les chiffres ont vraiment montré.", "Guildhall, Londres"),
    ("Webinaire sur la régulation des appels d'urgence", "Comment trois comtés ont réduit le "
     "délai entre l'appel et l'envoi des secours ; questions-réponses avec les responsables.",
     ""),
    ("Campagnes de santé publique qui ont fonctionné", "Deux jours de campagnes évaluées, de "
     "la grippe à la canicule.", "Palais des congrès du Grand Toronto"),
    ("Formation à la conception de services", "Six séances sur la recherche avec les usagers, "
     "le prototypage et les formulaires accessibles.", ""),
    ("Échange sur le budget participatif", "Des villes partagent la conception des bulletins, "
     "la participation et ce qui a été réalisé.", "Palacio del Ayuntamiento"),
    ("Table ronde sur la sécurité dans les transports", "Exploitants et autorités de "
     "régulation sur les mesures de sécurité de nuit.", ""),
    ("Journée des praticiens du Logement d'abord", "Données probantes, modèles de financement "
     "et enseignements de cinq programmes.", "Hôtel de ville rouge, Berlin"),
    ("Permanence données ouvertes", "Venez avec vos questions sur vos jeux de données.", ""),
]
_SPANISH = [
    ("Taller de reforma de permisos", "Traiga un procedimiento de permisos que quiera acortar; "
     "llévese una versión mapeada y más sencilla.", "Ayuntamiento de Lyon"),
    ("Encuentro sobre datos de recogida de residuos", "Optimización de rutas, sensores en "
     "contenedores y lo que de verdad dijeron las cifras.", "Guildhall, Londres"),
    ("Seminario web sobre despacho de emergencias", "Cómo tres condados redujeron el tiempo "
     "entre la llamada y el despacho; preguntas y respuestas con los responsables.", ""),
    ("Campañas de salud pública que funcionaron", "Dos días de campañas evaluadas, de la "
     "gripe al calor.", "Centro de Convenciones Metro Toronto"),
    ("Formación en diseño de servicios", "Seis sesiones sobre investigación con vecinos, "
     "prototipos y formularios accesibles.", ""),
    ("Intercambio sobre presupuestos participativos", "Las ciudades comparten el diseño de "
     "las papeletas, la participación y lo que se construyó.", "Palacio del Ayuntamiento"),
    ("Mesa redonda sobre seguridad en el transporte", "Operadores y reguladores sobre medidas "
     "de seguridad nocturna.", ""),
    ("Jornada de profesionales de Housing First", "Evidencia, modelos de financiación y "
     "lecciones de cinco programas.", "Ayuntamiento Rojo, Berlín"),
    ("Horario de consulta sobre datos abiertos", "Venga con sus preguntas sobre conjuntos de "
     "datos.", ""),
]
_SERIES = {
    "fr": ["Réunion de la communauté des services numériques", "Réseau des agents chargés des "
           "permis", "Point d'équipe des responsables de la gestion des urgences"],
    "es": ["Llamada de la comunidad de servicios digitales", "Red de técnicos de permisos",
           "Reunión breve de responsables de emergencias"],
}
_FIXED = {
    "fr": {
        "Events": "Événements",
        INDEX_INTRO: "Webinaires, ateliers et conférences de la communauté. Abonnez-vous depuis "
        "votre application d'agenda pour rester informé.",
        INDEX_DESCRIPTION: "Des événements pour les professionnels du secteur public.",
        SERIES_DESCRIPTION: "Un appel régulier ouvert à tous les membres vérifiés.",
        ORGANISER: "L'équipe Civic Exchange",
    },
    "es": {
        "Events": "Eventos",
        INDEX_INTRO: "Seminarios web, talleres y congresos de la comunidad. Suscríbase desde "
        "su aplicación de calendario para estar al día.",
        INDEX_DESCRIPTION: "Eventos para profesionales del sector público.",
        SERIES_DESCRIPTION: "Una llamada periódica abierta a todos los miembros verificados.",
        ORGANISER: "Equipo de Civic Exchange",
    },
}
#: Event numbers the title texts cover (``--events`` up to 9 x this).
_ROUNDS = 20


def _translations(code, rows):
    entries = dict(_FIXED[code])
    for (title, _kind, _fmt, _zone, venue, description), (name, text, place) in zip(
        TEMPLATES, rows, strict=True
    ):
        entries[description] = text
        if venue:
            entries[venue] = place
        for number in range(1, _ROUNDS + 1):
            entries[f"{title} #{number}"] = f"{name} n° {number}" if code == "fr" else (
                f"{name} n.º {number}"
            )
    for series, name in zip(RECURRING, _SERIES[code], strict=True):
        entries[series[0]] = name
    return entries


#: The demo calendar in French and Spanish, for the locale seeder (civic_wagtail.locale_seeding).
TRANSLATIONS = {"fr": _translations("fr", _FRENCH), "es": _translations("es", _SPANISH)}


def first_in_step(day, repeat, weekdays, positions):
    """The first date on or after ``day`` that the pattern produces: a series must start on
    one of its own dates (RFC 5545 leaves any other first date undefined)."""
    rule = recurrence.Rule(repeat, 1, tuple(weekdays), tuple(positions))
    nearest = recurrence.out_of_step(rule, datetime.combine(day, time(15)))
    return day if nearest is None else nearest[1]


class EventsSeeder(Seeder):
    order = 50
    name = "events"

    def add_arguments(self, parser):
        parser.add_argument(
            "--events", type=int, default=40, help="Number of one-off demo events (default 40)."
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        index, _ = get_or_create_child(
            home,
            EventIndexPage,
            "events",
            title="Events",
            show_in_menus=True,
            intro=INDEX_INTRO,
            search_description=INDEX_DESCRIPTION,
        )
        existing = set(index.get_children().values_list("slug", flat=True))
        topics = ctx.shared.get("topics", [])
        # Dates are relative to a fixed Monday near today so the calendar looks alive, and the
        # same flags still give the same content on the same day.
        today = date.today()
        anchor = today - timedelta(days=today.weekday())
        wanted = ctx.options.get("events") or 0
        for n in ctx.progress(range(wanted), "events"):
            title, kind, fmt, zone, venue, description = TEMPLATES[n % len(TEMPLATES)]
            slug = f"event-{n + 1}"
            if slug in existing:
                continue
            day = anchor + timedelta(days=ctx.rng.randint(-60, 180))
            hour = ctx.rng.choice([9, 10, 13, 14, 16, 18])
            all_day = kind == "conference"
            status = ctx.rng.choices(["CONFIRMED", "TENTATIVE", "CANCELLED"], [85, 8, 7])[0]
            self._create(
                ctx,
                index,
                slug,
                f"{title} #{n // len(TEMPLATES) + 1}",
                event_type=kind,
                event_format=fmt,
                time_zone=zone,
                venue=venue,
                description=description,
                status=status,
                all_day=all_day,
                start_date=day,
                end_date=day + timedelta(days=1 if all_day else 0),
                start_time=None if all_day else time(hour),
                end_time=None if all_day else time(hour + ctx.rng.choice([1, 2])),
                topics=ctx.rng.sample(topics, min(2, len(topics))),
            )
        for n, (title, repeat, interval, days, positions, count, until, zone) in enumerate(
            RECURRING
        ):
            slug = f"series-{n + 1}"
            if slug in existing:
                continue
            start = first_in_step(anchor - timedelta(days=14), repeat, days, positions)
            self._create(
                ctx,
                index,
                slug,
                title,
                event_type="meetup",
                event_format="online",
                time_zone=zone,
                description=SERIES_DESCRIPTION,
                start_date=start,
                end_date=start,
                start_time=time(15),
                end_time=time(16),
                repeat=repeat,
                repeat_interval=interval,
                repeat_weekdays=days,
                repeat_positions=positions,
                repeat_count=count,
                repeat_until=start + timedelta(days=until) if until else None,
                topics=ctx.rng.sample(topics, min(1, len(topics))),
                changes=n == 0,
            )
        self.add_speakers(index)
        ctx.shared["events_index"] = index
        ctx.shared.setdefault("summary", []).append(
            f"Events calendar: /events/ (feed {index.url}feed/, site feed /calendar/all.ics)"
        )

    def add_speakers(self, index):
        """The demo member speaks at the first two events ("Events they spoke at")."""
        from django.contrib.auth import get_user_model

        demo = get_user_model().objects.filter(username="member").first()
        if demo is None or EventPage.objects.filter(speakers=demo).exists():
            return
        for page in EventPage.objects.child_of(index).live().order_by("pk")[:2]:
            page.speakers.add(demo)
            page.save_revision().publish()

    def _create(self, ctx, index, slug, title, topics=(), changes=False, **fields):
        if fields.get("event_format") != "in_person":
            fields["join_url"] = f"https://meet.example.org/{slug}"
        fields.setdefault("registration_url", f"https://tickets.example.org/{slug}")
        fields.setdefault("organiser", ORGANISER)
        page = EventPage(title=title, slug=slug, **fields)
        index.add_child(instance=page)
        page.topics.set(topics)
        if changes:
            # A skipped date, a cancelled one and a moved one in the first series.
            first = page.occurrences(limit=4)
            actions = [OccurrenceChange.Action.EXCLUDE, OccurrenceChange.Action.CANCEL]
            for occ, action in zip(first[1:3], actions, strict=False):
                page.occurrence_changes.create(original_date=occ.start.date(), action=action)
            if len(first) > 3:
                moved = first[3].start + timedelta(days=1)
                page.occurrence_changes.create(
                    original_date=first[3].start.date(),
                    action=OccurrenceChange.Action.MOVE,
                    new_date=moved.date(),
                    new_start_time=moved.time(),
                    new_end_time=(moved + timedelta(hours=1)).time(),
                )
        page.save_revision().publish()
        return page


SEEDERS = [EventsSeeder]
