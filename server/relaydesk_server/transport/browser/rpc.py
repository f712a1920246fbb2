"""Every relaydesk.v1 RPC over the Connect protocol (JSON and binary) and gRPC-Web, unary and
server-streaming, served from ASGI by the connectrpc library, which owns the protocols
(framing, content types, timeouts, compression, error encoding).

Each call runs the very handler the gRPC server runs (transport/registry.py) through the
same call pipeline (transport/pipeline.py): credentials, policy, rates, validation, the
error table and the call log are the gRPC transport's, and only the adapting is here.
The endpoints are made from the proto descriptors, so a new RPC needs nothing here.
"""

from __future__ import annotations

import contextvars
import dataclasses
import enum
import functools
import ipaddress
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any, NoReturn

import grpc
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec
from connectrpc.errors import ConnectError, ErrorDetail
from connectrpc.method import IdempotencyLevel, MethodInfo, StreamType
from connectrpc.request import RequestContext
from connectrpc.server import ConnectASGIApplication, Endpoint
from google.protobuf import descriptor_pb2, message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message as ProtoMessage
from google.rpc import status_pb2
from protobuf.wkt import Any as WireAny
from starlette.types import Message, Receive, Scope, Send

from relaydesk_server.transport.pipeline import (
    MAX_REQUEST_BYTES,
    CallPipeline,
    Streaming,
    Undecodable,
)
from relaydesk_server.transport.registry import SERVICES, MethodTable

# google.rpc.Code numbers (gRPC's) to Connect's codes: the same codes, spelled Connect's
# way (CANCELLED with one L).
CONNECT_CODES: dict[int, Code] = {
    status.value[0]: Code[status.name.replace("CANCELLED", "CANCELED")]
    for status in grpc.StatusCode
    if status is not grpc.StatusCode.OK
}

_IDEMPOTENCY = {
    descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS: IdempotencyLevel.NO_SIDE_EFFECTS,
    descriptor_pb2.MethodOptions.IDEMPOTENT: IdempotencyLevel.IDEMPOTENT,
}


class _Flush(enum.Enum):
    """Yielded to the library for a stream's early headers; never reaches the client."""

    HEADERS = "headers"


@dataclasses.dataclass
class _Exchange:
    """One HTTP request to the RPC paths, as its stream's handler and its `send` share it.

    The library sends a stream's response headers with its first message. A stream that
    has its headers sent before any message (Subscribe, once it is live) yields FLUSH:
    the library sends the headers, then the (empty) frame it wrote for FLUSH, which is
    dropped here.
    """

    drop_next_body: bool = False


_exchange: contextvars.ContextVar[_Exchange] = contextvars.ContextVar("exchange")


@dataclasses.dataclass(frozen=True)
class _Encoded:
    """A response the handler encoded itself (Subscribe's pre-encoded event frames)."""

    data: bytes
    message_type: type[ProtoMessage]


class _BinaryCodec:
    """application/proto (Connect) and application/grpc-web+proto: google.protobuf
    messages through connectrpc's codec for them."""

    _codec = google_protobuf_binary_codec()

    def name(self) -> str:
        return str(self._codec.name())

    def encode(self, message: Any) -> bytes:
        if isinstance(message, _Encoded):
            return message.data
        if message is _Flush.HEADERS:
            return b""
        return bytes(self._codec.encode(message))

    def decode(self, data: bytes | bytearray, message_class: type[Any]) -> Any:
        try:
            return self._codec.decode(data, message_class)
        except Exception as error:  # a DecodeError, or worse: the caller's bad bytes
            return Undecodable(error)


class _JsonCodec(_BinaryCodec):
    """application/json (Connect) and application/grpc-web+json: the proto3 JSON mapping."""

    # Fields this server does not know are left out, as binary decoding does.
    _codec = google_protobuf_json_codec(ignore_unknown_fields=True)

    def encode(self, message: Any) -> bytes:
        if isinstance(message, _Encoded):
            message = message.message_type.FromString(message.data)
        return super().encode(message)


