"""The member's privacy pages: download their data, delete their account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic_wagtail.ratelimit import throttle

from .models import DataExport
from .privacy import download_token, erase_member, export_from_token, request_export


@login_required
def export_page(request):
    """GET shows the latest export's link; POST queues a new one (built in the background)."""
    if request.method == "POST":
        refused = throttle(request, "account")
        if refused is not None:
            return refused
        request_export(request.user)
        messages.success(
            request, _("We are preparing your data. Reload this page in a moment for the link.")
        )
        return redirect("civic_wagtail_members:export")
    export = DataExport.objects.filter(user=request.user).order_by("-ready_at").first()
    link = (
        reverse("civic_wagtail_members:export_download", args=[download_token(export)])
        if export
        else None
    )
    return render(
        request, "civic_wagtail/members/export.html", {"export": export, "download_url": link}
    )


@login_required
def export_download(request, token):
    export = export_from_token(token, request.user)
    if export is None or not default_storage.exists(export.file):
        raise Http404(_("This link has expired or is not yours. Ask for a new export."))
    return FileResponse(
        default_storage.open(export.file, "rb"),
        as_attachment=True,
        filename=f"my-data-{export.ready_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=gettext_lazy("Type your username to confirm"),
        help_text=gettext_lazy("This cannot be undone."),
        max_length=150,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.user.get_username():
            raise forms.ValidationError(
                _("Type your username, %(username)s, exactly as shown to delete your account."),
                params={"username": self.user.get_username()},
            )
        return value


@login_required
def delete_account(request):
    """A confirmation step, then every app's erasure (``civic_wagtail_erase_member``)."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            erase_member(user)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("/")
        return render(
            request, "civic_wagtail/members/delete_account.html", {"form": form}, status=400
        )
    return render(request, "civic_wagtail/members/delete_account.html", {"form": form})
