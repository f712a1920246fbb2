"""EventService.Subscribe for people (API §9, §10): an agent sees its conversations while it
is a member, its own worker, its reservations and its tasks; a customer sees its channel's
conversation while it is a member, without tasks, sessions, internal messages or member
attributes. The same rule decides every event, live and in replays from any cursor.

Streams are read until they are idle at the log's head (a heartbeat carrying it; the
servers here send one every 50 ms when there is nothing to send), never after a pause.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from google.protobuf import json_format

from relaydesk.client import Client
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import common_pb2, event_pb2, member_pb2, message_pb2, reservation_pb2
from relaydesk.v1 import engagement_service_pb2 as engagement_pb
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import gateway_service_pb2 as gateway_pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from relaydesk_server.events import stream
from relaydesk_server.storage import events_repo
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    access_token,
    add_member,
    events_until_idle,
    new_channel,
    new_worker,
    send,
    set_activity,
    subscribe,
    task_flow,
)

E = event_pb2
WAIT = 20  # seconds: an upper bound on waiting, never a pause
HEARTBEAT = dt.timedelta(milliseconds=50)
CONTACT = "+15550100"
ALICE, BOB = "alice", "bob"
CUSTOMER_1, CUSTOMER_2 = "+15550001", "+15550002"

CONVERSATION_TYPES = {
    E.EVENT_TYPE_MESSAGE_ADDED,
    E.EVENT_TYPE_MESSAGE_UPDATED,
    E.EVENT_TYPE_MESSAGE_DELETED,
    E.EVENT_TYPE_MEMBER_JOINED,
    E.EVENT_TYPE_MEMBER_LEFT,
    E.EVENT_TYPE_MEMBER_UPDATED,
    E.EVENT_TYPE_CHANNEL_CREATED,
    E.EVENT_TYPE_CHANNEL_UPDATED,
    E.EVENT_TYPE_CHANNEL_CLOSED,
    E.EVENT_TYPE_CHANNEL_DELETED,
    E.EVENT_TYPE_SESSION_CREATED,
    E.EVENT_TYPE_SESSION_UPDATED,
    E.EVENT_TYPE_EXECUTION_CREATED,
    E.EVENT_TYPE_EXECUTION_UPDATED,
}
CUSTOMER_TYPES = {
    E.EVENT_TYPE_MESSAGE_ADDED,
    E.EVENT_TYPE_MESSAGE_UPDATED,
    E.EVENT_TYPE_MESSAGE_DELETED,
    E.EVENT_TYPE_MEMBER_JOINED,
    E.EVENT_TYPE_MEMBER_LEFT,
    E.EVENT_TYPE_MEMBER_UPDATED,
    E.EVENT_TYPE_CHANNEL_CREATED,
    E.EVENT_TYPE_CHANNEL_UPDATED,
    E.EVENT_TYPE_CHANNEL_CLOSED,
    E.EVENT_TYPE_CHANNEL_DELETED,
}


# -- helpers ----------------------------------------------------------------------


def small_replay_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replays read pages of 2 events, and agents' replays stretches of 3 sequences."""
    monkeypatch.setattr(stream, "REPLAY_PAGE", 2)
    monkeypatch.setattr(events_repo, "PERSONAL_STRETCH", 3)


