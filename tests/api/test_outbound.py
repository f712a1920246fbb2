"""Outbound conversations (API §5 StartOutbound, with §4 and §8): an agent (with its own
token, or named by an admin or a service) starts a conversation with a customer from a
flow's number. The first message leaves through a real StreamOutbound gateway stream, the
customer's reply comes back with DeliverInbound into the same conversation, and the task is
assigned to the agent at once (IMMEDIATE) or created by the reply and offered to the agent
first (ON_CUSTOMER_REPLY).

Time moves only with the harness clock (and timers fire with `tick`); a stream is read with
an `asyncio.timeout` bound, never after a pause.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import (
    api_key_pb2,
    channel_pb2,
    common_pb2,
    event_pb2,
    flow_pb2,
    member_pb2,
    message_pb2,
    reservation_pb2,
    session_pb2,
    task_pb2,
)
from relaydesk.v1 import auth_service_pb2 as auth_pb
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import engagement_service_pb2 as pb
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import gateway_service_pb2 as gateway_pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from relaydesk.v1 import workforce_service_pb2 as workforce_pb
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    access_token,
    ack,
    all_channels,
    all_executions,
    all_sessions,
    all_tasks,
    attributes,
    available_one_by_one,
    bot_flow,
    by_worker,
    create_flow,
    default_workflow,
    detail,
    events_until_idle,
    expect_error,
    get_channel,
    get_session,
    get_task,
    load,
    members,
    messages,
    new_bot,
    new_channel,
    new_worker,
    next_delivery,
    open_outbound,
    reason,
    reject,
    reservations,
    routing_to,
    send,
    set_activity,
    subscribe,
    task_flow,
    tick,
    violated_fields,
)

CUSTOMER = "+15551234"
OTHER_CUSTOMER = "+15559876"
CONTACT = "+15550100"
AGENT = "alice"
OTHER_AGENT = "bob"
FIRST = "Hi! Your order A-17 has shipped."
MISSING_FLOW = "flows/FO" + "0" * 32

SMS = common_pb2.CHANNEL_TYPE_SMS
IMMEDIATE = pb.TASK_CREATION_IMMEDIATE
ON_REPLY = pb.TASK_CREATION_ON_CUSTOMER_REPLY
ACTIVE = channel_pb2.CHANNEL_STATE_ACTIVE
INACTIVE = channel_pb2.CHANNEL_STATE_INACTIVE
OPEN = session_pb2.SESSION_STATUS_OPEN
IN_PROGRESS = session_pb2.SESSION_STATUS_IN_PROGRESS
CLOSED = session_pb2.SESSION_STATUS_CLOSED
INBOUND = message_pb2.MESSAGE_DIRECTION_INBOUND
OUTBOUND = message_pb2.MESSAGE_DIRECTION_OUTBOUND
CUSTOMER_ROLE = member_pb2.MEMBER_ROLE_CUSTOMER
AGENT_ROLE = member_pb2.MEMBER_ROLE_AGENT
PENDING = reservation_pb2.RESERVATION_STATUS_PENDING
ACCEPTED = reservation_pb2.RESERVATION_STATUS_ACCEPTED
REJECTED = reservation_pb2.RESERVATION_STATUS_REJECTED
TIMEOUT = reservation_pb2.RESERVATION_STATUS_TIMEOUT
ASSIGNED = task_pb2.TASK_STATUS_ASSIGNED
# The payloads of a conversation's own events.
CONVERSATION_PAYLOADS = {"channel", "member", "message", "session", "task", "reservation"}


# -- helpers ----------------------------------------------------------------------


async def outbound_flow(
    rd: Client,
    contact: str = CONTACT,
    channel_type: int = SMS,
    *,
    workflow: str | None = None,
    on_reply: bool = False,
    session_ttl: int | None = None,
    **fields: Any,
) -> flow_pb2.Flow:
    """A TASK flow (enabled unless `enabled=False`) on the default workflow unless
    `workflow` names another; `on_reply` is its `task.create_on_customer_reply`."""
    flow = task_flow(contact, channel_type, **fields)
    if workflow is not None:
        flow.task.workflow = workflow
    flow.task.create_on_customer_reply = on_reply
    if session_ttl is not None:
        flow.session_ttl.seconds = session_ttl
    return (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=flow))).flow


async def webhook_flow(rd: Client, contact: str = CONTACT) -> flow_pb2.Flow:
    """An enabled WEBHOOK flow for `contact` over SMS (its URL takes no connections)."""
    flow = flow_pb2.Flow(
        display_name=f"crm {contact}",
        channel_type=SMS,
        contact_identity=contact,
        enabled=True,
        webhook=flow_pb2.WebhookIntegration(url="http://127.0.0.1:9/hook"),
    )
    return (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=flow))).flow


def start_call(caller: Client, flow: str, **fields: Any) -> Any:
    """The StartOutbound call of `caller` on `flow`: to CUSTOMER, with FIRST as its body,
    for AGENT, unless `fields` say otherwise (await it, or hand it to expect_error)."""
    task_attributes = fields.pop("task_attributes", None)
    request = pb.StartOutboundRequest(
        **{"flow": flow, "to": CUSTOMER, "body": FIRST, "agent_identity": AGENT, **fields}
    )
    if task_attributes is not None:
        request.task_attributes.update(task_attributes)
    return caller.engagements.StartOutbound(request)


async def start(caller: Client, flow: str, **fields: Any) -> pb.StartOutboundResponse:
    response: pb.StartOutboundResponse = await start_call(caller, flow, **fields)
    return response


async def customer_says(
    rd: Client, external_id: str, body: str = "thanks!", customer: str = CUSTOMER
) -> gateway_pb.DeliverInboundResponse:
    """A message from `customer` to CONTACT over SMS, delivered by a gateway."""
    request = gateway_pb.DeliverInboundRequest(
        channel_type=SMS,
        customer_address=customer,
        contact_identity=CONTACT,
        body=body,
        external_id=external_id,
    )
    response: gateway_pb.DeliverInboundResponse = await rd.gateway.DeliverInbound(request)
    return response


async def everything(rd: Client) -> tuple[list[Any], ...]:
    """Every channel (with its message count), session, task, reservation and worker
    (with its load): what a refused call must leave exactly as it was."""
    reservations_of_all = await reservations(rd, "tasks/-")
    workers = await rd.workforce.ListWorkers(workforce_pb.ListWorkersRequest(page_size=1000))
    return (
        await all_channels(rd),
        await all_sessions(rd),
        await all_tasks(rd),
        reservations_of_all,
        list(workers.workers),
    )


def base_attributes(channel: str) -> dict[str, Any]:
    """What every outbound task's attributes carry when the caller gives none of them
    (`display_name` is the caller's when it gives one, else the customer's address)."""
    return {
        "channel": channel,
        "channel_type": "CHANNEL_TYPE_SMS",
        "customer_address": CUSTOMER,
        "display_name": CUSTOMER,
    }


async def service_key(rd: Client) -> str:
    request = auth_pb.CreateApiKeyRequest(
        api_key=api_key_pb2.ApiKey(display_name="crm", role=common_pb2.ROLE_SERVICE)
    )
    return (await rd.auth.CreateApiKey(request)).secret


def about(event: event_pb2.Event, started: pb.StartOutboundResponse) -> bool:
    """Whether `event` is about the started conversation (its channel, members, messages,
    session, task or the task's reservations)."""
    channel = started.channel.name
    kind = event.WhichOneof("payload")
    if kind not in CONVERSATION_PAYLOADS:
        return False
    payload = getattr(event, kind)
    if kind == "channel":
        return bool(payload.name == channel)
    if kind in ("member", "message"):
        return bool(payload.name.startswith(f"{channel}/"))
    if kind in ("session", "task"):
        return bool(payload.channel == channel)
    return bool(started.task.name) and payload.task == started.task.name


def kinds(events: list[event_pb2.Event]) -> set[int]:
    return {e.type for e in events}


# -- bad input, and who may start a conversation ----------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"flow": ""}, "flow"),
        ({"flow": "support-line"}, "flow"),
        ({"to": ""}, "to"),
        ({"to": "+" + "1" * 256}, "to"),
        ({"body": "x" * (32 * 1024 + 1)}, "body"),
        ({"task_creation": 99}, "task_creation"),
        ({"agent_identity": ""}, "agent_identity"),
        ({"agent_identity": "a" * 257}, "agent_identity"),
        ({"agent_identity": "system"}, "agent_identity"),
    ],
    ids=[
        "no flow",
        "malformed flow",
        "no to",
        "to over 256",
        "body over 32 KiB",
        "unknown task_creation",
        "admin without agent_identity",
        "agent_identity over 256",
        "system as agent_identity",
    ],
)
async def test_bad_input_is_invalid_names_the_field_and_creates_nothing(
    rd: Client, fields: dict[str, Any], field: str
) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    before = await everything(rd)
    request = {"flow": flow.name, **fields}
    error = await expect_error(start_call(rd, **request), grpc.StatusCode.INVALID_ARGUMENT)
    assert field in violated_fields(error)
    assert await everything(rd) == before


