"""Demo content: the /groups/ page and four working groups, one in each state a visitor
meets (public, members only, secret, finished with a case study), with threads, files,
events and a pilot log. Max Member belongs to two; Eli Editor leads them. Idempotent: groups
are found by slug and their content is made only when the group is made."""

import datetime

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from civic_wagtail import drafts
from civic_wagtail.seeding import Seeder, get_or_create_child

from . import membership, space
from .models import Experiment, GroupEvent, GroupFile, Membership, WorkingGroup
from .pages import GroupIndexPage

INTRO = (
    "Working groups bring public servants from different places together to run a pilot in "
    "private, then publish what they learned, including what did not work."
)

#: Demo texts in French and Spanish (seed_demo translates the demo tree with them).
TRANSLATIONS = {
    "fr": {
        "Working groups": "Groupes de travail",
        INTRO: (
            "Les groupes de travail réunissent des agents publics de différents territoires "
            "pour mener un projet pilote en privé, puis publier ce qu'ils ont appris, y "
            "compris ce qui n'a pas fonctionné."
        ),
    },
    "es": {
        "Working groups": "Grupos de trabajo",
        INTRO: (
            "Los grupos de trabajo reúnen a servidores públicos de distintos lugares para "
            "llevar a cabo un proyecto piloto en privado y luego publicar lo aprendido, "
            "incluido lo que no funcionó."
        ),
    },
}

#: The finished pilot's case study (groups/drafting.py) in French and Spanish.
_WHAT = {
    "Fill-level sensors on 200 bins": (
        "Capteurs de remplissage sur 200 bacs",
        "Sensores de llenado en 200 contenedores",
    ),
    "Dynamic routes sent to drivers' phones": (
        "Itinéraires dynamiques envoyés sur le téléphone des chauffeurs",
        "Rutas dinámicas enviadas al teléfono de los conductores",
    ),
    "Weekly route review with drivers": (
        "Revue hebdomadaire des tournées avec les chauffeurs",
        "Revisión semanal de rutas con los conductores",
    ),
    "North district": ("Quartier nord", "Distrito norte"),
    "All districts": ("Tous les quartiers", "Todos los distritos"),
    "Riverside": ("Riverside", "Riverside"),
    "Distance fell by 18%; no rise in missed pick-ups.": (
        "La distance a baissé de 18 % ; pas plus de collectes manquées.",
        "La distancia bajó un 18 %; sin aumento de recogidas perdidas.",
    ),
    "Drivers lost signal in the old town and fell back to paper routes: the app needs an "
    "offline mode before it can work there.": (
        "Les chauffeurs perdaient le réseau dans la vieille ville et revenaient aux tournées "
        "papier : l'application a besoin d'un mode hors ligne pour y fonctionner.",
        "Los conductores perdían la señal en el casco antiguo y volvían a las rutas en papel: "
        "la aplicación necesita un modo sin conexión para funcionar allí.",
    ),
    "Useful, but attendance dropped after the third week.": (
        "Utile, mais la participation a baissé après la troisième semaine.",
        "Útil, pero la asistencia bajó después de la tercera semana.",
    ),
    "Worked": ("A fonctionné", "Funcionó"),
    "Partly worked": ("A fonctionné en partie", "Funcionó en parte"),
    "Did not work": ("N'a pas fonctionné", "No funcionó"),
}
_FIXED = {
    "Private working groups that run pilots together.": (
        "Des groupes de travail privés qui mènent des projets pilotes ensemble.",
        "Grupos de trabajo privados que llevan a cabo proyectos piloto juntos.",
    ),
    "Bulky waste pick-up by appointment: what our pilot learned": (
        "Collecte des encombrants sur rendez-vous : ce que notre projet pilote a appris",
        "Recogida de voluminosos con cita previa: lo que aprendió nuestro piloto",
    ),
    "Finished pilot: residents book bulky-waste pick-ups online instead of fixed collection "
    "days.": (
        "Projet pilote terminé : les habitants réservent en ligne l'enlèvement de leurs "
        "encombrants au lieu de jours de collecte fixes.",
        "Piloto terminado: los vecinos reservan en línea la recogida de voluminosos en lugar "
        "de días fijos de recogida.",
    ),
    "Appointments cut illegal dumping of bulky items by a third.": (
        "Les rendez-vous réduisent d'un tiers les dépôts sauvages d'encombrants.",
        "Las citas reducen en un tercio el abandono ilegal de voluminosos.",
    ),
    "All districts; North district; Riverside": (
        "Tous les quartiers ; Quartier nord ; Riverside",
        "Todos los distritos; Distrito norte; Riverside",
    ),
    "City office; Health office; State office": (
        "Bureau de la ville ; Bureau de la santé ; Bureau de l'État",
        "Oficina municipal; Oficina de salud; Oficina estatal",
    ),
    "missed-collections": ("missed-collections", "missed-collections"),
}


