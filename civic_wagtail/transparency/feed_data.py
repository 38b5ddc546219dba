"""The Atom feeds, for the open-data page (hook ``civic_wagtail_open_data``, kind "feed")."""

from django.urls import reverse
from django.utils.translation import gettext as _

from civic_wagtail.models import Topic
from civic_wagtail.open_data import Dataset


def datasets(request, site_url):
    policy = site_url + reverse("civic_wagtail_transparency:policy_feed")
    consultations = site_url + reverse("civic_wagtail_transparency:consultation_feed")
    examples = [(_("Policy updates and consultations (Atom)"), policy)]
    topic = Topic.objects.order_by("locale_id", "pk").values_list("slug", flat=True).first()
    if topic:
        examples.append(
            (
                _("One topic (Atom), e.g. “%(slug)s”") % {"slug": topic},
                site_url + reverse("civic_wagtail_transparency:policy_topic_feed", args=[topic]),
            )
        )
    return [
        Dataset(
            "feed",
            _("Policy updates and consultations (Atom)"),
            _(
                "New and changed policy updates and consultations, for any feed reader (Atom, "
                "RFC 4287); one feed for everything and one per topic (the topic's slug before "
                ".atom)."
            ),
            examples,
        ),
        Dataset(
            "feed",
            _("Consultations (Atom)"),
            _("New and updated public consultations, for any feed reader (Atom, RFC 4287)."),
            [(_("Consultations (Atom)"), consultations)],
        ),
    ]
