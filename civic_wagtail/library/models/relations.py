"""Page-to-page relations that work on a page loaded from a revision as well as a live one."""

from modelcluster.queryset import FakeQuerySet


def published_related(relation, locale=None):
    """The live, public pages of a ``ParentalManyToManyField`` relation, as a real queryset.

    On a page loaded from a revision (a draft preview, a reviewer's workflow preview) modelcluster
    keeps the draft's choice in memory and the relation returns a ``FakeQuerySet``, which
    filters in Python and has no ``live()`` or ``public()``. Selecting the related model's pages
    by primary key works in both cases, in one query: the keys of the in-memory objects, or a
    subquery over the saved relation. With ``locale`` (a locale or its id), each page is
    replaced by its live translation in that locale where there is one.
    """
    related = relation.all()
    if isinstance(related, FakeQuerySet):
        keys = [page.pk for page in related]
    else:
        keys = related.values("pk")
    pages = relation.model.objects.filter(pk__in=keys)
    if locale is not None:
        from civic_wagtail.localized import localized

        # Each page's translation in ``locale`` where there is a live one.
        pages = localized(pages, locale)
    return pages.live().public()
