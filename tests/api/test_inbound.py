"""Inbound messaging end to end (§3, §4, §8): a gateway delivers a customer's message, the
orchestration finds or starts the conversation (channel, session, customer member, task), an
agent answers, the reply leaves through StreamOutbound and is acknowledged with AckOutbound,
and the janitor ends the conversation with its task.

Time moves only with the harness clock (and timers fire with `fire_due`); a stream is read
with an `asyncio.timeout` bound, never after a pause.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import grpc
import pytest
from google.protobuf import timestamp_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_pb2,
    common_pb2,
    flow_pb2,
    member_pb2,
    message_pb2,
    reservation_pb2,
    session_pb2,
    task_pb2,
    worker_pb2,
)
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import gateway_service_pb2 as pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from relaydesk.v1 import workforce_service_pb2 as wf
from tests.support import (
    Harness,
    ack,
    add_member,
    all_channels,
    all_sessions,
    all_tasks,
    attributes,
    default_workflow,
    detail,
    expect_error,
    get_channel,
    get_session,
    get_task,
    members,
    messages,
    next_delivery,
    open_outbound,
    send,
    start_server,
    task_flow,
    tick,
    violated_fields,
)

WAIT = 10  # seconds: an upper bound on waiting for a delivery, never a pause
LEASE = dt.timedelta(seconds=30)  # the default outbound lease
PAST_LEASE = dt.timedelta(seconds=31)
CUSTOMER = "+15551234"
CONTACT = "+15550100"
AGENT = "alice"
MISSING_DELIVERY = "OD" + "0" * 32

SMS = common_pb2.CHANNEL_TYPE_SMS
WHATSAPP = common_pb2.CHANNEL_TYPE_WHATSAPP
CUSTOM = common_pb2.CHANNEL_TYPE_CUSTOM
QUEUED = common_pb2.DELIVERY_STATUS_QUEUED
SENT = common_pb2.DELIVERY_STATUS_SENT
DELIVERED = common_pb2.DELIVERY_STATUS_DELIVERED
FAILED = common_pb2.DELIVERY_STATUS_FAILED
INBOUND = message_pb2.MESSAGE_DIRECTION_INBOUND
OUTBOUND = message_pb2.MESSAGE_DIRECTION_OUTBOUND
ACTIVE = channel_pb2.CHANNEL_STATE_ACTIVE
INACTIVE = channel_pb2.CHANNEL_STATE_INACTIVE
IN_PROGRESS = session_pb2.SESSION_STATUS_IN_PROGRESS
CLOSED = session_pb2.SESSION_STATUS_CLOSED
WAITING = {task_pb2.TASK_STATUS_PENDING, task_pb2.TASK_STATUS_RESERVED}


# -- helpers ----------------------------------------------------------------------


async def new_flow(
    rd: Client,
    contact: str = CONTACT,
    channel_type: int = SMS,
    *,
    task_timeout: int | None = None,
    **fields: Any,
) -> flow_pb2.Flow:
    """A TASK flow routing to the default workflow (enabled unless `enabled=False`)."""
    flow = task_flow(contact, channel_type, **fields)
    if task_timeout is not None:
        flow.task.timeout.seconds = task_timeout
    return (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=flow))).flow


def deliver(rd: Client, **fields: Any) -> Any:
    """The DeliverInbound call for a message from CUSTOMER to CONTACT over SMS, with `fields`
    overriding (await it, or hand it to expect_error)."""
    request = {
        "channel_type": SMS,
        "customer_address": CUSTOMER,
        "contact_identity": CONTACT,
        "body": "hi",
        "external_id": "m1",
        **fields,
    }
    return rd.gateway.DeliverInbound(pb.DeliverInboundRequest(**request))


async def inbound(
    rd: Client,
    external_id: str,
    body: str = "hi",
    customer: str = CUSTOMER,
    contact: str = CONTACT,
    channel_type: int = SMS,
    **fields: Any,
) -> pb.DeliverInboundResponse:
    """One message from `customer` to `contact`, delivered by a gateway."""
    response: pb.DeliverInboundResponse = await deliver(
        rd,
        channel_type=channel_type,
        customer_address=customer,
        contact_identity=contact,
        body=body,
        external_id=external_id,
        **fields,
    )
    return response


def ack_call(rd: Client, delivery_id: str, status: int, **fields: Any) -> Any:
    request = pb.AckOutboundRequest(id=delivery_id, status=status, **fields)  # type: ignore[arg-type]
    return rd.gateway.AckOutbound(request)


async def get_message(rd: Client, name: str) -> message_pb2.Message:
    return (await rd.channels.GetMessage(channels_pb.GetMessageRequest(name=name))).message


async def available_agent(rd: Client, identity: str = AGENT) -> str:
    """A worker that is Available: it is offered the tasks of the default workflow."""
    worker = worker_pb2.Worker(identity=identity)
    name = (await rd.workforce.CreateWorker(wf.CreateWorkerRequest(worker=worker))).worker.name
    listed = await rd.workforce.ListActivities(wf.ListActivitiesRequest(page_size=1000))
    available = next(a.name for a in listed.activities if a.display_name == "Available")
    await rd.workforce.SetWorkerActivity(wf.SetWorkerActivityRequest(name=name, activity=available))
    return name


async def accept_offer(rd: Client, task: str, worker: str) -> reservation_pb2.Reservation:
    """Accepts the task's one pending offer, which must be to `worker`."""
    listed = await rd.tasks.ListReservations(tasks_pb.ListReservationsRequest(parent=task))
    pending = [
        r for r in listed.reservations if r.status == reservation_pb2.RESERVATION_STATUS_PENDING
    ]
    assert len(pending) == 1, listed.reservations
    assert pending[0].worker == worker
    request = tasks_pb.AcceptReservationRequest(name=pending[0].name)
    return (await rd.tasks.AcceptReservation(request)).reservation


