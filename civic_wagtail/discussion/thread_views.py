"""Views served by the forum pages (routable): topic listing, new thread, thread; the old
forum search redirects to the site search."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from civic_wagtail import page_cache, params, ratelimit
from civic_wagtail.conf import civic_settings
from civic_wagtail.page_cache import page_scope
from civic_wagtail.pagination import paginate

from .caching import thread_scope
from .forms import ThreadForm
from .models import Thread
from .pages import discussion_context
from .policy import PostingRefused, can_moderate, check_can_post, hold_reason
from .responses import rate_limited, refused
from .visibility import check_owned

CREATE = "civic_wagtail_discussion.create_thread"


def forum_and_translations(forum):
    """The ids of ``forum`` and its translations (a subquery): threads are not translated, so
    a topic lists the same threads in every language."""
    return Page.objects.filter(translation_key=forum.translation_key).values("pk")


def thread_list(forum, request):
    """The topic's threads, latest activity first, with reply counts and last posters."""
    threads = (
        Thread.objects.published()
        .filter(forum_id__in=forum_and_translations(forum))
        .select_related("author__civic_profile", "last_poster__civic_profile")
        .order_by("-last_activity_at", "-pk")
    )
    page = paginate(request, threads, civic_settings.DISCUSSION_THREADS_PER_PAGE)
    return forum.render(
        request,
        context_overrides={
            "threads": page,
            "forum_url": forum.get_url(request),
        },
    )


def new_thread(forum, request):
    """Start a thread: members only, rate-limited, held when the policy says so."""
    try:
        check_can_post(request.user)
        if not request.user.is_authenticated:
            raise PostingRefused(_("Log in as a member to start a thread."), login=True)
    except PostingRefused as refusal:
        return refused(request, refusal)
    form = ThreadForm()
    if request.method == "POST":
        limited = ratelimit.hit(request, "post")
        if limited:
            return rate_limited(request, limited)
        form = ThreadForm(request.POST)
        if form.is_valid():
            reason = hold_reason(request.user, forum)
            with transaction.atomic():
                thread = form.save(commit=False)
                thread.forum = forum
                thread.language = translation.get_language() or forum.locale.language_code
                thread.author = request.user
                thread.last_poster = request.user
                if reason:
                    thread.status = Thread.Status.HELD
                    thread.moderation_reason = reason
                thread.save()
                log(thread, CREATE, user=request.user, data={"status": thread.status})
            if reason:
                messages.info(
                    request,
                    _("Your thread will appear once a moderator has approved it. %(why)s")
                    % {"why": reason},
                )
            else:
                messages.success(request, _("Your thread is published."))
            return redirect(thread.get_url(request))
    return TemplateResponse(
        request,
        "civic_wagtail/discussion/thread_form.html",
        {"page": forum, "self": forum, "form": form},
        status=400 if form.errors else 200,
    )


def thread_detail(forum, request, pk):
    """A thread with one page of its comments; the accepted answer comes first."""
    moderator = can_moderate(request.user)
    thread = (
        Thread.objects.filter(forum_id__in=forum_and_translations(forum), pk=pk)
        .select_related("author__civic_profile", "accepted_comment__user__civic_profile")
        .first()
    )
    if thread is None:
        raise Http404(_("No such thread."))
    if thread.is_owned:
        # Its owner (a working group) decides: 404 or 403 for those it keeps out.
        check_owned(request, thread)
    own = request.user.is_authenticated and thread.author_id == request.user.pk
    if not (thread.is_published or own or moderator):
        raise Http404(_("No such thread."))
    page_cache.depends_on(
        request, page_scope(forum.pk), thread_scope(thread.pk), page_cache.NAV
    )
    thread.forum = forum
    url = forum.get_url(request) + forum.reverse_subpage("thread", args=[thread.pk])
    accepted = thread.accepted_comment
    if accepted is not None and not accepted.is_public:
        accepted = None
    extra = {
        "thread": thread,
        "accepted": accepted,
        "can_accept": (request.user.is_authenticated and thread.author_id == request.user.pk)
        or moderator,
    }
    context = discussion_context(
        thread, request, url, page_param="page", moderator=moderator, extra=extra
    )
    context.update({"page": forum, "self": forum})
    return TemplateResponse(request, "civic_wagtail/discussion/thread_detail.html", context)


def search_threads(index_page, request):
    """The former forum search: a permanent redirect to the site search's thread scope."""
    from .search import ThreadScope

    query = {"type": ThreadScope.key}
    try:
        query["q"] = params.get_text(request, "q", max_length=1000)
    except params.BadParameter:
        query["q"] = ""
    url = reverse("civic_wagtail_search:search") + "?" + urlencode(
        {key: value for key, value in query.items() if value}
    )
    return HttpResponsePermanentRedirect(url)
