"""What tests share: a handle on a running server, and assertion helpers."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
import json
import os
import shutil
import signal
import socket
import sqlite3
import sys
import threading
from collections.abc import Awaitable, Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import grpc
import pytest
from google.protobuf import json_format
from google.protobuf.descriptor import MethodDescriptor
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from relaydesk.client import Client, connect, error_details
from relaydesk.v1 import (
    auth_service_pb2,
    bot_pb2,
    bot_service_pb2,
    channel_pb2,
    channel_service_pb2,
    common_pb2,
    event_pb2,
    event_service_pb2,
    execution_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    member_pb2,
    message_pb2,
    queue_pb2,
    reservation_pb2,
    session_pb2,
    session_service_pb2,
    task_pb2,
    task_service_pb2,
    worker_pb2,
    workflow_pb2,
    workforce_service_pb2,
)
from relaydesk_server.app import RelaydeskServer, ServerOptions, create_server
from relaydesk_server.clock import ManualClock
from relaydesk_server.domain.channels_model import Channel, ChannelSpec, ChannelState
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.names import CHANNEL
from relaydesk_server.storage.store import SqliteStore, StoreTransaction
from relaydesk_server.transport.registry import SERVICES

T = TypeVar("T")


@dataclasses.dataclass
class Harness:
    data_dir: Path
    clock: ManualClock
    running: RelaydeskServer
    admin_key: str
    client: Client
    options: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.running.port}"

    @property
    def http_url(self) -> str:
        """The browser endpoint's base URL (`http://127.0.0.1:PORT`; https with TLS), on a
        server started with it on: `harness_factory(http_listen="127.0.0.1:0")`."""
        port = self.running.http_port
        assert port is not None, "the browser endpoint is off: start with http_listen"
        scheme = "https" if self.options.get("tls") is not None else "http"
        return f"{scheme}://127.0.0.1:{port}"

    def connect(self, credential: str | None = None) -> Client:
        return client_for(self.target, credential)

    async def restart(self) -> None:
        """Stops the server and starts a new one on the same data directory."""
        await self.client.close()
        await self.running.stop(grace=None)
        self.running = await start_server(self.data_dir, self.clock, **self.options)
        self.client = client_for(self.target, self.admin_key)


def client_for(target: str, credential: str | None = None, **options: Any) -> Client:
    """A client that sends exactly the requests a test builds: without the automatic
    `request_id` (a write a test leaves without one reaches the server without one), and
    otherwise with the client's defaults (deadline, retries of idempotent calls)."""
    return connect(target, credential, request_ids=False, **options)


async def start_server(data_dir: Path, clock: ManualClock, **options: Any) -> RelaydeskServer:
    running = await create_server(
        ServerOptions(listen="127.0.0.1:0", data_dir=data_dir, clock=clock, **options)
    )
    await running.start()
    return running


class HeldWriter:
    """`async with HeldWriter(store):` holds the server's one writer (a write that waits)
    until the block ends or `release()`: every write sent meanwhile waits behind it, under
    way and not applied yet, as on a server slow to commit."""

    def __init__(self, store: SqliteStore, within: float = 60) -> None:
        self._store = store
        self._released = threading.Event()
        self._within = within
        self._write: asyncio.Future[None] | None = None

    def _hold(self, tx: object) -> None:
        if not self._released.wait(self._within):
            raise TimeoutError(f"the writer was held for more than {self._within} s")

    async def __aenter__(self) -> HeldWriter:
        self._write = asyncio.ensure_future(self._store.write(self._hold))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.release()

    async def release(self) -> None:
        self._released.set()
        if self._write is not None:
            await self._write


def small_send_buffers(running: RelaydeskServer) -> None:
    """Makes the browser endpoint's next connections keep little unsent data in the kernel
    (Linux gives a connection its listening socket's SO_SNDBUF): a client that stops reading
    soon holds up the server's writes, as HTTP/2 flow control does on gRPC."""
    assert running.http is not None, "the browser endpoint is off: start with http_listen"
    listening: socket.socket = running.http._socket
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)