async def test_a_service_must_name_the_agent_and_then_acts_for_it(harness: Harness) -> None:
    rd = harness.client
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT)
    service = harness.connect(await service_key(rd))
    try:
        error = await expect_error(
            start_call(service, flow.name, agent_identity=""), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert "agent_identity" in violated_fields(error)
        assert await all_channels(rd) == []
        started = await start(service, flow.name, task_creation=IMMEDIATE)
    finally:
        await service.close()
    assert started.task.worker == worker
    assert {i: m.role for i, m in (await members(rd, started.channel.name)).items()} == {
        CUSTOMER: CUSTOMER_ROLE,
        AGENT: AGENT_ROLE,
    }
    (first,) = await messages(rd, started.channel.name)
    assert first.author == AGENT


async def test_a_missing_flow_is_not_found(rd: Client) -> None:
    await new_worker(rd, AGENT)
    await expect_error(start_call(rd, MISSING_FLOW), grpc.StatusCode.NOT_FOUND)
    assert await all_channels(rd) == []


@pytest.mark.parametrize("kind", ["web", "webhook"])
async def test_only_a_gateway_task_flow_starts_an_outbound_conversation(
    rd: Client, kind: str
) -> None:
    await new_worker(rd, AGENT)
    if kind == "web":
        spec = task_flow("site-widget", common_pb2.CHANNEL_TYPE_WEB)
        flow = (await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=spec))).flow
        expected = "NOT_A_GATEWAY_FLOW"
    else:
        flow = await webhook_flow(rd)
        expected = "NOT_A_TASK_FLOW"
    before = await everything(rd)
    error = await expect_error(start_call(rd, flow.name), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == expected
    assert await everything(rd) == before


@pytest.mark.parametrize("task_creation", [IMMEDIATE, ON_REPLY], ids=["immediate", "on reply"])
async def test_the_initiator_must_be_a_worker(rd: Client, task_creation: int) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, OTHER_AGENT)
    before = await everything(rd)
    error = await expect_error(
        start_call(rd, flow.name, agent_identity="carol", task_creation=task_creation),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "AGENT_NOT_A_WORKER"
    assert await everything(rd) == before


async def test_an_agent_acts_only_for_itself_and_a_customer_not_at_all(harness: Harness) -> None:
    rd = harness.client
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    await new_worker(rd, OTHER_AGENT)
    elsewhere = await new_channel(rd, display_name="elsewhere")
    alice = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    customer = harness.connect(
        await access_token(rd, OTHER_CUSTOMER, common_pb2.ROLE_CUSTOMER, elsewhere.name)
    )
    try:
        before = await everything(rd)
        await expect_error(
            start_call(alice, flow.name, agent_identity=OTHER_AGENT),
            grpc.StatusCode.PERMISSION_DENIED,
        )
        await expect_error(
            start_call(customer, flow.name, agent_identity=""), grpc.StatusCode.PERMISSION_DENIED
        )
        await expect_error(start_call(customer, flow.name), grpc.StatusCode.PERMISSION_DENIED)
        assert await everything(rd) == before
    finally:
        await alice.close()
        await customer.close()


async def test_a_disabled_task_flow_serves_outbound(rd: Client) -> None:
    # Decided: "a disabled flow" (issue, item 7) is accepted, not refused: a flow kept
    # disabled for inbound still serves outbound (Flow.enabled and StartOutbound say so).
    flow = await outbound_flow(rd, enabled=False)
    worker = await new_worker(rd, AGENT)
    started = await start(rd, flow.name, task_creation=IMMEDIATE)
    assert started.channel.flow == flow.name
    assert started.channel.state == ACTIVE
    assert (started.task.status, started.task.worker) == (ASSIGNED, worker)


# -- immediate: the task is the initiator's at once ---------------------------------


async def test_immediate_outbound_opens_the_conversation_and_assigns_the_task_at_once(
    rd: Client,
) -> None:
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT)  # Offline: only its free capacity matters
    assert await load(rd, worker) == 0
    stream = open_outbound(rd, SMS)
    try:
        started = await start(
            rd,
            flow.name,
            task_creation=IMMEDIATE,
            task_attributes={"order": "A-17", "channel": "mine", "customer_address": "nope"},
        )
        channel = started.channel
        assert channel.state == ACTIVE
        assert channel.type == channel_pb2.CHANNEL_KIND_PRIVATE
        assert channel.flow == flow.name
        assert channel.channel_type == SMS
        assert channel.customer_address == CUSTOMER
        stored = await get_channel(rd, channel.name)
        assert (stored.session, stored.task) == (started.session.name, started.task.name)
        assert {i: m.role for i, m in (await members(rd, channel.name)).items()} == {
            CUSTOMER: CUSTOMER_ROLE,
            AGENT: AGENT_ROLE,
        }

        session = await get_session(rd, started.session.name)
        assert session.status in {OPEN, IN_PROGRESS}  # active: see the empty-body test
        assert session.channel == channel.name
        assert session.flow == flow.name
        assert len(session.participants) == 2
        assert (CUSTOMER, CONTACT) in [
            (p.identifier, p.proxy_identifier) for p in session.participants
        ]

        (first,) = await messages(rd, channel.name)
        assert (first.direction, first.author, first.body) == (OUTBOUND, AGENT, FIRST)
        assert first.delivery.status == common_pb2.DELIVERY_STATUS_QUEUED
        delivery = await next_delivery(stream)
        assert delivery.message == first.name
        assert delivery.channel_type == SMS
        assert delivery.customer_address == CUSTOMER  # the recipient
        assert delivery.contact_identity == CONTACT  # the sender
        assert delivery.body == FIRST

        task = started.task
        assert task.status == ASSIGNED
        assert task.worker == worker
        assert task.channel == channel.name
        assert task.workflow == default_workflow()
        assert attributes(task) == {"order": "A-17", **base_attributes(channel.name)}
        assert [t.name for t in await all_tasks(rd, channel=channel.name)] == [task.name]
        assert (await get_task(rd, task.name)).status == ASSIGNED
        (reservation,) = await reservations(rd, task.name)
        assert (reservation.worker, reservation.status) == (worker, ACCEPTED)
        assert await load(rd, worker) == 1
    finally:
        stream.cancel()


