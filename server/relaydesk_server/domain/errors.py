"""Domain failures. Each maps to exactly one gRPC status in transport/errors.py.

`reason` is a stable UPPER_SNAKE_CASE identifier clients may branch on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str


@dataclasses.dataclass(frozen=True)
class PreconditionViolation:
    type: str
    subject: str
    description: str


class DomainError(Exception):
    reason = "ERROR"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason


class InvalidArgument(DomainError):
    reason = "INVALID_ARGUMENT"

    def __init__(self, violations: list[FieldViolation], *, reason: str | None = None) -> None:
        summary = "; ".join(
            f"{v.field}: {v.description}" if v.field else v.description for v in violations
        )
        super().__init__(f"invalid request: {summary}", reason=reason)
        self.violations = violations

    @classmethod
    def field(cls, field: str, description: str, *, reason: str | None = None) -> InvalidArgument:
        return cls([FieldViolation(field, description)], reason=reason)


class NotFound(DomainError):
    reason = "NOT_FOUND"

    def __init__(
        self, resource_type: str, resource_name: str, *, reason: str | None = None
    ) -> None:
        super().__init__(f"{resource_type} {resource_name!r} not found", reason=reason)
        self.resource_type = resource_type
        self.resource_name = resource_name


class AlreadyExists(DomainError):
    reason = "ALREADY_EXISTS"

    def __init__(
        self, resource_type: str, existing_name: str, message: str, *, reason: str | None = None
    ) -> None:
        super().__init__(message, reason=reason)
        self.resource_type = resource_type
        self.existing_name = existing_name


class FailedPrecondition(DomainError):
    reason = "FAILED_PRECONDITION"

    def __init__(
        self, violations: list[PreconditionViolation], *, reason: str | None = None
    ) -> None:
        super().__init__("; ".join(v.description for v in violations), reason=reason)
        self.violations = violations

    @classmethod
    def one(
        cls, type: str, subject: str, description: str, *, reason: str | None = None
    ) -> FailedPrecondition:
        return cls([PreconditionViolation(type, subject, description)], reason=reason)


class Aborted(DomainError):
    reason = "ABORTED"


class OutOfRange(DomainError):
    reason = "OUT_OF_RANGE"


class Unauthenticated(DomainError):
    reason = "UNAUTHENTICATED"


class PermissionDenied(DomainError):
    reason = "PERMISSION_DENIED"


class ResourceExhausted(DomainError):
    reason = "RESOURCE_EXHAUSTED"

    def __init__(
        self, message: str, *, retry_after: dt.timedelta | None = None, reason: str | None = None
    ) -> None:
        super().__init__(message, reason=reason)
        self.retry_after = retry_after


class Unavailable(DomainError):
    """The server cannot take the request now (shutting down, storage failing)."""

    reason = "UNAVAILABLE"
