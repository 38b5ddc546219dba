from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    """Peer mentoring: mentor profiles, explained matching and private mentorships."""

    name = "civic_wagtail.mentoring"
    label = "civic_wagtail_mentoring"
    verbose_name = _("Civic Wagtail mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    #: Coordinators see every mentor's contact details and every mentorship's private part
    #: (the object-permission codenames, granted here as model permissions), run the
    #: programmes and read the closing feedback. Mentorships change only through the
    #: lifecycle, so nobody gets ``change_mentorship``.
    civic_wagtail_role_permissions = {
        "mentoring_coordinators": [
            "view_mentorprofile",
            "change_mentorprofile",
            "view_mentor_contact",
            "view_mentorship",
            "view_mentorship_private",
            "view_meetinglogentry",
            "view_mentorshipfeedback",
            "add_programme",
            "change_programme",
            "delete_programme",
            "view_programme",
        ],
    }

    def ready(self):
        from . import checks, receivers  # noqa: F401  (register checks and signal receivers)
