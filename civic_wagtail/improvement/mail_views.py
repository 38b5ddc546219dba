"""One-click unsubscribe (RFC 8058): a mail client POSTs ``List-Unsubscribe=One-Click``
without cookies or CSRF token; a person following the link gets a page with a button."""

from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from .reminders import unsubscribe as turn_off
from .reminders import user_id_from_token


@csrf_exempt
def unsubscribe(request, token):
    user_id = user_id_from_token(token)
    if user_id is None:
        return render(
            request, "civic_wagtail/improvement/unsubscribe.html", {"invalid": True}, status=400
        )
    if request.method == "POST":
        turn_off(user_id)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return render(request, "civic_wagtail/improvement/unsubscribe.html", {"done": True})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(request, "civic_wagtail/improvement/unsubscribe.html", {"token": token})
