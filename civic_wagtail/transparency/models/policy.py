"""Policy updates: the index at /policy/, one page per policy, its dated change log, and the
email alerts people subscribe to (a topic or one policy, double opt-in, no account)."""

import hashlib
import secrets

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PolicyStage(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")
    IN_FORCE = "in_force", _("In force")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PolicyIndexPage(Page):
    """The list of policy updates, filtered by stage, topic and level, with Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["civic_wagtail_transparency.PolicyUpdatePage"]
    template = "civic_wagtail/transparency/policy_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("policy index page")
        verbose_name_plural = _("policy index pages")

    def get_context(self, request, *args, **kwargs):
        from ..policy_listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class PolicyUpdatePage(Page):
    """One policy: where it stands, who is responsible, what changed and when."""

    summary = models.TextField(_("summary"), help_text=_("Two or three plain sentences."))
    body = RichTextField(_("body"), blank=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=PolicyStage.choices, default=PolicyStage.PROPOSED
    )
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    responsible_organisation = models.CharField(_("responsible organisation"), max_length=200)
    government_level = models.ForeignKey(
        "civic_wagtail.GovernmentLevel",
        verbose_name=_("level of government"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    #: Denormalised newest change-log date, so listings and feeds sort without a join.
    last_changed = models.DateField(_("last changed"), null=True, blank=True, editable=False)

    parent_page_types = ["civic_wagtail_transparency.PolicyIndexPage"]
    subpage_types = []
    template = "civic_wagtail/transparency/policy_update_page.html"
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("stage"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("stage"),
                FieldPanel("effective_date"),
                FieldPanel("responsible_organisation"),
                FieldPanel("government_level"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Where it stands"),
        ),
        FieldPanel("body"),
        InlinePanel("changes", label=_("Change log"), heading=_("Change log")),
        InlinePanel(
            "related_links",
            label=_("Related consultation, project or practice"),
            heading=_("Related pages"),
        ),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("responsible_organisation"),
        SynchronizedField("stage"),
        SynchronizedField("effective_date"),
        SynchronizedField("government_level"),
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("policy update")
        verbose_name_plural = _("policy updates")

    def save(self, *args, **kwargs):
        dates = [change.date for change in self.changes.all() if change.date]
        self.last_changed = max(dates) if dates else None
        super().save(*args, **kwargs)

    @property
    def change_log(self):
        """Change-log entries, newest first."""
        return sorted(self.changes.all(), key=lambda c: (c.date, c.pk or 0), reverse=True)

    def get_context(self, request, *args, **kwargs):
        from ..policy_listing import policy_context

        context = super().get_context(request, *args, **kwargs)
        context.update(policy_context(self, request))
        return context


class PolicyChange(Orderable):
    """One dated entry of a policy's change log. Publishing a new one alerts subscribers."""

    page = ParentalKey(PolicyUpdatePage, on_delete=models.CASCADE, related_name="changes")
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("what changed"))

    panels = [FieldPanel("date"), FieldPanel("summary")]

    class Meta(Orderable.Meta):
        verbose_name = _("change-log entry")
        verbose_name_plural = _("change-log entries")

    def __str__(self):
        return f"{self.date}: {self.summary[:60]}"

    @property
    def fingerprint(self):
        """Stable identity of the entry across revisions (the row's id changes on publish)."""
        text = f"{self.page.translation_key}\x00{self.date}\x00{self.summary.strip()}"
        return hashlib.sha256(text.encode()).hexdigest()


#: Page types a policy may link to; a label whose app is not installed is skipped.
RELATED_PAGE_TYPES = (
    "civic_wagtail_transparency.ConsultationPage",
    "civic_wagtail_transparency.ProjectPage",
    "civic_wagtail_library.BestPracticePage",
    "civic_wagtail_library.CaseStudyPage",
)


def related_page_types():
    """The labels of :data:`RELATED_PAGE_TYPES` whose app is installed."""
    from django.apps import apps

    found = []
    for label in RELATED_PAGE_TYPES:
        try:
            apps.get_model(label)
        except LookupError:
            continue
        found.append(label)
    return found


class RelatedPageChooserPanel(PageChooserPanel):
    """A page chooser narrowed to :func:`related_page_types`, resolved at form-build time."""

    def get_form_options(self):
        self.page_type = related_page_types()
        return super().get_form_options()


class PolicyRelatedPage(Orderable):
    """A consultation, project or library practice the policy relates to.

    The chooser offers consultations, projects and, when the library is installed, its
    practices and case studies (:class:`RelatedPageChooserPanel`, resolved when the edit form
    is built, so this app does not import the library); the policy page groups them by type.
    """

    page = ParentalKey(PolicyUpdatePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [RelatedPageChooserPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


def new_token():
    return secrets.token_urlsafe(32)


def is_token(value):
    """Whether ``value`` can be a token of ours (checked before any query: no NUL bytes)."""
    return (
        bool(value)
        and len(value) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )


class AlertSubscription(models.Model):
    """Someone who asked for email when a topic or one policy changes.

    No account: the address, what it follows, and a secret token used for the confirm and
    unsubscribe links. Unconfirmed rows send nothing but the confirmation mail.
    """

    email = models.EmailField(_("email"))
    topic = models.ForeignKey(
        "civic_wagtail.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    #: The policy's ``translation_key``: a subscription follows the policy in every language.
    policy_key = models.UUIDField(_("policy"), null=True, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__isnull=False) | models.Q(policy_key__isnull=False),
                name="transparency_alert_has_target",
            )
        ]

    def __str__(self):
        return str(self.topic or self.policy_key)


class PolicyAlert(models.Model):
    """A change-log entry whose alert was queued: each entry alerts once, whatever the
    number of revisions published after it."""

    fingerprint = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey(PolicyUpdatePage, on_delete=models.CASCADE, related_name="+")
    change_date = models.DateField()
    summary = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("policy alert")
        verbose_name_plural = _("policy alerts")

    def __str__(self):
        return f"{self.change_date}: {self.summary[:60]}"
