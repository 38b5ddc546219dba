"""Settings of the recognition app (``CIVIC_WAGTAIL_RECOGNITION_*``), via ``civic_settings``."""

DEFAULTS = {
    #: Name of the badge issuer in Open Badges (default: the default Wagtail Site's name).
    "RECOGNITION_ISSUER_NAME": "",
    #: Contact address of the issuer (default: ``DEFAULT_FROM_EMAIL``).
    "RECOGNITION_ISSUER_EMAIL": "",
    #: Models whose items members can mark "This helped me" (``app_label.model``).
    "RECOGNITION_KUDOS_MODELS": [
        "django_comments_xtd.xtdcomment",
        "civic_wagtail_library.bestpracticepage",
        "civic_wagtail_library.casestudypage",
    ],
    #: Publish "top contributors this quarter" per topic at ``/recognition/top/``. Off by
    #: default: the site ranks no one publicly unless it chooses to.
    "RECOGNITION_TOP_CONTRIBUTORS": False,
}
