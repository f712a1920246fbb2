"""The measurements: each figure once against relaydesk and once against the bare server,
with the same client code (ghz for unary calls), channel settings, payload sizes and counts."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
import math
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import grpc
import grpc.aio
import httpx
from prometheus_client.parser import text_string_to_metric_families

from benchmarks import ghz, payloads
from benchmarks.bare_server import PUBLISH, SERVICE, SUBSCRIBE, publish_request
from benchmarks.children import ChildServer, Memory
from benchmarks.ghz import Calls
from benchmarks.load import (
    CpuMeter,
    CpuUse,
    FanOut,
    StepFailed,
    SubscribeCall,
    Subscribers,
    fan_out,
    paced,
    percentile,
)
from benchmarks.routing import FULL_ROUTING, QUICK_ROUTING, RoutingSettings
from relaydesk.v1 import (
    channel_pb2,
    channel_service_pb2,
    channel_service_pb2_grpc,
    common_pb2,
    event_pb2,
    event_service_pb2,
    event_service_pb2_grpc,
    flow_pb2,
    flow_service_pb2,
    flow_service_pb2_grpc,
    queue_pb2,
    workflow_pb2,
    workforce_service_pb2,
    workforce_service_pb2_grpc,
)

Metadata = Sequence[tuple[str, str]]
SubscribeResponse = event_service_pb2.SubscribeResponse
Unary = grpc.aio.UnaryUnaryMultiCallable[bytes, bytes]  # a bare call: bytes in and out

# SendMessage allows each channel 30 messages/s in bursts of 150 (RESOURCE_EXHAUSTED
# beyond). The benchmarks measure the server, not that policy, so they keep every channel
# within it: a fixed-count measurement puts at most this many messages in one channel,
# leaving the rest of the burst for warm-up messages...
_MESSAGES_PER_CHANNEL = 100
# ...a paced one at most this many per second...
_PACED_RATE_PER_CHANNEL = 20.0
# ...and ghz spreads the throughput calls over this many: it takes the entries of a data
# array in turn (call n gets entry n mod the array's length), so each channel gets an
# equal share, which allows 256 * 30/s = 7,680 calls/s sustained, on top of the bursts.
SEND_CHANNELS = 256

# The SMS number the DeliverInbound figure's flow answers on.
INBOUND_CONTACT = "+15550100"

# The bare side sends an authorization header of the same size as relaydesk's
# ("Bearer " and a 47-character API key), which it ignores.
BARE_METADATA: Metadata = (("authorization", "Bearer " + "0" * 47),)


@dataclasses.dataclass(frozen=True)
class Settings:
    label: str
    unary_rounds: int  # unary figures (ghz): rounds, each side in turn
    rounds: int  # fan-out figures: rounds, alternating baseline and relaydesk
    warm_up_s: float  # of each unary round: a ghz run not counted
    duration_s: float  # of each unary round: the ghz run counted
    fan_out: tuple[tuple[int, int], ...]  # (subscribers, messages) per fan-out figure
    latency_s: float
    delivery_timeout_s: float  # longest wait for a fan-out or latency run's deliveries
    establish_timeout_s: float  # longest wait for every Subscribe stream to be live
    concurrency: int = 64  # unary calls ghz keeps in flight, all on one connection
    senders: int = 16  # concurrent SendMessage callers feeding relaydesk's fan-out
    per_channel: int = 50  # Subscribe streams per grpc.aio channel
    latency_subscribers: int = 100
    latency_rate: float = 200.0  # messages/s
    idle_subscribers: int = 10_000
    idle_s: float = 30.0  # the idle window measured: two heartbeat intervals (15 s)
    idle_establish_timeout_s: float = 120.0
    routing: RoutingSettings = FULL_ROUTING


FULL = Settings(
    label="full",
    unary_rounds=5,
    rounds=3,
    warm_up_s=1.0,
    duration_s=4.0,
    fan_out=((100, 1000), (1000, 150)),
    latency_s=10.0,
    delivery_timeout_s=40.0,
    establish_timeout_s=30.0,
)
QUICK = Settings(
    label="quick",
    unary_rounds=1,
    rounds=1,
    warm_up_s=0.5,
    duration_s=2.0,
    fan_out=((100, 300), (1000, 50)),
    latency_s=3.0,
    delivery_timeout_s=15.0,
    establish_timeout_s=20.0,
    idle_subscribers=1000,
    idle_s=3.0,
    idle_establish_timeout_s=30.0,
    routing=QUICK_ROUTING,
)


@dataclasses.dataclass(frozen=True)
class Latency:
    samples: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    max_late_ms: float  # how far behind its schedule the worst send started
    cpu: CpuUse


@dataclasses.dataclass(frozen=True)
class Scraped:
    """What relaydesk's /metrics said: SendMessage calls answered OK, and the writer's
    batches (how many, the writes they held, their BEGIN-to-COMMIT time)."""

    send_ok: float
    batches: float
    writes: float
    commit_s: float


@dataclasses.dataclass(frozen=True)
class IdleMemory:
    before: Memory  # the server before any subscriber
    after: Memory  # with every subscriber connected and idle
    idle_cores: float  # the server's CPU while they are idle (heartbeats only), in cores

    @property
    def growth_mib(self) -> float:
        return self.after.rss_mib - self.before.rss_mib


# -- shared procedures ------------------------------------------------------------------


async def _latency(
    server: ChildServer,
    open_stream: Callable[[grpc.aio.Channel], SubscribeCall],
    warm_up: Callable[[int], Awaitable[object]],
    send_stamped: Callable[[int], Coroutine[Any, Any, object]],
    settings: Settings,
) -> Latency:
    """Sends stamped messages at a steady rate; every subscriber records, for each one it
    receives, the time from just before the send to its arrival."""
    samples: list[int] = []

    def record(body: str) -> None:
        sent = payloads.sent_ns_of(body)
        if sent is not None:
            samples.append(time.monotonic_ns() - sent)

    count = round(settings.latency_rate * settings.latency_s)
    meter = CpuMeter(server.cpu_seconds)
    async with Subscribers(
        server.target,
        settings.latency_subscribers,
        open_stream,
        per_channel=settings.per_channel,
        on_body=record,
    ) as subscribers:
        await subscribers.establish(warm_up, timeout_s=settings.establish_timeout_s)
        subscribers.tally.expect_more(count)
        meter.start()
        pacing = await paced(send_stamped, rate=settings.latency_rate, count=count)
        delivered = await subscribers.tally.wait(settings.delivery_timeout_s)
        meter.stop()
        if not delivered:
            raise StepFailed(
                f"only {len(samples):,} of {count * settings.latency_subscribers:,} "
                f"deliveries arrived within {settings.delivery_timeout_s:.0f} s of the last send"
            )
    samples.sort()
    return Latency(
        samples=len(samples),
        p50_ms=percentile(samples, 0.50) / 1e6,
        p99_ms=percentile(samples, 0.99) / 1e6,
        max_ms=samples[-1] / 1e6,
        max_late_ms=pacing.max_late_ms,
        cpu=meter.use(),
    )


async def _idle_memory(
    server: ChildServer,
    open_stream: Callable[[grpc.aio.Channel], SubscribeCall],
    publish_one: Callable[[int], Awaitable[object]],
    settings: Settings,
) -> IdleMemory:
    """The server's memory before and after `idle_subscribers` streams are open; each has
    received one message (which shows it is live) and is then left idle."""
    await publish_one(0)  # with no subscriber yet: the publishing path is warm on both sides
    before = server.memory()
    async with Subscribers(
        server.target, settings.idle_subscribers, open_stream, per_channel=settings.per_channel
    ) as subscribers:
        await subscribers.establish(publish_one, timeout_s=settings.idle_establish_timeout_s)
        meter = CpuMeter(server.cpu_seconds)
        meter.start()
        await asyncio.sleep(settings.idle_s)  # the window measured, not synchronisation
        meter.stop()
        after = server.memory()
    return IdleMemory(before, after, meter.use().server_cores)


# -- the bare server --------------------------------------------------------------------


def _bare_open_stream() -> Callable[[grpc.aio.Channel], SubscribeCall]:
    request = payloads.subscribe_request().SerializeToString()

    def open_stream(channel: grpc.aio.Channel) -> SubscribeCall:
        # Subscribers parse what they receive, as relaydesk's subscribers do.
        subscribe: grpc.aio.UnaryStreamMultiCallable[bytes, SubscribeResponse]
        subscribe = channel.unary_stream(
            SUBSCRIBE, response_deserializer=SubscribeResponse.FromString
        )
        call: SubscribeCall = subscribe(request, metadata=BARE_METADATA)
        return call

    return open_stream


async def _ghz_round(
    server: ChildServer, load: Callable[[], ghz.Load], settings: Settings
) -> Calls:
    """A ghz run of `warm_up_s`, not counted, then the counted one of `duration_s`; each
    run gets its own `load()`."""

    async def drive(duration_s: float) -> Calls:
        return await ghz.drive(
            server.target,
            load(),
            concurrency=settings.concurrency,
            duration_s=duration_s,
            server_cpu=server.cpu_seconds,
        )

    await drive(settings.warm_up_s)
    return await drive(settings.duration_s)


def bare_load(method: str) -> ghz.Load:
    """A bare unary method's calls: a Payload holding an encoded SendMessageRequest."""
    data = {"data": base64.b64encode(payloads.echo_payload()).decode()}
    return ghz.Load(f"{SERVICE}/{method}", json.dumps(data), dict(BARE_METADATA))


