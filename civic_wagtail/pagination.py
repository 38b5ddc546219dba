"""The one paginator of every public listing, thread and search (and the moderation queue).

:func:`paginate` reads the page number from the query string and never fails on it: a value
that is not a positive whole number (``?page=abc``, ``?page=1.5``, ``?page=%00``) shows the
first page; a number past the last page (or 0) is a 404, so crawlers following stale links
stop instead of seeing the last page under many URLs. The page it returns carries the query
strings of its neighbours, which ``civic_wagtail/includes/pagination.html`` renders with
Django's ``{% querystring %}``, keeping every other query parameter (filters, search terms).
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

#: Digits only, and short enough to be a page number (anything longer is page 1, not a 404).
MAX_DIGITS = 9


def page_number(value):
    """``value`` (a query-string value or None) as a page number; 1 when it is not one."""
    if isinstance(value, int):
        return value
    if value and len(value) <= MAX_DIGITS and value.isascii() and value.isdigit():
        return int(value)
    return 1


def paginate(request, items, per_page=None, *, param="page", drop=()):
    """The page of ``items`` that ``request.GET[param]`` asks for.

    ``per_page`` defaults to ``CIVIC_WAGTAIL_PAGE_SIZE``. ``drop`` names query parameters that
    the links to other pages leave out (e.g. ``reply_to``). Raises :class:`~django.http.Http404`
    for a page number past the end. The returned :class:`~django.core.paginator.Page` has
    ``param``, ``previous_query`` and ``next_query`` (``QueryDict`` or None) for the include.
    """
    query = request.GET.copy() if request is not None else None
    number = page_number(query.get(param) if query is not None else None)
    paginator = Paginator(items, per_page or civic_settings.PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise Http404(_("There is no page %(number)s.") % {"number": number}) from error
    page.param = param
    page.previous_query = page.next_query = None
    if query is not None:
        for key in drop:
            query.pop(key, None)
        if page.has_previous():
            page.previous_query = _with_page(query, param, page.previous_page_number())
        if page.has_next():
            page.next_query = _with_page(query, param, page.next_page_number())
    return page


def _with_page(query, param, number):
    linked = query.copy()
    if number == 1:
        # The first page has one URL: the listing's own.
        linked.pop(param, None)
    else:
        linked[param] = number
    return linked
