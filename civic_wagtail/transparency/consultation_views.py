"""Consultation pages and responses: the listing, the page (draft with per-paragraph counts,
aggregated results counted in the database, published text answers, the outcome) and the
response flow (email confirmation for people without an account, or a member's account).

A respondent's address is never shown, exported or served: citizens are known by a keyed
hash of it and by the secret token of their link.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from civic_wagtail import mail
from civic_wagtail.conf import civic_settings
from civic_wagtail.pagination import paginate
from civic_wagtail.ratelimit import throttle

from .consultation_forms import ResponseForm, StartForm
from .models import (
    Answer,
    ConsultationPage,
    ConsultationStatus,
    ParagraphComment,
    QuestionKind,
    Respondent,
)
from .models.policy import is_token

TEMPLATES = "civic_wagtail/transparency"
CLOSED_STATES = {
    ConsultationStatus.CLOSED,
    ConsultationStatus.ANALYSING,
    ConsultationStatus.OUTCOME,
}


def email_hash(address):
    """A keyed hash of an address: one response per person, without keeping the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.strip().lower().encode(), hashlib.sha256).hexdigest()


def index_context(page, request):
    consultations = (
        ConsultationPage.objects.child_of(page)
        .live()
        .public()
        .defer_streamfields()
        .order_by("-closes_utc", "pk")
    )
    page_obj = paginate(request, consultations)
    return {
        "page_obj": page_obj,
        "consultations": page_obj.object_list,
        "feed_url": reverse("civic_wagtail_transparency:consultation_feed"),
    }


def counted(page):
    """Respondents whose answers count: submitted and not marked as spam."""
    return Respondent.objects.filter(consultation=page, submitted_at__isnull=False).exclude(
        moderation=Respondent.Moderation.SPAM
    )


def results(page):
    """Per-question counts, computed by the database in one grouped query.

    Returns ``(total respondents, [(question, [(label, count, percent)], scale average)])``.
    """
    total = counted(page).count()
    rows = (
        Answer.objects.filter(respondent__in=counted(page), choice__isnull=False)
        .values("question_id", "choice")
        .annotate(n=Count("id"))
    )
    counts = {(row["question_id"], row["choice"]): row["n"] for row in rows}
    summary = []
    for question in page.questions.all():
        if question.kind == QuestionKind.TEXT:
            continue
        options = []
        for value, label in question.choices:
            n = counts.get((question.pk, value), 0)
            options.append((label, n, round(100 * n / total) if total else 0))
        average = None
        if question.kind == QuestionKind.SCALE:
            answered = sum(n for _label, n, _p in options)
            if answered:
                weighted = sum(v * counts.get((question.pk, v), 0) for v, _l in question.choices)
                average = round(weighted / answered, 1)
        summary.append((question, options, average))
    return total, summary


def published_texts(page):
    """Text answers of people who consented, approved by a moderator."""
    return (
        Answer.objects.filter(
            respondent__consultation=page,
            respondent__publish_consent=True,
            respondent__moderation=Respondent.Moderation.APPROVED,
            respondent__submitted_at__isnull=False,
        )
        .exclude(text="")
        .select_related("question")
        .only("text", "question__text", "question__sort_order")
        .order_by("question__sort_order", "pk")
    )


def paragraph_counts(page):
    rows = (
        ParagraphComment.objects.filter(consultation=page, respondent__submitted_at__isnull=False)
        .exclude(respondent__moderation=Respondent.Moderation.SPAM)
        .values("paragraph")
        .annotate(n=Count("id"))
    )
    return {row["paragraph"]: row["n"] for row in rows}


def consultation_context(page, request):
    status = page.status
    counts = paragraph_counts(page) if page.draft else {}
    context = {
        "status": status,
        "status_label": ConsultationStatus(status).label,
        "paragraphs": [(n, text, counts.get(n, 0)) for n, text in page.paragraphs],
        "respond_url": reverse("civic_wagtail_transparency:consultation_respond", args=[page.pk]),
        "questions": list(page.questions.all()),
        "show_results": status in CLOSED_STATES,
    }
    if context["show_results"]:
        total, summary = results(page)
        texts = paginate(
            request,
            published_texts(page),
            civic_settings.TRANSPARENCY_PUBLISHED_ANSWERS_PER_PAGE,
        )
        context.update(total=total, summary=summary, texts=texts, page_obj=texts)
    return context


# --- responding ---------------------------------------------------------------------------


def _open_consultation(page_id):
    page = get_object_or_404(ConsultationPage.objects.live().public(), pk=page_id)
    return page


