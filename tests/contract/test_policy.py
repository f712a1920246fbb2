"""Access control, RPC by RPC (API §10): every RPC of the service descriptors is called by
every kind of caller, and each gets the status this table says.

Callers: no credential, a forged token, an expired token, a deleted API key (all
UNAUTHENTICATED, but a visitor without a credential may start a web chat on an enabled WEB
flow), an admin key, a service key, an agent on its own resources, the same agent on another
agent's, a customer in its channel, and the same customer on another channel.
The expectations are written here, independently of the server's own policy table; an RPC
missing from them fails its test.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import jwt
import pytest
from google.protobuf import duration_pb2
from google.protobuf.descriptor import MethodDescriptor

from relaydesk.client import Client
from relaydesk.v1 import (
    activity_pb2,
    api_key_pb2,
    auth_service_pb2,
    bot_pb2,
    bot_service_pb2,
    channel_pb2,
    channel_service_pb2,
    common_pb2,
    engagement_service_pb2,
    event_service_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    member_pb2,
    message_pb2,
    queue_pb2,
    session_pb2,
    session_service_pb2,
    task_pb2,
    task_service_pb2,
    worker_pb2,
    workflow_pb2,
    workforce_service_pb2,
)
from relaydesk_server.domain.policy import POLICY
from tests.support import (
    Harness,
    access_token,
    activity,
    add_member,
    all_methods,
    create_task,
    greeter_bot,
    new_bot,
    new_channel,
    new_queue,
    new_worker,
    new_workflow,
    send,
    set_activity,
)

WAIT = 10.0
OK = grpc.StatusCode.OK
NO = grpc.StatusCode.PERMISSION_DENIED
SMS = common_pb2.CHANNEL_TYPE_SMS
CONTACTS = {"alice": "+15550001", "bob": "+15550002"}

# The callers that have a valid credential, in the order they call: the refused ones
# first, so that nothing they might (wrongly) do is hidden by what the others did.
CALLERS = ("agent_other", "customer_other", "customer", "agent", "service", "admin")
UNAUTHENTICATED = ("none", "forged", "expired", "deleted_key")
# What a caller without a credential may call (API §14), with EXPECTED's request.
OPEN_TO_VISITORS = {"EngagementService/StartWebchat"}
# The columns of EXPECTED's status tuples.
CALLER_COLUMNS = ("admin", "service", "agent", "agent_other", "customer", "customer_other")


@dataclasses.dataclass
class Conversation:
    channel: str
    session: str
    task: str
    customer: str
    message: str


@dataclasses.dataclass
class Caller:
    kind: str
    # Whose resources the request is about: "alice" (the agent's own, and the customer's
    # channel) or "bob" (another agent's, and another channel).
    owner: str
    # The identity the credential acts as, for people.
    identity: str | None = None

    @property
    def is_person(self) -> bool:
        return self.identity is not None


class World:
    """Two agents, each with a queue, workflow, SMS flow and conversation of their own, and
    every credential; fresh resources on demand."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.rd = harness.client
        self._numbers = itertools.count(1)
        self.workers: dict[str, str] = {}
        self.workflows: dict[str, str] = {}
        self.queues: dict[str, str] = {}
        self.flows: dict[str, str] = {}
        self.home: dict[str, Conversation] = {}
        self.credentials: dict[str, str | None] = {}

    def unique(self, prefix: str) -> str:
        return f"{prefix}{next(self._numbers)}"

    async def build(self) -> None:
        rd = self.rd
        for agent in ("alice", "bob"):
            self.queues[agent] = await new_queue(rd, target_workers=f"worker.identity == '{agent}'")
            self.workflows[agent] = await new_workflow(rd, default_queue=self.queues[agent])
            worker = worker_pb2.Worker(identity=agent, capacities={"chat": 500, "default": 500})
            self.workers[agent] = (
                await rd.workforce.CreateWorker(
                    workforce_service_pb2.CreateWorkerRequest(worker=worker)
                )
            ).worker.name
            await set_activity(rd, self.workers[agent], "Available")
            flow = flow_pb2.Flow(
                display_name=f"{agent}'s line",
                channel_type=SMS,
                contact_identity=CONTACTS[agent],
                enabled=True,
                task=flow_pb2.TaskIntegration(workflow=self.workflows[agent]),
            )
            self.flows[agent] = (
                await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
            ).flow.name
            self.home[agent] = await self.conversation(agent)
        self.queues["nobody"] = await new_queue(rd, target_workers="worker.identity == 'nobody'")
        self.workflows["nobody"] = await new_workflow(rd, default_queue=self.queues["nobody"])
        web = flow_pb2.Flow(
            display_name="site",
            channel_type=common_pb2.CHANNEL_TYPE_WEB,
            enabled=True,
            task=flow_pb2.TaskIntegration(workflow=self.workflows["alice"]),
        )
        self.flows["web"] = (
            await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=web))
        ).flow.name

        service = await rd.auth.CreateApiKey(
            auth_service_pb2.CreateApiKeyRequest(
                api_key=api_key_pb2.ApiKey(role=common_pb2.ROLE_SERVICE)
            )
        )
        deleted = await rd.auth.CreateApiKey(
            auth_service_pb2.CreateApiKeyRequest(
                api_key=api_key_pb2.ApiKey(role=common_pb2.ROLE_SERVICE)
            )
        )
        await rd.auth.DeleteApiKey(auth_service_pb2.DeleteApiKeyRequest(name=deleted.api_key.name))
        agent = await access_token(rd, "alice", common_pb2.ROLE_AGENT)
        customer = await access_token(
            rd, self.home["alice"].customer, common_pb2.ROLE_CUSTOMER, self.home["alice"].channel
        )
        expiring = await rd.auth.CreateAccessToken(
            auth_service_pb2.CreateAccessTokenRequest(
                identity="alice",
                role=common_pb2.ROLE_AGENT,
                ttl=duration_pb2.Duration(seconds=1),
            )
        )
        self.harness.clock.advance(dt.timedelta(seconds=2))
        claims = jwt.decode(agent, options={"verify_signature": False})
        self.credentials = {
            "none": None,
            "forged": jwt.encode(
                claims, "a guess", headers={"kid": jwt.get_unverified_header(agent)["kid"]}
            ),
            "expired": expiring.token,
            "deleted_key": deleted.secret,
            "admin": self.harness.admin_key,
            "service": service.secret,
            "agent": agent,
            "agent_other": agent,
            "customer": customer,
            "customer_other": customer,
        }

    # -- fresh resources (made with the admin key) ------------------------------------

    async def conversation(self, agent: str) -> Conversation:
        """A customer's inbound SMS conversation, routed to `agent`, who accepted it."""
        customer = self.unique("+1555010")
        delivered = await self.rd.gateway.DeliverInbound(
            gateway_service_pb2.DeliverInboundRequest(
                channel_type=SMS,
                customer_address=customer,
                contact_identity=CONTACTS[agent],
                body="hello",
                external_id=self.unique("ext-"),
            )
        )
        task = (
            await self.rd.tasks.ListTasks(
                task_service_pb2.ListTasksRequest(channel=delivered.channel)
            )
        ).tasks[0]
        await self.accept(task.name)
        return Conversation(
            delivered.channel, delivered.session, task.name, customer, delivered.message.name
        )

    async def offer(self, agent: str) -> str:
        """A new task's PENDING reservation for `agent`."""
        task = await create_task(self.rd, self.workflows[agent])
        reservations = await self.rd.tasks.ListReservations(
            task_service_pb2.ListReservationsRequest(parent=task.name)
        )
        return reservations.reservations[0].name

    async def accept(self, task: str) -> None:
        reservations = await self.rd.tasks.ListReservations(
            task_service_pb2.ListReservationsRequest(parent=task)
        )
        await self.rd.tasks.AcceptReservation(
            task_service_pb2.AcceptReservationRequest(name=reservations.reservations[0].name)
        )

    async def assigned_task(self, agent: str) -> str:
        reservation = await self.offer(agent)
        task = reservation.split("/reservations/")[0]
        await self.accept(task)
        return task

    async def outbound(self, agent: str) -> None:
        """A reply waiting to leave through a gateway (in a conversation of its own)."""
        conversation = await self.conversation(agent)
        await send(self.rd, conversation.channel, "on it", author=agent)

    async def member(self, channel: str, identity: str) -> str:
        members = await self.rd.channels.ListMembers(
            channel_service_pb2.ListMembersRequest(parent=channel)
        )
        return next(m.name for m in members.members if m.identity == identity)

    async def fresh_flow(self) -> str:
        flow = flow_pb2.Flow(
            display_name="spare",
            channel_type=SMS,
            contact_identity=self.unique("+1777000"),
            task=flow_pb2.TaskIntegration(workflow=self.workflows["alice"]),
        )
        return (
            await self.rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
        ).flow.name


