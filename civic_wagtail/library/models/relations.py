"""Page-to-page relations that work on a page loaded from a revision as well as a live one."""

from modelcluster.queryset import FakeQuerySet


def published_related(relation):
    """The live, public pages of a ``ParentalManyToManyField`` relation, as a real queryset.

    On a page loaded from a revision (a draft preview, a reviewer's workflow preview) modelcluster
    keeps the draft's choice in memory and the relation returns a ``FakeQuerySet``, which
    filters in Python and has no ``live()`` or ``public()``. Selecting the related model's pages
    by primary key works in both cases, in one query: the keys of the in-memory objects, or a
    subquery over the saved relation.
    """
    related = relation.all()
    if isinstance(related, FakeQuerySet):
        keys = [page.pk for page in related]
    else:
        keys = related.values("pk")
    return relation.model.objects.live().public().filter(pk__in=keys)
