"""The one table from domain errors to statuses with google.rpc details.

Every transport ends a failed call with the google.rpc.Status made here: gRPC sends it
as its status and `grpc-status-details-bin`, the browser endpoint as a Connect or
gRPC-Web error with the same code, message and details.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TypeVar

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from relaydesk_server.domain import errors

log = logging.getLogger(__name__)

ERROR_DOMAIN = "relaydesk.dev"

# Errors echo the caller's input (a malformed name, a value out of range), and a status
# bigger than the client's metadata limit (8 KiB by default) reaches it as
# RESOURCE_EXHAUSTED "Stream removed". So every text a status carries is bounded:
# each unbroken run of characters (a name, an id, a value) keeps its first _RUN_CHARS,
# each whole text its first _TEXT_BYTES of UTF-8, and each list of violations stops
# before _LIST_BYTES; every cut says how much it left out.
_RUN_CHARS = 200
_TEXT_BYTES = 400
_LIST_BYTES = 2048
_LONG_RUN = re.compile(rf"\S{{{_RUN_CHARS + 1},}}")

M = TypeVar("M", bound=Message)


def _cut(kept: str, left_out: int) -> str:
    return f"{kept}…({left_out} more characters)"


def bounded(text: str) -> str:
    """`text`, or its shortened form when it has a long run or is long as a whole."""
    text = _LONG_RUN.sub(lambda run: _cut(run[0][:_RUN_CHARS], len(run[0]) - _RUN_CHARS), text)
    if len(text.encode()) <= _TEXT_BYTES:
        return text
    kept = text.encode()[:_TEXT_BYTES].decode(errors="ignore")
    return _cut(kept, len(text) - len(kept))


def _bounded_list(violations: list[M], more: Callable[[str], M]) -> list[M]:
    """The violations that fit in _LIST_BYTES, then one saying how many more there are."""
    size = 0
    for i, violation in enumerate(violations):
        size += violation.ByteSize() + 3  # with its tag and length
        if size > _LIST_BYTES:
            return [*violations[:i], more(f"…({len(violations) - i} more violations)")]
    return violations


# Most specific first: the first matching class wins.
_CODES: list[tuple[type[errors.DomainError], int]] = [
    (errors.InvalidArgument, code_pb2.INVALID_ARGUMENT),
    (errors.NotFound, code_pb2.NOT_FOUND),
    (errors.AlreadyExists, code_pb2.ALREADY_EXISTS),
    (errors.FailedPrecondition, code_pb2.FAILED_PRECONDITION),
    (errors.Aborted, code_pb2.ABORTED),
    (errors.OutOfRange, code_pb2.OUT_OF_RANGE),
    (errors.Unauthenticated, code_pb2.UNAUTHENTICATED),
    (errors.PermissionDenied, code_pb2.PERMISSION_DENIED),
    (errors.ResourceExhausted, code_pb2.RESOURCE_EXHAUSTED),
    (errors.Unavailable, code_pb2.UNAVAILABLE),
]


def _pack(message: object) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)  # type: ignore[arg-type]
    return packed


def _details(error: errors.DomainError) -> list[any_pb2.Any]:
    details = [_pack(error_details_pb2.ErrorInfo(reason=error.reason, domain=ERROR_DOMAIN))]
    match error:
        case errors.InvalidArgument():
            details.append(
                _pack(
                    error_details_pb2.BadRequest(
                        field_violations=_bounded_list(
                            [
                                error_details_pb2.BadRequest.FieldViolation(
                                    field=bounded(v.field), description=bounded(v.description)
                                )
                                for v in error.violations
                            ],
                            lambda more: error_details_pb2.BadRequest.FieldViolation(
                                description=more
                            ),
                        )
                    )
                )
            )
        case errors.NotFound():
            details.append(
                _pack(
                    error_details_pb2.ResourceInfo(
                        resource_type=bounded(error.resource_type),
                        resource_name=bounded(error.resource_name),
                        description=bounded(error.message),
                    )
                )
            )
        case errors.AlreadyExists():
            details.append(
                _pack(
                    error_details_pb2.ResourceInfo(
                        resource_type=bounded(error.resource_type),
                        resource_name=bounded(error.existing_name),
                        description=bounded(error.message),
                    )
                )
            )
        case errors.FailedPrecondition():
            details.append(
                _pack(
                    error_details_pb2.PreconditionFailure(
                        violations=_bounded_list(
                            [
                                error_details_pb2.PreconditionFailure.Violation(
                                    type=bounded(v.type),
                                    subject=bounded(v.subject),
                                    description=bounded(v.description),
                                )
                                for v in error.violations
                            ],
                            lambda more: error_details_pb2.PreconditionFailure.Violation(
                                description=more
                            ),
                        )
                    )
                )
            )
        case errors.ResourceExhausted() if error.retry_after is not None:
            delay = duration_pb2.Duration()
            delay.FromTimedelta(error.retry_after)
            details.append(_pack(error_details_pb2.RetryInfo(retry_delay=delay)))
    return details


def rich_status_for(error: errors.DomainError) -> status_pb2.Status:
    """The google.rpc.Status every transport ends a call failing with `error` with."""
    code = next(code for cls, code in _CODES if isinstance(error, cls))
    return status_pb2.Status(code=code, message=bounded(error.message), details=_details(error))


def status_for(error: errors.DomainError) -> grpc.Status:
    return rpc_status.to_status(rich_status_for(error))


def internal_status() -> status_pb2.Status:
    # The cause is logged by the caller; the client learns only that it happened.
    return status_pb2.Status(
        code=code_pb2.INTERNAL,
        message="internal error; the server log has the details",
        details=[_pack(error_details_pb2.ErrorInfo(reason="INTERNAL", domain=ERROR_DOMAIN))],
    )


def unimplemented_status(method: str) -> status_pb2.Status:
    return status_pb2.Status(
        code=code_pb2.UNIMPLEMENTED,
        message=f"{method} is not implemented in this version of relaydesk",
        details=[_pack(error_details_pb2.ErrorInfo(reason="NOT_IMPLEMENTED", domain=ERROR_DOMAIN))],
    )
