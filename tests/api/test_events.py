"""EventService.Subscribe: replay then live with no gap, cursors, filters, typing,
heartbeats, slow subscribers, compaction."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import random
import weakref
from typing import Any

import grpc

from relaydesk.client import Client, connect
from relaydesk.v1 import channel_pb2, common_pb2, event_pb2
from relaydesk.v1 import channel_service_pb2 as pb
from relaydesk.v1 import event_service_pb2 as events_pb
from tests.support import (
    Harness,
    access_token,
    add_member,
    events_until_error,
    gather_limited,
    new_channel,
    reason,
    send,
    send_many,
    start_server,
)

WAIT = 20  # seconds: an upper bound on waiting, never a pause
ADDED = event_pb2.EVENT_TYPE_MESSAGE_ADDED
HEARTBEAT = event_pb2.EVENT_TYPE_HEARTBEAT


def subscribe(rd: Client, **fields: Any) -> Any:
    return rd.events.Subscribe(events_pb.SubscribeRequest(**fields))


async def read_events(call: Any, count: int, *, heartbeats: bool = False) -> list[event_pb2.Event]:
    """The next `count` events of a stream (heartbeats skipped unless asked for)."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(WAIT):
        while len(events) < count:
            response = await call.read()
            assert response is not grpc.aio.EOF, f"the stream ended after {len(events)} events"
            if response.event.type != HEARTBEAT or heartbeats:
                events.append(response.event)
    return events


async def stream_error(call: Any) -> grpc.aio.AioRpcError:
    """Reads a stream until it fails, returning the error."""
    return (await events_until_error(call, WAIT))[1]


async def test_replay_from_the_beginning_then_live(rd: Client) -> None:
    channel = await new_channel(rd)
    member = await add_member(rd, channel.name, "alice")
    first = await send(rd, channel.name, "one")
    call = subscribe(rd, after_sequence=0)
    replayed = await read_events(call, 3)
    assert [e.sequence for e in replayed] == [1, 2, 3]
    assert [e.type for e in replayed] == [
        event_pb2.EVENT_TYPE_CHANNEL_CREATED,
        event_pb2.EVENT_TYPE_MEMBER_JOINED,
        ADDED,
    ]
    assert replayed[0].channel.name == channel.name
    assert replayed[1].member == member
    assert replayed[2].message == first
    second = await send(rd, channel.name, "two")
    closed = (await rd.channels.CloseChannel(pb.CloseChannelRequest(name=channel.name))).channel
    live = await read_events(call, 2)
    assert [e.sequence for e in live] == [4, 5]
    assert live[0].message == second
    assert live[1].type == event_pb2.EVENT_TYPE_CHANNEL_CLOSED
    assert live[1].channel == closed
    assert live[1].channel.state == channel_pb2.CHANNEL_STATE_INACTIVE
    call.cancel()


async def test_a_subscriber_without_cursor_starts_live(harness_factory: Any) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=50))
    rd = harness.client
    channel = await new_channel(rd)
    await send(rd, channel.name, "before")
    call = subscribe(rd)
    # The first heartbeat proves the stream is live, and carries the head.
    (beat,) = await read_events(call, 1, heartbeats=True)
    assert beat.type == HEARTBEAT
    assert beat.sequence == 2
    after = await send(rd, channel.name, "after")
    (event,) = await read_events(call, 1)
    assert event.sequence == 3
    assert event.message == after
    call.cancel()


async def test_headers_arrive_once_the_stream_is_live(harness_factory: Any) -> None:
    # No heartbeat comes during the test: the headers must arrive on their own.
    harness = await harness_factory(heartbeat_interval=dt.timedelta(hours=1))
    rd = harness.client
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "agent-1")
    agent = connect(harness.target, await access_token(rd, "agent-1", common_pb2.ROLE_AGENT))
    try:
        calls = [subscribe(rd), subscribe(agent)]
        async with asyncio.timeout(WAIT):
            for call in calls:
                await call.initial_metadata()
        # Nothing was sent yet; whatever commits now reaches both streams.
        sent = await send(rd, channel.name, "after the headers")
        for call in calls:
            (event,) = await read_events(call, 1)
            assert event.message == sent
            call.cancel()
    finally:
        await agent.close()


async def test_resumed_subscriber_sees_exactly_the_committed_sequence(rd: Client) -> None:
    """2,000+ events across 20 channels; the subscriber is cut at random points and resumes."""
    channels = [await new_channel(rd, display_name=f"c{i}") for i in range(20)]

    async def writer(channel: channel_pb2.Channel) -> None:
        for i in range(100):
            await send(rd, channel.name, f"{channel.display_name}-{i}")

    writers = asyncio.gather(*(writer(c) for c in channels))
    total = 20 + 20 * 100
    rng = random.Random(20261124)
    seen: list[int] = []
    cursor, cuts = 0, 0
    while cursor < total:
        call = subscribe(rd, after_sequence=cursor)
        batch = await read_events(call, min(rng.randint(1, 250), total - cursor))
        call.cancel()
        cuts += 1
        seen += [e.sequence for e in batch]
        cursor = seen[-1]
    await writers
    assert seen == list(range(1, total + 1))
    assert cuts > 5