@pytest.mark.parametrize("on_reply", [False, True], ids=["flow immediate", "flow on reply"])
async def test_unspecified_task_creation_follows_the_flow(rd: Client, on_reply: bool) -> None:
    flow = await outbound_flow(rd, on_reply=on_reply)
    worker = await new_worker(rd, AGENT)
    started = await start(rd, flow.name)
    assert started.HasField("task") is not on_reply
    tasks = await all_tasks(rd, channel=started.channel.name)
    assert [t.worker for t in tasks] == ([] if on_reply else [worker])


@pytest.mark.parametrize("task_creation", [IMMEDIATE, ON_REPLY], ids=["immediate", "on reply"])
async def test_the_callers_task_attributes_lose_only_to_the_conversations_own(
    rd: Client, task_creation: int
) -> None:
    # StartOutboundRequest.task_attributes: merged with `channel`, `channel_type` and
    # `customer_address`, which win; any other key the caller gives is kept.
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    given = {"display_name": "Ann Smith", "tier": "gold", "channel_type": "FAX"}
    started = await start(rd, flow.name, task_creation=task_creation, task_attributes=given)
    if task_creation == ON_REPLY:
        await customer_says(rd, "r1")
    (task,) = await all_tasks(rd, channel=started.channel.name)
    assert attributes(task) == {
        **base_attributes(started.channel.name),
        "display_name": "Ann Smith",
        "tier": "gold",
    }


