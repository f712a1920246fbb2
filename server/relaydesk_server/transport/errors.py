"""The one table from domain errors to gRPC statuses with google.rpc details."""

from __future__ import annotations

import logging

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from relaydesk_server.domain import errors

log = logging.getLogger(__name__)

ERROR_DOMAIN = "relaydesk.dev"

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
                        field_violations=[
                            error_details_pb2.BadRequest.FieldViolation(
                                field=v.field, description=v.description
                            )
                            for v in error.violations
                        ]
                    )
                )
            )
        case errors.NotFound():
            details.append(
                _pack(
                    error_details_pb2.ResourceInfo(
                        resource_type=error.resource_type,
                        resource_name=error.resource_name,
                        description=error.message,
                    )
                )
            )
        case errors.AlreadyExists():
            details.append(
                _pack(
                    error_details_pb2.ResourceInfo(
                        resource_type=error.resource_type,
                        resource_name=error.existing_name,
                        description=error.message,
                    )
                )
            )
        case errors.FailedPrecondition():
            details.append(
                _pack(
                    error_details_pb2.PreconditionFailure(
                        violations=[
                            error_details_pb2.PreconditionFailure.Violation(
                                type=v.type, subject=v.subject, description=v.description
                            )
                            for v in error.violations
                        ]
                    )
                )
            )
        case errors.ResourceExhausted() if error.retry_after is not None:
            delay = duration_pb2.Duration()
            delay.FromTimedelta(error.retry_after)
            details.append(_pack(error_details_pb2.RetryInfo(retry_delay=delay)))
    return details


def status_for(error: errors.DomainError) -> grpc.Status:
    code = next(code for cls, code in _CODES if isinstance(error, cls))
    return rpc_status.to_status(
        status_pb2.Status(code=code, message=error.message, details=_details(error))
    )


def internal_status() -> grpc.Status:
    # The cause is logged by the caller; the client learns only that it happened.
    return rpc_status.to_status(
        status_pb2.Status(
            code=code_pb2.INTERNAL,
            message="internal error; the server log has the details",
            details=[_pack(error_details_pb2.ErrorInfo(reason="INTERNAL", domain=ERROR_DOMAIN))],
        )
    )


def unimplemented_status(method: str) -> grpc.Status:
    return rpc_status.to_status(
        status_pb2.Status(
            code=code_pb2.UNIMPLEMENTED,
            message=f"{method} is not implemented in this version of relaydesk",
            details=[
                _pack(error_details_pb2.ErrorInfo(reason="NOT_IMPLEMENTED", domain=ERROR_DOMAIN))
            ],
        )
    )
