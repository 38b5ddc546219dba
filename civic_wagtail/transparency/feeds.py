"""Atom feeds (``django.contrib.syndication``): policy updates and consultations of a site.

A feed is built per request (:func:`feed_view`), so the request can be kept on the instance
for absolute URLs without sharing it between threads. Items are live, public pages under the
site's section page in the request's language; each entry has a stable id (the page's
translation key and locale), an updated time and a link. A feed costs a fixed number of
queries whatever its size (pinned in tests).
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from civic_wagtail.conf import civic_settings
from civic_wagtail.models import Topic
from civic_wagtail.sections import section_page

from .models import ConsultationIndexPage, ConsultationPage, PolicyIndexPage, PolicyUpdatePage


class TransparencyFeed(Feed):
    """Base feed: subclasses give :meth:`sources` (querysets of pages to merge)."""

    feed_type = Atom1Feed

    def __init__(self, request):
        super().__init__()
        self.request = request
        self.site = Site.find_for_request(request)
        if self.site is None:
            raise Http404("No site")

    def section(self, model):
        return section_page(self.request, model)

    def sources(self, obj):
        raise NotImplementedError

    def items(self, obj):
        limit = civic_settings.TRANSPARENCY_FEED_ITEMS
        merged = []
        for queryset in self.sources(obj):
            merged.extend(
                queryset.live()
                .public()
                .defer_streamfields()
                .order_by("-last_published_at")[:limit]
            )
        merged.sort(key=self.item_updateddate, reverse=True)
        return merged[:limit]

    def link(self, obj):
        return self.site.root_url + "/"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        if isinstance(item, PolicyUpdatePage):
            return [item.get_stage_display()]
        return [_("Consultation")]


class PolicyFeed(TransparencyFeed):
    """Every policy update and consultation of the site."""

    def title(self, obj):
        return _("%(site)s: policy updates and consultations") % {
            "site": self.site.site_name or self.site.hostname
        }

    def sources(self, obj):
        found = []
        for index_model, page_model in (
            (PolicyIndexPage, PolicyUpdatePage),
            (ConsultationIndexPage, ConsultationPage),
        ):
            index = self.section(index_model)
            if index is not None:
                found.append(self.narrow(page_model.objects.child_of(index), obj))
        return found

    def narrow(self, queryset, obj):
        return queryset


class TopicFeed(PolicyFeed):
    """Policy updates and consultations about one topic (by slug, so in any language)."""

    def get_object(self, request, slug=None):
        topic = Topic.objects.filter(slug=slug).order_by("locale_id").first()
        if topic is None:
            raise Http404("No such topic")
        return topic

    def title(self, obj):
        return f"{super().title(obj)}: {obj.name}"

    def link(self, obj):
        index = self.section(PolicyIndexPage)
        if index is None:
            return super().link(obj)
        return index.get_full_url(self.request) + f"?topic={obj.slug}"

    def narrow(self, queryset, obj):
        return queryset.filter(topics__slug=obj.slug)


class ConsultationFeed(TransparencyFeed):
    """New and updated consultations of the site."""

    def title(self, obj):
        return _("%(site)s: consultations") % {"site": self.site.site_name or self.site.hostname}

    def sources(self, obj):
        index = self.section(ConsultationIndexPage)
        return [ConsultationPage.objects.child_of(index)] if index is not None else []


def feed_view(feed_class):
    def view(request, **kwargs):
        if request.method not in ("GET", "HEAD"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        return feed_class(request)(request, **kwargs)

    view.__name__ = feed_class.__name__
    return view
