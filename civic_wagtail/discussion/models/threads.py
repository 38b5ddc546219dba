"""Forum threads: records with a lifecycle (published, held, hidden), searchable."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class ThreadQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def unowned(self):
        """Threads no other app owns: owned threads (a working group's) are listed only by
        their owner, never in forums, search, feeds or dashboards."""
        return self.filter(owner_type_id__isnull=True)

    def owned_by(self, owner):
        """The threads of ``owner`` (any model instance), e.g. a working group's threads."""
        from django.contrib.contenttypes.models import ContentType

        return self.filter(
            owner_type=ContentType.objects.get_for_model(owner), owner_id=str(owner.pk)
        )

    def published(self):
        return self.unowned().filter(status=Thread.Status.PUBLISHED)

    def visible_to(self, user, can_moderate=False):
        """Published threads, plus the user's own held/hidden ones (all for moderators).
        Owned threads are left out: their owner decides (:mod:`..visibility`)."""
        if can_moderate:
            return self.unowned()
        if user.is_authenticated:
            return self.unowned().filter(
                models.Q(status=Thread.Status.PUBLISHED) | models.Q(author=user)
            )
        return self.published()


def default_language():
    """The site's default language: threads made outside a request (imports, the demo)."""
    return settings.LANGUAGE_CODE


class Thread(index.Indexed, models.Model):
    """A conversation started by a member in a forum topic; replies are comments-xtd comments."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Awaiting moderation")
        HIDDEN = "hidden", _("Hidden by a moderator")

    forum = models.ForeignKey(
        "civic_wagtail_discussion.ForumTopicPage",
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="threads",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("message"), help_text=_("Markdown: **bold**, _italic_, [links](https://...).")
    )
    #: The language the thread was started in (threads are not translated): shown as the
    #: content's ``lang`` attribute so that screen readers pronounce it right.
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        default=default_language,
        help_text=_("The language the thread is written in."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PUBLISHED,
        db_index=True,
    )
    moderation_reason = models.CharField(_("moderation reason"), max_length=255, blank=True)
    #: Reports made before the latest moderation decision have been dealt with.
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    #: Denormalised so that a topic lists its threads in one query, latest activity first.
    last_activity_at = models.DateTimeField(
        _("last activity"), default=timezone.now, db_index=True
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last reply by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: The author is emailed about new replies until they unsubscribe (one click).
    author_follows = models.BooleanField(_("email me about replies"), default=True)
    accepted_comment = models.ForeignKey(
        "django_comments_xtd.XtdComment",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    #: The app that owns this thread (a working group...), if any: an owned thread is read
    #: only by those its owner's ``civic_wagtail_thread_visibility`` hook lets in.
    owner_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("owner type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    owner_id = models.CharField(_("owner id"), max_length=64, blank=True, db_index=True)

    objects = ThreadQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("body"),
        # Replies are found through their thread (kept up to date by refresh_activity).
        index.SearchField("comment_text"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("forum_id"),
        index.FilterField("owner_type_id"),
    ]

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity_at"]
        indexes = [models.Index(fields=["forum", "status", "-last_activity_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The thread's path, without scheme or host (Django's convention).

        comments-xtd's emails put ``http://<site domain>`` in front of it; use
        :meth:`get_full_url` for an absolute URL.
        """
        parts = self.forum.get_url_parts()
        if parts is None:
            return None
        return parts[2] + self._subpath()

    def get_url(self, request=None):
        """The thread's public URL, served by its forum topic page (a path on its own site)."""
        return self.forum.get_url(request) + self._subpath()

    def get_full_url(self, request=None):
        """The thread's absolute URL, from the Wagtail Site of its forum."""
        base = self.forum.get_full_url(request)
        return base + self._subpath() if base else None

    def _subpath(self):
        return self.forum.reverse_subpage("thread", args=[self.pk])

    #: Characters of published replies indexed with the thread (the oldest replies first).
    COMMENT_INDEX_CHARS = 100_000

    def comment_text(self):
        """The text of the thread's published replies, for the search index."""
        from ..comments import comments_for

        texts = (
            comments_for(self)
            .filter(is_public=True, is_removed=False)
            .order_by("submit_date", "pk")
            .values_list("comment", flat=True)
        )
        joined, size = [], 0
        for text in texts.iterator():
            joined.append(text)
            size += len(text) + 1
            if size >= self.COMMENT_INDEX_CHARS:
                break
        return "\n".join(joined)[: self.COMMENT_INDEX_CHARS]

    @property
    def is_owned(self):
        return self.owner_type_id is not None

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def refresh_activity(self):
        """Recount published replies and find the last one (after a post or a moderation)."""
        from ..comments import comments_for

        public = comments_for(self).filter(is_public=True, is_removed=False)
        last = public.order_by("-submit_date").values("submit_date", "user_id").first()
        self.reply_count = public.count()
        self.last_activity_at = last["submit_date"] if last else self.created_at
        self.last_poster_id = last["user_id"] if last else self.author_id
        Thread.objects.filter(pk=self.pk).update(
            reply_count=self.reply_count,
            last_activity_at=self.last_activity_at,
            last_poster_id=self.last_poster_id,
        )
        from ..caching import thread_changed

        thread_changed(self.pk)

        # The replies' text is indexed with the thread, as a save would (a task, when search
        # auto-update is on).
        from modelsearch.backends import get_search_backends
        from modelsearch.tasks import insert_or_update_object_task

        if any(True for _backend in get_search_backends(with_auto_update=True)):
            insert_or_update_object_task.enqueue(
                self._meta.app_label, self._meta.model_name, str(self.pk)
            )


class ThreadReport(models.Model):
    """A member's request that moderators look at a thread ("suggest removal")."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thread report")
        verbose_name_plural = _("thread reports")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="unique_thread_report")
        ]

    def __str__(self):
        return f"{self.thread_id} by {self.user_id}"

    @classmethod
    def open_for(cls, thread):
        """Reports made since the thread's latest moderation decision."""
        reports = cls.objects.filter(thread=thread)
        if thread.moderated_at:
            reports = reports.filter(created_at__gt=thread.moderated_at)
        return reports