async def complete(rd: Client, task: str) -> task_pb2.Task:
    return (await rd.tasks.CompleteTask(tasks_pb.CompleteTaskRequest(name=task))).task


async def conversation_with_agent(
    rd: Client, customer: str = CUSTOMER, contact: str = CONTACT, channel_type: int = SMS
) -> str:
    """A customer's conversation (its flow made here) with AGENT added as an agent member;
    returns the channel's name."""
    await new_flow(rd, contact, channel_type)
    first = await inbound(
        rd, f"{customer}-first", customer=customer, contact=contact, channel_type=channel_type
    )
    await add_member(rd, first.channel, AGENT, member_pb2.MEMBER_ROLE_AGENT)
    return first.channel


async def reply(rd: Client, channel: str, body: str = "how can I help?") -> message_pb2.Message:
    """The agent's answer to the customer, sent through the admin client."""
    return await send(rd, channel, body, author=AGENT)


def stamp(moment: dt.datetime) -> timestamp_pb2.Timestamp:
    result = timestamp_pb2.Timestamp()
    result.FromDatetime(moment)
    return result


def when(timestamp: timestamp_pb2.Timestamp) -> dt.datetime:
    return timestamp.ToDatetime(dt.UTC)


# -- finding the flow, and validation -------------------------------------------------


async def test_a_message_for_a_contact_identity_without_a_flow_is_not_found(
    rd: Client,
) -> None:
    await new_flow(rd, "+15550199")  # another number
    await new_flow(rd, CONTACT, WHATSAPP)  # our number, but on another channel type
    error = await expect_error(deliver(rd), grpc.StatusCode.NOT_FOUND)
    assert "Flow" in detail(error, error_details_pb2.ResourceInfo).resource_type
    assert await all_channels(rd) == []
    assert await all_tasks(rd) == []


