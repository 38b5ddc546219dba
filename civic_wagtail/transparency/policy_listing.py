"""What the policy index and a policy page show: filters, the listing, feeds and alert forms."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from civic_wagtail.models import GovernmentLevel, Topic
from civic_wagtail.pagination import paginate
from civic_wagtail.params import get_text

from .models import PolicyStage, PolicyUpdatePage


def _slug(request, name):
    value = get_text(request, name, max_length=120)
    return value if value.replace("-", "").replace("_", "").isalnum() else ""


@dataclass
class PolicyFilter:
    stage: str = ""
    topic: Topic | None = None
    level: GovernmentLevel | None = None

    @classmethod
    def from_request(cls, request, page):
        stage = get_text(request, "stage", max_length=20)
        stage = stage if stage in PolicyStage.values else ""
        topic = level = None
        if slug := _slug(request, "topic"):
            topic = Topic.objects.for_locale(page.locale).filter(slug=slug).first()
        if slug := _slug(request, "level"):
            level = GovernmentLevel.objects.for_locale(page.locale).filter(slug=slug).first()
        return cls(stage, topic, level)

    def apply(self, queryset):
        if self.stage:
            queryset = queryset.filter(stage=self.stage)
        if self.topic:
            queryset = queryset.filter(topics__slug=self.topic.slug)
        if self.level:
            queryset = queryset.filter(government_level__slug=self.level.slug)
        return queryset

    def query(self):
        params = {
            "stage": self.stage,
            "topic": self.topic.slug if self.topic else "",
            "level": self.level.slug if self.level else "",
        }
        return urlencode({k: v for k, v in params.items() if v})


def policies(index):
    return (
        PolicyUpdatePage.objects.child_of(index)
        .live()
        .public()
        .select_related("government_level")
        .prefetch_related("topics")
        .order_by("-last_changed", "-first_published_at", "pk")
    )


def feed_links(topic=None):
    """``[(title, url)]`` of the Atom feeds to advertise."""
    from django.utils.translation import gettext as _

    links = [
        (_("Policy updates and consultations"), reverse("civic_wagtail_transparency:policy_feed"))
    ]
    if topic is not None:
        links.append(
            (
                _("Policy updates about %(topic)s") % {"topic": topic.name},
                reverse("civic_wagtail_transparency:policy_topic_feed", args=[topic.slug]),
            )
        )
    return links


def index_context(page, request):
    selected = PolicyFilter.from_request(request, page)
    page_obj = paginate(request, selected.apply(policies(page)))
    return {
        "filter": selected,
        "page_obj": page_obj,
        "policies": page_obj.object_list,
        "stages": PolicyStage.choices,
        "topics": list(Topic.objects.for_locale(page.locale)),
        "levels": list(GovernmentLevel.objects.for_locale(page.locale)),
        "feeds": feed_links(selected.topic),
        "subscribe_topic": selected.topic,
    }


def related_groups(page):
    """Related pages grouped by their type's name: ``[(type name, [page, ...])]``."""
    links = page.related_links.select_related("related", "related__content_type")
    groups = {}
    for link in links:
        related = link.related
        if not related.live:
            continue
        model = related.content_type.model_class()
        name = model._meta.verbose_name_plural if model else ""
        groups.setdefault(str(name).capitalize(), []).append(related.specific_deferred)
    return sorted(groups.items())


def policy_context(page, request):
    topics = list(page.topics.all())
    return {
        "topics_list": topics,
        "change_log": page.change_log,
        "related_groups": related_groups(page),
        "feeds": feed_links(topics[0] if len(topics) == 1 else None),
        "topic_feeds": [
            (t, reverse("civic_wagtail_transparency:policy_topic_feed", args=[t.slug]))
            for t in topics
        ],
    }
