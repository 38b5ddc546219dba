"""Mentoring records: mentor profiles, programmes, mentorships, their meeting logs and feedback.

These are records with a lifecycle, not pages (STYLE.md, convention 3); the public pages live
in :mod:`.pages`. Private data is guarded by django-guardian object permissions stored in
direct-foreign-key tables (the ``*ObjectPermission`` models at the end), so deleting a mentor
profile or a mentorship deletes its permission rows in the same cascade: no orphans.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from civic_wagtail.conf import civic_settings

from .pages import MentoringPage  # noqa: F401  (the page model lives in pages.py)

#: Mentorship states that take one of the mentor's places.
OCCUPYING = ("accepted", "active")
#: States of a mentorship that is still going on (at most one per mentor and mentee).
OPEN = ("requested", "accepted", "active")


def default_capacity():
    return civic_settings.MENTORING_DEFAULT_CAPACITY


def language_name(code):
    """The translated name of a language code ("es" -> "Spanish"), or the code if unknown."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices():
    return [(code, language_name(code)) for code in civic_settings.MENTORING_LANGUAGES]


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class MentorProfileQuerySet(models.QuerySet):
    def with_occupied(self):
        """Annotate ``occupied``: accepted and active mentorships, in the same query."""
        return self.annotate(
            occupied=Count("mentorships", filter=Q(mentorships__status__in=OCCUPYING))
        )

    def listed(self):
        """Mentors who may appear publicly: active accounts of verified members."""
        return self.filter(
            user__is_active=True, user__civic_profile__verification_status="verified"
        )

    def available(self):
        """Open mentors with at least one free place (needs :meth:`with_occupied`)."""
        return self.filter(
            availability=MentorProfile.Availability.OPEN, capacity__gt=models.F("occupied")
        )


class MentorProfile(models.Model):
    """A verified member who offers to mentor. Contact details are private (see privacy.py)."""

    class Availability(models.TextChoices):
        OPEN = "open", _("Open to new mentees")
        FULL = "full", _("Full")
        PAUSED = "paused", _("Paused")

    class Format(models.TextChoices):
        VIDEO = "video", _("Video call")
        PHONE = "phone", _("Phone")
        IN_PERSON = "in_person", _("In person")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    headline = models.CharField(
        _("headline"), max_length=200, help_text=_("One line on what you can help with.")
    )
    topics = models.ManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("expertise"), related_name="+"
    )
    skills = models.CharField(
        _("skills"),
        max_length=500,
        blank=True,
        help_text=_("Separate skills with commas, e.g. procurement, user research."),
    )
    government_levels = models.ManyToManyField(
        "civic_wagtail.GovernmentLevel",
        verbose_name=_("levels of government you know"),
        blank=True,
        related_name="+",
    )
    organisation_types = models.ManyToManyField(
        "civic_wagtail.OrganisationType",
        verbose_name=_("organisation types you know"),
        blank=True,
        related_name="+",
    )
    region = models.ForeignKey(
        "civic_wagtail.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    years_of_experience = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=default_capacity, help_text=_("How many mentees at once.")
    )
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.OPEN,
        db_index=True,
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    formats = models.JSONField(_("preferred formats"), default=list, blank=True)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_notes = models.CharField(
        _("how to reach you"),
        max_length=300,
        blank=True,
        help_text=_("E.g. a video-call link or the best time to call. Only your mentees see it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        ordering = ["pk"]
        permissions = [("view_mentor_contact", _("Can see a mentor's contact details"))]

    def __str__(self):
        profile = getattr(self.user, "civic_profile", None)
        return profile.display_name if profile else str(self.user)

    @property
    def display_name(self):
        return str(self)

    def skill_list(self):
        return [skill.strip() for skill in self.skills.split(",") if skill.strip()]

    def language_codes(self):
        """Codes from the prefetched ``languages`` rows (no query when prefetched)."""
        return [row.code for row in self.languages.all()]

    def language_names(self):
        return [language_name(code) for code in self.language_codes()]

    def format_labels(self):
        labels = dict(self.Format.choices)
        return [labels.get(value, value) for value in self.formats]

    def occupied_places(self):
        if hasattr(self, "occupied"):
            return self.occupied
        return self.mentorships.filter(status__in=OCCUPYING).count()

    def free_places(self):
        return max(self.capacity - self.occupied_places(), 0)


class MentorLanguage(models.Model):
    """A language a mentor speaks; a row per language so filtering works on every database."""

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=12, db_index=True)

    class Meta:
        verbose_name = _("mentor language")
        constraints = [
            models.UniqueConstraint(fields=["mentor", "code"], name="unique_mentor_language")
        ]

    def __str__(self):
        return language_name(self.code)


class Programme(models.Model):
    """A cohort: mentorships that start and end together, with a common length."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("starts"))
    end_date = models.DateField(_("ends"), null=True, blank=True)
    length_months = models.PositiveSmallIntegerField(
        _("length in months"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the site's default (6 months unless configured)."),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def get_length_months(self):
        return self.length_months or civic_settings.MENTORING_DEFAULT_LENGTH_MONTHS


class Mentorship(models.Model):
    """A request from a mentee to a mentor, and the mentorship it becomes.

    Change ``status`` only through :mod:`civic_wagtail.mentoring.lifecycle`, which checks who
    may act, locks the rows it reads and grants or revokes the object permissions.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="mentorships"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentee"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorships",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.REQUESTED,
        db_index=True,
    )
    message = models.TextField(_("message to the mentor"), max_length=2000)
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=1000)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=1000)
    goals = models.TextField(_("shared goals"), blank=True, max_length=4000)
    start_date = models.DateField(_("starts"), null=True, blank=True)
    end_date = models.DateField(_("ends"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-requested_at", "-pk"]
        permissions = [
            ("view_mentorship_private", _("Can see a mentorship's goals and meeting log"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=OPEN),
                name="one_open_mentorship_per_pair",
            )
        ]

    def __str__(self):
        return _("%(mentee)s with %(mentor)s") % {
            "mentee": self.mentee_name,
            "mentor": self.mentor,
        }

    @property
    def mentee_name(self):
        profile = getattr(self.mentee, "civic_profile", None)
        return profile.display_name if profile else str(self.mentee)

    def is_participant(self, user):
        return user.is_authenticated and user.pk in (self.mentee_id, self.mentor.user_id)

    @property
    def is_open(self):
        return self.status in OPEN

    @property
    def is_finished(self):
        return self.status in (self.Status.COMPLETED, self.Status.CANCELLED)


class MeetingLogEntry(models.Model):
    """A note on one meeting, written by either participant; private like the goals."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="meetings"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(_("date of the meeting"))
    notes = models.TextField(_("notes"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting log entry")
        verbose_name_plural = _("meeting log")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date}: {self.notes[:40]}"


class MentorshipFeedback(models.Model):
    """Private feedback a participant leaves for coordinators when a mentorship ends."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("how useful was it?"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    comments = models.TextField(_("comments for the coordinators"), blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentorship feedback")
        verbose_name_plural = _("mentorship feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "author"], name="one_feedback_per_participant"
            )
        ]

    def __str__(self):
        return f"{self.mentorship}: {self.rating}/5"


# Direct-foreign-key object permission tables (django-guardian picks them up automatically for
# these models): the rows are deleted with the object, unlike the generic table whose text
# ``object_pk`` would outlive it.


class MentorProfileUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(MentorProfile, on_delete=models.CASCADE)


class MentorProfileGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(MentorProfile, on_delete=models.CASCADE)


class MentorshipUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Mentorship, on_delete=models.CASCADE)


class MentorshipGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Mentorship, on_delete=models.CASCADE)
