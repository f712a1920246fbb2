"""Failed calls with their google.rpc details decoded."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

import grpc
import grpc.aio
from google.protobuf import any_pb2
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2

_STATUS_DETAILS_KEY = "grpc-status-details-bin"

D = TypeVar("D", bound=Message)
E = TypeVar("E", bound="RelaydeskError")


class _Failed(Protocol):
    """What a failed call offers on either API (grpc.aio.AioRpcError, or a grpc.Call)."""

    def code(self) -> grpc.StatusCode: ...

    def details(self) -> str | None: ...

    def trailing_metadata(self) -> Any: ...


def error_details(error: _Failed) -> list[Any]:
    """The google.rpc detail messages (ErrorInfo, BadRequest, …) carried by a failed call.

    Known detail types come decoded; any other comes as its `google.protobuf.Any`.
    """
    for key, value in error.trailing_metadata() or ():
        if key == _STATUS_DETAILS_KEY:
            status = status_pb2.Status.FromString(value)
            return [_unpack(detail) for detail in status.details]
    return []


class RelaydeskError(grpc.aio.AioRpcError):
    """A call that ended with a non-OK status: its code, message and decoded details.

    It is a `grpc.aio.AioRpcError` (so a `grpc.RpcError`): code that catches those
    keeps working. The client raises it for every failed unary call and from
    `subscribe()`; `RelaydeskError.of(error)` turns any other failed call into one.

        except RelaydeskError as error:
            error.code()             # grpc.StatusCode.INVALID_ARGUMENT
            error.message            # the status message
            error.reason             # ErrorInfo.reason, e.g. "REQUEST_ID_REUSED"
            error.field_violations   # {"request_id": "…"} from BadRequest
    """

    @classmethod
    def of(cls, error: _Failed) -> RelaydeskError:
        """`error` itself when it already is one, else a RelaydeskError with its status."""
        if isinstance(error, RelaydeskError):
            return error
        return cls._copy(error)

    @classmethod
    def _copy(cls: type[E], error: _Failed) -> E:
        return cls(
            error.code(),
            _metadata(getattr(error, "initial_metadata", lambda: None)()),
            _metadata(error.trailing_metadata()),
            error.details(),
            getattr(error, "debug_error_string", lambda: None)(),
        )

    @property
    def message(self) -> str:
        """The status message."""
        return self.details() or ""

    @property
    def error_details(self) -> list[Any]:
        """Every detail message, decoded where its type is known (see `error_details`)."""
        return error_details(self)

    def detail(self, detail_type: type[D]) -> D | None:
        """The first detail of `detail_type` (e.g. `error_details_pb2.ResourceInfo`), or None."""
        for found in self.error_details:
            if isinstance(found, detail_type):
                return found
        return None

    @property
    def error_info(self) -> Any:
        """The `google.rpc.ErrorInfo` detail, or None."""
        return self.detail(error_details_pb2.ErrorInfo)

    @property
    def reason(self) -> str:
        """`ErrorInfo.reason` (e.g. `CURSOR_EXPIRED`), or "" when there is none."""
        info = self.error_info
        return "" if info is None else str(info.reason)

    @property
    def field_violations(self) -> dict[str, str]:
        """The `google.rpc.BadRequest` violations: field path → description."""
        bad_request = self.detail(error_details_pb2.BadRequest)
        if bad_request is None:
            return {}
        return {str(v.field): str(v.description) for v in bad_request.field_violations}

    @property
    def retry_delay(self) -> float | None:
        """Seconds to wait before trying again (`google.rpc.RetryInfo`), or None."""
        info = self.detail(error_details_pb2.RetryInfo)
        if info is None:
            return None
        return float(info.retry_delay.ToTimedelta().total_seconds())

    def __str__(self) -> str:
        text = f"{self.code().name}: {self.message}"
        return f"{text} [{self.reason}]" if self.reason else text


class CursorExpired(RelaydeskError):
    """A subscription's cursor is older than the server's retained event log (OUT_OF_RANGE).

    The events after `cursor` cannot be replayed: re-read the state with the List
    RPCs, then subscribe afresh (without a cursor, or from a new one).
    """

    cursor: int | None = None

    @classmethod
    def at(cls, error: _Failed, cursor: int | None) -> CursorExpired:
        """The OUT_OF_RANGE `error` a subscription got when resuming after `cursor`."""
        expired = cls._copy(error)
        expired.cursor = cursor
        return expired


def _metadata(pairs: Iterable[tuple[str, Any]] | None) -> grpc.aio.Metadata | None:
    if pairs is None or isinstance(pairs, grpc.aio.Metadata):
        return pairs
    return grpc.aio.Metadata(*((key, value) for key, value in pairs))


_DETAIL_TYPES = {
    cls.DESCRIPTOR.full_name: cls
    for cls in (
        error_details_pb2.ErrorInfo,
        error_details_pb2.BadRequest,
        error_details_pb2.ResourceInfo,
        error_details_pb2.PreconditionFailure,
        error_details_pb2.RetryInfo,
        error_details_pb2.QuotaFailure,
        error_details_pb2.DebugInfo,
        error_details_pb2.Help,
        error_details_pb2.LocalizedMessage,
        error_details_pb2.RequestInfo,
    )
}


def _unpack(detail: any_pb2.Any) -> Any:
    cls = _DETAIL_TYPES.get(detail.TypeName())
    if cls is None:
        return detail
    message = cls()
    detail.Unpack(message)
    return message
