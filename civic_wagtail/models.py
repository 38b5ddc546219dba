"""The shared taxonomy: topics, levels of government, regions and organisation types.

Every feature classifies its content with these terms, so that a reader who follows "permits"
finds the practices, events, threads and mentors about permits. Terms are translatable
snippets; their ``slug`` is synchronised across translations, so filter URLs
(``?topic=permits``) mean the same thing in every language.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTermQuerySet(models.QuerySet):
    def for_locale(self, locale):
        """Terms in ``locale``, falling back to the default locale's row when untranslated."""
        from wagtail.models import Locale

        default = Locale.get_default()
        in_locale = self.filter(locale=locale)
        missing = self.filter(locale=default).exclude(
            translation_key__in=in_locale.values("translation_key")
        )
        return self.filter(
            models.Q(pk__in=in_locale.values("pk")) | models.Q(pk__in=missing.values("pk"))
        )


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """Base of every taxonomy snippet: a translatable name with a stable slug."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Used in filter URLs. Shared by all translations; avoid changing it."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        TranslatableField("name"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """A policy domain: permits, waste management, public health, digital services..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]


class GovernmentLevel(TaxonomyTerm):
    """Municipal, county/regional, state/provincial, national, international."""

    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=0, help_text=_("Lower numbers are closer to the citizen.")
    )

    panels = TaxonomyTerm.panels + [FieldPanel("sort_order")]
    override_translatable_fields = TaxonomyTerm.override_translatable_fields + [
        SynchronizedField("sort_order")
    ]

    class Meta(TaxonomyTerm.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("level of government")
        verbose_name_plural = _("levels of government")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_level_slug_locale")
        ]


class Region(TaxonomyTerm):
    """A place: a country, or a region within one (``parent``)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subregions",
    )

    panels = TaxonomyTerm.panels + [FieldPanel("parent")]
    override_translatable_fields = TaxonomyTerm.override_translatable_fields + [
        SynchronizedField("parent")
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug_locale")
        ]


class OrganisationType(TaxonomyTerm):
    """A kind of public body: city council, health agency, ministry, utility..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organisation_type_slug_locale"
            )
        ]


class ClassifiedMixin(models.Model):
    """Taxonomy fields for pages and clusterable models (library, events, resources...).

    Mix into a ``Page`` (or any ``ClusterableModel``) and add :attr:`taxonomy_panels` to its
    content panels. Filtering uses the terms' slugs, so it works in every locale.
    """

    topics = ParentalManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    government_levels = ParentalManyToManyField(
        "civic_wagtail.GovernmentLevel",
        verbose_name=_("levels of government"),
        blank=True,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        "civic_wagtail.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    organisation_types = ParentalManyToManyField(
        "civic_wagtail.OrganisationType",
        verbose_name=_("organisation types"),
        blank=True,
        related_name="+",
    )

    #: Panels for the four taxonomy fields, to add to a model's ``content_panels``.
    taxonomy_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("government_levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions"),
        FieldPanel("organisation_types", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        abstract = True

    def localized_terms(self, relation, locale=None):
        """The terms of ``relation`` (``"topics"``...) in ``locale`` (default: the page's
        own), each one's translation where it exists: one query however many terms."""
        from .localized import localized

        return localized(getattr(self, relation).all(), locale or getattr(self, "locale_id", None))

    @property
    def localized_topics(self):
        return self.localized_terms("topics")

    @property
    def localized_government_levels(self):
        return self.localized_terms("government_levels")

    @property
    def localized_regions(self):
        return self.localized_terms("regions")

    @property
    def localized_organisation_types(self):
        return self.localized_terms("organisation_types")


class SentEmail(models.Model):
    """Marker of one email delivered by :mod:`civic_wagtail.mail`, so that a retry never sends
    it twice. Only a hash of message and address is kept: no personal data."""

    key = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self):
        return self.key
