"""The rules of activities and workers (API §6). Each function is one unit of work."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from relaydesk_server.domain import access, assignment
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
)
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import ACTIVITY, WORKER
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.workforce_model import OFFLINE, Activity, Worker, WorkerSpec

# -- activities --------------------------------------------------------------


def get_activity(tx: Transaction, activity_id: str) -> Activity:
    activity = tx.activities.get(activity_id)
    if activity is None:
        raise NotFound(ACTIVITY.type_name, ACTIVITY.name(activity_id), reason="ACTIVITY_NOT_FOUND")
    return activity


def list_activities(tx: Transaction, page: PageRequest) -> Page[Activity]:
    return tx.activities.list(page)


def create_activity(tx: Transaction, display_name: str, available: bool) -> Activity:
    now = tx.now()
    activity = Activity(tx.new_id(ACTIVITY), display_name, available, now, now)
    tx.activities.insert(activity)
    return activity


def update_activity(
    tx: Transaction, activity_id: str, etag: str | None, change: Callable[[Activity], Activity]
) -> Activity:
    current = get_activity(tx, activity_id)
    check_etag(current.etag, etag, current.name)
    changed = change(current)
    if changed.available != current.available:
        raise InvalidArgument.field(
            "activity.available", "cannot change: create another activity instead"
        )
    updated = dataclasses.replace(
        current,
        display_name=changed.display_name,
        update_time=tx.now(),
        revision=current.revision + 1,
    )
    tx.activities.update(updated)
    return updated


def delete_activity(tx: Transaction, activity_id: str) -> None:
    activity = get_activity(tx, activity_id)
    if activity.builtin == OFFLINE:
        raise FailedPrecondition.one(
            "BUILTIN",
            activity.name,
            "the Offline activity is where new and timed-out workers go; it cannot be deleted",
            reason="ACTIVITY_IS_OFFLINE",
        )
    in_use = tx.activities.worker_count(activity_id)
    if in_use:
        raise FailedPrecondition.one(
            "IN_USE",
            activity.name,
            f"{in_use} worker(s) are in {activity.name}; move them first",
            reason="ACTIVITY_IN_USE",
        )
    tx.activities.delete(activity_id)


def _activity_for(tx: Transaction, activity_name: str | None) -> Activity:
    if activity_name is None:
        return tx.activities.offline()
    activity = tx.activities.get(ACTIVITY.parse(activity_name, "activity"))
    if activity is None:
        raise FailedPrecondition.one(
            "REFERENCE",
            activity_name,
            f"{activity_name} does not exist",
            reason="ACTIVITY_NOT_FOUND",
        )
    return activity


# -- workers -----------------------------------------------------------------


def get_worker(tx: Transaction, worker_id: str) -> Worker:
    worker = tx.workers.get(worker_id)
    if worker is None:
        raise NotFound(WORKER.type_name, WORKER.name(worker_id), reason="WORKER_NOT_FOUND")
    return worker


def _worker_for(tx: Transaction, principal: Principal, worker_id: str) -> Worker:
    return access.found_or_denied(
        principal,
        tx.workers.get(worker_id),
        lambda worker: access.is_own_worker(tx, principal, worker),
        "worker",
        lambda: NotFound(WORKER.type_name, WORKER.name(worker_id), reason="WORKER_NOT_FOUND"),
    )


def read_worker(tx: Transaction, principal: Principal, worker_id: str) -> Worker:
    return _worker_for(tx, principal, worker_id)


def list_workers(
    tx: Transaction, principal: Principal, activity_id: str | None, page: PageRequest
) -> Page[Worker]:
    if not principal.is_privileged:
        # An agent sees its own worker only.
        mine = access.own_worker(tx, principal)
        keep = mine is not None and activity_id in (None, mine.activity_id)
        return Page([mine] if keep and mine is not None else [], None)
    return tx.workers.list(activity_id, page)


def create_worker(tx: Transaction, spec: WorkerSpec, activity_name: str | None) -> Worker:
    existing = tx.workers.find_by_identity(spec.identity)
    if existing is not None:
        raise AlreadyExists(
            WORKER.type_name,
            existing.name,
            f"{existing.name} already has the identity {spec.identity!r}",
            reason="WORKER_IDENTITY_TAKEN",
        )
    activity = _activity_for(tx, activity_name)
    now = tx.now()
    worker = Worker(
        id=tx.new_id(WORKER),
        spec=spec,
        activity_id=activity.id,
        available=activity.available,
        activity_change_time=now,
        create_time=now,
        update_time=now,
    )
    tx.workers.insert(worker)
    tx.events.append(DomainEvent(EventType.WORKER_CREATED, worker))
    return worker


def _move(tx: Transaction, worker: Worker, activity: Activity) -> Worker:
    if activity.id == worker.activity_id:
        return worker
    return dataclasses.replace(
        worker,
        activity_id=activity.id,
        available=activity.available,
        activity_change_time=tx.now(),
    )


def _save(tx: Transaction, before: Worker, after: Worker) -> Worker:
    """Stores a changed worker, then lets routing react: a worker who left an
    available activity loses its pending offers (rescinded, the tasks routed
    again); an available one is offered what waits for it."""
    updated = dataclasses.replace(after, update_time=tx.now(), revision=before.revision + 1)
    tx.workers.update(updated)
    tx.events.append(DomainEvent(EventType.WORKER_UPDATED, updated))
    if before.available and not updated.available:
        assignment.offer_tasks(tx, assignment.withdraw_offers_of_worker(tx, updated))
    if updated.available:
        assignment.fill_worker(tx, updated.id)
    return get_worker(tx, updated.id)  # with its load as routing left it


def update_worker(
    tx: Transaction,
    worker_id: str,
    etag: str | None,
    change: Callable[[WorkerSpec], WorkerSpec],
    activity_name: str | None,
) -> Worker:
    """Applies `change`; a non-None `activity_name` also moves the worker there."""
    current = get_worker(tx, worker_id)
    check_etag(current.etag, etag, current.name)
    spec = change(current.spec)
    if spec.identity != current.spec.identity:
        raise InvalidArgument.field(
            "worker.identity", "cannot change: tokens, members and tasks refer to it"
        )
    updated = dataclasses.replace(current, spec=spec)
    if activity_name is not None:
        updated = _move(tx, updated, _activity_for(tx, activity_name))
    return _save(tx, current, updated)


def set_worker_activity(
    tx: Transaction, principal: Principal, worker_id: str, activity_name: str
) -> Worker:
    current = _worker_for(tx, principal, worker_id)
    moved = _move(tx, current, _activity_for(tx, activity_name))
    if moved is current:
        return current
    return _save(tx, current, moved)


def move_to_offline(tx: Transaction, worker_id: str) -> None:
    """Where a worker goes who let an offer expire."""
    current = tx.workers.get(worker_id)
    if current is not None:
        moved = _move(tx, current, tx.activities.offline())
        if moved is not current:
            _save(tx, current, moved)


def delete_worker(tx: Transaction, worker_id: str) -> None:
    worker = get_worker(tx, worker_id)
    held = sum(worker.load.values())
    if held:
        raise FailedPrecondition.one(
            "IN_USE",
            worker.name,
            f"{worker.name} holds {held} task(s); complete or reassign them first",
            reason="WORKER_HAS_TASKS",
        )
    tx.workers.delete(worker_id)
    tx.events.append(DomainEvent(EventType.WORKER_DELETED, worker))