Build = Callable[[World, Caller], Awaitable[Any]]


def fixed(request: Any) -> Build:
    async def build(w: World, c: Caller) -> Any:
        return request

    return build


# -- the requests ---------------------------------------------------------------------


async def _create_flow(w: World, c: Caller) -> Any:
    flow = flow_pb2.Flow(
        display_name="new",
        channel_type=SMS,
        contact_identity=w.unique("+1888000"),
        task=flow_pb2.TaskIntegration(workflow=w.workflows["alice"]),
    )
    return flow_service_pb2.CreateFlowRequest(flow=flow)


async def _get_flow(w: World, c: Caller) -> Any:
    return flow_service_pb2.GetFlowRequest(name=w.flows[c.owner])


async def _update_flow(w: World, c: Caller) -> Any:
    return flow_service_pb2.UpdateFlowRequest(
        flow=flow_pb2.Flow(name=w.flows[c.owner], display_name="renamed"),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_flow(w: World, c: Caller) -> Any:
    return flow_service_pb2.DeleteFlowRequest(name=await w.fresh_flow())


async def _rotate_webhook_secret(w: World, c: Caller) -> Any:
    flow = flow_pb2.Flow(
        display_name="hook",
        channel_type=SMS,
        contact_identity=w.unique("+1666000"),
        webhook=flow_pb2.WebhookIntegration(url="https://crm.example.com/hook"),
    )
    created = await w.rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
    return flow_service_pb2.RotateWebhookSecretRequest(name=created.flow.name)


async def _channel_of(w: World, c: Caller) -> str:
    return w.home[c.owner].channel


async def _get_channel(w: World, c: Caller) -> Any:
    return channel_service_pb2.GetChannelRequest(name=await _channel_of(w, c))


async def _list_channels(w: World, c: Caller) -> Any:
    return channel_service_pb2.ListChannelsRequest(member_identity=c.owner)


async def _update_channel(w: World, c: Caller) -> Any:
    return channel_service_pb2.UpdateChannelRequest(
        channel=channel_pb2.Channel(name=await _channel_of(w, c), display_name="renamed"),
        update_mask={"paths": ["display_name"]},
    )


async def _close_channel(w: World, c: Caller) -> Any:
    return channel_service_pb2.CloseChannelRequest(name=(await w.conversation(c.owner)).channel)


async def _delete_channel(w: World, c: Caller) -> Any:
    return channel_service_pb2.DeleteChannelRequest(name=(await w.conversation(c.owner)).channel)


async def _add_member(w: World, c: Caller) -> Any:
    return channel_service_pb2.AddMemberRequest(
        parent=await _channel_of(w, c),
        member=member_pb2.Member(identity=w.unique("guest-"), role=member_pb2.MEMBER_ROLE_AGENT),
    )


async def _list_members(w: World, c: Caller) -> Any:
    return channel_service_pb2.ListMembersRequest(parent=await _channel_of(w, c))


async def _remove_member(w: World, c: Caller) -> Any:
    channel = await _channel_of(w, c)
    member = await add_member(w.rd, channel, w.unique("leaver-"))
    return channel_service_pb2.RemoveMemberRequest(name=member.name)


async def _update_read_horizon(w: World, c: Caller) -> Any:
    home = w.home[c.owner]
    # Its own member when it has one there; else that conversation's agent.
    members = await w.rd.channels.ListMembers(
        channel_service_pb2.ListMembersRequest(parent=home.channel)
    )
    identities = {m.identity: m.name for m in members.members}
    name = identities.get(c.identity or "", identities[c.owner])
    return channel_service_pb2.UpdateReadHorizonRequest(name=name, last_read_index=0)


async def _send_message(w: World, c: Caller) -> Any:
    return channel_service_pb2.SendMessageRequest(parent=await _channel_of(w, c), body="hi")


async def _get_message(w: World, c: Caller) -> Any:
    return channel_service_pb2.GetMessageRequest(name=w.home[c.owner].message)


async def _list_messages(w: World, c: Caller) -> Any:
    return channel_service_pb2.ListMessagesRequest(parent=await _channel_of(w, c))


async def _agents_message(w: World, c: Caller) -> str:
    return (await send(w.rd, await _channel_of(w, c), "typo", author=c.owner)).name


async def _update_message(w: World, c: Caller) -> Any:
    return channel_service_pb2.UpdateMessageRequest(
        message=message_pb2.Message(name=await _agents_message(w, c), body="fixed"),
        update_mask={"paths": ["body"]},
    )


async def _delete_message(w: World, c: Caller) -> Any:
    return channel_service_pb2.DeleteMessageRequest(name=await _agents_message(w, c))


async def _send_typing(w: World, c: Caller) -> Any:
    # Staff name who is typing; people type as themselves.
    identity = "" if c.is_person else c.owner
    return channel_service_pb2.SendTypingRequest(parent=await _channel_of(w, c), identity=identity)


async def _create_session(w: World, c: Caller) -> Any:
    channel = await new_channel(
        w.rd, display_name="s", flow=w.flows[c.owner], customer_address=w.unique("+1444000")
    )
    return session_service_pb2.CreateSessionRequest(
        session=session_pb2.Session(channel=channel.name)
    )


async def _session_of(w: World, c: Caller) -> str:
    return w.home[c.owner].session


async def _get_session(w: World, c: Caller) -> Any:
    return session_service_pb2.GetSessionRequest(name=await _session_of(w, c))


async def _update_session(w: World, c: Caller) -> Any:
    return session_service_pb2.UpdateSessionRequest(
        session=session_pb2.Session(
            name=await _session_of(w, c), ttl=duration_pb2.Duration(seconds=3600)
        ),
        update_mask={"paths": ["ttl"]},
    )


async def _close_session(w: World, c: Caller) -> Any:
    return session_service_pb2.CloseSessionRequest(name=(await w.conversation(c.owner)).session)


async def _list_participants(w: World, c: Caller) -> Any:
    return session_service_pb2.ListParticipantsRequest(parent=await _session_of(w, c))


async def _list_interactions(w: World, c: Caller) -> Any:
    return session_service_pb2.ListInteractionsRequest(parent=await _session_of(w, c))


async def _deliver_inbound(w: World, c: Caller) -> Any:
    return gateway_service_pb2.DeliverInboundRequest(
        channel_type=SMS,
        customer_address=w.unique("+1333000"),
        contact_identity=CONTACTS[c.owner],
        body="hi",
        external_id=w.unique("in-"),
    )


async def _stream_outbound(w: World, c: Caller) -> Any:
    await w.outbound(c.owner)
    return gateway_service_pb2.StreamOutboundRequest(channel_types=[SMS])


async def _ack_outbound(w: World, c: Caller) -> Any:
    await w.outbound(c.owner)
    stream = w.rd.gateway.StreamOutbound(gateway_service_pb2.StreamOutboundRequest())
    async with asyncio.timeout(WAIT):
        delivery = (await stream.read()).delivery
    stream.cancel()
    return gateway_service_pb2.AckOutboundRequest(
        id=delivery.id, status=common_pb2.DELIVERY_STATUS_SENT
    )


async def _start_webchat(w: World, c: Caller) -> Any:
    return engagement_service_pb2.StartWebchatRequest(flow=w.flows["web"])


async def _start_outbound(w: World, c: Caller) -> Any:
    return engagement_service_pb2.StartOutboundRequest(
        flow=w.flows[c.owner],
        to=w.unique("+1222000"),
        body="your order shipped",
        agent_identity=c.owner,
    )


async def _create_activity(w: World, c: Caller) -> Any:
    return workforce_service_pb2.CreateActivityRequest(
        activity=activity_pb2.Activity(display_name=w.unique("Lunch "))
    )


async def _get_activity(w: World, c: Caller) -> Any:
    return workforce_service_pb2.GetActivityRequest(name=await activity(w.rd, "Available"))


async def _fresh_activity(w: World) -> str:
    request = await _create_activity(w, Caller("admin", "alice"))
    return str((await w.rd.workforce.CreateActivity(request)).activity.name)


async def _update_activity(w: World, c: Caller) -> Any:
    return workforce_service_pb2.UpdateActivityRequest(
        activity=activity_pb2.Activity(name=await _fresh_activity(w), display_name=w.unique("A ")),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_activity(w: World, c: Caller) -> Any:
    return workforce_service_pb2.DeleteActivityRequest(name=await _fresh_activity(w))


async def _create_worker(w: World, c: Caller) -> Any:
    return workforce_service_pb2.CreateWorkerRequest(
        worker=worker_pb2.Worker(identity=w.unique("hire-"))
    )


async def _get_worker(w: World, c: Caller) -> Any:
    return workforce_service_pb2.GetWorkerRequest(name=w.workers[c.owner])


async def _update_worker(w: World, c: Caller) -> Any:
    return workforce_service_pb2.UpdateWorkerRequest(
        worker=worker_pb2.Worker(
            name=await new_worker(w.rd, w.unique("temp-")), display_name="Temp"
        ),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_worker(w: World, c: Caller) -> Any:
    return workforce_service_pb2.DeleteWorkerRequest(name=await new_worker(w.rd, w.unique("x-")))


async def _set_worker_activity(w: World, c: Caller) -> Any:
    return workforce_service_pb2.SetWorkerActivityRequest(
        name=w.workers[c.owner], activity=await activity(w.rd, "Available")
    )


async def _create_queue(w: World, c: Caller) -> Any:
    return workforce_service_pb2.CreateQueueRequest(queue=queue_pb2.Queue(display_name="q"))


async def _queue_of(w: World, c: Caller) -> str:
    return w.queues[c.owner]


async def _get_queue(w: World, c: Caller) -> Any:
    return workforce_service_pb2.GetQueueRequest(name=await _queue_of(w, c))


async def _update_queue(w: World, c: Caller) -> Any:
    return workforce_service_pb2.UpdateQueueRequest(
        queue=queue_pb2.Queue(name=await new_queue(w.rd), display_name="renamed"),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_queue(w: World, c: Caller) -> Any:
    return workforce_service_pb2.DeleteQueueRequest(name=await new_queue(w.rd))


async def _queue_statistics(w: World, c: Caller) -> Any:
    return workforce_service_pb2.GetQueueStatisticsRequest(name=await _queue_of(w, c))


async def _create_workflow(w: World, c: Caller) -> Any:
    return workforce_service_pb2.CreateWorkflowRequest(
        workflow=workflow_pb2.Workflow(display_name="wf", default_queue=w.queues["alice"])
    )


async def _get_workflow(w: World, c: Caller) -> Any:
    return workforce_service_pb2.GetWorkflowRequest(name=w.workflows[c.owner])


async def _fresh_workflow(w: World) -> str:
    return await new_workflow(w.rd, default_queue=w.queues["nobody"])


async def _update_workflow(w: World, c: Caller) -> Any:
    return workforce_service_pb2.UpdateWorkflowRequest(
        workflow=workflow_pb2.Workflow(name=await _fresh_workflow(w), display_name="renamed"),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_workflow(w: World, c: Caller) -> Any:
    return workforce_service_pb2.DeleteWorkflowRequest(name=await _fresh_workflow(w))


async def _create_task(w: World, c: Caller) -> Any:
    return task_service_pb2.CreateTaskRequest(task=task_pb2.Task(workflow=w.workflows["nobody"]))


async def _get_task(w: World, c: Caller) -> Any:
    return task_service_pb2.GetTaskRequest(name=w.home[c.owner].task)


async def _list_tasks(w: World, c: Caller) -> Any:
    return task_service_pb2.ListTasksRequest(worker=w.workers[c.owner])


async def _update_task(w: World, c: Caller) -> Any:
    return task_service_pb2.UpdateTaskRequest(
        task=task_pb2.Task(name=await w.assigned_task(c.owner), priority=5),
        update_mask={"paths": ["priority"]},
    )


async def _cancel_task(w: World, c: Caller) -> Any:
    task = await create_task(w.rd, w.workflows["nobody"])
    return task_service_pb2.CancelTaskRequest(name=task.name)


async def _wrap_up_task(w: World, c: Caller) -> Any:
    return task_service_pb2.WrapUpTaskRequest(name=await w.assigned_task(c.owner))


async def _complete_task(w: World, c: Caller) -> Any:
    return task_service_pb2.CompleteTaskRequest(name=await w.assigned_task(c.owner))


async def _transfer_task(w: World, c: Caller) -> Any:
    return task_service_pb2.TransferTaskRequest(
        name=await w.assigned_task(c.owner), queue=w.queues["nobody"]
    )


async def _list_reservations(w: World, c: Caller) -> Any:
    return task_service_pb2.ListReservationsRequest(parent="tasks/-", worker=w.workers[c.owner])


async def _accept_reservation(w: World, c: Caller) -> Any:
    return task_service_pb2.AcceptReservationRequest(name=await w.offer(c.owner))


async def _reject_reservation(w: World, c: Caller) -> Any:
    return task_service_pb2.RejectReservationRequest(name=await w.offer(c.owner))


async def _create_bot(w: World, c: Caller) -> Any:
    return bot_service_pb2.CreateBotRequest(bot=greeter_bot(w.unique("bot ")))


async def _fresh_bot(w: World) -> str:
    return (await new_bot(w.rd)).name


async def _get_bot(w: World, c: Caller) -> Any:
    return bot_service_pb2.GetBotRequest(name=await _fresh_bot(w))


async def _update_bot(w: World, c: Caller) -> Any:
    return bot_service_pb2.UpdateBotRequest(
        bot=bot_pb2.Bot(name=await _fresh_bot(w), display_name="renamed"),
        update_mask={"paths": ["display_name"]},
    )


async def _delete_bot(w: World, c: Caller) -> Any:
    return bot_service_pb2.DeleteBotRequest(name=await _fresh_bot(w))


async def _running_execution(w: World) -> str:
    """An ACTIVE execution: a bot waiting for a customer's reply in a new conversation."""
    waits = bot_pb2.BotState(
        name="ask",
        wait_for_reply=bot_pb2.WaitForReplyStep(body="Order number?", next="done"),
    )
    done = bot_pb2.BotState(name="done", end=bot_pb2.EndStep())
    bot = await new_bot(w.rd, greeter_bot(initial_state="ask", states=[waits, done]))
    contact = w.unique("+1999000")
    flow = flow_pb2.Flow(
        display_name="bot line",
        channel_type=SMS,
        contact_identity=contact,
        enabled=True,
        bot=flow_pb2.BotIntegration(bot=bot.name),
    )
    await w.rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
    delivered = await w.rd.gateway.DeliverInbound(
        gateway_service_pb2.DeliverInboundRequest(
            channel_type=SMS,
            customer_address=w.unique("+1555020"),
            contact_identity=contact,
            body="hi",
            external_id=w.unique("bot-"),
        )
    )
    listed = await w.rd.bots.ListExecutions(
        bot_service_pb2.ListExecutionsRequest(channel=delivered.channel)
    )
    return str(listed.executions[0].name)


async def _get_execution(w: World, c: Caller) -> Any:
    return bot_service_pb2.GetExecutionRequest(name=await _running_execution(w))


async def _end_execution(w: World, c: Caller) -> Any:
    return bot_service_pb2.EndExecutionRequest(name=await _running_execution(w))


async def _subscribe(w: World, c: Caller) -> Any:
    return event_service_pb2.SubscribeRequest(after_sequence=0)


async def _create_api_key(w: World, c: Caller) -> Any:
    return auth_service_pb2.CreateApiKeyRequest(
        api_key=api_key_pb2.ApiKey(role=common_pb2.ROLE_SERVICE)
    )


async def _delete_api_key(w: World, c: Caller) -> Any:
    created = await w.rd.auth.CreateApiKey(await _create_api_key(w, c))
    return auth_service_pb2.DeleteApiKeyRequest(name=created.api_key.name)


async def _create_access_token(w: World, c: Caller) -> Any:
    return auth_service_pb2.CreateAccessTokenRequest(identity="dave", role=common_pb2.ROLE_AGENT)


# Expected status per caller: admin, service, agent (own), agent on another's,
# customer (own channel), customer on another channel.
STAFF = (OK, OK, NO, NO, NO, NO)
ADMIN = (OK, NO, NO, NO, NO, NO)
EVERYONE = (OK, OK, OK, OK, OK, OK)
AGENTS_OWN = (OK, OK, OK, NO, NO, NO)
AGENTS_ANY = (OK, OK, OK, OK, NO, NO)
PEOPLES_OWN = (OK, OK, OK, NO, OK, NO)

EXPECTED: dict[str, tuple[Build, tuple[grpc.StatusCode, ...]]] = {
    "FlowService/CreateFlow": (_create_flow, STAFF),
    "FlowService/GetFlow": (_get_flow, STAFF),
    "FlowService/ListFlows": (fixed(flow_service_pb2.ListFlowsRequest()), STAFF),
    "FlowService/UpdateFlow": (_update_flow, STAFF),
    "FlowService/DeleteFlow": (_delete_flow, STAFF),
    "FlowService/RotateWebhookSecret": (_rotate_webhook_secret, STAFF),
    "ChannelService/CreateChannel": (
        fixed(channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel())),
        AGENTS_ANY,
    ),
    "ChannelService/GetChannel": (_get_channel, PEOPLES_OWN),
    # A person lists its own channels whatever it asks for.
    "ChannelService/ListChannels": (_list_channels, EVERYONE),
    "ChannelService/UpdateChannel": (_update_channel, AGENTS_OWN),
    "ChannelService/CloseChannel": (_close_channel, AGENTS_OWN),
    "ChannelService/DeleteChannel": (_delete_channel, STAFF),
    "ChannelService/AddMember": (_add_member, AGENTS_OWN),
    "ChannelService/ListMembers": (_list_members, PEOPLES_OWN),
    "ChannelService/RemoveMember": (_remove_member, AGENTS_OWN),
    "ChannelService/UpdateReadHorizon": (_update_read_horizon, PEOPLES_OWN),
    "ChannelService/SendMessage": (_send_message, PEOPLES_OWN),
    "ChannelService/GetMessage": (_get_message, PEOPLES_OWN),
    "ChannelService/ListMessages": (_list_messages, PEOPLES_OWN),
    "ChannelService/UpdateMessage": (_update_message, AGENTS_OWN),
    "ChannelService/DeleteMessage": (_delete_message, AGENTS_OWN),
    "ChannelService/SendTyping": (_send_typing, PEOPLES_OWN),
    "SessionService/CreateSession": (_create_session, STAFF),
    "SessionService/GetSession": (_get_session, AGENTS_OWN),
    "SessionService/ListSessions": (fixed(session_service_pb2.ListSessionsRequest()), STAFF),
    "SessionService/UpdateSession": (_update_session, STAFF),
    "SessionService/CloseSession": (_close_session, STAFF),
    "SessionService/ListParticipants": (_list_participants, AGENTS_OWN),
    "SessionService/ListInteractions": (_list_interactions, AGENTS_OWN),
    "GatewayService/DeliverInbound": (_deliver_inbound, STAFF),
    "GatewayService/StreamOutbound": (_stream_outbound, STAFF),
    "GatewayService/AckOutbound": (_ack_outbound, STAFF),
    "EngagementService/StartWebchat": (_start_webchat, STAFF),
    "EngagementService/StartOutbound": (_start_outbound, AGENTS_OWN),
    "WorkforceService/CreateActivity": (_create_activity, STAFF),
    "WorkforceService/GetActivity": (_get_activity, AGENTS_ANY),
    "WorkforceService/ListActivities": (
        fixed(workforce_service_pb2.ListActivitiesRequest()),
        AGENTS_ANY,
    ),
    "WorkforceService/UpdateActivity": (_update_activity, STAFF),
    "WorkforceService/DeleteActivity": (_delete_activity, STAFF),
    "WorkforceService/CreateWorker": (_create_worker, STAFF),
    "WorkforceService/GetWorker": (_get_worker, AGENTS_OWN),
    # An agent lists only its own worker, whatever it asks for.
    "WorkforceService/ListWorkers": (
        fixed(workforce_service_pb2.ListWorkersRequest()),
        AGENTS_ANY,
    ),
    "WorkforceService/UpdateWorker": (_update_worker, STAFF),
    "WorkforceService/DeleteWorker": (_delete_worker, STAFF),
    "WorkforceService/SetWorkerActivity": (_set_worker_activity, AGENTS_OWN),
    "WorkforceService/CreateQueue": (_create_queue, STAFF),
    "WorkforceService/GetQueue": (_get_queue, AGENTS_ANY),
    "WorkforceService/ListQueues": (fixed(workforce_service_pb2.ListQueuesRequest()), AGENTS_ANY),
    "WorkforceService/UpdateQueue": (_update_queue, STAFF),
    "WorkforceService/DeleteQueue": (_delete_queue, STAFF),
    "WorkforceService/GetQueueStatistics": (_queue_statistics, STAFF),
    "WorkforceService/CreateWorkflow": (_create_workflow, STAFF),
    "WorkforceService/GetWorkflow": (_get_workflow, STAFF),
    "WorkforceService/ListWorkflows": (
        fixed(workforce_service_pb2.ListWorkflowsRequest()),
        STAFF,
    ),
    "WorkforceService/UpdateWorkflow": (_update_workflow, STAFF),
    "WorkforceService/DeleteWorkflow": (_delete_workflow, STAFF),
    "TaskService/CreateTask": (_create_task, STAFF),
    "TaskService/GetTask": (_get_task, AGENTS_OWN),
    "TaskService/ListTasks": (_list_tasks, AGENTS_OWN),
    "TaskService/UpdateTask": (_update_task, AGENTS_OWN),
    "TaskService/CancelTask": (_cancel_task, STAFF),
    "TaskService/WrapUpTask": (_wrap_up_task, AGENTS_OWN),
    "TaskService/CompleteTask": (_complete_task, AGENTS_OWN),
    "TaskService/TransferTask": (_transfer_task, AGENTS_OWN),
    "TaskService/ListReservations": (_list_reservations, AGENTS_OWN),
    "TaskService/AcceptReservation": (_accept_reservation, AGENTS_OWN),
    "TaskService/RejectReservation": (_reject_reservation, AGENTS_OWN),
    "BotService/CreateBot": (_create_bot, STAFF),
    "BotService/GetBot": (_get_bot, STAFF),
    "BotService/ListBots": (fixed(bot_service_pb2.ListBotsRequest()), STAFF),
    "BotService/UpdateBot": (_update_bot, STAFF),
    "BotService/DeleteBot": (_delete_bot, STAFF),
    "BotService/GetExecution": (_get_execution, STAFF),
    "BotService/ListExecutions": (fixed(bot_service_pb2.ListExecutionsRequest()), STAFF),
    "BotService/EndExecution": (_end_execution, STAFF),
    "EventService/Subscribe": (_subscribe, EVERYONE),
    "AuthService/CreateApiKey": (_create_api_key, ADMIN),
    "AuthService/ListApiKeys": (fixed(auth_service_pb2.ListApiKeysRequest()), ADMIN),
    "AuthService/DeleteApiKey": (_delete_api_key, ADMIN),
    "AuthService/CreateAccessToken": (_create_access_token, STAFF),
    "AuthService/RotateSigningKey": (fixed(auth_service_pb2.RotateSigningKeyRequest()), ADMIN),
}


def short_name(method: MethodDescriptor) -> str:
    return f"{method.containing_service.name}/{method.name}"


async def status_of(client: Client, method: MethodDescriptor, request: Any) -> grpc.StatusCode:
    """The status the call ends with; a stream counts as OK once it delivers a response."""
    stub = getattr(client, _STUBS[method.containing_service.name])
    call = getattr(stub, method.name)(request)
    try:
        if method.server_streaming:
            async with asyncio.timeout(WAIT):
                response = await call.read()
            call.cancel()
            assert response is not grpc.aio.EOF
        else:
            await call
    except grpc.aio.AioRpcError as error:
        return error.code()
    return OK


_STUBS = {
    "FlowService": "flows",
    "ChannelService": "channels",
    "SessionService": "sessions",
    "GatewayService": "gateway",
    "EngagementService": "engagements",
    "WorkforceService": "workforce",
    "TaskService": "tasks",
    "BotService": "bots",
    "EventService": "events",
    "AuthService": "auth",
}


def test_the_server_policy_has_one_entry_per_rpc() -> None:
    assert set(POLICY) == {f"{m.containing_service.full_name}/{m.name}" for m in all_methods()}
    assert set(EXPECTED) == {short_name(m) for m in all_methods()}


@pytest.mark.parametrize("method", all_methods(), ids=short_name)
async def test_each_caller_gets_what_its_role_allows(
    harness: Harness, method: MethodDescriptor
) -> None:
    assert short_name(method) in EXPECTED, f"{short_name(method)} has no expectations"
    build, expected = EXPECTED[short_name(method)]
    world = World(harness)
    await world.build()
    owners = {"agent_other": "bob", "customer_other": "bob"}
    identities = {
        "agent": "alice",
        "agent_other": "alice",
        "customer": world.home["alice"].customer,
        "customer_other": world.home["alice"].customer,
    }
    outcomes: dict[str, grpc.StatusCode] = {}

    request = await build(world, Caller("admin", "alice"))
    for kind in UNAUTHENTICATED:
        client = harness.connect(world.credentials[kind])
        try:
            outcomes[kind] = await status_of(client, method, request)
        finally:
            await client.close()

    for kind in CALLERS:
        caller = Caller(kind, owners.get(kind, "alice"), identities.get(kind))
        request = await build(world, caller)
        client = harness.connect(world.credentials[kind])
        try:
            outcomes[kind] = await status_of(client, method, request)
        finally:
            await client.close()

    wanted = dict(
        zip(
            ("admin", "service", "agent", "agent_other", "customer", "customer_other"),
            expected,
            strict=True,
        )
    )
    wanted.update(dict.fromkeys(UNAUTHENTICATED, grpc.StatusCode.UNAUTHENTICATED))
    if short_name(method) in OPEN_TO_VISITORS:
        wanted["none"] = OK
    assert outcomes == wanted