def respond(request, page_id):
    """A member goes to their form; anyone else gives an address and gets a link by email."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    page = _open_consultation(page_id)
    if not page.is_open:
        return render(request, f"{TEMPLATES}/consultation_closed.html", {"page": page}, status=403)
    if request.user.is_authenticated:
        respondent = Respondent.objects.filter(consultation=page, user=request.user).first()
        if respondent is None:
            respondent = Respondent(
                consultation=page, user=request.user, confirmed_at=timezone.now()
            )
        return response_form(request, page, respondent)
    form = StartForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request,
                f"{TEMPLATES}/consultation_start.html",
                {"page": page, "form": form},
                status=400,
            )
        refused = throttle(request, "consultation_response")
        if refused:
            return refused
        address = form.cleaned_data["email"]
        with transaction.atomic():
            respondent, _created = Respondent.objects.select_for_update().get_or_create(
                consultation=page, email_hash=email_hash(address)
            )
        link = mail.site_url(
            reverse("civic_wagtail_transparency:consultation_response", args=[respondent.token])
        )
        mail.send_templated(
            address,
            f"{TEMPLATES}/email/consultation_link",
            {"page": page, "link": link},
            key=f"transparency.consultation-link:{respondent.pk}:{timezone.now().date()}",
        )
        return render(request, f"{TEMPLATES}/consultation_check_email.html", {"page": page})
    return render(request, f"{TEMPLATES}/consultation_start.html", {"page": page, "form": form})


def response_by_token(request, token):
    """The response form reached from the emailed link (the click confirms the address)."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not is_token(token):
        raise Http404
    respondent = get_object_or_404(
        Respondent.objects.filter(user__isnull=True, consultation__live=True), token=token
    )
    page = respondent.consultation
    if not page.is_open:
        return render(request, f"{TEMPLATES}/consultation_closed.html", {"page": page}, status=403)
    if respondent.confirmed_at is None:
        respondent.confirmed_at = timezone.now()
        respondent.save(update_fields=["confirmed_at"])
    return response_form(request, page, respondent)


def response_form(request, page, respondent):
    questions = list(page.questions.all())
    member = respondent.user_id is not None
    if request.method == "POST":
        form = ResponseForm(request.POST, page=page, questions=questions, member=member)
        if form.is_valid():
            refused = throttle(request, "consultation_response")
            if refused:
                return refused
            save_response(page, respondent, form)
            return render(
                request,
                f"{TEMPLATES}/consultation_thanks.html",
                {"page": page, "edit_url": request.path},
            )
        status = 400
    else:
        initial = ResponseForm.initial_for(respondent) if respondent.pk else {}
        form = ResponseForm(initial=initial, page=page, questions=questions, member=member)
        status = 200
    return render(
        request,
        f"{TEMPLATES}/consultation_respond.html",
        {"page": page, "form": form, "editing": bool(respondent.submitted_at)},
        status=status,
    )


def save_response(page, respondent, form):
    """Replace the respondent's answers in one transaction (their response is editable)."""
    now = timezone.now()
    data = form.cleaned_data
    answers, comments = form.answers(), form.comments()
    has_text = any(text for _q, _c, text in answers) or bool(comments)
    with transaction.atomic():
        if respondent.pk:
            respondent = Respondent.objects.select_for_update().get(pk=respondent.pk)
        respondent.publish_consent = data["publish_consent"]
        respondent.notify_outcome = data["notify_outcome"]
        respondent.notify_email = (
            data.get("notify_email", "")
            if data["notify_outcome"] and not respondent.user_id
            else ""
        )
        respondent.submitted_at = respondent.submitted_at or now
        respondent.updated_at = now
        if respondent.moderation != Respondent.Moderation.SPAM:
            respondent.moderation = (
                Respondent.Moderation.PENDING if has_text else Respondent.Moderation.APPROVED
            )
        respondent.save()
        respondent.answers.all().delete()
        respondent.paragraph_comments.all().delete()
        Answer.objects.bulk_create(
            Answer(respondent=respondent, question=q, choice=c, text=t) for q, c, t in answers
        )
        ParagraphComment.objects.bulk_create(
            ParagraphComment(respondent=respondent, consultation=page, paragraph=n, text=t)
            for n, t in comments
        )
    return respondent


def outcome_recipients(page):
    return (
        Respondent.objects.filter(consultation=page, notify_outcome=True)
        .exclude(moderation=Respondent.Moderation.SPAM)
        .filter(Q(user__isnull=False) | ~Q(notify_email=""))
        .select_related("user")
    )
