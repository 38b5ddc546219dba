"""Competency frameworks, edited and translated by editors (wagtail-localize snippets).

A :class:`Framework` has ordered :class:`FrameworkLevel` rows (1 = awareness ... n = expert)
and :class:`Competency` rows in named groups; each competency describes what every level
looks like (``descriptors``, one per level, in level order). Members always rate the
framework's source-language rows; pages show the rows of the active language, matched by
``translation_key`` (:func:`localized_names`).

:class:`CompetencyTag` is the classification other apps' content gets: a practice, resource,
event or mentor profile tagged with a competency, through a generic relation owned by this
app, so the apps never import each other.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Framework(TranslatableMixin, ClusterableModel):
    """A competency framework (the UK digital and data framework, the OECD innovation skills)."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the framework comes from.")
    )
    live = models.BooleanField(
        _("open for self-assessment"),
        default=True,
        help_text=_("Members can assess themselves against it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("source"),
        FieldPanel("live"),
        InlinePanel("levels", heading=_("Levels"), label=_("Level"), min_num=2),
        InlinePanel("competencies", heading=_("Competencies"), label=_("Competency")),
    ]
    override_translatable_fields = [SynchronizedField("live"), SynchronizedField("source")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FrameworkLevel(TranslatableMixin, Orderable):
    """One level of a framework; its number is its position (1 for the first)."""

    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(_("name"), max_length=100)
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("summary")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("level")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class Competency(TranslatableMixin, Orderable):
    """A skill of a framework, in a group, with what each level looks like."""

    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    group = models.CharField(_("group"), max_length=120, blank=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    descriptors = StreamField(
        [("level", blocks.TextBlock(label=_("What this level looks like")))],
        verbose_name=_("level descriptors"),
        blank=True,
        help_text=_("One per level, in the order of the framework's levels."),
    )

    panels = [
        FieldPanel("group"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("descriptors"),
    ]
    override_translatable_fields = [TranslatableField("descriptors")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def descriptor_list(self):
        return [str(block.value) for block in self.descriptors]


class CompetencyTag(models.Model):
    """A practice, resource, event or mentor profile classified under a competency."""

    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="tags", verbose_name=_("competency")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("id of the tagged item"))
    content_object = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("competency tag")
        verbose_name_plural = _("competency tags")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "content_type", "object_id"], name="one_tag_per_item"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.competency}: {self.content_type.model} {self.object_id}"


def localized_names(competencies):
    """``{competency.pk: name in the active language}`` for source rows, in one query."""
    from wagtail.models import Locale

    competencies = list(competencies)
    names = {c.pk: c.name for c in competencies}
    locale = Locale.get_active()  # the default locale when the language has none
    keys = {c.translation_key: c.pk for c in competencies if c.locale_id != locale.pk}
    if keys:
        for key, name in Competency.objects.filter(
            translation_key__in=keys, locale=locale
        ).values_list("translation_key", "name"):
            names[keys[key]] = name
    return names


def tagged_content_types():
    """Content types that may be tagged, as configured and installed."""
    from django.apps import apps

    from civic_wagtail.conf import civic_settings

    found = {}
    for kind, label in civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        found[kind] = ContentType.objects.get_for_model(model)
    return found