async def test_a_message_for_a_disabled_flow_fails_its_precondition_and_stores_nothing(
    rd: Client,
) -> None:
    flow = await new_flow(rd, enabled=False)
    error = await expect_error(deliver(rd), grpc.StatusCode.FAILED_PRECONDITION)
    violations = detail(error, error_details_pb2.PreconditionFailure).violations
    assert any(flow.name in (v.subject + v.description) for v in violations), violations
    assert await all_channels(rd) == []
    assert await all_sessions(rd) == []
    assert await all_tasks(rd) == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"channel_type": common_pb2.CHANNEL_TYPE_UNSPECIFIED}, "channel_type"),
        ({"customer_address": ""}, "customer_address"),
        ({"contact_identity": ""}, "contact_identity"),
        ({"external_id": ""}, "external_id"),
    ],
    ids=["channel_type", "customer_address", "contact_identity", "external_id"],
)
async def test_deliver_inbound_without_a_required_field_is_invalid_and_names_it(
    rd: Client, fields: dict[str, Any], field: str
) -> None:
    await new_flow(rd)
    error = await expect_error(deliver(rd, **fields), grpc.StatusCode.INVALID_ARGUMENT)
    assert field in violated_fields(error)
    assert await all_channels(rd) == []


async def test_deliver_inbound_with_neither_body_nor_media_is_invalid(rd: Client) -> None:
    await new_flow(rd)
    error = await expect_error(deliver(rd, body=""), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) & {"body", "media"}
    assert await all_channels(rd) == []


async def test_a_message_with_only_media_is_delivered(rd: Client) -> None:
    await new_flow(rd)
    photo = common_pb2.Media(content_type="image/png", url="https://cdn.example.com/p.png")
    response = await inbound(rd, "m1", body="", media=[photo])
    assert list(response.message.media) == [photo]
    assert response.message.body == ""
    assert (await get_channel(rd, response.channel)).message_count == 1


# -- a new customer, and the customer's next messages ------------------------------


async def test_a_new_customers_first_message_starts_a_conversation_with_a_task(
    rd: Client, harness: Harness
) -> None:
    flow = await new_flow(rd)
    received = harness.clock.now() - dt.timedelta(seconds=5)
    response = await inbound(
        rd, "m1", "my order is late", display_name="Ann Smith", receive_time=stamp(received)
    )
    assert response.duplicate is False

    message = response.message
    assert message.name.startswith(f"{response.channel}/messages/")
    assert message.direction == INBOUND
    assert message.author == CUSTOMER
    assert message.body == "my order is late"
    assert message.index == 0
    assert when(message.create_time) == received
    assert not message.HasField("delivery")  # only what leaves through a gateway has one

    channel = await get_channel(rd, response.channel)
    assert channel.state == ACTIVE
    assert channel.flow == flow.name
    assert channel.channel_type == SMS
    assert channel.customer_address == CUSTOMER
    assert channel.long_lived is False
    assert channel.session == response.session
    assert channel.message_count == 1

    session = await get_session(rd, response.session)
    assert session.status == IN_PROGRESS
    assert session.channel == channel.name
    assert session.flow == flow.name
    assert [(p.identifier, p.proxy_identifier) for p in session.participants] == [
        (CUSTOMER, CONTACT),
        (channel.name, ""),
    ]

    customer = (await members(rd, channel.name))[CUSTOMER]
    assert customer.role == member_pb2.MEMBER_ROLE_CUSTOMER
    assert customer.display_name == "Ann Smith"

    (task,) = await all_tasks(rd)
    assert channel.task == task.name
    assert task.channel == channel.name
    assert task.workflow == default_workflow()
    assert task.status in WAITING
    assert attributes(task) == {
        "channel": channel.name,
        "channel_type": "CHANNEL_TYPE_SMS",
        "customer_address": CUSTOMER,
        "display_name": "Ann Smith",
    }


async def test_without_a_display_name_the_task_is_labelled_with_the_customer_address(
    rd: Client,
) -> None:
    await new_flow(rd)
    response = await inbound(rd, "m1")
    (task,) = await all_tasks(rd)
    assert task.channel == response.channel
    assert attributes(task)["display_name"] == CUSTOMER