async def bare_calls(server: ChildServer, method: str, settings: Settings) -> Calls:
    """One round of `method` (Echo or HopEcho)."""
    load = bare_load(method)
    return await _ghz_round(server, lambda: load, settings)


async def bare_fan_out(
    server: ChildServer, subscribers: int, messages: int, settings: Settings
) -> FanOut:
    warm_up = publish_request(1, payloads.message_added(payloads.body("warm-up")))
    burst = publish_request(messages, payloads.message_added(payloads.body()))
    async with grpc.aio.insecure_channel(server.target) as control:
        publish: Unary = control.unary_unary(PUBLISH)
        async with Subscribers(
            server.target, subscribers, _bare_open_stream(), per_channel=settings.per_channel
        ) as subscribed:
            await subscribed.establish(
                lambda _: publish(warm_up, metadata=BARE_METADATA),
                timeout_s=settings.establish_timeout_s,
            )
            return await fan_out(
                subscribed,
                lambda: publish(burst, metadata=BARE_METADATA),
                messages=messages,
                timeout_s=settings.delivery_timeout_s,
                meter=CpuMeter(server.cpu_seconds),
            )


async def bare_latency(server: ChildServer, settings: Settings) -> Latency:
    warm_up = publish_request(1, payloads.message_added(payloads.body("warm-up")))
    async with grpc.aio.insecure_channel(server.target) as control:
        publish: Unary = control.unary_unary(PUBLISH)

        async def send_stamped(index: int) -> object:
            stamped = payloads.message_added(payloads.stamped_body(time.monotonic_ns()))
            return await publish(publish_request(1, stamped), metadata=BARE_METADATA)

        return await _latency(
            server,
            _bare_open_stream(),
            lambda _: publish(warm_up, metadata=BARE_METADATA),
            send_stamped,
            settings,
        )


