"""The library's scopes of the site search (:mod:`civic_wagtail.search`): practices, case
studies and resources, each its own type with its own count.

Practices and case studies are shown with the library's card
(``civic_wagtail/library/includes/card.html``), loaded as the library index loads them.
``CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS`` (deprecated: register scopes instead) still replaces
the library's page types with the models it lists.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from civic_wagtail.conf import civic_settings
from civic_wagtail.search import PageScope

CARD = "civic_wagtail/library/includes/search_card.html"


def get_search_models():
    """The page models the library contributes to the site search."""
    configured = civic_settings.LIBRARY_SEARCH_MODELS
    if configured is None:
        from .models import BestPracticePage, CaseStudyPage, ResourcePage

        return [BestPracticePage, CaseStudyPage, ResourcePage]
    try:
        models = [apps.get_model(label) for label in configured]
    except (LookupError, ValueError) as error:
        raise ImproperlyConfigured(
            f"CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS: {error}. Use 'app_label.ModelName'."
        ) from error
    return [model for model in models if issubclass(model, Page)]


class CardScope(PageScope):
    """Practices or case studies, shown as the library's cards."""

    template = CARD
    stylesheets = ("civic_wagtail/library/library.css",)

    def load(self, request, results, terms):
        from .listing import load_cards

        return load_cards(list(results))


def library_scopes():
    from .models import BestPracticePage, CaseStudyPage

    scopes = []
    for order, model in enumerate(get_search_models(), start=10):
        scope_class = CardScope if model in (BestPracticePage, CaseStudyPage) else PageScope
        scopes.append(scope_class(model, order=order))
    return scopes
