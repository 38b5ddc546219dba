"""Demo consultations: /consultations/ with one open consultation on a draft (comments per
paragraph), one closed and being analysed, one with its outcome published; each with
``--responses N`` responses (default 200), written in bulk."""

import hashlib
from datetime import date, time, timedelta

from django.utils import timezone

from civic_wagtail import mail
from civic_wagtail.seeding import Seeder, get_or_create_child

from .models import (
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    ParagraphComment,
    QuestionKind,
    Respondent,
)

INDEX_TITLE = "Consultations"
INDEX_INTRO = (
    "Have your say before decisions are made. Respond without an account, read the results "
    "and what we will do about them."
)
INDEX_DESCRIPTION = "Public consultations: respond, then read what we heard and will do."

QUESTIONS = [
    ("Do you support the proposal?", QuestionKind.SINGLE, "Yes\nNo\nNot sure"),
    ("Which matter most to you?", QuestionKind.MULTIPLE, "Safety\nCost\nSpeed\nEnvironment"),
    ("The proposal will improve daily life.", QuestionKind.SCALE, ""),
    ("What else should we consider?", QuestionKind.TEXT, ""),
]
TEXT_ANSWERS = [
    "Please think of people who work at night.",
    "Good idea, but start with the busiest streets.",
    "Publish the costs every year.",
    "Children walk this way to school: make it safe first.",
    "Ask the neighbourhood councils before each phase.",
]

#: (slug, title, summary, state, related policy, draft paragraphs, heard, will do)
CONSULTATIONS = [
    (
        "cycle-lanes-strategy",
        "Draft strategy for protected cycle lanes",
        "Comment on the draft strategy, paragraph by paragraph, and answer four questions.",
        "open",
        "protected-cycle-lanes",
        [
            "Every main road will have a cycle lane separated from motor traffic by 2030.",
            "Lanes will be at least two metres wide, with priority at side streets.",
            "Works will start with the roads that have the most collisions.",
            "Parking spaces removed for lanes will be replaced within 300 metres where possible.",
        ],
        "",
        "",
    ),
    (
        "food-waste-collection-days",
        "Food waste collection days",
        "Which days and containers suit your household for the weekly food waste collection?",
        "analysing",
        "food-waste-collection",
        [],
        "",
        "",
    ),
    (
        "congestion-charge",
        "Congestion charge in the city centre",
        "Should cars pay a daily charge to enter the city centre?",
        "outcome",
        "congestion-charge",
        [],
        "Most of you opposed a charge without better buses first. Traders feared fewer visitors.",
        "We have withdrawn the charge. We will add two bus lines and consult again in two years.",
    ),
]


def _hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


