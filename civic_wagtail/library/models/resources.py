"""The resource hub: tools, templates, guides, research and datasets.

A resource wraps a Wagtail document (so collections, their privacy and the document serve
view keep applying) or an external link. Downloads are counted in the cache and flushed to
:class:`DownloadTally` in batches (see :mod:`civic_wagtail.library.downloads`), which keeps
the counter out of page revisions and the hot path free of writes.
"""

import os

from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from civic_wagtail.models import ClassifiedMixin

from .relations import published_related


class ResourceType(models.TextChoices):
    TOOL = "tool", _("Tool")
    TEMPLATE = "template", _("Template")
    GUIDE = "guide", _("Guide")
    RESEARCH = "research", _("Research")
    DATASET = "dataset", _("Dataset")


class ResourceIndexPage(Page):
    """The resource hub (``/resources/`` in the demo), filterable by resource type."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["civic_wagtail_library.ResourcePage"]
    template = "civic_wagtail/library/resource_index_page.html"

    class Meta:
        verbose_name = _("resource index")

    def get_context(self, request, *args, **kwargs):
        from ..listing import resource_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing_context(self, request))
        return context


class ResourceMixin(models.Model):
    """A downloadable document or an external link, with format, size and reuse terms."""

    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, db_index=True
    )
    summary = models.TextField(_("summary"), max_length=600)
    body = RichTextField(_("description"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Put restricted documents in a private collection: they stay restricted."),
    )
    external_url = models.URLField(_("external link"), blank=True)
    file_format = models.CharField(
        _("format"), max_length=40, blank=True, help_text=_("Filled from the document if blank.")
    )
    licence = models.CharField(
        _("licence"), max_length=120, blank=True, help_text=_("e.g. CC BY 4.0, OGL v3")
    )
    reuse_terms = models.TextField(_("reuse terms"), blank=True)
    supported_practices = ParentalManyToManyField(
        "civic_wagtail_library.BestPracticePage",
        verbose_name=_("practices it supports"),
        blank=True,
        related_name="supporting_resources",
    )

    search_fields = [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("resource_type"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, "title", "") or str(self.resource_type)

    def save(self, *args, **kwargs):
        if not self.file_format and self.document_id:
            extension = os.path.splitext(self.document.filename)[1].lstrip(".")
            self.file_format = extension.upper()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError(
                {"external_url": _("Choose a document or give an external link.")}
            )

    @property
    def size_display(self):
        size = self.document.get_file_size() if self.document_id else None
        return filesizeformat(size) if size else ""

    def get_download_target(self):
        """Where the download route sends readers: Wagtail's document serve URL or the link.

        Documents go through ``document.url`` (the serve view), never the storage URL, so a
        document in a private collection asks for the collection's log-in or password.
        """
        if self.document_id:
            return self.document.url
        return self.external_url


class ResourcePage(RoutablePageMixin, ResourceMixin, ClassifiedMixin, Page):
    """One resource; ``download/`` counts the download and redirects to the file or link."""

    content_panels = Page.content_panels + [
        FieldPanel("resource_type"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("file_format")],
            heading=_("File or link"),
        ),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("reuse_terms")], heading=_("Reuse")),
        FieldPanel("supported_practices"),
        MultiFieldPanel(ClassifiedMixin.taxonomy_panels, heading=_("Classification")),
    ]
    parent_page_types = ["civic_wagtail_library.ResourceIndexPage"]
    subpage_types = []
    template = "civic_wagtail/library/resource_page.html"
    search_fields = Page.search_fields + ResourceMixin.search_fields
    override_translatable_fields = [
        SynchronizedField("resource_type"),
        SynchronizedField("document"),
        SynchronizedField("external_url"),
        SynchronizedField("file_format"),
    ]
    api_fields = [
        APIField("resource_type"),
        APIField("summary"),
        APIField("file_format"),
        APIField("licence"),
        APIField("reuse_terms"),
        APIField("supported_practices"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("download/", name="download")
    def download(self, request):
        from ..downloads import serve_download

        return serve_download(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tally = DownloadTally.objects.filter(resource=self).values_list("count", flat=True)
        context["download_count"] = next(iter(tally), 0)
        context["practices"] = published_related(self.supported_practices).only(
            "title", "url_path"
        )
        return context


class DownloadTally(models.Model):
    """Flushed download count of a resource, outside the page so revisions never reset it."""

    resource = models.OneToOneField(
        ResourcePage, on_delete=models.CASCADE, related_name="download_tally", primary_key=True
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("download count")

    def __str__(self):
        return f"{self.resource_id}: {self.count}"
