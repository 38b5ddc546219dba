"""The member's notifications: the list, opening one, "mark all read", and preferences."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic_wagtail.pagination import paginate

from .models import Notification, NotificationPreference
from .notify import channels_for, forget_unread, kinds, mark_all_read, unread_count


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(recipient=request.user).only(
        "verb", "url", "created_at", "read_at"
    )
    page = paginate(request, notifications)
    return render(
        request,
        "civic_wagtail/members/notifications.html",
        {
            "page_obj": page,
            "notifications": page.object_list,
            "unread": unread_count(request.user),
        },
    )


@login_required
def notification_open(request, pk):
    """Mark one notification read and go where it points (only ever a path on this site)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
        forget_unread([request.user.pk])
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None) and url.startswith("/"):
        return HttpResponseRedirect(url)
    return redirect("civic_wagtail_members:notifications")


@require_POST
@login_required
def notification_mark_all_read(request):
    count = mark_all_read(request.user)
    if count:
        messages.success(request, _("All your notifications are marked read."))
    return redirect("civic_wagtail_members:notifications")


class PreferencesForm(forms.Form):
    """One choice per kind of notification the installed apps declare."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        current = {}
        self.kinds = kinds()
        for name in self.kinds:
            current[name] = channels_for([user], name)[user.pk]
        for name, kind in self.kinds.items():
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=NotificationPreference.Channel.choices,
                initial=current[name],
                required=False,  # a kind left unanswered keeps its channel
                widget=forms.RadioSelect,
            )

    def save(self):
        with transaction.atomic():
            for name in self.kinds:
                if not self.cleaned_data.get(name):
                    continue
                NotificationPreference.objects.update_or_create(
                    user=self.user, kind=name, defaults={"channel": self.cleaned_data[name]}
                )


@login_required
def notification_settings(request):
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("civic_wagtail_members:notification_settings")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "civic_wagtail/members/notification_settings.html", {"form": form}, status=status
    )
