"""Demo content: the /improvement/ page, both frameworks (with French and Spanish
translations), 50 members with one to four assessments over 18 months, goals in every state,
five adoption trackers (one turned into a case study), teams and competency tags.

``seed_demo --assessments N`` (default 120) sets the number of demo assessments; past 200 the
number of members grows with it (four assessments at most each). The demo member ("member")
has two assessments, goals in every state (one shared with their mentor, who commented) and
leads a team whose results show. Idempotent: found by name, username or owner.
"""

import datetime
import math

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale

from civic_wagtail import mail
from civic_wagtail.demo import DEMO_PASSWORD
from civic_wagtail.seeding import Seeder, get_or_create_child

from . import access
from .demo_frameworks import ES, FR, FRAMEWORKS, PAGE_INTRO, PAGE_TITLE
from .models import (
    AdoptionTracker,
    Assessment,
    CheckIn,
    Competency,
    CompetencyTag,
    Framework,
    FrameworkLevel,
    Goal,
    GoalComment,
    Measurement,
    Milestone,
    Rating,
    ReminderSetting,
    Team,
    TeamMember,
    TrackerIndicator,
)
from .pages import ImprovementPage

#: The page's description and the case study drafted from the first adoption tracker (the
#: only one submitted), in French and Spanish.
_PAGES = {
    "Self-assessment, goals and impact tracking for public servants.": (
        "Auto-évaluation, objectifs et suivi de l'impact pour les agents publics.",
        "Autoevaluación, objetivos y seguimiento del impacto para servidores públicos.",
    ),
    "Plain-language permit letters": (
        "Courriers de permis en langage clair",
        "Cartas de permisos en lenguaje claro",
    ),
    "How Lyon city council in Lyon, France put this practice to work and measured it.": (
        "Comment le conseil municipal de Lyon (Lyon, France) a mis cette pratique en œuvre et "
        "l'a mesurée.",
        "Cómo el ayuntamiento de Lyon (Lyon, Francia) puso en práctica esta práctica y la midió.",
    ),
    "Lyon city council": ("Conseil municipal de Lyon", "Ayuntamiento de Lyon"),
    "Lyon, France": ("Lyon, France", "Lyon, Francia"),
    "Residents found the old process slow and confusing.": (
        "Les habitants trouvaient l'ancienne procédure lente et confuse.",
        "Los vecinos encontraban el antiguo procedimiento lento y confuso.",
    ),
    "We adapted the practice to our rules and trained the front desk.": (
        "Nous avons adapté la pratique à nos règles et formé l'accueil.",
        "Adaptamos la práctica a nuestras normas y formamos al personal de atención.",
    ),
    "Start small, measure early, and tell staff what changed.": (
        "Commencer petit, mesurer tôt et dire au personnel ce qui a changé.",
        "Empezar poco a poco, medir pronto y contar al personal qué cambió.",
    ),
    "Calls to the permit line per month": (
        "Appels à la ligne des permis par mois",
        "Llamadas a la línea de permisos al mes",
    ),
    "calls": ("appels", "llamadas"),
}


def _paragraph(html):
    """A one-paragraph rich text as wagtail-localize segments it (without the ``<p>``)."""
    return html.removeprefix("<p>").removesuffix("</p>")


_PAGES[_paragraph(PAGE_INTRO)] = (_paragraph(FR[PAGE_INTRO]), _paragraph(ES[PAGE_INTRO]))

#: Read by seed_demo's translation of the demo tree (and used here for the frameworks).
TRANSLATIONS = {
    "fr": {**FR, **{english: pair[0] for english, pair in _PAGES.items()}},
    "es": {**ES, **{english: pair[1] for english, pair in _PAGES.items()}},
}

FIRST = [
    "Amara",
    "Bruno",
    "Carmen",
    "Daniel",
    "Esther",
    "Femi",
    "Gabriel",
    "Hana",
    "Ivan",
    "Julia",
    "Karim",
    "Lena",
    "Marco",
    "Nadia",
    "Omar",
    "Paula",
    "Rosa",
    "Samir",
    "Tara",
    "Victor",
]
LAST = [
    "Adeyemi",
    "Bernard",
    "Costa",
    "Diallo",
    "Eriksen",
    "Fontaine",
    "Gómez",
    "Hassan",
    "Ibrahim",
    "Kim",
    "Lambert",
    "Moreau",
    "Novak",
    "Ortiz",
    "Rossi",
    "Silva",
]
TRACKERS = [
    (
        "Plain-language permit letters",
        "Lyon, France",
        [("Calls to the permit line per month", "calls", 420, 250)],
    ),
    (
        "One-stop business licensing",
        "Austin, United States",
        [("Days to issue a licence", "days", 38, 14)],
    ),
    (
        "Open budget dashboard",
        "Valencia, Spain",
        [("Monthly dashboard visitors", "visitors", 900, 3000)],
    ),
    (
        "Digital appointment booking",
        "Leeds, United Kingdom",
        [("Missed appointments", "%", 18, 8)],
    ),
    (
        "Participatory street design",
        "Montréal, Canada",
        [("Residents taking part", "people", 60, 250)],
    ),
]


