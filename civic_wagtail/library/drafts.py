"""The library's side of :mod:`civic_wagtail.drafts`: another app's evidence (an adoption
tracker, a pilot log) becomes a draft case study or practice that enters peer review the way
a member's own submission does (:func:`.submission.submit_for_review`)."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from civic_wagtail import sections
from civic_wagtail.drafts import CASE_STUDY, DraftsUnavailable
from civic_wagtail.models import Topic

from .forms import text_to_rich_text
from .models import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    Indicator,
    LibraryIndexPage,
    PracticeOutcome,
)
from .submission import submit_for_review, unique_slug


def _locale(locale):
    if isinstance(locale, Locale):
        return locale
    if locale:
        return Locale.objects.filter(language_code=locale).first() or Locale.get_default()
    return Locale.get_active()


def _indicator(ref, locale):
    """The indicator a draft names: primary key, slug or name; a new one for a new name."""
    indicators = Indicator.objects
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        found = indicators.filter(pk=int(ref)).first()
        if found is not None:
            return found
    ref = str(ref).strip()
    slug = slugify(ref)[:120]
    found = (
        indicators.filter(slug=slug, locale=locale).first()
        or indicators.filter(slug=slug).order_by("pk").first()
        or indicators.filter(name__iexact=ref).order_by("pk").first()
    )
    if found is None:
        found = indicators.create(name=ref[:200], slug=slug or "indicator", locale=locale)
    return found


def _outcomes(draft, model, locale):
    return [
        model(
            indicator=_indicator(item.indicator, locale),
            unit=item.unit,
            baseline=item.baseline,
            target=item.target,
            actual=item.actual,
            period_start=item.period_start,
            period_end=item.period_end,
            evidence_url=item.evidence_url,
            locale=locale,
        )
        for item in draft.outcomes
    ]


def _practice(practice_id):
    if not practice_id:
        return None
    return BestPracticePage.objects.filter(pk=practice_id).first()


@transaction.atomic
def submit_draft(draft, *, user, site=None, locale=None):
    """Implementation of the ``civic_wagtail_submit_draft`` hook."""
    locale = _locale(locale)
    index = sections.section_page(site, LibraryIndexPage, locale)
    if index is None:
        raise DraftsUnavailable(
            "This site has no library page to put drafts under: an editor adds a Library "
            "index page below the home page."
        )
    common = {
        "title": draft.title[:255],
        "slug": unique_slug(index, draft.title),
        "summary": draft.summary[:600],
        "what_did_not_work": text_to_rich_text(draft.what_did_not_work),
        "owner": user,
        "live": False,
        "has_unpublished_changes": True,
    }
    practice = _practice(draft.practice_id)
    if draft.kind == CASE_STUDY:
        page = CaseStudyPage(
            **common,
            organisation=draft.organisation[:200],
            place=draft.place[:200],
            challenge=text_to_rich_text(draft.challenge),
            what_was_done=text_to_rich_text(draft.what_was_done),
            lessons=text_to_rich_text(draft.lessons),
            adapted_from=practice,
        )
        if practice is not None:
            page.practices.set([practice])
        page.outcomes.set(_outcomes(draft, CaseStudyOutcome, index.locale))
    else:
        page = BestPracticePage(
            **common,
            problem=text_to_rich_text(draft.challenge),
            approach=text_to_rich_text(
                "\n\n".join(filter(None, [draft.what_was_done, draft.lessons]))
            ),
            adapted_from=practice,
        )
        page.outcomes.set(_outcomes(draft, PracticeOutcome, index.locale))
    page.topics.set(Topic.objects.filter(pk__in=draft.topic_ids or []))
    page.contributors.set([person for person in draft.contributors if person.pk != user.pk])
    return submit_for_review(index, page, user)
