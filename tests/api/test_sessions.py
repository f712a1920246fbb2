"""SessionService end to end: proxy sessions, their participants and interactions, ttl and
expiry on the manual clock, how channels close or delete them, and their events (§3, §8).

Time moves only with the harness clock, and timers fire with `fire_due`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import grpc
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_pb2,
    common_pb2,
    event_pb2,
    flow_pb2,
    member_pb2,
    message_pb2,
    session_pb2,
)
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import event_service_pb2 as events_pb
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import session_service_pb2 as pb
from tests.support import (
    Harness,
    add_member,
    detail,
    expect_error,
    new_channel,
    send,
    task_flow,
    violated_fields,
)

WAIT = 20  # seconds: an upper bound on waiting for events, never a pause
CUSTOMER = "+15557654321"
CONTACT = "+15550100"
MISSING_SESSION = "sessions/KC" + "0" * 32
MISSING_CHANNEL = "channels/CH" + "0" * 32
SESSION_NAME = re.compile(r"sessions/KC[0-9a-f]{32}")

OPEN = session_pb2.SESSION_STATUS_OPEN
IN_PROGRESS = session_pb2.SESSION_STATUS_IN_PROGRESS
CLOSED = session_pb2.SESSION_STATUS_CLOSED
FAILED = session_pb2.SESSION_STATUS_FAILED
INBOUND = message_pb2.MESSAGE_DIRECTION_INBOUND
OUTBOUND = message_pb2.MESSAGE_DIRECTION_OUTBOUND
QUEUED = common_pb2.DELIVERY_STATUS_QUEUED
SESSION_CREATED = event_pb2.EVENT_TYPE_SESSION_CREATED
SESSION_UPDATED = event_pb2.EVENT_TYPE_SESSION_UPDATED


# -- helpers ----------------------------------------------------------------------


def seconds(n: int) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=n)


def when(timestamp: timestamp_pb2.Timestamp) -> dt.datetime:
    return timestamp.ToDatetime(dt.UTC)


def stamp(moment: dt.datetime) -> timestamp_pb2.Timestamp:
    result = timestamp_pb2.Timestamp()
    result.FromDatetime(moment)
    return result


async def new_flow(
    rd: Client, contact_identity: str = CONTACT, *, session_ttl: int | None = None
) -> flow_pb2.Flow:
    flow = task_flow(contact_identity)
    if session_ttl is not None:
        flow.session_ttl.CopyFrom(seconds(session_ttl))
    return (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=flow))).flow


async def customer_channel(
    rd: Client, flow: flow_pb2.Flow, customer_address: str = CUSTOMER, **fields: Any
) -> channel_pb2.Channel:
    """An ACTIVE channel of `flow` with a customer address: what CreateSession needs."""
    return await new_channel(rd, flow=flow.name, customer_address=customer_address, **fields)


def create_session(rd: Client, channel: str, *, ttl: int | None = None, **fields: Any) -> Any:
    """The CreateSession call (await it, or hand it to expect_error)."""
    session = session_pb2.Session(channel=channel, **fields)
    if ttl is not None:
        session.ttl.CopyFrom(seconds(ttl))
    return rd.sessions.CreateSession(pb.CreateSessionRequest(session=session))


async def new_session(
    rd: Client, channel: str, *, ttl: int | None = None, **fields: Any
) -> session_pb2.Session:
    response: pb.CreateSessionResponse = await create_session(rd, channel, ttl=ttl, **fields)
    return response.session


async def conversation(
    rd: Client, *, ttl: int | None = None, session_ttl: int | None = None
) -> tuple[flow_pb2.Flow, channel_pb2.Channel, session_pb2.Session]:
    """A flow, a customer's channel on it, and the channel's new session."""
    flow = await new_flow(rd, session_ttl=session_ttl)
    channel = await customer_channel(rd, flow)
    return flow, channel, await new_session(rd, channel.name, ttl=ttl)


async def get_session(rd: Client, name: str) -> session_pb2.Session:
    return (await rd.sessions.GetSession(pb.GetSessionRequest(name=name))).session


async def get_channel(rd: Client, name: str) -> channel_pb2.Channel:
    return (await rd.channels.GetChannel(channels_pb.GetChannelRequest(name=name))).channel


async def listed(rd: Client, **filters: Any) -> list[str]:
    """The names ListSessions returns with these filters, in order."""
    response = await rd.sessions.ListSessions(pb.ListSessionsRequest(**filters))
    return [s.name for s in response.sessions]


async def interactions(rd: Client, session: str) -> list[session_pb2.Interaction]:
    request = pb.ListInteractionsRequest(parent=session)
    return list((await rd.sessions.ListInteractions(request)).interactions)


def update(rd: Client, session: session_pb2.Session, paths: Iterable[str], **fields: Any) -> Any:
    """The UpdateSession call for `session.name` with `fields` and a mask of `paths`."""
    return rd.sessions.UpdateSession(
        pb.UpdateSessionRequest(
            session=session_pb2.Session(name=session.name, **fields),
            update_mask=field_mask_pb2.FieldMask(paths=list(paths)),
        )
    )


async def set_ttl(rd: Client, session: session_pb2.Session, ttl: int) -> session_pb2.Session:
    response: pb.UpdateSessionResponse = await update(rd, session, ["ttl"], ttl=seconds(ttl))
    return response.session


async def close_session(rd: Client, name: str, reason: str = "") -> session_pb2.Session:
    request = pb.CloseSessionRequest(name=name, reason=reason)
    return (await rd.sessions.CloseSession(request)).session


async def agent_says(rd: Client, channel: str, body: str = "hi") -> message_pb2.Message:
    """A message from an agent member (added on first use), sent by the admin client."""
    members = await rd.channels.ListMembers(channels_pb.ListMembersRequest(parent=channel))
    if not any(m.identity == "alice" for m in members.members):
        await add_member(rd, channel, "alice", member_pb2.MEMBER_ROLE_AGENT)
    return await send(rd, channel, body, author="alice")


async def advance(harness: Harness, by: int) -> None:
    """Moves the clock `by` seconds and fires every timer then due."""
    harness.clock.advance(dt.timedelta(seconds=by))
    await harness.running.timers.fire_due()


async def read_events(call: Any, count: int) -> list[event_pb2.Event]:
    """The next `count` events of a stream, heartbeats skipped."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(WAIT):
        while len(events) < count:
            response = await call.read()
            assert response is not grpc.aio.EOF, f"the stream ended after {len(events)} events"
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                events.append(response.event)
    return events


