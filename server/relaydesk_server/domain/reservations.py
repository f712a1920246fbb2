"""The rules of reservations (API §6): a worker accepts, rejects or lets an offer expire.

Accept → the task is ASSIGNED to the worker, who joins its conversation, and
the task's other pending offers are RESCINDED. For a transfer offer the task
moves to the new worker, whose predecessor's reservation is COMPLETED and who
leaves the conversation. Reject → the worker is not offered the task again
and the task is routed on. Timeout → the same, and the worker goes Offline:
someone who does not answer should not be offered more.
"""

from __future__ import annotations

import dataclasses

from relaydesk_server.domain import access, assignment, channels, workforce
from relaydesk_server.domain.assignment import save_task, set_reservation_status
from relaydesk_server.domain.channels_model import MemberRole
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.tasks import STEP_TIMER, TTL_TIMER, get_task, holder
from relaydesk_server.domain.tasks_model import (
    Reservation,
    ReservationFilter,
    ReservationStatus,
    TaskStatus,
)


def get_reservation(tx: Transaction, task_id: str, reservation_id: str) -> Reservation:
    reservation = tx.reservations.get(task_id, reservation_id)
    if reservation is None:
        name = f"tasks/{task_id}/reservations/{reservation_id}"
        raise NotFound("relaydesk.v1.Reservation", name, reason="RESERVATION_NOT_FOUND")
    return reservation


def list_reservations(
    tx: Transaction,
    principal: Principal,
    reservation_filter: ReservationFilter,
    page: PageRequest,
) -> Page[Reservation]:
    if not principal.is_privileged:
        # An agent lists the offers made to it, and no one else's; whether a
        # task it names exists is not its business.
        mine = access.own_worker(tx, principal)
        wanted = reservation_filter.worker_id
        if wanted is not None and (mine is None or wanted != mine.id):
            raise access.denied("reservation")
        if mine is None:
            return Page([], None)
        reservation_filter = dataclasses.replace(reservation_filter, worker_id=mine.id)
    elif reservation_filter.task_id is not None:
        get_task(tx, reservation_filter.task_id)
    return tx.reservations.list(reservation_filter, page)


def _pending(
    tx: Transaction, principal: Principal, task_id: str, reservation_id: str, action: str
) -> Reservation:
    name = f"tasks/{task_id}/reservations/{reservation_id}"
    reservation = access.found_or_denied(
        principal,
        tx.reservations.get(task_id, reservation_id),
        lambda found: access.owns_reservation(tx, principal, found),
        "reservation",
        lambda: NotFound("relaydesk.v1.Reservation", name, reason="RESERVATION_NOT_FOUND"),
    )
    if reservation.status is not ReservationStatus.PENDING:
        raise FailedPrecondition.one(
            "STATE",
            reservation.name,
            f"{reservation.name} is {reservation.status.value}: it cannot be {action}",
            reason="ILLEGAL_TRANSITION",
        )
    return reservation


def accept_reservation(
    tx: Transaction, principal: Principal, task_id: str, reservation_id: str
) -> Reservation:
    offer = _pending(tx, principal, task_id, reservation_id, "accepted")
    task = get_task(tx, task_id)
    accepted = set_reservation_status(tx, offer, ReservationStatus.ACCEPTED)
    worker = workforce.get_worker(tx, offer.worker_id)
    others = [r for r in tx.reservations.of_task(task_id) if r.id != offer.id]
    freed = assignment.end_pending(tx, others, ReservationStatus.RESCINDED)
    previous = holder(tx, task) if offer.transfer else None
    if previous is not None:
        # The previous worker's hold on the task completes.
        set_reservation_status(tx, previous, ReservationStatus.COMPLETED)
        freed.append(previous.worker_id)
        task = dataclasses.replace(
            task,
            queue=task.transfer_queue or task.queue,
            transfer_queue=None,
            transfer_worker=None,
        )
    else:
        tx.timers.cancel(TTL_TIMER, task.id)
        tx.timers.cancel(STEP_TIMER, task.id)
    save_task(
        tx,
        dataclasses.replace(
            task, status=TaskStatus.ASSIGNED, worker=worker.name, preferred_worker=None
        ),
    )
    if task.channel is not None:
        # The new agent joins before the previous one leaves: the conversation
        # is never without an agent.
        channels.join(tx, task.channel, worker.spec.identity, MemberRole.AGENT)
        leaving = tx.workers.get(previous.worker_id) if previous is not None else None
        if leaving is not None:
            channels.leave(tx, task.channel, leaving.spec.identity)
    assignment.fill_workers(tx, freed)
    return accepted


def reject_reservation(
    tx: Transaction, principal: Principal, task_id: str, reservation_id: str
) -> Reservation:
    offer = _pending(tx, principal, task_id, reservation_id, "rejected")
    rejected = set_reservation_status(tx, offer, ReservationStatus.REJECTED)
    assignment.after_offer_ended(tx, rejected)
    assignment.offer_task(tx, task_id)
    assignment.fill_worker(tx, offer.worker_id)
    return rejected


def reservation_expired(tx: Transaction, subject: str) -> None:
    task_id, _, reservation_id = subject.partition("/")
    offer = tx.reservations.get(task_id, reservation_id)
    if offer is None or offer.status is not ReservationStatus.PENDING:
        return
    timed_out = set_reservation_status(tx, offer, ReservationStatus.TIMEOUT)
    assignment.after_offer_ended(tx, timed_out)
    workforce.move_to_offline(tx, offer.worker_id)
    assignment.offer_task(tx, task_id)


TIMER_HANDLERS = {assignment.RESERVATION_TIMER: reservation_expired}
