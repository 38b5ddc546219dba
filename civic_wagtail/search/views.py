"""The site search page (``/search/``): every scope, grouped by type, filtered by topic and
level of government, with per-type counts, marked terms, pages and "did you mean".

Query plan, whatever the amount of content: the two filter vocabularies, then per scope a
count and (grouped view) one short slice loaded in a fixed number of queries; with a type
chosen, that scope's count, one page and its load. "Did you mean" runs only when nothing is
found, from a cached vocabulary.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civic_wagtail import params
from civic_wagtail.conf import civic_settings
from civic_wagtail.models import GovernmentLevel, Topic
from civic_wagtail.pagination import paginate
from civic_wagtail.search_terms import search_terms

from .highlight import did_you_mean
from .scopes import TAXONOMY_FILTERS, current_locale, get_scopes

TEMPLATE = "civic_wagtail/search/search.html"
#: Seconds the "did you mean" vocabulary is reused.
VOCABULARY_TTL = 600


def taxonomy_choices(locale):
    topics = Topic.objects.for_locale(locale).order_by("name").values_list("slug", "name")
    levels = (
        GovernmentLevel.objects.for_locale(locale)
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )
    return {"topic": list(topics), "level": list(levels)}


def _link(**values):
    return "?" + urlencode({key: value for key, value in values.items() if value})


def _vocabulary(request, scopes, locale):
    # The scopes' keys name models and grow with the installed apps: hashed, the key stays
    # under memcached's 250 characters.
    digest = hashlib.sha256(",".join(scope.key for scope in scopes).encode()).hexdigest()
    key = f"civic_wagtail:search:vocabulary:{get_language()}:{digest[:24]}"
    words = cache.get(key)
    if words is None:
        words = []
        for scope in scopes:
            words.extend(scope.vocabulary(request))
        words.extend(Topic.objects.for_locale(locale).values_list("name", flat=True))
        cache.set(key, words, VOCABULARY_TTL)
    return words


def site_search(request):
    scopes = [scope for scope in get_scopes() if scope.is_available(request)]
    stylesheets = list(dict.fromkeys(sheet for scope in scopes for sheet in scope.stylesheets))
    by_key = {scope.key: scope for scope in scopes}
    locale = current_locale(request)
    context = {"query": "", "terms": "", "selected": "", "error": None, "facets": [],
               "groups": [], "page_obj": None, "results": [], "scope": None, "total": 0,
               "suggestion": "", "filters": {}, "choices": taxonomy_choices(locale),
               "stylesheets": stylesheets, "is_site_search": True}
    try:
        query = params.get_text(request, "q", max_length=1000)
        selected = params.get_text(request, "type", max_length=100)
        filters = {name: params.get_text(request, name, max_length=100)
                   for name in TAXONOMY_FILTERS}
    except params.BadParameter as error:
        context["error"] = error.message
        return TemplateResponse(request, TEMPLATE, context, status=400)
    context.update(query=query, selected=selected, filters=filters)
    status = 200
    for name, label in (("topic", _("topic")), ("level", _("level of government"))):
        known = {slug for slug, _name in context["choices"][name]}
        if filters[name] and filters[name] not in known:
            context["error"] = _("There is no %(filter)s “%(value)s” to search in.") % {
                "filter": label, "value": filters[name]}
            status = 400
    if selected and selected not in by_key:
        context["error"] = _("There is no content type “%(type)s” to search in.") % {
            "type": selected}
        status = 400
    terms = search_terms(query)
    context["terms"] = terms
    if status != 200 or not terms:
        # Punctuation alone leaves no terms: an empty page of results, not the backend's error.
        return TemplateResponse(request, TEMPLATE, context, status=status)

    filtering = any(filters.values())
    shared = {"q": query, **filters}
    found = {}
    for scope in scopes:
        if filtering and not scope.taxonomy:
            found[scope.key] = (None, 0)
            continue
        results = scope.search(request, terms, filters)
        found[scope.key] = (results, results.count())
    for scope in scopes:
        count = found[scope.key][1]
        context["total"] += count
        context["facets"].append({"key": scope.key, "label": scope.label, "count": count,
                                  "url": _link(**shared, type=scope.key)})
    context["all_url"] = _link(**shared)
    group_size = civic_settings.SEARCH_GROUP_SIZE
    if selected:
        scope = by_key[selected]
        results, count = found[selected]
        page_obj = paginate(request, results if results is not None else [])
        context.update(scope=scope, page_obj=page_obj,
                       results=scope.load(request, list(page_obj.object_list), terms))
    else:
        for scope in scopes:
            results, count = found[scope.key]
            if count:
                context["groups"].append({
                    "scope": scope,
                    "count": count,
                    "results": scope.load(request, list(results[:group_size]), terms),
                    "more_url": _link(**shared, type=scope.key) if count > group_size else "",
                })
    if not context["total"]:
        suggestion = did_you_mean(terms, _vocabulary(request, scopes, locale))
        if suggestion:
            context["suggestion"] = suggestion
            context["suggestion_url"] = _link(q=suggestion, **filters, type=selected)
    return TemplateResponse(request, TEMPLATE, context, status=status)


def old_search(request):
    """``/hub/search/`` moved to ``/search/`` (the query string is kept)."""
    url = reverse("civic_wagtail_search:search")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