# -- create -------------------------------------------------------------------------


async def test_create_session_opens_it_with_the_customer_then_the_channel_as_participants(
    rd: Client, harness: Harness
) -> None:
    flow, channel, session = await conversation(rd)
    assert SESSION_NAME.fullmatch(session.name), session.name
    assert session.status == OPEN
    assert session.mode == session_pb2.SESSION_MODE_MESSAGE_ONLY  # UNSPECIFIED reads back so
    assert session.channel == channel.name
    assert session.flow == flow.name
    assert [(p.identifier, p.proxy_identifier) for p in session.participants] == [
        (CUSTOMER, CONTACT),
        (channel.name, ""),
    ]
    assert when(session.create_time) == harness.clock.now()
    assert session.close_reason == ""
    assert session.etag
    # The flow has no session_ttl: the session never expires.
    assert session.ttl.ToTimedelta() == dt.timedelta(0)
    assert not session.HasField("expire_time")
    assert not session.HasField("last_interaction_time")
    assert (await get_channel(rd, channel.name)).session == session.name
    assert await get_session(rd, session.name) == session


async def test_a_session_takes_the_flows_session_ttl_unless_create_gives_one(
    rd: Client, harness: Harness
) -> None:
    flow = await new_flow(rd, session_ttl=120)
    inherited = await new_session(rd, (await customer_channel(rd, flow, "+15550001")).name)
    assert inherited.ttl.ToTimedelta() == dt.timedelta(seconds=120)
    assert when(inherited.create_time) == harness.clock.now()
    assert when(inherited.expire_time) == when(inherited.create_time) + dt.timedelta(seconds=120)
    given = await new_session(rd, (await customer_channel(rd, flow, "+15550002")).name, ttl=60)
    assert given.ttl.ToTimedelta() == dt.timedelta(seconds=60)
    assert when(given.expire_time) == when(given.create_time) + dt.timedelta(seconds=60)


async def test_create_session_without_a_channel_is_invalid_argument(rd: Client) -> None:
    error = await expect_error(create_session(rd, ""), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"session.channel"}
    assert await listed(rd) == []


