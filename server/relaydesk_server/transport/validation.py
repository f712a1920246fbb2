"""Field validation of requests: collect every violation, then fail once (API §11)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from google.protobuf import duration_pb2

from relaydesk_server.domain.errors import FieldViolation, InvalidArgument

MAX_DISPLAY_NAME = 256
MAX_IDENTITY = 256
MAX_UNIQUE_NAME = 191
MAX_URL = 2048
MAX_REQUEST_ID = 128


class Violations:
    """Collects field violations of one request."""

    def __init__(self) -> None:
        self.items: list[FieldViolation] = []

    def add(self, field: str, description: str) -> None:
        self.items.append(FieldViolation(field, description))

    def check(self, ok: bool, field: str, description: str) -> None:
        if not ok:
            self.add(field, description)

    def max_length(self, value: str, limit: int, field: str) -> None:
        # Lengths count Unicode code points, which is what len() counts.
        if len(value) > limit:
            self.add(field, f"at most {limit} characters, got {len(value)}")

    def required(self, value: object, field: str, what: str = "") -> bool:
        if not value:
            self.add(field, f"required{': ' + what if what else ''}")
            return False
        return True

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidArgument(self.items)


def duration_from_proto(
    violations: Violations,
    value: duration_pb2.Duration,
    field: str,
    *,
    minimum: dt.timedelta,
    maximum: dt.timedelta,
    allow_zero: bool = False,
) -> dt.timedelta:
    """A duration within [minimum, maximum] (or exactly 0 when allowed)."""
    if (value.seconds < 0 < value.nanos) or (value.nanos < 0 < value.seconds):
        violations.add(field, "seconds and nanos must have the same sign")
        return dt.timedelta(0)
    delta = value.ToTimedelta()
    if delta < dt.timedelta(0):
        violations.add(field, "must not be negative")
    elif delta == dt.timedelta(0) and allow_zero:
        pass
    elif not minimum <= delta <= maximum:
        zero = "0 or " if allow_zero else ""
        violations.add(field, f"must be {zero}between {_human(minimum)} and {_human(maximum)}")
    return delta


def _human(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def check_http_url(violations: Violations, url: str, field: str) -> None:
    if not violations.required(url, field, "an absolute http or https URL"):
        return
    violations.max_length(url, MAX_URL, field)
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    violations.check(ok, field, f"{url!r} is not an absolute http or https URL")


def check_request_id(violations: Violations, request_id: str) -> None:
    violations.max_length(request_id, MAX_REQUEST_ID, "request_id")
