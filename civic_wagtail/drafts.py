"""Turn another app's evidence into a library draft that enters peer review.

An app that produces evidence (an adoption tracker's measurements, a working group's pilot
log) turns it into a case study or a best-practice draft without importing the library: it
fills a :class:`Draft` and calls :func:`submit_draft`. The app that owns the pages (the
library) implements the hook ``civic_wagtail_submit_draft``: it creates the draft below its
index page for the site and locale, credits the contributors, links the practice it adopted
(lineage) and starts the page's workflow, so reviewers see it like any member's submission.

    from civic_wagtail import drafts

    if drafts.is_available():
        draft = drafts.Draft(title=..., summary=..., outcomes=[drafts.DraftOutcome("waste", ...)])
        page = drafts.submit_draft(draft, user=request.user, site=request)
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

HOOK = "civic_wagtail_submit_draft"

CASE_STUDY = "case_study"
PRACTICE = "practice"


class DraftsUnavailable(ImproperlyConfigured):
    """No installed app accepts drafts (the library is not installed), or the site has no page
    to put them under. The message says which, for the member and the site's developers."""


@dataclass
class DraftOutcome:
    """One measured result. ``indicator`` is an indicator's slug or name (the library's
    indicator list; a name it does not know becomes a new indicator) or its primary key."""

    indicator: str | int
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    period_start: date | None = None
    period_end: date | None = None
    evidence_url: str = ""


@dataclass
class Draft:
    """What a draft says. Long texts are Markdown, rendered and sanitised by
    :mod:`civic_wagtail.markup` like everything members write."""

    title: str
    summary: str
    #: :data:`CASE_STUDY` or :data:`PRACTICE`.
    kind: str = CASE_STUDY
    organisation: str = ""
    place: str = ""
    challenge: str = ""
    what_was_done: str = ""
    lessons: str = ""
    #: Failed experiments and why, kept in their own section ("What did not work").
    what_did_not_work: str = ""
    outcomes: list[DraftOutcome] = field(default_factory=list)
    #: The practice page this draft adopted or adapted: it then counts in that practice's
    #: lineage once the draft is published.
    practice_id: int | None = None
    #: Primary keys of core taxonomy topics (:class:`civic_wagtail.models.Topic`).
    topic_ids: list[int] = field(default_factory=list)
    #: Members credited on the page besides the one who submits it.
    contributors: list = field(default_factory=list)


def _implementations():
    return hooks.get_hooks(HOOK)


def is_available():
    """Whether an installed app accepts drafts (show the action only then)."""
    return bool(_implementations())


def submit_draft(draft, *, user, site=None, locale=None):
    """Create ``draft`` as a page owned by ``user``, credit its contributors and start peer
    review; returns the draft page. ``site`` is a request, a Site or None (default site);
    ``locale`` a Locale or language code (default: the active language).

    Raises :class:`DraftsUnavailable` when no app accepts drafts or the site has no page for
    them, and ``ValueError`` for a ``kind`` the app does not know."""
    if draft.kind not in (CASE_STUDY, PRACTICE):
        raise ValueError(f"Unknown draft kind {draft.kind!r}: use {CASE_STUDY!r} or {PRACTICE!r}.")
    implementations = _implementations()
    if not implementations:
        raise DraftsUnavailable(
            "Drafts need the library: install civic_wagtail.library (pip install "
            '"civic-wagtail[library]").'
        )
    return implementations[-1](draft, user=user, site=site, locale=locale)
