"""Project trackers: organisations, project pages with budget, milestones and measurements,
and the API tokens organisations push measurements with.

Measurements are records, not page content: they arrive through the ingest API or the
admin's CSV upload, never through a page revision, so an editor publishing the page does not
overwrite what an organisation pushed (and the reverse).
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from civic_wagtail.models import ClassifiedMixin

#: The permission (on a :class:`ProjectPage`) that lets an organisation push data to it.
INGEST_PERMISSION = "ingest_projectpage"
#: The page type a project adopts, named by string: the library is never imported here.
PRACTICE_PAGE_TYPE = "civic_wagtail_library.BestPracticePage"

currency_validator = RegexValidator(
    r"^[A-Z]{3}$", _("Write the currency as its three-letter ISO 4217 code, e.g. EUR or USD.")
)


class Organisation(models.Model):
    """A body responsible for projects, which pushes their data with its API tokens.

    Each organisation has its own auth group: the group holds the django-guardian object
    permission on each of the organisation's projects, and the ingest API checks it.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    website = models.URLField(_("website"), blank=True)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, editable=False, null=True, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("website")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.group_id is None:
            from django.contrib.auth.models import Group

            self.group, _created = Group.objects.get_or_create(
                name=f"civic_wagtail_transparency organisation {self.slug}"
            )
        super().save(*args, **kwargs)


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class ProjectIndexPage(RoutablePageMixin, Page):
    """The list of projects: filters, totals per currency, CSV and JSON exports."""

    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["civic_wagtail_transparency.ProjectPage"]
    template = "civic_wagtail/transparency/project_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("project list page")
        verbose_name_plural = _("project list pages")

    def get_cached_paths(self):
        return ["/", "/csv/", "/json/"]

    @path("")
    def listing(self, request):
        from ..projects.listing import index_context

        return self.render(request, context_overrides=index_context(self, request))

    @path("csv/", name="export_csv")
    def export_csv(self, request):
        from ..projects.exports import index_csv

        return index_csv(self, request)

    @path("json/", name="export_json")
    def export_json(self, request):
        from ..projects.exports import index_json

        return index_json(self, request)