async def test_the_customers_next_message_joins_the_same_conversation_without_a_new_task(
    rd: Client,
) -> None:
    await new_flow(rd)
    first = await inbound(rd, "m1", "hello")
    second = await inbound(rd, "m2", "anyone there?")
    assert second.duplicate is False
    assert second.channel == first.channel
    assert second.session == first.session
    assert second.message.index == 1
    assert second.message.direction == INBOUND
    assert len(await all_tasks(rd)) == 1
    assert len(await all_channels(rd)) == 1
    assert [m.body for m in await messages(rd, first.channel)] == ["hello", "anyone there?"]
    assert (await get_session(rd, first.session)).status == IN_PROGRESS


async def test_a_repeated_external_id_returns_the_original_message_and_stores_nothing(
    rd: Client,
) -> None:
    await new_flow(rd)
    first = await inbound(rd, "m1", "hello")
    again = await inbound(rd, "m1", "a different body, the same provider message")
    assert again.duplicate is True
    assert again.message == first.message
    assert (again.channel, again.session) == (first.channel, first.session)
    assert (await get_channel(rd, first.channel)).message_count == 1
    # Still a duplicate after other messages came in.
    await inbound(rd, "m2", "second")
    later = await inbound(rd, "m1", "hello")
    assert later.duplicate is True
    assert later.message == first.message
    assert (await get_channel(rd, first.channel)).message_count == 2
    assert len(await all_tasks(rd)) == 1


async def test_the_same_external_id_on_another_channel_type_is_another_message(
    rd: Client,
) -> None:
    await new_flow(rd)
    await new_flow(rd, "whatsapp:+15550100", WHATSAPP)
    sms = await inbound(rd, "m1", "by sms")
    whatsapp = await inbound(
        rd, "m1", "by whatsapp", "whatsapp:+15551234", "whatsapp:+15550100", WHATSAPP
    )
    assert whatsapp.duplicate is False
    assert whatsapp.channel != sms.channel
    assert whatsapp.message.name != sms.message.name
    assert whatsapp.message.body == "by whatsapp"
    assert len(await all_tasks(rd)) == 2


async def test_concurrent_first_messages_of_one_customer_make_one_conversation(
    rd: Client,
) -> None:
    await new_flow(rd)
    responses = await asyncio.gather(*(inbound(rd, f"m{i}", f"part {i}") for i in range(5)))
    assert not any(r.duplicate for r in responses)
    assert len({r.channel for r in responses}) == 1
    assert len({r.session for r in responses}) == 1
    assert sorted(r.message.index for r in responses) == [0, 1, 2, 3, 4]
    (channel,) = await all_channels(rd, customer_address=CUSTOMER)
    assert channel.name == responses[0].channel
    assert channel.message_count == 5
    assert len(await all_sessions(rd, identifier=CUSTOMER)) == 1
    (task,) = await all_tasks(rd)
    assert task.channel == channel.name


