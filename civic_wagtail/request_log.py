"""Structured logs: one JSON object per line, each carrying the request id it was written under.

:class:`RequestIdMiddleware` takes the proxy's ``X-Request-ID`` (when it is a plain token) or
makes one, exposes it to every log record written while the request runs
(:class:`RequestIdFilter`), and returns it in the response's ``X-Request-ID`` so an error a
member reports can be found in the logs. :class:`JsonFormatter` writes the records.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

_request_id = contextvars.ContextVar("civic_request_id", default="-")
_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")


def current_request_id():
    return _request_id.get()


class RequestIdMiddleware:
    header = "HTTP_X_REQUEST_ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get(self.header, "")
        request.id = given if _TOKEN.fullmatch(given) else uuid.uuid4().hex
        token = _request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id", ...}`` on one line."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", _request_id.get()),
        }
        for name in ("status_code", "method", "path", "message_key"):
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
