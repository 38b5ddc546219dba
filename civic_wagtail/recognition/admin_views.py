"""Admin screens: badges (translatable snippets) and awards (manual grants, revocation)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Award, Badge


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "pick"
    menu_label = _("Badges")
    menu_order = 920
    add_to_admin_menu = True
    list_display = ["name", "tier", "rule", "locale"]
    list_filter = ["tier"]


class AwardViewSet(SnippetViewSet):
    """Awards: editors grant a badge by hand with a reason, or revoke one."""

    model = Award
    icon = "success"
    menu_label = _("Awards")
    menu_order = 921
    add_to_admin_menu = True
    list_display = ["badge", "recipient", "awarded_at", "revoked_at"]
    list_filter = ["badge"]
    panels = [
        FieldPanel("badge"),
        FieldPanel("recipient"),
        FieldPanel("reason"),
        FieldPanel("revoked_at"),
        FieldPanel("revocation_reason"),
    ]
