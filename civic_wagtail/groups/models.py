"""Working groups and their records: members, invitations, files, events, activity and the
pilot log. Plain models (records with a lifecycle), served by :class:`.pages.GroupIndexPage`.

Who may see what is decided in :mod:`.access`, on django-guardian object permissions that
:mod:`.membership` grants and removes with each membership.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string


class WorkingGroup(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")
        SECRET = "secret", _("Secret")

    class Joining(models.TextChoices):
        OPEN = "open", _("Open: anyone can join")
        REQUEST = "request", _("By request: a lead approves")
        INVITATION = "invitation", _("By invitation only")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        FINISHED = "finished", _("Finished")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    purpose = models.TextField(_("purpose"), help_text=_("What the group wants to find out."))
    topics = models.ManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    government_level = models.ForeignKey(
        "civic_wagtail.GovernmentLevel",
        verbose_name=_("level of government"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    joining = models.CharField(
        _("joining"), max_length=12, choices=Joining.choices, default=Joining.REQUEST
    )
    member_limit = models.PositiveIntegerField(
        _("member limit"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    #: The Wagtail collection of the group's files (only members can read them).
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("file collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hypothesis = models.TextField(
        _("hypothesis"), blank=True, help_text=_("What the pilot expects to show, and why.")
    )
    #: The case study or practice drafted from the pilot log (a page id: soft reference).
    draft_page_id = models.PositiveIntegerField(_("drafted page"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    #: Denormalised for the group list (kept by :mod:`.membership`).
    member_count = models.PositiveIntegerField(_("members"), default=0)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name", "pk"]
        permissions = [
            ("read_group_space", _("Read the group's threads, files, events and pilot log")),
            ("lead_group", _("Lead the group: approve, invite, remove, draft the case study")),
        ]

    def __str__(self):
        return self.name

    @property
    def is_secret(self):
        return self.visibility == self.Visibility.SECRET

    @property
    def is_full(self):
        return self.member_limit is not None and self.member_count >= self.member_limit


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Request awaiting a lead")
        ACTIVE = "active", _("Member")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    message = models.CharField(_("message to the leads"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="unique_group_membership")
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self):
        return f"{self.user_id} in {self.group_id} ({self.role}, {self.status})"


def _token():
    return uuid.uuid4().hex


class Invitation(models.Model):
    """An invitation by email: it works for an account with that address, existing or made
    later (the link asks to sign up or log in first)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=32, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["group", "email"], name="unique_group_invitation")
        ]

    def __str__(self):
        return f"{self.email} to {self.group_id}"

    def is_valid(self):
        from civic_wagtail.conf import civic_settings

        age = timezone.now() - self.created_at
        return self.accepted_at is None and age.days < civic_settings.GROUPS_INVITATION_DAYS


class GroupFile(models.Model):
    """A Wagtail document in the group's collection."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("group file")
        verbose_name_plural = _("group files")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.document_id)


class GroupEvent(models.Model):
    """A meeting of the group: in its members' personal calendar feeds, never in public ones."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    location = models.CharField(_("where"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("group event")
        verbose_name_plural = _("group events")
        ordering = ["start", "pk"]

    def __str__(self):
        return self.title


class Activity(models.Model):
    """One line of a group's activity list."""

    class Verb(models.TextChoices):
        CREATED = "created", _("created the group")
        JOINED = "joined", _("joined")
        LEFT = "left", _("left")
        REMOVED = "removed", _("was removed")
        LEAD = "lead", _("became a lead")
        THREAD = "thread", _("started a thread")
        FILE = "file", _("shared a file")
        EVENT = "event", _("planned an event")
        EXPERIMENT = "experiment", _("logged an experiment")
        DRAFTED = "drafted", _("sent the case study into peer review")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="activity")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, choices=Verb.choices)
    subject = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activity")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.actor_id} {self.verb} {self.subject}"


class Experiment(models.Model):
    """One experiment of the pilot log: what, where, when, measured how, and what came of it."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Still running")
        WORKED = "worked", _("Worked")
        PARTLY = "partly", _("Partly worked")
        FAILED = "failed", _("Did not work")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="experiments")
    what = models.CharField(_("what was tried"), max_length=255)
    where = models.CharField(_("where"), max_length=255)
    started_on = models.DateField(_("when (start)"))
    ended_on = models.DateField(_("when (end)"), null=True, blank=True)
    #: A library indicator's slug (soft reference: the library may be absent or change).
    indicator = models.SlugField(_("indicator"), max_length=120, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    result = models.CharField(
        _("result"), max_length=10, choices=Result.choices, default=Result.PENDING
    )
    why = models.TextField(
        _("what happened and why"),
        blank=True,
        help_text=_("For an experiment that did not work: say why, so others can learn."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["started_on", "pk"]

    def __str__(self):
        return self.what


from .pages import GroupIndexPage  # noqa: E402, F401  (a model of this app)
