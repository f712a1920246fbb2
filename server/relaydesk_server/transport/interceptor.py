"""The gRPC side of the call pipeline: one server interceptor hands every relaydesk.v1
call to transport/pipeline.py, adapting the gRPC call to it.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, NoReturn

import grpc
import grpc.aio
from google.protobuf.message import DecodeError
from google.rpc import status_pb2
from grpc_status import rpc_status

from relaydesk_server.transport.pipeline import CallPipeline, Streaming, Undecodable

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context

    Handler = grpc.RpcMethodHandler[Any, Any]

# Infrastructure services that answer without credentials.
PUBLIC_PREFIXES = (
    "/grpc.health.v1.Health/",
    "/grpc.reflection.v1alpha.ServerReflection/",
    "/grpc.reflection.v1.ServerReflection/",
)


def peer_address(peer: str) -> str:
    """The address part of a gRPC peer (`ipv4:127.0.0.1:5000`, `ipv6:[::1]:5000`); the
    whole peer for anything else (a Unix socket's callers share one address)."""
    scheme, _, rest = peer.partition(":")
    if scheme not in ("ipv4", "ipv6"):
        return peer
    host = rest.rpartition(":")[0].strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


class GrpcCall:
    """A gRPC call, as the pipeline sees it."""

    transport = "grpc"
    passes = (grpc.aio.AbortError,)

    def __init__(self, context: Context) -> None:
        self.context = context

    def header(self, name: str) -> str | None:
        for key, value in self.context.invocation_metadata() or ():
            if key == name:
                return value.decode() if isinstance(value, bytes) else value
        return None

    def client_address(self) -> str:
        return peer_address(self.context.peer())

    async def fail(self, status: status_pb2.Status) -> NoReturn:
        await self.context.abort_with_status(rpc_status.to_status(status))
        raise AssertionError("abort_with_status returned")  # it always raises

    async def headers_now(self) -> None:
        await self.context.send_initial_metadata(())


class RpcInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, pipeline: CallPipeline) -> None:
        self._pipeline = pipeline
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
            handler = _wrap(handler, method, self._pipeline)
        self._wrapped[method] = handler
        return handler


def _safe_deserializer(deserialize: Callable[[bytes], Any] | None) -> Callable[[bytes], Any]:
    # gRPC would answer a request it cannot decode with UNKNOWN; the pipeline fails
    # it as INVALID_ARGUMENT instead, like any other bad input.
    def decode(data: bytes) -> Any:
        if deserialize is None:
            return data
        try:
            return deserialize(data)
        except DecodeError as error:
            return Undecodable(error)

    return decode


def _wrap(handler: Handler, method: str, pipeline: CallPipeline) -> Handler:
    # Partials of the pipeline's own coroutine and async generator functions: grpc.aio
    # tells them from blocking handlers by their kind, and a stream's messages then go
    # out with no extra generator in between.
    if handler.unary_unary is not None:
        return grpc.unary_unary_rpc_method_handler(
            functools.partial(pipeline.unary, method, handler.unary_unary, GrpcCall),
            request_deserializer=_safe_deserializer(handler.request_deserializer),
            response_serializer=handler.response_serializer,
        )

    if handler.unary_stream is not None:
        # Every relaydesk handler is an async generator (grpc's stubs say a generator).
        streaming: Streaming = handler.unary_stream  # type: ignore[assignment]
        return grpc.unary_stream_rpc_method_handler(
            functools.partial(pipeline.stream, method, streaming, GrpcCall),
            request_deserializer=_safe_deserializer(handler.request_deserializer),
            response_serializer=handler.response_serializer,
        )

    # relaydesk has no client-streaming RPCs; anything else passes through untouched.
    return handler
