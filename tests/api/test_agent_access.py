"""People's credentials end to end (API §10): an agent works a conversation with nothing but
its own token; agents and customers act only as themselves, and what they may not see
answers exactly like what does not exist."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import grpc
from google.protobuf import struct_pb2

from relaydesk.client import Client, error_details
from relaydesk.v1 import (
    channel_pb2,
    common_pb2,
    event_pb2,
    event_service_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    member_pb2,
    message_pb2,
    reservation_pb2,
    task_pb2,
    worker_pb2,
)
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import session_service_pb2 as sessions_pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from relaydesk.v1 import workforce_service_pb2 as workforce_pb
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    access_token,
    activity,
    add_member,
    events_until_idle,
    expect_error,
    new_channel,
    new_worker,
    routing_to,
    send,
    subscribe,
    task_flow,
)

WAIT = 10.0
SMS = common_pb2.CHANNEL_TYPE_SMS
CONTACT = "+15550100"
MISSING = "0" * 32


async def next_event(stream: Any, wanted: int) -> event_pb2.Event:
    """The next event of type `wanted` on `stream`, skipping the others."""
    async with asyncio.timeout(WAIT):
        while True:
            response = await stream.read()
            assert response is not grpc.aio.EOF, "the stream ended"
            if response.event.type == wanted:
                event: event_pb2.Event = response.event
                return event


async def inbound(rd: Client, customer: str, external_id: str, contact: str = CONTACT) -> Any:
    return await rd.gateway.DeliverInbound(
        gateway_service_pb2.DeliverInboundRequest(
            channel_type=SMS,
            customer_address=customer,
            contact_identity=contact,
            body="my order is late",
            external_id=external_id,
        )
    )


async def sms_line(rd: Client, contact: str, workflow: str) -> None:
    flow = task_flow(contact)
    flow.task.workflow = workflow
    await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))


async def test_an_agent_works_a_conversation_with_only_its_own_token(harness: Harness) -> None:
    rd = harness.client
    workflow = await routing_to(rd, target_workers="worker.identity == 'alice'")
    await sms_line(rd, CONTACT, workflow)
    await new_worker(rd, "alice")
    alice = harness.connect(await access_token(rd, "alice", common_pb2.ROLE_AGENT))
    outbound = rd.gateway.StreamOutbound(gateway_service_pb2.StreamOutboundRequest())
    try:
        # Signed in, the agent finds its worker and goes Available.
        mine = (await alice.workforce.ListWorkers(workforce_pb.ListWorkersRequest())).workers
        assert [w.identity for w in mine] == ["alice"]
        activities = (
            await alice.workforce.ListActivities(workforce_pb.ListActivitiesRequest())
        ).activities
        available = next(a.name for a in activities if a.display_name == "Available")
        worker = (
            await alice.workforce.SetWorkerActivity(
                workforce_pb.SetWorkerActivityRequest(name=mine[0].name, activity=available)
            )
        ).worker
        assert worker.available

        stream = alice.events.Subscribe(event_service_pb2.SubscribeRequest(after_sequence=0))
        delivered = await inbound(rd, "+15557770001", "m-1")

        # The offer reaches the agent's own stream; it accepts it with its own token.
        offered = await next_event(stream, event_pb2.EVENT_TYPE_RESERVATION_CREATED)
        assert offered.reservation.worker == worker.name
        accepted = (
            await alice.tasks.AcceptReservation(
                tasks_pb.AcceptReservationRequest(name=offered.reservation.name)
            )
        ).reservation
        assert accepted.status == reservation_pb2.RESERVATION_STATUS_ACCEPTED
        task = (await alice.tasks.GetTask(tasks_pb.GetTaskRequest(name=accepted.task))).task
        assert task.status == task_pb2.TASK_STATUS_ASSIGNED
        assert task.channel == delivered.channel

        # It reads the customer's message and replies; the reply leaves through the gateway.
        history = (
            await alice.channels.ListMessages(
                channels_pb.ListMessagesRequest(parent=delivered.channel)
            )
        ).messages
        assert [m.body for m in history] == ["my order is late"]
        reply = await send(alice, delivered.channel, "On it, one moment")
        assert reply.author == "alice"
        assert reply.direction == message_pb2.MESSAGE_DIRECTION_OUTBOUND
        async with asyncio.timeout(WAIT):
            leaving = (await outbound.read()).delivery
        assert (leaving.message, leaving.body) == (reply.name, "On it, one moment")

        completed = (
            await alice.tasks.CompleteTask(
                tasks_pb.CompleteTaskRequest(name=task.name, reason="resolved")
            )
        ).task
        assert completed.status == task_pb2.TASK_STATUS_COMPLETED
        # The janitor ended the conversation: the agent left it (the last of its events
        # the agent sees), and the channel is closed.
        left = await next_event(stream, event_pb2.EVENT_TYPE_MEMBER_LEFT)
        assert (left.member.identity, left.member.name.rpartition("/members/")[0]) == (
            "alice",
            delivered.channel,
        )
        closed = (
            await rd.channels.GetChannel(channels_pb.GetChannelRequest(name=delivered.channel))
        ).channel
        assert closed.state == channel_pb2.CHANNEL_STATE_INACTIVE
        mine_now = (await alice.channels.ListChannels(channels_pb.ListChannelsRequest())).channels
        assert mine_now == []
        stream.cancel()
    finally:
        outbound.cancel()
        await alice.close()


def _answer(error: grpc.aio.AioRpcError) -> tuple[Any, ...]:
    return (error.code(), error.details(), [str(d) for d in error_details(error)])


async def _same_answer(calls: list[Any]) -> tuple[Any, ...]:
    """Each call fails PERMISSION_DENIED, and all with exactly the same status, message and
    details."""
    answers = [
        _answer(await expect_error(call, grpc.StatusCode.PERMISSION_DENIED)) for call in calls
    ]
    assert all(answer == answers[0] for answer in answers), answers
    return answers[0]


async def test_what_a_person_may_not_see_answers_like_what_does_not_exist(
    harness: Harness,
) -> None:
    rd = harness.client
    workflow = await routing_to(rd)
    await sms_line(rd, CONTACT, workflow)
    bob_worker = await new_worker(rd, "bob")
    await new_worker(rd, "alice")
    await rd.workforce.SetWorkerActivity(
        workforce_pb.SetWorkerActivityRequest(
            name=bob_worker, activity=await activity(rd, "Available")
        )
    )
    bobs = await inbound(rd, "+15557770002", "m-2")
    offer = (
        await rd.tasks.ListReservations(tasks_pb.ListReservationsRequest(parent="tasks/-"))
    ).reservations[0]
    alice = harness.connect(await access_token(rd, "alice", common_pb2.ROLE_AGENT))
    customer = harness.connect(
        await access_token(rd, "+15557770003", common_pb2.ROLE_CUSTOMER, bobs.channel)
    )
    try:
        await _same_answer(
            [
                alice.tasks.GetTask(tasks_pb.GetTaskRequest(name=offer.task)),
                alice.tasks.GetTask(tasks_pb.GetTaskRequest(name=f"tasks/WT{MISSING}")),
            ]
        )
        await _same_answer(
            [
                alice.tasks.AcceptReservation(tasks_pb.AcceptReservationRequest(name=offer.name)),
                alice.tasks.AcceptReservation(
                    tasks_pb.AcceptReservationRequest(name=f"{offer.task}/reservations/WR{MISSING}")
                ),
            ]
        )
        await _same_answer(
            [
                alice.workforce.GetWorker(workforce_pb.GetWorkerRequest(name=bob_worker)),
                alice.workforce.GetWorker(
                    workforce_pb.GetWorkerRequest(name=f"workers/WK{MISSING}")
                ),
            ]
        )
        await _same_answer(
            [
                alice.sessions.GetSession(sessions_pb.GetSessionRequest(name=bobs.session)),
                alice.sessions.GetSession(
                    sessions_pb.GetSessionRequest(name=f"sessions/KC{MISSING}")
                ),
            ]
        )
        for person in (alice, customer):
            await _same_answer(
                [
                    person.channels.GetChannel(channels_pb.GetChannelRequest(name=bobs.channel)),
                    person.channels.GetChannel(
                        channels_pb.GetChannelRequest(name=f"channels/CH{MISSING}")
                    ),
                    person.channels.GetChannel(
                        channels_pb.GetChannelRequest(name="channels/no-such-unique-name")
                    ),
                ]
            )
        # Staff, who may see everything, are told what is missing.
        await expect_error(
            rd.tasks.GetTask(tasks_pb.GetTaskRequest(name=f"tasks/WT{MISSING}")),
            grpc.StatusCode.NOT_FOUND,
        )
    finally:
        await alice.close()
        await customer.close()


async def test_an_agent_acts_only_as_itself(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd, display_name="ops")
    await add_member(rd, channel.name, "alice")
    bob_member = await add_member(rd, channel.name, "bob")
    await send(rd, channel.name, "first")
    bob_worker = await new_worker(rd, "bob")
    await new_worker(rd, "alice")
    alice = harness.connect(await access_token(rd, "alice", common_pb2.ROLE_AGENT))
    denied = grpc.StatusCode.PERMISSION_DENIED
    try:
        await expect_error(
            alice.channels.SendMessage(
                channels_pb.SendMessageRequest(parent=channel.name, body="x", author="bob")
            ),
            denied,
        )
        await expect_error(
            alice.channels.SendTyping(
                channels_pb.SendTypingRequest(parent=channel.name, identity="bob")
            ),
            denied,
        )
        await expect_error(
            alice.channels.UpdateReadHorizon(
                channels_pb.UpdateReadHorizonRequest(name=bob_member.name, last_read_index=0)
            ),
            denied,
        )
        await expect_error(
            alice.tasks.ListTasks(tasks_pb.ListTasksRequest(worker=bob_worker)), denied
        )
        await expect_error(
            alice.tasks.ListReservations(
                tasks_pb.ListReservationsRequest(parent="tasks/-", worker=bob_worker)
            ),
            denied,
        )
        await expect_error(
            alice.workforce.SetWorkerActivity(
                workforce_pb.SetWorkerActivityRequest(
                    name=bob_worker, activity=await activity(rd, "Available")
                )
            ),
            denied,
        )
        # Lists answer with its own things only.
        listed = await alice.channels.ListChannels(
            channels_pb.ListChannelsRequest(member_identity="bob")
        )
        assert [c.name for c in listed.channels] == [channel.name]
        workers = (await alice.workforce.ListWorkers(workforce_pb.ListWorkersRequest())).workers
        assert [w.identity for w in workers] == ["alice"]
        # A channel it made, it is a member of.
        made = (
            await alice.channels.CreateChannel(
                channels_pb.CreateChannelRequest(channel={"display_name": "mine"})
            )
        ).channel
        members = await alice.channels.ListMembers(channels_pb.ListMembersRequest(parent=made.name))
        assert [m.identity for m in members.members] == ["alice"]
    finally:
        await alice.close()


async def test_a_customer_sees_its_channel_and_nothing_behind_it(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=50))
    rd = harness.client
    workflow = await routing_to(rd)
    await sms_line(rd, CONTACT, workflow)
    mine = await inbound(rd, "+15557770004", "m-4")
    other = await inbound(rd, "+15557770005", "m-5")
    await add_member(rd, mine.channel, "alice")
    notes = struct_pb2.Struct()
    notes.update({"vip": True})
    await rd.channels.AddMember(
        channels_pb.AddMemberRequest(
            parent=mine.channel,
            member=member_pb2.Member(
                identity="supervisor", role=member_pb2.MEMBER_ROLE_AGENT, attributes=notes
            ),
        )
    )
    await send(rd, mine.channel, "customer seems upset", internal=True)
    await send(rd, mine.channel, "Hello! How can I help?", author="alice")
    customer = harness.connect(
        await access_token(rd, "+15557770004", common_pb2.ROLE_CUSTOMER, mine.channel)
    )
    denied = grpc.StatusCode.PERMISSION_DENIED
    try:
        listed = await customer.channels.ListChannels(channels_pb.ListChannelsRequest())
        assert [c.name for c in listed.channels] == [mine.channel]
        await expect_error(customer.tasks.ListTasks(tasks_pb.ListTasksRequest()), denied)
        await expect_error(
            customer.sessions.GetSession(sessions_pb.GetSessionRequest(name=mine.session)), denied
        )
        messages = (
            await customer.channels.ListMessages(
                channels_pb.ListMessagesRequest(parent=mine.channel)
            )
        ).messages
        assert [m.body for m in messages] == ["my order is late", "Hello! How can I help?"]
        members = (
            await customer.channels.ListMembers(channels_pb.ListMembersRequest(parent=mine.channel))
        ).members
        assert {m.identity for m in members} >= {"+15557770004", "supervisor"}
        assert all(not m.HasField("attributes") or not m.attributes.fields for m in members)
        await expect_error(
            customer.channels.SendMessage(
                channels_pb.SendMessageRequest(parent=mine.channel, body="x", internal=True)
            ),
            denied,
        )
        await expect_error(
            customer.channels.SendMessage(
                channels_pb.SendMessageRequest(parent=other.channel, body="x")
            ),
            denied,
        )
        sent = await send(customer, mine.channel, "thanks")
        assert sent.direction == message_pb2.MESSAGE_DIRECTION_INBOUND

        # Its channel, without the routing behind it, which staff see.
        seen = (
            await customer.channels.GetChannel(channels_pb.GetChannelRequest(name=mine.channel))
        ).channel
        full = (
            await rd.channels.GetChannel(channels_pb.GetChannelRequest(name=mine.channel))
        ).channel
        assert (full.task != "", full.session != "") == (True, True)
        assert (seen.task, seen.session) == ("", "")
        assert seen.name == full.name

        # Its events hold the same, and nothing else.
        stream = subscribe(customer, after_sequence=0)
        events = await events_until_idle(stream, harness.running.streams.bus.head)
        stream.cancel()
        kinds = {e.WhichOneof("payload") for e in events}
        assert kinds <= {"channel", "member", "message"}, kinds
        assert "message" in kinds
        assert all(e.channel.task == "" and e.channel.session == "" for e in events)
        assert all(not e.member.attributes.fields for e in events)
        assert all(e.message.direction != message_pb2.MESSAGE_DIRECTION_INTERNAL for e in events)
        assert {e.message.body for e in events if e.HasField("message")} == {
            "my order is late",
            "Hello! How can I help?",
            "thanks",
        }
    finally:
        await customer.close()


async def test_a_worker_changes_only_through_its_own_token(harness: Harness) -> None:
    rd = harness.client
    created = await rd.workforce.CreateWorker(
        workforce_pb.CreateWorkerRequest(worker=worker_pb2.Worker(identity="carol"))
    )
    carol = harness.connect(await access_token(rd, "carol", common_pb2.ROLE_AGENT))
    try:
        got = (
            await carol.workforce.GetWorker(workforce_pb.GetWorkerRequest(name=created.worker.name))
        ).worker
        assert got.identity == "carol"
        await expect_error(
            carol.workforce.UpdateWorker(
                workforce_pb.UpdateWorkerRequest(
                    worker=worker_pb2.Worker(name=created.worker.name, display_name="Boss"),
                    update_mask={"paths": ["display_name"]},
                )
            ),
            grpc.StatusCode.PERMISSION_DENIED,
        )
    finally:
        await carol.close()