async def test_create_session_needs_an_active_channel_with_a_customer_address_and_a_flow(
    rd: Client,
) -> None:
    flow = await new_flow(rd)
    closed = await customer_channel(rd, flow, "+15550001")
    await rd.channels.CloseChannel(channels_pb.CloseChannelRequest(name=closed.name))
    no_address = await new_channel(rd, flow=flow.name)
    no_flow = await new_channel(rd, customer_address="+15550002")
    for channel in (MISSING_CHANNEL, closed.name, no_address.name, no_flow.name):
        await expect_error(create_session(rd, channel), grpc.StatusCode.FAILED_PRECONDITION)
    assert await listed(rd) == []
    assert (await get_channel(rd, no_address.name)).session == ""
    assert (await get_channel(rd, no_flow.name)).session == ""


async def test_a_second_active_session_for_a_customer_and_contact_identity_is_already_exists(
    rd: Client,
) -> None:
    flow, first_channel, first = await conversation(rd)
    other_channel = await customer_channel(rd, flow)
    error = await expect_error(
        create_session(rd, other_channel.name), grpc.StatusCode.ALREADY_EXISTS
    )
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    assert (await get_channel(rd, other_channel.name)).session == ""
    # IN_PROGRESS blocks a second session just as OPEN does.
    await agent_says(rd, first_channel.name)
    assert (await get_session(rd, first.name)).status == IN_PROGRESS
    error = await expect_error(
        create_session(rd, other_channel.name), grpc.StatusCode.ALREADY_EXISTS
    )
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    # The same customer writing to another contact identity is another session.
    elsewhere = await customer_channel(rd, await new_flow(rd, "+15550199"))
    second = await new_session(rd, elsewhere.name)
    assert second.participants[0].identifier == CUSTOMER
    assert second.participants[0].proxy_identifier == "+15550199"
    assert set(await listed(rd)) == {first.name, second.name}


async def test_a_second_session_for_the_same_channel_is_already_exists_naming_the_first(
    rd: Client,
) -> None:
    _, channel, first = await conversation(rd)
    error = await expect_error(create_session(rd, channel.name), grpc.StatusCode.ALREADY_EXISTS)
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    assert (await get_channel(rd, channel.name)).session == first.name
    assert await listed(rd) == [first.name]


async def test_a_taken_unique_name_is_already_exists(rd: Client) -> None:
    flow = await new_flow(rd)
    first = await new_session(
        rd, (await customer_channel(rd, flow, "+15550001")).name, unique_name="order-1"
    )
    channel = await customer_channel(rd, flow, "+15550002")
    await expect_error(
        create_session(rd, channel.name, unique_name="order-1"), grpc.StatusCode.ALREADY_EXISTS
    )
    assert (await get_channel(rd, channel.name)).session == ""
    second = await new_session(rd, channel.name, unique_name="order-2")
    assert set(await listed(rd)) == {first.name, second.name}


async def test_concurrent_creates_for_one_customer_let_exactly_one_through(rd: Client) -> None:
    flow = await new_flow(rd)
    channels = [await customer_channel(rd, flow) for _ in range(10)]
    results = await asyncio.gather(
        *(create_session(rd, c.name) for c in channels), return_exceptions=True
    )
    created = [r.session for r in results if isinstance(r, pb.CreateSessionResponse)]
    refused = [r for r in results if isinstance(r, grpc.aio.AioRpcError)]
    assert len(created) == 1, results
    assert len(refused) == 9, results
    (winner,) = created
    for error in refused:
        assert error.code() == grpc.StatusCode.ALREADY_EXISTS, error.details()
        assert detail(error, error_details_pb2.ResourceInfo).resource_name == winner.name
    assert await listed(rd, identifier=CUSTOMER) == [winner.name]
    sessions = [(await get_channel(rd, c.name)).session for c in channels]
    assert sorted(sessions, reverse=True) == [winner.name] + [""] * 9


# -- get and list -----------------------------------------------------------------------


async def test_get_session_by_id_and_by_unique_name(rd: Client) -> None:
    flow = await new_flow(rd)
    channel = await customer_channel(rd, flow)
    created = await new_session(rd, channel.name, unique_name="order-1234")
    assert created.unique_name == "order-1234"
    assert await get_session(rd, created.name) == created
    assert await get_session(rd, "sessions/order-1234") == created


