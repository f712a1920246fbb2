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

from relaydesk_server.domain import channels, sessions
from relaydesk_server.domain.channels_model import Channel, MemberRole
from relaydesk_server.domain.common import PageRequest
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.names import CHANNEL, FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.tasks_model import Task, TaskStatus


def _janitor_on(tx: Transaction, channel: Channel) -> bool:
    if channel.spec.flow is None:
        return False
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
    return flow is not None and flow.spec.janitor_enabled


def task_ended(tx: Transaction, task: Task) -> None:
    if task.channel is None:
        return
    channel = tx.channels.get(CHANNEL.parse(task.channel, "channel"))
    if channel is None:
        return
    current_task = None if channel.task == task.name else channel.task
    if channel.is_active and _janitor_on(tx, channel):
        outcome = "completed" if task.status is TaskStatus.COMPLETED else "canceled"
        reason = f"{task.name} was {outcome}" + (f": {task.reason}" if task.reason else "")
        _close(tx, dataclasses.replace(channel, task=current_task), reason)
    elif current_task != channel.task:
        # The channel stays open, but its current task is over.
        updated = dataclasses.replace(
            channel, task=None, update_time=tx.now(), revision=channel.revision + 1
        )
        tx.channels.update(updated)
        tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))


def _close(tx: Transaction, channel: Channel, reason: str) -> None:
    """The agents leave, then the channel closes (and its session with it)."""
    members = tx.members.list(channel.id, PageRequest(size=channels.MAX_MEMBERS)).items
    for member in members:
        if member.role is MemberRole.AGENT:
            channels.leave(tx, channel.name, member.identity)
    left = tx.channels.get(channel.id)  # with its member count now
    channels.close(tx, dataclasses.replace(left, task=channel.task) if left else channel, reason)


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
    _close(tx, channel, f"the customer did not reply within the session's ttl ({session.ttl})")


TIMER_HANDLERS = {sessions.EXPIRY_TIMER: session_expired}
