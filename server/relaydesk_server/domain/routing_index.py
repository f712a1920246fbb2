"""What the assignment engine decides from: who is free, and what waits where.

The index lives in memory next to the single writer and follows every write
of a worker, queue, workflow, task or reservation, so a decision never scans
the database: free workers are kept per task channel in longest-idle order,
and waiting tasks per (queue, task channel) in offer order.

Writes can fail and roll back, so every change to the index is journaled and
can be undone back to a mark; a committed batch forgets its journal.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from relaydesk_server.domain.expressions import compiled, worker_context
from relaydesk_server.domain.routing_model import Queue, QueueOrder, Workflow
from relaydesk_server.domain.tasks_model import Reservation, ReservationStatus, Task, TaskStatus
from relaydesk_server.domain.workforce_model import Worker

K = TypeVar("K")
V = TypeVar("V")

# Where a task waits: a queue's name, or (for a transfer to one worker) the
# worker's name; and the task channel.
Bucket = tuple[str, str]
# How waiting tasks are ordered in a bucket: (-priority, ±creation µs, task id).
OrderKey = tuple[int, int, str]
# How free workers are ordered on a channel: (idle since, worker id).
IdleKey = tuple[dt.datetime, str]

_MISSING: Any = object()
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _micros(when: dt.datetime) -> int:
    return (when - _EPOCH) // dt.timedelta(microseconds=1)


def _context(task: Task, worker: Worker) -> dict[str, Any]:
    return {
        **worker_context(worker.spec.identity, worker.spec.attributes),
        "task": {
            "attributes": task.attributes,
            "task_channel": task.task_channel,
            "priority": task.priority,
        },
    }


class RoutingIndex:
    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []
        self._journaling = True
        self.workers: dict[str, Worker] = {}  # by id
        self.queues: dict[str, Queue] = {}  # by name
        self.workflows: dict[str, Workflow] = {}  # by name
        self.tasks: dict[str, Task] = {}  # tasks not yet final, by id
        self._members: dict[str, set[str]] = {}  # queue name → ids of workers it targets
        self._worker_queues: dict[str, set[str]] = {}  # worker id → names of queues targeting it
        self._holding: dict[str, Reservation] = {}  # reservations using capacity, by id
        self._holders: dict[str, set[str]] = {}  # task id → ids of workers holding it
        self._declined: dict[str, set[str]] = {}  # task id → ids of workers who declined it
        self._pending: dict[str, int] = {}  # task id → PENDING offers
        self._load: dict[tuple[str, str], int] = {}  # (worker id, task channel) → tasks held
        self._load_change: dict[tuple[str, str], dt.datetime] = {}
        self._task_channels: set[str] = set()
        self._free: dict[str, list[IdleKey]] = {}  # task channel → free workers, longest idle first
        self._free_at: dict[tuple[str, str], IdleKey] = {}
        self._waiting: dict[Bucket, list[OrderKey]] = {}
        self._waiting_at: dict[str, tuple[Bucket, OrderKey]] = {}

    # -- the journal ---------------------------------------------------------

    def mark(self) -> int:
        return len(self._undo)

    def undo_to(self, mark: int) -> None:
        """Reverts every change made since `mark`."""
        while len(self._undo) > mark:
            self._undo.pop()()

    def forget_journal(self) -> None:
        """The changes so far are committed: they will never be undone."""
        self._undo.clear()

    def _journal(self, undo: Callable[[], None]) -> None:
        if self._journaling:
            self._undo.append(undo)

    def _set(self, mapping: dict[K, V], key: K, value: V) -> None:
        old = mapping.get(key, _MISSING)
        mapping[key] = value
        self._journal(lambda: self._restore(mapping, key, old))

    def _pop(self, mapping: dict[K, V], key: K) -> None:
        old = mapping.pop(key, _MISSING)
        if old is not _MISSING:
            self._journal(lambda: mapping.__setitem__(key, old))

    @staticmethod
    def _restore(mapping: dict[K, V], key: K, old: V) -> None:
        if old is _MISSING:
            mapping.pop(key, None)
        else:
            mapping[key] = old

    def _add(self, sets: dict[K, set[str]], key: K, item: str) -> None:
        members = sets.setdefault(key, set())
        if item not in members:
            members.add(item)
            self._journal(lambda: members.discard(item))

    def _discard(self, sets: dict[K, set[str]], key: K, item: str) -> None:
        members = sets.get(key)
        if members is not None and item in members:
            members.discard(item)
            self._journal(lambda: members.add(item))

    def _insort(self, lists: dict[K, list[Any]], key: K, item: Any) -> None:
        items = lists.setdefault(key, [])
        bisect.insort(items, item)
        self._journal(lambda: items.pop(bisect.bisect_left(items, item)))

    def _unsort(self, lists: dict[K, list[Any]], key: K, item: Any) -> None:
        items = lists[key]
        del items[bisect.bisect_left(items, item)]
        self._journal(lambda: bisect.insort(items, item))

    # -- loading -------------------------------------------------------------

    def load(
        self,
        workers: Iterable[Worker],
        queues: Iterable[Queue],
        workflows: Iterable[Workflow],
        tasks: Iterable[Task],
        reservations: Iterable[Reservation],
        load_changes: dict[tuple[str, str], dt.datetime],
    ) -> None:
        """Fills an empty index from storage (at start, so without a journal)."""
        self._journaling = False
        try:
            self._load_change.update(load_changes)
            for queue in queues:
                self.put_queue(queue)
            for workflow in workflows:
                self.put_workflow(workflow)
            for worker in workers:
                self.put_worker(worker)
            for task in tasks:
                self.put_task(task)
            for reservation in reservations:
                self.put_reservation(reservation)
        finally:
            self._journaling = True

    # -- following writes ----------------------------------------------------

    def put_worker(self, worker: Worker) -> None:
        old = self.workers.get(worker.id)
        self._set(self.workers, worker.id, worker)
        if old is None or old.spec.attributes != worker.spec.attributes:
            context = worker_context(worker.spec.identity, worker.spec.attributes)
            for name in self.queues:
                member = self._matches(self.queues[name], context, worker.name)
                self._place_member(name, worker.id, member)
        for channel in self._task_channels:
            self._refresh_free(worker.id, channel)

    def remove_worker(self, worker_id: str) -> None:
        for name in list(self._worker_queues.get(worker_id, ())):
            self._place_member(name, worker_id, False)
        self._pop(self.workers, worker_id)
        for channel in self._task_channels:
            self._refresh_free(worker_id, channel)

    def put_queue(self, queue: Queue) -> None:
        old = self.queues.get(queue.name)
        self._set(self.queues, queue.name, queue)
        if old is None or old.spec.target_workers != queue.spec.target_workers:
            for worker in self.workers.values():
                context = worker_context(worker.spec.identity, worker.spec.attributes)
                member = self._matches(queue, context, worker.name)
                self._place_member(queue.name, worker.id, member)
        if old is not None and (
            old.spec.order != queue.spec.order
            or old.spec.max_reserved_workers != queue.spec.max_reserved_workers
        ):
            for task_id in [t.id for t in self.tasks.values() if queue.name in _queues_of(t)]:
                self._refresh_waiting(task_id)

    def remove_queue(self, name: str) -> None:
        for worker_id in list(self._members.get(name, ())):
            self._place_member(name, worker_id, False)
        self._pop(self.queues, name)

    def put_workflow(self, workflow: Workflow) -> None:
        self._set(self.workflows, workflow.name, workflow)

    def remove_workflow(self, name: str) -> None:
        self._pop(self.workflows, name)

    def put_task(self, task: Task) -> None:
        if task.status.is_final:
            self._pop(self.tasks, task.id)
            self._pop(self._declined, task.id)
            self._pop(self._holders, task.id)
            self._pop(self._pending, task.id)
        else:
            self._set(self.tasks, task.id, task)
            if task.task_channel not in self._task_channels:
                self._add_task_channel(task.task_channel)
        self._refresh_waiting(task.id)

    def put_reservation(self, reservation: Reservation) -> None:
        old = self._holding.get(reservation.id)
        slot = (reservation.worker_id, reservation.task_channel)
        holds = reservation.status.holds_capacity
        if holds:
            self._set(self._holding, reservation.id, reservation)
        elif old is not None:
            self._pop(self._holding, reservation.id)
        if (old is None) == holds:  # the worker's load changes
            self._set(self._load, slot, self._load.get(slot, 0) + (1 if holds else -1))
            self._set(self._load_change, slot, reservation.update_time)
        if reservation.task_id in self.tasks:  # per-task state is kept for live tasks only
            self._follow_offer(reservation, old)
        if reservation.task_channel not in self._task_channels:
            self._add_task_channel(reservation.task_channel)
        self._refresh_free(reservation.worker_id, reservation.task_channel)
        self._refresh_waiting(reservation.task_id)

    def _follow_offer(self, reservation: Reservation, old: Reservation | None) -> None:
        task_id, worker_id = reservation.task_id, reservation.worker_id
        if reservation.status.holds_capacity:
            self._add(self._holders, task_id, worker_id)
        else:
            self._discard(self._holders, task_id, worker_id)
        was_pending = old is not None and old.status is ReservationStatus.PENDING
        is_pending = reservation.status is ReservationStatus.PENDING
        if was_pending != is_pending:
            self._set(self._pending, task_id, self.pending(task_id) + (1 if is_pending else -1))
        if reservation.status.declined:
            self._add(self._declined, task_id, worker_id)

    # -- what the engine asks ------------------------------------------------

    def pending(self, task_id: str) -> int:
        return self._pending.get(task_id, 0)

    def load_of(self, worker_id: str, task_channel: str) -> int:
        return self._load.get((worker_id, task_channel), 0)

    def is_free(self, worker_id: str, task_channel: str) -> bool:
        if task_channel not in self._task_channels:
            worker = self.workers.get(worker_id)
            return worker is not None and worker.available and worker.capacity(task_channel) > 0
        return (worker_id, task_channel) in self._free_at

    def free_channels(self, worker_id: str) -> list[str]:
        """The task channels on which the worker could take a task now."""
        return [c for c in sorted(self._task_channels) if (worker_id, c) in self._free_at]

    def waiting_in(self, queue: str) -> list[str]:
        """The ids of tasks waiting for a worker in `queue`, in offer order."""
        found: list[str] = []
        for (name, _), keys in self._waiting.items():
            if name == queue:
                found += [key[2] for key in keys]
        return found

    def workers_for(self, task_id: str) -> list[Worker]:
        """The eligible workers to offer the task to now, longest idle first.

        As many as the task may still be offered to: its queue's
        `max_reserved_workers` less its pending offers (one for a transfer).
        """
        at = self._waiting_at.get(task_id)
        if at is None:
            return []
        (place, channel), _ = at
        task = self.tasks[task_id]
        wanted = self._open_offers(task)
        found: list[Worker] = []
        if place in self.queues:
            members = self._members.get(place, set())
            for _, worker_id in self._free.get(channel, ()):
                if worker_id in members and self._eligible(task, self.workers[worker_id]):
                    found.append(self.workers[worker_id])
                    if len(found) >= wanted:
                        break
        else:  # a transfer to one worker, or a task's first offer to its preferred worker
            worker = self.workers.get(place.partition("/")[2])
            if (
                worker is not None
                and self.is_free(worker.id, channel)
                and worker.id not in self._holders.get(task_id, ())
            ):
                found.append(worker)
        return found

    def task_for(self, worker_id: str, task_channel: str) -> Task | None:
        """The waiting task to offer the worker next on `task_channel`, if any.

        Higher priority first; within a queue, its order; between queues,
        the older task.
        """
        worker = self.workers.get(worker_id)
        if worker is None:
            return None
        places = [worker.name, *sorted(self._worker_queues.get(worker_id, ()))]
        best: Task | None = None
        for place in places:
            for negated_priority, _, task_id in self._waiting.get((place, task_channel), ()):
                if best is not None and -negated_priority < best.priority:
                    break  # nothing further in this place can beat the best
                task = self.tasks[task_id]
                if place == worker.name or self._eligible(task, worker):
                    if best is None or (-task.priority, task.create_time, task.id) < (
                        -best.priority,
                        best.create_time,
                        best.id,
                    ):
                        best = task
                    break
        return best

    # -- rules ---------------------------------------------------------------

    def _eligible(self, task: Task, worker: Worker) -> bool:
        """Whether `worker`, free and in the task's queue, may be offered `task`."""
        if worker.id in self._holders.get(task.id, ()) or worker.id in self._declined.get(
            task.id, ()
        ):
            return False
        source = self._target_expression(task)
        if not source:
            return True
        return compiled(source).matches(_context(task, worker), f"{task.name} for {worker.name}")

    def _target_expression(self, task: Task) -> str:
        """The expression of the workflow target the task waits at ('' for none)."""
        if task.is_transferring or task.filter_index is None or task.target_index is None:
            return ""
        workflow = self.workflows.get(task.workflow)
        if workflow is None or task.filter_index >= len(workflow.spec.filters):
            return ""
        targets = workflow.spec.filters[task.filter_index].targets
        if task.target_index >= len(targets):
            return ""
        return targets[task.target_index].expression

    def _open_offers(self, task: Task) -> int:
        if task.status is TaskStatus.ASSIGNED or task.preferred_worker is not None:
            return 1 - self.pending(task.id)
        queue = self.queues.get(task.queue or "")
        most = queue.spec.max_reserved_workers if queue is not None else 1
        return most - self.pending(task.id)

    def _matches(self, queue: Queue, context: dict[str, Any], worker: str) -> bool:
        return compiled(queue.spec.target_workers).matches(
            context, f"{queue.name}'s target for {worker}"
        )

    # -- derived state -------------------------------------------------------

    def _place_member(self, queue: str, worker_id: str, member: bool) -> None:
        if member:
            self._add(self._members, queue, worker_id)
            self._add(self._worker_queues, worker_id, queue)
        else:
            self._discard(self._members, queue, worker_id)
            self._discard(self._worker_queues, worker_id, queue)

    def _add_task_channel(self, task_channel: str) -> None:
        self._task_channels.add(task_channel)
        self._journal(lambda: self._task_channels.discard(task_channel))
        for worker_id in list(self.workers):
            self._refresh_free(worker_id, task_channel)

    def _refresh_free(self, worker_id: str, task_channel: str) -> None:
        slot = (worker_id, task_channel)
        want: IdleKey | None = None
        worker = self.workers.get(worker_id)
        if (
            worker is not None
            and worker.available
            and self._load.get(slot, 0) < worker.capacity(task_channel)
        ):
            idle_since = max(worker.activity_change_time, self._load_change.get(slot, _EPOCH))
            want = (idle_since, worker_id)
        current = self._free_at.get(slot)
        if current == want:
            return
        if current is not None:
            self._unsort(self._free, task_channel, current)
            self._pop(self._free_at, slot)
        if want is not None:
            self._insort(self._free, task_channel, want)
            self._set(self._free_at, slot, want)

    def _refresh_waiting(self, task_id: str) -> None:
        want = self._waiting_place(task_id)
        current = self._waiting_at.get(task_id)
        if current == want:
            return
        if current is not None:
            self._unsort(self._waiting, current[0], current[1])
            self._pop(self._waiting_at, task_id)
        if want is not None:
            self._insort(self._waiting, want[0], want[1])
            self._set(self._waiting_at, task_id, want)

    def _waiting_place(self, task_id: str) -> tuple[Bucket, OrderKey] | None:
        task = self.tasks.get(task_id)
        if task is None or self._open_offers(task) <= 0:
            return None
        if task.is_waiting and task.preferred_worker is not None:
            place = task.preferred_worker
        elif task.is_waiting and task.queue is not None:
            place = task.queue
        elif task.status is TaskStatus.ASSIGNED and task.is_transferring:
            place = task.transfer_queue or task.transfer_worker or ""
        else:
            return None
        queue = self.queues.get(place)
        created = _micros(task.create_time)
        if queue is not None and queue.spec.order is QueueOrder.LIFO:
            created = -created
        return (place, task.task_channel), (-task.priority, created, task.id)


def _queues_of(task: Task) -> set[str]:
    return {name for name in (task.queue, task.transfer_queue) if name is not None}
