""""Top contributors this quarter", per topic: off unless the site turns it on.

Nobody is ranked publicly by default (``CIVIC_WAGTAIL_RECOGNITION_TOP_CONTRIBUTORS = False``);
a site that wants the list turns it on. A contribution is a practice or case study tagged with
the topic (in any language) and first published this quarter, live and public; members who
hide their contributions from their profile are left out. The ranking is one query: each
member's count per page type as a correlated subquery, summed, ordered and cut in the
database.
"""

from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

#: Page models counted (``app_label.Model``), those whose app is installed.
MODELS = ("civic_wagtail_library.BestPracticePage", "civic_wagtail_library.CaseStudyPage")
#: How many members the list shows.
LIMIT = 10


def quarter_start(now=None):
    """Midnight on the first day of ``now``'s quarter, in the site's time zone."""
    now = timezone.localtime(now or timezone.now())
    month = 3 * ((now.month - 1) // 3) + 1
    return timezone.make_aware(datetime(now.year, month, 1))


def _models():
    found = []
    for label in MODELS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def top_contributors(topic, now=None, limit=LIMIT):
    """``[(profile, count), ...]``: who contributed most to ``topic`` this quarter, most first
    (ties by name), among the members who show their contributions."""
    since = quarter_start(now)
    annotations, score, authors = {}, None, Q(pk__in=[])
    for index, model in enumerate(_models()):
        pages = (
            model.objects.live()
            .public()
            .filter(topics__translation_key=topic.translation_key, first_published_at__gte=since)
        )
        count = (
            pages.filter(owner=OuterRef("pk")).order_by().values("owner").annotate(n=Count("pk"))
        )
        name = f"civic_contributions_{index}"
        annotations[name] = Coalesce(Subquery(count.values("n"), output_field=IntegerField()), 0)
        score = F(name) if score is None else score + F(name)
        authors |= Q(pk__in=pages.values("owner"))
    if score is None:
        return []
    rows = (
        get_user_model()
        .objects.filter(authors, is_active=True)
        # Public fields are a JSON list of names: the quoted name in its text matches the same
        # way on SQLite and PostgreSQL (``contains`` on JSON lists is PostgreSQL only).
        .filter(civic_profile__public_fields__icontains='"contributions"')
        .annotate(**annotations)
        .annotate(civic_score=score)
        .select_related("civic_profile")
        .order_by("-civic_score", "civic_profile__display_name", "pk")[:limit]
    )
    return [(user.civic_profile, user.civic_score) for user in rows]
