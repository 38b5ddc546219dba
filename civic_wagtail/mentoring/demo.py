"""Demo content: the /mentoring/ page, mentors, a programme and mentorships in every state.

``seed_demo --mentors N`` (default 24) creates N mentor accounts (``mentor01@...``, password
as the other demo accounts). Demo people take part too: Max Member is mentored (active), the
coordinator sees everything. Idempotent: mentors are found by username and mentorships by
(mentor, mentee), so a second run adds nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from civic_wagtail.demo import DEMO_PASSWORD
from civic_wagtail.members.models import MemberProfile, get_profile
from civic_wagtail.seeding import Seeder, get_or_create_child

from . import lifecycle, notifications
from .models import (
    MeetingLogEntry,
    MentorLanguage,
    MentorProfile,
    Mentorship,
    MentorshipFeedback,
    Programme,
)
from .pages import MentoringPage

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kemi", "Luis", "Mira", "Noah", "Olga", "Priya", "Quinn", "Rafael", "Sara", "Tomás"]
LAST = ["Alvarez", "Brown", "Chen", "Dubois", "Evans", "Fischer", "García", "Haddad", "Ito",
        "Jensen", "Kowalski", "López", "Martin", "Nguyen", "Okafor", "Patel"]
SKILLS = ["procurement", "user research", "service design", "budgeting", "data analysis",
          "stakeholder engagement", "change management", "grant writing", "open data",
          "policy writing", "project management", "community outreach"]
DOMAINS = ["city.example.gov", "county.example.gov", "state.example.gov", "health.example.gov",
           "transit.example.gov", "ministry.example.gov.uk", "ville.example.gouv.fr"]
ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto",
         "Europe/London", "Europe/Paris", "Europe/Berlin", "Australia/Sydney",
         "America/Mexico_City"]
LANGUAGE_SETS = [["en"], ["en", "es"], ["en", "fr"], ["fr"], ["es"], ["en", "de"], ["en", "pt"]]
INTRO = (
    "<p>Experienced public servants offer a few hours a month to guide colleagues who are "
    "newer to a field. Browse the directory, or tell us your goals and we suggest mentors "
    "and say why. Mentorships last six months by default; your goals and meeting notes stay "
    "private to the two of you and the coordinators.</p>"
)
MATCH_INTRO = "Tell us what you want to learn: we rank mentors and explain each match."
DESCRIPTION = "Find a mentor among experienced public servants."
_INTRO_TEXT = INTRO[3:-4]
#: The mentoring page in French and Spanish, for the locale seeder.
TRANSLATIONS = {
    "fr": {
        "Mentoring": "Mentorat",
        _INTRO_TEXT: "Des agents publics expérimentés consacrent quelques heures par mois à "
        "accompagner des collègues qui découvrent un domaine. Parcourez l'annuaire, ou "
        "indiquez-nous vos objectifs : nous vous proposons des mentors et vous expliquons "
        "pourquoi. Un mentorat dure six mois par défaut ; vos objectifs et vos notes de "
        "rencontre restent confidentiels entre vous deux et les coordinateurs.",
        MATCH_INTRO: "Dites-nous ce que vous voulez apprendre : nous classons les mentors et "
        "expliquons chaque proposition.",
        DESCRIPTION: "Trouvez un mentor parmi des agents publics expérimentés.",
    },
    "es": {
        "Mentoring": "Mentoría",
        _INTRO_TEXT: "Servidores públicos con experiencia dedican unas horas al mes a orientar "
        "a colegas que se inician en un ámbito. Consulte el directorio o cuéntenos sus "
        "objetivos: le sugerimos mentores y le explicamos por qué. Las mentorías duran seis "
        "meses por defecto; sus objetivos y notas de reunión son confidenciales entre ustedes "
        "dos y los coordinadores.",
        MATCH_INTRO: "Díganos qué quiere aprender: clasificamos a los mentores y explicamos "
        "cada propuesta.",
        DESCRIPTION: "Encuentre un mentor entre servidores públicos con experiencia.",
    },
}
#: The states the demo mentorships end in, in order, so every state is represented.
STATES = ["requested", "accepted", "declined", "active", "completed", "cancelled"]


class MentoringSeeder(Seeder):
    order = 80
    name = "mentoring"

    def add_arguments(self, parser):
        parser.add_argument(
            "--mentors", type=int, default=24, help="Number of demo mentors (default 24)."
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        page, _ = get_or_create_child(
            home,
            MentoringPage,
            "mentoring",
            title="Mentoring",
            intro=INTRO,
            match_intro=MATCH_INTRO,
            show_in_menus=True,
            search_description=DESCRIPTION,
        )
        programme, _ = Programme.objects.get_or_create(
            name="Spring 2026 cohort",
            defaults={
                "start_date": datetime.date(2026, 3, 1),
                "end_date": datetime.date(2026, 9, 30),
                "length_months": 6,
                "description": "Six months, monthly meetings, a shared goal per pair.",
            },
        )
        mentors = self.seed_mentors(ctx, ctx.options.get("mentors", 24))
        self.seed_mentorships(ctx, mentors, programme)
        ctx.shared["mentoring_page"] = page
        if mentors:
            ctx.shared.setdefault("summary", []).append(
                f"Mentoring: {page.full_url} (mentors log in as "
                f"{mentors[0].user.email} ... with the demo password; 'member' has an "
                "active mentorship, 'coordinator' sees every mentorship)"
            )

    def seed_mentors(self, ctx, count):
        User = get_user_model()
        rng = ctx.rng
        topics, levels = ctx.shared["topics"], ctx.shared["levels"]
        regions, org_types = ctx.shared["regions"], ctx.shared["organisation_types"]
        mentors = []
        for index in ctx.progress(range(1, count + 1), "mentors", total=count):
            username = f"mentor{index:02d}"
            first, last = FIRST[index % len(FIRST)], LAST[(index * 7) % len(LAST)]
            domain = DOMAINS[index % len(DOMAINS)]
            # Draw every random value even for existing mentors, so later ones stay the same.
            choice = {
                "topics": rng.sample(topics, rng.randint(1, 3)),
                "levels": rng.sample(levels, rng.randint(1, 2)),
                "org_types": rng.sample(org_types, 1),
                "region": rng.choice(regions),
                "skills": rng.sample(SKILLS, 3),
                "languages": rng.choice(LANGUAGE_SETS),
                "years": rng.randint(3, 30),
                "capacity": rng.randint(1, 3),
                "zone": rng.choice(ZONES),
                "formats": rng.sample(["video", "phone", "in_person"], rng.randint(1, 3)),
            }
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=f"{username}@{domain}")
                user.set_password(DEMO_PASSWORD)
                user.save()
            self._profile(user, f"{first} {last}", domain, choice)
            mentor = MentorProfile.objects.filter(user=user).first()
            if mentor is None:
                availability = "paused" if index % 11 == 0 else "open"
                mentor = MentorProfile.objects.create(
                    user=user,
                    headline=f"{choice['skills'][0].capitalize()} for "
                    f"{choice['topics'][0].name.lower()} teams",
                    skills=", ".join(choice["skills"]),
                    region=choice["region"],
                    years_of_experience=choice["years"],
                    capacity=choice["capacity"],
                    availability=availability,
                    time_zone=choice["zone"],
                    formats=choice["formats"],
                    contact_email=f"{username}.mentoring@{domain}",
                    contact_phone=f"+1 555 01{index:02d}",
                    contact_notes="Weekday mornings suit me best.",
                )
                mentor.topics.set(choice["topics"])
                mentor.government_levels.set(choice["levels"])
                mentor.organisation_types.set(choice["org_types"])
                MentorLanguage.objects.bulk_create(
                    [MentorLanguage(mentor=mentor, code=code) for code in choice["languages"]]
                )
            mentors.append(mentor)
        return mentors

    def _profile(self, user, name, domain, choice):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        profile = get_profile(user)
        profile.display_name = name
        profile.organisation = domain.split(".")[0].title() + " office"
        profile.region = choice["region"]
        profile.government_level = choice["levels"][0]
        profile.verification_status = MemberProfile.Verification.VERIFIED
        profile.verification_method = MemberProfile.Method.EMAIL_DOMAIN
        profile.save()

    def seed_mentorships(self, ctx, mentors, programme):
        """Pairs of (mentor, mentee) walked through the lifecycle to each state."""
        users = ctx.shared["users"]
        mentees = [u for u in users.get("members", []) if u.username != "pending"]
        mentees += [m.user for m in mentors[len(mentors) // 2:]]
        # Skip paused mentors: requests to them would be refused, as on the site.
        available = [m for m in mentors[: len(mentors) // 2] if m.availability == "open"]
        if not available or not mentees:
            return
        member = next((u for u in mentees if u.username == "member"), mentees[0])
        pairs = [(available[0], member, "active")]
        for index, state in enumerate(STATES * 2):
            mentor = available[(index + 1) % len(available)]
            mentee = mentees[(index + 1) % len(mentees)]
            if mentee.pk != mentor.user_id and (mentor, mentee) not in [p[:2] for p in pairs]:
                pairs.append((mentor, mentee, state))
        with notifications.muted():
            for mentor, mentee, state in ctx.progress(pairs, "mentorships"):
                if Mentorship.objects.filter(mentor=mentor, mentee=mentee).exists():
                    continue
                self._walk(mentor, mentee, state, programme)

    def _walk(self, mentor, mentee, state, programme):
        try:
            mentorship = lifecycle.request_mentorship(
                mentee,
                mentor,
                "I am new to this area and would value monthly conversations about how you "
                "approached it.",
                programme=programme,
            )
        except lifecycle.TransitionError:  # the mentor filled up: keep the demo consistent
            return
        if state == "requested":
            # Age some requests so the "open requests older than N days" report has rows.
            Mentorship.objects.filter(pk=mentorship.pk).update(
                requested_at=timezone.now() - datetime.timedelta(days=20)
            )
            return
        if state == "declined":
            lifecycle.decline(mentorship, mentor.user, "My places are promised to my own team.")
            return
        try:
            lifecycle.accept(mentorship, mentor.user)
        except lifecycle.TransitionError:
            return
        if state == "accepted":
            return
        if state == "cancelled":
            lifecycle.cancel(mentorship, mentee, "My role changed and I no longer have time.")
            return
        mentorship = lifecycle.start(mentorship, mentor.user)
        Mentorship.objects.filter(pk=mentorship.pk).update(
            goals="1. Map the permit process end to end.\n2. Run one user-research session."
        )
        MeetingLogEntry.objects.create(
            mentorship=mentorship,
            author=mentee,
            date=mentorship.start_date,
            notes="First call: agreed goals and a monthly rhythm.",
        )
        if state == "completed":
            lifecycle.complete(mentorship, mentee)
            MentorshipFeedback.objects.create(
                mentorship=mentorship,
                author=mentee,
                rating=5,
                comments="Practical advice every month; I would recommend this mentor.",
            )


SEEDERS = [MentoringSeeder]
