from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from types import TracebackType
from typing import Any, TypeVar, overload

import grpc
import grpc.aio
from google.protobuf.message import Message

from relaydesk.client._errors import CursorExpired, RelaydeskError, error_details
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

__all__ = ["Client", "Subscription", "connect", "error_details"]

Req = TypeVar("Req", bound=Message)
Resp = TypeVar("Resp", bound=Message)
Item = TypeVar("Item", bound=Message)

_AUTHORIZATION = "authorization"


def _with_credential(metadata: grpc.aio.Metadata | None, credential: str | None) -> Any:
    """The call's metadata plus the bearer credential, unless the call brings its own."""
    if credential is None or any(key == _AUTHORIZATION for key, _ in metadata or ()):
        return metadata
    with_it = grpc.aio.Metadata(*(metadata or ()))
    with_it.add(_AUTHORIZATION, f"Bearer {credential}")
    return with_it


# A grpc.aio channel files each interceptor under one kind of call only, so unary
# and streaming calls each get their own.
class _Unary(grpc.aio.UnaryUnaryClientInterceptor):
    """Every unary call: the credential, a deadline, a request id on writes that take
    one, and retries on UNAVAILABLE when the call is safe to repeat; a failure is
    raised as a RelaydeskError."""

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

    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        if self._request_ids and isinstance(request, Message):
            request = with_request_id(request)
        idempotent = is_idempotent(method_path(details.method), request)
        timeout = details.timeout if details.timeout is not None else self._timeout
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        metadata = _with_credential(details.metadata, self._credential)
        attempt = 0
        while True:
            attempt += 1
            remaining = None if deadline is None else max(0.0, deadline - loop.time())
            call = await continuation(
                grpc.aio.ClientCallDetails(
                    details.method, remaining, metadata, details.credentials, details.wait_for_ready
                ),
                request,
            )
            try:
                await call
            except grpc.aio.AioRpcError as error:
                delay = self._retry.backoff.delay(attempt - 1)
                if can_retry(self._retry, error.code(), idempotent, attempt) and (
                    deadline is None or loop.time() + delay < deadline
                ):
                    await asyncio.sleep(delay)
                    continue
                raise RelaydeskError.of(error) from None
            return call


class _Stream(grpc.aio.UnaryStreamClientInterceptor):
    """Every server stream: the credential. Streams get no default deadline."""

    def __init__(self, credential: str | None) -> None:
        self._credential = credential

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        metadata = _with_credential(details.metadata, self._credential)
        details = grpc.aio.ClientCallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
        )
        return await continuation(details, request)