async def bare_idle_memory(server: ChildServer, settings: Settings) -> IdleMemory:
    warm_up = publish_request(1, payloads.message_added(payloads.body("warm-up")))
    async with grpc.aio.insecure_channel(server.target) as control:
        publish: Unary = control.unary_unary(PUBLISH)
        return await _idle_memory(
            server,
            _bare_open_stream(),
            lambda _: publish(warm_up, metadata=BARE_METADATA),
            settings,
        )


# -- relaydesk --------------------------------------------------------------------------


class RelaydeskAdmin:
    """Admin calls to a relaydesk server over one grpc.aio channel.

    The credential goes in each call's metadata rather than through relaydesk.client's
    interceptor: a client interceptor costs client CPU per call, which the bare side
    would not pay, and the ratio is meant to compare the servers.
    """

    def __init__(self, channel: grpc.aio.Channel, key: str) -> None:
        self.metadata: Metadata = (("authorization", f"Bearer {key}"),)
        self.channels = channel_service_pb2_grpc.ChannelServiceStub(channel)
        self.flows = flow_service_pb2_grpc.FlowServiceStub(channel)
        self.workforce = workforce_service_pb2_grpc.WorkforceServiceStub(channel)

    async def create_task_flow(self, contact_identity: str) -> None:
        """An enabled SMS flow on `contact_identity` whose tasks go to a queue of their own."""
        wf = workforce_service_pb2
        queue = await self.workforce.CreateQueue(
            wf.CreateQueueRequest(queue=queue_pb2.Queue(display_name="benchmark")),
            metadata=self.metadata,
        )
        workflow = await self.workforce.CreateWorkflow(
            wf.CreateWorkflowRequest(
                workflow=workflow_pb2.Workflow(
                    display_name="benchmark", default_queue=queue.queue.name
                )
            ),
            metadata=self.metadata,
        )
        flow = flow_pb2.Flow(
            display_name=f"benchmark on {contact_identity}",
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            contact_identity=contact_identity,
            enabled=True,
            task=flow_pb2.TaskIntegration(workflow=workflow.workflow.name),
        )
        await self.flows.CreateFlow(
            flow_service_pb2.CreateFlowRequest(flow=flow), metadata=self.metadata
        )

    async def create_channels(self, count: int, label: str) -> list[str]:
        async def create(index: int) -> str:
            request = channel_service_pb2.CreateChannelRequest(
                channel=channel_pb2.Channel(display_name=f"benchmark {label} {index}")
            )
            response = await self.channels.CreateChannel(request, metadata=self.metadata)
            return response.channel.name

        names: list[str] = []
        for first in range(0, count, 32):  # a few at a time
            batch = range(first, min(first + 32, count))
            names += await asyncio.gather(*(create(index) for index in batch))
        return names

    async def send(self, parent: str, body: str) -> object:
        request = channel_service_pb2.SendMessageRequest(parent=parent, body=body)
        return await self.channels.SendMessage(request, metadata=self.metadata)

    def open_stream(
        self, channel_names: Sequence[str]
    ) -> Callable[[grpc.aio.Channel], SubscribeCall]:
        request = event_service_pb2.SubscribeRequest(
            channels=channel_names, types=[event_pb2.EVENT_TYPE_MESSAGE_ADDED]
        )
        metadata = self.metadata

        def open_stream(channel: grpc.aio.Channel) -> SubscribeCall:
            events = event_service_pb2_grpc.EventServiceStub(channel)
            call: SubscribeCall = events.Subscribe(request, metadata=metadata)
            return call

        return open_stream