async def test_an_agent_without_free_capacity_is_refused_and_nothing_is_created(
    rd: Client,
) -> None:
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT, capacities={"chat": 1})
    stream = open_outbound(rd, SMS)
    try:
        first = await start(rd, flow.name, task_creation=IMMEDIATE)
        await ack(rd, (await next_delivery(stream)).id)
        assert await load(rd, worker) == 1

        before = await everything(rd)
        error = await expect_error(
            start_call(rd, flow.name, to=OTHER_CUSTOMER, task_creation=IMMEDIATE),
            grpc.StatusCode.FAILED_PRECONDITION,
        )
        assert reason(error) == "NO_FREE_CAPACITY"
        assert await everything(rd) == before
        # Nothing was queued for the gateway: its next delivery is the agent's next message.
        probe = await send(rd, first.channel.name, "anything else?", author=AGENT)
        assert (await next_delivery(stream)).message == probe.name

        # Once its task is done the agent has room again.
        await rd.tasks.CompleteTask(tasks_pb.CompleteTaskRequest(name=first.task.name))
        again = await start(rd, flow.name, to=OTHER_CUSTOMER, task_creation=IMMEDIATE)
        assert (again.task.status, again.task.worker) == (ASSIGNED, worker)
    finally:
        stream.cancel()


async def test_an_empty_body_sends_nothing(rd: Client) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    started = await start(rd, flow.name, body="", task_creation=IMMEDIATE)
    assert await messages(rd, started.channel.name) == []
    assert (await get_channel(rd, started.channel.name)).message_count == 0
    assert (await get_session(rd, started.session.name)).status == OPEN  # nothing crossed it
    stream = open_outbound(rd, SMS)
    try:
        probe = await send(rd, started.channel.name, "hello?", author=AGENT)
        assert (await next_delivery(stream)).message == probe.name
    finally:
        stream.cancel()


