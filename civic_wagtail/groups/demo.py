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
            file=ContentFile(f"Pilot plan of {group.name}\n".encode(), name="pilot-plan.txt"),
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
        if apps.is_installed("civic_wagtail.review"):
            workflow_state = page.current_workflow_state
            if workflow_state is not None:
                workflow_state.cancel(user=lead)
        revision.publish()
        group.draft_page_id = page.pk
        group.save(update_fields=["draft_page_id"])


def notifications_muted():
    from civic_wagtail import mail

    return mail.muted()


SEEDERS = [GroupsSeeder]
