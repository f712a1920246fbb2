"""The assignment engine (API §6): offering waiting tasks to free workers.

Assignment is event-driven and runs inside the unit of work that caused it —
a task created or back to waiting, a worker available or freed, a queue
changed — so an offer is committed together with its cause, and a client
sees it as soon as its own call returns. Decisions come from the in-memory
`RoutingIndex`; offers are written through the repositories like any change.

Rules: a worker is eligible for a task when its activity is available, it has
free capacity on the task's channel, its queue targets it, the workflow
target's expression accepts it, and it has not declined the task. The
longest idle eligible worker wins; a worker is offered the highest priority
task first, then in its queue's order. Up to the queue's
`max_reserved_workers` offers of one task may be pending at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.names import RESERVATION
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.routing_model import DEFAULT_RESERVATION_TIMEOUT
from relaydesk_server.domain.tasks_model import Reservation, ReservationStatus, Task, TaskStatus
from relaydesk_server.domain.workforce_model import Worker

RESERVATION_TIMER = "reservation-timeout"


def reservation_timer_subject(reservation: Reservation) -> str:
    return f"{reservation.task_id}/{reservation.id}"


def save_task(tx: Transaction, task: Task, *, event: EventType = EventType.TASK_UPDATED) -> Task:
    """Stores a changed task with a new revision, and logs the change."""
    saved = dataclasses.replace(task, update_time=tx.now(), revision=task.revision + 1)
    tx.tasks.update(saved)
    tx.events.append(DomainEvent(event, saved))
    return saved


def set_reservation_status(
    tx: Transaction, reservation: Reservation, status: ReservationStatus
) -> Reservation:
    changed = dataclasses.replace(
        reservation, status=status, update_time=tx.now(), revision=reservation.revision + 1
    )
    tx.reservations.update(changed)
    tx.events.append(DomainEvent(EventType.RESERVATION_UPDATED, changed))
    if reservation.status is ReservationStatus.PENDING:
        tx.timers.cancel(RESERVATION_TIMER, reservation_timer_subject(reservation))
    return changed


# -- offering ----------------------------------------------------------------


def _offer(tx: Transaction, task: Task, worker: Worker) -> None:
    workflow = tx.routing.workflows.get(task.workflow)
    timeout = workflow.spec.reservation_timeout if workflow else DEFAULT_RESERVATION_TIMEOUT
    now = tx.now()
    reservation = Reservation(
        id=tx.new_id(RESERVATION),
        task_id=task.id,
        worker_id=worker.id,
        task_channel=task.task_channel,
        channel=task.channel,
        status=ReservationStatus.PENDING,
        expire_time=now + timeout,
        create_time=now,
        update_time=now,
        transfer=task.status is TaskStatus.ASSIGNED,
    )
    tx.reservations.insert(reservation)
    tx.events.append(DomainEvent(EventType.RESERVATION_CREATED, reservation))
    tx.timers.schedule(
        RESERVATION_TIMER, reservation_timer_subject(reservation), reservation.expire_time
    )
    if task.status is TaskStatus.PENDING:
        save_task(tx, dataclasses.replace(task, status=TaskStatus.RESERVED))


def offer_task(tx: Transaction, task_id: str) -> None:
    """Offers a waiting task to as many eligible workers as it may have offers."""
    index = tx.routing
    for worker in index.workers_for(task_id):
        _offer(tx, index.tasks[task_id], worker)


def offer_tasks(tx: Transaction, task_ids: Iterable[str]) -> None:
    for task_id in task_ids:
        offer_task(tx, task_id)


def fill_worker(tx: Transaction, worker_id: str) -> None:
    """Offers a worker waiting tasks until it is full or nothing suits it."""
    index = tx.routing
    for task_channel in index.free_channels(worker_id):
        while index.is_free(worker_id, task_channel):
            task = index.task_for(worker_id, task_channel)
            if task is None:
                break
            _offer(tx, task, index.workers[worker_id])


def fill_workers(tx: Transaction, worker_ids: Iterable[str]) -> None:
    for worker_id in worker_ids:
        fill_worker(tx, worker_id)


def fill_queue(tx: Transaction, queue: str) -> None:
    """Offers the tasks waiting in a queue whose workers may have changed."""
    offer_tasks(tx, tx.routing.waiting_in(queue))


def accepted_at_once(tx: Transaction, task: Task, worker: Worker) -> Reservation:
    """The reservation of a task created ASSIGNED to `worker`: made and accepted at once."""
    now = tx.now()
    reservation = Reservation(
        id=tx.new_id(RESERVATION),
        task_id=task.id,
        worker_id=worker.id,
        task_channel=task.task_channel,
        channel=task.channel,
        status=ReservationStatus.ACCEPTED,
        expire_time=now,
        create_time=now,
        update_time=now,
    )
    tx.reservations.insert(reservation)
    tx.events.append(DomainEvent(EventType.RESERVATION_CREATED, reservation))
    return reservation


# -- ending offers -----------------------------------------------------------


def end_pending(
    tx: Transaction,
    reservations: Iterable[Reservation],
    status: ReservationStatus,
) -> list[str]:
    """Ends the PENDING ones among `reservations`; returns their workers' ids."""
    freed = []
    for reservation in reservations:
        if reservation.status is ReservationStatus.PENDING:
            set_reservation_status(tx, reservation, status)
            freed.append(reservation.worker_id)
    return freed


def withdraw_offers_of_worker(tx: Transaction, worker: Worker) -> list[str]:
    """Rescinds a worker's pending offers (it left an available activity).

    Returns the ids of the tasks to route again.
    """
    tasks = []
    for reservation in tx.reservations.pending_of_worker(worker.id):
        set_reservation_status(tx, reservation, ReservationStatus.RESCINDED)
        after_offer_ended(tx, reservation)
        tasks.append(reservation.task_id)
    return tasks


def after_offer_ended(tx: Transaction, reservation: Reservation) -> None:
    """A pending offer ended without an accept: the task waits again, or keeps its agent.

    A RESERVED task with no other pending offer returns to PENDING (and to its
    queue, if it was offered to a preferred worker first); a
    transfer with no pending offer is over, and the task stays with its
    current worker.
    """
    task = tx.tasks.get(reservation.task_id)
    if task is None or tx.routing.pending(task.id) > 0:
        return
    if task.status is TaskStatus.RESERVED:
        # A first offer to a preferred worker is over: the queue's turn.
        save_task(tx, dataclasses.replace(task, status=TaskStatus.PENDING, preferred_worker=None))
    elif reservation.transfer and task.is_transferring:
        save_task(tx, dataclasses.replace(task, transfer_queue=None, transfer_worker=None))
