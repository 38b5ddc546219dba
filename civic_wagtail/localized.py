"""Localised lookups: the translation of pages and snippets in a locale, in one query.

A translated page keeps its source's links: its taxonomy terms and the pages it relates to
(adapted from, related practices, events) point at the default-language objects that the
editor chose. Readers of the French page should see the French terms and reach the French
pages. :func:`localized` turns any queryset of translatable objects into the queryset of their
translations in a locale, falling back to the object itself where no translation exists,
as ONE query (subqueries on ``translation_key``), whatever the number of objects: calling it
in a template loop would add a query per item, so call it on the whole relation.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page


def _locale_id(locale):
    if locale is None:
        return None
    if isinstance(locale, Locale):
        return locale.pk
    if isinstance(locale, int):
        return locale
    return Locale.objects.filter(language_code=locale).values_list("pk", flat=True).first()


def localized(queryset, locale, live=None):
    """``queryset``'s objects in ``locale``: each one's translation there, or itself when it
    has none. Keeps the model of ``queryset`` (a page queryset stays a page queryset).

    ``locale`` is a :class:`~wagtail.models.Locale`, its id or a language code; None returns
    ``queryset`` unchanged. ``live`` (default: True for pages) only takes live translations,
    so a draft translation never replaces a published source.
    """
    locale_id = _locale_id(locale)
    if locale_id is None:
        return queryset
    if not isinstance(queryset, QuerySet):
        # A page previewed from a revision keeps its relations in memory (modelcluster's
        # FakeQuerySet): translate the objects themselves.
        return localized_objects(queryset, locale_id)
    model = queryset.model
    manager = model._default_manager
    translations = manager.filter(locale_id=locale_id)
    if live is None:
        live = issubclass(model, Page)
    if live:
        translations = translations.filter(live=True)
    keys = queryset.values("translation_key")
    translated = translations.filter(translation_key__in=keys)
    untranslated = queryset.exclude(
        translation_key__in=translations.values("translation_key")
    ).values("pk")
    result = manager.filter(
        Q(pk__in=translated.values("pk")) | Q(pk__in=untranslated)
    )
    ordering = queryset.query.order_by or model._meta.ordering
    return result.order_by(*ordering) if ordering else result


def localized_objects(objects, locale):
    """Like :func:`localized`, for a list of model instances (any mix of models): a list, in
    the same order, with each object replaced by its translation in ``locale`` when there is
    one. One query per model in the list."""
    locale_id = _locale_id(locale)
    objects = list(objects)
    if locale_id is None or not objects:
        return objects
    by_model = {}
    for obj in objects:
        if obj.locale_id != locale_id:
            by_model.setdefault(type(obj), set()).add(obj.translation_key)
    found = {}
    for model, keys in by_model.items():
        rows = model._default_manager.filter(locale_id=locale_id, translation_key__in=keys)
        if issubclass(model, Page):
            rows = rows.filter(live=True)
        for row in rows:
            found[(model, row.translation_key)] = row
    return [found.get((type(obj), obj.translation_key), obj) for obj in objects]


def localize_prefetched(instances, relation, locale):
    """Swap the prefetched objects of ``relation`` on every one of ``instances`` for their
    translations in ``locale`` (one query for all), so that templates calling
    ``instance.<relation>.all`` show them in the reader's language."""
    locale_id = _locale_id(locale)
    if locale_id is None:
        return
    # An instance may be listed more than once (a series on several days of a month).
    unique = {id(instance): instance for instance in instances}.values()
    caches = [
        instance._prefetched_objects_cache[relation]
        for instance in unique
        if relation in getattr(instance, "_prefetched_objects_cache", {})
    ]
    originals = [obj for cache in caches for obj in cache]
    if not originals:
        return
    swapped = dict(
        zip(
            [id(obj) for obj in originals],
            localized_objects(originals, locale_id),
            strict=True,
        )
    )
    for cache in caches:
        cache._result_cache = [swapped[id(obj)] for obj in cache]