async def test_filters_by_channel_and_type(rd: Client) -> None:
    a = await new_channel(rd, unique_name="a")
    b = await new_channel(rd)
    await add_member(rd, a.name, "alice")
    for channel in (a, b, a, b):
        await send(rd, channel.name)
    by_channel = subscribe(rd, after_sequence=0, channels=["channels/a"])
    events = await read_events(by_channel, 4)
    assert {e.type for e in events} == {
        event_pb2.EVENT_TYPE_CHANNEL_CREATED,
        event_pb2.EVENT_TYPE_MEMBER_JOINED,
        ADDED,
    }
    assert [e.sequence for e in events] == sorted(e.sequence for e in events)
    by_type = subscribe(rd, after_sequence=0, channels=[b.name], types=[ADDED])
    events = await read_events(by_type, 2)
    assert [e.type for e in events] == [ADDED, ADDED]
    assert all(e.message.name.startswith(b.name) for e in events)
    # Live events keep the same filters.
    await send(rd, a.name)
    latest = await send(rd, b.name)
    (event,) = await read_events(by_type, 1)
    assert event.message == latest
    by_channel.cancel()
    by_type.cancel()


async def test_cursor_errors(rd: Client) -> None:
    channel = await new_channel(rd)
    await send(rd, channel.name)
    error = await stream_error(subscribe(rd, after_sequence=-1))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    error = await stream_error(subscribe(rd, after_sequence=3))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert reason(error) == "CURSOR_IN_FUTURE"
    error = await stream_error(subscribe(rd, types=[event_pb2.EVENT_TYPE_UNSPECIFIED]))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    error = await stream_error(subscribe(rd, channels=["channels/missing"]))
    assert error.code() == grpc.StatusCode.NOT_FOUND


async def test_a_compacted_cursor_is_out_of_range(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    await send(rd, channel.name)
    harness.clock.advance(dt.timedelta(days=8))
    await harness.running.maintain_once()
    error = await stream_error(subscribe(rd, after_sequence=0))
    assert error.code() == grpc.StatusCode.OUT_OF_RANGE
    assert reason(error) == "CURSOR_EXPIRED"
    # The newest cursor is still good, and sequences go on from there.
    call = subscribe(rd, after_sequence=2)
    latest = await send(rd, channel.name)
    (event,) = await read_events(call, 1)
    assert event.sequence == 3
    assert event.message == latest
    call.cancel()


async def test_compaction_spares_what_a_replaying_subscriber_still_needs(
    harness: Harness,
) -> None:
    rd = harness.client
    channels = [await new_channel(rd) for _ in range(15)]
    await gather_limited(send(rd, c.name, f"{i}") for c in channels for i in range(100))
    total = 15 + 1500
    call = subscribe(rd, after_sequence=0)
    first = await read_events(call, 1)  # the replay is under way, and paused
    harness.clock.advance(dt.timedelta(days=8))
    await harness.running.maintain_once()
    rest = await read_events(call, total - 1)
    assert [e.sequence for e in first + rest] == list(range(1, total + 1))
    call.cancel()


async def test_a_stalled_subscriber_is_cut_while_others_keep_up(harness_factory: Any) -> None:
    harness = await harness_factory(subscriber_buffer=50)
    rd = harness.client
    channels = [await new_channel(rd) for _ in range(2)]
    # Without BDP probing the stalled client's receive window stays small, so
    # its transport stops taking data soon, as a stuck desktop's would.
    slow = connect(harness.target, harness.admin_key, options=[("grpc.http2.bdp_probe", 0)])
    stalled = subscribe(slow, after_sequence=0)
    reader = subscribe(rd, after_sequence=0)
    await read_events(stalled, 1)
    big = "x" * 30_000
    total = 2 + 120
    received: list[int] = [e.sequence for e in await read_events(reader, 2)]
    for i in range(120):
        await send(rd, channels[i % 2].name, big)
        received += [e.sequence for e in await read_events(reader, 1)]
    assert received == list(range(1, total + 1))  # the reader never fell behind
    # The stalled one gets what was already on its way, then is told to resume.
    delivered, error = await events_until_error(stalled, WAIT)
    seen = [1, *(e.sequence for e in delivered)]
    assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert reason(error) == "SUBSCRIBER_TOO_SLOW"
    assert seen == list(range(1, len(seen) + 1))
    assert len(seen) < total
    resumed = subscribe(rd, after_sequence=seen[-1])
    seen += [e.sequence for e in await read_events(resumed, total - len(seen))]
    assert seen == list(range(1, total + 1))
    resumed.cancel()
    reader.cancel()
    await slow.close()


async def test_typing_is_live_only(rd: Client) -> None:
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "alice")
    with_typing = subscribe(rd, after_sequence=0, include_typing=True)
    without = subscribe(rd, after_sequence=0, types=[ADDED])
    await read_events(with_typing, 2)  # created, joined: the stream is live now
    await rd.channels.SendTyping(pb.SendTypingRequest(parent=channel.name, identity="alice"))
    message = await send(rd, channel.name)
    typing, added = await read_events(with_typing, 2)
    assert typing.type == event_pb2.EVENT_TYPE_TYPING
    assert typing.sequence == 0
    assert typing.typing.channel == channel.name
    assert typing.typing.identity == "alice"
    assert added.message == message
    (only,) = await read_events(without, 1)
    assert only.message == message
    # A replay holds no typing.
    replay = subscribe(rd, after_sequence=0, include_typing=True)
    replayed = await read_events(replay, 3)
    assert [e.sequence for e in replayed] == [1, 2, 3]
    for call in (with_typing, without, replay):
        call.cancel()