@pytest.mark.parametrize("agent_identity", ["", AGENT], ids=["implied", "its own"])
async def test_an_agent_works_an_outbound_conversation_with_only_its_own_token(
    harness: Harness, agent_identity: str
) -> None:
    rd = harness.client
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT)
    alice = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    stream = open_outbound(rd, SMS)
    try:
        started = await start(alice, flow.name, agent_identity=agent_identity)
        channel = started.channel.name
        assert (started.task.status, started.task.worker) == (ASSIGNED, worker)
        delivery = await next_delivery(stream)
        assert (delivery.body, delivery.customer_address) == (FIRST, CUSTOMER)
        await ack(rd, delivery.id)

        # The customer's reply joins the conversation; the agent reads it and answers.
        answer = await customer_says(rd, "r1", "when will it arrive?")
        assert (answer.channel, answer.session) == (channel, started.session.name)
        assert answer.duplicate is False
        assert (answer.message.direction, answer.message.author) == (INBOUND, CUSTOMER)
        history = await messages(alice, channel)
        assert [(m.author, m.body) for m in history] == [
            (AGENT, FIRST),
            (CUSTOMER, "when will it arrive?"),
        ]
        sent = await send(alice, channel, "tomorrow morning")
        assert (sent.author, sent.direction) == (AGENT, OUTBOUND)
        assert (await next_delivery(stream)).message == sent.name
        assert len(await all_tasks(rd)) == 1
        assert len(await all_channels(rd)) == 1

        # Completing the task ends the conversation: the janitor closes it.
        completed = (
            await alice.tasks.CompleteTask(tasks_pb.CompleteTaskRequest(name=started.task.name))
        ).task
        assert completed.status == task_pb2.TASK_STATUS_COMPLETED
        closed = await get_channel(rd, channel)
        assert closed.state == INACTIVE
        assert closed.close_reason
        assert (await get_session(rd, started.session.name)).status == CLOSED
        assert AGENT not in await members(rd, channel)
        assert await load(rd, worker) == 0

        # The customer's next message is a new (inbound) conversation.
        later = await customer_says(rd, "r2", "one more thing")
        assert later.channel != channel
        assert later.session != started.session.name
    finally:
        stream.cancel()
        await alice.close()


# -- on the customer's reply: offered to the initiator first ------------------------


async def test_on_reply_the_task_is_offered_to_the_initiator_first_then_to_the_workflow(
    harness: Harness,
) -> None:
    rd = harness.client
    flow = await outbound_flow(rd, workflow=await routing_to(rd), on_reply=True)
    bob = await new_worker(rd, OTHER_AGENT)
    alice = await new_worker(rd, AGENT)
    # Bob has been idle longest: the workflow alone would offer him the task.
    await available_one_by_one(harness, bob, alice)

    started = await start(rd, flow.name, task_attributes={"campaign": "renewals"})
    channel = started.channel.name
    assert not started.HasField("task")
    assert await all_tasks(rd, channel=channel) == []
    await send(rd, channel, "are you there?", author=AGENT)  # the agent's own messages
    assert await all_tasks(rd, channel=channel) == []
    assert (await load(rd, alice), await load(rd, bob)) == (0, 0)

    answer = await customer_says(rd, "r1", "yes, renew please")
    assert (answer.channel, answer.session, answer.duplicate) == (
        channel,
        started.session.name,
        False,
    )
    (task,) = await all_tasks(rd)
    assert task.channel == channel
    assert (await get_channel(rd, channel)).task == task.name
    assert attributes(task) == {"campaign": "renewals", **base_attributes(channel)}
    assert await by_worker(rd, task.name) == {alice: PENDING}

    # The initiator turns it down: the workflow offers it to Bob, never to her again.
    (offer,) = await reservations(rd, task.name)
    await reject(rd, offer.name)
    assert await by_worker(rd, task.name) == {alice: REJECTED, bob: PENDING}
    (bobs,) = [r for r in await reservations(rd, task.name) if r.worker == bob]
    await reject(rd, bobs.name)
    assert await by_worker(rd, task.name) == {alice: REJECTED, bob: REJECTED}
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_PENDING
    assert [t.name for t in await all_tasks(rd)] == [task.name]


async def test_an_unanswered_first_offer_moves_on_after_the_reservation_timeout(
    harness: Harness,
) -> None:
    rd = harness.client
    flow = await outbound_flow(
        rd, workflow=await routing_to(rd, reservation_timeout=30), on_reply=True
    )
    bob = await new_worker(rd, OTHER_AGENT)
    alice = await new_worker(rd, AGENT)
    await available_one_by_one(harness, bob, alice)
    await start(rd, flow.name)
    replied_at = harness.clock.now()
    await customer_says(rd, "r1")
    (task,) = await all_tasks(rd)
    (offer,) = await reservations(rd, task.name)
    assert (offer.worker, offer.status) == (alice, PENDING)
    assert offer.expire_time.ToDatetime(dt.UTC) == replied_at + dt.timedelta(seconds=30)

    await tick(harness, dt.timedelta(seconds=29))
    assert await by_worker(rd, task.name) == {alice: PENDING}
    await tick(harness, dt.timedelta(seconds=2))
    assert await by_worker(rd, task.name) == {alice: TIMEOUT, bob: PENDING}


