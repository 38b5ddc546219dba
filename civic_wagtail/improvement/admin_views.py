"""Admin screens: competency frameworks (translatable snippets, with levels and competencies
inline) and competency tags (which practice, resource, event or mentor profile develops which
competency)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Competency, CompetencyTag, Framework
from .models.frameworks import tagged_content_types


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ol"
    menu_label = _("Competency frameworks")
    menu_order = 930
    add_to_admin_menu = True
    list_display = ["name", "live", "locale"]


class CompetencyTagForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = tagged_content_types()
        self.fields["content_type"].queryset = ContentType.objects.filter(
            pk__in=[ct.pk for ct in types.values()]
        )
        self.fields["competency"].queryset = Competency.objects.filter(
            locale=Locale.get_default()
        ).select_related("framework")

    def clean(self):
        cleaned = super().clean()
        content_type, object_id = cleaned.get("content_type"), cleaned.get("object_id")
        if content_type and object_id is not None:
            model = content_type.model_class()
            if model is None or not model._default_manager.filter(pk=object_id).exists():
                raise ValidationError(
                    _("No %(kind)s has the id %(id)s: check the id in its admin page address.")
                    % {"kind": content_type.name, "id": object_id}
                )
        return cleaned


class CompetencyTagViewSet(ModelViewSet):
    model = CompetencyTag
    icon = "tag"
    menu_label = _("Competency tags")
    menu_order = 931
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["competency", "content_type", "object_id", "content_object"]
    list_filter = ["content_type"]
    name = "civic_wagtail_improvement_tags"

    edit_handler = ObjectList(
        [FieldPanel("competency"), FieldPanel("content_type"), FieldPanel("object_id")],
        base_form_class=CompetencyTagForm,
    )