class Subscription:
    """An `EventService.Subscribe` that survives its stream: an async iterator of events.

    It keeps a cursor (`cursor`: the sequence of the last event handed out, or of the
    last heartbeat) and, when the stream drops (UNAVAILABLE, a server restart), is cut
    for falling behind (RESOURCE_EXHAUSTED) or ends, opens a new one after that cursor
    with exponential backoff: every event arrives once, in order. A cursor the server
    no longer retains raises `CursorExpired`; any other error raises `RelaydeskError`.
    Heartbeats only move the cursor unless `heartbeats=True`.

    The stream is opened at once (so an agent can subscribe, then go Available,
    without missing the offer). Started without `after_sequence`, it has no cursor
    until its first event or heartbeat: a drop before then resumes live.
    """

    def __init__(
        self, stub: event_service_pb2_grpc.EventServiceAsyncStub, state: SubscriptionState
    ) -> None:
        self._stub = stub
        self._state = state
        self._closed = False
        self._call: (
            grpc.aio.UnaryStreamCall[
                event_service_pb2.SubscribeRequest, event_service_pb2.SubscribeResponse
            ]
            | None
        ) = None
        self._open()

    @property
    def cursor(self) -> int | None:
        """Where a new stream would resume: after this sequence (None: live)."""
        return self._state.cursor

    @property
    def reconnects(self) -> int:
        """How many times the stream was opened again."""
        return self._state.reconnects

    @property
    def closed(self) -> bool:
        """Whether `close()` was called (or an error ended the subscription)."""
        return self._closed

    @property
    def last_error(self) -> RelaydeskError | None:
        """Why the stream last ended, if it did."""
        return self._state.last_error

    def _open(self) -> None:
        self._call = self._stub.Subscribe(self._state.next_request())

    async def live(self) -> None:
        """Returns once the server has the stream live (its response headers came):
        whatever is committed from then on will be delivered. Subscribe, await this,
        then do what you want to hear about. A stream that fails first returns too;
        iterating raises its error."""
        if self._call is None and not self._closed:
            self._open()
        if self._call is not None:
            await self._call.initial_metadata()

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> event_pb2.Event:
        while True:
            if self._closed:
                raise StopAsyncIteration
            if self._call is None:
                self._open()
            assert self._call is not None
            try:
                response = await self._call.read()
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if self.closed and (task is None or not task.cancelling()):
                    raise StopAsyncIteration from None  # closed while this read waited
                raise
            except grpc.aio.AioRpcError as error:
                if self.closed:
                    raise StopAsyncIteration from None
                self._call = None
                await self._recover(error)
                continue
            if not isinstance(response, event_service_pb2.SubscribeResponse):  # EOF
                if self.closed:
                    raise StopAsyncIteration
                self._call = None
                await self._recover(None)
                continue
            event = response.event
            if self._state.accept(event):
                return event

    async def _recover(self, error: grpc.aio.AioRpcError | None) -> None:
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
        await asyncio.sleep(delay)

    def close(self) -> None:
        """Ends the stream; iterating ends too (a read waiting on it included)."""
        self._closed = True
        if self._call is not None:
            self._call.cancel()
            self._call = None

    async def aclose(self) -> None:
        self.close()

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Client:
    """One channel to a relaydesk server, with a stub per service and a few helpers
    (`pages`, `items`, `subscribe`). Make it with `connect()`."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
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

    async def pages(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 (each call's gRPC deadline)
    ) -> AsyncIterator[Resp]:
        """Each page of a List call, following `next_page_token` to the end:

        async for page in rd.pages(rd.flows.ListFlows, ListFlowsRequest(page_size=100)):
            ...

        `request` is left as it is; `timeout` bounds each page's call.
        """
        check_pageable(request)
        following: Req | None = request
        while following is not None:
            response = await method(following, timeout=timeout)
            yield response
            following = next_page(following, response)

    @overload
    def items(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: type[Item],
        *,
        timeout: float | None = None,
    ) -> AsyncIterator[Item]: ...

    @overload
    def items(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: None = None,
        *,
        timeout: float | None = None,
    ) -> AsyncIterator[Message]: ...

    async def items(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        item_type: type[Item] | None = None,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 (each call's gRPC deadline)
    ) -> AsyncIterator[Any]:
        """Every resource of a List call, across its pages:

        async for flow in rd.items(rd.flows.ListFlows, ListFlowsRequest(), flow_pb2.Flow):
            ...

        The resources are the response's repeated field (of `item_type`, when given,
        which also types what the loop gets).
        """
        async for page in self.pages(method, request, timeout=timeout):
            for item in page_items(page, item_type):
                yield item

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
    ) -> Subscription:
        """Events after `after_sequence` (0: from the very beginning; None: from now on),
        resuming by cursor across dropped streams; see `Subscription`.

        `max_reconnects` bounds reconnects in a row without an event in between
        (None: keep trying, with waits of at most `backoff.maximum`).
        """
        request = event_service_pb2.SubscribeRequest(
            channels=list(channels), types=list(types), include_typing=include_typing
        )
        if after_sequence is not None:
            request.after_sequence = after_sequence
        state = SubscriptionState(
            request, heartbeats=heartbeats, backoff=backoff, max_reconnects=max_reconnects
        )
        return Subscription(self.events, state)

    async def close(self) -> None:
        await self.channel.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


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
) -> Client:
    """A client for the server at `target` (HOST:PORT).

    credential: an API key secret or an access token, sent as `authorization: Bearer …`
        on every call; None reads $RELAYDESK_TOKEN, "" sends none.
    tls, root_certificates: TLS, trusting the system's CAs or these PEM certificates;
        private_key and certificate_chain add a client certificate (mutual TLS);
        channel_credentials, when given, replace all of these. Plaintext otherwise.
    timeout: the deadline, in seconds, of a unary call that names none, retries
        included (None: no deadline). Streams get none unless the call asks.
    request_ids: give a write that takes a `request_id` and leaves it empty a new
        random one, so that retrying it cannot apply it twice.
    retry: how unary calls are retried on UNAVAILABLE: only reads, and writes carrying
        a request id (or DeliverInbound's external_id). `NO_RETRY` turns retries off.
    """
    bearer = resolve_credential(credential)
    interceptors: list[grpc.aio.ClientInterceptor] = [
        _Unary(bearer, timeout, request_ids, retry),
        _Stream(bearer),
    ]
    credentials = tls_credentials(
        tls=tls,
        root_certificates=root_certificates,
        private_key=private_key,
        certificate_chain=certificate_chain,
        channel_credentials=channel_credentials,
    )
    if credentials is not None:
        channel = grpc.aio.secure_channel(
            target, credentials, options=options, interceptors=interceptors
        )
    else:
        channel = grpc.aio.insecure_channel(target, options=options, interceptors=interceptors)
    return Client(channel)