@pytest.mark.parametrize("initiator", ["offline", "busy"])
async def test_an_initiator_who_cannot_take_the_task_on_reply_leaves_it_to_the_workflow(
    rd: Client, initiator: str
) -> None:
    flow = await outbound_flow(rd, workflow=await routing_to(rd), on_reply=True)
    bob = await new_worker(rd, OTHER_AGENT)
    alice = await new_worker(rd, AGENT, capacities={"chat": 1})
    await set_activity(rd, bob, "Available")
    if initiator == "busy":
        await set_activity(rd, alice, "Available")
        other = await start(rd, flow.name, to=OTHER_CUSTOMER, task_creation=IMMEDIATE)
        assert other.task.worker == alice
    started = await start(rd, flow.name, task_creation=ON_REPLY)
    await customer_says(rd, "r1")
    (task,) = await all_tasks(rd, channel=started.channel.name)
    assert await by_worker(rd, task.name) == {bob: PENDING}


async def test_a_silent_customers_conversation_is_closed_by_the_session_ttl(
    rd: Client, harness: Harness
) -> None:
    flow = await outbound_flow(rd, on_reply=True, session_ttl=60)
    await new_worker(rd, AGENT)
    started = await start(rd, flow.name)
    channel = started.channel.name
    assert started.session.ttl.ToTimedelta() == dt.timedelta(seconds=60)

    await tick(harness, dt.timedelta(seconds=59))
    assert (await get_session(rd, started.session.name)).status in {OPEN, IN_PROGRESS}
    assert (await get_channel(rd, channel)).state == ACTIVE
    await tick(harness, dt.timedelta(seconds=2))
    session = await get_session(rd, started.session.name)
    assert session.status == CLOSED
    closed = await get_channel(rd, channel)
    assert closed.state == INACTIVE
    assert closed.close_reason
    assert AGENT not in await members(rd, channel)
    assert await all_tasks(rd, channel=channel) == []

    # Nothing is left open: the customer's next message starts a new conversation.
    later = await customer_says(rd, "r1", "sorry, I was away")
    assert later.channel != channel
    assert later.session != started.session.name
    assert await all_tasks(rd, channel=channel) == []
    (task,) = await all_tasks(rd)
    assert task.channel == later.channel


# -- one number, both directions ------------------------------------------------------


@pytest.mark.parametrize("task_creation", [IMMEDIATE, ON_REPLY], ids=["immediate", "on reply"])
@pytest.mark.parametrize("inbound_flow", ["bot", "webhook", "none"])
async def test_the_customers_reply_joins_the_outbound_conversation_whatever_the_number_does(
    rd: Client, inbound_flow: str, task_creation: int
) -> None:
    # The outbound flow is disabled: inbound, the number belongs to a BOT flow, a WEBHOOK
    # flow, or no flow at all. None takes the reply from the outbound conversation.
    flow = await outbound_flow(rd, enabled=False)
    if inbound_flow == "webhook":
        await webhook_flow(rd)
    if inbound_flow == "bot":
        await create_flow(rd, bot_flow((await new_bot(rd)).name, CONTACT))
    await new_worker(rd, AGENT)
    started = await start(rd, flow.name, task_creation=task_creation)
    channel, session = started.channel.name, started.session.name

    answer = await customer_says(rd, "r1", "who is this?")
    assert (answer.channel, answer.session, answer.duplicate) == (channel, session, False)
    assert (answer.message.direction, answer.message.author) == (INBOUND, CUSTOMER)
    again = await customer_says(rd, "r2", "hello?")
    assert (again.channel, again.session) == (channel, session)
    assert [c.name for c in await all_channels(rd)] == [channel]
    assert [s.name for s in await all_sessions(rd)] == [session]
    (task,) = await all_tasks(rd)
    assert task.channel == channel
    assert [m.body for m in await messages(rd, channel)] == [FIRST, "who is this?", "hello?"]
    assert await all_executions(rd) == []  # no bot ever started on the reply


# -- conflicts, reuse and retries -----------------------------------------------------