async def expect_error(call: object, code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    """Awaits `call` and returns the error it fails with, asserting its status code."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    return caught.value


def detail(error: grpc.aio.AioRpcError, detail_type: type[T]) -> T:
    """The one detail of `detail_type` the error carries (fails the test when absent)."""
    found = [d for d in error_details(error) if isinstance(d, detail_type)]
    assert found, f"no {detail_type.__name__} in {error_details(error)}"
    return found[0]


def violated_fields(error: grpc.aio.AioRpcError) -> set[str]:
    return {v.field for v in detail(error, error_details_pb2.BadRequest).field_violations}


def reason(error: grpc.aio.AioRpcError) -> str:
    info = detail(error, error_details_pb2.ErrorInfo)
    assert info.domain == "relaydesk.dev"
    return info.reason


# The workflow flows in tests route to: each test server gets one (see
# conftest.harness_factory), and task_flow() uses the latest.
_default_workflow = "workflows/WW" + "0" * 32


def default_workflow() -> str:
    return _default_workflow


async def create_default_workflow(rd: Client) -> str:
    """A queue every worker may serve, and a workflow that sends every task there."""
    global _default_workflow
    queue = (
        await rd.workforce.CreateQueue(
            workforce_service_pb2.CreateQueueRequest(queue=queue_pb2.Queue(display_name="all"))
        )
    ).queue
    workflow = (
        await rd.workforce.CreateWorkflow(
            workforce_service_pb2.CreateWorkflowRequest(
                workflow=workflow_pb2.Workflow(display_name="everyone", default_queue=queue.name)
            )
        )
    ).workflow
    _default_workflow = workflow.name
    return workflow.name


def task_flow(
    contact_identity: str = "+15550100",
    channel_type: int = common_pb2.CHANNEL_TYPE_SMS,
    *,
    enabled: bool = True,
    **fields: object,
) -> flow_pb2.Flow:
    fields.setdefault("display_name", f"support {contact_identity}")
    return flow_pb2.Flow(
        channel_type=channel_type,  # type: ignore[arg-type]
        contact_identity=contact_identity,
        enabled=enabled,
        task=flow_pb2.TaskIntegration(workflow=_default_workflow),
        **fields,  # type: ignore[arg-type]
    )


async def new_channel(rd: Client, **fields: Any) -> channel_pb2.Channel:
    request = channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel(**fields))
    return (await rd.channels.CreateChannel(request)).channel


async def add_member(
    rd: Client, channel: str, identity: str, role: int = member_pb2.MEMBER_ROLE_AGENT
) -> member_pb2.Member:
    request = channel_service_pb2.AddMemberRequest(
        parent=channel,
        member=member_pb2.Member(identity=identity, role=role),  # type: ignore[arg-type]
    )
    return (await rd.channels.AddMember(request)).member


async def send(rd: Client, channel: str, body: str = "hello", **fields: Any) -> message_pb2.Message:
    request = channel_service_pb2.SendMessageRequest(parent=channel, body=body, **fields)
    return (await rd.channels.SendMessage(request)).message


async def send_many(rd: Client, channels: list[str], count: int, body: str) -> None:
    """Sends `count` messages, taking turns among `channels`, one after the other."""
    for i in range(count):
        await send(rd, channels[i % len(channels)], body)


async def gather_limited(calls: Iterable[Awaitable[T]], limit: int = 64) -> list[T]:
    """Awaits every call with at most `limit` in flight.

    gRPC sheds calls beyond about a thousand pending on one server (with
    CANCELLED), so a test that fans out far more than that paces itself.
    """
    gate = asyncio.Semaphore(limit)

    async def one(call: Awaitable[T]) -> T:
        async with gate:
            return await call

    return await asyncio.gather(*(one(c) for c in calls))


async def access_token(rd: Client, identity: str, role: int, channel: str = "") -> str:
    """A signed access token for an agent or a customer (`role` is a common_pb2.Role)."""
    request = auth_service_pb2.CreateAccessTokenRequest(
        identity=identity,
        role=role,  # type: ignore[arg-type]
        channel=channel,
    )
    return (await rd.auth.CreateAccessToken(request)).token


# Routing: activities, queues, workflows, workers, tasks.


async def activity(rd: Client, display_name: str) -> str:
    listed = await rd.workforce.ListActivities(workforce_service_pb2.ListActivitiesRequest())
    return next(a.name for a in listed.activities if a.display_name == display_name)


async def new_queue(rd: Client, display_name: str = "queue", **fields: Any) -> str:
    request = workforce_service_pb2.CreateQueueRequest(
        queue=queue_pb2.Queue(display_name=display_name, **fields)
    )
    return (await rd.workforce.CreateQueue(request)).queue.name


async def new_workflow(rd: Client, *, reservation_timeout: int | None = None, **fields: Any) -> str:
    spec = workflow_pb2.Workflow(display_name="routing", **fields)
    if reservation_timeout is not None:
        spec.reservation_timeout.seconds = reservation_timeout
    return (
        await rd.workforce.CreateWorkflow(
            workforce_service_pb2.CreateWorkflowRequest(workflow=spec)
        )
    ).workflow.name


async def routing_to(rd: Client, *, reservation_timeout: int | None = None, **queue: Any) -> str:
    """A workflow sending every task to a new queue made with `queue` fields."""
    return await new_workflow(
        rd, default_queue=await new_queue(rd, **queue), reservation_timeout=reservation_timeout
    )


async def new_worker(
    rd: Client, identity: str, *, attributes: dict[str, Any] | None = None, **fields: Any
) -> str:
    worker = worker_pb2.Worker(identity=identity, **fields)
    if attributes is not None:
        worker.attributes.update(attributes)
    return (
        await rd.workforce.CreateWorker(workforce_service_pb2.CreateWorkerRequest(worker=worker))
    ).worker.name


async def set_activity(rd: Client, worker: str, display_name: str) -> worker_pb2.Worker:
    request = workforce_service_pb2.SetWorkerActivityRequest(
        name=worker, activity=await activity(rd, display_name)
    )
    return (await rd.workforce.SetWorkerActivity(request)).worker


async def create_task(rd: Client, workflow: str, **fields: Any) -> task_pb2.Task:
    attributes = fields.pop("attributes", None)
    task = task_pb2.Task(workflow=workflow, **fields)
    if attributes is not None:
        task.attributes.update(attributes)
    return (await rd.tasks.CreateTask(task_service_pb2.CreateTaskRequest(task=task))).task


# Event streams.


def subscribe(rd: Client, **fields: Any) -> Any:
    """An EventService.Subscribe call (read it with `call.read()`, end it with `call.cancel()`)."""
    return rd.events.Subscribe(event_service_pb2.SubscribeRequest(**fields))


async def events_until_idle(call: Any, head: int, wait: float = 20) -> list[event_pb2.Event]:
    """Every event a stream delivers until it is idle at `head`: until a heartbeat
    carrying `head` or later, which comes only once everything published up to
    there was delivered or filtered out (start the server with a short
    heartbeat_interval). Heartbeats are left out."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(wait):
        while True:
            response = await call.read()
            assert response is not grpc.aio.EOF, f"the stream ended after {len(events)} events"
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                events.append(response.event)
            elif response.event.sequence >= head:
                return events


async def offer_to(call: Any, worker: str, within: float = 10) -> reservation_pb2.Reservation:
    """The next PENDING reservation for `worker` on an event stream (`subscribe(rd)`,
    opened before the offer can be made), waiting at most `within` seconds."""
    async with asyncio.timeout(within):
        while True:
            response = await call.read()
            assert response is not grpc.aio.EOF, "the event stream ended"
            offer: reservation_pb2.Reservation = response.event.reservation
            if (
                response.event.WhichOneof("payload") == "reservation"
                and offer.worker == worker
                and offer.status == reservation_pb2.RESERVATION_STATUS_PENDING
            ):
                return offer


async def events_until_error(
    call: Any, within: float = 20
) -> tuple[list[event_pb2.Event], grpc.aio.AioRpcError]:
    """Reads a stream until it fails: the events it delivered first (heartbeats left out),
    and its error. A stream that ends without a status fails the test."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(within):
        while True:
            try:
                response = await call.read()
            except grpc.aio.AioRpcError as error:
                return events, error
            assert response is not grpc.aio.EOF, "the stream ended without a status"
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                events.append(response.event)


def all_methods() -> list[MethodDescriptor]:
    """Every RPC of every relaydesk.v1 service, from the service descriptors."""
    methods = []
    for module, _, name in SERVICES:
        methods += list(module.DESCRIPTOR.services_by_name[name].methods)
    return methods


# Conversations over a gateway: reading them back, outbound streams, timers.


async def get_channel(rd: Client, name: str) -> channel_pb2.Channel:
    return (await rd.channels.GetChannel(channel_service_pb2.GetChannelRequest(name=name))).channel


async def get_session(rd: Client, name: str) -> session_pb2.Session:
    request = session_service_pb2.GetSessionRequest(name=name)
    return (await rd.sessions.GetSession(request)).session


async def get_task(rd: Client, name: str) -> task_pb2.Task:
    return (await rd.tasks.GetTask(task_service_pb2.GetTaskRequest(name=name))).task


async def all_tasks(rd: Client, **filters: Any) -> list[task_pb2.Task]:
    request = task_service_pb2.ListTasksRequest(page_size=1000, **filters)
    return list((await rd.tasks.ListTasks(request)).tasks)


async def all_channels(rd: Client, **filters: Any) -> list[channel_pb2.Channel]:
    request = channel_service_pb2.ListChannelsRequest(page_size=1000, **filters)
    return list((await rd.channels.ListChannels(request)).channels)


async def all_sessions(rd: Client, **filters: Any) -> list[session_pb2.Session]:
    request = session_service_pb2.ListSessionsRequest(page_size=1000, **filters)
    return list((await rd.sessions.ListSessions(request)).sessions)


async def messages(rd: Client, channel: str) -> list[message_pb2.Message]:
    request = channel_service_pb2.ListMessagesRequest(parent=channel, page_size=1000)
    return list((await rd.channels.ListMessages(request)).messages)


async def members(rd: Client, channel: str) -> dict[str, member_pb2.Member]:
    request = channel_service_pb2.ListMembersRequest(parent=channel, page_size=1000)
    return {m.identity: m for m in (await rd.channels.ListMembers(request)).members}


def attributes(task: task_pb2.Task) -> dict[str, Any]:
    return json_format.MessageToDict(task.attributes)


def open_outbound(rd: Client, *types: int) -> Any:
    """A StreamOutbound call for `types` (every type when none)."""
    request = gateway_service_pb2.StreamOutboundRequest(channel_types=list(types))  # type: ignore[arg-type]
    return rd.gateway.StreamOutbound(request)


async def next_delivery(call: Any, within: float = 10) -> common_pb2.OutboundDelivery:
    """The next delivery of an outbound stream, waiting at most `within` seconds."""
    async with asyncio.timeout(within):
        response = await call.read()
    assert response is not grpc.aio.EOF, "the outbound stream ended"
    delivery: common_pb2.OutboundDelivery = response.delivery
    return delivery


async def ack(
    rd: Client,
    delivery_id: str,
    status: int = common_pb2.DELIVERY_STATUS_DELIVERED,
    **fields: Any,
) -> message_pb2.Message:
    request = gateway_service_pb2.AckOutboundRequest(id=delivery_id, status=status, **fields)  # type: ignore[arg-type]
    return (await rd.gateway.AckOutbound(request)).message


async def tick(harness: Harness, by: dt.timedelta) -> None:
    """Moves the clock on and fires every timer then due."""
    harness.clock.advance(by)
    await harness.running.timers.fire_due()


async def get_worker(rd: Client, name: str) -> worker_pb2.Worker:
    return (await rd.workforce.GetWorker(workforce_service_pb2.GetWorkerRequest(name=name))).worker


async def load(rd: Client, worker: str, task_channel: str = "chat") -> int:
    return (await get_worker(rd, worker)).load.get(task_channel, 0)


async def reservations(rd: Client, task: str) -> list[reservation_pb2.Reservation]:
    """Every reservation of one task, oldest first."""
    request = task_service_pb2.ListReservationsRequest(parent=task, page_size=1000)
    return list((await rd.tasks.ListReservations(request)).reservations)


async def by_worker(rd: Client, task: str) -> dict[str, int]:
    """The status of each worker's reservation of `task` (each offered it once)."""
    listed = await reservations(rd, task)
    statuses: dict[str, int] = {r.worker: r.status for r in listed}
    assert len(statuses) == len(listed), listed
    return statuses


async def accept(rd: Client, reservation: str) -> reservation_pb2.Reservation:
    request = task_service_pb2.AcceptReservationRequest(name=reservation)
    return (await rd.tasks.AcceptReservation(request)).reservation


async def reject(rd: Client, reservation: str) -> reservation_pb2.Reservation:
    request = task_service_pb2.RejectReservationRequest(name=reservation)
    return (await rd.tasks.RejectReservation(request)).reservation


async def available_one_by_one(harness: Harness, *workers: str) -> None:
    """Makes the workers Available a second apart: the first is then idle longest."""
    for worker in workers:
        await set_activity(harness.client, worker, "Available")
        harness.clock.advance(dt.timedelta(seconds=1))


# Bots.


def greeter_bot(display_name: str = "greeter", **definition: Any) -> bot_pb2.Bot:
    """A bot that greets and ends (`definition` fields replace its initial_state and states)."""
    definition.setdefault("initial_state", "greet")
    definition.setdefault(
        "states",
        [
            bot_pb2.BotState(
                name="greet", send_message=bot_pb2.SendMessageStep(body="Hello!", next="bye")
            ),
            bot_pb2.BotState(name="bye", end=bot_pb2.EndStep()),
        ],
    )
    return bot_pb2.Bot(display_name=display_name, definition=bot_pb2.BotDefinition(**definition))


async def new_bot(rd: Client, bot: bot_pb2.Bot | None = None) -> bot_pb2.Bot:
    request = bot_service_pb2.CreateBotRequest(bot=bot or greeter_bot())
    return (await rd.bots.CreateBot(request)).bot


async def create_flow(rd: Client, flow: flow_pb2.Flow) -> flow_pb2.Flow:
    return (await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))).flow


