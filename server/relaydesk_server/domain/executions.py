"""What every path that changes a bot execution shares: saving it with its
event, and stopping it for good (its wait timer and its pending HTTP call go)."""

from __future__ import annotations

import dataclasses

from relaydesk_server.domain.assignment import save_task
from relaydesk_server.domain.bots_model import Execution, ExecutionStatus
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.names import TASK
from relaydesk_server.domain.ports import Transaction

REPLY_TIMER = "bot-reply-timeout"


def save(tx: Transaction, execution: Execution) -> Execution:
    """Stores a changed execution with a new revision, and logs the change."""
    saved = dataclasses.replace(execution, update_time=tx.now(), revision=execution.revision + 1)
    tx.executions.update(saved)
    tx.events.append(DomainEvent(EventType.EXECUTION_UPDATED, saved))
    return saved


def stop(tx: Transaction, execution: Execution, status: ExecutionStatus, reason: str) -> Execution:
    """Ends an ACTIVE execution (ENDED or FAILED) with `reason`."""
    tx.timers.cancel(REPLY_TIMER, execution.id)
    tx.executions.drop_call(execution.id)
    return save(tx, dataclasses.replace(execution, status=status, reason=reason))


def land_answers(tx: Transaction, execution: Execution) -> None:
    """A follow-up bot's variables land on its completed task, under `after_task`."""
    if execution.after_task is None:
        return
    task = tx.tasks.get(TASK.parse(execution.after_task, "after_task"))
    if task is not None:
        attributes = {**task.attributes, "after_task": dict(execution.variables)}
        save_task(tx, dataclasses.replace(task, attributes=attributes))


def stop_on_close(tx: Transaction, channel_id: str, reason: str) -> Execution | None:
    """A conversation closing ends the execution running in it, if any (returned);
    a follow-up bot's answers so far land on its task."""
    execution = tx.executions.active_of_channel(channel_id)
    if execution is None:
        return None
    stopped = stop(tx, execution, ExecutionStatus.ENDED, reason)
    land_answers(tx, stopped)
    return stopped
