"""Verified membership: allow-listed email domains, or a coordinator's approval."""

from fnmatch import fnmatchcase

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail, roles
from civic_wagtail.conf import civic_settings

from .models import MemberProfile, get_profile


def domain_is_allowed(email, patterns=None):
    """Whether ``email``'s domain matches one of ``patterns``.

    ``*.gov`` matches ``city.gov`` and ``dept.state.gov`` but not ``gov`` or
    ``gov.example.com``; a pattern without a wildcard matches that exact domain.
    """
    if patterns is None:
        patterns = civic_settings.VERIFIED_EMAIL_DOMAINS
    _, sep, domain = (email or "").rpartition("@")
    domain = domain.strip().lower().rstrip(".")
    if not sep or not domain:
        return False
    return any(fnmatchcase(domain, pattern.strip().lower()) for pattern in patterns)


def verify_by_email(user, email):
    """Mark ``user`` verified if they confirmed an allow-listed ``email``.

    Returns True when the member is (now) verified. Never downgrades a verified member.
    """
    if not domain_is_allowed(email):
        return get_profile(user).is_verified
    with transaction.atomic():
        profile = MemberProfile.objects.select_for_update().get(pk=get_profile(user).pk)
        if profile.is_verified:
            return True
        profile.verification_status = MemberProfile.Verification.VERIFIED
        profile.verification_method = MemberProfile.Method.EMAIL_DOMAIN
        profile.verified_at = timezone.now()
        profile.save(
            update_fields=["verification_status", "verification_method", "verified_at"]
        )
    # Keep the caller's user in step: later code reads user.civic_profile.
    user.civic_profile = profile
    return True


def set_status(profile, status, by):
    """A coordinator's decision; logged in Wagtail's audit log."""
    from wagtail.log_actions import log

    with transaction.atomic():
        profile = MemberProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.verification_status == status:
            return profile
        profile.verification_status = status
        if status == MemberProfile.Verification.VERIFIED:
            profile.verification_method = MemberProfile.Method.COORDINATOR
            profile.verified_at = timezone.now()
            profile.verified_by = by
        else:
            profile.verification_method = ""
            profile.verified_at = None
            profile.verified_by = None
        profile.save()
        log(profile, f"civic_wagtail_members.{status}", user=by)
        if status != MemberProfile.Verification.PENDING:
            notify_decision(profile)
    return profile


def notify_decision(profile):
    """Tell the member a coordinator's decision: in-site and by email (after commit, in their
    language), through :func:`civic_wagtail.members.notify.notify` (kind
    ``members.verification``)."""
    from django.urls import reverse

    from .notify import Email, notify

    path = reverse("civic_wagtail_members:profile_edit")
    verb = (
        _("Your membership is verified")
        if profile.is_verified
        else _("Your membership has not been verified")
    )
    notify(
        profile.user,
        "members.verification",
        verb,
        url=path,
        email=Email(
            "civic_wagtail/members/email/decision",
            {"profile": profile, "url": mail.site_url(path)},
        ),
        key=f"members.decision:{profile.pk}:{profile.verification_status}:"
        f"{timezone.now().isoformat()}",
    )


def sync_members_group(profile):
    """Put ``profile``'s user in the Members group if verified, take them out otherwise.

    The Members group means "verified members": Wagtail's page and collection privacy
    ("private, accessible to users in specific groups" → Members) then admits exactly them.
    Runs whenever a profile's verification status is saved.
    """
    group = roles.get_group(roles.MEMBERS)
    if profile.is_verified:
        profile.user.groups.add(group)
    else:
        profile.user.groups.remove(group)