def _pilot_log_texts(today=None):
    """The pilot-log lines of the finished group's case study, whose dates are the seeding
    day's (see :meth:`GroupsSeeder.seed_space`), with their translations."""
    today = today or timezone.localdate()
    results = {"worked": "Worked", "partly": "Partly worked", "failed": "Did not work"}
    table = {"fr": {}, "es": {}}
    for offset, (what, where, result, _indicator, why) in enumerate(EXPERIMENTS):
        start = today - datetime.timedelta(days=90 - 20 * offset)
        end = today - datetime.timedelta(days=40 - 10 * offset)
        when = f"{start.isoformat()} – {end.isoformat()}"
        for n, code in enumerate(("fr", "es")):
            head = f"<strong>{_WHAT[what][n]}</strong> ({_WHAT[where][n]}, {when})"
            english = f"<strong>{what}</strong> ({where}, {when})"
            table[code][f"{english}. {why}"] = f"{head}. {_WHAT[why][n]}"
            colon = " :" if code == "fr" else ":"
            table[code][f"{english}: {why}"] = f"{head}{colon} {_WHAT[why][n]}"
            label = results[result]
            table[code][f"{english}. {why} {label}."] = (
                f"{head}. {_WHAT[why][n]} {_WHAT[label][n]}."
            )
    for english, pair in {**_WHAT, **_FIXED}.items():
        table["fr"][english], table["es"][english] = pair
    return table


GROUPS = [
    {
        "slug": "smarter-waste-routes",
        "name": "Smarter waste collection routes",
        "purpose": "Three cities test sensor-driven collection routes to cut truck kilometres "
        "without missed pick-ups.",
        "visibility": "public",
        "joining": "request",
        "member_limit": 25,
        "hypothesis": "Routing trucks by bin fill level cuts distance driven by 20% with no "
        "rise in missed collections.",
        "max": True,
    },
    {
        "slug": "digital-permits-pilot",
        "name": "Digital permits pilot",
        "purpose": "Counties compare online building-permit forms and measure how long "
        "applicants wait.",
        "visibility": "members",
        "joining": "open",
        "member_limit": 12,
        "hypothesis": "A guided online form halves the share of incomplete applications.",
        "max": True,
    },
    {
        "slug": "procurement-reform-circle",
        "name": "Procurement reform circle",
        "purpose": "Procurement officers prepare a joint tender for open-source case "
        "management before going public.",
        "visibility": "secret",
        "joining": "invitation",
        "member_limit": None,
        "hypothesis": "",
        "max": False,
    },
    {
        "slug": "bulky-waste-appointments",
        "name": "Bulky waste pick-up by appointment",
        "purpose": "Finished pilot: residents book bulky-waste pick-ups online instead of "
        "fixed collection days.",
        "visibility": "public",
        "joining": "request",
        "member_limit": None,
        "hypothesis": "Appointments cut illegal dumping of bulky items by a third.",
        "max": False,
        "finished": True,
    },
]

EXPERIMENTS = [
    (
        "Fill-level sensors on 200 bins",
        "North district",
        "worked",
        "missed-collections",
        "Distance fell by 18%; no rise in missed pick-ups.",
    ),
    (
        "Dynamic routes sent to drivers' phones",
        "Riverside",
        "failed",
        "",
        "Drivers lost signal in the old town and fell back to paper routes: the app needs an "
        "offline mode before it can work there.",
    ),
    (
        "Weekly route review with drivers",
        "All districts",
        "partly",
        "",
        "Useful, but attendance dropped after the third week.",
    ),
]


