"""Demo badges, awarded by the real rules: the demo member publishes a story and their
replies are marked "This helped me" by other members."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale

from civic_wagtail.seeding import Seeder

from .awarding import run_rules
from .models import Badge, Kudos

BADGES = [
    ("first_case_study", "first-story", "First story", "bronze",
     "Shared how their organisation solved a problem.", "Publish a first case study."),
    ("practice_adopted_3", "adopted-three-times", "Adopted in three places", "gold",
     "A practice they wrote was put to work in three places.",
     "Three published case studies, in three different places, apply a practice you wrote."),
    ("ten_peer_reviews", "peer-reviewer", "Peer reviewer", "silver",
     "Checked the evidence of ten submissions.", "Complete ten peer reviews."),
    ("three_mentorships", "mentor", "Mentor", "silver",
     "Guided three colleagues to the end of a mentorship.",
     "Complete three mentorships with positive feedback from the mentee."),
    ("ten_helpful_replies", "helpful", "Helpful", "silver",
     "Their answers helped other members.", "Ten of your replies marked \"This helped me\"."),
]


class RecognitionSeeder(Seeder):
    order = 90
    name = "recognition"

    def seed(self, ctx):
        locale = Locale.get_default()
        for rule, slug, name, tier, description, criteria in BADGES:
            Badge.objects.get_or_create(
                slug=slug, locale=locale,
                defaults={"name": name, "tier": tier, "description": description,
                          "criteria": criteria, "rule": rule},
            )
        demo = get_user_model().objects.filter(username="member").first()
        if demo is not None:
            self.give_demo_member_a_story(demo)
            self.thank_demo_member(demo, ctx)
        totals = run_rules()
        ctx.log(f"  badges: {totals['awarded']} awarded, {totals['revoked']} revoked")

    def give_demo_member_a_story(self, demo):
        if not apps.is_installed("civic_wagtail.library"):
            return
        cases = apps.get_model("civic_wagtail_library", "CaseStudyPage").objects
        if not cases.filter(owner=demo, live=True).exists():
            story = cases.filter(live=True, owner__isnull=True).order_by("pk").first()
            if story is not None:
                cases.filter(pk=story.pk).update(owner=demo)

    def thank_demo_member(self, demo, ctx):
        """Kudos on a few of the demo member's replies (from members, one each)."""
        if not apps.is_installed("django_comments_xtd"):
            return
        comments = apps.get_model("django_comments_xtd", "XtdComment").objects
        replies = list(comments.filter(user=demo, is_public=True).order_by("pk")[:3])
        givers = list(
            get_user_model().objects.exclude(pk=demo.pk).filter(is_active=True).order_by("pk")[:4]
        )
        comment_type = ContentType.objects.get_for_model(comments.model)
        for reply in replies:
            for giver in givers:
                Kudos.objects.get_or_create(
                    giver=giver, content_type=comment_type, object_id=str(reply.pk),
                    defaults={"recipient": demo},
                )


#: The badges in French and Spanish, for the locale seeder (civic_wagtail.locale_seeding).
TRANSLATIONS = {
    "fr": {
        "First story": "Premier récit",
        "Shared how their organisation solved a problem.":
            "A raconté comment son organisation a résolu un problème.",
        "Publish a first case study.": "Publier une première étude de cas.",
        "Adopted in three places": "Adoptée en trois lieux",
        "A practice they wrote was put to work in three places.":
            "Une pratique qu'il ou elle a rédigée a été mise en œuvre en trois lieux.",
        "Three published case studies, in three different places, apply a practice you wrote.":
            "Trois études de cas publiées, dans trois lieux différents, appliquent une pratique "
            "que vous avez rédigée.",
        "Peer reviewer": "Évaluateur par les pairs",
        "Checked the evidence of ten submissions.": "A vérifié les preuves de dix contributions.",
        "Complete ten peer reviews.": "Mener à bien dix évaluations par les pairs.",
        "Mentor": "Mentor",
        "Guided three colleagues to the end of a mentorship.":
            "A accompagné trois collègues jusqu'au terme d'un mentorat.",
        "Complete three mentorships with positive feedback from the mentee.":
            "Mener à bien trois mentorats avec un retour positif de la personne accompagnée.",
        "Helpful": "Précieux",
        "Their answers helped other members.": "Ses réponses ont aidé d'autres membres.",
        'Ten of your replies marked "This helped me".':
            "Dix de vos réponses marquées « Cela m'a aidé ».",
    },
    "es": {
        "First story": "Primera historia",
        "Shared how their organisation solved a problem.":
            "Contó cómo su organización resolvió un problema.",
        "Publish a first case study.": "Publicar un primer estudio de caso.",
        "Adopted in three places": "Adoptada en tres lugares",
        "A practice they wrote was put to work in three places.":
            "Una práctica que redactó se puso en marcha en tres lugares.",
        "Three published case studies, in three different places, apply a practice you wrote.":
            "Tres estudios de caso publicados, en tres lugares distintos, aplican una práctica "
            "que usted redactó.",
        "Peer reviewer": "Revisor por pares",
        "Checked the evidence of ten submissions.": "Comprobó la evidencia de diez envíos.",
        "Complete ten peer reviews.": "Completar diez revisiones por pares.",
        "Mentor": "Mentor",
        "Guided three colleagues to the end of a mentorship.":
            "Acompañó a tres colegas hasta el final de una mentoría.",
        "Complete three mentorships with positive feedback from the mentee.":
            "Completar tres mentorías con una valoración positiva de la persona mentorizada.",
        "Helpful": "De gran ayuda",
        "Their answers helped other members.": "Sus respuestas ayudaron a otros miembros.",
        'Ten of your replies marked "This helped me".':
            "Diez de sus respuestas marcadas como «Me ayudó».",
    },
}

SEEDERS = [RecognitionSeeder]