# -- the whole story ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel_type", "customer", "contact"),
    [
        (SMS, "+15551234", "+15550100"),
        (WHATSAPP, "whatsapp:+15551234", "whatsapp:+15550100"),
        (CUSTOM, "custom:visitor-42", "custom:support"),
    ],
    ids=["sms", "whatsapp", "custom"],
)
async def test_a_customer_is_answered_by_an_agent_through_the_gateway_until_the_task_completes(
    rd: Client, harness: Harness, channel_type: int, customer: str, contact: str
) -> None:
    await new_flow(rd, contact, channel_type)
    stream = open_outbound(rd, channel_type)

    async def says(external_id: str, body: str) -> pb.DeliverInboundResponse:
        return await inbound(rd, external_id, body, customer, contact, channel_type)

    first = await says("m1", "my order is late")
    channel = await get_channel(rd, first.channel)
    task = await get_task(rd, channel.task)
    assert task.status in WAITING
    type_name = common_pb2.ChannelType.Name(channel_type)  # type: ignore[arg-type]
    assert attributes(task)["channel_type"] == type_name
    assert attributes(task)["customer_address"] == customer

    # An agent becomes available, is offered the task and accepts it: it joins the channel.
    worker = await available_agent(rd)
    await accept_offer(rd, task.name, worker)
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_ASSIGNED
    assert (await members(rd, channel.name))[AGENT].role == member_pb2.MEMBER_ROLE_AGENT

    # The agent's reply leaves through the gateway.
    answer = await reply(rd, channel.name, "sorry, it ships today")
    assert answer.direction == OUTBOUND
    assert answer.author == AGENT
    assert answer.delivery.status == QUEUED
    delivery = await next_delivery(stream)
    assert delivery.id
    assert delivery.message == answer.name
    assert delivery.channel_type == channel_type
    assert delivery.customer_address == customer  # the recipient
    assert delivery.contact_identity == contact  # the sender
    assert delivery.body == "sorry, it ships today"
    assert delivery.attempt == 1
    assert when(delivery.lease_expire_time) == harness.clock.now() + LEASE

    acknowledged = await ack(rd, delivery.id, DELIVERED, provider_message_id="p1")
    assert acknowledged.name == answer.name
    assert acknowledged.delivery.status == DELIVERED
    assert acknowledged.delivery.provider_message_id == "p1"
    stored = await get_message(rd, answer.name)
    assert stored.delivery.status == DELIVERED
    assert stored.delivery.provider_message_id == "p1"

    # The customer writes again: the same conversation.
    second = await says("m2", "thanks!")
    assert (second.channel, second.session) == (first.channel, first.session)
    assert second.message.index == answer.index + 1
    assert len(await all_tasks(rd)) == 1

    # The task completes: the janitor ends the conversation.
    assert (await complete(rd, task.name)).status == task_pb2.TASK_STATUS_COMPLETED
    closed = await get_channel(rd, channel.name)
    assert closed.state == INACTIVE
    assert closed.close_reason
    assert AGENT not in await members(rd, channel.name)
    session = await get_session(rd, first.session)
    assert session.status == CLOSED
    assert session.close_reason

    # The customer comes back: a new conversation, with a new task.
    third = await says("m3", "one more thing")
    assert third.duplicate is False
    assert third.channel != first.channel
    assert third.session != first.session
    assert (await get_session(rd, third.session)).status == IN_PROGRESS
    assert third.message.index == 0
    tasks = await all_tasks(rd)
    assert len(tasks) == 2
    (new_task,) = [t for t in tasks if t.name != task.name]
    assert new_task.channel == third.channel
    assert (await get_channel(rd, third.channel)).task == new_task.name
    stream.cancel()


# -- long-lived flows and the janitor ---------------------------------------------------


async def test_a_long_lived_flow_reuses_the_customers_channel_with_its_history(
    rd: Client,
) -> None:
    await new_flow(rd, long_lived=True)
    worker = await available_agent(rd)
    first = await inbound(rd, "m1", "hello")
    channel = await get_channel(rd, first.channel)
    assert channel.long_lived is True
    first_task = channel.task
    await accept_offer(rd, first_task, worker)
    await reply(rd, first.channel, "hi, how can I help?")
    await complete(rd, first_task)
    assert (await get_channel(rd, first.channel)).state == INACTIVE
    assert (await get_session(rd, first.session)).status == CLOSED

    again = await inbound(rd, "m2", "back again")
    assert again.channel == first.channel
    assert again.session != first.session
    assert (await get_session(rd, again.session)).status == IN_PROGRESS
    reused = await get_channel(rd, first.channel)
    assert reused.state == ACTIVE
    assert reused.close_reason == ""
    assert reused.session == again.session
    assert reused.task
    assert reused.task != first_task
    assert (await get_task(rd, reused.task)).channel == first.channel
    assert len(await all_channels(rd)) == 1
    history = await messages(rd, first.channel)
    assert [(m.index, m.body) for m in history] == [
        (0, "hello"),
        (1, "hi, how can I help?"),
        (2, "back again"),
    ]
    assert again.message.index == 2


