from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class MentoringConfig(FeatureConfig):
    """Peer mentoring: mentor profiles, explained matching and private mentorships."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.mentoring"
    label = "civic_wagtail_mentoring"
    verbose_name = _("Civic Wagtail mentoring")
    civic_wagtail_requires = ("guardian",)
    #: Home-page blocks (:func:`civic_wagtail.blocks.home_page_blocks`).
    civic_wagtail_blocks = [
        ("available_mentors", "civic_wagtail.mentoring.blocks.AvailableMentorsBlock")
    ]

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