def bot_flow(bot: str, contact_identity: str = "+15550100") -> flow_pb2.Flow:
    """An enabled SMS flow whose new conversations run `bot`."""
    return flow_pb2.Flow(
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        contact_identity=contact_identity,
        enabled=True,
        bot=flow_pb2.BotIntegration(bot=bot),
    )


def survey_flow(bot: str, contact_identity: str = "+15550200") -> flow_pb2.Flow:
    """A task flow (SMS, the default workflow) that runs `bot` after each task completes."""
    flow = task_flow(contact_identity)
    flow.task.after_task_bot = bot
    return flow


async def get_execution(rd: Client, name: str) -> execution_pb2.Execution:
    request = bot_service_pb2.GetExecutionRequest(name=name)
    return (await rd.bots.GetExecution(request)).execution


async def all_executions(rd: Client, **filters: Any) -> list[execution_pb2.Execution]:
    """Every execution of every bot (or of `parent`), oldest first, with `filters`."""
    request = bot_service_pb2.ListExecutionsRequest(page_size=1000, **filters)
    return list((await rd.bots.ListExecutions(request)).executions)


# A customer writing in through a gateway.

_external_ids = itertools.count(1)


async def customer_writes(
    rd: Client,
    body: str = "hi",
    *,
    customer: str = "+15551234",
    contact: str = "+15550100",
    channel_type: int = common_pb2.CHANNEL_TYPE_SMS,
    **fields: Any,
) -> gateway_service_pb2.DeliverInboundResponse:
    """DeliverInbound of one message from `customer` to `contact` (over SMS unless told),
    with a fresh `external_id` unless `fields` name one."""
    fields.setdefault("external_id", f"inbound-{next(_external_ids)}")
    request = gateway_service_pb2.DeliverInboundRequest(
        channel_type=channel_type,  # type: ignore[arg-type]
        customer_address=customer,
        contact_identity=contact,
        body=body,
        **fields,
    )
    response: gateway_service_pb2.DeliverInboundResponse = await rd.gateway.DeliverInbound(request)
    return response