async def test_get_unknown_session_is_not_found_and_a_malformed_name_invalid(rd: Client) -> None:
    await conversation(rd)
    for name in (MISSING_SESSION, "sessions/nobody"):
        await expect_error(
            rd.sessions.GetSession(pb.GetSessionRequest(name=name)), grpc.StatusCode.NOT_FOUND
        )
    for name in ("", "sessions/", "sessions/a/b", "channels/KC" + "0" * 32):
        await expect_error(
            rd.sessions.GetSession(pb.GetSessionRequest(name=name)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )


async def test_list_sessions_oldest_first_filtered_by_status_identifier_proxy_and_channel(
    rd: Client, harness: Harness
) -> None:
    sms = await new_flow(rd, CONTACT)
    other = await new_flow(rd, "+15550199")
    ch1 = await customer_channel(rd, sms, "+15550001")
    ch2 = await customer_channel(rd, sms, "+15550002")
    ch3 = await customer_channel(rd, other, "+15550001")
    idle = await customer_channel(rd, other, "+15550003")  # never gets a session
    s1 = await new_session(rd, ch1.name)
    harness.clock.advance(dt.timedelta(seconds=1))
    s2 = await new_session(rd, ch2.name)
    harness.clock.advance(dt.timedelta(seconds=1))
    s3 = await new_session(rd, ch3.name)
    await close_session(rd, s2.name, "done")

    assert await listed(rd) == [s1.name, s2.name, s3.name]
    assert await listed(rd, status=OPEN) == [s1.name, s3.name]
    assert await listed(rd, status=CLOSED) == [s2.name]
    assert await listed(rd, identifier="+15550001") == [s1.name, s3.name]
    assert await listed(rd, identifier=ch2.name) == [s2.name]  # the channel participant
    assert await listed(rd, proxy_identifier=CONTACT) == [s1.name, s2.name]
    assert await listed(rd, proxy_identifier="+15550199") == [s3.name]
    assert await listed(rd, channel=ch3.name) == [s3.name]
    assert await listed(rd, identifier="+15550001", proxy_identifier="+15550199") == [s3.name]
    # Filters that match nothing.
    assert await listed(rd, status=IN_PROGRESS) == []
    assert await listed(rd, status=FAILED) == []
    assert await listed(rd, identifier="+19999999") == []
    assert await listed(rd, identifier=CONTACT) == []  # a contact identity is a proxy identifier
    assert await listed(rd, proxy_identifier="+15550001") == []  # ... a customer address is not
    assert await listed(rd, channel=idle.name) == []
    assert await listed(rd, status=CLOSED, channel=ch1.name) == []


# -- update -------------------------------------------------------------------------------


async def test_a_new_ttl_counts_from_creation_before_any_interaction_and_0_clears_expiry(
    rd: Client, harness: Harness
) -> None:
    _, _, session = await conversation(rd)
    harness.clock.advance(dt.timedelta(seconds=10))
    updated = await set_ttl(rd, session, 30)
    assert updated.ttl.ToTimedelta() == dt.timedelta(seconds=30)
    assert when(updated.expire_time) == when(session.create_time) + dt.timedelta(seconds=30)
    assert updated.etag != session.etag
    assert await get_session(rd, session.name) == updated
    cleared = await set_ttl(rd, updated, 0)
    assert cleared.ttl.ToTimedelta() == dt.timedelta(0)
    assert not cleared.HasField("expire_time")
    assert cleared.status == OPEN


async def test_a_new_ttl_counts_from_the_last_interaction(rd: Client, harness: Harness) -> None:
    _, channel, session = await conversation(rd)
    harness.clock.advance(dt.timedelta(seconds=5))
    message = await agent_says(rd, channel.name)
    harness.clock.advance(dt.timedelta(seconds=5))
    updated = await set_ttl(rd, session, 60)
    assert when(updated.last_interaction_time) == when(message.create_time)
    assert when(updated.expire_time) == when(message.create_time) + dt.timedelta(seconds=60)


async def test_an_explicit_expire_time_is_kept_and_must_be_in_the_future(
    rd: Client, harness: Harness
) -> None:
    _, _, session = await conversation(rd)
    deadline = harness.clock.now() + dt.timedelta(seconds=30)
    updated = (await update(rd, session, ["expire_time"], expire_time=stamp(deadline))).session
    assert when(updated.expire_time) == deadline
    past = harness.clock.now() - dt.timedelta(seconds=1)
    await expect_error(
        update(rd, updated, ["expire_time"], expire_time=stamp(past)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert await get_session(rd, session.name) == updated
    await advance(harness, 29)
    assert (await get_session(rd, session.name)).status == OPEN
    await advance(harness, 2)
    assert (await get_session(rd, session.name)).status == CLOSED


async def test_an_update_with_a_stale_etag_is_aborted_and_changes_nothing(rd: Client) -> None:
    _, _, session = await conversation(rd)
    current = await set_ttl(rd, session, 30)
    await expect_error(
        update(rd, session, ["ttl"], ttl=seconds(90), etag=session.etag), grpc.StatusCode.ABORTED
    )
    assert await get_session(rd, session.name) == current
    # The current etag is accepted.
    updated = (await update(rd, current, ["ttl"], ttl=seconds(90), etag=current.etag)).session
    assert updated.ttl.ToTimedelta() == dt.timedelta(seconds=90)


async def test_updating_a_closed_session_is_failed_precondition(rd: Client) -> None:
    _, _, session = await conversation(rd)
    closed = await close_session(rd, session.name, "done")
    await expect_error(
        update(rd, session, ["ttl"], ttl=seconds(30)), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert await get_session(rd, session.name) == closed


# -- expiry ---------------------------------------------------------------------------------


async def test_an_idle_session_closes_when_its_ttl_runs_out_and_its_channel_stays_active(
    rd: Client, harness: Harness
) -> None:
    _, channel, session = await conversation(rd, ttl=60)
    await advance(harness, 59)
    assert (await get_session(rd, session.name)).status == OPEN
    await advance(harness, 2)
    expired = await get_session(rd, session.name)
    assert expired.status == CLOSED
    assert expired.close_reason
    after = await get_channel(rd, channel.name)
    assert after.state == channel_pb2.CHANNEL_STATE_ACTIVE
    assert after.session == ""


async def test_the_expiry_timer_survives_a_restart(harness: Harness) -> None:
    _, channel, session = await conversation(harness.client, ttl=60)
    await advance(harness, 59)
    assert (await get_session(harness.client, session.name)).status == OPEN
    await harness.restart()
    await advance(harness, 2)
    expired = await get_session(harness.client, session.name)
    assert expired.status == CLOSED
    assert expired.close_reason
    assert (await get_channel(harness.client, channel.name)).session == ""


# -- interactions -------------------------------------------------------------------------


async def test_an_agent_message_is_an_outbound_interaction_that_puts_the_session_in_progress(
    rd: Client, harness: Harness
) -> None:
    _, channel, session = await conversation(rd, ttl=60)
    harness.clock.advance(dt.timedelta(seconds=7))
    sent_at = harness.clock.now()
    message = await agent_says(rd, channel.name, "how can I help?")
    assert message.direction == OUTBOUND
    assert message.delivery.status == QUEUED
    (interaction,) = await interactions(rd, session.name)
    assert interaction.message == message.name
    assert interaction.direction == OUTBOUND
    assert interaction.delivery_status == QUEUED
    assert when(interaction.create_time) == sent_at
    after = await get_session(rd, session.name)
    assert after.status == IN_PROGRESS
    assert when(after.last_interaction_time) == sent_at
    assert when(after.expire_time) == sent_at + dt.timedelta(seconds=60)


async def test_activity_keeps_a_session_with_a_ttl_alive(rd: Client, harness: Harness) -> None:
    _, channel, session = await conversation(rd, ttl=60)
    await advance(harness, 50)
    await agent_says(rd, channel.name)
    await advance(harness, 50)
    assert (await get_session(rd, session.name)).status == IN_PROGRESS
    # 60 s after the message, it is idle for good.
    await advance(harness, 11)
    assert (await get_session(rd, session.name)).status == CLOSED


async def test_a_customer_message_is_an_inbound_interaction(rd: Client) -> None:
    _, channel, session = await conversation(rd)
    await add_member(rd, channel.name, CUSTOMER, member_pb2.MEMBER_ROLE_CUSTOMER)
    message = await send(rd, channel.name, "hello?", author=CUSTOMER)
    assert message.direction == INBOUND
    (interaction,) = await interactions(rd, session.name)
    assert interaction.message == message.name
    assert interaction.direction == INBOUND
    assert interaction.delivery_status == common_pb2.DELIVERY_STATUS_UNSPECIFIED
    assert (await get_session(rd, session.name)).status == IN_PROGRESS


async def test_internal_messages_and_messages_after_the_close_are_not_interactions(
    rd: Client,
) -> None:
    _, channel, session = await conversation(rd)
    await add_member(rd, channel.name, "alice", member_pb2.MEMBER_ROLE_AGENT)
    await send(rd, channel.name, "note to self", author="alice", internal=True)
    assert await interactions(rd, session.name) == []
    untouched = await get_session(rd, session.name)
    assert untouched.status == OPEN
    assert not untouched.HasField("last_interaction_time")
    crossed = await send(rd, channel.name, "hi", author="alice")
    await close_session(rd, session.name, "done")
    late = await send(rd, channel.name, "anyone there?", author="alice")
    assert not late.HasField("delivery")  # no session: nothing leaves through a gateway
    assert [i.message for i in await interactions(rd, session.name)] == [crossed.name]


# -- close and the channel's lifecycle ---------------------------------------------------


async def test_close_session_keeps_the_channel_and_frees_the_customer_for_a_new_session(
    rd: Client,
) -> None:
    _, channel, session = await conversation(rd)
    closed = await close_session(rd, session.name, "resolved")
    assert closed.status == CLOSED
    assert closed.close_reason == "resolved"
    assert await get_session(rd, session.name) == closed
    after = await get_channel(rd, channel.name)
    assert after.state == channel_pb2.CHANNEL_STATE_ACTIVE
    assert after.session == ""
    await expect_error(
        rd.sessions.CloseSession(pb.CloseSessionRequest(name=session.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    again = await new_session(rd, channel.name)
    assert again.name != session.name
    assert again.status == OPEN
    assert (again.participants[0].identifier, again.participants[0].proxy_identifier) == (
        CUSTOMER,
        CONTACT,
    )
    assert (await get_channel(rd, channel.name)).session == again.name


async def test_closing_the_channel_closes_its_session(rd: Client) -> None:
    _, channel, session = await conversation(rd)
    await rd.channels.CloseChannel(channels_pb.CloseChannelRequest(name=channel.name, reason="bye"))
    closed = await get_session(rd, session.name)
    assert closed.status == CLOSED
    assert closed.close_reason == "bye"
    assert (await get_channel(rd, channel.name)).session == ""


async def test_deleting_the_channel_fails_its_session(rd: Client) -> None:
    _, channel, session = await conversation(rd)
    await rd.channels.DeleteChannel(channels_pb.DeleteChannelRequest(name=channel.name))
    assert (await get_session(rd, session.name)).status == FAILED
    assert await listed(rd, status=FAILED) == [session.name]


# -- participants and events ------------------------------------------------------------


async def test_list_participants_returns_the_customer_then_the_channel(rd: Client) -> None:
    _, channel, session = await conversation(rd)
    response = await rd.sessions.ListParticipants(pb.ListParticipantsRequest(parent=session.name))
    participants = list(response.participants)
    assert participants == list(session.participants)
    assert [(p.identifier, p.proxy_identifier) for p in participants] == [
        (CUSTOMER, CONTACT),
        (channel.name, ""),
    ]
    assert all(p.name.startswith(f"{session.name}/participants/") for p in participants)
    assert len({p.name for p in participants}) == 2
    await expect_error(
        rd.sessions.ListParticipants(pb.ListParticipantsRequest(parent=MISSING_SESSION)),
        grpc.StatusCode.NOT_FOUND,
    )


async def test_create_update_and_close_emit_session_events(rd: Client) -> None:
    _, _, created = await conversation(rd)
    updated = await set_ttl(rd, created, 30)
    closed = await close_session(rd, created.name, "resolved")
    call = rd.events.Subscribe(
        events_pb.SubscribeRequest(after_sequence=0, types=[SESSION_CREATED, SESSION_UPDATED])
    )
    events = await read_events(call, 3)
    call.cancel()
    assert [e.type for e in events] == [SESSION_CREATED, SESSION_UPDATED, SESSION_UPDATED]
    assert events[0].session == created
    assert events[1].session == updated
    assert events[2].session == closed
    assert events[2].session.status == CLOSED
