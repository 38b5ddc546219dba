"""Badges and contributions for the recognition tests."""

from civic_wagtail.recognition.models import Badge
from tests.library.helpers import case_study


def badge(rule="first_case_study", slug=None, name="First story", tier="bronze"):
    from wagtail.models import Locale

    return Badge.objects.create(
        name=name, slug=slug or rule.replace("_", "-"), description="Shared a first story.",
        criteria="Publish a case study.", tier=tier, rule=rule,
        locale=Locale.get_default(),
    )


def published_case(library, owner, n):
    page = case_study(library, title=f"Case {n}", slug=f"case-{n}", owner=owner)
    page.save_revision().publish()
    return page