async def test_with_the_janitor_off_a_completed_task_leaves_the_conversation_open(
    rd: Client,
) -> None:
    await new_flow(rd, janitor_enabled=False)
    worker = await available_agent(rd)
    first = await inbound(rd, "m1")
    task = (await get_channel(rd, first.channel)).task
    await accept_offer(rd, task, worker)
    await complete(rd, task)

    channel = await get_channel(rd, first.channel)
    assert channel.state == ACTIVE
    assert channel.task == ""
    assert channel.session == first.session
    assert AGENT in await members(rd, channel.name)  # post-task work goes on
    assert (await get_session(rd, first.session)).status == IN_PROGRESS

    request = channels_pb.CloseChannelRequest(name=channel.name, reason="wrapped up")
    closed = (await rd.channels.CloseChannel(request)).channel
    assert closed.state == INACTIVE
    assert closed.close_reason == "wrapped up"
    assert (await get_session(rd, first.session)).status == CLOSED


async def test_a_task_canceled_by_its_timeout_ends_the_conversation(
    rd: Client, harness: Harness
) -> None:
    await new_flow(rd, task_timeout=60)
    first = await inbound(rd, "m1")
    task = (await get_channel(rd, first.channel)).task
    await tick(harness, dt.timedelta(seconds=59))
    assert (await get_channel(rd, first.channel)).state == ACTIVE
    await tick(harness, dt.timedelta(seconds=2))
    assert (await get_task(rd, task)).status == task_pb2.TASK_STATUS_CANCELED
    channel = await get_channel(rd, first.channel)
    assert channel.state == INACTIVE
    assert channel.close_reason
    assert (await get_session(rd, first.session)).status == CLOSED
    # Never a silent loss: the customer's next message starts a new conversation.
    again = await inbound(rd, "m2")
    assert again.channel != first.channel
    assert len(await all_tasks(rd)) == 2


# -- outbound delivery ---------------------------------------------------------------


async def test_an_unacknowledged_delivery_is_sent_again_after_its_lease(
    rd: Client, harness: Harness
) -> None:
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    answer = await reply(rd, channel)
    first = await next_delivery(stream)
    assert (first.message, first.attempt) == (answer.name, 1)
    await tick(harness, PAST_LEASE)
    again = await next_delivery(stream)
    assert again.id == first.id
    assert again.message == answer.name
    assert again.attempt == 2
    assert when(again.lease_expire_time) == harness.clock.now() + LEASE
    assert (await get_message(rd, answer.name)).delivery.status == QUEUED
    stream.cancel()


async def test_a_channels_next_delivery_waits_until_the_previous_one_is_acknowledged(
    rd: Client,
) -> None:
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    one = await reply(rd, channel, "one")
    two = await reply(rd, channel, "two")
    first = await next_delivery(stream)
    assert (first.message, first.body) == (one.name, "one")
    await ack(rd, first.id, SENT)
    second = await next_delivery(stream)
    assert (second.message, second.body, second.attempt) == (two.name, "two", 1)
    assert second.id != first.id
    assert (await get_message(rd, second.message)).index > one.index
    stream.cancel()


async def test_a_restart_loses_no_unacknowledged_delivery(harness: Harness) -> None:
    rd = harness.client
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    answer = await reply(rd, channel)
    first = await next_delivery(stream)
    stream.cancel()

    await harness.restart()
    rd = harness.client
    stream = open_outbound(rd, SMS)
    await tick(harness, PAST_LEASE)
    again = await next_delivery(stream)
    assert again.id == first.id
    assert again.message == answer.name
    assert again.attempt == 2
    assert (await ack(rd, again.id, DELIVERED)).delivery.status == DELIVERED
    assert (await get_message(rd, answer.name)).delivery.status == DELIVERED
    stream.cancel()


async def test_acknowledging_an_unknown_delivery_is_not_found(rd: Client) -> None:
    await expect_error(ack_call(rd, MISSING_DELIVERY, DELIVERED), grpc.StatusCode.NOT_FOUND)


@pytest.mark.parametrize(
    "status", [QUEUED, common_pb2.DELIVERY_STATUS_UNSPECIFIED], ids=["queued", "unspecified"]
)
async def test_an_acknowledgment_must_report_how_far_the_message_went(
    rd: Client, status: int
) -> None:
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    answer = await reply(rd, channel)
    delivery = await next_delivery(stream)
    error = await expect_error(ack_call(rd, delivery.id, status), grpc.StatusCode.INVALID_ARGUMENT)
    assert "status" in violated_fields(error)
    assert (await get_message(rd, answer.name)).delivery.status == QUEUED
    stream.cancel()


