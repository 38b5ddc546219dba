"""StreamField blocks that show the community at work, for a home page or any other page.

Each feature app ships the blocks of its own content (the library: latest peer-reviewed
practices and newest case studies; events: upcoming events; discussion: active discussions;
mentoring: mentors available now) and the core adds a search box. An app names its blocks on
its ``AppConfig`` (``civic_wagtail_blocks = [("upcoming_events", "dotted.path.Block")]``), so
:func:`home_page_blocks` offers exactly the blocks of the installed apps::

    from civic_wagtail.blocks import home_page_blocks

    class HomePage(Page):
        body = StreamField(home_page_blocks(), blank=True)

A site can also pick single blocks (``civic_wagtail.events.blocks.UpcomingEventsBlock``).

Listing blocks (:class:`CachedListingBlock`) run at most one query for their items and render
them inside ``{% wagtailcache %}`` (never used in previews), keyed by the block, its settings,
the language, the site and a *generation* that :func:`purge` replaces: the apps purge their
blocks when relevant pages are published (and the discussion app on a new comment).
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .conf import civic_settings

GENERATION_KEY = "civic_wagtail:blocks:{name}"
#: URL name of the site search (``civic_wagtail.urls`` mounts it at ``search/``).
SEARCH_URL_NAME = "civic_wagtail_search:search"


def home_page_blocks():
    """``(name, block)`` pairs of the installed apps' blocks, the core's search box first."""
    found = [("search", SearchBoxBlock())]
    for config in apps.get_app_configs():
        for name, path in getattr(config, "civic_wagtail_blocks", ()):
            found.append((name, import_string(path)()))
    return found


def listing_block_classes():
    """The listing block classes of the installed apps."""
    return [
        type(block) for _name, block in home_page_blocks() if isinstance(block, CachedListingBlock)
    ]


def cache_names_for(model):
    """Cache names of the blocks that show rows of ``model`` (their ``purge_models``)."""
    label = model._meta.label_lower
    return sorted(
        {
            cls.cache_name
            for cls in listing_block_classes()
            if label in {name.lower() for name in cls.purge_models}
        }
    )


def purge_on_change(sender, **kwargs):
    """``post_save``/``post_delete`` receiver: a row that a block shows changed, purge it.

    Publishing, unpublishing, moving and deleting a page all save or delete the page row; a
    new comment saves a comment. Purged now and again after the commit, so a request that
    rendered the old rows in between does not keep them.
    """
    names = _NAMES_BY_MODEL.get(sender)
    if names is None:
        names = _NAMES_BY_MODEL[sender] = cache_names_for(sender)
    if names:
        purge(*names)
        transaction.on_commit(lambda: purge(*names))


_NAMES_BY_MODEL = {}


def generation(name):
    """The current cache generation of the blocks called ``name`` (a cache read, no query)."""
    key = GENERATION_KEY.format(name=name)
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def purge(*names):
    """Forget the cached renderings of the blocks ``names``: their next render queries anew."""
    cache.delete_many([GENERATION_KEY.format(name=name) for name in names])


def visible_q(prefix=""):
    """``Q``: the page at ``prefix`` is live and no view restriction covers it.

    Wagtail's ``.public()`` first loads every view restriction (a query of its own); this is a
    subquery of the same statement, so a block's items cost one query.
    """
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef(f"{prefix}path"), F("page__path"))
    )
    return Q(**{f"{prefix}live": True}) & ~Exists(restricted)


def content_language():
    """The active content language code, as Wagtail's locales spell it (no query)."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return translation.get_language()


def search_url():
    """The site search's URL, or ``None`` on a site that does not mount ``civic_wagtail.urls``."""
    try:
        return reverse(SEARCH_URL_NAME)
    except NoReverseMatch:
        return None


class SearchBoxBlock(blocks.StructBlock):
    """A search form that sends ``q`` to the site search."""

    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        help_text=_("Default: “Search practices, events and discussions”."),
    )

    class Meta:
        icon = "search"
        label = _("Search box")
        template = "civic_wagtail/blocks/search_box.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["search_url"] = search_url()
        context["label"] = value.get("label") or _("Search practices, events and discussions")
        context["field_id"] = f"cw-search-{uuid.uuid4().hex[:8]}"
        return context


class CachedListingBlock(blocks.StructBlock):
    """A heading and the newest few items of something, rendered from the cache.

    Subclasses set :attr:`cache_name`, :attr:`default_heading` and :attr:`list_template` (the
    list, given ``items``) and implement :meth:`get_items` (one query, evaluated lazily: only
    when the cache has no rendering). ``civic_wagtail/blocks/listing.html`` renders the heading
    and puts the list inside ``{% wagtailcache %}``.
    """

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    count = blocks.IntegerBlock(label=_("Number of items"), default=4, min_value=1, max_value=12)

    #: Name of the cache generation; :func:`purge` with it refreshes every such block.
    cache_name = ""
    #: Heading shown when the editor leaves it empty.
    default_heading = ""
    #: Template of the list of ``items`` (cached).
    list_template = ""
    #: ``app_label.model`` of the rows shown: saving or deleting one purges the block.
    purge_models = ()

    class Meta:
        template = "civic_wagtail/blocks/listing.html"

    def get_items(self, value, request):
        """The items to show (a queryset or list); runs only when the cache misses."""
        raise NotImplementedError

    def cache_key_parts(self, value, request):
        """What the rendering depends on besides the generation (override to add)."""
        from wagtail.models import Site

        site = Site.find_for_request(request) if request is not None else None
        return [content_language(), site.pk if site else "", value.get("count")]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        context["heading"] = value.get("heading") or self.default_heading
        context["heading_id"] = f"cw-block-{uuid.uuid4().hex[:8]}"
        context["list_template"] = self.list_template
        context["items"] = SimpleLazyObject(lambda: list(self.get_items(value, request)))
        parts = [self.cache_name, type(self).__name__, generation(self.cache_name)]
        parts += self.cache_key_parts(value, request)
        context["cache_key"] = ":".join(str(part) for part in parts)
        context["cache_timeout"] = civic_settings.BLOCK_CACHE_SECONDS
        return context