def _translate(framework, locale, texts):
    """The framework's translation into ``locale`` with ``texts``, made once."""
    existing = Framework.objects.filter(translation_key=framework.translation_key, locale=locale)
    if existing.exists():
        return existing.first()
    copy = framework.copy_for_translation(locale)
    copy.name = texts.get(copy.name, copy.name)
    copy.description = texts.get(copy.description, copy.description)
    for level in copy.levels.all():
        level.name = texts.get(level.name, level.name)
        level.summary = texts.get(level.summary, level.summary)
    for competency in copy.competencies.all():
        competency.group = texts.get(competency.group, competency.group)
        competency.name = texts.get(competency.name, competency.name)
        competency.description = texts.get(competency.description, competency.description)
        competency.descriptors = [
            ("level", texts.get(str(block.value), str(block.value)))
            for block in competency.descriptors
        ]
    copy.save()
    return copy


class ImprovementSeeder(Seeder):
    order = 88
    name = "improvement"

    def add_arguments(self, parser):
        parser.add_argument(
            "--assessments",
            type=int,
            default=120,
            help="Number of demo self-assessments (default 120; members grow past 200).",
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        page, _ = get_or_create_child(
            home,
            ImprovementPage,
            "improvement",
            title=PAGE_TITLE,
            intro=PAGE_INTRO,
            show_in_menus=True,
            search_description="Self-assessment, goals and impact tracking for public servants.",
        )
        frameworks = [self.framework(data) for data in FRAMEWORKS]
        for code, texts in TRANSLATIONS.items():
            locale = Locale.objects.filter(language_code=code).first()
            if locale is not None:
                for framework in frameworks:
                    _translate(framework, locale, texts)
        with mail.muted():
            members = self.members(ctx, max(0, ctx.options.get("assessments", 120)))
            self.assessments(ctx, frameworks, members, ctx.options.get("assessments", 120))
            self.tags(ctx, frameworks)
            demo_member = next(
                (u for u in ctx.shared["users"].get("members", []) if u.username == "member"),
                None,
            )
            if demo_member is not None:
                self.demo_member(ctx, demo_member, frameworks, members)
            self.trackers(ctx, members, demo_member)
        ctx.shared["improvement_page"] = page
        ctx.shared.setdefault("summary", []).append(
            f"Continuous improvement: {page.full_url} ('member' has assessments, goals in "
            "every state and leads a team)"
        )

    def framework(self, data):
        locale = Locale.get_default()
        framework = Framework.objects.filter(name=data["name"], locale=locale).first()
        if framework is not None:
            return framework
        framework = Framework(
            name=data["name"],
            description=data["description"],
            source=data["source"],
            locale=locale,
        )
        framework.levels = [
            FrameworkLevel(name=name, summary=summary, sort_order=n, locale=locale)
            for n, (name, summary) in enumerate(data["levels"])
        ]
        framework.competencies = [
            Competency(
                group=group,
                name=name,
                description=description,
                sort_order=n,
                locale=locale,
                descriptors=[("level", text) for text in descriptors],
            )
            for n, (group, name, description, descriptors) in enumerate(data["competencies"])
        ]
        framework.save()
        return framework

    def members(self, ctx, total):
        from allauth.account.models import EmailAddress

        from civic_wagtail.members.models import MemberProfile, get_profile

        User = get_user_model()  # noqa: N806
        count = max(50, math.ceil(total / 4))
        wanted = [f"improver{n:03d}" for n in range(1, count + 1)]
        existing = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            [
                User(username=name, email=f"{name}@agency.example.gov", password=password)
                for name in wanted
                if name not in existing
            ]
        )
        users = list(User.objects.filter(username__in=wanted).order_by("username"))
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users
                if u.username not in existing
            ],
            ignore_conflicts=True,
        )
        for index, user in enumerate(users):
            if user.username in existing:
                continue
            profile = get_profile(user)
            profile.display_name = f"{FIRST[index % len(FIRST)]} {LAST[(index * 5) % len(LAST)]}"
            profile.organisation = ["City office", "County office", "Ministry"][index % 3]
            profile.verification_status = MemberProfile.Verification.VERIFIED
            profile.save()
        return users

    def assessments(self, ctx, frameworks, members, total):
        if Assessment.objects.filter(user__in=members).exists() or not members or total <= 0:
            return
        rng = ctx.rng
        counts = [1] * min(len(members), total)
        extra = total - len(counts)
        while extra > 0:
            index = rng.randrange(len(counts))
            if counts[index] < 4:
                counts[index] += 1
                extra -= 1
        now = timezone.now()
        competencies = {f.pk: list(f.competencies.all()) for f in frameworks}
        maxima = {f.pk: f.levels.count() for f in frameworks}
        rows, plans = [], []
        for user, count in zip(members, counts, strict=False):
            framework = frameworks[rng.randrange(len(frameworks))]
            days = sorted(rng.sample(range(0, 540), count), reverse=True)
            start = {
                c.pk: rng.randint(1, max(1, maxima[framework.pk] - 1))
                for c in competencies[framework.pk]
            }
            for step, day in enumerate(days):
                rows.append(
                    Assessment(
                        user=user,
                        framework=framework,
                        created_at=now - datetime.timedelta(days=day),
                    )
                )
                plans.append((framework, start, step))
        created = Assessment.objects.bulk_create(rows, batch_size=500)
        ratings = []
        for assessment, (framework, start, step) in zip(created, plans, strict=True):
            top = maxima[framework.pk]
            for competency in competencies[framework.pk]:
                level = min(top, start[competency.pk] + step // 2)
                ratings.append(
                    Rating(
                        assessment=assessment,
                        competency=competency,
                        level=level,
                        target=min(top, level + rng.randint(0, 2)),
                        confidence=rng.randint(1, 3),
                    )
                )
        Rating.objects.bulk_create(ratings, batch_size=1000)

    def tags(self, ctx, frameworks):
        if CompetencyTag.objects.exists():
            return
        competencies = [c for f in frameworks for c in f.competencies.all()]
        targets = list(ctx.shared.get("practices", []))
        events_index = ctx.shared.get("events_index")
        if events_index is not None:
            targets += [p.specific for p in events_index.get_children().live()[:8]]
        if apps.is_installed("civic_wagtail.mentoring"):
            MentorProfile = apps.get_model("civic_wagtail_mentoring", "MentorProfile")  # noqa: N806
            targets += list(MentorProfile.objects.order_by("pk")[:10])
        tags = []
        for index, target in enumerate(targets):
            content_type = ContentType.objects.get_for_model(type(target))
            for competency in (
                competencies[index % len(competencies)],
                competencies[(index * 3 + 1) % len(competencies)],
            ):
                tags.append(
                    CompetencyTag(
                        competency=competency, content_type=content_type, object_id=target.pk
                    )
                )
        CompetencyTag.objects.bulk_create(tags, ignore_conflicts=True)

    def demo_member(self, ctx, member, frameworks, members):
        framework = frameworks[0]
        if not Assessment.objects.filter(user=member).exists():
            competencies = list(framework.competencies.all())
            for days, bump in ((200, 0), (10, 1)):
                assessment = Assessment.objects.create(
                    user=member,
                    framework=framework,
                    created_at=timezone.now() - datetime.timedelta(days=days),
                )
                Rating.objects.bulk_create(
                    Rating(
                        assessment=assessment,
                        competency=c,
                        level=min(4, 1 + (n % 2) + bump),
                        target=3 + (n % 2),
                        confidence=2,
                        evidence="Led the data clinic." if n == 0 else "",
                    )
                    for n, c in enumerate(competencies)
                )
        mentor = access.mentors_of(member).first()
        if not Goal.objects.filter(user=member).exists():
            self.goals(member, mentor, framework)
        ReminderSetting.objects.get_or_create(user=member, defaults={"frequency": "monthly"})
        team, created = Team.objects.get_or_create(name="Digital services team", lead=member)
        if created:
            TeamMember.objects.bulk_create(
                TeamMember(team=team, user=user, joined_at=timezone.now()) for user in members[:6]
            )
        small, created = Team.objects.get_or_create(name="Data pilot team", lead=member)
        if created:
            TeamMember.objects.bulk_create(
                TeamMember(team=small, user=user, joined_at=timezone.now() if n < 2 else None)
                for n, user in enumerate(members[6:9])
            )

    def goals(self, member, mentor, framework):
        today = timezone.localdate()
        day = datetime.timedelta(days=1)
        data_literacy = framework.competencies.filter(name="Data literacy").first()
        on_track = Goal.objects.create(
            user=member,
            title="Publish the permit data every month",
            kind="target",
            why="Residents and journalists keep asking for it.",
            indicator="Datasets published",
            unit="datasets",
            baseline=0,
            target=12,
            start_date=today - 60 * day,
            due_date=today + 300 * day,
            competency=data_literacy,
        )
        for days, value, confidence, note in (
            (45, 1, 2, "First dataset out."),
            (15, 3, 3, "Automated the export."),
        ):
            CheckIn.objects.create(
                goal=on_track,
                date=today - days * day,
                value=value,
                confidence=confidence,
                note=note,
            )
        at_risk = Goal.objects.create(
            user=member,
            title="Cut permit waiting time",
            kind="target",
            why="Businesses wait too long to open.",
            indicator="Average days to a decision",
            unit="days",
            baseline=40,
            target=20,
            start_date=today - 150 * day,
            due_date=today + 30 * day,
        )
        CheckIn.objects.create(
            goal=at_risk,
            date=today - 20 * day,
            value=36,
            confidence=1,
            note="Two inspectors left; the queue grew.",
        )
        overdue = Goal.objects.create(
            user=member,
            title="Run five user interviews",
            kind="milestones",
            start_date=today - 120 * day,
            due_date=today - 10 * day,
            why="We redesign the permit form next quarter.",
        )
        Milestone.objects.bulk_create(
            Milestone(
                goal=overdue, title=title, position=n, done_on=today - 40 * day if n == 0 else None
            )
            for n, title in enumerate(
                [
                    "Write the interview guide",
                    "Recruit five residents",
                    "Hold the interviews",
                    "Share the findings",
                ]
            )
        )
        achieved = Goal.objects.create(
            user=member,
            title="Finish the data protection course",
            kind="milestones",
            start_date=today - 200 * day,
            due_date=today - 100 * day,
            status="achieved",
        )
        Milestone.objects.create(
            goal=achieved, title="Pass the final quiz", position=0, done_on=today - 110 * day
        )
        Goal.objects.create(
            user=member,
            title="Learn a dashboard tool",
            kind="milestones",
            start_date=today - 90 * day,
            status="dropped",
            why="Another team now builds our dashboards.",
        )
        if mentor is not None:
            access.share(on_track, mentor)
            latest = on_track.checkins.order_by("-date").first()
            GoalComment.objects.create(
                checkin=latest,
                author=mentor,
                body="Great progress. Could you add a data dictionary?",
            )

    def trackers(self, ctx, members, demo_member):
        if AdoptionTracker.objects.exists():
            return
        practices = list(ctx.shared.get("practices", []))
        owners = [demo_member] if demo_member else []
        owners += members[:4]
        today = timezone.localdate()
        trackers = []
        for index, (title, place, indicators) in enumerate(TRACKERS):
            owner = owners[index % len(owners)] if owners else None
            if owner is None:
                return
            tracker = AdoptionTracker.objects.create(
                user=owner,
                title=title,
                place=place,
                organisation=place.split(",")[0] + " city council",
                practice=practices[index % len(practices)] if practices else None,
                started_on=today - datetime.timedelta(days=240),
                challenge="Residents found the old process slow and confusing.",
                what_was_done="We adapted the practice to our rules and trained the front desk.",
                lessons="Start small, measure early, and tell staff what changed.",
                status="done" if index == 4 else "measuring",
            )
            for name, unit, baseline, target in indicators:
                indicator = TrackerIndicator.objects.create(
                    tracker=tracker, name=name, unit=unit, baseline=baseline, target=target
                )
                Measurement.objects.bulk_create(
                    Measurement(
                        indicator=indicator,
                        date=today - datetime.timedelta(days=180 - 60 * step),
                        value=baseline + (target - baseline) * (step + 1) / 4,
                    )
                    for step in range(3)
                )
            trackers.append(tracker)
        from civic_wagtail import drafts

        from . import casestudy

        if trackers and drafts.is_available() and trackers[0].practice_id:
            try:
                casestudy.submit(trackers[0], user=trackers[0].user)
            except drafts.DraftsUnavailable as error:
                ctx.log(f"improvement: no case study from the tracker ({error})")


SEEDERS = [ImprovementSeeder]
