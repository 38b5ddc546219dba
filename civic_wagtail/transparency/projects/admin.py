"""Admin screens of the project part: organisations, their API tokens (shown once, revocable)
and the CSV upload of measurements with a preview (the same checks as the API)."""

import csv
import io
import secrets

from django import forms
from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from civic_wagtail.menu import MENU_HOOK

from ..models import ApiToken, Organisation
from ..models.projects import hash_token
from . import ingest

#: Largest CSV file accepted (10,000 rows of measurements fit easily).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SIGNING_SALT = "civic_wagtail_transparency.csv_upload"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    menu_order = 940
    add_to_admin_menu = True
    menu_hook = MENU_HOOK
    list_display = ["name", "slug", "website"]


class TokenCreateForm(WagtailAdminModelForm):
    class Meta:
        model = ApiToken
        fields = ["organisation", "name"]


class TokenEditForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=gettext_lazy("Revoke this token"),
        required=False,
        help_text=gettext_lazy("At once and for good: calls with it are refused from now on."),
    )

    class Meta:
        model = ApiToken
        fields = ["name"]

    def save(self, commit=True):
        if self.cleaned_data.get("revoke") and self.instance.revoked_at is None:
            self.instance.revoked_at = timezone.now()
        return super().save(commit=commit)


class TokenCreateView(CreateView):
    def save_instance(self):
        raw = "cwt_" + secrets.token_urlsafe(32)
        token = self.form.save(commit=False)
        token.prefix = raw[:12]
        token.key_hash = hash_token(raw)
        token.created_by = self.request.user
        token.save()
        self.raw_token = raw
        return token

    def get_success_message(self, instance):
        return _("Token created. Copy it now, it will not be shown again: %(token)s") % {
            "token": self.raw_token
        }


class TokenEditView(EditView):
    pass


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = gettext_lazy("API tokens")
    menu_order = 941
    add_to_admin_menu = True
    menu_hook = MENU_HOOK
    add_view_class = TokenCreateView
    edit_view_class = TokenEditView
    list_display = ["organisation", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["organisation"]
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return TokenEditForm if for_update else TokenCreateForm


token_viewset = ApiTokenViewSet("civic_transparency_tokens")


# --- CSV upload ---------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns: project, indicator, date, value, unit, source (the first line names "
            "them). project is the project's number, date is YYYY-MM-DD."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: split it."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("Save the file as UTF-8 text and upload it again.")
            ) from None
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not set(ingest.REQUIRED) <= set(reader.fieldnames):
            raise forms.ValidationError(
                _("The first line must name the columns: project, indicator, date, value.")
            )
        try:
            return [
                {k: v for k, v in row.items() if k is not None and v not in (None, "")}
                for row in reader
            ]
        except csv.Error as error:
            raise forms.ValidationError(_("The file is not valid CSV: %s") % error) from error


def editable_by(user):
    policy = PagePermissionPolicy()

    def allowed(ids):
        pages = policy.instances_user_has_any_permission_for(user, ["change", "publish"])
        return set(pages.filter(pk__in=ids).values_list("pk", flat=True))

    return allowed


@require_admin_access
def upload(request):
    """Step 1: choose a file; step 2: see every row checked; step 3: import."""
    template = "civic_wagtail/transparency/admin/upload.html"
    context = {"form": UploadForm()}
    if request.method == "POST" and "payload" in request.POST:
        try:
            rows = signing.loads(request.POST["payload"], salt=SIGNING_SALT, max_age=3600)
        except signing.BadSignature:
            messages.error(request, _("The preview has expired: upload the file again."))
            return redirect("civic_transparency_upload")
        ready, errors, _forbidden = ingest.check(rows, editable_by(request.user))
        if errors:
            context.update(errors=errors, rows=rows)
            return TemplateResponse(request, template, context, status=400)
        written = ingest.write(ready)
        messages.success(request, _("%(n)s measurements imported.") % {"n": written})
        return redirect("civic_transparency_upload")
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(request, template, context, status=400)
        rows = form.cleaned_data["file"]
        ready, errors, _forbidden = ingest.check(rows, editable_by(request.user))
        context.update(rows=rows[:500], total=len(rows), errors=errors, preview=True)
        if not errors:
            context["payload"] = signing.dumps(rows, salt=SIGNING_SALT, compress=True)
        return TemplateResponse(request, template, context, status=400 if errors else 200)
    return TemplateResponse(request, template, context)


def upload_urls():
    return [path("transparency/projects/upload/", upload, name="civic_transparency_upload")]


class UploadMenuItem(MenuItem):
    """Shown to people who may edit at least one project (the only ones who can import)."""

    def is_shown(self, request):
        from ..models import ProjectPage

        pages = PagePermissionPolicy().instances_user_has_any_permission_for(
            request.user, ["change", "publish"]
        )
        return pages.type(ProjectPage).exists()


def upload_menu_item():
    return UploadMenuItem(
        _("Upload project data"),
        reverse("civic_transparency_upload"),
        icon_name="upload",
        order=942,
    )