@pytest.fixture(params=["default", "tiny"])
async def paged(
    request: pytest.FixtureRequest,
    harness_factory: HarnessFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Harness:
    """A server whose replays read the default pages, or tiny ones (to cross many)."""
    if request.param == "tiny":
        small_replay_pages(monkeypatch)
    return await start(harness_factory)


async def start(harness_factory: HarnessFactory) -> Harness:
    return await harness_factory(heartbeat_interval=HEARTBEAT)


def head(harness: Harness) -> int:
    return harness.running.streams.bus.head


async def open_streams(harness: Harness, count: int) -> None:
    """Waits until `count` streams are open, so that live ones start from here."""
    async with asyncio.timeout(WAIT):
        await harness.running.streams.wait_for_open_streams(count)


async def person(harness: Harness, identity: str, role: int, channel: str = "") -> Client:
    return harness.connect(await access_token(harness.client, identity, role, channel))


async def replay(client: Client, harness: Harness, after: int, **fields: Any) -> list[E.Event]:
    call = subscribe(client, after_sequence=after, **fields)
    try:
        return await events_until_idle(call, head(harness))
    finally:
        call.cancel()


async def inbound(rd: Client, customer: str, external_id: str, body: str = "hi") -> str:
    """A customer's SMS to CONTACT, delivered by a gateway; returns its channel."""
    request = gateway_pb.DeliverInboundRequest(
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        customer_address=customer,
        contact_identity=CONTACT,
        body=body,
        external_id=external_id,
    )
    return (await rd.gateway.DeliverInbound(request)).channel


async def accept_offer(rd: Client, worker: str) -> reservation_pb2.Reservation:
    """Accepts the worker's one pending offer (the agent joins the task's conversation)."""
    request = tasks_pb.ListReservationsRequest(
        parent="tasks/-", worker=worker, status=reservation_pb2.RESERVATION_STATUS_PENDING
    )
    (offer,) = (await rd.tasks.ListReservations(request)).reservations
    accepted = tasks_pb.AcceptReservationRequest(name=offer.name)
    return (await rd.tasks.AcceptReservation(accepted)).reservation


def channel_of(event: E.Event) -> str:
    """The conversation an event belongs to ("" for none)."""
    kind = event.WhichOneof("payload")
    if kind == "message":
        return "/".join(event.message.name.split("/")[:2])
    if kind == "member":
        return "/".join(event.member.name.split("/")[:2])
    if kind == "channel":
        return event.channel.name
    if kind == "session":
        return event.session.channel
    if kind == "typing":
        return event.typing.channel
    return ""


def agent_oracle(everything: Iterable[E.Event], identity: str, worker: str) -> list[int]:
    """The sequences the API's rule shows to agent `identity` (whose worker is `worker`),
    worked out from every event, independently of the server's code."""
    member_of: set[str] = set()
    visible = []
    for event in everything:
        kind = event.WhichOneof("payload")
        channel = channel_of(event)
        mine = kind == "member" and event.member.identity == identity
        if kind == "worker":
            seen = event.worker.identity == identity
        elif kind == "reservation":
            seen = event.reservation.worker == worker
        elif kind == "task":
            seen = event.task.worker == worker
        elif event.type == E.EVENT_TYPE_MEMBER_JOINED and mine:
            member_of.add(channel)
            seen = True
        elif channel not in member_of:
            seen = False
        else:
            if (event.type == E.EVENT_TYPE_MEMBER_LEFT and mine) or (
                event.type == E.EVENT_TYPE_CHANNEL_DELETED
            ):
                member_of.discard(channel)
            seen = event.type in CONVERSATION_TYPES
        if seen:
            visible.append(event.sequence)
    return visible


def sequences(events: Iterable[E.Event]) -> list[int]:
    return [e.sequence for e in events]


def assert_strictly_increasing(events: list[E.Event]) -> None:
    seen = sequences(events)
    assert seen == sorted(set(seen)), seen


@dataclasses.dataclass
class Routing:
    """Two agents, each with a worker and a customer's conversation it accepted."""

    alice_worker: str
    bob_worker: str
    alice_channel: str
    bob_channel: str
    alice_task: str
    bob_task: str
    side_channel: str
    note: message_pb2.Message  # an internal message in alice's conversation
    reply: message_pb2.Message  # alice's reply to her customer


async def routing_scenario(harness: Harness, between: Callable[[], Any] | None = None) -> Routing:
    """Alice's worker goes Available and is offered, and accepts, customer 1's
    conversation; then Bob's gets customer 2's. Both write; an unrelated channel too;
    alice's task is completed at the end (she leaves, the channel closes)."""
    rd = harness.client
    await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=task_flow(CONTACT)))
    alice_worker = await new_worker(rd, ALICE)
    bob_worker = await new_worker(rd, BOB)
    await set_activity(rd, alice_worker, "Available")
    alice_channel = await inbound(rd, CUSTOMER_1, "c1-1", "my order is late")
    alice_task = (await accept_offer(rd, alice_worker)).name.split("/reservations/")[0]
    if between is not None:
        await between()
    await set_activity(rd, bob_worker, "Available")
    bob_channel = await inbound(rd, CUSTOMER_2, "c2-1", "hello?")
    bob_task = (await accept_offer(rd, bob_worker)).name.split("/reservations/")[0]
    reply = await send(rd, alice_channel, "on it", author=ALICE)
    note = await send(rd, alice_channel, "vip customer", author=ALICE, internal=True)
    await send(rd, bob_channel, "hi there", author=BOB)
    side = await new_channel(rd, display_name="side")
    await add_member(rd, side.name, "carol")
    await send(rd, side.name, "unrelated")
    await inbound(rd, CUSTOMER_1, "c1-2", "thanks")
    await inbound(rd, CUSTOMER_2, "c2-2", "thanks")
    await rd.tasks.CompleteTask(tasks_pb.CompleteTaskRequest(name=alice_task))
    await send(rd, bob_channel, "anything else?", author=BOB)
    return Routing(
        alice_worker,
        bob_worker,
        alice_channel,
        bob_channel,
        alice_task,
        bob_task,
        side.name,
        note,
        reply,
    )


