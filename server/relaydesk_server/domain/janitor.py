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

from relaydesk_server.domain import channels
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
        members = tx.members.list(channel.id, PageRequest(size=channels.MAX_MEMBERS)).items
        for member in members:
            if member.role is MemberRole.AGENT:
                channels.leave(tx, channel.name, member.identity)
        channel = tx.channels.get(channel.id) or channel  # with its member count now
        outcome = "completed" if task.status is TaskStatus.COMPLETED else "canceled"
        reason = f"{task.name} was {outcome}" + (f": {task.reason}" if task.reason else "")
        channels.close(tx, dataclasses.replace(channel, task=current_task), reason)
    elif current_task != channel.task:
        # The channel stays open, but its current task is over.
        updated = dataclasses.replace(
            channel, task=None, update_time=tx.now(), revision=channel.revision + 1
        )
        tx.channels.update(updated)
        tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))
