"""Site-wide search across the library and any page type other apps contribute.

Uses Wagtail's search backend (``WAGTAILSEARCH_BACKENDS``): the database backend by default,
OpenSearch/Elasticsearch by configuration, with no code change. Facets count results per
page type through the backend's ``facet("content_type_id")``.

Other apps add their page types with a hook::

    @hooks.register("civic_wagtail_search_models")
    def search_events():
        return [EventPage]

or a site lists the models itself in ``CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS``.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from civic_wagtail import params
from civic_wagtail.conf import civic_settings
from civic_wagtail.pagination import paginate
from civic_wagtail.peer_review import mark_reviewed
from civic_wagtail.search_terms import search_terms

from .filters import current_locale


def get_search_models():
    """The page models the site search covers, in facet order."""
    configured = civic_settings.LIBRARY_SEARCH_MODELS
    if configured is not None:
        try:
            models = [apps.get_model(label) for label in configured]
        except (LookupError, ValueError) as error:
            raise ImproperlyConfigured(
                f"CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS: {error}. Use 'app_label.ModelName'."
            ) from error
    else:
        from .models import BestPracticePage, CaseStudyPage, ResourcePage

        models = [BestPracticePage, CaseStudyPage, ResourcePage]
        for hook in hooks.get_hooks("civic_wagtail_search_models"):
            models.extend(model for model in hook() if model not in models)
    return [model for model in models if issubclass(model, Page)]


def type_key(model):
    return model._meta.label_lower


def load_specific(pages):
    """Specific instances of ``pages`` in order: one query per page type on the page, and one
    for their peer-review dates."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return mark_reviewed([specific[pk] for pk in ids if pk in specific])


def site_search(request):
    models = get_search_models()
    by_key = {type_key(model): model for model in models}
    context = {"query": "", "selected": "", "facets": [], "page_obj": None,
               "results": [], "error": None}
    try:
        query = params.get_text(request, "q", max_length=1000)
        selected = params.get_text(request, "type")
    except params.BadParameter as error:
        context["error"] = error.message
        return TemplateResponse(
            request, "civic_wagtail/library/search.html", context, status=400
        )
    context.update(query=query, selected=selected)
    terms = search_terms(query)
    status = 200
    if selected and selected not in by_key:
        context["error"] = _("There is no content type “%(type)s” to search in.") % {
            "type": selected
        }
        status = 400
    elif query:
        # Punctuation alone leaves no terms: an empty page of results, not the backend's error.
        base = Page.objects.live().public().filter(locale=current_locale()).type(*models)
        counts = base.search(terms).facet("content_type_id") if terms else {}
        for model in models:
            content_type = ContentType.objects.get_for_model(model)
            context["facets"].append(
                {
                    "key": type_key(model),
                    "label": model._meta.verbose_name_plural,
                    "count": counts.get(content_type.pk, 0),
                    "url": "?" + urlencode({"q": query, "type": type_key(model)}),
                }
            )
        scoped = base.type(by_key[selected]) if selected else base
        page_obj = paginate(request, scoped.search(terms) if terms else scoped.none())
        context["page_obj"] = page_obj
        context["results"] = load_specific(list(page_obj.object_list))
        context["all_url"] = "?" + urlencode({"q": query})
        context["query_string"] = urlencode({"q": query, "type": selected} if selected
                                            else {"q": query})
    return TemplateResponse(
        request, "civic_wagtail/library/search.html", context, status=status
    )