class ProjectPage(RoutablePageMixin, ClassifiedMixin, Page):
    """One public project: who, where, how much, by when, and what it measurably changed."""

    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        related_name="projects",
        help_text=_("Its API tokens may push data to this project."),
    )
    place = models.CharField(
        _("place"), max_length=200, help_text=_("Where, as people write it: “Lyon, France”.")
    )
    budget_planned = models.DecimalField(
        _("planned budget"), max_digits=16, decimal_places=2, default=0
    )
    budget_committed = models.DecimalField(
        _("committed"), max_digits=16, decimal_places=2, default=0
    )
    budget_spent = models.DecimalField(_("spent"), max_digits=16, decimal_places=2, default=0)
    currency = models.CharField(
        _("currency"), max_length=3, default="EUR", validators=[currency_validator]
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    practice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("practice adopted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The library practice this project puts to work; it then counts as adopted."),
    )
    #: Percentage of milestones reached, computed on save (never typed in).
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)

    parent_page_types = ["civic_wagtail_transparency.ProjectIndexPage"]
    subpage_types = []
    template = "civic_wagtail/transparency/project_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("organisation")]),
        FieldPanel("place"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("budget_planned"),
                        FieldPanel("budget_committed"),
                        FieldPanel("budget_spent"),
                    ]
                ),
                FieldRowPanel([FieldPanel("currency"), FieldPanel("funding_source")]),
            ],
            heading=_("Budget"),
        ),
        InlinePanel("milestones", label=_("Milestones")),
        PageChooserPanel("practice", [PRACTICE_PAGE_TYPE]),
        MultiFieldPanel(ClassifiedMixin.taxonomy_panels, heading=_("Classification")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.FilterField("status"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("place"),
        TranslatableField("funding_source"),
        *(
            SynchronizedField(name)
            for name in (
                "status",
                "organisation",
                "budget_planned",
                "budget_committed",
                "budget_spent",
                "currency",
                "practice",
                "topics",
                "government_levels",
                "regions",
                "organisation_types",
            )
        ),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [(INGEST_PERMISSION, _("Can push measurements to this project"))]

    def clean(self):
        super().clean()
        errors = {}
        for name in ("budget_planned", "budget_committed", "budget_spent"):
            if getattr(self, name) is not None and getattr(self, name) < 0:
                errors[name] = _("A budget amount cannot be negative.")
        if errors:
            raise ValidationError(errors)

    def compute_progress(self, milestones=None):
        """Percentage of milestones reached (an actual date given), 0 without milestones."""
        milestones = list(self.milestones.all() if milestones is None else milestones)
        if not milestones:
            return 0
        reached = sum(1 for m in milestones if m.actual_date)
        return round(100 * reached / len(milestones))

    def save(self, *args, **kwargs):
        self.progress = self.compute_progress()
        latest = latest_spending(self.translation_key) if self.translation_key else None
        if latest is not None:  # reported spending wins over a revision's older figures
            self.budget_committed, self.budget_spent = latest
        super().save(*args, **kwargs)

    def get_cached_paths(self):
        return ["/", "/csv/", "/json/"]

    @path("")
    def detail(self, request):
        from ..projects.detail import project_context

        return self.render(request, context_overrides=project_context(self, request))

    @path("csv/", name="data_csv")
    def data_csv(self, request):
        from ..projects.exports import project_csv

        return project_csv(self, request)

    @path("json/", name="data_json")
    def data_json(self, request):
        from ..projects.exports import project_json

        return project_json(self, request)


class Milestone(TranslatableMixin, Orderable):
    """A step of a project with its planned date and, once reached, its actual date."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    planned_date = models.DateField(_("planned date"))
    actual_date = models.DateField(_("actual date"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("planned_date"), FieldPanel("actual_date")]),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("planned_date"),
        SynchronizedField("actual_date"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    @property
    def delay_days(self):
        """Days late (positive) or early (negative) once reached, else None."""
        if self.actual_date and self.planned_date:
            return (self.actual_date - self.planned_date).days
        return None


class Measurement(models.Model):
    """One value of one indicator of a project on one date (pushed or uploaded).

    ``indicator`` is a slug: the library's ``Indicator`` slug when the library is installed
    (its name and unit are then shown), any slug otherwise. A soft reference keeps this app
    installable without the library and lets an organisation report an indicator before an
    editor adds it to the library list.
    """

    project = models.ForeignKey(ProjectPage, on_delete=models.CASCADE, related_name="measurements")
    indicator = models.SlugField(_("indicator"), max_length=120)
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["project", "indicator", "date"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator", "date"], name="unique_project_measurement"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.date}: {self.value}"


class Spending(models.Model):
    """A project's committed and spent amounts as of one date (pushed through the API).

    Amounts are running totals, so the history shows how spending grew; the newest dated
    record sets the project's ``budget_committed`` and ``budget_spent`` (on every translation,
    and again whenever the page is saved). One record per (project, date): re-sending updates.
    """

    project = models.ForeignKey(ProjectPage, on_delete=models.CASCADE, related_name="spending")
    date = models.DateField(_("date"))
    committed = models.DecimalField(_("committed"), max_digits=16, decimal_places=2)
    spent = models.DecimalField(_("spent"), max_digits=16, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["project", "date"]
        verbose_name = _("spending record")
        verbose_name_plural = _("spending records")
        constraints = [
            models.UniqueConstraint(fields=["project", "date"], name="unique_project_spending")
        ]

    def __str__(self):
        return f"{self.date}: {self.committed} / {self.spent}"


def latest_spending(translation_key):
    """``(committed, spent)`` of the newest spending record of a project, or None."""
    return (
        Spending.objects.filter(project__translation_key=translation_key)
        .order_by("-date")
        .values_list("committed", "spent")
        .first()
    )


def hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A secret an organisation's system pushes data with. Only its SHA-256 is stored.

    The token is shown once, when it is created; revoking it is immediate and final.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(_("name"), max_length=100, help_text=_("e.g. “budget system”"))
    #: The first characters, so that people can tell their tokens apart.
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.organisation} · {self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, organisation, name, created_by=None, raw=None):
        """Create a token; returns ``(token, raw secret)``. The secret is not kept."""
        raw = raw or "cwt_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisation=organisation,
            name=name,
            prefix=raw[:12],
            key_hash=hash_token(raw),
            created_by=created_by,
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw):
        """The active token whose secret is ``raw``, or None."""
        if not raw:
            return None
        return (
            cls.objects.active()
            .select_related("organisation__group")
            .filter(key_hash=hash_token(raw))
            .first()
        )

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class ProjectGroupObjectPermission(GroupObjectPermissionBase):
    """django-guardian's group object permission with a real foreign key to the project, so
    that deleting a project deletes its permission rows (no orphan text keys)."""

    content_object = models.ForeignKey(ProjectPage, on_delete=models.CASCADE)
