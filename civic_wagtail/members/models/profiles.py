from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civic_wagtail.conf import civic_settings


def default_public_fields():
    return list(civic_settings.MEMBERS_DEFAULT_PUBLIC_FIELDS)


class MemberProfileQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification_status=MemberProfile.Verification.VERIFIED)

    def pending(self):
        return self.filter(verification_status=MemberProfile.Verification.PENDING)


class MemberProfile(models.Model):
    """What a member tells the community about themselves, and whether they are verified."""

    class Verification(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        VERIFIED = "verified", _("Verified public servant")
        REJECTED = "rejected", _("Not approved")

    class Method(models.TextChoices):
        EMAIL_DOMAIN = "email_domain", _("Confirmed an allow-listed email address")
        COORDINATOR = "coordinator", _("Approved by a coordinator")

    #: Fields a member may show or hide; ``display_name`` is always shown.
    OPTIONAL_PUBLIC_FIELDS = (
        ("job_title", _("Job title")),
        ("organisation", _("Organisation")),
        ("organisation_type", _("Organisation type")),
        ("government_level", _("Level of government")),
        ("region", _("Region")),
        ("topics", _("Topics of interest")),
        ("bio", _("About me")),
        ("contributions", _("What I contributed: practices, case studies, reviews, badges")),
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_profile"
    )
    display_name = models.CharField(
        _("name"), max_length=150, help_text=_("Shown next to everything you contribute.")
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.ForeignKey(
        "civic_wagtail.OrganisationType",
        verbose_name=_("organisation type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    government_level = models.ForeignKey(
        "civic_wagtail.GovernmentLevel",
        verbose_name=_("level of government"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
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
    topics = models.ManyToManyField(
        "civic_wagtail.Topic", verbose_name=_("topics of interest"), blank=True, related_name="+"
    )
    bio = models.TextField(_("about me"), blank=True, max_length=2000)
    #: The language emails are written in (:func:`civic_wagtail.mail.recipient_language`):
    #: the language of the page they signed up on, until they choose another. Blank: the
    #: site's default language.
    preferred_language = models.CharField(
        _("language for emails"),
        max_length=12,
        blank=True,
        help_text=_("Emails and notifications reach you in this language."),
    )
    public_fields = models.JSONField(
        _("fields shown to others"), default=default_public_fields, blank=True
    )
    verification_status = models.CharField(
        _("verification"),
        max_length=20,
        choices=Verification.choices,
        default=Verification.PENDING,
        db_index=True,
    )
    verification_method = models.CharField(
        _("verified by"), max_length=20, choices=Method.choices, blank=True
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["display_name"]
        permissions = [("verify_memberprofile", _("Can verify members"))]

    def __str__(self):
        return self.display_name or str(self.user)

    @property
    def is_verified(self):
        return self.verification_status == self.Verification.VERIFIED

    def shows(self, field_name):
        """Whether ``field_name`` may be shown to people other than the member."""
        return field_name == "display_name" or field_name in (self.public_fields or [])


def get_profile(user):
    """The profile of ``user``, created on first use (accounts made with createsuperuser)."""
    try:
        return user.civic_profile
    except MemberProfile.DoesNotExist:
        name = user.get_full_name() or user.get_username().split("@")[0]
        profile, _ = MemberProfile.objects.get_or_create(
            user=user, defaults={"display_name": name}
        )
        return profile


def is_verified_member(user):
    """True for an authenticated user whose profile is verified."""
    if not user.is_authenticated:
        return False
    return get_profile(user).is_verified