# A TCP proxy in front of a server: connections a test can starve or cut.


class TcpProxy:
    """A real TCP proxy on 127.0.0.1 (an ephemeral port) in front of `upstream`
    (HOST:PORT). `hold_replies()` stops passing the server's bytes back on the open
    connections (requests still get through: the server acts, the client hears
    nothing); `cut()` drops the open connections at once. A new connection passes
    normally, to `upstream` as it is then (set it after a restart on another port);
    while the upstream refuses, so does the proxy. `connections` counts the
    connections the proxy accepted."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.connections = 0
        self._links: dict[asyncio.StreamWriter, asyncio.StreamWriter] = {}
        self._held: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> TcpProxy:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self

    @property
    def target(self) -> str:
        assert self._server is not None, "start() the proxy first"
        return f"127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        host, port = self.upstream.rsplit(":", 1)
        try:
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            _drop(writer)
            return
        self._links[writer] = up_writer
        try:
            await asyncio.gather(
                self._pump(reader, up_writer, replies_to=None),
                self._pump(up_reader, writer, replies_to=writer),
            )
        finally:
            self._links.pop(writer, None)
            self._held.discard(writer)
            _drop(writer)
            _drop(up_writer)

    async def _pump(
        self,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
        replies_to: asyncio.StreamWriter | None,
    ) -> None:
        try:
            while data := await source.read(65536):
                if replies_to is None or replies_to not in self._held:
                    sink.write(data)
                    await sink.drain()
        except OSError:
            pass
        finally:  # one side is gone: so is the other
            _drop(sink)

    def hold_replies(self) -> None:
        self._held.update(self._links)

    def cut(self) -> None:
        for client, server in list(self._links.items()):
            _drop(client)
            _drop(server)

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        self.cut()
        await self._server.wait_closed()


def _drop(writer: asyncio.StreamWriter) -> None:
    """Closes a connection at once (a reset, not a goodbye)."""
    writer.transport.abort()
    writer.close()


# A local HTTP service: a real server on loopback standing in for what relaydesk calls
# (webhook receivers, the services bots call).


@dataclasses.dataclass(frozen=True)
class HttpReply:
    """An answer of the local HTTP service: a status, and a body sent as it is."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def json(cls, value: Any, status: int = 200) -> HttpReply:
        return cls(status, json.dumps(value).encode())