class ConsultationSeeder(Seeder):
    order = 84
    name = "consultations"

    def add_arguments(self, parser):
        parser.add_argument(
            "--responses",
            type=int,
            default=200,
            help="Responses to each demo consultation (default 200).",
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        index, _ = get_or_create_child(
            home,
            ConsultationIndexPage,
            "consultations",
            title=INDEX_TITLE,
            show_in_menus=True,
            intro=INDEX_INTRO,
            search_description=INDEX_DESCRIPTION,
        )
        topics = {t.slug: t for t in ctx.shared.get("topics", [])}
        wanted = max(0, ctx.options.get("responses") or 0)
        by_policy = {}
        with mail.muted():
            for row in CONSULTATIONS:
                page = self._page(index, row, topics)
                by_policy[row[4]] = page
                self._responses(ctx, page, wanted)
        ctx.shared["consultations"] = by_policy
        ctx.shared.setdefault("summary", []).append(
            "Consultations: /consultations/ (open, analysing, outcome published)"
        )

    def _page(self, index, row, topics):
        slug, title, summary, state, _policy, draft, heard, will_do = row
        existing = index.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        today = date.today()
        if state == "open":
            opens, closes = today - timedelta(days=7), today + timedelta(days=21)
        else:
            opens, closes = today - timedelta(days=60), today - timedelta(days=14)
        page = ConsultationPage(
            title=title,
            slug=slug,
            summary=summary,
            body=f"<p>{summary}</p>",
            responsible_organisation="City of Lyon",
            opens_on=opens,
            opens_at=time(9),
            closes_on=closes,
            closes_at=time(17),
            time_zone="Europe/Paris",
            analysing=state == "analysing",
            ways_to_respond=(
                "<p>Write to City Hall, 1 place de la Comédie, Lyon, or come to the public "
                "meeting at the town hall.</p>"
            ),
            draft=[("paragraph", text) for text in draft],
            what_we_heard=f"<p>{heard}</p>" if heard else "",
            what_we_will_do=f"<p>{will_do}</p>" if will_do else "",
        )
        for text, kind, options in QUESTIONS:
            page.questions.add(
                ConsultationQuestion(
                    text=text, kind=kind, options=options, required=kind == QuestionKind.SINGLE
                )
            )
        index.add_child(instance=page)
        topic = topics.get(
            "transport" if "cycle" in slug or "congestion" in slug else "waste-management"
        )
        if topic is not None:
            page.topics.set([topic])
        page.save_revision().publish()
        return page

    def _responses(self, ctx, page, wanted):
        """``wanted`` responses in bulk, unless the page has some already (idempotent)."""
        if page.respondents.exists() or not wanted:
            return
        questions = {q.kind: q for q in page.questions.all()}
        now = timezone.now()
        rng = ctx.rng
        respondents = Respondent.objects.bulk_create(
            Respondent(
                consultation=page,
                email_hash=_hash(f"{page.pk}:resident{n}@example.org"),
                confirmed_at=now,
                submitted_at=now - timedelta(hours=n),
                publish_consent=rng.random() < 0.4,
                moderation=Respondent.Moderation.APPROVED,
            )
            for n in range(wanted)
        )
        answers, comments = [], []
        paragraphs = len(page.draft)
        for n, respondent in enumerate(respondents):
            single = rng.choices([1, 2, 3], [55, 35, 10])[0]
            answers.append(
                Answer(respondent=respondent, question=questions["single"], choice=single)
            )
            for choice in rng.sample([1, 2, 3, 4], rng.randint(1, 3)):
                answers.append(
                    Answer(respondent=respondent, question=questions["multiple"], choice=choice)
                )
            answers.append(
                Answer(
                    respondent=respondent,
                    question=questions["scale"],
                    choice=rng.choices([1, 2, 3, 4, 5], [8, 12, 20, 35, 25])[0],
                )
            )
            if n % 5 == 0:
                answers.append(
                    Answer(
                        respondent=respondent,
                        question=questions["text"],
                        text=TEXT_ANSWERS[(n // 5) % len(TEXT_ANSWERS)],
                    )
                )
            if paragraphs and n % 4 == 0:
                comments.append(
                    ParagraphComment(
                        respondent=respondent,
                        consultation=page,
                        paragraph=rng.randint(1, paragraphs),
                        text=TEXT_ANSWERS[n % len(TEXT_ANSWERS)],
                    )
                )
        Answer.objects.bulk_create(answers, batch_size=2000)
        ParagraphComment.objects.bulk_create(comments, batch_size=2000)


def _both(french, spanish):
    return french, spanish


_PAIRS = {
    INDEX_TITLE: _both("Consultations", "Consultas"),
    INDEX_INTRO: _both(
        "Donnez votre avis avant que les décisions ne soient prises. Répondez sans compte, "
        "lisez les résultats et ce que nous en ferons.",
        "Opine antes de que se tomen las decisiones. Responda sin cuenta, lea los resultados "
        "y lo que haremos con ellos.",
    ),
    INDEX_DESCRIPTION: _both(
        "Consultations publiques : répondez, puis lisez ce que nous avons entendu et ferons.",
        "Consultas públicas: responda y lea lo que escuchamos y lo que haremos.",
    ),
    "Do you support the proposal?": _both(
        "Êtes-vous favorable à la proposition ?", "¿Apoya la propuesta?"
    ),
    "Yes\nNo\nNot sure": _both("Oui\nNon\nJe ne sais pas", "Sí\nNo\nNo estoy seguro"),
    "Which matter most to you?": _both(
        "Qu'est-ce qui compte le plus pour vous ?", "¿Qué es lo que más le importa?"
    ),
    "Safety\nCost\nSpeed\nEnvironment": _both(
        "Sécurité\nCoût\nRapidité\nEnvironnement", "Seguridad\nCoste\nRapidez\nMedio ambiente"
    ),
    "The proposal will improve daily life.": _both(
        "La proposition améliorera la vie quotidienne.",
        "La propuesta mejorará la vida cotidiana.",
    ),
    "What else should we consider?": _both(
        "Que devrions-nous prendre en compte d'autre ?", "¿Qué más deberíamos tener en cuenta?"
    ),
    "Draft strategy for protected cycle lanes": _both(
        "Projet de stratégie pour des pistes cyclables protégées",
        "Borrador de estrategia de carriles bici protegidos",
    ),
    "Comment on the draft strategy, paragraph by paragraph, and answer four questions.": _both(
        "Commentez le projet de stratégie paragraphe par paragraphe et répondez à quatre "
        "questions.",
        "Comente el borrador de estrategia párrafo por párrafo y responda a cuatro preguntas.",
    ),
    "Every main road will have a cycle lane separated from motor traffic by 2030.": _both(
        "Chaque grand axe aura une piste cyclable séparée de la circulation motorisée d'ici 2030.",
        "Cada vía principal tendrá un carril bici separado del tráfico motorizado en 2030.",
    ),
    "Lanes will be at least two metres wide, with priority at side streets.": _both(
        "Les pistes feront au moins deux mètres de large, avec la priorité aux rues "
        "transversales.",
        "Los carriles tendrán al menos dos metros de ancho, con prioridad en las calles "
        "laterales.",
    ),
    "Works will start with the roads that have the most collisions.": _both(
        "Les travaux commenceront par les axes les plus accidentogènes.",
        "Las obras empezarán por las vías con más accidentes.",
    ),
    "Parking spaces removed for lanes will be replaced within 300 metres where possible.": _both(
        "Les places de stationnement supprimées seront remplacées à moins de 300 mètres quand "
        "c'est possible.",
        "Las plazas de aparcamiento suprimidas se repondrán a menos de 300 metros cuando sea "
        "posible.",
    ),
    "Food waste collection days": _both(
        "Jours de collecte des biodéchets", "Días de recogida de residuos orgánicos"
    ),
    "Which days and containers suit your household for the weekly food waste collection?": _both(
        "Quels jours et quels bacs conviennent à votre foyer pour la collecte hebdomadaire "
        "des biodéchets ?",
        "¿Qué días y qué contenedores convienen a su hogar para la recogida semanal de "
        "residuos orgánicos?",
    ),
    "Congestion charge in the city centre": _both(
        "Péage urbain en centre-ville", "Peaje urbano en el centro de la ciudad"
    ),
    "Should cars pay a daily charge to enter the city centre?": _both(
        "Les voitures doivent-elles payer une redevance journalière pour entrer en centre-ville ?",
        "¿Deben los coches pagar una tasa diaria para entrar en el centro?",
    ),
    "Most of you opposed a charge without better buses first. Traders feared fewer visitors.": (
        _both(
            "La plupart d'entre vous se sont opposés à une redevance sans de meilleurs bus "
            "d'abord. Les commerçants craignaient une baisse de fréquentation.",
            "La mayoría se opuso a una tasa sin antes mejorar los autobuses. Los comerciantes "
            "temían menos visitantes.",
        )
    ),
    "We have withdrawn the charge. We will add two bus lines and consult again in two years.": (
        _both(
            "Nous avons retiré la redevance. Nous ouvrirons deux lignes de bus et vous "
            "consulterons à nouveau dans deux ans.",
            "Hemos retirado la tasa. Añadiremos dos líneas de autobús y volveremos a consultar "
            "dentro de dos años.",
        )
    ),
    "City of Lyon": _both("Ville de Lyon", "Ciudad de Lyon"),
    "Write to City Hall, 1 place de la Comédie, Lyon, or come to the public meeting at the "
    "town hall.": _both(
        "Écrivez à l'hôtel de ville, 1 place de la Comédie, Lyon, ou venez à la réunion "
        "publique à la mairie.",
        "Escriba al ayuntamiento, 1 place de la Comédie, Lyon, o acuda a la reunión pública "
        "en el ayuntamiento.",
    ),
}

TRANSLATIONS = {
    "fr": {english: pair[0] for english, pair in _PAIRS.items()},
    "es": {english: pair[1] for english, pair in _PAIRS.items()},
}
