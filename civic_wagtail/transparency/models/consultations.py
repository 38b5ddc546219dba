"""Public consultations: the index at /consultations/, one page per consultation (questions,
documents, a draft to comment on paragraph by paragraph, the outcome) and the responses."""

import zoneinfo
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .policy import new_token


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("“%(zone)s” is not a time zone. Choose one such as Europe/Paris."),
            params={"zone": value},
        ) from exc


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    ANALYSING = "analysing", _("Analysing responses")
    OUTCOME = "outcome", _("Outcome published")


class ConsultationIndexPage(Page):
    """The list of consultations, open ones first."""

    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["civic_wagtail_transparency.ConsultationPage"]
    template = "civic_wagtail/transparency/consultation_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("consultation index page")
        verbose_name_plural = _("consultation index pages")

    def get_context(self, request, *args, **kwargs):
        from ..consultation_views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class ConsultationPage(Page):
    """One consultation: what is asked, until when, how to respond, and what came of it."""

    summary = models.TextField(_("summary"))
    body = RichTextField(_("what we are consulting on"), blank=True)
    responsible_organisation = models.CharField(_("responsible organisation"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    opens_at = models.TimeField(_("opening time"), default=time(9))
    closes_on = models.DateField(_("closes on"))
    closes_at = models.TimeField(_("closing time"), default=time(23, 59))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    #: UTC instants computed on save, so listings and the status are one comparison.
    opens_utc = models.DateTimeField(null=True, editable=False, db_index=True)
    closes_utc = models.DateTimeField(null=True, editable=False, db_index=True)
    analysing = models.BooleanField(
        _("analysing responses"),
        default=False,
        help_text=_("Tick once closed to tell the public the responses are being analysed."),
    )
    topics = ParentalManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
    )
    ways_to_respond = RichTextField(
        _("other ways to respond"),
        blank=True,
        help_text=_("Post, email, phone or meetings, for people who cannot use the form."),
    )
    draft = StreamField(
        [("paragraph", blocks.TextBlock(label=_("Paragraph")))],
        verbose_name=_("draft text"),
        blank=True,
        help_text=_("One block per paragraph: people comment on each paragraph separately."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        help_text=_(
            "Who processes responses, why, for how long. A default text is shown if empty."
        ),
    )
    what_we_heard = RichTextField(_("what we heard"), blank=True)
    what_we_will_do = RichTextField(_("what we will do"), blank=True)

    parent_page_types = ["civic_wagtail_transparency.ConsultationIndexPage"]
    subpage_types = []
    template = "civic_wagtail/transparency/consultation_page.html"
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("responsible_organisation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("opens_at")]),
                FieldRowPanel([FieldPanel("closes_on"), FieldPanel("closes_at")]),
                FieldPanel("time_zone"),
                FieldPanel("analysing"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("topics"),
        FieldPanel("body"),
        FieldPanel("documents"),
        InlinePanel("questions", label=_("Question"), heading=_("Questions")),
        FieldPanel("ways_to_respond"),
        FieldPanel("draft"),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [FieldPanel("what_we_heard"), FieldPanel("what_we_will_do")],
            heading=_("Outcome"),
        ),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("ways_to_respond"),
        TranslatableField("draft"),
        TranslatableField("what_we_heard"),
        TranslatableField("what_we_will_do"),
        SynchronizedField("opens_on"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_on"),
        SynchronizedField("closes_at"),
        SynchronizedField("time_zone"),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.compute_closes() <= self.compute_opens():
            raise ValidationError({"closes_on": _("The closing time must be after the opening.")})

    def _zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def compute_opens(self):
        return datetime.combine(self.opens_on, self.opens_at, self._zone())

    def compute_closes(self):
        return datetime.combine(self.closes_on, self.closes_at, self._zone())

    def save(self, *args, **kwargs):
        if self.opens_on and self.closes_on:
            self.opens_utc = self.compute_opens().astimezone(zoneinfo.ZoneInfo("UTC"))
            self.closes_utc = self.compute_closes().astimezone(zoneinfo.ZoneInfo("UTC"))
        super().save(*args, **kwargs)

    @property
    def opens(self):
        return self.compute_opens()

    @property
    def closes(self):
        return self.compute_closes()

    @property
    def has_outcome(self):
        return bool(self.what_we_heard or self.what_we_will_do)

    def status_at(self, now=None):
        now = now or timezone.now()
        if self.has_outcome:
            return ConsultationStatus.OUTCOME
        if now < self.opens:
            return ConsultationStatus.UPCOMING
        if now < self.closes:
            return ConsultationStatus.OPEN
        return ConsultationStatus.ANALYSING if self.analysing else ConsultationStatus.CLOSED

    @property
    def status(self):
        return self.status_at()

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    def get_status_display(self):
        return ConsultationStatus(self.status).label

    @property
    def paragraphs(self):
        """``[(number, text)]`` of the draft, numbered from 1."""
        return [(n, block.value) for n, block in enumerate(self.draft, start=1)]

    def get_context(self, request, *args, **kwargs):
        from ..consultation_views import consultation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_context(self, request))
        return context


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Agreement scale")


#: The five points of an agreement scale, stored as 1..5.
SCALE_CHOICES = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]


class ConsultationQuestion(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    options = models.TextField(
        _("options"), blank=True, help_text=_("Choice questions: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("options"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(self.choices) < 2:
            raise ValidationError({"options": _("Give at least two options, one per line.")})

    @property
    def choices(self):
        """``[(value, label)]``: options numbered from 1, or the agreement scale."""
        if self.kind == QuestionKind.SCALE:
            return SCALE_CHOICES
        lines = [line.strip() for line in self.options.splitlines() if line.strip()]
        return list(enumerate(lines, start=1))


class Respondent(models.Model):
    """One person taking part in one consultation: a member, or an address they confirmed.

    Least data: a member is their account; a citizen without one is a keyed hash of their
    address (for "one response per person") and a secret token for their link. The address
    itself is kept only if they asked to hear about the outcome, and erased when it is sent.
    """

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam (not counted)")

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="respondents"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    publish_consent = models.BooleanField(_("text answers may be published"), default=False)
    notify_email = models.EmailField(_("address for the outcome"), blank=True)
    notify_outcome = models.BooleanField(_("wants the outcome"), default=False)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                condition=models.Q(user__isnull=False),
                name="transparency_one_response_per_member",
            ),
            models.UniqueConstraint(
                fields=["consultation", "email_hash"],
                condition=~models.Q(email_hash=""),
                name="transparency_one_response_per_address",
            ),
        ]

    def __str__(self):
        return _("Response #%(id)s") % {"id": self.pk}

    def texts_for_moderation(self):
        """The written answers and draft comments of this response, for the moderator."""
        lines = [
            f"{answer.question.text}: {answer.text}"
            for answer in self.answers.select_related("question").exclude(text="")
        ]
        lines += [
            _("Paragraph %(number)s: %(text)s") % {"number": c.paragraph, "text": c.text}
            for c in self.paragraph_comments.all()
        ]
        return "\n\n".join(lines) or _("(no written answer)")

    texts_for_moderation.short_description = _("written answers and comments")


class Answer(models.Model):
    """One answer: a chosen option (one row per option of a multiple choice) or a text."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    choice = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self):
        return self.text[:60] or str(self.choice)


class ParagraphComment(models.Model):
    """A comment on one paragraph of a consultation's draft."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="paragraph_comments"
    )
    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="paragraph_comments"
    )
    paragraph = models.PositiveSmallIntegerField(_("paragraph"))
    text = models.TextField(_("comment"))

    class Meta:
        indexes = [models.Index(fields=["consultation", "paragraph"])]
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "paragraph"], name="transparency_one_comment_per_paragraph"
            )
        ]

    def __str__(self):
        return f"{self.paragraph}: {self.text[:60]}"


class OutcomeAlert(models.Model):
    """Marks a consultation whose outcome alert was queued (it goes out once)."""

    consultation = models.OneToOneField(
        ConsultationPage, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.consultation_id)
