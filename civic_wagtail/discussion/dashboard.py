"""The "Threads you follow" panel of the member's dashboard (``civic_wagtail_dashboard_panels``).

A member follows a thread they started (``Thread.author_follows``) or one where they asked to
hear of replies (comments-xtd's ``followup``). "New replies" are those after the member's own
latest comment there (or after they started it), written by someone else.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, DateTimeField, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from django_comments_xtd import get_model

from civic_wagtail.members.dashboard import DashboardPanel

from .models import Thread


def followed_with_new_replies(user):
    """Published threads ``user`` follows whose latest reply is someone else's and newer than
    the user's own latest comment there; most recent activity first."""
    thread_ct = ContentType.objects.get_for_model(Thread)
    mine = get_model().norel_objects.filter(content_type=thread_ct, user=user)
    followed_pks = mine.filter(followup=True).values("object_pk")
    my_last = (
        mine.filter(object_pk=Cast(OuterRef("pk"), CharField()))
        .order_by()
        .values("object_pk")
        .annotate(last=Max("submit_date"))
        .values("last")[:1]
    )
    return (
        Thread.objects.published()
        .annotate(key=Cast("pk", CharField()))
        .filter(Q(author=user, author_follows=True) | Q(key__in=followed_pks))
        .exclude(last_poster=user)
        .annotate(
            seen=Coalesce(
                Subquery(my_last, output_field=DateTimeField()),
                F("created_at"),
            )
        )
        .filter(reply_count__gt=0, last_activity_at__gt=F("seen"))
        .select_related("forum")
        .order_by("-last_activity_at", "-pk")
    )


class FollowedThreadsPanel(DashboardPanel):
    title = _("Threads you follow with new replies")
    order = 20
    template_name = "civic_wagtail/discussion/includes/dashboard_panel.html"
    name = "cw-dash-threads"
    #: How many threads the panel lists.
    limit = 10

    def get_context_data(self):
        threads = list(followed_with_new_replies(self.request.user)[: self.limit + 1])
        for thread in threads:
            thread.url = thread.get_url(self.request)
        return {"threads": threads[: self.limit], "more": len(threads) > self.limit}


def threads_dashboard_panel(request):
    if not request.user.is_authenticated:
        return None
    return FollowedThreadsPanel(request)
