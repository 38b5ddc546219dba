"""The moderation queue in the Wagtail admin, and posting blocks as a model viewset."""

from functools import wraps

from django.contrib import messages
from django.db.models import (
    Count,
    DateTimeField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_comments.models import CommentFlag
from django_comments_xtd import get_model
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from civic_wagtail.pagination import paginate

from . import actions
from .forms import ModerationForm
from .models import PostingBlock, Thread, ThreadReport
from .models.moderation import ModerationState
from .policy import can_moderate

EPOCH = Value("1970-01-01T00:00:00Z", output_field=DateTimeField())
TABS = [
    ("flagged", gettext_lazy("Reported")),
    ("held", gettext_lazy("Awaiting approval")),
    ("hidden", gettext_lazy("Hidden")),
    ("threads", gettext_lazy("Threads")),
]


def moderator_required(view):
    """403 for admin users without the moderation permission.

    Wagtail's admin turns ``PermissionDenied`` into a redirect to the dashboard; a moderation
    URL reached by someone else answers a plain 403 page instead.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_moderate(request.user):
            return TemplateResponse(
                request, "civic_wagtail/discussion/admin/forbidden.html", status=403
            )
        return view(request, *args, **kwargs)

    return wrapped


def _open_report_count():
    reports = (
        CommentFlag.objects.filter(
            comment=OuterRef("pk"),
            flag=CommentFlag.SUGGEST_REMOVAL,
            flag_date__gt=Coalesce(OuterRef("civic_moderation__moderated_at"), EPOCH),
        )
        .order_by()
        .values("comment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(reports, output_field=IntegerField()), Value(0))


def queue_items(tab):
    """The comments (or threads) a moderator should look at in ``tab``."""
    if tab == "threads":
        open_reports = (
            ThreadReport.objects.filter(
                thread=OuterRef("pk"),
                created_at__gt=Coalesce(OuterRef("moderated_at"), EPOCH),
            )
            .order_by()
            .values("thread")
            .annotate(n=Count("pk"))
            .values("n")
        )
        threads = Thread.objects.annotate(
            open_reports=Coalesce(Subquery(open_reports, output_field=IntegerField()), Value(0))
        )
        return (
            threads.filter(~Q(status=Thread.Status.PUBLISHED) | Q(open_reports__gt=0))
            .select_related("forum", "author__civic_profile")
            .order_by("-created_at")
        )
    comments = (
        get_model()
        .norel_objects.filter(is_removed=False)
        .select_related("user__civic_profile", "civic_moderation", "content_type")
        .annotate(open_reports=_open_report_count())
        .order_by("-submit_date")
    )
    if tab == "held":
        return comments.filter(civic_moderation__state=ModerationState.HELD)
    if tab == "hidden":
        return comments.filter(civic_moderation__state=ModerationState.HIDDEN)
    return comments.filter(is_public=True, open_reports__gt=0)


def _reports_prefetch():
    flags = (
        CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL)
        .select_related("civic_report")
        .order_by("flag_date")
    )
    return Prefetch("flags", queryset=flags, to_attr="removal_flags")


def open_report_reasons(comment):
    """The reasons of the reports made since the last moderation decision, oldest first."""
    moderation = getattr(comment, "civic_moderation", None)
    since = moderation.moderated_at if moderation else None
    reasons = []
    for flag in comment.removal_flags:
        report = getattr(flag, "civic_report", None)
        if report is not None and (since is None or flag.flag_date > since):
            reasons.append(report)
    return reasons


@moderator_required
def moderation_queue(request):
    """Reported, held and hidden content, each with hide/restore/approve and a reason."""
    tab = request.GET.get("tab", "flagged")
    if tab not in dict(TABS):
        tab = "flagged"
    page = paginate(request, queue_items(tab), 25, param="p")
    if tab != "threads":
        # One query per target model, not per comment.
        items = list(page.object_list)
        prefetch_related_objects(items, "content_object", _reports_prefetch())
        for item in items:
            item.report_reasons = open_report_reasons(item)
        page.object_list = items
    return TemplateResponse(
        request,
        "civic_wagtail/discussion/admin/queue.html",
        {"tab": tab, "tabs": TABS, "page_obj": page, "form": ModerationForm()},
    )


@require_POST
@moderator_required
def moderate_comment(request, pk):
    comment = get_object_or_404(get_model().norel_objects, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request))
    action = form.cleaned_data["action"]
    reason = form.cleaned_data["reason"]
    {
        "hide": actions.hide_comment,
        "restore": actions.restore_comment,
        "approve": actions.approve_comment,
    }[action](comment, request.user, reason)
    messages.success(request, _("Comment #%(pk)s: %(action)s.") % {"pk": pk, "action": action})
    return redirect(_back(request))


@require_POST
@moderator_required
def moderate_thread(request, pk):
    thread = get_object_or_404(Thread, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request))
    status = (
        Thread.Status.HIDDEN if form.cleaned_data["action"] == "hide" else Thread.Status.PUBLISHED
    )
    action = actions.RESTORE if form.cleaned_data["action"] == "restore" else None
    actions.set_thread_status(
        thread, status, request.user, form.cleaned_data["reason"], action=action
    )
    messages.success(request, _("Thread “%(title)s” updated.") % {"title": thread.title})
    return redirect(_back(request))


def _back(request):
    # Back to the queue tab, or to the public thread a moderator acted from.
    back = request.POST.get("back", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        return back
    return reverse("civic_wagtail_discussion_queue")


class PostingBlockCreateView(generic.CreateView):
    def save_instance(self):
        # Wagtail's create action saves and writes the "wagtail.create" audit entry.
        self.form.instance.blocked_by = self.request.user
        return super().save_instance()


class PostingBlockViewSet(ModelViewSet):
    """Block a member from posting (create) or lift the block (delete); both are logged."""

    model = PostingBlock
    icon = "cross"
    menu_label = gettext_lazy("Posting blocks")
    form_fields = ["user", "reason"]
    list_display = ["user", "reason", "blocked_by", "created_at"]
    search_fields = ["user__username", "user__email", "reason"]
    add_view_class = PostingBlockCreateView
    copy_view_enabled = False
    add_to_admin_menu = False
