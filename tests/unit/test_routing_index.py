"""The routing index: its decisions, and undo of a rolled-back write.

The index is the writer's memory of workers, queues and waiting tasks; a
write that fails must leave it exactly as before, or routing would offer
tasks from a state the database never had.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

from relaydesk_server.domain.routing_index import RoutingIndex
from relaydesk_server.domain.routing_model import Queue, QueueOrder, QueueSpec
from relaydesk_server.domain.tasks_model import Reservation, ReservationStatus, Task, TaskStatus
from relaydesk_server.domain.workforce_model import Worker, WorkerSpec

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
CHANNELS = ("chat", "voice")


def worker(n: int, *, available: bool = True, since: int = 0, **spec: Any) -> Worker:
    return Worker(
        id=f"w{n}",
        spec=WorkerSpec(identity=f"agent{n}", **spec),
        activity_id="a",
        available=available,
        activity_change_time=T0 + dt.timedelta(seconds=since),
        create_time=T0,
        update_time=T0,
    )


def queue(
    n: int, target: str = "true", order: QueueOrder = QueueOrder.FIFO, most: int = 1
) -> Queue:
    spec = QueueSpec(target_workers=target, order=order, max_reserved_workers=most)
    return Queue(f"q{n}", spec, T0, T0)


def task(n: int, queue_name: str = "queues/q0", priority: int = 0, **fields: Any) -> Task:
    return Task(
        id=f"t{n:04}",
        workflow="workflows/none",
        task_channel=fields.pop("task_channel", "chat"),
        priority=priority,
        status=fields.pop("status", TaskStatus.PENDING),
        timeout=dt.timedelta(hours=1),
        create_time=T0 + dt.timedelta(seconds=n),
        update_time=T0,
        queue=queue_name,
        **fields,
    )


def offer(n: int, t: Task, w: Worker, status: ReservationStatus) -> Reservation:
    return Reservation(
        id=f"r{n}",
        task_id=t.id,
        worker_id=w.id,
        task_channel=t.task_channel,
        channel=None,
        status=status,
        expire_time=T0,
        create_time=T0,
        update_time=T0 + dt.timedelta(seconds=n),
    )


def decisions(index: RoutingIndex) -> dict[str, Any]:
    """Everything the engine can ask the index, for every worker and task."""
    return {
        "tasks": {t: [w.id for w in index.workers_for(t)] for t in sorted(index.tasks)},
        "workers": {
            (w, c): (
                getattr(index.task_for(w, c), "id", None),
                index.is_free(w, c),
                index.load_of(w, c),
            )
            for w in sorted(index.workers)
            for c in CHANNELS
        },
        "pending": {t: index.pending(t) for t in sorted(index.tasks)},
        "waiting": index.waiting_in("queues/q0") + index.waiting_in("queues/q1"),
    }


def test_the_longest_idle_eligible_worker_is_chosen() -> None:
    index = RoutingIndex()
    index.put_queue(queue(0, target="worker.attributes.es == true"))
    index.put_worker(worker(1, since=5, attributes={"es": True}))
    index.put_worker(worker(2, since=1, attributes={"es": False}))
    index.put_worker(worker(3, since=3, attributes={"es": True}))
    index.put_task(task(1))
    assert [w.id for w in index.workers_for("t0001")] == ["w3"]


def test_higher_priority_first_then_queue_order() -> None:
    index = RoutingIndex()
    index.put_queue(queue(0))
    index.put_queue(queue(1, order=QueueOrder.LIFO))
    index.put_worker(worker(1))
    for n, priority in ((1, 0), (2, 10), (3, 5)):
        index.put_task(task(n, priority=priority))
    assert getattr(index.task_for("w1", "chat"), "id", None) == "t0002"
    index.put_task(task(2, status=TaskStatus.CANCELED))
    assert getattr(index.task_for("w1", "chat"), "id", None) == "t0003"
    lifo = RoutingIndex()
    lifo.put_queue(queue(1, order=QueueOrder.LIFO))
    lifo.put_worker(worker(1))
    for n in (1, 2, 3):
        lifo.put_task(task(n, queue_name="queues/q1"))
    assert getattr(lifo.task_for("w1", "chat"), "id", None) == "t0003"


def test_capacity_counts_pending_and_accepted_offers() -> None:
    index = RoutingIndex()
    index.put_queue(queue(0))
    alice = worker(1, capacities={"chat": 2})
    index.put_worker(alice)
    first, second, third = task(1), task(2), task(3)
    for t in (first, second, third):
        index.put_task(t)
    index.put_reservation(offer(1, first, alice, ReservationStatus.PENDING))
    index.put_reservation(offer(1, first, alice, ReservationStatus.ACCEPTED))
    assert index.is_free("w1", "chat")
    index.put_reservation(offer(2, second, alice, ReservationStatus.PENDING))
    assert not index.is_free("w1", "chat")
    assert index.workers_for("t0003") == []
    assert index.is_free("w1", "voice")  # other channels have their own capacity
    index.put_reservation(offer(1, first, alice, ReservationStatus.COMPLETED))
    assert [w.id for w in index.workers_for("t0003")] == ["w1"]


def test_a_worker_who_declined_is_not_offered_the_task_again() -> None:
    index = RoutingIndex()
    index.put_queue(queue(0))
    alice, bob = worker(1), worker(2, since=1)
    index.put_worker(alice)
    index.put_worker(bob)
    t = task(1)
    index.put_task(t)
    index.put_reservation(offer(1, t, alice, ReservationStatus.PENDING))
    index.put_reservation(offer(1, t, alice, ReservationStatus.REJECTED))
    assert [w.id for w in index.workers_for(t.id)] == ["w2"]
    assert index.task_for("w1", "chat") is None


def _random_write(index: RoutingIndex, rng: random.Random, state: dict[str, Any]) -> None:
    """One change of the kind a write makes, chosen at random."""
    choice = rng.randrange(5)
    if choice == 0:
        n = rng.randrange(6)
        index.put_worker(
            worker(
                n,
                available=rng.random() < 0.7,
                since=rng.randrange(100),
                attributes={"level": rng.randrange(3)},
                capacities={"chat": rng.randrange(1, 3)},
            )
        )
    elif choice == 1:
        n = rng.randrange(2)
        index.put_queue(
            queue(
                n,
                target=rng.choice(["true", "worker.attributes.level >= 1"]),
                order=rng.choice(list(QueueOrder)),
                most=rng.randrange(1, 3),
            )
        )
    elif choice == 2:
        n = rng.randrange(30)
        index.put_task(
            task(
                n,
                queue_name=f"queues/q{rng.randrange(2)}",
                priority=rng.randrange(3),
                status=rng.choice([TaskStatus.PENDING, TaskStatus.CANCELED]),
                task_channel=rng.choice(CHANNELS),
            )
        )
    elif index.tasks and index.workers:
        t = index.tasks[rng.choice(sorted(index.tasks))]
        w = index.workers[rng.choice(sorted(index.workers))]
        n = state["offers"] = state.get("offers", 0) + 1
        index.put_reservation(offer(n, t, w, ReservationStatus.PENDING))
        state.setdefault("open", []).append((n, t, w))
    if choice == 4 and state.get("open"):
        n, t, w = state["open"].pop(rng.randrange(len(state["open"])))
        ending = rng.choice([s for s in ReservationStatus if s is not ReservationStatus.PENDING])
        index.put_reservation(dataclasses.replace(offer(n, t, w, ending)))


def _normal(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v != set() and v != []}
    if isinstance(value, set):
        return sorted(value)
    return value


def memory(index: RoutingIndex) -> dict[str, Any]:
    """All the index holds, with empty containers dropped (they mean nothing)."""
    skip = {"_undo", "_journaling", "_expressions"}
    return {k: _normal(v) for k, v in vars(index).items() if k not in skip}


def _writes(index: RoutingIndex, seed: int, state: dict[str, Any]) -> None:
    rng = random.Random(seed)
    for _ in range(rng.randrange(1, 60)):
        _random_write(index, rng, state)


def test_undo_returns_the_index_to_what_it_was_at_the_mark() -> None:
    for case in range(40):
        first, failed, then = 3 * case, 3 * case + 1, 3 * case + 2
        index, twin = RoutingIndex(), RoutingIndex()
        state: dict[str, Any] = {}
        _writes(index, first, state)
        _writes(twin, first, {})
        index.forget_journal()
        mark = index.mark()
        _writes(index, failed, {"offers": 1000, "open": list(state.get("open", []))})
        index.undo_to(mark)
        assert memory(index) == memory(twin)
        assert decisions(index) == decisions(twin)
        # Whatever state is not visible yet shows in what later writes decide.
        _writes(index, then, {"offers": 2000, "open": list(state.get("open", []))})
        _writes(twin, then, {"offers": 2000, "open": list(state.get("open", []))})
        assert decisions(index) == decisions(twin)
