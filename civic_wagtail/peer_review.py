"""When a page was last peer reviewed: one answer for cards, search results, filters and the API.

The review app knows when a page was peer reviewed (its public review records); the library
and any other section show it without importing the review app. The review app registers the
``civic_wagtail_peer_reviewed_at`` hook, which returns a database expression for "the date of
the outer page's latest peer review": listings add it to the query they already run
(``annotate``), so a "Peer reviewed" mark costs no query per card. Without the review app (or
another app registering the hook) nothing is peer reviewed.
"""

from django.db.models import DateTimeField, Value
from wagtail import hooks

HOOK = "civic_wagtail_peer_reviewed_at"
#: The attribute (and API field) that holds the date.
FIELD = "peer_reviewed_at"


def reviewed_at_expression():
    """The hook's expression (a ``Subquery`` over the outer page), or ``None`` without one."""
    for hook in hooks.get_hooks(HOOK):
        expression = hook()
        if expression is not None:
            return expression
    return None


def is_available():
    """Whether an installed app records peer reviews."""
    return reviewed_at_expression() is not None


def with_reviewed_at(queryset, name=FIELD):
    """``queryset`` (pages) with ``name`` holding each page's latest peer review date."""
    expression = reviewed_at_expression()
    if expression is None:
        expression = Value(None, output_field=DateTimeField())
    return queryset.annotate(**{name: expression})


def only_reviewed(queryset):
    """The pages of ``queryset`` that were peer reviewed (none without a review app)."""
    expression = reviewed_at_expression()
    if expression is None:
        return queryset.none()
    # A subquery on ids rather than a filter on the expression: search backends accept it.
    reviewed = (
        queryset.model.objects.alias(_peer_reviewed_at=expression)
        .filter(_peer_reviewed_at__isnull=False)
        .values("pk")
    )
    return queryset.filter(pk__in=reviewed)


def reviewed_at_by_page(ids):
    """``{page id: date}`` of the peer-reviewed pages among ``ids``: one query, none if empty."""
    from wagtail.models import Page

    ids = list(ids)
    if not ids or not is_available():
        return {}
    rows = with_reviewed_at(Page.objects.filter(pk__in=ids)).values_list("pk", FIELD)
    return {pk: when for pk, when in rows if when is not None}
