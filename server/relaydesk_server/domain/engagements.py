"""Starting conversations (API §5): web chats, and outbound conversations.

StartWebchat makes (or finds) a visitor's private channel on a WEB flow, with
the visitor as its customer member. The flow's integration runs on the
visitor's first message, not before: a widget opened and left is no work for
anyone. Its task carries `pre_engagement`, what the visitor entered first.

StartOutbound: an agent (or staff acting for one) writes to a customer first,
through a gateway flow's contact identity. The conversation is a channel, a
proxy session between the customer's address and that identity, the customer
and the agent as members, and the first OUTBOUND message, which leaves through
the gateway like any reply. Its task is created at once, assigned to the agent
(IMMEDIATE), or on the customer's first reply, offered to the agent first
(ON_CUSTOMER_REPLY); a customer who never replies is let go when the session's
ttl passes (see `janitor.session_expired`). A customer with an active session
on that identity already has a conversation: it is refused, or continued.
"""

from __future__ import annotations

import dataclasses
import enum
import secrets
from typing import Any

from relaydesk_server.domain import access, channels, inbound, sessions
from relaydesk_server.domain.channels_model import (
    PRE_ENGAGEMENT,
    Channel,
    MemberRole,
    Message,
    MessageDirection,
    NewMessage,
)
from relaydesk_server.domain.errors import (
    AlreadyExists,
    FailedPrecondition,
    NotFound,
    PermissionDenied,
)
from relaydesk_server.domain.flows_model import ChannelType, Flow, TaskIntegration
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.names import CHANNEL, FLOW, SESSION
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.domain.sessions_model import Session
from relaydesk_server.domain.tasks_model import ReplyTask, Task


def _web_flow(tx: Transaction, flow_name: str) -> Flow:
    flow = tx.flows.get(FLOW.parse(flow_name, "flow"))
    if flow is None:
        raise NotFound(FLOW.type_name, flow_name, reason="FLOW_NOT_FOUND")
    if flow.spec.channel_type is not ChannelType.WEB:
        raise FailedPrecondition.one(
            "CHANNEL_TYPE",
            flow.name,
            f"{flow.name} is a {flow.spec.channel_type.value} flow, not a WEB one",
            reason="NOT_A_WEB_FLOW",
        )
    if not flow.spec.enabled:
        raise FailedPrecondition.one(
            "FLOW_DISABLED", flow.name, f"{flow.name} is disabled", reason="FLOW_DISABLED"
        )
    return flow


def open_to_visitors(tx: Transaction, flow_name: str) -> bool:
    """Whether a caller without a credential may start a web chat on `flow_name`
    (API §14): an enabled WEB flow. Anything else, malformed names included, is not
    told apart: the caller is simply unauthenticated."""
    flow = tx.flows.get(flow_name.partition("/")[2]) if FLOW.is_name(flow_name) else None
    return flow is not None and flow.spec.channel_type is ChannelType.WEB and flow.spec.enabled


def start_webchat(
    tx: Transaction,
    principal: Principal,
    flow_name: str,
    identity: str,
    display_name: str,
    pre_engagement: dict[str, Any] | None,
    origin: str | None = None,
) -> Channel:
    """The visitor's ACTIVE channel on the flow: the one it has, or a new one.

    `origin` is the page the call came from (a browser's `Origin`; None from a
    server): it must be one the flow allows. A caller without a credential gets a
    new identity each time: naming one would hand it that visitor's conversation.
    """
    flow = _web_flow(tx, flow_name)
    if not flow.spec.allows_origin(origin):
        raise PermissionDenied(
            f"pages of {origin} may not start web chats on {flow.name}: it is not among the "
            "flow's allowed_origins",
            reason="ORIGIN_NOT_ALLOWED",
        )
    if principal.role is Role.VISITOR and identity:
        raise PermissionDenied(
            "a caller without a credential cannot choose the visitor's identity: leave "
            "`identity` empty, or call with the site's service key",
            reason="IDENTITY_NOT_ALLOWED",
        )
    identity = identity or f"visitor-{secrets.token_hex(8)}"
    kept = tx.channels.latest_for_customer(flow.name, identity)
    if kept is not None and kept.is_active:
        return kept
    attributes = {PRE_ENGAGEMENT: pre_engagement} if pre_engagement else {}
    channel = channels.open_for_customer(
        tx,
        flow,
        identity,
        display_name,
        kept=kept if kept is not None and kept.spec.long_lived else None,
        attributes=attributes,
    )
    return channels.add_customer(tx, channel, identity, display_name)


def send_message(
    tx: Transaction, principal: Principal, limiter: RateLimiter, ref: str, new: NewMessage
) -> Message:
    """SendMessage; a customer's message then goes where its conversation says
    (`inbound.customer_spoke`)."""
    message = channels.send_message(tx, principal, limiter, ref, new)
    if message.direction is MessageDirection.INBOUND:
        channel = tx.channels.get(message.channel_id)
        if channel is not None:
            inbound.customer_spoke(tx, channel, message, channel.spec.display_name)
    return message


# -- outbound ----------------------------------------------------------------