class BrowserCall:
    """A Connect or gRPC-Web call, as the call pipeline sees it."""

    transport = "http"
    passes = (ConnectError,)

    def __init__(self, ctx: RequestContext[Any, Any]) -> None:
        self._ctx = ctx
        self.context = _HandlerContext()

    def header(self, name: str) -> str | None:
        return self._ctx.request_headers.get(name)

    def client_address(self) -> str:
        # "host:port" from the ASGI server (an IPv6 host unbracketed).
        host = (self._ctx.client_address or "").rpartition(":")[0].strip("[]")
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            return host or "unknown"

    async def fail(self, status: status_pb2.Status) -> NoReturn:
        raise ConnectError(
            CONNECT_CODES[status.code],
            status.message,
            [ErrorDetail(WireAny(type_url=d.type_url, value=d.value)) for d in status.details],
        )

    async def headers_now(self) -> _Flush:
        _exchange.get().drop_next_body = True
        return _Flush.HEADERS


class _HandlerContext:
    """A handler's second argument on this transport. Handlers take nothing from it
    (transport/context.py); the generated base servicers set a code and details on it
    before raising NotImplementedError, which the pipeline maps to UNIMPLEMENTED."""

    def set_code(self, code: object) -> None:
        pass

    def set_details(self, details: str) -> None:
        pass


def _method_info(method: MethodDescriptor) -> MethodInfo[Any, Any]:
    return MethodInfo(
        name=method.name,
        service_name=method.containing_service.full_name,
        input=message_factory.GetMessageClass(method.input_type),
        output=message_factory.GetMessageClass(method.output_type),
        idempotency_level=_IDEMPOTENCY.get(
            method.GetOptions().idempotency_level, IdempotencyLevel.UNKNOWN
        ),
        stream_type=StreamType.SERVER_STREAM if method.server_streaming else StreamType.UNARY,
    )


def _streaming(
    path: str, handler: Streaming, pipeline: CallPipeline, output: type[ProtoMessage]
) -> Callable[[Any, RequestContext[Any, Any]], AsyncIterator[Any]]:
    async def call(request: Any, ctx: RequestContext[Any, Any]) -> AsyncIterator[Any]:
        async for response in pipeline.stream(path, handler, BrowserCall, request, ctx):
            yield _Encoded(response, output) if isinstance(response, bytes) else response

    return call


def endpoints(methods: MethodTable, pipeline: CallPipeline) -> dict[str, Endpoint[Any, Any]]:
    """An endpoint for each method of each relaydesk.v1 service, by URL path."""
    found: dict[str, Endpoint[Any, Any]] = {}
    for descriptors, _, name in SERVICES:
        for method in descriptors.DESCRIPTOR.services_by_name[name].methods:
            path = f"/{method.containing_service.full_name}/{method.name}"
            info = _method_info(method)
            handler = methods[path]
            if method.server_streaming:
                assert handler.unary_stream is not None
                found[path] = Endpoint.server_stream(
                    info,
                    _streaming(path, handler.unary_stream, pipeline, info.output),  # type: ignore[arg-type]
                )
            else:
                assert handler.unary_unary is not None
                found[path] = Endpoint.unary(
                    info, functools.partial(pipeline.unary, path, handler.unary_unary, BrowserCall)
                )
    return found


class _Application(ConnectASGIApplication[Mapping[str, Endpoint[Any, Any]]]):
    @property
    def path(self) -> str:
        return "/relaydesk.v1."


class RpcApp:
    """The ASGI application of the RPC paths (`/relaydesk.v1.FlowService/GetFlow`, …)."""

    def __init__(self, methods: MethodTable, pipeline: CallPipeline) -> None:
        self.paths = endpoints(methods, pipeline)
        self._app = _Application(
            service=self.paths,
            # Endpoint.unary and Endpoint.server_stream make the kinds the application
            # takes; its annotation names them by a private alias.
            endpoints=lambda paths: paths,  # type: ignore[arg-type,return-value]
            # The gRPC server's limit on a request message (or a decompressed body).
            read_max_bytes=MAX_REQUEST_BYTES,
            codecs=[_BinaryCodec(), _JsonCodec()],
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        exchange = _Exchange()
        token = _exchange.set(exchange)

        async def sending(message: Message) -> None:
            if exchange.drop_next_body and message["type"] == "http.response.body":
                exchange.drop_next_body = False
                return
            await send(message)

        try:
            await self._app(scope, receive, sending)
        finally:
            _exchange.reset(token)
