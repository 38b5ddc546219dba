"""The forum's scope of the site search (:mod:`civic_wagtail.search`): published threads of
live, public forums, found by their title, message or the text of their published replies
(indexed with the thread, see :meth:`Thread.comment_text`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic_wagtail.search import SearchScope

#: Most replies read to show where a word was found in a thread's replies.
EXCERPT_ROWS = 100


class ThreadScope(SearchScope):
    key = "civic_wagtail_discussion.thread"
    label = _("forum threads")
    order = 50
    template = "civic_wagtail/discussion/includes/search_result.html"
    #: Forums have a topic; threads have no level of government.
    taxonomy = True

    def forums(self, filters):
        from .models import ForumTopicPage

        forums = ForumTopicPage.objects.live().public()
        if filters.get("topic"):
            forums = forums.filter(topic__slug=filters["topic"])
        return list(forums.values_list("pk", flat=True))

    def search(self, request, terms, filters):
        from .models import Thread

        if filters.get("level"):
            return Thread.objects.none()
        threads = Thread.objects.published().filter(forum_id__in=self.forums(filters))
        return threads.search(terms)

    def load(self, request, results, terms):
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType
        from django_comments_xtd import get_model

        from .models import Thread

        ids = [thread.pk for thread in results]
        by_id = Thread.objects.select_related("forum").in_bulk(ids)
        threads = [by_id[pk] for pk in ids if pk in by_id]
        terms = terms.split()
        # Where a word is only in the replies, show the first reply that has one (one query).
        missing = [t.pk for t in threads if not _mentions(f"{t.title} {t.body}", terms)]
        excerpts = {}
        if missing and terms:
            words = Q()
            for term in terms:
                words |= Q(comment__icontains=term)
            rows = (
                get_model()
                .norel_objects.filter(
                    content_type=ContentType.objects.get_for_model(Thread),
                    site_id=settings.SITE_ID,
                    object_pk__in=[str(pk) for pk in missing],
                    is_public=True,
                    is_removed=False,
                )
                .filter(words)
                .order_by("submit_date", "pk")
                .values_list("object_pk", "comment")[:EXCERPT_ROWS]
            )
            for object_pk, comment in rows:
                excerpts.setdefault(int(object_pk), comment)
        for thread in threads:
            thread.url = thread.get_url(request)
            thread.reply_excerpt = excerpts.get(thread.pk, "")
        return threads

    def vocabulary(self, request):
        from .models import Thread

        return list(
            Thread.objects.published().order_by("-last_activity_at").values_list(
                "title", flat=True
            )[:1000]
        )


def _mentions(text, terms):
    lowered = text.lower()
    return any(term.lower() in lowered for term in terms)


def thread_scopes():
    return [ThreadScope()]