class TaskCreation(enum.Enum):
    IMMEDIATE = "IMMEDIATE"
    ON_CUSTOMER_REPLY = "ON_CUSTOMER_REPLY"


@dataclasses.dataclass(frozen=True)
class OutboundStart:
    flow: str
    to: str
    body: str = ""
    task_attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    # None: the flow's `create_on_customer_reply` decides.
    task_creation: TaskCreation | None = None
    # None: the flow's `long_lived`.
    long_lived: bool | None = None
    reuse_existing: bool = False
    # The agent staff act for ("" when an agent acts for itself).
    agent_identity: str = ""


@dataclasses.dataclass(frozen=True)
class Started:
    channel: Channel
    session: Session
    task: Task | None


def _gateway_flow(tx: Transaction, flow_name: str) -> tuple[Flow, TaskIntegration]:
    """The flow an outbound conversation leaves through: a gateway's, with a task
    integration; enabled or not (a number may be kept for outbound only)."""
    flow = tx.flows.get(FLOW.parse(flow_name, "flow"))
    if flow is None:
        raise NotFound(FLOW.type_name, flow_name, reason="FLOW_NOT_FOUND")
    if flow.spec.channel_type is ChannelType.WEB:
        raise FailedPrecondition.one(
            "CHANNEL_TYPE",
            flow.name,
            f"{flow.name} is a WEB flow: an outbound conversation leaves through a gateway",
            reason="NOT_A_GATEWAY_FLOW",
        )
    integration = flow.spec.integration
    if not isinstance(integration, TaskIntegration):
        raise FailedPrecondition.one(
            "INTEGRATION",
            flow.name,
            f"{flow.name} has no task integration: an outbound conversation needs a task",
            reason="NOT_A_TASK_FLOW",
        )
    return flow, integration


def start_outbound(
    tx: Transaction, principal: Principal, limiter: RateLimiter, start: OutboundStart
) -> Started:
    agent = access.acting_agent(principal, start.agent_identity)
    flow, integration = _gateway_flow(tx, start.flow)
    worker = tx.workers.find_by_identity(agent)
    if worker is None:
        raise FailedPrecondition.one(
            "WORKER",
            agent,
            f"no worker has the identity {agent!r}: the agent who starts a conversation "
            "holds its task",
            reason="AGENT_NOT_A_WORKER",
        )
    existing = tx.sessions.find_active(start.to, flow.spec.contact_identity)
    if existing is not None:
        if not start.reuse_existing:
            raise AlreadyExists(
                SESSION.type_name,
                existing.name,
                f"{start.to!r} already talks with {flow.spec.contact_identity!r} in "
                f"{existing.channel_name} ({existing.name}); set reuse_existing to continue it",
                reason="SESSION_EXISTS",
            )
        return _continue(tx, limiter, existing, agent, start.body)

    on_reply = (
        start.task_creation is TaskCreation.ON_CUSTOMER_REPLY
        if start.task_creation is not None
        else integration.create_on_customer_reply
    )
    long_lived = flow.spec.long_lived if start.long_lived is None else start.long_lived
    kept = tx.channels.kept_for_customer(flow.name, start.to) if long_lived else None
    session = sessions.new_session(tx, kept.id if kept else tx.new_id(CHANNEL), flow, start.to)
    channel = channels.open_for_customer(
        tx,
        flow,
        start.to,
        "",
        kept=kept,
        channel_id=session.channel_id,
        session=session.name,
        long_lived=long_lived,
    )
    sessions.store_new(tx, session)
    channel = channels.add_customer(tx, channel, start.to, "")
    channels.join(tx, channel.name, agent, MemberRole.AGENT)
    if on_reply:
        tx.reply_tasks.put(ReplyTask(channel.id, agent, start.task_attributes, tx.now()))
    else:
        inbound.run_integration(
            tx, flow, _current(tx, channel), "", given=start.task_attributes, assigned_to=worker
        )
    if start.body:
        _send(tx, limiter, _current(tx, channel), agent, start.body)
    return _started(tx, channel.id, session.id)


def _continue(
    tx: Transaction, limiter: RateLimiter, session: Session, agent: str, body: str
) -> Started:
    """The customer's conversation on that identity goes on: the agent joins it."""
    channel = _current(tx, session.channel_id)
    channels.join(tx, channel.name, agent, MemberRole.AGENT)
    if body:
        _send(tx, limiter, _current(tx, channel.id), agent, body)
    return _started(tx, channel.id, session.id)


def _send(tx: Transaction, limiter: RateLimiter, channel: Channel, agent: str, body: str) -> None:
    channels.append_message(
        tx, limiter, channel, agent, MessageDirection.OUTBOUND, NewMessage(body=body)
    )


def _current(tx: Transaction, channel: Channel | str) -> Channel:
    channel_id = channel if isinstance(channel, str) else channel.id
    found = tx.channels.get(channel_id)
    assert found is not None  # made or found in this unit of work
    return found


def _started(tx: Transaction, channel_id: str, session_id: str) -> Started:
    channel = _current(tx, channel_id)
    session = tx.sessions.get(session_id)
    assert session is not None
    task = tx.tasks.get(channel.task.partition("/")[2]) if channel.task else None
    return Started(channel, session, task)