async def test_a_late_acknowledgment_does_not_move_the_status_back(rd: Client) -> None:
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    answer = await reply(rd, channel)
    delivery = await next_delivery(stream)
    await ack(rd, delivery.id, DELIVERED, provider_message_id="p1")
    late = await ack(rd, delivery.id, SENT)
    assert late.delivery.status == DELIVERED
    assert late.delivery.provider_message_id == "p1"
    assert (await get_message(rd, answer.name)).delivery.status == DELIVERED
    stream.cancel()


async def test_a_failed_delivery_keeps_its_error_and_is_not_sent_again(
    rd: Client, harness: Harness
) -> None:
    channel = await conversation_with_agent(rd)
    stream = open_outbound(rd, SMS)
    answer = await reply(rd, channel, "one")
    delivery = await next_delivery(stream)
    failed = await ack(rd, delivery.id, FAILED, error="30003 unreachable handset")
    assert failed.delivery.status == FAILED
    assert failed.delivery.error == "30003 unreachable handset"
    stored = await get_message(rd, answer.name)
    assert stored.delivery.status == FAILED
    assert stored.delivery.error == "30003 unreachable handset"
    # Its lease would have run out by now; the channel's next delivery is the next message.
    await tick(harness, PAST_LEASE)
    later = await reply(rd, channel, "two")
    following = await next_delivery(stream)
    assert (following.message, following.attempt) == (later.name, 1)
    stream.cancel()


async def test_a_stream_gets_only_the_deliveries_of_its_channel_types(rd: Client) -> None:
    sms_channel = await conversation_with_agent(rd)
    whatsapp_channel = await conversation_with_agent(
        rd, "whatsapp:+15551234", "whatsapp:+15550100", WHATSAPP
    )
    sms_stream = open_outbound(rd, SMS)
    whatsapp_stream = open_outbound(rd, WHATSAPP)
    to_whatsapp = await reply(rd, whatsapp_channel, "by whatsapp")
    to_sms = await reply(rd, sms_channel, "by sms")
    sms_delivery = await next_delivery(sms_stream)
    whatsapp_delivery = await next_delivery(whatsapp_stream)
    assert (sms_delivery.message, sms_delivery.channel_type) == (to_sms.name, SMS)
    assert sms_delivery.customer_address == CUSTOMER
    assert (whatsapp_delivery.message, whatsapp_delivery.channel_type) == (
        to_whatsapp.name,
        WHATSAPP,
    )
    assert whatsapp_delivery.customer_address == "whatsapp:+15551234"
    assert whatsapp_delivery.contact_identity == "whatsapp:+15550100"
    sms_stream.cancel()
    whatsapp_stream.cancel()


async def test_outbound_streams_end_unavailable_when_the_server_stops(harness: Harness) -> None:
    rd = harness.client
    channel = await conversation_with_agent(rd)
    call = open_outbound(rd, SMS)
    await reply(rd, channel)
    await next_delivery(call)
    stopping = asyncio.ensure_future(harness.running.stop(grace=5))
    with pytest.raises(grpc.aio.AioRpcError) as ended:
        async with asyncio.timeout(WAIT):
            await call.read()
    assert ended.value.code() == grpc.StatusCode.UNAVAILABLE
    await stopping
    # Leave a running server for the fixture to stop at teardown.
    harness.running = await start_server(harness.data_dir, harness.clock)
    await harness.client.close()
    harness.client = harness.connect(harness.admin_key)


async def test_a_repeat_of_a_deleted_message_is_still_a_duplicate(rd: Client) -> None:
    await new_flow(rd, CONTACT, SMS)
    first = await inbound(rd, "m1", "oops")
    await rd.channels.DeleteMessage(channels_pb.DeleteMessageRequest(name=first.message.name))
    again = await inbound(rd, "m1", "oops")
    assert again.duplicate
    assert not again.HasField("message")
    assert (again.channel, again.session) == (first.channel, first.session)
    assert [m.name for m in await messages(rd, first.channel)] == []
