"""The rule registry: what earns each badge, evaluated for everyone at once.

Apps add rules with the ``civic_wagtail_badge_rules`` hook, returning :class:`BadgeRule`
instances. A rule answers :meth:`BadgeRule.qualifying` for many members in a fixed number of
queries (an aggregate, never a query per member), so the nightly run over the whole site and a
run for one member after a signal cost the same number of queries.

The seed rules below read other apps' models by label (``apps.get_model``), so this app imports
no feature app; a rule whose app is not installed is left out.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK = "civic_wagtail_badge_rules"


@dataclass(frozen=True)
class Evidence:
    """What earned an award: a model label and primary key (its URL is found when shown)."""

    model: str
    pk: object


class BadgeRule:
    """A rule of the registry. Subclass it and register an instance with the hook."""

    #: Stable name stored on badges (``Badge.rule``).
    slug = ""
    #: Shown to editors choosing a badge's rule.
    label = ""
    #: ``app_label.Model`` names whose changes may change who qualifies (saves and deletions
    #: of these enqueue an evaluation for the members :meth:`members_for` names).
    watch = ()
    #: Apps the rule needs (the rule is left out when one is missing).
    requires = ()

    def available(self):
        return all(apps.is_installed(name) for name in self.requires)

    def qualifying(self, user_ids=None):
        """``{user_id: Evidence}`` of the members who meet the rule (among ``user_ids``)."""
        raise NotImplementedError

    def members_for(self, instance):
        """User ids whose outcome a change of ``instance`` may change."""
        return []


def _limit(queryset, field, user_ids):
    return queryset if user_ids is None else queryset.filter(**{f"{field}__in": user_ids})


class FirstCaseStudy(BadgeRule):
    slug = "first_case_study"
    label = _("First case study published")
    watch = ("civic_wagtail_library.CaseStudyPage",)
    requires = ("civic_wagtail.library",)

    def qualifying(self, user_ids=None):
        pages = apps.get_model("civic_wagtail_library", "CaseStudyPage").objects.filter(
            live=True, owner__isnull=False
        )
        rows = _limit(pages, "owner", user_ids).values("owner").annotate(first=Min("pk"))
        return {
            row["owner"]: Evidence("civic_wagtail_library.casestudypage", row["first"])
            for row in rows.order_by()
        }

    def members_for(self, instance):
        return [instance.owner_id] if instance.owner_id else []


class PracticeAdopted(BadgeRule):
    """A practice applied in ``places`` different places, by published case studies."""

    slug = "practice_adopted_3"
    label = _("Practice adopted in three places")
    watch = ("civic_wagtail_library.CaseStudyPage", "civic_wagtail_library.BestPracticePage")
    requires = ("civic_wagtail.library",)
    places = 3

    def qualifying(self, user_ids=None):
        practices = apps.get_model("civic_wagtail_library", "BestPracticePage").objects.filter(
            live=True, owner__isnull=False
        )
        rows = (
            _limit(practices, "owner", user_ids)
            .annotate(
                places=Count(
                    "case_studies__place",
                    filter=Q(case_studies__live=True),
                    distinct=True,
                )
            )
            .filter(places__gte=self.places)
            .values("owner")
            .annotate(first=Min("pk"))
            .order_by()
        )
        return {
            row["owner"]: Evidence("civic_wagtail_library.bestpracticepage", row["first"])
            for row in rows
        }

    def members_for(self, instance):
        if hasattr(instance, "practices"):
            return list(
                instance.practices.exclude(owner__isnull=True).values_list("owner", flat=True)
            )
        return [instance.owner_id] if instance.owner_id else []


class PeerReviews(BadgeRule):
    slug = "ten_peer_reviews"
    label = _("Ten peer reviews completed")
    watch = ("civic_wagtail_review.ReviewDecision",)
    requires = ("civic_wagtail.review",)
    count = 10

    def qualifying(self, user_ids=None):
        decisions = apps.get_model("civic_wagtail_review", "ReviewDecision").objects.filter(
            reviewer__isnull=False
        )
        rows = (
            _limit(decisions, "reviewer", user_ids)
            .values("reviewer")
            .annotate(n=Count("pk"), last=Max("pk"))
            .filter(n__gte=self.count)
            .order_by()
        )
        return {
            row["reviewer"]: Evidence("civic_wagtail_review.reviewdecision", row["last"])
            for row in rows
        }

    def members_for(self, instance):
        return [instance.reviewer_id] if instance.reviewer_id else []


class Mentorships(BadgeRule):
    """Mentorships completed as a mentor, each with positive feedback (4 or 5 of 5)."""

    slug = "three_mentorships"
    label = _("Three mentorships completed with positive feedback")
    watch = ("civic_wagtail_mentoring.Mentorship", "civic_wagtail_mentoring.MentorshipFeedback")
    requires = ("civic_wagtail.mentoring",)
    count = 3

    def qualifying(self, user_ids=None):
        mentorships = apps.get_model("civic_wagtail_mentoring", "Mentorship").objects.filter(
            status="completed", feedback__rating__gte=4
        )
        rows = (
            _limit(mentorships, "mentor__user", user_ids)
            .values("mentor__user")
            .annotate(n=Count("pk", distinct=True), last=Max("pk"))
            .filter(n__gte=self.count)
            .order_by()
        )
        return {
            row["mentor__user"]: Evidence("civic_wagtail_mentoring.mentorship", row["last"])
            for row in rows
        }

    def members_for(self, instance):
        mentorship = getattr(instance, "mentorship", instance)
        return [mentorship.mentor.user_id]


class HelpfulReplies(BadgeRule):
    """Replies that other members marked "This helped me"."""

    slug = "ten_helpful_replies"
    label = _("Ten replies marked helpful")
    watch = ("civic_wagtail_recognition.Kudos",)
    requires = ("django_comments_xtd",)
    count = 10

    def qualifying(self, user_ids=None):
        from .models import Kudos

        comment_type = ContentType.objects.get_by_natural_key("django_comments_xtd", "xtdcomment")
        kudos = Kudos.objects.filter(content_type=comment_type, recipient__isnull=False)
        rows = (
            _limit(kudos, "recipient", user_ids)
            .values("recipient")
            .annotate(n=Count("object_id", distinct=True), last=Max("object_id"))
            .filter(n__gte=self.count)
            .order_by()
        )
        return {
            row["recipient"]: Evidence("django_comments_xtd.xtdcomment", row["last"])
            for row in rows
        }

    def members_for(self, instance):
        return [instance.recipient_id] if instance.recipient_id else []


#: The rules this app registers itself (``wagtail_hooks``).
SEED_RULES = [FirstCaseStudy(), PracticeAdopted(), PeerReviews(), Mentorships(), HelpfulReplies()]


def registry():
    """``{slug: rule}`` of every available rule, in hook order."""
    rules = {}
    for fn in hooks.get_hooks(HOOK):
        for rule in fn():
            if rule.available():
                rules.setdefault(rule.slug, rule)
    return rules
