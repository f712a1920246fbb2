"""The janitor (API §8): a conversation ends with its task.

When a conversation's task is CANCELED or COMPLETED, by any path (a client,
its timeout, its workflow falling through), and the flow's janitor is on,
the channel goes INACTIVE with a `close_reason`, its session closes with it,
and the agents leave. A long-lived channel is closed too but kept, to be
reactivated by the customer's next message. With the janitor off the channel
stays open (for post-task work) until CloseChannel.
"""

from __future__ import annotations

import dataclasses

from relaydesk_server.domain import bot_engine, channels, sessions
from relaydesk_server.domain.bots_model import Bot
from relaydesk_server.domain.channels_model import Channel, MemberRole
from relaydesk_server.domain.common import PageRequest
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.flows_model import Flow, TaskIntegration
from relaydesk_server.domain.names import BOT, CHANNEL, FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.tasks_model import Task, TaskStatus


def _flow_of(tx: Transaction, channel: Channel) -> Flow | None:
    if channel.spec.flow is None:
        return None
    return tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))


def _janitor_on(tx: Transaction, channel: Channel) -> bool:
    flow = _flow_of(tx, channel)
    return flow is not None and flow.spec.janitor_enabled


def _follow_up_bot(tx: Transaction, channel: Channel, task: Task) -> Bot | None:
    """The bot to run after a COMPLETED task (its flow's `after_task_bot`), if any."""
    flow = _flow_of(tx, channel)
    if task.status is not TaskStatus.COMPLETED or flow is None:
        return None
    integration = flow.spec.integration
    if not isinstance(integration, TaskIntegration) or not integration.after_task_bot:
        return None
    return tx.bots.get(BOT.parse(integration.after_task_bot, "after_task_bot"))


def task_ended(tx: Transaction, task: Task) -> None:
    if task.channel is None:
        return
    channel = tx.channels.get(CHANNEL.parse(task.channel, "channel"))
    if channel is None:
        return
    current_task = None if channel.task == task.name else channel.task
    follow_up = _follow_up_bot(tx, channel, task) if channel.is_active else None
    if follow_up is not None and _janitor_on(tx, channel):
        # The agents are done; the bot talks with the customer (a survey, say),
        # and the conversation closes when its execution ends (bot_engine).
        for member in tx.members.list(channel.id, PageRequest(size=channels.MAX_MEMBERS)).items:
            if member.role is MemberRole.AGENT:
                channels.leave(tx, channel.name, member.identity)
        _clear_task(tx, channel.id)
        current = tx.channels.get(channel.id)
        if current is not None:
            bot_engine.start(tx, follow_up, current, None, after_task=task.name)
    elif channel.is_active and _janitor_on(tx, channel):
        outcome = "completed" if task.status is TaskStatus.COMPLETED else "canceled"
        reason = f"{task.name} was {outcome}" + (f": {task.reason}" if task.reason else "")
        channels.end_conversation(tx, dataclasses.replace(channel, task=current_task), reason)
    elif current_task != channel.task:
        # The channel stays open, but its current task is over.
        _clear_task(tx, channel.id)


def _clear_task(tx: Transaction, channel_id: str) -> None:
    channel = tx.channels.get(channel_id)
    if channel is None or channel.task is None:
        return
    updated = dataclasses.replace(
        channel, task=None, update_time=tx.now(), revision=channel.revision + 1
    )
    tx.channels.update(updated)
    tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))


def session_expired(tx: Transaction, session_id: str) -> None:
    """A session's ttl passed. An outbound conversation still awaiting the
    customer's first reply ends with it: no task will ever come."""
    session = tx.sessions.get(session_id)
    if session is None or not session.status.is_active:
        return
    awaited = tx.reply_tasks.get(session.channel_id)
    channel = tx.channels.get(session.channel_id)
    if awaited is None or channel is None or not channel.is_active:
        sessions.session_expired(tx, session_id)
        return
    channels.end_conversation(
        tx, channel, f"the customer did not reply within the session's ttl ({session.ttl})"
    )


TIMER_HANDLERS = {sessions.EXPIRY_TIMER: session_expired}