# -- agents -----------------------------------------------------------------------


async def test_an_agent_sees_its_conversation_worker_reservations_and_tasks(
    paged: Harness,
) -> None:
    harness = paged
    rd = harness.client
    alice = await person(harness, ALICE, common_pb2.ROLE_AGENT)
    everything = subscribe(rd, after_sequence=0)
    live = subscribe(alice)
    await open_streams(harness, 2)
    routing = await routing_scenario(harness)
    all_events = await events_until_idle(everything, head(harness))
    assert sequences(all_events) == list(range(1, head(harness) + 1))
    seen = await events_until_idle(live, head(harness))

    assert_strictly_increasing(seen)
    assert sequences(seen) == agent_oracle(all_events, ALICE, routing.alice_worker)
    # The same events, whether live or replayed from the start.
    assert await replay(alice, harness, 0) == seen

    types = {e.type for e in seen}
    assert {
        E.EVENT_TYPE_WORKER_CREATED,
        E.EVENT_TYPE_WORKER_UPDATED,
        E.EVENT_TYPE_RESERVATION_CREATED,
        E.EVENT_TYPE_RESERVATION_UPDATED,
        E.EVENT_TYPE_TASK_UPDATED,
        E.EVENT_TYPE_MEMBER_JOINED,
        E.EVENT_TYPE_MEMBER_LEFT,
        E.EVENT_TYPE_MESSAGE_ADDED,
    } <= types
    for event in seen:
        kind = event.WhichOneof("payload")
        if kind == "worker":
            assert event.worker.name == routing.alice_worker
        elif kind == "reservation":
            assert event.reservation.worker == routing.alice_worker
        elif kind == "task":
            # A task is hers once it is assigned to her, not for being in her channel.
            assert event.task.worker == routing.alice_worker
            assert event.task.name == routing.alice_task
        else:
            assert channel_of(event) == routing.alice_channel
    messages = [e.message for e in seen if e.type == E.EVENT_TYPE_MESSAGE_ADDED]
    bodies = [m.body for m in messages]
    # Not the customer's first message: it came before she joined.
    assert bodies == ["on it", "vip customer", "thanks"]
    assert routing.note in messages
    assert E.EVENT_TYPE_TASK_CREATED not in types
    assert E.EVENT_TYPE_CHANNEL_CREATED not in types
    # She left when her task completed: the channel's close is not hers any more.
    joined = [e for e in seen if e.type == E.EVENT_TYPE_MEMBER_JOINED]
    left = [e for e in seen if e.type == E.EVENT_TYPE_MEMBER_LEFT]
    assert [e.member.identity for e in joined + left] == [ALICE, ALICE]
    later = [e for e in seen if channel_of(e) == routing.alice_channel]
    assert later[-1] == left[0]

    # Every cursor replays exactly what follows it.
    cursors = range(0, head(harness) + 1)
    replays = await asyncio.gather(*(replay(alice, harness, after) for after in cursors))
    for after, replayed in zip(cursors, replays, strict=True):
        assert replayed == [e for e in seen if e.sequence > after], after
    live.cancel()
    everything.cancel()
    await alice.close()


