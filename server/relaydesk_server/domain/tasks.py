"""The rules of tasks (API §6): creation, routing through a workflow, and the lifecycle.

Routing: the task enters the first filter whose expression matches it, else
the workflow's default queue; with neither it is canceled. Within a filter it
waits at each target for that target's timeout, then moves to the next; past
the last target it is canceled. Its own timeout (TTL) cancels it too. While
it waits, the assignment engine offers it to workers (see `assignment`).

Transfer: an ASSIGNED task is offered to a queue's workers or to one worker,
and stays with its current worker until the offer is accepted; a declined or
expired transfer offer ends the transfer and leaves the task where it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from relaydesk_server.domain import access, assignment, janitor
from relaydesk_server.domain.assignment import save_task
from relaydesk_server.domain.channels import resolve_channel
from relaydesk_server.domain.channels_model import Channel
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import FailedPrecondition, InvalidArgument, NotFound
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.expressions import compiled
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import CHANNEL, QUEUE, TASK, WORKER, WORKFLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.routing_model import Workflow
from relaydesk_server.domain.tasks_model import (
    NewTask,
    Reservation,
    ReservationStatus,
    Task,
    TaskFilter,
    TaskStatus,
)
from relaydesk_server.domain.workforce_model import Worker

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


def _task_for(
    tx: Transaction,
    principal: Principal,
    task_id: str,
    allowed: Callable[[Transaction, Principal, Task], bool],
) -> Task:
    return access.found_or_denied(
        principal,
        tx.tasks.get(task_id),
        lambda task: allowed(tx, principal, task),
        "task",
        lambda: NotFound(TASK.type_name, TASK.name(task_id), reason="TASK_NOT_FOUND"),
    )


def read_task(tx: Transaction, principal: Principal, task_id: str) -> Task:
    return _task_for(tx, principal, task_id, access.may_read_task)


def list_tasks(
    tx: Transaction, principal: Principal, task_filter: TaskFilter, page: PageRequest
) -> Page[Task]:
    if not principal.is_privileged:
        # An agent lists the tasks assigned to it, and no one else's.
        mine = access.own_worker(tx, principal)
        if task_filter.worker is not None and (mine is None or task_filter.worker != mine.name):
            raise access.denied("task")
        if mine is None:
            return Page([], None)
        task_filter = dataclasses.replace(task_filter, worker=mine.name)
    return tx.tasks.list(task_filter, page)


def illegal(task: Task, action: str) -> FailedPrecondition:
    return FailedPrecondition.one(
        "STATE",
        task.name,
        f"{task.name} is {task.status.value}: it cannot be {action}",
        reason="ILLEGAL_TRANSITION",
    )


def _end(tx: Transaction, task: Task, status: TaskStatus, reason: str) -> Task:
    """The task as it ends (not yet saved); its routing timers go."""
    tx.timers.cancel(TTL_TIMER, task.id)
    tx.timers.cancel(STEP_TIMER, task.id)
    return dataclasses.replace(
        task,
        status=status,
        reason=reason,
        end_time=tx.now(),
        transfer_queue=None,
        transfer_worker=None,
    )


def _finish(tx: Transaction, task: Task, status: TaskStatus, reason: str) -> Task:
    """Ends a task: its pending offers are canceled, its holder completes, and
    every worker freed is offered its next task."""
    ended = save_task(tx, _end(tx, task, status, reason))
    reservations = tx.reservations.of_task(task.id)
    freed = assignment.end_pending(tx, reservations, ReservationStatus.CANCELED)
    for reservation in reservations:
        if reservation.status in (ReservationStatus.ACCEPTED, ReservationStatus.WRAPPING):
            assignment.set_reservation_status(tx, reservation, ReservationStatus.COMPLETED)
            freed.append(reservation.worker_id)
    assignment.fill_workers(tx, freed)
    janitor.task_ended(tx, ended)
    return ended


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
        if compiled(item.expression).matches(context, task.name):
            return _place(tx, task, workflow, index, 0)
    if workflow.spec.default_queue is not None:
        return dataclasses.replace(task, queue=workflow.spec.default_queue)
    return _end(
        tx,
        task,
        TaskStatus.CANCELED,
        f"no filter of {workflow.name} matched the task, and it has no default queue",
    )


def create_task(tx: Transaction, new: NewTask, *, preferred: Worker | None = None) -> Task:
    """A new task, routed through its workflow and offered to its workers; first,
    alone, to `preferred` when that worker can take it now."""
    workflow = _workflow(tx, new.workflow)
    task = _new_task(tx, new, workflow)
    tx.timers.schedule(TTL_TIMER, task.id, task.create_time + new.timeout)
    task = _route(tx, task, workflow)
    if (
        preferred is not None
        and not task.status.is_final
        and tx.routing.is_free(preferred.id, task.task_channel)
    ):
        task = dataclasses.replace(task, preferred_worker=preferred.name)
    tx.tasks.insert(task)
    tx.events.append(DomainEvent(EventType.TASK_CREATED, task))
    if task.status.is_final:  # its workflow had no queue for it
        janitor.task_ended(tx, task)
    assignment.offer_task(tx, task.id)
    return get_task(tx, task.id)


def conversation_attributes(
    channel: Channel, display_name: str, given: dict[str, Any] | None = None
) -> dict[str, Any]:
    """What a conversation's task carries (API §8), over the `given` attributes:
    its channel, channel type and customer address, and a display name (one
    given, else `display_name`, else the address)."""
    assert channel.spec.channel_type is not None  # a customer's channel has its type
    given = given or {}
    return {
        **given,
        "channel": channel.name,
        "channel_type": f"CHANNEL_TYPE_{channel.spec.channel_type.value}",
        "customer_address": channel.spec.customer_address,
        "display_name": given.get("display_name") or display_name or channel.spec.customer_address,
    }


def start_for_conversation(
    tx: Transaction,
    new: NewTask,
    *,
    preferred: Worker | None = None,
    assigned_to: Worker | None = None,
) -> Task:
    """A conversation's task (`new.channel`), named as the channel's current task:
    routed and offered (to `preferred` first), or assigned to `assigned_to` at once."""
    if assigned_to is not None:
        task = create_assigned_task(tx, new, assigned_to)
    else:
        task = create_task(tx, new, preferred=preferred)
    channel = tx.channels.get(CHANNEL.parse(new.channel or "", "task.channel"))
    if task.status.is_final or channel is None:
        return task  # the janitor has dealt with the conversation
    updated = dataclasses.replace(
        channel, task=task.name, update_time=tx.now(), revision=channel.revision + 1
    )
    tx.channels.update(updated)
    tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))
    return task


def create_assigned_task(tx: Transaction, new: NewTask, worker: Worker) -> Task:
    """A new task assigned to `worker` at once, its reservation accepted (the agent
    who starts a conversation holds its task): it counts against the worker's
    capacity on the task channel, whatever the worker's activity."""
    load = tx.routing.load_of(worker.id, new.task_channel)
    if load >= worker.capacity(new.task_channel):
        raise FailedPrecondition.one(
            "CAPACITY",
            worker.name,
            f"{worker.name} already holds {load} {new.task_channel!r} task(s), its capacity",
            reason="NO_FREE_CAPACITY",
        )
    workflow = _workflow(tx, new.workflow)
    task = _new_task(tx, new, workflow)
    routed = _route(tx, task, workflow)
    # Its queue, for statistics; it waits nowhere, so no step timer runs.
    tx.timers.cancel(STEP_TIMER, task.id)
    task = dataclasses.replace(
        task,
        status=TaskStatus.ASSIGNED,
        worker=worker.name,
        queue=None if routed.status.is_final else routed.queue,
    )
    tx.tasks.insert(task)
    tx.events.append(DomainEvent(EventType.TASK_CREATED, task))
    assignment.accepted_at_once(tx, task, worker)
    return get_task(tx, task.id)


