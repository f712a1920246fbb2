"""Inbound orchestration (API §8): a customer's message finds its conversation.

1. The customer's active session with that contact identity: the message
   joins its channel, whichever flow now handles the number (an outbound
   conversation's reply joins it, and never starts another). The first reply
   in an outbound conversation that awaits it starts its task.
2. Else the enabled flow for (channel type, contact identity): none →
   NOT_FOUND; only a disabled one → FAILED_PRECONDITION.
3. A new conversation. A long-lived flow reuses (and reactivates) the
   customer's kept channel; otherwise a new channel. Then a session, the
   customer as a member, the message, and the flow's integration: a task
   with the documented attributes.

Each provider message id is delivered once, forever: a repeat returns the
original message and changes nothing. Everything runs in one unit of work,
so two first messages from one customer make one conversation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from relaydesk_server.domain import bot_engine, channels, sessions, tasks
from relaydesk_server.domain.channels_model import (
    PRE_ENGAGEMENT,
    Channel,
    Media,
    Message,
    MessageDirection,
    NewMessage,
)
from relaydesk_server.domain.common import PageRequest
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.flows_model import (
    BotIntegration,
    ChannelType,
    Flow,
    FlowFilter,
    TaskIntegration,
)
from relaydesk_server.domain.names import BOT, CHANNEL, FLOW, SESSION
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.domain.sessions_model import Session
from relaydesk_server.domain.tasks_model import NewTask, Task
from relaydesk_server.domain.workforce_model import Worker


@dataclasses.dataclass(frozen=True)
class Inbound:
    channel_type: ChannelType
    customer_address: str
    contact_identity: str
    external_id: str
    body: str = ""
    media: tuple[Media, ...] = ()
    receive_time: dt.datetime | None = None
    display_name: str = ""


@dataclasses.dataclass(frozen=True)
class Delivered:
    # None only for a duplicate whose original message was deleted since.
    message: Message | None
    channel: str
    session: str
    duplicate: bool = False


def _flow_for(tx: Transaction, inbound: Inbound) -> Flow:
    flow = tx.flows.find_enabled(inbound.channel_type, inbound.contact_identity)
    if flow is not None:
        return flow
    target = f"{inbound.channel_type.value} {inbound.contact_identity!r}"
    disabled = tx.flows.list(
        FlowFilter(inbound.channel_type, inbound.contact_identity), PageRequest(size=1)
    ).items
    if disabled:
        raise FailedPrecondition.one(
            "FLOW_DISABLED",
            disabled[0].name,
            f"{disabled[0].name} handles {target} but is disabled",
            reason="FLOW_DISABLED",
        )
    raise NotFound(FLOW.type_name, target, reason="FLOW_NOT_FOUND")


def deliver_inbound(tx: Transaction, limiter: RateLimiter, inbound: Inbound) -> Delivered:
    earlier = tx.inbound.find(inbound.channel_type, inbound.external_id)
    if earlier is not None:
        channel_id, message_id, session_id = earlier
        original = tx.messages.get(channel_id, message_id)
        return Delivered(original, CHANNEL.name(channel_id), SESSION.name(session_id), True)
    session = tx.sessions.find_active(inbound.customer_address, inbound.contact_identity)
    flow = None
    if session is None:
        flow = _flow_for(tx, inbound)
        channel, session = _start_conversation(tx, flow, inbound)
    else:
        channel = _channel(tx, session.channel_id)
    new = NewMessage(body=inbound.body, media=inbound.media)
    message = channels.append_message(
        tx,
        limiter,
        channel,
        inbound.customer_address,
        MessageDirection.INBOUND,
        new,
        inbound.receive_time,
    )
    tx.inbound.record(inbound.channel_type, inbound.external_id, channel.id, message.id, session.id)
    if flow is not None:
        run_integration(tx, flow, _channel(tx, channel.id), inbound.display_name, trigger=message)
    else:
        customer_spoke(tx, _channel(tx, channel.id), message, inbound.display_name)
    return Delivered(message, channel.name, session.name)


def customer_spoke(tx: Transaction, channel: Channel, message: Message, display_name: str) -> None:
    """The customer wrote in a conversation that was going on (through a gateway or
    SendMessage): a bot running there takes it; a task awaiting the customer's
    reply starts; with nothing at work, a bot conversation (its bot ended without
    handing over) starts its bot again, and a web chat its task, carrying what
    the visitor entered first."""
    if channel.spec.flow is None or bot_engine.customer_spoke(tx, channel, message):
        return
    if channel.task is not None or start_awaited_task(tx, channel, display_name) is not None:
        return
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
    if flow is None:
        return
    if isinstance(flow.spec.integration, BotIntegration):
        run_integration(tx, flow, channel, display_name, trigger=message)
    elif channel.spec.channel_type is ChannelType.WEB:
        pre_engagement = channel.spec.attributes.get(PRE_ENGAGEMENT)
        extra = {PRE_ENGAGEMENT: pre_engagement} if pre_engagement else None
        run_integration(tx, flow, channel, display_name, extra, trigger=message)


def _channel(tx: Transaction, channel_id: str) -> Channel:
    channel = tx.channels.get(channel_id)
    assert channel is not None  # an active session's channel exists
    return channel


def _start_conversation(tx: Transaction, flow: Flow, inbound: Inbound) -> tuple[Channel, Session]:
    kept = (
        tx.channels.kept_for_customer(flow.name, inbound.customer_address)
        if flow.spec.long_lived
        else None
    )
    session = sessions.new_session(
        tx,
        kept.id if kept else tx.new_id(CHANNEL),
        flow,
        inbound.customer_address,
        display_name=inbound.display_name,
    )
    channel = channels.open_for_customer(
        tx,
        flow,
        inbound.customer_address,
        inbound.display_name,
        kept=kept,
        channel_id=session.channel_id,
        session=session.name,
    )
    sessions.store_new(tx, session)
    channel = channels.add_customer(tx, channel, inbound.customer_address, inbound.display_name)
    return channel, session


def start_awaited_task(tx: Transaction, channel: Channel, display_name: str) -> Task | None:
    """The customer spoke in a conversation that awaits its reply for a task (an
    outbound one): the task starts now, offered first to the agent who started
    the conversation."""
    if channel.task is not None or channel.spec.flow is None:
        return None
    awaited = tx.reply_tasks.get(channel.id)
    if awaited is None:
        return None
    tx.reply_tasks.delete(channel.id)
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
    if flow is None:
        return None
    return run_integration(
        tx,
        flow,
        channel,
        display_name,
        given=awaited.attributes,
        preferred=tx.workers.find_by_identity(awaited.agent_identity),
    )


def run_integration(
    tx: Transaction,
    flow: Flow,
    channel: Channel,
    display_name: str,
    extra: dict[str, Any] | None = None,
    *,
    given: dict[str, Any] | None = None,
    preferred: Worker | None = None,
    assigned_to: Worker | None = None,
    trigger: Message | None = None,
) -> Task | None:
    """Starts the flow's work on a conversation: for a TASK flow, a task named as
    the channel's task, with the documented attributes over the `given` ones
    (but a given `display_name` is kept), and `extra` ones. It is routed through
    the flow's workflow, and offered to `preferred` first; or assigned to
    `assigned_to` at once. For a BOT flow, its bot starts, on `trigger`."""
    integration = flow.spec.integration
    if isinstance(integration, BotIntegration):
        bot = tx.bots.get(BOT.parse(integration.bot, "bot"))
        if bot is not None:
            bot_engine.start(tx, bot, channel, trigger)
        return None
    if not isinstance(integration, TaskIntegration):
        return None  # a WEBHOOK flow's events go out through the outbox
    attributes = {
        **tasks.conversation_attributes(channel, display_name, given),
        **(extra or {}),
    }
    return tasks.start_for_conversation(
        tx,
        NewTask(
            workflow=integration.workflow,
            task_channel=integration.task_channel,
            priority=integration.priority,
            timeout=integration.timeout,
            attributes=attributes,
            channel=channel.name,
        ),
        preferred=preferred,
        assigned_to=assigned_to,
    )
