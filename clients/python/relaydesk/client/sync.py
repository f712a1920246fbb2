"""The blocking client: the same stubs, defaults and helpers as `relaydesk.client`, over a
plain (non-asyncio) gRPC channel, for scripts and threads.

    from relaydesk.client import sync

    with sync.connect("127.0.0.1:50051") as rd:          # credential from $RELAYDESK_TOKEN
        for flow in rd.items(rd.flows.ListFlows, ListFlowsRequest(), flow_pb2.Flow):
            print(flow.name)

Do not call it from a coroutine: each call blocks its thread until it is answered.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, TypeVar, overload

import grpc
from google.protobuf.message import Message

from relaydesk.client._errors import CursorExpired, RelaydeskError
from relaydesk.client._policy import (
    DEFAULT_RETRY,
    DEFAULT_TIMEOUT,
    SUBSCRIBE_BACKOFF,
    Backoff,
    RetryPolicy,
    SubscriptionState,
    can_retry,
    check_pageable,
    is_idempotent,
    method_path,
    next_page,
    page_items,
    resolve_credential,
    stream_ended,
    tls_credentials,
    with_request_id,
)
from relaydesk.v1 import (
    auth_service_pb2_grpc,
    bot_service_pb2_grpc,
    channel_service_pb2_grpc,
    engagement_service_pb2_grpc,
    event_pb2,
    event_service_pb2,
    event_service_pb2_grpc,
    flow_service_pb2_grpc,
    gateway_service_pb2_grpc,
    session_service_pb2_grpc,
    task_service_pb2_grpc,
    workforce_service_pb2_grpc,
)

__all__ = ["SyncClient", "SyncSubscription", "connect"]

Req = TypeVar("Req", bound=Message)
Resp = TypeVar("Resp", bound=Message)
Item = TypeVar("Item", bound=Message)

_AUTHORIZATION = "authorization"


class _Details(grpc.ClientCallDetails):
    def __init__(self, details: grpc.ClientCallDetails, timeout: float | None, metadata: Any):
        self.method = details.method
        self.timeout = timeout
        self.metadata = metadata
        self.credentials = details.credentials
        self.wait_for_ready = getattr(details, "wait_for_ready", None)
        self.compression = getattr(details, "compression", None)


def _with_credential(metadata: Any, credential: str | None) -> Any:
    pairs = list(metadata or ())
    if credential is None or any(key == _AUTHORIZATION for key, _ in pairs):
        return metadata
    return (*pairs, (_AUTHORIZATION, f"Bearer {credential}"))


class _Unary(grpc.UnaryUnaryClientInterceptor):
    """As the async client's: credential, deadline, request id, retries, RelaydeskError."""

    def __init__(
        self,
        credential: str | None,
        timeout: float | None,
        request_ids: bool,
        retry: RetryPolicy,
    ) -> None:
        self._credential = credential
        self._timeout = timeout
        self._request_ids = request_ids
        self._retry = retry

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        if self._request_ids and isinstance(request, Message):
            request = with_request_id(request)
        idempotent = is_idempotent(method_path(details.method), request)
        timeout = details.timeout if details.timeout is not None else self._timeout
        deadline = None if timeout is None else time.monotonic() + timeout
        metadata = _with_credential(details.metadata, self._credential)
        attempt = 0
        while True:
            attempt += 1
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            outcome = continuation(_Details(details, remaining, metadata), request)
            error = outcome.exception()  # waits for the answer
            if not isinstance(error, grpc.RpcError):
                return outcome
            delay = self._retry.backoff.delay(attempt - 1)
            if can_retry(self._retry, error.code(), idempotent, attempt) and (
                deadline is None or time.monotonic() + delay < deadline
            ):
                time.sleep(delay)
                continue
            raise RelaydeskError.of(error) from None


class _Stream(grpc.UnaryStreamClientInterceptor):
    def __init__(self, credential: str | None) -> None:
        self._credential = credential

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        metadata = _with_credential(details.metadata, self._credential)
        return continuation(_Details(details, details.timeout, metadata), request)


