"""Outages of what relaydesk delivers to, on the server's clock (a ManualClock: minutes
pass in moments, and nothing waits on real time):

- a gateway adapter (a real process on GatewayService.StreamOutbound) is killed with
  SIGKILL while it holds delivery leases; what it held goes to another adapter once the
  leases run out, and every message leaves, at least once, in per-channel order;
- a webhook receiver is down (connection refused) for minutes while conversations go
  on; once it is back, every event of those conversations reaches it, at least once,
  each channel's in order."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from collections import defaultdict
from typing import Any

import pytest

from relaydesk.v1 import common_pb2, event_pb2, flow_pb2
from tests.conftest import HarnessFactory
from tests.faults.conftest import Figures, Size
from tests.support import (
    Harness,
    HttpService,
    ack,
    create_flow,
    customer_writes,
    events_until_idle,
    log_head,
    messages,
    next_delivery,
    open_outbound,
    send,
    subscribe,
    task_flow,
)

pytestmark = pytest.mark.faults

SMS = common_pb2.CHANNEL_TYPE_SMS
LEASE = dt.timedelta(seconds=30)  # the server's delivery lease
PER_CHANNEL = 5
WAIT = 20  # seconds: an upper bound on waiting, never a pause

# A gateway adapter: takes SMS deliveries and prints each one, and never acknowledges.
ADAPTER = """
import asyncio, json, sys
from relaydesk.client import connect
from relaydesk.v1 import common_pb2, gateway_service_pb2

async def main():
    async with connect(sys.argv[1], sys.argv[2]) as rd:
        request = gateway_service_pb2.StreamOutboundRequest(
            channel_types=[common_pb2.CHANNEL_TYPE_SMS]
        )
        async for response in rd.gateway.StreamOutbound(request):
            d = response.delivery
            print(json.dumps({"message": d.message, "attempt": d.attempt}), flush=True)