RelaydeskCalls = Callable[[ChildServer, str], Awaitable[Calls]]


def relaydesk_send(settings: Settings) -> RelaydeskCalls:
    """SendMessage's rounds: `make(server, key)` measures one; the first creates the
    channels, SEND_CHANNELS of them, which every round's calls take in turn."""
    loads: dict[str, ghz.Load] = {}

    async def make(server: ChildServer, key: str) -> Calls:
        if server.target not in loads:
            async with grpc.aio.insecure_channel(server.target) as channel:
                names = await RelaydeskAdmin(channel, key).create_channels(SEND_CHANNELS, "send")
            data = [{"parent": name, "body": payloads.body()} for name in names]
            loads[server.target] = ghz.Load(
                "relaydesk.v1.ChannelService/SendMessage", json.dumps(data), bearer(key)
            )
        load = loads[server.target]
        return await _ghz_round(server, lambda: load, settings)

    return make


def inbound_load(key: str) -> ghz.Load:
    """DeliverInbound of a new conversation on every call: ghz numbers the calls of a run,
    and the run's tag tells the runs apart, so each call has a customer address and an
    external id of its own."""
    tag = ghz.run_tag()
    data = {
        "channel_type": "CHANNEL_TYPE_SMS",
        "customer_address": f"+1555-{tag}-{{{{.RequestNumber}}}}",
        "contact_identity": INBOUND_CONTACT,
        "body": payloads.body(),
        "external_id": f"benchmark-{tag}-{{{{.RequestNumber}}}}",
        "display_name": "Benchmark Customer",
    }
    return ghz.Load(
        "relaydesk.v1.GatewayService/DeliverInbound",
        json.dumps(data),
        bearer(key),
        templated=True,
    )