async def test_streams_end_unavailable_when_the_server_stops(harness: Harness) -> None:
    rd = harness.client
    await new_channel(rd)
    call = subscribe(rd, after_sequence=0)
    await read_events(call, 1)
    stopping = asyncio.ensure_future(harness.running.stop(grace=5))
    error = await stream_error(call)
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    await stopping
    # Leave a running server for the fixture to stop at teardown.
    harness.running = await start_server(harness.data_dir, harness.clock)
    await harness.client.close()
    harness.client = harness.connect(harness.admin_key)


async def test_subscribe_needs_credentials(harness: Harness) -> None:
    async with harness.connect() as anonymous:
        error = await stream_error(subscribe(anonymous, after_sequence=0))
        assert error.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_a_cut_subscriber_silent_past_the_grace_is_let_go_then_told_where_to_resume(
    harness_factory: Any,
) -> None:
    harness = await harness_factory(
        subscriber_buffer=50, stalled_subscriber_grace=dt.timedelta(milliseconds=50)
    )
    rd = harness.client
    streams = harness.running.streams
    channels = [(await new_channel(rd)).name for _ in range(2)]
    slow = connect(harness.target, harness.admin_key, options=[("grpc.http2.bdp_probe", 0)])
    stalled = subscribe(slow, after_sequence=0)
    seen = [e.sequence for e in await read_events(stalled, 1)]
    async with asyncio.timeout(WAIT):
        await streams.wait_for_open_streams(1)
    await send_many(rd, channels, 120, "x" * 30_000)
    total = 2 + 120
    # Without the client reading a thing more, the server lets go of the stream's
    # handler; what is left is gRPC's own stream state, bounded by its window.
    assert streams.bus.subscriber_count == 0
    async with asyncio.timeout(WAIT):
        await streams.wait_for_open_streams(0)
    # Reading again, the client gets what was on its way, then where to resume: never
    # a stream that hangs.
    delivered, error = await events_until_error(stalled, WAIT)
    seen += [e.sequence for e in delivered]
    assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert reason(error) == "SUBSCRIBER_TOO_SLOW"
    assert f"after_sequence = {seen[-1]}" in (error.details() or "")
    assert seen == list(range(1, len(seen) + 1))
    resumed = subscribe(slow, after_sequence=seen[-1])
    seen += [e.sequence for e in await read_events(resumed, total - len(seen))]
    assert seen == list(range(1, total + 1))
    resumed.cancel()
    await slow.close()


async def test_an_ended_stream_is_freed_as_it_ends_not_left_to_the_collector(
    harness: Harness,
) -> None:
    """What a stream held must go when it ends, by reference counting: state caught in a
    reference cycle waits for the collector's full pass, and a server whose streams come
    and go by the thousand then pauses every call and stream for tens of milliseconds
    each time that pass frees them all at once."""
    rd = harness.client
    streams = harness.running.streams
    await new_channel(rd)
    gc.disable()
    try:
        call = subscribe(rd, after_sequence=0)
        await read_events(call, 1)
        async with asyncio.timeout(WAIT):
            await streams.wait_for_open_streams(1)
        freed = asyncio.Event()
        (subscription,) = streams.bus.live()
        weakref.finalize(subscription, freed.set)
        del subscription
        call.cancel()
        async with asyncio.timeout(WAIT):
            await streams.wait_for_open_streams(0)
            await freed.wait()
    finally:
        gc.enable()