class GroupsSeeder(Seeder):
    order = 85
    name = "groups"

    def seed(self, ctx):
        home = ctx.shared["home"]
        page, _ = get_or_create_child(
            home,
            GroupIndexPage,
            "groups",
            title="Working groups",
            intro=INTRO,
            show_in_menus=True,
            search_description="Private working groups that run pilots together.",
        )
        users = ctx.shared["users"]
        editors = users.get("editors", [])
        lead = next((u for u in editors if u.username.startswith("editor")), None)
        members = users.get("members", [])
        max_member = next((u for u in members if u.username.startswith("member")), None)
        if lead is None or max_member is None:
            return
        others = [u for u in members if u not in (lead, max_member)]
        with notifications_muted():
            for spec in GROUPS:
                self.seed_group(ctx, spec, lead, max_member, others)
        ctx.shared.setdefault("summary", []).append(
            f"Working groups: {page.full_url} ('member' belongs to two groups; 'editor' "
            "leads them and sees the secret one)"
        )

    def seed_group(self, ctx, spec, lead, max_member, others):
        if WorkingGroup.objects.filter(slug=spec["slug"]).exists():
            return
        group = membership.create_group(
            lead,
            slug=spec["slug"],
            name=spec["name"],
            purpose=spec["purpose"],
            visibility=spec["visibility"],
            joining=spec["joining"],
            member_limit=spec["member_limit"],
            hypothesis=spec["hypothesis"],
            topics=ctx.shared["topics"][:1],
        )
        for user in others[:2]:
            self._add(group, user)
        if spec["max"]:
            self._add(group, max_member)
        if spec["visibility"] == "public" and not spec.get("finished") and len(others) > 2:
            Membership.objects.get_or_create(
                group=group, user=others[2], defaults={"message": "We run a similar pilot."}
            )
        if spec["visibility"] == "secret":
            membership.invite(lead, group, "newcomer@county.example.gov")
        self.seed_space(group, lead, max_member if spec["max"] else others[0])
        if spec.get("finished"):
            self.finish(ctx, group, lead)

    def _add(self, group, user):
        row, _ = Membership.objects.get_or_create(group=group, user=user)
        if row.status != Membership.Status.ACTIVE:
            membership._activate(group, row)

    def seed_space(self, group, lead, member):
        if space.has_threads():
            space.start_thread(
                group, lead, "Kick-off notes", "Agenda and roles for the pilot.", None
            )
            space.start_thread(group, member, "Data we can share", "Who can export what?", None)
        collection = space.ensure_collection(group)
        document = get_document_model()(
            title="Pilot plan",
            file=ContentFile(pilot_plan(group), name="pilot-plan.docx"),
            collection=collection,
        )
        document.save()
        GroupFile.objects.create(group=group, document=document, uploaded_by=lead)
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        for days, title in ((7, "Monthly call"), (35, "Site visit")):
            GroupEvent.objects.create(
                group=group,
                title=title,
                start=start + datetime.timedelta(days=days),
                end=start + datetime.timedelta(days=days, hours=1),
                location="Video call",
                created_by=lead,
            )
        today = timezone.localdate()
        for offset, (what, where, result, indicator, why) in enumerate(EXPERIMENTS):
            Experiment.objects.create(
                group=group,
                what=what,
                where=where,
                started_on=today - datetime.timedelta(days=90 - 20 * offset),
                ended_on=today - datetime.timedelta(days=40 - 10 * offset),
                result=result,
                indicator=indicator,
                unit="%" if indicator else "",
                baseline=4 if indicator else None,
                actual=3 if indicator else None,
                why=why,
                author=member if offset % 2 else lead,
            )

    def finish(self, ctx, group, lead):
        """Draft the finished pilot's case study through the library and publish it."""
        group.status = WorkingGroup.Status.FINISHED
        group.save(update_fields=["status"])
        if not drafts.is_available():
            ctx.log("groups: the library is not installed; the finished pilot has no case study")
            return
        from . import drafting

        try:
            page = drafts.submit_draft(drafting.build_draft(group), user=lead, site=None)
        except drafts.DraftsUnavailable as error:
            ctx.log(f"groups: no case study drafted ({error})")
            return
        revision = page.get_latest_revision() or page.save_revision()
        if not self.peer_review(ctx, page):
            if apps.is_installed("civic_wagtail.review"):
                workflow_state = page.current_workflow_state
                if workflow_state is not None:
                    workflow_state.cancel(user=lead)
            revision.publish()
        group.draft_page_id = page.pk
        group.save(update_fields=["draft_page_id"])

    def peer_review(self, ctx, page):
        """Two demo reviewers approve the drafted case study, which publishes it as the
        library's other reviewed pages are; False (nothing done) without a peer-review round
        or two reviewers who did not write it."""
        if not apps.is_installed("civic_wagtail.review"):
            return False
        from django.test.utils import override_settings

        from civic_wagtail.review.decisions import act, authors_of
        from civic_wagtail.review.models import PeerReviewTaskState

        workflow_state = page.current_workflow_state
        task_state = workflow_state and workflow_state.current_task_state
        state = task_state and task_state.specific
        if not isinstance(state, PeerReviewTaskState):
            return False
        authors = authors_of(state)
        reviewers = [
            user for user in ctx.shared["users"].get("reviewers", []) if user.pk not in authors
        ]
        if len(reviewers) < state.approvals_required:
            return False
        criteria = state.task.specific.get_criteria()
        # Wagtail's own workflow emails are not the demo's to send either.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for reviewer in reviewers[: state.approvals_required]:
                scores = {f"score__{key}": 4 for key, _label in criteria}
                act(state, reviewer, "approve", no_conflict=True, comment="", **scores)
        page.refresh_from_db()
        return page.live


def pilot_plan(group):
    """A real .docx pilot plan (the demo's files open in an office suite, as the library's
    resources do); the builder needs no installed app."""
    from civic_wagtail.library.demo_files import docx_document

    return docx_document(
        f"Pilot plan: {group.name}",
        [
            ("Purpose", [group.purpose]),
            ("Hypothesis", [group.hypothesis or "To be agreed at the kick-off call."]),
            ("Roles", ["The lead keeps the pilot log; every member reports monthly."]),
        ],
    )


def notifications_muted():
    from civic_wagtail import mail

    return mail.muted()


SEEDERS = [GroupsSeeder]


for _code, _texts in _pilot_log_texts().items():
    TRANSLATIONS[_code].update(_texts)