asyncio.run(main())
"""


async def test_a_gateway_adapter_killed_mid_lease_loses_nothing(
    harness_factory: HarnessFactory, size: Size, figures: Figures
) -> None:
    harness = await harness_factory(channel_message_burst=10_000)
    rd = harness.client
    await create_flow(rd, task_flow("+15550180"))
    channels = []
    for n in range(size.conversations):
        inbound = await customer_writes(rd, customer=f"+1555800{n:04d}", contact="+15550180")
        channels.append(inbound.channel)
    sent: dict[str, list[str]] = {c: [] for c in channels}
    for i in range(PER_CHANNEL):
        for channel in channels:
            sent[channel].append((await send(rd, channel, f"reply {i}")).name)

    adapter = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        ADAPTER,
        harness.target,
        harness.admin_key,
        stdout=asyncio.subprocess.PIPE,
    )
    live = None
    try:
        assert adapter.stdout is not None
        held: list[dict[str, object]] = []
        async with asyncio.timeout(WAIT):
            while len(held) < len(channels):  # each channel's first reply, leased to it
                held.append(json.loads(await adapter.stdout.readline()))
        adapter.kill()  # mid-lease: nothing acknowledged, the connection just dies
        await adapter.wait()
        # Written while the dead adapter's leases still run.
        for channel in channels:
            sent[channel].append((await send(rd, channel, "while it was gone")).name)

        live = open_outbound(rd, SMS)
        received: dict[str, list[str]] = defaultdict(list)
        attempts: dict[str, int] = {}
        expected = sum(len(names) for names in sent.values())
        await harness.running.outbound.dispatch_once()  # nothing is free to lease yet
        harness.clock.advance(LEASE)  # the leases run out
        while sum(len(v) for v in received.values()) < expected:
            delivery = await next_delivery(live, within=WAIT)
            channel = delivery.message.rsplit("/messages/", 1)[0]
            received[channel].append(delivery.message)
            attempts[delivery.message] = delivery.attempt
            await ack(rd, delivery.id)
    finally:
        if adapter.returncode is None:
            adapter.kill()
            await adapter.wait()
        if live is not None:
            live.cancel()

    assert {h["message"] for h in held} == {names[0] for names in sent.values()}
    for channel, names in sent.items():
        assert received[channel] == names, f"{channel}: out of order or missing"
        stored = await messages(rd, channel)
        assert all(
            m.delivery.status == common_pb2.DELIVERY_STATUS_DELIVERED
            for m in stored
            if m.name in names
        )
    assert all(attempts[str(h["message"])] == 2 for h in held)
    figures(
        conversations=len(channels),
        deliveries=expected,
        held_by_the_dead_adapter=len(held),
        redelivered_after_the_lease=sum(1 for a in attempts.values() if a > 1),
    )


HOOK = "/hook"


async def advance(harness: Harness, by: dt.timedelta) -> None:
    """Moves the server's clock on, and returns once the webhook sender has tried every
    posting then due and recorded how it went (no posting is due any more)."""
    harness.clock.advance(by)
    running = harness.running
    async with asyncio.timeout(WAIT):
        while True:
            due = await running.store.read(lambda tx: tx.webhooks.next_due())
            if due is None or due > harness.clock.now():
                return
            await running.webhooks.settled()


async def test_a_webhook_receiver_down_for_minutes_gets_every_event_afterwards(
    harness_factory: HarnessFactory, http_service: HttpService, size: Size, figures: Figures
) -> None:
    harness = await harness_factory(
        channel_message_burst=10_000, heartbeat_interval=dt.timedelta(milliseconds=200)
    )
    rd = harness.client
    http_service.answer("POST", HOOK, 200)
    port = http_service.port
    await create_flow(
        rd,
        flow_pb2.Flow(
            display_name="hooked",
            channel_type=SMS,
            contact_identity="+15550190",
            enabled=True,
            webhook=flow_pb2.WebhookIntegration(url=http_service.url(HOOK), retry_count=10),
        ),
    )
    http_service.close()  # down: connections are refused from here on
    head_before = await log_head(rd)
    step = dt.timedelta(seconds=5)
    outage = dt.timedelta(0)
    channels: set[str] = set()
    # Conversations go on while the receiver is down, spread over the outage.
    for n in range(size.conversations):
        for i in range(3):
            inbound = await customer_writes(
                rd, f"hello {i}", customer=f"+1555700{n:04d}", contact="+15550190"
            )
            channels.add(inbound.channel)
            await send(rd, inbound.channel, f"reply {i}")
        await advance(harness, step)
        outage += step
    while outage < size.webhook_outage:
        await advance(harness, step)
        outage += step
    assert http_service.requests.empty()

    receiver = HttpService(asyncio.get_running_loop(), port)  # back, at the same address
    try:
        receiver.answer("POST", HOOK, 200)
        replay = subscribe(rd, after_sequence=head_before)
        try:
            wanted = [
                e
                for e in await events_until_idle(replay, await log_head(rd))
                if e.type != event_pb2.EVENT_TYPE_TYPING
            ]
        finally:
            replay.cancel()
        expected = {e.sequence for e in wanted}
        arrivals: list[tuple[int, str]] = []  # (sequence, channel), in order of arrival
        recovery = dt.timedelta(0)
        while {s for s, _ in arrivals} != expected:
            assert recovery <= dt.timedelta(minutes=15), "postings were given up"
            await advance(harness, step)
            recovery += step
            while not receiver.requests.empty():
                event = json.loads((await receiver.next()).body)
                arrivals.append((int(event["sequence"]), event_channel(event)))
    finally:
        receiver.close()

    assert {c for _, c in arrivals} == channels
    per_channel: dict[str, list[int]] = defaultdict(list)
    for sequence, channel in arrivals:
        per_channel[channel].append(sequence)
    in_arrival_order = sum(1 for s in per_channel.values() if s == sorted(s))
    figures(
        outage=str(size.webhook_outage),
        conversations=len(channels),
        events=len(expected),
        postings_received=len(arrivals),
        duplicates=len(arrivals) - len(expected),
        recovered_within=str(recovery),
        channels_in_arrival_order=f"{in_arrival_order}/{len(per_channel)}",
    )
    # Every event of each channel arrived, in the channel's order.
    for channel, sequences in per_channel.items():
        assert sequences == sorted(sequences), channel
        assert sorted(set(sequences)) == sorted(
            e.sequence for e in wanted if event_channel_of(e) == channel
        ), channel


def event_channel(event: dict[str, Any]) -> str:
    """The channel a posted event (its JSON) is about."""
    if "channel" in event:
        return str(event["channel"]["name"])
    for key in ("message", "member"):
        if key in event:
            return "/".join(str(event[key]["name"]).split("/")[:2])
    for key in ("session", "task", "execution"):
        if key in event:
            return str(event[key]["channel"])
    raise AssertionError(f"an event without a channel: {sorted(event)}")


def event_channel_of(event: event_pb2.Event) -> str:
    payload = event.WhichOneof("payload")
    if payload == "channel":
        return event.channel.name
    if payload in ("message", "member"):
        return "/".join(getattr(event, payload).name.split("/")[:2])
    if payload in ("session", "task", "execution"):
        return str(getattr(event, payload).channel)
    raise AssertionError(f"an event without a channel: {payload}")
