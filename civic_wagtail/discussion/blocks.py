"""The home page's block of active discussions (see :mod:`civic_wagtail.blocks`)."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.blocks import CachedListingBlock, content_language, visible_q


class ActiveDiscussionsBlock(CachedListingBlock):
    """Published forum threads with the most recent activity, with their forum. One query.

    Purged when a thread or a comment is saved (a new reply, a moderation decision) and when
    a forum page is published or unpublished.
    """

    cache_name = "discussion"
    purge_models = (
        "civic_wagtail_discussion.thread",
        "civic_wagtail_discussion.forumtopicpage",
        "django_comments_xtd.xtdcomment",
    )
    default_heading = _("Active discussions")
    list_template = "civic_wagtail/discussion/blocks/active.html"

    class Meta:
        icon = "comment"
        label = _("Active discussions")

    def get_items(self, value, request):
        from .models import Thread

        threads = (
            Thread.objects.published()
            .filter(visible_q("forum__"), forum__locale__language_code=content_language())
            .select_related("forum")
            .order_by("-last_activity_at", "-pk")[: value["count"]]
        )
        return [{"thread": thread, "url": thread.get_url(request)} for thread in threads]