@dataclasses.dataclass(frozen=True)
class HttpRequest:
    """A request the local HTTP service received."""

    method: str
    path: str  # with its query string, if any
    headers: dict[str, str]  # names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class HttpService:
    """A real HTTP server on 127.0.0.1 (an ephemeral port, its own thread). It answers
    each request by method and path with the replies `answer` gave that route, in order
    (the last one repeats; a route without replies is 404), and hands every request to
    the test, in order of arrival, before answering it (`next`, or `requests`). A route
    that is `hold`-ing keeps its requests waiting until the test lets them go."""

    WAIT = 10  # seconds: an upper bound on waiting for a request, never a pause

    def __init__(self, loop: asyncio.AbstractEventLoop, port: int = 0) -> None:
        """`port`: 0 for an ephemeral one, or the port of a service that was closed (a
        receiver back after an outage, at the same address)."""
        self.requests: asyncio.Queue[HttpRequest] = asyncio.Queue()
        self._replies: dict[tuple[str, str], list[HttpReply]] = {}
        self._gates: dict[tuple[str, str], threading.Event] = {}
        service = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = HttpRequest(
                    self.command,
                    self.path,
                    {name.lower(): value for name, value in self.headers.items()},
                    self.rfile.read(length),
                )
                loop.call_soon_threadsafe(service.requests.put_nowait, request)
                route = (self.command, urlsplit(self.path).path)
                gate = service._gates.get(route)
                if gate is not None:
                    gate.wait(service.WAIT)
                replies = service._replies.get(route) or [HttpReply(404)]
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
                self.send_response(reply.status)
                if reply.body:
                    self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_one

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), daemon=True
        )
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self._server.server_port}{path}"

    @property
    def port(self) -> int:
        port: int = self._server.server_port
        return port

    def answer(self, method: str, path: str, *replies: HttpReply | int) -> None:
        """Answers `method path` with `replies` in order (a number is a status, no body)."""
        assert replies
        self._replies[(method, path)] = [HttpReply(r) if isinstance(r, int) else r for r in replies]

    def hold(self, method: str, path: str) -> threading.Event:
        """Keeps that route's requests waiting (at most WAIT) until the event returned is set."""
        gate = self._gates[(method, path)] = threading.Event()
        return gate

    async def next(self) -> HttpRequest:
        async with asyncio.timeout(self.WAIT):
            return await self.requests.get()

    def close(self) -> None:
        for gate in self._gates.values():
            gate.set()
        self._server.shutdown()
        self._server.server_close()