@pytest.mark.parametrize("earlier", ["inbound", "outbound"])
async def test_a_customer_in_an_active_session_with_the_number_is_already_exists(
    rd: Client, earlier: str
) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT, capacities={"chat": 2})
    if earlier == "inbound":
        existing = (await customer_says(rd, "m1", "my order is late")).session
    else:
        existing = (await start(rd, flow.name, task_creation=IMMEDIATE)).session.name
    before = await everything(rd)
    error = await expect_error(
        start_call(rd, flow.name, body="a second conversation?", task_creation=IMMEDIATE),
        grpc.StatusCode.ALREADY_EXISTS,
    )
    assert reason(error) == "SESSION_EXISTS"
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == existing
    assert await everything(rd) == before


async def test_the_same_customer_on_another_number_is_another_conversation(rd: Client) -> None:
    flow = await outbound_flow(rd)
    other_line = await outbound_flow(rd, "+15550111")
    await new_worker(rd, AGENT, capacities={"chat": 2})
    first = await start(rd, flow.name)
    second = await start(rd, other_line.name)
    assert second.channel.name != first.channel.name
    assert second.session.name != first.session.name


async def test_reuse_existing_continues_the_customers_inbound_conversation(rd: Client) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    stream = open_outbound(rd, SMS)
    try:
        inbound = await customer_says(rd, "m1", "my order is late")
        (task,) = await all_tasks(rd)  # waiting in the workflow
        continued = await start(rd, flow.name, reuse_existing=True, body="Looking into it")
        assert continued.channel.name == inbound.channel
        assert continued.session.name == inbound.session
        assert continued.task.name == task.name
        assert {i: m.role for i, m in (await members(rd, inbound.channel)).items()} == {
            CUSTOMER: CUSTOMER_ROLE,
            AGENT: AGENT_ROLE,
        }
        history = await messages(rd, inbound.channel)
        assert [(m.direction, m.author, m.body) for m in history] == [
            (INBOUND, CUSTOMER, "my order is late"),
            (OUTBOUND, AGENT, "Looking into it"),
        ]
        assert (await next_delivery(stream)).message == history[-1].name
        assert [t.name for t in await all_tasks(rd)] == [task.name]
        assert len(await all_channels(rd)) == 1
        assert len(await all_sessions(rd)) == 1
    finally:
        stream.cancel()


async def test_reuse_existing_by_a_member_adds_the_message_and_nothing_else(rd: Client) -> None:
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT, capacities={"chat": 2})
    first = await start(rd, flow.name, body="one", task_creation=IMMEDIATE)
    again = await start(rd, flow.name, body="two", task_creation=IMMEDIATE, reuse_existing=True)
    assert (again.channel.name, again.session.name) == (first.channel.name, first.session.name)
    assert again.task.name == first.task.name
    listed = await rd.channels.ListMembers(
        channels_pb.ListMembersRequest(parent=first.channel.name, page_size=1000)
    )
    assert sorted(m.identity for m in listed.members) == sorted([AGENT, CUSTOMER])
    history = await messages(rd, first.channel.name)
    assert [(m.author, m.body) for m in history] == [(AGENT, "one"), (AGENT, "two")]
    assert [t.name for t in await all_tasks(rd)] == [first.task.name]
    assert await load(rd, worker) == 1


async def test_reuse_existing_of_a_conversation_awaiting_the_reply_creates_no_task(
    rd: Client,
) -> None:
    flow = await outbound_flow(rd, on_reply=True)
    await new_worker(rd, AGENT)
    first = await start(rd, flow.name, body="one")
    again = await start(rd, flow.name, body="two", reuse_existing=True)
    assert (again.channel.name, again.session.name) == (first.channel.name, first.session.name)
    assert not again.HasField("task")
    assert await all_tasks(rd) == []
    # The reply still makes the conversation's one task.
    await customer_says(rd, "r1")
    (task,) = await all_tasks(rd)
    assert task.channel == first.channel.name
    assert [m.body for m in await messages(rd, first.channel.name)] == ["one", "two", "thanks!"]


async def test_a_retried_request_id_returns_the_first_response_and_creates_nothing_more(
    rd: Client,
) -> None:
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT)  # room for one task: a second one would be refused
    stream = open_outbound(rd, SMS)
    try:
        started = await start(rd, flow.name, task_creation=IMMEDIATE, request_id="req-1")
        retried = await start(rd, flow.name, task_creation=IMMEDIATE, request_id="req-1")
        assert retried == started
        assert [c.name for c in await all_channels(rd)] == [started.channel.name]
        assert len(await all_sessions(rd)) == 1
        assert [t.name for t in await all_tasks(rd)] == [started.task.name]
        assert len(await messages(rd, started.channel.name)) == 1
        assert await load(rd, worker) == 1
        # One delivery: the channel's next one after it is the agent's next message.
        first = await next_delivery(stream)
        assert first.body == FIRST
        await ack(rd, first.id)
        probe = await send(rd, started.channel.name, "anything else?", author=AGENT)
        assert (await next_delivery(stream)).message == probe.name
    finally:
        stream.cancel()


