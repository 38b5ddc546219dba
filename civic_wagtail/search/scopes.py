"""Search scopes: what one kind of result needs to take part in the site search."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale, Page

#: The topic and level-of-government filters of the search form, as scopes receive them.
TAXONOMY_FILTERS = ("topic", "level")


def current_locale(request=None):
    """The active language's locale (the default one if it has none), once per request."""
    locale = getattr(request, "_civic_search_locale", None)
    if locale is None:
        locale = Locale.get_active()  # the default locale when the language has none
        if request is not None:
            request._civic_search_locale = locale
    return locale


def public_pages(model, request):
    """Live, public ``model`` pages in the current locale. The private sections are read
    once per request, however many page scopes there are."""
    private = getattr(request, "_civic_search_private", None)
    if private is None:
        private = Page.objects.all().private_q()
        if request is not None:
            request._civic_search_private = private
    return model.objects.live().exclude(private).filter(locale=current_locale(request))


class SearchScope:
    """One kind of result of the site search. Subclass and register an instance with the
    ``civic_wagtail_search_scopes`` hook.

    :meth:`search` returns the matches, best first, as anything that can be counted
    (``count()``) and sliced: a queryset, or Wagtail search results. :meth:`load` turns one
    page of them into what :attr:`template` renders, in a number of queries that does not
    depend on how many there are.
    """

    #: Stable identifier, used in the URL (``?type=<key>``).
    key = ""
    #: Plural name shown on the facet and the heading of the group ("practices").
    label = ""
    #: Position among the scopes (lower first).
    order = 100
    #: Renders one result, given as ``result`` (and ``terms``, the words searched).
    template = "civic_wagtail/search/result.html"
    #: Static paths of style sheets :attr:`template` needs on the search page.
    stylesheets = ()
    #: Set when :meth:`search` understands the ``topic`` and ``level`` filters (term slugs);
    #: scopes without it are left out while one of those filters is chosen.
    taxonomy = False

    def is_available(self, request):
        """Whether this request may search the scope (e.g. members only)."""
        return True

    def search(self, request, terms, filters):
        """The records matching ``terms`` (plain words) and ``filters`` (``{"topic":
        slug, "level": slug}``, each possibly empty)."""
        raise NotImplementedError

    def load(self, request, results, terms):
        """The records of one page of ``results`` (a list), ready for :attr:`template`;
        ``terms`` are the words searched."""
        return list(results)

    def vocabulary(self, request):
        """Words people may have meant ("did you mean"): titles, names. Keep it bounded."""
        return []


class PageScope(SearchScope):
    """Live, public pages of one page model in the current language, ranked by Wagtail's
    search backend. Pages that use :class:`civic_wagtail.models.ClassifiedMixin` can be
    filtered by topic and level of government."""

    #: Most titles a scope offers to "did you mean".
    VOCABULARY_LIMIT = 2000

    def __init__(self, model, *, key=None, label=None, order=None, template=None):
        self.model = model
        self.key = key or model._meta.label_lower
        self.label = label or model._meta.verbose_name_plural
        if order is not None:
            self.order = order
        if template is not None:
            self.template = template
        self.taxonomy = _has_taxonomy(model)

    def queryset(self, request, filters):
        pages = public_pages(self.model, request)
        if self.taxonomy:
            for name, lookup in (("topic", "topics__slug"), ("level", "government_levels__slug")):
                if filters.get(name):
                    # A sub-query keeps the searched query free of joins (and duplicates).
                    matching = self.model.objects.filter(**{lookup: filters[name]})
                    pages = pages.filter(pk__in=matching.values("pk"))
        return pages

    def search(self, request, terms, filters):
        return self.queryset(request, filters).search(terms)

    def load(self, request, results, terms):
        ids = [page.pk for page in results]
        by_id = self.model.objects.filter(pk__in=ids).defer_streamfields().in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]

    def vocabulary(self, request):
        pages = public_pages(self.model, request)
        return list(pages.order_by("-first_published_at").values_list("title", flat=True)[
            : self.VOCABULARY_LIMIT
        ])


def _has_taxonomy(model):
    from civic_wagtail.models import ClassifiedMixin

    return issubclass(model, ClassifiedMixin)


def get_scopes():
    """Every registered scope, in order, each key once (the first registration wins).

    Page models returned by the older ``civic_wagtail_search_models`` hook get a
    :class:`PageScope` each (deprecated: register a scope instead).
    """
    scopes, keys = [], set()
    for hook in hooks.get_hooks("civic_wagtail_search_scopes"):
        for scope in hook():
            if scope.key not in keys:
                keys.add(scope.key)
                scopes.append(scope)
    for hook in hooks.get_hooks("civic_wagtail_search_models"):
        for model in hook():
            if isinstance(model, type) and issubclass(model, Page):
                scope = PageScope(model)
                if scope.key not in keys:
                    keys.add(scope.key)
                    scopes.append(scope)
    return sorted(scopes, key=lambda scope: scope.order)


EVERYTHING = _("Everything")
