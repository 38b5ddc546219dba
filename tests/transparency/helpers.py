"""Builders for the transparency tests: policy and consultation pages, responses in bulk."""

from datetime import date, time, timedelta

from django.utils import timezone

from civic_wagtail.transparency.consultation_views import email_hash
from civic_wagtail.transparency.models import (
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    PolicyChange,
    PolicyIndexPage,
    PolicyUpdatePage,
    Respondent,
)


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def policy_index(home):
    existing = PolicyIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = PolicyIndexPage(title="Policy updates", slug="policy", show_in_menus=True)
    home.add_child(instance=index)
    return publish(index)


def policy(index, title="Permit reform", topics=(), stage="proposed", changes=None, **fields):
    page = PolicyUpdatePage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        summary=fields.pop("summary", f"What {title} does."),
        stage=stage,
        responsible_organisation=fields.pop("responsible_organisation", "City of Lyon"),
        **fields,
    )
    for day, summary in changes or [(date(2026, 1, 5), "Proposal published.")]:
        page.changes.add(PolicyChange(date=day, summary=summary))
    index.add_child(instance=page)
    page.topics.set(topics)
    return publish(page)


def consultation_index(home):
    existing = ConsultationIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = ConsultationIndexPage(title="Consultations", slug="consultations", show_in_menus=True)
    home.add_child(instance=index)
    return publish(index)


def consultation(index, title="Cycle lanes", state="open", draft=(), topics=(), **fields):
    """A consultation opened and closed around now: ``state`` open, closed or upcoming."""
    today = timezone.now().date()
    opens, closes = {
        "open": (today - timedelta(days=10), today + timedelta(days=10)),
        "closed": (today - timedelta(days=30), today - timedelta(days=2)),
        "upcoming": (today + timedelta(days=5), today + timedelta(days=30)),
    }[state]
    page = ConsultationPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        summary=fields.pop("summary", f"Tell us about {title}."),
        responsible_organisation="City of Lyon",
        opens_on=opens,
        closes_on=closes,
        opens_at=time(9),
        closes_at=time(17),
        time_zone="Europe/Paris",
        draft=[("paragraph", text) for text in draft],
        **fields,
    )
    page.questions.add(
        ConsultationQuestion(
            text="Should we build it?", kind="single", options="Yes\nNo", required=True
        )
    )
    page.questions.add(
        ConsultationQuestion(
            text="Which streets?", kind="multiple", options="Main street\nRiver road\nHill lane"
        )
    )
    page.questions.add(ConsultationQuestion(text="Safer cycling matters", kind="scale"))
    page.questions.add(ConsultationQuestion(text="Anything else?", kind="text"))
    index.add_child(instance=page)
    page.topics.set(topics)
    return publish(page)


def bulk_responses(page, count, *, consent_every=3, start=0):
    """``count`` submitted responses in a few bulk inserts (never one page at a time)."""
    questions = {q.kind: q for q in page.questions.all()}
    now = timezone.now()
    respondents = Respondent.objects.bulk_create(
        Respondent(
            consultation=page,
            email_hash=email_hash(f"person{start + n}@example.org"),
            confirmed_at=now,
            submitted_at=now,
            publish_consent=n % consent_every == 0,
            moderation=Respondent.Moderation.APPROVED,
        )
        for n in range(count)
    )
    answers = []
    for n, respondent in enumerate(respondents):
        answers.append(
            Answer(respondent=respondent, question=questions["single"], choice=1 + n % 2)
        )
        answers.append(
            Answer(respondent=respondent, question=questions["multiple"], choice=1 + n % 3)
        )
        answers.append(
            Answer(respondent=respondent, question=questions["scale"], choice=1 + n % 5)
        )
        if n % 4 == 0:
            answers.append(
                Answer(
                    respondent=respondent, question=questions["text"], text=f"Answer number {n}."
                )
            )
    Answer.objects.bulk_create(answers, batch_size=2000)
    return respondents


def close(page):
    """Move a consultation's dates into the past (without touching its questions)."""
    past = timezone.now().date() - timedelta(days=3)
    page.opens_on, page.closes_on = past - timedelta(days=20), past
    return publish(page)