def _workflow(tx: Transaction, name: str) -> Workflow:
    workflow = tx.workflows.get(WORKFLOW.parse(name, "task.workflow"))
    if workflow is None:
        raise FailedPrecondition.one(
            "REFERENCE", name, f"{name} does not exist", reason="WORKFLOW_NOT_FOUND"
        )
    return workflow


def _new_task(tx: Transaction, new: NewTask, workflow: Workflow) -> Task:
    """The task `new` asks for, PENDING and not yet routed nor stored."""
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
    return Task(
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


def update_task(
    tx: Transaction,
    principal: Principal,
    task_id: str,
    etag: str | None,
    change: Callable[[Task], Task],
) -> Task:
    current = _task_for(tx, principal, task_id, access.holds_task)
    check_etag(current.etag, etag, current.name)
    if current.status.is_final:
        raise illegal(current, "updated")
    changed = change(current)
    updated = save_task(
        tx,
        dataclasses.replace(current, attributes=changed.attributes, priority=changed.priority),
    )
    # New attributes may make other workers eligible.
    assignment.offer_task(tx, task_id)
    return get_task(tx, updated.id)


def cancel_task(tx: Transaction, task_id: str, reason: str) -> Task:
    task = get_task(tx, task_id)
    if not task.is_waiting:
        raise illegal(task, "canceled")
    return _finish(tx, task, TaskStatus.CANCELED, reason)


def holder(tx: Transaction, task: Task) -> Reservation:
    """The reservation of the worker an ASSIGNED or WRAPPING task is with."""
    return next(
        r
        for r in tx.reservations.of_task(task.id)
        if r.status in (ReservationStatus.ACCEPTED, ReservationStatus.WRAPPING)
        and task.worker == WORKER.name(r.worker_id)
    )


def _drop_transfer(tx: Transaction, task: Task) -> tuple[Task, list[str]]:
    """Abandons a transfer in progress; returns the task and the workers freed."""
    if not task.is_transferring:
        return task, []
    freed = assignment.end_pending(tx, tx.reservations.of_task(task.id), ReservationStatus.CANCELED)
    return dataclasses.replace(task, transfer_queue=None, transfer_worker=None), freed


def wrap_up_task(tx: Transaction, principal: Principal, task_id: str) -> Task:
    task = _task_for(tx, principal, task_id, access.holds_task)
    if task.status is not TaskStatus.ASSIGNED:
        raise illegal(task, "wrapped up")
    assignment.set_reservation_status(tx, holder(tx, task), ReservationStatus.WRAPPING)
    task, freed = _drop_transfer(tx, task)
    wrapping = save_task(tx, dataclasses.replace(task, status=TaskStatus.WRAPPING))
    assignment.fill_workers(tx, freed)
    return wrapping


def complete_task(tx: Transaction, principal: Principal, task_id: str, reason: str) -> Task:
    task = _task_for(tx, principal, task_id, access.holds_task)
    if task.status not in (TaskStatus.ASSIGNED, TaskStatus.WRAPPING):
        raise illegal(task, "completed")
    return _finish(tx, task, TaskStatus.COMPLETED, reason)


def transfer_task(
    tx: Transaction,
    principal: Principal,
    task_id: str,
    queue: str | None,
    worker_identity: str | None,
) -> Task:
    """Offers an ASSIGNED task to a queue or a worker; a new transfer replaces a pending one."""
    task = _task_for(tx, principal, task_id, access.holds_task)
    if task.status is not TaskStatus.ASSIGNED:
        raise illegal(task, "transferred")
    transfer_queue = transfer_worker = None
    if worker_identity is not None:
        worker = tx.workers.find_by_identity(worker_identity)
        if worker is None:
            raise FailedPrecondition.one(
                "REFERENCE",
                worker_identity,
                f"no worker has the identity {worker_identity!r}",
                reason="WORKER_NOT_FOUND",
            )
        if worker.name == task.worker:
            raise InvalidArgument.field(
                "worker_identity", f"{worker_identity!r} already has {task.name}"
            )
        transfer_worker = worker.name
    elif queue is not None:
        if tx.queues.get(QUEUE.parse(queue, "queue")) is None:
            raise FailedPrecondition.one(
                "REFERENCE", queue, f"{queue} does not exist", reason="QUEUE_NOT_FOUND"
            )
        transfer_queue = queue
    task, freed = _drop_transfer(tx, task)
    save_task(
        tx,
        dataclasses.replace(task, transfer_queue=transfer_queue, transfer_worker=transfer_worker),
    )
    assignment.offer_task(tx, task_id)
    assignment.fill_workers(tx, freed)
    return get_task(tx, task_id)


# -- timers ------------------------------------------------------------------


def ttl_expired(tx: Transaction, task_id: str) -> None:
    task = tx.tasks.get(task_id)
    if task is None or not task.is_waiting:
        return
    _finish(tx, task, TaskStatus.CANCELED, f"not handled within its timeout of {task.timeout}")


def step_expired(tx: Transaction, task_id: str) -> None:
    """The task waited its time at a target: on to the next one.

    Offers still pending at the old target stay open; new offers come from
    the new target.
    """
    task = tx.tasks.get(task_id)
    if (
        task is None
        or not task.is_waiting
        or task.filter_index is None
        or task.target_index is None
    ):
        return
    workflow = tx.workflows.get(WORKFLOW.parse(task.workflow, "workflow"))
    if workflow is None or task.filter_index >= len(workflow.spec.filters):
        _finish(tx, task, TaskStatus.CANCELED, f"{task.workflow} no longer routes this task")
        return
    moved = _place(tx, task, workflow, task.filter_index, task.target_index + 1)
    if moved.status is TaskStatus.CANCELED:
        _finish(tx, task, TaskStatus.CANCELED, moved.reason)
        return
    save_task(tx, moved)
    assignment.offer_task(tx, task_id)


TIMER_HANDLERS: dict[str, Callable[[Transaction, str], None]] = {
    TTL_TIMER: ttl_expired,
    STEP_TIMER: step_expired,
}
