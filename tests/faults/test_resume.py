"""Resume: subscribers are cut at random moments, by a connection reset or by closing
and reopening their stream, while writes go on, and each resumes from its cursor. Over
the whole run each receives exactly what it subscribed to: no gap, no duplicate, no
reordering."""

from __future__ import annotations

import asyncio
import dataclasses
import random
from pathlib import Path

import pytest

from relaydesk.client import Backoff, Client, Subscription, connect
from relaydesk.v1 import channel_service_pb2, event_pb2
from tests.faults.conftest import Figures, Size
from tests.support import (
    ServeProcess,
    TcpProxy,
    gather_limited,
    log_head,
    new_channel,
)

pytestmark = pytest.mark.faults

CHANNELS = 8
QUICK = Backoff(initial=0.01, maximum=0.2)
HEARTBEAT = event_pb2.EVENT_TYPE_HEARTBEAT
ADDED = event_pb2.EVENT_TYPE_MESSAGE_ADDED


def channel_of(event: event_pb2.Event) -> str:
    if event.WhichOneof("payload") == "message":
        return event.message.name.rsplit("/messages/", 1)[0]
    return event.channel.name


@dataclasses.dataclass
class Reader:
    """One subscriber behind its own proxy: what it asked for, and what it got."""

    label: str
    proxy: TcpProxy
    client: Client
    channels: tuple[str, ...] = ()
    types: tuple[int, ...] = ()
    received: list[tuple[int, int, str]] = dataclasses.field(default_factory=list)
    resets: int = 0
    reopens: int = 0

    def open(self, after: int) -> Subscription:
        return self.client.subscribe(
            after_sequence=after,
            channels=self.channels,
            types=self.types,  # type: ignore[arg-type]
            heartbeats=True,
            backoff=QUICK,
        )

    async def read(self, rng: random.Random, mean_gap: int, done: asyncio.Future[int]) -> None:
        """Reads until its cursor reaches the head `done` resolves to, cutting its stream
        after a random number of events each time (a reset, or a close and reopen)."""
        events = self.open(0)
        until_cut = rng.randint(1, 2 * mean_gap)
        try:
            while True:
                event = await anext(events)
                if event.type != HEARTBEAT:
                    self.received.append((event.sequence, event.type, channel_of(event)))
                    until_cut -= 1
                cursor = events.cursor
                if done.done() and cursor is not None and cursor >= done.result():
                    return
                if until_cut <= 0:
                    until_cut = rng.randint(1, 2 * mean_gap)
                    if rng.random() < 0.5:
                        self.proxy.cut()  # the connection resets under the stream
                        self.resets += 1
                    else:
                        assert cursor is not None
                        events.close()
                        events = self.open(cursor)
                        self.reopens += 1
        finally:
            events.close()


async def write(rd: Client, channels: list[str], count: int) -> None:
    async def one(i: int) -> None:
        request = channel_service_pb2.SendMessageRequest(
            parent=channels[i % len(channels)], body=f"m{i}"
        )
        await rd.channels.SendMessage(request)

    await gather_limited((one(i) for i in range(count)), limit=32)


async def test_cut_subscribers_resume_without_gap_duplicate_or_reorder(
    tmp_path: Path, size: Size, figures: Figures
) -> None:
    rng = random.Random(4242)
    server = ServeProcess(
        tmp_path / "data", "--channel-message-rate", "1000000", "--heartbeat-interval", "200ms"
    )
    await server.start()
    rd = connect(server.target, server.admin_key)
    readers: list[Reader] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        channels = [(await new_channel(rd)).name for _ in range(CHANNELS)]
        # Each subscriber's filters, and the share of the events they let through.
        shapes: list[tuple[str, tuple[str, ...], tuple[int, ...], int]] = [
            ("all-1", (), (), 1),
            ("all-2", (), (), 1),
            ("two-channels", (channels[1], channels[6]), (), 4),
            ("messages-only", (), (ADDED,), 1),
        ]
        for label, only_channels, types, _ in shapes:
            proxy = await TcpProxy(server.target).start()
            client = connect(proxy.target, server.admin_key)
            readers.append(Reader(label, proxy, client, only_channels, types))
        total = size.resume_events
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        # About 40 cuts per subscriber over the run, at random.
        tasks = [
            asyncio.create_task(
                r.read(random.Random(rng.random()), max(10, total // 40 // shape[3]), done)
            )
            for r, shape in zip(readers, shapes, strict=True)
        ]
        await write(rd, channels, total - CHANNELS)
        head = await log_head(rd)
        assert head == total
        done.set_result(head)
        async with asyncio.timeout(size.timeout / 2):
            await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for r in readers:
            await r.client.close()
            await r.proxy.close()
        await rd.close()
        await server.close()

    everything = readers[0].received
    assert [s for s, _, _ in everything] == list(range(1, head + 1))
    expected = {
        "all-2": everything,
        "two-channels": [e for e in everything if e[2] in readers[2].channels],
        "messages-only": [e for e in everything if e[1] == ADDED],
    }
    for r in readers[1:]:
        got = [s for s, _, _ in r.received]
        want = [s for s, _, _ in expected[r.label]]
        assert got == want, f"{r.label}: {len(got)} events, {len(want)} expected"
    cuts = {r.label: r.resets + r.reopens for r in readers}
    assert all(n >= 10 for n in cuts.values()), cuts
    figures(
        events=head,
        cuts_per_subscriber=cuts,
        resets=sum(r.resets for r in readers),
        reopens=sum(r.reopens for r in readers),
    )