def relaydesk_inbound(settings: Settings) -> RelaydeskCalls:
    """DeliverInbound's rounds: the first creates the SMS flow on INBOUND_CONTACT, whose
    new conversations each make a task for a queue no worker serves."""
    ready: set[str] = set()

    async def make(server: ChildServer, key: str) -> Calls:
        if server.target not in ready:
            async with grpc.aio.insecure_channel(server.target) as channel:
                await RelaydeskAdmin(channel, key).create_task_flow(INBOUND_CONTACT)
            ready.add(server.target)
        return await _ghz_round(server, lambda: inbound_load(key), settings)

    return make


def bearer(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


def fan_out_channels(messages: int) -> int:
    """How many relaydesk channels a fan-out of `messages` messages is spread over."""
    return math.ceil(messages / _MESSAGES_PER_CHANNEL)


def latency_channels(settings: Settings) -> int:
    """How many relaydesk channels the latency run's messages are spread over."""
    return math.ceil(settings.latency_rate / _PACED_RATE_PER_CHANNEL)


async def relaydesk_fan_out(
    server: ChildServer, key: str, subscribers: int, messages: int, settings: Settings
) -> FanOut:
    async with grpc.aio.insecure_channel(server.target) as control:
        relaydesk = RelaydeskAdmin(control, key)
        names = await relaydesk.create_channels(
            fan_out_channels(messages), f"fan-out {subscribers}"
        )
        warm_up, body = payloads.body("warm-up"), payloads.body()

        async def publish() -> None:
            async def sender(first: int) -> None:
                for index in range(first, messages, settings.senders):
                    await relaydesk.send(names[index % len(names)], body)

            async with asyncio.TaskGroup() as group:
                for first in range(min(settings.senders, messages)):
                    group.create_task(sender(first))

        async with Subscribers(
            server.target,
            subscribers,
            relaydesk.open_stream(names),
            per_channel=settings.per_channel,
        ) as subscribed:
            await subscribed.establish(
                lambda attempt: relaydesk.send(names[attempt % len(names)], warm_up),
                timeout_s=settings.establish_timeout_s,
            )
            return await fan_out(
                subscribed,
                publish,
                messages=messages,
                timeout_s=settings.delivery_timeout_s,
                meter=CpuMeter(server.cpu_seconds),
            )


async def relaydesk_latency(server: ChildServer, key: str, settings: Settings) -> Latency:
    async with grpc.aio.insecure_channel(server.target) as control:
        relaydesk = RelaydeskAdmin(control, key)
        names = await relaydesk.create_channels(latency_channels(settings), "latency")
        warm_up = payloads.body("warm-up")

        async def send_stamped(index: int) -> object:
            body = payloads.stamped_body(time.monotonic_ns())
            return await relaydesk.send(names[index % len(names)], body)

        return await _latency(
            server,
            relaydesk.open_stream(names),
            lambda attempt: relaydesk.send(names[attempt % len(names)], warm_up),
            send_stamped,
            settings,
        )


async def relaydesk_idle_memory(server: ChildServer, key: str, settings: Settings) -> IdleMemory:
    async with grpc.aio.insecure_channel(server.target) as control:
        relaydesk = RelaydeskAdmin(control, key)
        [name] = await relaydesk.create_channels(1, "idle")
        warm_up = payloads.body("warm-up")
        return await _idle_memory(
            server,
            relaydesk.open_stream([name]),
            lambda _: relaydesk.send(name, warm_up),
            settings,
        )


async def relaydesk_scrape(server: ChildServer) -> Scraped:
    """One scrape of a relaydesk started with --metrics-listen."""
    if server.metrics_url is None:
        raise StepFailed(f"the {server.name} server serves no metrics")
    async with httpx.AsyncClient(timeout=10.0) as http:
        response = await http.get(server.metrics_url)
    if response.status_code != 200:
        raise StepFailed(f"GET {server.metrics_url} answered {response.status_code}")
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    send = (
        ("code", "OK"),
        ("method", "relaydesk.v1.ChannelService/SendMessage"),
        ("transport", "grpc"),
    )
    return Scraped(
        send_ok=samples.get(("relaydesk_rpc_total", send), 0.0),
        batches=samples.get(("relaydesk_writer_batch_size_count", ()), 0.0),
        writes=samples.get(("relaydesk_writer_batch_size_sum", ()), 0.0),
        commit_s=samples.get(("relaydesk_writer_commit_seconds_sum", ()), 0.0),
    )
