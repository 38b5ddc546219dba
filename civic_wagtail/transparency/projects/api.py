"""The ingest API: ``POST /transparency/projects/api/measurements/`` and ``.../spending/``
with a bearer token.

A plain Django view: JSON in, JSON out, a clear 4xx for every refusal, nothing written
unless the whole batch is good.
"""

import json

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from civic_wagtail.ratelimit import hit

from ..models import ApiToken
from . import ingest
from . import spending as spending_rows
from .permissions import writable_by


def _error(status, message, errors=None, **headers):
    body = {"detail": message}
    if errors is not None:
        body["errors"] = [error.as_dict() for error in errors]
    response = JsonResponse(body, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def bearer_token(request):
    scheme, _space, raw = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() not in ("bearer", "token"):
        return ""
    return raw.strip()


def _ingest(request, key, check, write):
    """The shared path of every ingest endpoint: rate limit, token, JSON, check, write."""
    limited = hit(request, "transparency_ingest")
    if limited is not None:
        return _error(
            429,
            _("Too many batches: wait %(seconds)s seconds before sending again.")
            % {"seconds": limited.retry_after},
            Retry_After=str(limited.retry_after),
        )
    raw = bearer_token(request)
    token = ApiToken.authenticate(raw) if raw and "\x00" not in raw else None
    if token is None:
        return _error(
            401,
            _("Send a valid, unrevoked API token: “Authorization: Bearer <token>”.")
            if raw
            else _("Authentication required: “Authorization: Bearer <token>”."),
            WWW_Authenticate='Bearer realm="civic_wagtail"',
        )
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _error(400, _("The body is not valid JSON."))
    if not isinstance(payload, dict) or key not in payload:
        return _error(
            400, _('Send a JSON object with a list of rows: {"%(key)s": [...]}.') % {"key": key}
        )
    rows, errors, forbidden = check(payload[key], writable_by(token.organisation))
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    if errors:
        if forbidden:
            return _error(
                403, _("This token may write only its own organisation's projects."), errors
            )
        return _error(400, _("Nothing was written: correct the rows listed."), errors)
    return JsonResponse({"written": write(rows)})


@csrf_exempt
@require_POST
def measurements(request):
    """Write a batch: ``{"rows": [{"project", "indicator", "date", "value", ...}]}``."""
    return _ingest(request, "rows", ingest.check, ingest.write)


@csrf_exempt
@require_POST
def spending(request):
    """Write a batch: ``{"spending": [{"project", "date", "committed", "spent", "note"}]}``."""
    return _ingest(request, "spending", spending_rows.check, spending_rows.write)
