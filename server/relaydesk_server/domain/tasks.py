"""The rules of tasks (API §6): creation, routing through a workflow, and the lifecycle.

Routing: the task enters the first filter whose expression matches it, else
the workflow's default queue; with neither it is canceled. Within a filter it
waits at each target for that target's timeout, then moves to the next; past
the last target it is canceled. Its own timeout (TTL) cancels it too. Offers
to workers come with the assignment engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from relaydesk_server.domain.channels import resolve_channel
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.expressions import Expression
from relaydesk_server.domain.names import CHANNEL, TASK, WORKFLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.routing_model import Workflow
from relaydesk_server.domain.tasks_model import NewTask, Task, TaskFilter, TaskStatus

TTL_TIMER = "task-ttl"
STEP_TIMER = "task-step"


def task_context(task: Task) -> dict[str, Any]:
    """What `task` means in an expression (API §13)."""
    return {
        "task": {
            "attributes": task.attributes,
            "task_channel": task.task_channel,
            "priority": task.priority,
        }
    }


def get_task(tx: Transaction, task_id: str) -> Task:
    task = tx.tasks.get(task_id)
    if task is None:
        raise NotFound(TASK.type_name, TASK.name(task_id), reason="TASK_NOT_FOUND")
    return task


def list_tasks(tx: Transaction, task_filter: TaskFilter, page: PageRequest) -> Page[Task]:
    return tx.tasks.list(task_filter, page)


def _illegal(task: Task, action: str) -> FailedPrecondition:
    return FailedPrecondition.one(
        "STATE",
        task.name,
        f"{task.name} is {task.status.value}: it cannot be {action}",
        reason="ILLEGAL_TRANSITION",
    )


def _save(tx: Transaction, task: Task, event: EventType) -> Task:
    tx.tasks.update(task)
    tx.events.append(DomainEvent(event, task))
    return task


def _end(tx: Transaction, task: Task, status: TaskStatus, reason: str) -> Task:
    now = tx.now()
    tx.timers.cancel(TTL_TIMER, task.id)
    tx.timers.cancel(STEP_TIMER, task.id)
    return dataclasses.replace(
        task,
        status=status,
        reason=reason,
        end_time=now,
        update_time=now,
        revision=task.revision + 1,
    )


def _place(
    tx: Transaction, task: Task, workflow: Workflow, filter_index: int, target_index: int
) -> Task:
    """Puts the task at a target of a filter, or cancels it past the last target."""
    targets = workflow.spec.filters[filter_index].targets
    if target_index >= len(targets):
        return _end(
            tx,
            task,
            TaskStatus.CANCELED,
            f"no target of {workflow.name} took the task in time",
        )
    target = targets[target_index]
    tx.timers.cancel(STEP_TIMER, task.id)
    if target.timeout is not None:
        tx.timers.schedule(STEP_TIMER, task.id, tx.now() + target.timeout)
    return dataclasses.replace(
        task,
        queue=target.queue,
        priority=task.priority if target.priority is None else target.priority,
        filter_index=filter_index,
        target_index=target_index,
    )


def _route(tx: Transaction, task: Task, workflow: Workflow) -> Task:
    context = task_context(task)
    for index, item in enumerate(workflow.spec.filters):
        if Expression(item.expression).matches(context):
            return _place(tx, task, workflow, index, 0)
    if workflow.spec.default_queue is not None:
        return dataclasses.replace(task, queue=workflow.spec.default_queue)
    return _end(
        tx,
        task,
        TaskStatus.CANCELED,
        f"no filter of {workflow.name} matched the task, and it has no default queue",
    )


def create_task(tx: Transaction, new: NewTask) -> Task:
    workflow = tx.workflows.get(WORKFLOW.parse(new.workflow, "task.workflow"))
    if workflow is None:
        raise FailedPrecondition.one(
            "REFERENCE", new.workflow, f"{new.workflow} does not exist", reason="WORKFLOW_NOT_FOUND"
        )
    channel = None
    if new.channel is not None:
        try:
            channel = resolve_channel(tx, CHANNEL.parse(new.channel, "task.channel")).name
        except NotFound as missing:
            raise FailedPrecondition.one(
                "REFERENCE",
                new.channel,
                f"{new.channel} does not exist",
                reason="CHANNEL_NOT_FOUND",
            ) from missing
    now = tx.now()
    task = Task(
        id=tx.new_id(TASK),
        workflow=workflow.name,
        task_channel=new.task_channel,
        priority=new.priority,
        status=TaskStatus.PENDING,
        timeout=new.timeout,
        attributes=new.attributes,
        channel=channel,
        create_time=now,
        update_time=now,
    )
    tx.timers.schedule(TTL_TIMER, task.id, now + new.timeout)
    task = _route(tx, task, workflow)
    tx.tasks.insert(task)
    tx.events.append(DomainEvent(EventType.TASK_CREATED, task))
    return task


def update_task(
    tx: Transaction, task_id: str, etag: str | None, change: Callable[[Task], Task]
) -> Task:
    current = get_task(tx, task_id)
    check_etag(current.etag, etag, current.name)
    if current.status.is_final:
        raise _illegal(current, "updated")
    changed = change(current)
    updated = dataclasses.replace(
        current,
        attributes=changed.attributes,
        priority=changed.priority,
        update_time=tx.now(),
        revision=current.revision + 1,
    )
    return _save(tx, updated, EventType.TASK_UPDATED)


def cancel_task(tx: Transaction, task_id: str, reason: str) -> Task:
    task = get_task(tx, task_id)
    if task.status not in (TaskStatus.PENDING, TaskStatus.RESERVED):
        raise _illegal(task, "canceled")
    return _save(tx, _end(tx, task, TaskStatus.CANCELED, reason), EventType.TASK_UPDATED)


def wrap_up_task(tx: Transaction, task_id: str) -> Task:
    task = get_task(tx, task_id)
    if task.status is not TaskStatus.ASSIGNED:
        raise _illegal(task, "wrapped up")
    wrapping = dataclasses.replace(
        task, status=TaskStatus.WRAPPING, update_time=tx.now(), revision=task.revision + 1
    )
    return _save(tx, wrapping, EventType.TASK_UPDATED)


def complete_task(tx: Transaction, task_id: str, reason: str) -> Task:
    task = get_task(tx, task_id)
    if task.status not in (TaskStatus.ASSIGNED, TaskStatus.WRAPPING):
        raise _illegal(task, "completed")
    return _save(tx, _end(tx, task, TaskStatus.COMPLETED, reason), EventType.TASK_UPDATED)


# -- timers ------------------------------------------------------------------


def ttl_expired(tx: Transaction, task_id: str) -> None:
    task = tx.tasks.get(task_id)
    if task is None or task.status not in (TaskStatus.PENDING, TaskStatus.RESERVED):
        return
    reason = f"not handled within its timeout of {task.timeout}"
    _save(tx, _end(tx, task, TaskStatus.CANCELED, reason), EventType.TASK_UPDATED)


def step_expired(tx: Transaction, task_id: str) -> None:
    task = tx.tasks.get(task_id)
    if (
        task is None
        or task.status is not TaskStatus.PENDING
        or task.filter_index is None
        or task.target_index is None
    ):
        return
    workflow = tx.workflows.get(WORKFLOW.parse(task.workflow, "workflow"))
    if workflow is None or task.filter_index >= len(workflow.spec.filters):
        _save(
            tx,
            _end(tx, task, TaskStatus.CANCELED, f"{task.workflow} no longer routes this task"),
            EventType.TASK_UPDATED,
        )
        return
    moved = _place(tx, task, workflow, task.filter_index, task.target_index + 1)
    moved = dataclasses.replace(moved, update_time=tx.now(), revision=task.revision + 1)
    _save(tx, moved, EventType.TASK_UPDATED)


TIMER_HANDLERS: dict[str, Callable[[Transaction, str], None]] = {
    TTL_TIMER: ttl_expired,
    STEP_TIMER: step_expired,
}
