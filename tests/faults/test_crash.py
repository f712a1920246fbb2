"""Crash durability: under concurrent SendMessage and DeliverInbound calls from clients
that retry (with their request_id and external_id), the server is killed with SIGKILL again
and again. Every acknowledged write is there exactly once, with the index it was
acknowledged with; each channel's indexes strictly increase; the database passes
`PRAGMA integrity_check` after every kill; and a replay from sequence 0 is gap-free and
holds each acknowledged message exactly once."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import random
import time
import uuid
from collections import Counter
from pathlib import Path

import grpc
import pytest

from relaydesk.client import Client, RelaydeskError, connect
from relaydesk.v1 import (
    channel_service_pb2,
    common_pb2,
    event_pb2,
    gateway_service_pb2,
    message_pb2,
)
from tests.faults.conftest import Figures, Size
from tests.support import (
    QUICK_RECONNECT,
    ServeProcess,
    TcpProxy,
    create_default_workflow,
    create_flow,
    events_until_idle,
    integrity_check,
    log_head,
    messages,
    new_channel,
    subscribe,
    task_flow,
)

pytestmark = pytest.mark.faults

CONTACT = "+15550170"
SENDERS = 12  # concurrent SendMessage clients
GATEWAYS = 6  # concurrent DeliverInbound clients, one customer each
CHANNELS = 6
# A write that fails like this was not applied, or was and will be found by its key:
# the writer sends it again, with the same request_id or external_id.
TRANSIENT = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}


@dataclasses.dataclass
class Ledger:
    """What the writers were told: every acknowledged message, by its unique body."""

    sent: dict[str, message_pb2.Message] = dataclasses.field(default_factory=dict)
    inbound: dict[str, message_pb2.Message] = dataclasses.field(default_factory=dict)
    tried: set[str] = dataclasses.field(default_factory=set)
    retries: int = 0
    acks: int = 0
    changed: asyncio.Condition = dataclasses.field(default_factory=asyncio.Condition)

    async def acknowledged(self) -> None:
        async with self.changed:
            self.acks += 1
            self.changed.notify_all()

    async def wait_for(self, acks: int, within: float = 60) -> None:
        async with asyncio.timeout(within), self.changed:
            await self.changed.wait_for(lambda: self.acks >= acks)


async def until_applied(call: object, ledger: Ledger) -> object:
    """Sends a write until it is answered; `call` makes the same request each time."""
    while True:
        try:
            return await call()  # type: ignore[operator]
        except RelaydeskError as error:
            if error.code() not in TRANSIENT:
                raise
            ledger.retries += 1
            await asyncio.sleep(0.02)  # a retry's backoff, not a wait for anything


async def sender(
    rd: Client, number: int, channel: str, ledger: Ledger, stop: asyncio.Event
) -> None:
    for i in itertools.count():
        if stop.is_set():
            return
        body = f"s{number}-{i}"
        request = channel_service_pb2.SendMessageRequest(
            parent=channel, body=body, request_id=str(uuid.uuid4())
        )
        ledger.tried.add(body)
        response = await until_applied(lambda r=request: rd.channels.SendMessage(r), ledger)
        ledger.sent[body] = response.message  # type: ignore[attr-defined]
        await ledger.acknowledged()


async def gateway(rd: Client, number: int, ledger: Ledger, stop: asyncio.Event) -> None:
    for i in itertools.count():
        if stop.is_set():
            return
        body = f"g{number}-{i}"
        request = gateway_service_pb2.DeliverInboundRequest(
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            customer_address=f"+1555900{number:04d}",
            contact_identity=CONTACT,
            body=body,
            external_id=body,
        )
        ledger.tried.add(body)
        response = await until_applied(lambda r=request: rd.gateway.DeliverInbound(r), ledger)
        ledger.inbound[body] = response.message  # type: ignore[attr-defined]
        await ledger.acknowledged()


async def test_acknowledged_writes_survive_repeated_kill_9(
    tmp_path: Path, size: Size, figures: Figures
) -> None:
    rng = random.Random(1729)
    server = ServeProcess(
        tmp_path / "data",
        "--channel-message-rate",
        "1000000",
        "--heartbeat-interval",
        "200ms",
    )
    await server.start()
    proxy = await TcpProxy(server.target).start()
    rd = connect(proxy.target, server.admin_key, options=QUICK_RECONNECT)
    stop = asyncio.Event()
    ledger = Ledger()
    writers: list[asyncio.Task[None]] = []
    downtime: list[float] = []
    try:
        await create_default_workflow(rd)
        await create_flow(rd, task_flow(CONTACT))
        channels = [(await new_channel(rd)).name for _ in range(CHANNELS)]
        writers = [
            asyncio.create_task(sender(rd, n, channels[n % CHANNELS], ledger, stop))
            for n in range(SENDERS)
        ] + [asyncio.create_task(gateway(rd, n, ledger, stop)) for n in range(GATEWAYS)]
        for _ in range(size.kills):
            # Kill at a random moment: after a random number of new acknowledgements.
            await ledger.wait_for(ledger.acks + rng.randint(5, 120))
            await server.kill()
            killed = time.monotonic()
            check = integrity_check(server.db_path)
            assert check == ["ok"], check
            await server.start()
            proxy.upstream = server.target
            downtime.append(time.monotonic() - killed)
        await ledger.wait_for(ledger.acks + 50)  # writing goes on after the last restart
        stop.set()
        async with asyncio.timeout(60):
            await asyncio.gather(*writers)

        # Every acknowledged message is stored once, as it was acknowledged.
        stored: dict[str, message_pb2.Message] = {}
        channel_names = set(channels) | {
            m.name.rsplit("/messages/", 1)[0] for m in ledger.inbound.values()
        }
        for channel in sorted(channel_names):
            listed = await messages(rd, channel)
            indexes = [m.index for m in listed]
            assert indexes == sorted(set(indexes)), f"{channel}: indexes not strictly increasing"
            counts = Counter(m.body for m in listed)
            doubled = [body for body, n in counts.items() if n > 1]
            assert not doubled, f"{channel}: stored more than once: {doubled[:10]}"
            stored.update((m.body, m) for m in listed)
        acknowledged = {**ledger.sent, **ledger.inbound}
        lost = sorted(set(acknowledged) - set(stored))
        assert not lost, f"{len(lost)} acknowledged writes lost, e.g. {lost[:10]}"
        changed = [
            b
            for b, m in acknowledged.items()
            if stored[b].name != m.name or stored[b].index != m.index
        ]
        assert not changed, f"stored otherwise than acknowledged: {changed[:10]}"
        assert set(stored) <= ledger.tried

        # A replay from the very beginning: gap-free, each acknowledged message once.
        head = await log_head(rd)
        replay = subscribe(rd, after_sequence=0)
        try:
            events = await events_until_idle(replay, head, wait=120)
        finally:
            replay.cancel()
        assert [e.sequence for e in events] == list(range(1, head + 1))
        added = Counter(
            e.message.name for e in events if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED
        )
        assert all(added[m.name] == 1 for m in acknowledged.values())
        assert all(n == 1 for n in added.values())
    finally:
        stop.set()
        for task in writers:
            task.cancel()
        await asyncio.gather(*writers, return_exceptions=True)
        await rd.close()
        await proxy.close()
        await server.close()
    assert integrity_check(server.db_path) == ["ok"]
    figures(
        kills=size.kills,
        acknowledged_writes=len(acknowledged),
        client_retries=ledger.retries,
        events_replayed=head,
        restart_s_mean=sum(downtime) / len(downtime),
        restart_s_max=max(downtime),
    )
