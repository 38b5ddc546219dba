"""Public actions on comments: post, like, report, accept as the answer.

These are the only ways to write to a discussion: sites mount
:mod:`.comment_urls` instead of comments-xtd's URLconf. Posting goes through this view rather
than django-contrib-comments' ``post_comment`` so that refusals and rate limits answer 403/429
pages for people, form errors keep what was typed, the author's name and email come from the
account, and replies to one thread are numbered one at a time. It still sends the same
signals, so comments-xtd creates the comment, threads it and emails followers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_comments import signals
from django_comments.models import CommentFlag
from django_comments_xtd import get_model
from django_comments_xtd.views import perform_like
from wagtail.models import Page

from civic_wagtail import ratelimit
from civic_wagtail.members.models import get_profile

from . import actions
from .caching import comment_changed
from .forms import CommentForm, ReportForm
from .models import CommentReport, Thread, ThreadReport
from .policy import PostingRefused, can_moderate, check_can_post
from .responses import rate_limited, refused
from .targets import can_post_to, can_see, target_from_label, target_url


def _back(request, fallback, anchor=""):
    next_url = request.POST.get("next") or request.GET.get("next")
    if not next_url or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = fallback
    return redirect(next_url + anchor)


def _resolve_target(request, data):
    """The object a comment is posted to, if comments are open on it for this user."""
    target = target_from_label(data.get("content_type", ""), data.get("object_pk"))
    if target is None or not can_post_to(request, target):
        return None
    return target.specific if isinstance(target, Page) else target


def _lock_thread(target, parent):
    """Serialise posting in one discussion until the transaction ends.

    comments-xtd numbers a reply from ``MAX(order)`` of its thread and shifts later comments
    with an ``UPDATE``: two replies computed at the same moment get the same position. The
    root comment of a reply's thread always exists, so its row is the lock; a forum thread's
    row is locked too, because ``refresh_activity`` recounts its replies.
    """
    if isinstance(target, Thread):
        Thread.objects.select_for_update().filter(pk=target.pk).values_list("pk").first()
    if parent is not None:
        get_model().norel_objects.select_for_update().filter(pk=parent.thread_id).values_list(
            "pk"
        ).first()


def _reply_parent(form, target):
    """The comment ``reply_to`` names, and an error when it cannot take this reply."""
    reply_to = form.cleaned_data.get("reply_to") or 0
    if not reply_to:
        return None, None
    parent = (
        get_model()
        .norel_objects.filter(
            pk=reply_to,
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            is_public=True,
        )
        .first()
    )
    if parent is None:
        return None, _("The comment you replied to is no longer available; post a new comment.")
    if not parent.allow_thread():
        return None, _("Replies cannot go deeper here; reply to the comment above instead.")
    return parent, None


@require_POST
def post_comment(request):
    """Post a comment or a reply (form fields of comments-xtd's ``XtdCommentForm``)."""
    data = request.POST.copy()
    target = _resolve_target(request, data)
    if target is None:
        raise Http404(_("Comments are not open here."))
    try:
        check_can_post(request.user)
    except PostingRefused as refusal:
        return refused(request, refusal)
    limited = ratelimit.hit(request, "post")
    if limited:
        return rate_limited(request, limited)
    if request.user.is_authenticated:
        # Name and email always come from the account, whatever was posted: follow-up mail
        # goes to ``user_email`` under ``user_name``.
        data["name"] = get_profile(request.user).display_name
        data["email"] = request.user.email or f"member-{request.user.pk}@invalid"
    else:
        # A visitor's address is unverified: never mail it (comments-xtd issue #167).
        data.pop("followup", None)
    form = CommentForm(target, data=data)
    if form.security_errors():
        return HttpResponseBadRequest(_("The form expired or was altered. Reload the page."))
    parent = None
    if form.is_valid():
        parent, error = _reply_parent(form, target)
        if error:
            form.add_error(None, error)
    if form.errors:
        context = {
            "form": form,
            "target": target,
            "target_url": target_url(target, request),
            "allow_anonymous": True,  # only reached by those allowed to post
        }
        return render(request, "civic_wagtail/discussion/comment_error.html", context, status=400)

    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.ip_address = ratelimit.client_ip(request)
    if request.user.is_authenticated:
        comment.user = request.user
    request._civic_discussion_checked = True
    responses = signals.comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    for _receiver, response in responses:
        if response is False:
            raise PermissionDenied(_("This comment was refused."))
    with transaction.atomic():
        _lock_thread(target, parent)
        comment.save()
        signals.comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    created = comment.get("xtd_comment")
    if created is None:
        messages.info(request, _("You already posted this comment."))
        return _back(request, target_url(target, request))
    if created.is_public:
        messages.success(request, _("Your comment is published."))
    else:
        messages.info(
            request,
            _("Thank you. Your comment will appear once a moderator has approved it. %(why)s")
            % {"why": getattr(request, "_civic_hold_reason", "")},
        )
    return _back(request, target_url(target, request), f"#c{created.pk}")


def _public_comment(request, comment_id):
    """A published comment on a discussion this request may see, or 404."""
    comment = get_object_or_404(get_model().norel_objects, pk=comment_id, is_public=True)
    if not can_see(request, comment.content_object):
        raise Http404(_("No such comment."))
    return comment


@require_POST
@login_required
def like(request, comment_id):
    """Like a comment, or take the like back."""
    comment = _public_comment(request, comment_id)
    perform_like(request, comment)
    comment_changed(comment)  # the like count is part of the cached list
    return _back(request, target_url(comment.content_object, request), f"#c{comment.pk}")


@login_required
def flag(request, comment_id):
    """Report a comment, with a reason; enough reports hide it until a moderator decides.

    GET shows the form (it works without JavaScript); POST records the report.
    """
    comment = _public_comment(request, comment_id)
    if comment.user_id == request.user.pk:
        raise PermissionDenied(_("You cannot report your own comment."))
    back = target_url(comment.content_object, request)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        context = {"form": form, "comment": comment, "back": f"{back}#c{comment.pk}"}
        return render(request, "civic_wagtail/discussion/report_comment.html", context)
    limited = ratelimit.hit(request, "flag")
    if limited:
        return rate_limited(request, limited)
    with transaction.atomic():
        flag, created = CommentFlag.objects.get_or_create(
            comment=comment, user=request.user, flag=CommentFlag.SUGGEST_REMOVAL
        )
        CommentReport.objects.update_or_create(
            flag=flag,
            defaults={
                "reason": form.cleaned_data["reason"],
                "details": form.cleaned_data["details"].strip(),
            },
        )
    if created:
        request._civic_discussion_checked = True
        signals.comment_was_flagged.send(
            sender=comment.__class__, comment=comment, flag=flag, created=True, request=request
        )
    messages.success(request, _("Thank you: a moderator will look at this comment."))
    return _back(request, back, f"#c{comment.pk}")


@require_POST
@login_required
def report_thread(request, thread_id):
    """Report a thread; enough reports hide it until a moderator decides."""
    thread = get_object_or_404(Thread.objects.published().select_related("forum"), pk=thread_id)
    if thread.author_id == request.user.pk:
        raise PermissionDenied(_("You cannot report your own thread."))
    limited = ratelimit.hit(request, "flag")
    if limited:
        return rate_limited(request, limited)
    ThreadReport.objects.get_or_create(thread=thread, user=request.user)
    if actions.auto_hide_thread_if_reported(thread):
        messages.success(
            request, _("Thank you: the thread is hidden until a moderator reviews it.")
        )
        return redirect(thread.forum.get_url(request))
    messages.success(request, _("Thank you: a moderator will look at this thread."))
    return redirect(thread.get_url(request))


def unfollow(request, token):
    """One-click unsubscribe from the emails about replies in one's own thread."""
    from .notifications import thread_from_token

    thread = thread_from_token(token)
    if thread is None:
        raise Http404(_("This link is not valid."))
    Thread.objects.filter(pk=thread.pk).update(author_follows=False)
    context = {"thread": thread, "thread_url": thread.get_url(request)}
    return render(request, "civic_wagtail/discussion/unfollowed.html", context)


@require_POST
@login_required
def accept_answer(request, thread_id):
    """The thread's author or a moderator marks a reply as the accepted answer (or clears it)."""
    thread = get_object_or_404(Thread.objects.select_related("forum"), pk=thread_id)
    if not (thread.author_id == request.user.pk or can_moderate(request.user)):
        raise PermissionDenied(_("Only the person who started the thread can accept an answer."))
    comment = None
    if request.POST.get("comment") != "clear":
        comment = (
            get_model()
            .norel_objects.filter(
                pk=request.POST.get("comment")
                if str(request.POST.get("comment")).isdigit()
                else 0,
                content_type__app_label=Thread._meta.app_label,
                content_type__model=Thread._meta.model_name,
                object_pk=str(thread.pk),
                is_public=True,
            )
            .first()
        )
        if comment is None:
            raise Http404(_("That reply is not part of this thread."))
    actions.accept_answer(thread, comment, request.user)
    messages.success(
        request,
        _("Accepted answer marked.") if comment else _("Accepted answer cleared."),
    )
    anchor = f"#c{comment.pk}" if comment else ""
    return redirect(thread.get_url(request) + anchor)
