"""One server interceptor: authenticates every call, applies the policy's roles
and the per-credential rate, maps errors, logs one line per call.

Handlers therefore only raise domain errors; they never build statuses,
check credentials or log requests themselves.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

import grpc
import grpc.aio
from google.protobuf.message import DecodeError

from relaydesk_server.clock import Clock
from relaydesk_server.domain import policy
from relaydesk_server.domain.errors import (
    DomainError,
    FieldViolation,
    InvalidArgument,
)
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.transport.context import current_method, current_principal
from relaydesk_server.transport.errors import internal_status, status_for, unimplemented_status
from relaydesk_server.transport.streams import OpenStreams

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context

log = logging.getLogger("relaydesk.rpc")

# Infrastructure services that answer without credentials.
PUBLIC_PREFIXES = (
    "/grpc.health.v1.Health/",
    "/grpc.reflection.v1alpha.ServerReflection/",
    "/grpc.reflection.v1.ServerReflection/",
)

if TYPE_CHECKING:
    Handler = grpc.RpcMethodHandler[Any, Any]

# Told of each call as it ends (a stream when it ends): its method, its status
# code and how long it took in seconds. Runs on the event loop: keep it cheap.
CallRecorder = Callable[[str, grpc.StatusCode, float], None]


def _metadata_value(metadata: Any, wanted: str) -> str | None:
    for key, value in metadata or ():
        if key == wanted:
            return value.decode() if isinstance(value, bytes) else value
    return None


class _CallLog:
    def __init__(self, method: str, record: CallRecorder | None = None) -> None:
        self.method = method
        self.principal: Principal | None = None
        self.started = time.perf_counter()
        self.request_id = ""
        self._record = record

    def done(self, code: grpc.StatusCode | None) -> None:
        elapsed = time.perf_counter() - self.started
        if self._record is not None:
            self._record(self.method, code or grpc.StatusCode.OK, elapsed)
        # Every failed call is logged; successful ones only at debug level, so
        # a busy server does not spend its time writing access lines.
        level = logging.DEBUG if code in (None, grpc.StatusCode.OK) else logging.INFO
        if not log.isEnabledFor(level):
            return
        log.log(
            level,
            "rpc",
            extra={
                "rpc_method": self.method,
                "code": (code or grpc.StatusCode.OK).name,
                "duration_ms": round(elapsed * 1000, 3),
                "principal": self.principal.subject if self.principal else None,
                "request_id": self.request_id or None,
            },
        )

    def cancelled(self) -> None:
        """The client went away (or the server is stopping): counted, not logged."""
        if self._record is not None:
            self._record(self.method, grpc.StatusCode.CANCELLED, time.perf_counter() - self.started)


async def _fail(context: Context, call: _CallLog, error: Exception) -> None:
    """Ends the call with the status for `error` (always raises)."""
    if isinstance(error, DomainError):
        status = status_for(error)
    elif isinstance(error, NotImplementedError):
        status = unimplemented_status(call.method)
    else:
        log.error("unhandled error in %s", call.method, exc_info=error)
        status = internal_status()
    call.done(status.code)
    await context.abort_with_status(status)


class CallRates:
    """The per-credential call rate (API §10): people's tokens and API keys each have
    their own sustained rate and burst; a rate of 0 means no limit."""

    def __init__(
        self,
        clock: Clock,
        token_rate: float,
        token_burst: int,
        key_rate: float = 0.0,
        key_burst: int = 0,
    ) -> None:
        self._clock = clock
        self._tokens = RateLimiter(token_rate, token_burst) if token_rate > 0 else None
        self._keys = RateLimiter(key_rate, key_burst) if key_rate > 0 else None

    def take(self, principal: Principal) -> None:
        limiter = self._keys if principal.is_privileged else self._tokens
        if limiter is not None:
            limiter.take(principal.subject, self._clock.now(), "this credential")


class RpcInterceptor(grpc.aio.ServerInterceptor):
    def __init__(
        self,
        authenticator: Authenticator,
        rates: CallRates,
        streams: OpenStreams,
        record: CallRecorder | None = None,
    ) -> None:
        self._authenticator = authenticator
        self._rates = rates
        self._streams = streams
        self._record = record
        # Handlers are fixed once the server starts, so each method is wrapped once.
        self._wrapped: dict[str, Handler | None] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> Handler | None:
        method = handler_call_details.method
        if method in self._wrapped:
            return self._wrapped[method]
        handler = await continuation(handler_call_details)
        if handler is not None and not method.startswith(PUBLIC_PREFIXES):
            handler = _wrap(
                handler, method, self._authenticator, self._rates, self._streams, self._record
            )
        self._wrapped[method] = handler
        return handler


class _Undecodable:
    """Stands in for a request whose bytes are not the message the RPC takes."""

    def __init__(self, error: DecodeError) -> None:
        self.error = error


def _safe_deserializer(deserialize: Callable[[bytes], Any] | None) -> Callable[[bytes], Any]:
    # gRPC would answer a request it cannot decode with UNKNOWN; decoding here
    # lets the call fail as INVALID_ARGUMENT instead, like any other bad input.
    def decode(data: bytes) -> Any:
        if deserialize is None:
            return data
        try:
            return deserialize(data)
        except DecodeError as error:
            return _Undecodable(error)

    return decode


def _wrap(
    handler: Handler,
    method: str,
    authenticator: Authenticator,
    rates: CallRates,
    streams: OpenStreams,
    record: CallRecorder | None = None,
) -> Handler:
    def begin(call: _CallLog, request: Any, context: Context) -> None:
        """Records the call and who makes it; raises when its credentials are rejected."""
        call.request_id = getattr(request, "request_id", "") or ""
        current_method.set(method)
        principal = authenticator.authenticate(
            _metadata_value(context.invocation_metadata(), "authorization")
        )
        call.principal = principal
        current_principal.set(principal)
        policy.require_callable(principal, method)
        rates.take(principal)
        if isinstance(request, _Undecodable):
            raise InvalidArgument(
                [FieldViolation("", f"the bytes sent are not a request message of {method}")],
                reason="MALFORMED_REQUEST",
            )

    if handler.unary_unary is not None:
        unary: Callable[[Any, Context], Awaitable[Any]] = handler.unary_unary  # type: ignore[assignment]

        async def unary_unary(request: Any, context: Context) -> Any:
            call = _CallLog(method, record)
            try:
                begin(call, request, context)
                response = await unary(request, context)
            except grpc.aio.AbortError:
                raise
            except asyncio.CancelledError:
                call.cancelled()
                raise
            except Exception as error:
                await _fail(context, call, error)
            call.done(context.code())
            return response

        return grpc.unary_unary_rpc_method_handler(
            unary_unary,
            request_deserializer=_safe_deserializer(handler.request_deserializer),
            response_serializer=handler.response_serializer,
        )

    if handler.unary_stream is not None:
        streaming: Callable[[Any, Context], AsyncIterator[Any]] = handler.unary_stream  # type: ignore[assignment]

        async def unary_stream(request: Any, context: Context) -> AsyncIterator[Any]:
            call = _CallLog(method, record)
            task = None
            try:
                begin(call, request, context)
                assert call.principal is not None
                task = streams.opened(call.principal)
                async for response in streaming(request, context):
                    yield response
            except grpc.aio.AbortError:
                raise
            except asyncio.CancelledError:
                # Ended because its credential stopped being valid: say so, like
                # any later call with it. Any other cancellation goes on.
                ended = streams.ended_by(task)
                if ended is None:
                    call.cancelled()
                    raise
                await _fail(context, call, ended)
            except Exception as error:
                await _fail(context, call, error)
            finally:
                streams.closed(task)
            call.done(context.code())

        return grpc.unary_stream_rpc_method_handler(
            unary_stream,
            request_deserializer=_safe_deserializer(handler.request_deserializer),
            response_serializer=handler.response_serializer,
        )

    # relaydesk has no client-streaming RPCs; anything else passes through untouched.
    return handler