async def test_the_same_request_id_with_another_request_is_invalid(rd: Client) -> None:
    flow = await outbound_flow(rd)
    await new_worker(rd, AGENT)
    await start(rd, flow.name, request_id="req-1")
    before = await everything(rd)
    error = await expect_error(
        start_call(rd, flow.name, body="something else", request_id="req-1"),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert "request_id" in violated_fields(error)
    assert await everything(rd) == before


# -- events ----------------------------------------------------------------------------


async def test_subscribers_see_an_outbound_conversation_like_an_inbound_one(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=50))
    rd = harness.client
    flow = await outbound_flow(rd)
    worker = await new_worker(rd, AGENT)
    alice = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    staff_stream = subscribe(rd, after_sequence=0)
    agent_stream = subscribe(alice, after_sequence=0)
    try:
        started = await start(rd, flow.name, task_creation=IMMEDIATE)
        head = harness.running.streams.bus.head
        seen = [e for e in await events_until_idle(staff_stream, head) if about(e, started)]
        assert kinds(seen) >= {
            event_pb2.EVENT_TYPE_CHANNEL_CREATED,
            event_pb2.EVENT_TYPE_SESSION_CREATED,
            event_pb2.EVENT_TYPE_MEMBER_JOINED,
            event_pb2.EVENT_TYPE_MESSAGE_ADDED,
            event_pb2.EVENT_TYPE_TASK_CREATED,
            event_pb2.EVENT_TYPE_RESERVATION_CREATED,
        }
        joined = [e.member for e in seen if e.type == event_pb2.EVENT_TYPE_MEMBER_JOINED]
        assert sorted((m.identity, m.role) for m in joined) == sorted(
            [(CUSTOMER, CUSTOMER_ROLE), (AGENT, AGENT_ROLE)]
        )
        (added,) = [e.message for e in seen if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED]
        assert (added.author, added.direction, added.body) == (AGENT, OUTBOUND, FIRST)
        offers = [e.reservation for e in seen if e.HasField("reservation")]
        assert {r.worker for r in offers} == {worker}
        assert offers[-1].status == ACCEPTED  # accepted in the same transaction
        assert [e.task for e in seen if e.HasField("task")][-1].status == ASSIGNED

        mine = [e for e in await events_until_idle(agent_stream, head) if about(e, started)]
        assert AGENT in {e.member.identity for e in mine if e.HasField("member")}
        assert added.name in {e.message.name for e in mine if e.HasField("message")}
        # Its task's events come by its worker (as for any agent, API §9).
        assert event_pb2.EVENT_TYPE_RESERVATION_CREATED in kinds(mine)
        its_task = [e.task for e in mine if e.HasField("task")]
        assert its_task, "no event of its task"
        assert (its_task[-1].status, its_task[-1].worker) == (ASSIGNED, worker)
    finally:
        staff_stream.cancel()
        agent_stream.cancel()
        await alice.close()


async def test_on_reply_the_task_events_come_with_the_reply(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=50))
    rd = harness.client
    flow = await outbound_flow(rd, on_reply=True)
    worker = await new_worker(rd, AGENT)
    await set_activity(rd, worker, "Available")
    alice = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    staff_stream = subscribe(rd, after_sequence=0)
    agent_stream = subscribe(alice, after_sequence=0)
    try:
        started = await start(rd, flow.name)
        head = harness.running.streams.bus.head
        before = [e for e in await events_until_idle(staff_stream, head) if about(e, started)]
        assert event_pb2.EVENT_TYPE_MEMBER_JOINED in kinds(before)
        assert not any(e.HasField("task") or e.HasField("reservation") for e in before)
        await events_until_idle(agent_stream, head)

        await customer_says(rd, "r1")
        head = harness.running.streams.bus.head
        (task,) = await all_tasks(rd)
        after = await events_until_idle(staff_stream, head)
        created = [e.task for e in after if e.type == event_pb2.EVENT_TYPE_TASK_CREATED]
        assert [(t.name, t.channel) for t in created] == [(task.name, started.channel.name)]
        # The offer reaches the initiator's own stream, with the customer's reply.
        mine = await events_until_idle(agent_stream, head)
        offered = [
            e.reservation for e in mine if e.type == event_pb2.EVENT_TYPE_RESERVATION_CREATED
        ]
        assert [(r.task, r.worker, r.status) for r in offered] == [(task.name, worker, PENDING)]
        assert any(
            e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED and e.message.author == CUSTOMER
            for e in mine
        )
    finally:
        staff_stream.cancel()
        agent_stream.cancel()
        await alice.close()
