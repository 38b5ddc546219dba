"""The library index's filter form and the queryset it selects.

Every filter is a GET parameter holding a slug or a choice value, so any combination is a
shareable URL (``/library/?topic=permits&type=practice&sort=adopted``). Values that are not
offered give a form error, which the index shows with a 400 status instead of failing.
"""

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from civic_wagtail import params, peer_review
from civic_wagtail.models import GovernmentLevel, OrganisationType, Region, Topic
from civic_wagtail.search_terms import search_terms

from .models import (
    BestPracticePage,
    CaseStudyPage,
    EvidenceStrength,
    Indicator,
    adoption_count_expression,
    last_reviewed_expression,
)

PAGE_TYPES = {"practice": BestPracticePage, "case-study": CaseStudyPage}
SORTS = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("adopted", _("Most adopted")),
    ("reviewed", _("Recently reviewed")),
]
#: (form field, taxonomy model, lookup on the page models)
TAXONOMY_FILTERS = [
    ("topic", Topic, "topics__slug"),
    ("level", GovernmentLevel, "government_levels__slug"),
    ("region", Region, "regions__slug"),
    ("organisation_type", OrganisationType, "organisation_types__slug"),
]


def current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def term_choices(model, locale, empty_label):
    terms = model.objects.for_locale(locale).values_list("slug", "name")
    if model is GovernmentLevel:
        terms = terms.order_by("sort_order", "name")
    return [("", empty_label), *terms]


class LibraryFilterForm(forms.Form):
    """Search, filters and sort of the library index; all optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Practices and case studies")), ("practice", _("Best practices")),
                 ("case-study", _("Case studies"))],
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    level = forms.ChoiceField(label=_("Level of government"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), required=False)
    evidence = forms.ChoiceField(
        label=_("Evidence strength"),
        required=False,
        choices=[("", _("Any evidence")), *EvidenceStrength.choices],
        help_text=_("Applies to best practices."),
    )
    indicator = forms.ChoiceField(label=_("Measured indicator"), required=False)
    reviewed = forms.BooleanField(
        label=_("Peer reviewed only"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_reviewed_help"}),
        help_text=_("Practices and case studies that passed peer review."),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, data=None, locale=None):
        super().__init__(data)
        locale = locale or current_locale()
        any_label = _("Any")
        for name, model, _lookup in TAXONOMY_FILTERS:
            self.fields[name].choices = term_choices(model, locale, any_label)
        self.fields["indicator"].choices = [("", any_label), *indicator_choices(locale)]
        if not peer_review.is_available():
            del self.fields["reviewed"]

    def clean_q(self):
        try:
            return params.text(self.cleaned_data["q"], "q")
        except params.BadParameter as error:
            raise forms.ValidationError(error.message, code="invalid") from error

    def filter_values(self):
        """The cleaned filters without empty values (for links and the CSV export)."""
        return {key: value for key, value in self.cleaned_data.items() if value}


def indicator_choices(locale):
    """(slug, name) of every indicator, in ``locale`` where translated (one query)."""
    default = Locale.get_default()
    rows = Indicator.objects.filter(locale__in={locale.pk, default.pk}).values_list(
        "slug", "name", "locale_id"
    )
    names = {}
    for slug, name, locale_id in rows:
        if slug not in names or locale_id == locale.pk:
            names[slug] = name
    return sorted(names.items(), key=lambda item: item[1].lower())


def filtered_pages(base, data):
    """``base`` (a Page queryset) narrowed by the cleaned form ``data``, not yet sorted."""
    models = [PAGE_TYPES[data["type"]]] if data.get("type") else list(PAGE_TYPES.values())
    if data.get("evidence"):
        models = [m for m in models if m is BestPracticePage]
    conditions = Q()
    for name, _model, lookup in TAXONOMY_FILTERS:
        if data.get(name):
            conditions &= Q(**{lookup: data[name]})
    if data.get("indicator"):
        conditions &= Q(outcomes__indicator__slug=data["indicator"])
    if data.get("evidence"):
        conditions &= Q(evidence_strength=data["evidence"])
    queryset = base.type(*models) if models else base.none()
    if data.get("reviewed"):
        queryset = peer_review.only_reviewed(queryset)
    if conditions:
        # One subquery per page type keeps the outer query free of joins (and duplicates).
        match = Q()
        for model in models:
            match |= Q(pk__in=model.objects.filter(conditions).values("pk"))
        queryset = queryset.filter(match)
    return queryset


def sorted_pages(queryset, sort):
    if sort == "adopted":
        return queryset.annotate(adoption_count=adoption_count_expression()).order_by(
            "-adoption_count", "-first_published_at", "-pk"
        )
    if sort == "reviewed":
        # The peer-review date when an app records reviews; else the last approved workflow.
        reviewed = peer_review.reviewed_at_expression() or last_reviewed_expression()
        return queryset.annotate(last_reviewed=reviewed).order_by(
            F("last_reviewed").desc(nulls_last=True), "-first_published_at", "-pk"
        )
    return queryset.order_by("-first_published_at", "-pk")


def search_pages(queryset, data):
    """Apply full-text search and sorting; returns a queryset or Wagtail search results."""
    # A query of punctuation alone searches nothing rather than listing everything.
    query = search_terms(data.get("q"))
    sort = data.get("sort") or ("relevance" if query else "newest")
    if data.get("q") and not query:
        return queryset.none()
    if not query:
        return sorted_pages(queryset, sort)
    if sort == "relevance":
        return queryset.order_by().search(query)
    if sort == "newest":
        return queryset.order_by("-first_published_at").search(query, order_by_relevance=False)
    # Sorting by a computed value: search for the matching ids, then sort in the database.
    ids = [page.pk for page in queryset.order_by().search(query)]
    return sorted_pages(queryset.filter(pk__in=ids), sort)