async def test_filtered_agent_streams_deliver_exactly_the_visible_events(
    paged: Harness,
) -> None:
    harness = paged
    alice = await person(harness, ALICE, common_pb2.ROLE_AGENT)
    # Live streams whose filters leave out her MEMBER_JOINED: they still follow it.
    messages_live = subscribe(alice, types=[E.EVENT_TYPE_MESSAGE_ADDED])
    routing_live = subscribe(
        alice,
        types=[E.EVENT_TYPE_TASK_UPDATED, E.EVENT_TYPE_RESERVATION_UPDATED],
    )
    await open_streams(harness, 2)
    routing = await routing_scenario(harness)
    end = head(harness)
    seen = await replay(alice, harness, 0)
    assert seen

    conversations = {
        routing.alice_task: routing.alice_channel,
        routing.bob_task: routing.bob_channel,
    }

    def filtered_channel(event: E.Event) -> str:
        # The `channels` filter takes a task's and its reservations' events as
        # events of the task's conversation.
        if event.WhichOneof("payload") == "task":
            return event.task.channel
        if event.WhichOneof("payload") == "reservation":
            return conversations[event.reservation.task]
        return channel_of(event)

    def only(*types: int, channel: str | None = None) -> list[E.Event]:
        return [
            e
            for e in seen
            if (not types or e.type in types)
            and (channel is None or filtered_channel(e) == channel)
        ]

    added = await events_until_idle(messages_live, end)
    assert added == only(E.EVENT_TYPE_MESSAGE_ADDED)
    assert [e.message.body for e in added] == ["on it", "vip customer", "thanks"]
    routed = await events_until_idle(routing_live, end)
    assert routed == only(E.EVENT_TYPE_TASK_UPDATED, E.EVENT_TYPE_RESERVATION_UPDATED)
    assert routed

    for after in (0, 3, end // 2):
        by_channel = await replay(alice, harness, after, channels=[routing.alice_channel])
        assert by_channel == [e for e in only(channel=routing.alice_channel) if e.sequence > after]
        assert_strictly_increasing(by_channel)
        both = await replay(
            alice,
            harness,
            after,
            channels=[routing.alice_channel],
            types=[E.EVENT_TYPE_MESSAGE_ADDED, E.EVENT_TYPE_MEMBER_LEFT],
        )
        assert both == [
            e
            for e in only(
                E.EVENT_TYPE_MESSAGE_ADDED,
                E.EVENT_TYPE_MEMBER_LEFT,
                channel=routing.alice_channel,
            )
            if e.sequence > after
        ]
    # Bob's conversation, asked for by name, holds nothing for her.
    assert await replay(alice, harness, 0, channels=[routing.bob_channel]) == []
    assert await replay(alice, harness, 0, channels=[routing.side_channel]) == []
    messages_live.cancel()
    routing_live.cancel()
    await alice.close()


async def test_an_agent_that_leaves_stops_seeing_the_channel_from_the_next_event(
    paged: Harness,
) -> None:
    harness = paged
    rd = harness.client
    alice = await person(harness, ALICE, common_pb2.ROLE_AGENT)
    live = subscribe(alice, include_typing=True)
    await open_streams(harness, 1)
    channel = (await new_channel(rd, display_name="team")).name
    other = (await new_channel(rd, display_name="elsewhere")).name
    before = await send(rd, channel, "before she joined")
    joined = await add_member(rd, channel, ALICE)
    during = await send(rd, channel, "while she is a member")
    await add_member(rd, channel, BOB)
    typing = channels_pb.SendTypingRequest(parent=channel, identity=BOB)
    await rd.channels.SendTyping(typing)
    await send(rd, other, "not hers")
    await rd.channels.RemoveMember(channels_pb.RemoveMemberRequest(name=joined.name))
    after = await send(rd, channel, "after she left")
    await rd.channels.SendTyping(typing)  # not hers any more either
    again = await add_member(rd, channel, ALICE)
    back = await send(rd, channel, "she is back")
    await rd.channels.DeleteChannel(channels_pb.DeleteChannelRequest(name=channel))
    seen = await events_until_idle(live, head(harness))

    typed = [e for e in seen if e.type == E.EVENT_TYPE_TYPING]
    assert [(e.typing.channel, e.typing.identity) for e in typed] == [(channel, BOB)]
    stored = [e for e in seen if e.type != E.EVENT_TYPE_TYPING]
    assert [e.type for e in stored] == [
        E.EVENT_TYPE_MEMBER_JOINED,
        E.EVENT_TYPE_MESSAGE_ADDED,
        E.EVENT_TYPE_MEMBER_JOINED,
        E.EVENT_TYPE_MEMBER_LEFT,
        E.EVENT_TYPE_MEMBER_JOINED,
        E.EVENT_TYPE_MESSAGE_ADDED,
        E.EVENT_TYPE_CHANNEL_DELETED,
    ]
    assert stored[0].member == joined
    assert stored[1].message == during
    assert stored[2].member.identity == BOB
    assert stored[3].member.name == joined.name
    assert stored[4].member == again
    assert stored[5].message == back
    bodies = {e.message.body for e in stored}
    assert before.body not in bodies
    assert after.body not in bodies
    # From every cursor, including ones inside and after a membership.
    cursors = range(0, head(harness) + 1)
    replays = await asyncio.gather(*(replay(alice, harness, c) for c in cursors))
    for cursor, replayed in zip(cursors, replays, strict=True):
        assert replayed == [e for e in stored if e.sequence > cursor], cursor
    live.cancel()
    await alice.close()


async def test_a_membership_and_its_later_events_in_one_batch_reach_the_live_stream(
    harness_factory: HarnessFactory,
) -> None:
    harness = await start(harness_factory)
    rd = harness.client
    alice = await person(harness, ALICE, common_pb2.ROLE_AGENT)
    live = subscribe(alice)
    await open_streams(harness, 1)
    channels = [(await new_channel(rd, display_name=f"c{i}")).name for i in range(10)]
    # Concurrent writes share the writer's batches: joins and the messages after them
    # are published together, and the stream decides them in order.
    await asyncio.gather(
        *(add_member(rd, c, ALICE) for c in channels[::2]),
        *(send(rd, c, f"{i}") for i in range(3) for c in channels),
    )
    await asyncio.gather(*(send(rd, c, "after") for c in channels))
    seen = await events_until_idle(live, head(harness))
    assert seen == await replay(alice, harness, 0)
    assert {channel_of(e) for e in seen} == set(channels[::2])
    assert sum(e.message.body == "after" for e in seen) == 5
    live.cancel()
    await alice.close()


@pytest.mark.sqlite_only
async def test_open_memberships_survive_compaction(harness_factory: HarnessFactory) -> None:
    harness = await start(harness_factory)
    rd = harness.client
    kept = (await new_channel(rd)).name
    ended = (await new_channel(rd)).name
    await add_member(rd, kept, ALICE)
    left = await add_member(rd, ended, ALICE)
    await rd.channels.RemoveMember(channels_pb.RemoveMemberRequest(name=left.name))
    harness.clock.advance(dt.timedelta(days=8))
    await harness.running.maintain_once()
    alice = await person(harness, ALICE, common_pb2.ROLE_AGENT)
    cursor = head(harness)
    call = subscribe(alice, after_sequence=cursor)
    await send(rd, ended, "not hers")
    message = await send(rd, kept, "still hers")
    seen = await events_until_idle(call, head(harness))
    assert [e.message for e in seen] == [message]
    call.cancel()
    await alice.close()
    # The ended membership went with the events it covered; the open one stays.
    conn = sqlite3.connect(f"file:{harness.data_dir / 'relaydesk.db'}?mode=ro", uri=True)
    try:
        spans = conn.execute("SELECT channel, left_sequence FROM member_spans").fetchall()
    finally:
        conn.close()
    assert spans == [(kept, None)]


# -- customers --------------------------------------------------------------------


async def test_a_customer_sees_its_conversation_without_routing_internal_notes_or_attributes(
    paged: Harness,
) -> None:
    harness = paged
    rd = harness.client
    everything = subscribe(rd, after_sequence=0)
    streams: dict[str, Any] = {}

    async def customer_joins() -> None:
        # Customer 1's conversation exists now: its customer starts a live stream.
        listed = (await rd.channels.ListChannels(channels_pb.ListChannelsRequest())).channels
        (conversation,) = [c for c in listed if c.customer_address == CUSTOMER_1]
        client = await person(harness, CUSTOMER_1, common_pb2.ROLE_CUSTOMER, conversation.name)
        streams["client"] = client
        streams["start"] = head(harness)
        streams["live"] = subscribe(client, include_typing=True)
        # Typing is never replayed: the stream must be live before anyone types.
        await streams["live"].initial_metadata()
        await open_streams(harness, 2)
        supervisor = member_pb2.Member(
            identity="sam", role=member_pb2.MEMBER_ROLE_SUPERVISOR, display_name="Sam"
        )
        supervisor.attributes.update({"team": "escalations"})
        await rd.channels.AddMember(
            channels_pb.AddMemberRequest(parent=conversation.name, member=supervisor)
        )
        await rd.channels.SendTyping(
            channels_pb.SendTypingRequest(parent=conversation.name, identity=ALICE)
        )

    routing = await routing_scenario(harness, between=customer_joins)
    all_events = await events_until_idle(everything, head(harness))
    client: Client = streams["client"]
    live = await events_until_idle(streams["live"], head(harness))
    seen = await replay(client, harness, 0)

    # Live (started mid-way, with typing) and replayed agree on what they share.
    assert [e for e in live if e.type != E.EVENT_TYPE_TYPING] == [
        e for e in seen if e.sequence > streams["start"]
    ]
    assert [e.typing.identity for e in live if e.type == E.EVENT_TYPE_TYPING] == [ALICE]
    assert_strictly_increasing(seen)
    assert {e.type for e in seen} <= CUSTOMER_TYPES
    assert all(channel_of(e) == routing.alice_channel for e in seen)
    # From its own joining: not the channel's creation before it.
    assert seen[0].type == E.EVENT_TYPE_MEMBER_JOINED
    assert seen[0].member.identity == CUSTOMER_1
    bodies = [e.message.body for e in seen if e.type == E.EVENT_TYPE_MESSAGE_ADDED]
    assert bodies == ["my order is late", "on it", "thanks"]
    assert all(
        e.message.direction != message_pb2.MESSAGE_DIRECTION_INTERNAL
        for e in seen
        if e.WhichOneof("payload") == "message"
    )
    members = [e for e in seen if e.WhichOneof("payload") == "member"]
    assert {e.member.identity for e in members} >= {CUSTOMER_1, ALICE, "sam"}
    assert all(not e.member.HasField("attributes") for e in members)
    # Everyone else still gets the member's attributes.
    (sam,) = [
        e for e in all_events if e.type == E.EVENT_TYPE_MEMBER_JOINED and e.member.identity == "sam"
    ]
    assert json_format.MessageToDict(sam.member.attributes) == {"team": "escalations"}
    (sam_seen,) = [e for e in members if e.member.identity == "sam"]
    assert sam_seen.sequence == sam.sequence
    expected_sam = E.Event()
    expected_sam.CopyFrom(sam)
    expected_sam.member.ClearField("attributes")
    assert sam_seen == expected_sam

    # The customer of the other conversation sees only its own.
    other = await person(harness, CUSTOMER_2, common_pb2.ROLE_CUSTOMER, routing.bob_channel)
    theirs = await replay(other, harness, 0)
    assert theirs
    assert all(channel_of(e) == routing.bob_channel for e in theirs)
    assert {e.type for e in theirs} <= CUSTOMER_TYPES
    # A customer token for one channel sees nothing of another's, even when asked.
    assert await replay(client, harness, 0, channels=[routing.bob_channel]) == []
    streams["live"].cancel()
    everything.cancel()
    await client.close()
    await other.close()


async def test_a_web_chat_visitor_follows_its_conversation_with_its_token(
    harness_factory: HarnessFactory,
) -> None:
    harness = await start(harness_factory)
    rd = harness.client
    flow = task_flow("site-widget", common_pb2.CHANNEL_TYPE_WEB)
    flow_name = (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=flow))).flow.name
    request = engagement_pb.StartWebchatRequest(flow=flow_name, identity="visitor-7")
    started = await rd.engagements.StartWebchat(request)
    channel = started.channel.name
    visitor = harness.connect(started.customer_token)
    live = subscribe(visitor)
    await open_streams(harness, 1)
    begun = head(harness)
    said = await visitor.channels.SendMessage(
        channels_pb.SendMessageRequest(parent=channel, body="hello?")
    )
    await send(rd, channel, "a note for agents", internal=True)
    answer = await send(rd, channel, "hi, how can we help?")
    seen = await events_until_idle(live, head(harness))
    added = [e.message for e in seen if e.type == E.EVENT_TYPE_MESSAGE_ADDED]
    assert added == [said.message, answer]
    replayed = await replay(visitor, harness, 0)
    assert replayed[0].type == E.EVENT_TYPE_MEMBER_JOINED
    assert replayed[0].member.identity == "visitor-7"
    assert [e for e in replayed if e.sequence > begun] == seen
    assert {e.type for e in replayed} <= CUSTOMER_TYPES
    live.cancel()
    await visitor.close()