# The agent example every client language ships (clients/<lang>/examples/agent),
# driven through one conversation.

EXAMPLE_CONTACT = "+15550142"
EXAMPLE_CUSTOMER = "+15557654"
EXAMPLE_QUESTION = "Hello, my parcel has not arrived yet."
EXAMPLE_REPLY = "Sorry to hear that: I am looking into it right now."


@dataclasses.dataclass(frozen=True)
class Agent:
    """A worker for a fresh agent identity, and an access token for that agent."""

    identity: str
    worker: str
    token: str


async def new_agent(rd: Client, prefix: str = "agent") -> Agent:
    """A worker (offline) for a new identity `{prefix}-N`, and its agent token."""
    identity = f"{prefix}-{next(_external_ids)}"
    worker = await new_worker(rd, identity)
    return Agent(identity, worker, await access_token(rd, identity, common_pb2.ROLE_AGENT))


async def agent_with_sms_flow(
    rd: Client, contact: str = EXAMPLE_CONTACT, prefix: str = "example-agent"
) -> Agent:
    """An enabled SMS flow on `contact` whose tasks go to a queue of their own, and a
    new agent (offline) who may serve that queue: a customer's SMS to `contact` is
    offered to that agent once it is Available."""
    workflow = await routing_to(rd, display_name=f"queue for {contact}")
    await create_flow(
        rd,
        flow_pb2.Flow(
            display_name=f"support on {contact}",
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            contact_identity=contact,
            enabled=True,
            task=flow_pb2.TaskIntegration(workflow=workflow),
        ),
    )
    return await new_agent(rd, prefix)


async def agent_example_completes_a_conversation(
    harness: Harness, command: list[str], *, cwd: Path, within: float = 120
) -> str:
    """Runs an agent example (`command`, in `cwd`) as an agent of a fresh worker, sends
    it a customer's SMS once it is Available, and checks that it replies to the
    customer, through the gateway, and completes the task. The example is told its
    server, token and reply by RELAYDESK_SERVER, RELAYDESK_TOKEN and RELAYDESK_REPLY.
    Returns what the example printed."""
    rd = harness.client
    agent = await agent_with_sms_flow(rd)
    worker, token = agent.worker, agent.token
    outbound = open_outbound(rd, common_pb2.CHANNEL_TYPE_SMS)
    worker_updates = subscribe(rd, types=[event_pb2.EVENT_TYPE_WORKER_UPDATED])
    await worker_updates.initial_metadata()  # the stream is live from here on
    env = {
        **os.environ,
        "RELAYDESK_SERVER": harness.target,
        "RELAYDESK_TOKEN": token,
        "RELAYDESK_REPLY": EXAMPLE_REPLY,
    }
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    printed = asyncio.ensure_future(process.communicate())
    try:
        async with asyncio.timeout(within):
            while True:
                response = await worker_updates.read()
                assert response is not grpc.aio.EOF, "the admin's event stream ended"
                updated = response.event.worker
                if updated.name == worker and updated.available:
                    break
            await customer_writes(
                rd, EXAMPLE_QUESTION, customer=EXAMPLE_CUSTOMER, contact=EXAMPLE_CONTACT
            )
            delivery = await next_delivery(outbound, within=within)
            await ack(rd, delivery.id)
            output = (await printed)[0].decode()
    except TimeoutError as timeout:
        process.kill()
        output = (await printed)[0].decode()
        raise AssertionError(
            f"the example did not finish in {within} s; it printed:\n{output}"
        ) from timeout
    finally:
        worker_updates.cancel()
        outbound.cancel()
    assert process.returncode == 0, f"the example failed; it printed:\n{output}"
    assert delivery.body == EXAMPLE_REPLY, output
    assert delivery.customer_address == EXAMPLE_CUSTOMER, output
    # Every example says when it is Available, what the customer wrote, and the task it completed.
    assert "Available" in output, output
    assert EXAMPLE_QUESTION in output, f"the example did not print the message:\n{output}"
    assert "completed tasks/" in output, output
    tasks = await all_tasks(rd, worker=worker)
    assert [task.status for task in tasks] == [task_pb2.TASK_STATUS_COMPLETED], output
    return output