class SyncSubscription:
    """`relaydesk.client.Subscription`, blocking: an iterator of events that resumes from
    its cursor after a dropped or cut stream, and raises `CursorExpired` on OUT_OF_RANGE."""

    def __init__(
        self, stub: event_service_pb2_grpc.EventServiceStub, state: SubscriptionState
    ) -> None:
        self._stub = stub
        self._state = state
        self._closed = False
        self._call: Any = None
        self._open()

    @property
    def cursor(self) -> int | None:
        return self._state.cursor

    @property
    def reconnects(self) -> int:
        return self._state.reconnects

    @property
    def closed(self) -> bool:
        """Whether `close()` was called (or an error ended the subscription)."""
        return self._closed

    @property
    def last_error(self) -> RelaydeskError | None:
        return self._state.last_error

    def _open(self) -> None:
        self._call = self._stub.Subscribe(self._state.next_request())

    def live(self) -> None:
        """Returns once the server has the stream live (see `Subscription.live`)."""
        if self._call is None and not self._closed:
            self._open()
        if self._call is not None:
            self._call.initial_metadata()

    def __iter__(self) -> SyncSubscription:
        return self

    def __next__(self) -> event_pb2.Event:
        while True:
            if self._closed:
                raise StopIteration
            if self._call is None:
                self._open()
            try:
                response: event_service_pb2.SubscribeResponse = next(self._call)
            except (StopIteration, grpc.RpcError) as ended:
                if self.closed:  # closed from another thread while this read waited
                    raise StopIteration from None
                self._call = None
                self._recover(ended if isinstance(ended, grpc.RpcError) else None)
                continue
            if self._state.accept(response.event):
                return response.event

    def _recover(self, error: grpc.RpcError | None) -> None:
        if error is not None and error.code() == grpc.StatusCode.OUT_OF_RANGE:
            self.close()
            raise CursorExpired.at(error, self._state.cursor)
        try:
            delay = self._state.reconnect_delay(
                stream_ended() if error is None else RelaydeskError.of(error)
            )
        except RelaydeskError:
            self.close()
            raise
        time.sleep(delay)

    def close(self) -> None:
        self._closed = True
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def __enter__(self) -> SyncSubscription:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SyncClient:
    """The blocking twin of `relaydesk.client.Client`."""

    def __init__(self, channel: grpc.Channel) -> None:
        self.channel = channel
        self.flows = flow_service_pb2_grpc.FlowServiceStub(channel)
        self.channels = channel_service_pb2_grpc.ChannelServiceStub(channel)
        self.sessions = session_service_pb2_grpc.SessionServiceStub(channel)
        self.gateway = gateway_service_pb2_grpc.GatewayServiceStub(channel)
        self.engagements = engagement_service_pb2_grpc.EngagementServiceStub(channel)
        self.workforce = workforce_service_pb2_grpc.WorkforceServiceStub(channel)
        self.tasks = task_service_pb2_grpc.TaskServiceStub(channel)
        self.bots = bot_service_pb2_grpc.BotServiceStub(channel)
        self.events = event_service_pb2_grpc.EventServiceStub(channel)
        self.auth = auth_service_pb2_grpc.AuthServiceStub(channel)

    def pages(
        self,
        method: grpc.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None = None,
    ) -> Iterator[Resp]:
        """Each page of a List call, following `next_page_token` to the end."""
        check_pageable(request)
        following: Req | None = request
        while following is not None:
            response = method(following, timeout=timeout)
            yield response
            following = next_page(following, response)

    @overload
    def items(
        self,
        method: grpc.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: type[Item],
        *,
        timeout: float | None = None,
    ) -> Iterator[Item]: ...

    @overload
    def items(
        self,
        method: grpc.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: None = None,
        *,
        timeout: float | None = None,
    ) -> Iterator[Message]: ...

    def items(
        self,
        method: grpc.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: type[Item] | None = None,
        *,
        timeout: float | None = None,
    ) -> Iterator[Any]:
        """Every resource of a List call, across its pages."""
        for page in self.pages(method, request, timeout=timeout):
            yield from page_items(page, item_type)

    def subscribe(
        self,
        after_sequence: int | None = None,
        *,
        channels: Iterable[str] = (),
        types: Iterable[event_pb2.EventType.ValueType] = (),
        include_typing: bool = False,
        heartbeats: bool = False,
        backoff: Backoff = SUBSCRIBE_BACKOFF,
        max_reconnects: int | None = None,
    ) -> SyncSubscription:
        """As `relaydesk.client.Client.subscribe`, blocking."""
        request = event_service_pb2.SubscribeRequest(
            channels=list(channels), types=list(types), include_typing=include_typing
        )
        if after_sequence is not None:
            request.after_sequence = after_sequence
        state = SubscriptionState(
            request, heartbeats=heartbeats, backoff=backoff, max_reconnects=max_reconnects
        )
        return SyncSubscription(self.events, state)

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def connect(
    target: str,
    credential: str | None = None,
    *,
    tls: bool = False,
    root_certificates: bytes | None = None,
    private_key: bytes | None = None,
    certificate_chain: bytes | None = None,
    channel_credentials: grpc.ChannelCredentials | None = None,
    options: Sequence[tuple[str, Any]] = (),
    timeout: float | None = DEFAULT_TIMEOUT,
    request_ids: bool = True,
    retry: RetryPolicy = DEFAULT_RETRY,
) -> SyncClient:
    """A blocking client; the arguments and defaults are `relaydesk.client.connect`'s."""
    bearer = resolve_credential(credential)
    credentials = tls_credentials(
        tls=tls,
        root_certificates=root_certificates,
        private_key=private_key,
        certificate_chain=certificate_chain,
        channel_credentials=channel_credentials,
    )
    if credentials is not None:
        channel = grpc.secure_channel(target, credentials, options=options)
    else:
        channel = grpc.insecure_channel(target, options=options)
    intercepted = grpc.intercept_channel(
        channel, _Unary(bearer, timeout, request_ids, retry), _Stream(bearer)
    )
    return SyncClient(intercepted)
