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


SEEDERS = [RecognitionSeeder]