# The command-line tools the project installs (scripts/gen-tools.sh, `make tools`).

TOOLS_BIN = Path(__file__).resolve().parents[1] / ".tools" / "bin"


def installed_tool(name: str) -> str:
    """The path of a tool in .tools/bin, failing clearly when `make tools` has not run."""
    path = TOOLS_BIN / name
    assert path.is_file(), f"{path} is missing: `make tools` installs it"
    return str(path)


async def run_command(
    *argv: str, within: float = 120, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """Runs a command to its end (at most `within` seconds): exit code, stdout, stderr."""
    process = await asyncio.create_subprocess_exec(
        *argv, cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(within):
            out, err = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def toolchain(name: str, needed_for: str) -> str:
    """The path of `name` on PATH; fails the test (never skips it) when it is missing."""
    executable = shutil.which(name)
    if executable is None:
        pytest.fail(f"`{name}` is not on PATH: {needed_for}")
    return executable


async def build_step(
    *argv: str, cwd: Path, within: float, env: dict[str, str] | None = None
) -> None:
    """Runs one step of building a client; fails the test with its output if it fails."""
    shown = " ".join([Path(argv[0]).name, *argv[1:]])
    try:
        code, out, err = await run_command(*argv, within=within, cwd=cwd, env=env)
    except TimeoutError:
        pytest.fail(f"`{shown}` took more than {within} s")
    assert code == 0, f"`{shown}` failed:\n{out}{err}"


# `relaydesk serve` as a child process: what the fault suite kills, stops and starves.

SERVE_COMMAND = [sys.executable, "-m", "relaydesk_server.cli", "serve"]
SERVE_READY = "relaydesk is serving"


class ServeProcess:
    """`relaydesk serve --listen 127.0.0.1:0 --data-dir DIR FLAGS…` as a real process.
    `start()` waits for its JSON "serving" line and takes the port from it; its output
    is read to the end as it comes (kept in `logs`, parsed), so it never blocks on a
    full pipe. RELAYDESK_* variables of the test's environment are left out: the
    server runs with its defaults and the given flags only."""

    START_WITHIN = 30  # seconds
    STOP_WITHIN = 30

    def __init__(self, data_dir: Path, *flags: str) -> None:
        self.data_dir = data_dir
        self.flags = flags
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0
        self.logs: list[dict[str, Any]] = []
        self._logged = asyncio.Condition()
        self._reader: asyncio.Task[None] | None = None

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def admin_key(self) -> str:
        return (self.data_dir / "admin.key").read_text().strip()

    @property
    def db_path(self) -> Path:
        return self.data_dir / "relaydesk.db"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def start(self) -> ServeProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RELAYDESK_")}
        self.logs = []
        self.process = await asyncio.create_subprocess_exec(
            *SERVE_COMMAND,
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            str(self.data_dir),
            "--log-format",
            "json",
            *self.flags,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert self.process.stderr is not None
        self._reader = asyncio.ensure_future(self._read(self.process.stderr))
        ready = await self.logged(SERVE_READY, within=self.START_WITHIN)
        self.port = int(ready["port"])
        return self

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            try:
                entry = json.loads(line)
            except ValueError:
                entry = {"message": line.decode(errors="replace").rstrip()}
            if not isinstance(entry, dict):
                entry = {"message": str(entry)}
            async with self._logged:
                self.logs.append(entry)
                self._logged.notify_all()
        async with self._logged:
            self._logged.notify_all()

    async def logged(self, message: str, within: float = 30) -> dict[str, Any]:
        """The first log entry whose message is `message`, waiting for it at most `within`
        seconds; fails with the process's last output when it exits first."""

        def found() -> dict[str, Any] | None:
            return next((e for e in self.logs if e.get("message") == message), None)

        async with asyncio.timeout(within), self._logged:
            while (entry := found()) is None:
                if self._reader is not None and self._reader.done():
                    raise AssertionError(
                        f"the server ended before logging {message!r}: {self.last_output()}"
                    )
                await self._logged.wait()
        return entry

    def last_output(self, lines: int = 20) -> str:
        return "\n".join(json.dumps(e) for e in self.logs[-lines:]) or "(none)"

    def errors(self) -> list[dict[str, Any]]:
        """The log entries at level error (an unhandled error in a call logs one)."""
        return [e for e in self.logs if e.get("level") in ("error", "critical")]

    async def kill(self) -> None:
        """SIGKILL: no shutdown path runs; only what was committed is on disk."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.kill()
        await self.wait()

    async def wait(self, within: float | None = None) -> int:
        """The process's exit status, once it has exited (within `within` seconds)."""
        assert self.process is not None
        async with asyncio.timeout(within or self.STOP_WITHIN):
            code = await self.process.wait()
            if self._reader is not None:
                await self._reader
        return code

    def terminate(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)

    def memory_kib(self) -> tuple[int, int]:
        """Resident memory now and at its peak (VmRSS, VmHWM), in KiB, from /proc."""
        fields: dict[str, int] = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0])
        return fields["VmRSS"], fields["VmHWM"]

    async def close(self) -> None:
        """Kills the process if it still runs (a test's `finally`)."""
        if self.process is not None and self.process.returncode is None:
            await self.kill()
        elif self._reader is not None and not self._reader.done():
            self._reader.cancel()


def integrity_check(db_path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a relaydesk database, opened read-only (as it is on
    disk, its WAL included): ["ok"] when sound."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


async def health_status(target: str, service: str = "") -> int:
    """The gRPC health status (a HealthCheckResponse.ServingStatus) of a server."""
    async with grpc.aio.insecure_channel(target) as channel:
        response = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=service), timeout=10
        )
    status: int = response.status
    return status


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` percentile (0.99: p99) of `values`, by nearest rank."""
    ordered = sorted(values)
    assert ordered, "no values"
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def log_head(rd: Client, within: float = 20) -> int:
    """The event log's head as the server says it: the sequence of the first heartbeat of
    a live stream (start the server with a short heartbeat interval)."""
    call = subscribe(rd)
    try:
        async with asyncio.timeout(within):
            while True:
                response = await call.read()
                assert response is not grpc.aio.EOF, "the event stream ended"
                if response.event.type == event_pb2.EVENT_TYPE_HEARTBEAT:
                    sequence: int = response.event.sequence
                    return sequence
    finally:
        call.cancel()


# gRPC channel options for clients of a server that a test kills and restarts: reconnect
# within a fraction of a second of it being back, however often it went away before.
QUICK_RECONNECT = (
    ("grpc.initial_reconnect_backoff_ms", 50),
    ("grpc.min_reconnect_backoff_ms", 50),
    ("grpc.max_reconnect_backoff_ms", 500),
)


# Several servers on one database.


def encode_sequence(sequence: int, now: dt.datetime, event: object) -> bytes:
    """An event encoder for tests of the store alone: an event's bytes are its sequence."""
    return str(sequence).encode()


def log_channel_events(count: int) -> Callable[[StoreTransaction], list[int]]:
    """A write logging `count` CHANNEL_UPDATED events of one new channel; it returns
    their sequences (a store opened with `encode_sequence` or the server's encoder)."""

    def write(tx: StoreTransaction) -> list[int]:
        now = tx.now()
        channel = Channel(tx.new_id(CHANNEL), ChannelSpec(), ChannelState.ACTIVE, now, now)
        for _ in range(count):
            tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, channel))
        return [event.sequence for event in tx.events.pending[-count:]]

    return write


@dataclasses.dataclass
class Cluster:
    """Servers sharing one database, each with an admin client, on one manual clock."""

    servers: list[RelaydeskServer]
    clients: list[Client]
    admin_key: str
    clock: ManualClock

    @property
    def targets(self) -> list[str]:
        return [f"127.0.0.1:{server.port}" for server in self.servers]

    stopped: set[int] = dataclasses.field(default_factory=set)

    async def stop_server(self, number: int) -> None:
        """Stops one server (at once) and closes its client."""
        self.stopped.add(number)
        await self.clients[number].close()
        await self.servers[number].stop(grace=None)

    async def stop(self) -> None:
        for number in range(len(self.servers)):
            if number not in self.stopped:
                await self.stop_server(number)


async def start_cluster(
    tmp_path: Path, database_url: str, count: int = 3, **options: Any
) -> Cluster:
    """`count` servers on `database_url`, one after the other: the first makes the admin
    key (in its data directory), which all the clients use; the default workflow exists."""
    clock = ManualClock()
    servers: list[RelaydeskServer] = []
    for number in range(count):
        servers.append(
            await start_server(
                tmp_path / f"server{number}", clock, database_url=database_url, **options
            )
        )
    admin_key = servers[0].admin_key_path.read_text().strip()
    clients = [client_for(f"127.0.0.1:{server.port}", admin_key) for server in servers]
    await create_default_workflow(clients[0])
    return Cluster(servers, clients, admin_key, clock)
