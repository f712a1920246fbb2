"""`Client.subscribe()`: a subscription keeps its cursor and resumes from it, without a gap
or a duplicate, after being cut for falling behind (RESOURCE_EXHAUSTED) or losing its
connection (a server restart); a cursor the server no longer retains raises CursorExpired."""

from __future__ import annotations

import asyncio
import datetime as dt

import grpc
import pytest

from relaydesk.client import (
    Backoff,
    Client,
    CursorExpired,
    RelaydeskError,
    Subscription,
    connect,
)
from relaydesk.v1 import event_pb2
from tests.conftest import HarnessFactory
from tests.support import Harness, TcpProxy, new_channel, send

WAIT = 20  # seconds: an upper bound on waiting, never a pause
QUICK = Backoff(initial=0.02, maximum=0.2)


async def take(events: Subscription, count: int) -> list[event_pb2.Event]:
    """The next `count` events of a subscription."""
    taken: list[event_pb2.Event] = []
    async with asyncio.timeout(WAIT):
        while len(taken) < count:
            taken.append(await anext(events))
    return taken


async def test_a_subscriber_cut_for_falling_behind_resumes_without_loss(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(subscriber_buffer=50)
    rd = harness.client
    channels = [await new_channel(rd) for _ in range(2)]
    # Without BDP probing the slow client's receive window stays small, so its
    # transport stops taking data soon and the server's buffer for it overflows.
    slow = connect(harness.target, harness.admin_key, options=[("grpc.http2.bdp_probe", 0)])
    async with slow, slow.subscribe(after_sequence=0, backoff=QUICK) as events:
        seen = [e.sequence for e in await take(events, 1)]
        total = 2 + 120
        for i in range(120):  # while the subscriber reads nothing
            await send(rd, channels[i % 2].name, "x" * 30_000)
        seen += [e.sequence for e in await take(events, total - 1)]
        assert events.reconnects >= 1
        assert events.last_error is not None
        assert events.last_error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert events.last_error.reason == "SUBSCRIBER_TOO_SLOW"
        assert events.cursor == total
    assert seen == list(range(1, total + 1))  # every event once, in order


async def test_a_subscriber_resumes_across_a_server_restart(harness: Harness) -> None:
    channel = await new_channel(harness.client)
    proxy = await TcpProxy(harness.target).start()
    try:
        async with (
            connect(proxy.target, harness.admin_key) as rd,
            rd.subscribe(after_sequence=0, backoff=QUICK) as events,
        ):
            await send(harness.client, channel.name, "before")
            before = await take(events, 2)  # channel created, message added
            await harness.restart()  # on another port: the proxy follows it
            proxy.upstream = harness.target
            # Written while the subscriber is away: replayed from its cursor.
            during = [(await send(harness.client, channel.name, f"m{i}")).name for i in range(3)]
            after = await take(events, 3)
            assert events.reconnects >= 1
            assert events.cursor == 5
    finally:
        await proxy.close()
    assert [e.sequence for e in before + after] == [1, 2, 3, 4, 5]
    assert [e.message.name for e in after] == during
    assert before[1].message.body == "before"


async def test_a_subscription_from_a_compacted_cursor_raises_cursor_expired(
    harness: Harness,
) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    await send(rd, channel.name)
    harness.clock.advance(dt.timedelta(days=8))
    await harness.running.maintain_once()
    async with rd.subscribe(after_sequence=0) as events:
        with pytest.raises(CursorExpired) as caught:
            async with asyncio.timeout(WAIT):
                await anext(events)
        assert [e async for e in events] == []  # it has ended
    assert caught.value.cursor == 0
    assert caught.value.code() == grpc.StatusCode.OUT_OF_RANGE
    assert caught.value.reason == "CURSOR_EXPIRED"


async def test_a_subscriber_away_past_the_retention_raises_cursor_expired_on_resuming(
    harness: Harness,
) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    proxy = await TcpProxy(harness.target).start()
    try:
        async with (
            connect(proxy.target, harness.admin_key) as client,
            client.subscribe(after_sequence=0, backoff=QUICK) as events,
        ):
            await send(rd, channel.name)
            assert [e.sequence for e in await take(events, 1)] == [1]
            proxy.cut()  # the subscriber is away, with cursor 1 …
            harness.clock.advance(dt.timedelta(days=8))
            await send(rd, channel.name)
            await harness.running.maintain_once()  # … while events 1 to 2 go
            with pytest.raises(CursorExpired) as caught:
                await take(events, 1)
    finally:
        await proxy.close()
    assert caught.value.cursor == 1
    assert events.reconnects >= 1


async def test_heartbeats_move_the_cursor_and_show_only_when_asked(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=200))
    rd = harness.client
    quiet, busy = await new_channel(rd), await new_channel(rd)  # sequences 1, 2
    async with (
        rd.subscribe(after_sequence=0, channels=[quiet.name], heartbeats=True) as beating,
        rd.subscribe(after_sequence=0, channels=[quiet.name]) as plain,
    ):
        await send(rd, quiet.name)  # 3
        await send(rd, busy.name)  # 4: filtered out
        seen = []
        async with asyncio.timeout(WAIT):
            async for event in beating:
                if event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                    seen.append(event.sequence)
                elif event.sequence >= 4:
                    break
        assert seen == [1, 3]
        # Everything up to the heartbeat was seen: the cursor is past the skipped event.
        assert beating.cursor is not None
        assert beating.cursor >= 4
        # The other subscription had heartbeats too, and hands out only events.
        assert [e.sequence for e in await take(plain, 2)] == [1, 3]
        await send(rd, quiet.name)  # 5
        assert [e.sequence for e in await take(plain, 1)] == [5]
        assert plain.cursor == 5


async def test_subscribing_without_access_raises(harness: Harness) -> None:
    async with connect(harness.target, "") as anonymous:
        events = anonymous.subscribe(after_sequence=0)
        with pytest.raises(RelaydeskError) as caught:
            await anext(events)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert events.reconnects == 0


async def test_live_returns_once_nothing_after_can_be_missed(rd: Client) -> None:
    channel = await new_channel(rd)
    async with rd.subscribe() as events:
        await events.live()
        message = await send(rd, channel.name)
        (event,) = await take(events, 1)
    assert event.message == message


async def test_closing_ends_the_iteration_of_a_reader_waiting_on_it(rd: Client) -> None:
    events = rd.subscribe()
    await events.live()
    reading = asyncio.ensure_future(anext(events, None))
    events.close()
    async with asyncio.timeout(WAIT):
        assert await reading is None
