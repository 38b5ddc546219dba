"""From pilot log to case study: one action that drafts the page and sends it to review.

Uses the core :mod:`civic_wagtail.drafts` service (the library implements it): the group's
hypothesis becomes the challenge, experiments that worked what was done, those that partly
worked the lessons, and those that did not work their own "What did not work" section, each
with its reason. Measured experiments become outcomes on the library's indicators (by slug);
every active member and every author of an experiment is credited.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civic_wagtail import drafts

from .models import Activity, Experiment, Membership, WorkingGroup


class DraftRefused(Exception):
    """Why the log cannot be drafted yet (a message for the lead)."""


def is_available():
    return drafts.is_available()


def _when(experiment):
    if experiment.ended_on:
        return f"{experiment.started_on.isoformat()} – {experiment.ended_on.isoformat()}"
    return experiment.started_on.isoformat()


def _line(experiment, with_why=False):
    text = f"- **{experiment.what}** ({experiment.where}, {_when(experiment)})"
    if with_why and experiment.why:
        text += f": {experiment.why}"
    elif experiment.why:
        text += f". {experiment.why}"
    return text


def build_draft(group, kind=drafts.CASE_STUDY):
    """The :class:`~civic_wagtail.drafts.Draft` the pilot log makes (nothing saved)."""
    experiments = list(group.experiments.select_related("author").order_by("started_on", "pk"))
    by_result = {result: [] for result in Experiment.Result.values}
    for experiment in experiments:
        by_result[experiment.result].append(experiment)
    members = [
        m.user
        for m in group.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user__civic_profile")
        .order_by("joined_at", "pk")
    ]
    contributors = {user.pk: user for user in members}
    for experiment in experiments:
        if experiment.author_id and experiment.author_id not in contributors:
            contributors[experiment.author_id] = experiment.author
    outcomes = [
        drafts.DraftOutcome(
            indicator=experiment.indicator,
            unit=experiment.unit,
            baseline=experiment.baseline,
            target=experiment.target,
            actual=experiment.actual,
            period_start=experiment.started_on,
            period_end=experiment.ended_on,
        )
        for experiment in experiments
        if experiment.indicator and experiment.actual is not None
    ]
    places = sorted({experiment.where for experiment in experiments if experiment.where})
    organisations = sorted(
        {
            getattr(getattr(user, "civic_profile", None), "organisation", "") or ""
            for user in members
        }
        - {""}
    )
    tried = [e for e in experiments if e.result != Experiment.Result.PENDING]
    return drafts.Draft(
        title=_("%(group)s: what our pilot learned") % {"group": group.name},
        summary=group.purpose,
        kind=kind,
        organisation=("; ".join(organisations) or group.name)[:200],
        place=("; ".join(places) or str(group.government_level or group.name))[:200],
        challenge="\n\n".join(filter(None, [group.hypothesis, group.purpose])),
        what_was_done="\n".join(f"{_line(e)} {e.get_result_display()}." for e in tried),
        lessons="\n".join(
            _line(e)
            for e in by_result[Experiment.Result.WORKED] + by_result[Experiment.Result.PARTLY]
        ),
        what_did_not_work="\n".join(
            _line(e, with_why=True) for e in by_result[Experiment.Result.FAILED]
        ),
        outcomes=outcomes,
        topic_ids=list(group.topics.values_list("pk", flat=True)),
        contributors=list(contributors.values()),
    )


def draft_from_log(group, user, request, kind=drafts.CASE_STUDY):
    """Draft the page, send it into review and mark the pilot finished. Returns the page."""
    if kind not in (drafts.CASE_STUDY, drafts.PRACTICE):
        raise DraftRefused(_("Choose a case study or a best practice."))
    if not drafts.is_available():
        raise DraftRefused(_("Case studies need the library, which this site has not installed."))
    with transaction.atomic():
        group = WorkingGroup.objects.select_for_update().get(pk=group.pk)
        if group.draft_page_id:
            raise DraftRefused(_("This pilot has already been drafted as a case study."))
        if not group.hypothesis.strip():
            raise DraftRefused(_("Write the pilot's hypothesis first: it opens the case study."))
        if not group.experiments.exclude(result=Experiment.Result.PENDING).exists():
            raise DraftRefused(_("Log at least one experiment with its result first."))
        try:
            page = drafts.submit_draft(build_draft(group, kind), user=user, site=request)
        except drafts.DraftsUnavailable as error:
            raise DraftRefused(str(error)) from error
        except ValidationError as error:
            fields = ", ".join(sorted(getattr(error, "message_dict", {}) or {})) or str(error)
            raise DraftRefused(
                _("The library refused the draft (%(fields)s): complete the log and try again.")
                % {"fields": fields}
            ) from error
        group.draft_page_id = page.pk
        group.status = WorkingGroup.Status.FINISHED
        group.save(update_fields=["draft_page_id", "status"])
        Activity.objects.create(
            group=group, actor=user, verb=Activity.Verb.DRAFTED, subject=page.title[:255]
        )
    return page
