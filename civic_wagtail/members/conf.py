"""Settings of the members app (``CIVIC_WAGTAIL_MEMBERS_*``), read via ``civic_settings``."""

DEFAULTS = {
    #: Profile fields shown to other people unless a member changes it. ``display_name``
    #: is always public.
    "MEMBERS_DEFAULT_PUBLIC_FIELDS": ["organisation", "job_title", "topics", "contributions"],
    #: Everyone who can open the Wagtail admin or the Django admin must have a second
    #: factor (an authenticator app or a security key, through ``allauth.mfa``). Such a
    #: user without one is sent to set one up before any admin page opens
    #: (:class:`civic_wagtail.members.middleware.AdminSecondFactorMiddleware`).
    "REQUIRE_MFA_FOR_ADMIN": True,
    #: Seconds a member's data-export download link stays valid.
    "MEMBERS_EXPORT_MAX_AGE": 24 * 3600,
}
