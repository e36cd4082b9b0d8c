"""What production writes to stderr: one JSON object a line, with the request's id.

Each line has the time, level, logger, message and, while a request is being
handled, its id and path (and the status, for Django's own request log). An
error carries its traceback in `exc`. The request id comes from a safe incoming
`X-Request-ID` (a proxy's, so its logs and ours can be joined) or is made here,
and is sent back on the response, so a person reporting an error can quote it.

Nothing personal is logged: no client address, no query string, no form data.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

_request_id = contextvars.ContextVar("request_id", default=None)
_request_path = contextvars.ContextVar("request_path", default=None)

# An id we repeat in logs and headers: short, and only characters that cannot
# start a new header or log line, or be mistaken for markup.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
HEADER = "X-Request-ID"


def current_request_id() -> str | None:
    return _request_id.get()


class RequestIdMiddleware:
    """Give every request an id, keep it for the log lines written while it is
    handled, and echo it on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = _request_id.set(request_id)
        path_token = _request_path.set(request.path)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(id_token)
            _request_path.reset(path_token)
        response[HEADER] = request_id
        return response


class RequestContextFilter(logging.Filter):
    """Adds the current request's id and path to every record."""

    def filter(self, record):
        record.request_id = _request_id.get()
        record.path = _request_path.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: easy for a log shipper, impossible to forge a line
    with a newline in a message."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "path": getattr(record, "path", None),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        for key in ("event", "chapter", "entry", "record", "user", "outcome", "kind"):
            value = getattr(record, key, None)
            if value is not None and not isinstance(value, (dict, list)):
                entry[key] = value if isinstance(value, (int, float, bool)) else str(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def json_logging(level: str = "INFO") -> dict:
    """The LOGGING setting for production: everything to stderr as JSON lines.

    Django's own handlers (the console only when DEBUG, mail to ADMINS) are
    replaced: 500s reach stderr through `django.request`, failed notification
    emails through `wagtail.admin` and `network.mail`, consent actions through
    `network.consent`.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": "network_site.observability.RequestContextFilter"}},
        "formatters": {"json": {"()": "network_site.observability.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "json",
                "filters": ["request"],
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Handled by the root handler: no console-only-when-DEBUG, no mail to ADMINS.
            "django": {"level": level, "propagate": True},
            "django.server": {"level": level, "propagate": True},
        },
    }
