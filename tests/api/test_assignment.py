"""The assignment engine, end to end: offers (reservations) to eligible workers, accept, reject
and timeout, capacity, priority and queue order, multi-reservation, step and TTL timeouts,
transfers, illegal transitions and events.

Assignment runs inside the RPC that triggers it, so its offers are visible as soon as that RPC
returns. Time moves only with the harness clock, and timers fire with `fire_due`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_service_pb2,
    event_pb2,
    member_pb2,
    queue_pb2,
    reservation_pb2,
    task_pb2,
    workflow_pb2,
)
from relaydesk.v1 import event_service_pb2 as events_pb
from relaydesk.v1 import task_service_pb2 as pb
from relaydesk.v1 import workforce_service_pb2 as wf
from tests.support import (
    Harness,
    accept,
    activity,
    available_one_by_one,
    by_worker,
    create_task,
    expect_error,
    get_task,
    get_worker,
    load,
    new_channel,
    new_queue,
    new_worker,
    new_workflow,
    reason,
    reject,
    reservations,
    routing_to,
    set_activity,
    violated_fields,
)

SECONDS = duration_pb2.Duration
WAIT = 20  # seconds: an upper bound on waiting for events, never a pause

PENDING = reservation_pb2.RESERVATION_STATUS_PENDING
ACCEPTED = reservation_pb2.RESERVATION_STATUS_ACCEPTED
REJECTED = reservation_pb2.RESERVATION_STATUS_REJECTED
TIMEOUT = reservation_pb2.RESERVATION_STATUS_TIMEOUT
CANCELED = reservation_pb2.RESERVATION_STATUS_CANCELED
RESCINDED = reservation_pb2.RESERVATION_STATUS_RESCINDED
WRAPPING = reservation_pb2.RESERVATION_STATUS_WRAPPING
COMPLETED = reservation_pb2.RESERVATION_STATUS_COMPLETED
HOLDING = {PENDING, ACCEPTED, WRAPPING}  # the statuses that use a worker's capacity


# Tasks and reservations.


async def offers(rd: Client, worker: str) -> list[reservation_pb2.Reservation]:
    """The worker's PENDING reservations, across every task."""
    request = pb.ListReservationsRequest(
        parent="tasks/-", worker=worker, status=PENDING, page_size=1000
    )
    return list((await rd.tasks.ListReservations(request)).reservations)


async def holding(rd: Client, worker: str) -> list[reservation_pb2.Reservation]:
    """The worker's reservations that use its capacity."""
    request = pb.ListReservationsRequest(parent="tasks/-", worker=worker, page_size=1000)
    listed = (await rd.tasks.ListReservations(request)).reservations
    return [r for r in listed if r.status in HOLDING]


async def offer_of(rd: Client, task: str) -> reservation_pb2.Reservation:
    """The one PENDING reservation of `task`."""
    pending = [r for r in await reservations(rd, task) if r.status == PENDING]
    assert len(pending) == 1, pending
    return pending[0]


async def offered_to(rd: Client, task: str) -> str:
    """The worker the task's one PENDING reservation is for."""
    return (await offer_of(rd, task)).worker


async def assign(rd: Client, task: str, worker: str) -> reservation_pb2.Reservation:
    """Accepts the task's one offer, which must be to `worker`."""
    offer = await offer_of(rd, task)
    assert offer.worker == worker
    return await accept(rd, offer.name)


async def complete(rd: Client, task: str) -> task_pb2.Task:
    return (await rd.tasks.CompleteTask(pb.CompleteTaskRequest(name=task))).task


async def transfer(rd: Client, task: str, **target: str) -> task_pb2.Task:
    return (await rd.tasks.TransferTask(pb.TransferTaskRequest(name=task, **target))).task


async def members(rd: Client, channel: str) -> dict[str, int]:
    """Each member's identity and role."""
    request = channel_service_pb2.ListMembersRequest(parent=channel, page_size=1000)
    listed = (await rd.channels.ListMembers(request)).members
    return {m.identity: m.role for m in listed}


async def tick(harness: Harness, seconds: float) -> None:
    """Moves the clock on and fires every timer then due."""
    harness.clock.advance(dt.timedelta(seconds=seconds))
    await harness.running.timers.fire_due()


async def expect_illegal(call: Any, state: str) -> None:
    error = await expect_error(call, grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "ILLEGAL_TRANSITION"
    assert state in (error.details() or "")


def span(reservation: reservation_pb2.Reservation) -> dt.timedelta:
    return reservation.expire_time.ToDatetime() - reservation.create_time.ToDatetime()


# Who is offered a task, and what an offer is.


async def test_an_available_worker_is_offered_a_new_task_until_the_reservation_timeout(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing)
    (offer,) = await reservations(rd, task.name)
    assert offer.status == PENDING
    assert offer.worker == alice
    assert offer.task == task.name
    assert offer.name.startswith(f"{task.name}/reservations/")
    assert offer.create_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert span(offer) == dt.timedelta(seconds=120)
    reserved = await get_task(rd, task.name)
    assert reserved.status == task_pb2.TASK_STATUS_RESERVED
    assert reserved.worker == ""  # set only when a worker accepts
    assert await load(rd, alice) == 1
    assert await offers(rd, alice) == [offer]
    accepted = await rd.tasks.ListReservations(
        pb.ListReservationsRequest(parent="tasks/-", worker=alice, status=ACCEPTED)
    )
    assert list(accepted.reservations) == []


async def test_offline_and_break_workers_are_offered_nothing_until_one_becomes_available(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    assert (await get_worker(rd, alice)).available is False  # new workers start Offline
    bob = await new_worker(rd, "bob")
    await set_activity(rd, bob, "Break")
    task = await create_task(rd, routing)
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_PENDING
    assert await reservations(rd, task.name) == []
    # Becoming available pulls the waiting task at once.
    await set_activity(rd, alice, "Available")
    assert await offered_to(rd, task.name) == alice
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_RESERVED
    assert await offers(rd, bob) == []


async def test_only_workers_matching_the_queue_target_workers_are_offered_its_tasks(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(
        rd, display_name="spanish", target_workers='"es" in worker.attributes.languages'
    )
    ann = await new_worker(rd, "ann", attributes={"languages": ["en"]})
    eva = await new_worker(rd, "eva", attributes={"languages": ["en", "es"]})
    await available_one_by_one(harness, ann, eva)  # ann is idle longer, but does not match
    first = await create_task(rd, routing)
    assert await offered_to(rd, first.name) == eva
    second = await create_task(rd, routing)  # eva is full; ann still does not match
    assert (await get_task(rd, second.name)).status == task_pb2.TASK_STATUS_PENDING
    assert await reservations(rd, second.name) == []
    assert await offers(rd, ann) == []


async def test_the_target_expression_matches_workers_against_the_task(harness: Harness) -> None:
    rd = harness.client
    routing = await new_workflow(
        rd,
        filters=[
            workflow_pb2.WorkflowFilter(
                targets=[
                    workflow_pb2.WorkflowTarget(
                        queue=await new_queue(rd),
                        expression="worker.attributes.level >= task.attributes.level",
                    )
                ]
            )
        ],
    )
    junior = await new_worker(rd, "junior", attributes={"level": 1})
    senior = await new_worker(rd, "senior", attributes={"level": 3})
    await available_one_by_one(harness, junior, senior)
    too_hard = await create_task(rd, routing, attributes={"level": 5})
    assert await reservations(rd, too_hard.name) == []
    medium = await create_task(rd, routing, attributes={"level": 2})
    assert await offered_to(rd, medium.name) == senior  # junior is idle longer, but too junior
    easy = await create_task(rd, routing, attributes={"level": 1})
    assert await offered_to(rd, easy.name) == junior
    assert (await get_task(rd, too_hard.name)).status == task_pb2.TASK_STATUS_PENDING


async def test_capacity_is_per_task_channel_and_an_unlisted_channel_has_one(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice", capacities={"chat": 0})
    await set_activity(rd, alice, "Available")
    chat = await create_task(rd, routing)
    assert chat.task_channel == "chat"
    assert await reservations(rd, chat.name) == []
    first_call = await create_task(rd, routing, task_channel="voice")
    assert await offered_to(rd, first_call.name) == alice
    second_call = await create_task(rd, routing, task_channel="voice")
    assert await reservations(rd, second_call.name) == []
    assert await load(rd, alice, "voice") == 1
    assert await load(rd, alice, "chat") == 0


# Among eligible workers, the one idle longest on the task channel wins.


async def test_the_worker_idle_longest_is_offered_the_task(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    a, b, c = [await new_worker(rd, identity) for identity in ("a", "b", "c")]
    await available_one_by_one(harness, b, c, a)
    chosen = [await offered_to(rd, (await create_task(rd, routing)).name) for _ in range(3)]
    assert chosen == [b, c, a]


async def test_an_offer_restarts_a_workers_idle_time_so_offers_alternate(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    a = await new_worker(rd, "a", capacities={"chat": 2})
    b = await new_worker(rd, "b", capacities={"chat": 2})
    await available_one_by_one(harness, a, b)
    chosen = []
    for _ in range(4):
        chosen.append(await offered_to(rd, (await create_task(rd, routing)).name))
        harness.clock.advance(dt.timedelta(seconds=1))
    assert chosen == [a, b, a, b]
    assert await load(rd, a) == 2
    assert await load(rd, b) == 2


async def test_a_worker_that_just_finished_waits_behind_one_idle_longer(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    a, b = await new_worker(rd, "a"), await new_worker(rd, "b")
    await available_one_by_one(harness, a)
    first = await create_task(rd, routing)
    await assign(rd, first.name, a)
    await available_one_by_one(harness, b)  # b is idle from after a's offer...
    harness.clock.advance(dt.timedelta(seconds=5))
    await complete(rd, first.name)  # ...but a only from now, as its load just changed
    harness.clock.advance(dt.timedelta(seconds=1))
    second = await create_task(rd, routing)
    assert await offered_to(rd, second.name) == b
    third = await create_task(rd, routing)
    assert await offered_to(rd, third.name) == a


# Accept and reject.


async def test_accepting_an_offer_assigns_the_task_and_the_agent_joins_its_channel(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    channel = await new_channel(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing, channel=channel.name)
    offer = await offer_of(rd, task.name)
    assert "alice" not in await members(rd, channel.name)
    accepted = await accept(rd, offer.name)
    assert accepted.name == offer.name
    assert accepted.status == ACCEPTED
    assert accepted.worker == alice
    assigned = await get_task(rd, task.name)
    assert assigned.status == task_pb2.TASK_STATUS_ASSIGNED
    assert assigned.worker == alice
    assert (await members(rd, channel.name))["alice"] == member_pb2.MEMBER_ROLE_AGENT
    assert await by_worker(rd, task.name) == {alice: ACCEPTED}
    assert await load(rd, alice) == 1  # an accepted task still uses the capacity


async def test_a_rejected_task_goes_to_the_next_worker_and_never_back_to_the_rejecter(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    a, b = await new_worker(rd, "a"), await new_worker(rd, "b")
    await available_one_by_one(harness, a, b)
    task = await create_task(rd, routing)
    rejected = await reject(rd, (await offer_of(rd, task.name)).name)
    assert rejected.status == REJECTED
    assert rejected.worker == a
    assert await offered_to(rd, task.name) == b  # re-offered at once
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_RESERVED
    await reject(rd, (await offer_of(rd, task.name)).name)
    # a is free and available, but rejected this task: nobody is left.
    back = await get_task(rd, task.name)
    assert back.status == task_pb2.TASK_STATUS_PENDING
    assert await by_worker(rd, task.name) == {a: REJECTED, b: REJECTED}
    assert await offers(rd, a) == []
    assert await load(rd, a) == 0
    c = await new_worker(rd, "c")
    await set_activity(rd, c, "Available")
    assert await offered_to(rd, task.name) == c


# Reservation timeouts.


async def test_an_unanswered_offer_times_out_takes_the_worker_offline_and_goes_on(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd, reservation_timeout=30)
    a, b = await new_worker(rd, "a"), await new_worker(rd, "b")
    await available_one_by_one(harness, a, b)
    task = await create_task(rd, routing)
    offer = await offer_of(rd, task.name)
    assert offer.worker == a
    assert span(offer) == dt.timedelta(seconds=30)
    await tick(harness, 29)
    assert await by_worker(rd, task.name) == {a: PENDING}
    await tick(harness, 2)
    assert await by_worker(rd, task.name) == {a: TIMEOUT, b: PENDING}
    timed_out = await get_worker(rd, a)
    assert timed_out.activity == await activity(rd, "Offline")
    assert timed_out.available is False
    assert timed_out.load.get("chat", 0) == 0
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_RESERVED


async def test_an_offer_times_out_on_schedule_across_a_restart(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing)
    offer = await offer_of(rd, task.name)
    await tick(harness, 100)
    await harness.restart()  # the reservation's timer is stored, not only in memory
    rd = harness.client
    assert await by_worker(rd, task.name) == {alice: PENDING}
    await tick(harness, 21)
    (timed_out,) = await reservations(rd, task.name)
    assert timed_out.name == offer.name
    assert timed_out.status == TIMEOUT
    assert timed_out.expire_time == offer.expire_time
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_PENDING
    assert (await get_worker(rd, alice)).activity == await activity(rd, "Offline")
    # Back at work, alice is not offered the task she let time out.
    await set_activity(rd, alice, "Available")
    assert await offers(rd, alice) == []
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_PENDING


# Capacity: what uses it and what frees it.


async def test_a_worker_is_offered_tasks_up_to_its_capacity(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice", capacities={"chat": 2})
    await set_activity(rd, alice, "Available")
    tasks = [await create_task(rd, routing) for _ in range(3)]
    assert sorted(r.task for r in await offers(rd, alice)) == sorted(t.name for t in tasks[:2])
    assert dict((await get_worker(rd, alice)).load) == {"chat": 2}
    assert await reservations(rd, tasks[2].name) == []
    await assign(rd, tasks[0].name, alice)  # accepted still counts
    assert await load(rd, alice) == 2
    assert await reservations(rd, tasks[2].name) == []
    assert (await get_task(rd, tasks[2].name)).status == task_pb2.TASK_STATUS_PENDING


async def test_concurrent_tasks_and_accepts_never_exceed_any_workers_capacity(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    capacity = {
        await new_worker(rd, f"w{c}{i}", capacities={"chat": c}): c
        for i, c in enumerate((1, 2, 3, 2, 1))
    }
    total = sum(capacity.values())

    async def check_full(statuses: set[int]) -> None:
        for worker, limit in capacity.items():
            held = await holding(rd, worker)
            assert len(held) == limit, (worker, held)
            assert {r.status for r in held} <= statuses
            assert await load(rd, worker) == limit

    # Workers come in while tasks pour in: every worker ends full, none over.
    created = await asyncio.gather(
        *(set_activity(rd, w, "Available") for w in capacity),
        *(create_task(rd, routing) for _ in range(30)),
    )
    tasks = [t for t in created if isinstance(t, task_pb2.Task)]
    await check_full({PENDING})
    for _ in range(2):
        pending = await rd.tasks.ListReservations(
            pb.ListReservationsRequest(parent="tasks/-", status=PENDING, page_size=1000)
        )
        assert len(pending.reservations) == total
        assert len({r.task for r in pending.reservations}) == total  # one offer per task
        await asyncio.gather(*(accept(rd, r.name) for r in pending.reservations))
        await check_full({ACCEPTED})
        assigned = await rd.tasks.ListTasks(
            pb.ListTasksRequest(status=task_pb2.TASK_STATUS_ASSIGNED, page_size=1000)
        )
        assert len(assigned.tasks) == total
        # Completing them all at once frees every worker for the next tasks together.
        await asyncio.gather(*(complete(rd, t.name) for t in assigned.tasks))
        await check_full({PENDING})
    statuses = [(await get_task(rd, t.name)).status for t in tasks]
    assert statuses.count(task_pb2.TASK_STATUS_COMPLETED) == 2 * total
    assert statuses.count(task_pb2.TASK_STATUS_RESERVED) == total
    assert statuses.count(task_pb2.TASK_STATUS_PENDING) == 30 - 3 * total


async def test_wrapping_up_keeps_the_capacity_and_completing_offers_the_next_task(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    first = await create_task(rd, routing)
    second = await create_task(rd, routing)
    held = await assign(rd, first.name, alice)
    wrapping = (await rd.tasks.WrapUpTask(pb.WrapUpTaskRequest(name=first.name))).task
    assert wrapping.status == task_pb2.TASK_STATUS_WRAPPING
    assert await by_worker(rd, first.name) == {alice: WRAPPING}
    assert await load(rd, alice) == 1
    assert await reservations(rd, second.name) == []
    completed = await complete(rd, first.name)
    assert completed.status == task_pb2.TASK_STATUS_COMPLETED
    (done,) = await reservations(rd, first.name)
    assert done.name == held.name
    assert done.status == COMPLETED
    assert await offered_to(rd, second.name) == alice
    assert (await get_task(rd, second.name)).status == task_pb2.TASK_STATUS_RESERVED


async def test_canceling_a_reserved_task_cancels_its_offer_and_frees_the_worker(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    first = await create_task(rd, routing)
    second = await create_task(rd, routing)
    assert await offered_to(rd, first.name) == alice
    canceled = (
        await rd.tasks.CancelTask(pb.CancelTaskRequest(name=first.name, reason="customer left"))
    ).task
    assert canceled.status == task_pb2.TASK_STATUS_CANCELED
    assert await by_worker(rd, first.name) == {alice: CANCELED}
    assert await offered_to(rd, second.name) == alice


# Priority, then queue order.


async def drain(rd: Client, worker: str, count: int) -> list[task_pb2.Task]:
    """Accepts and completes the worker's next `count` offers, one at a time, in offer order."""
    handled = []
    for _ in range(count):
        (offer,) = await offers(rd, worker)
        handled.append(await get_task(rd, offer.task))
        await accept(rd, offer.name)
        await complete(rd, offer.task)
    assert await offers(rd, worker) == []
    return handled


async def test_higher_priority_tasks_are_offered_first(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    for priority in (0, 10, 5):
        await create_task(rd, routing, priority=priority)
        harness.clock.advance(dt.timedelta(seconds=1))
    await set_activity(rd, alice, "Available")
    assert [t.priority for t in await drain(rd, alice, 3)] == [10, 5, 0]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (queue_pb2.QUEUE_ORDER_FIFO, [0, 1, 2]),
        (queue_pb2.QUEUE_ORDER_LIFO, [2, 1, 0]),
        (queue_pb2.QUEUE_ORDER_UNSPECIFIED, [0, 1, 2]),
    ],
    ids=["fifo-oldest-first", "lifo-newest-first", "unspecified-is-fifo"],
)
async def test_the_queue_order_decides_among_equal_priorities(
    harness: Harness, order: int, expected: list[int]
) -> None:
    rd = harness.client
    routing = await routing_to(rd, order=order)
    alice = await new_worker(rd, "alice")
    for n in range(3):
        await create_task(rd, routing, priority=7, attributes={"n": n})
        harness.clock.advance(dt.timedelta(seconds=1))
    await set_activity(rd, alice, "Available")
    assert [t.attributes["n"] for t in await drain(rd, alice, 3)] == expected


# Offering one task to several workers at once.


async def test_a_task_is_offered_to_max_reserved_workers_at_once_and_the_first_accept_wins(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd, max_reserved_workers=3)
    workers = [await new_worker(rd, f"agent{i}") for i in range(4)]
    await available_one_by_one(harness, *workers)
    task = await create_task(rd, routing)
    offered = {r.worker: r for r in await reservations(rd, task.name)}
    assert set(offered) == set(workers[:3])  # the three idle longest
    assert {r.status for r in offered.values()} == {PENDING}
    assert await offers(rd, workers[3]) == []
    assert (await get_task(rd, task.name)).status == task_pb2.TASK_STATUS_RESERVED
    await accept(rd, offered[workers[1]].name)
    assert await by_worker(rd, task.name) == {
        workers[0]: RESCINDED,
        workers[1]: ACCEPTED,
        workers[2]: RESCINDED,
    }
    assigned = await get_task(rd, task.name)
    assert assigned.status == task_pb2.TASK_STATUS_ASSIGNED
    assert assigned.worker == workers[1]
    await expect_illegal(accept(rd, offered[workers[0]].name), "RESCINDED")
    assert [await load(rd, w) for w in workers] == [0, 1, 0, 0]


# Step timeouts and the task's own timeout.


async def test_a_step_timeout_moves_the_task_to_the_next_target_and_its_workers(
    harness: Harness,
) -> None:
    rd = harness.client
    tier_a = await new_queue(rd, "a", target_workers="worker.attributes.team == 'a'")
    tier_b = await new_queue(rd, "b", target_workers="worker.attributes.team == 'b'")
    routing = await new_workflow(
        rd,
        filters=[
            workflow_pb2.WorkflowFilter(
                targets=[
                    workflow_pb2.WorkflowTarget(queue=tier_a, timeout=SECONDS(seconds=30)),
                    workflow_pb2.WorkflowTarget(queue=tier_b),
                ]
            )
        ],
    )
    bea = await new_worker(rd, "bea", attributes={"team": "b"})
    await set_activity(rd, bea, "Available")
    task = await create_task(rd, routing)
    assert task.queue == tier_a
    assert await reservations(rd, task.name) == []
    await tick(harness, 29)
    assert (await get_task(rd, task.name)).queue == tier_a
    assert await reservations(rd, task.name) == []
    await tick(harness, 2)
    moved = await get_task(rd, task.name)
    assert moved.queue == tier_b
    assert moved.status == task_pb2.TASK_STATUS_RESERVED
    assert await offered_to(rd, task.name) == bea


async def test_past_the_last_target_the_task_is_canceled_with_its_pending_offers(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await new_workflow(
        rd,
        reservation_timeout=300,
        filters=[
            workflow_pb2.WorkflowFilter(
                targets=[
                    workflow_pb2.WorkflowTarget(
                        queue=await new_queue(rd), timeout=SECONDS(seconds=30)
                    )
                ]
            )
        ],
    )
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing)
    assert await offered_to(rd, task.name) == alice
    await tick(harness, 31)
    fell_through = await get_task(rd, task.name)
    assert fell_through.status == task_pb2.TASK_STATUS_CANCELED
    assert fell_through.reason != ""
    assert await by_worker(rd, task.name) == {alice: CANCELED}
    freed = await get_worker(rd, alice)
    assert freed.load.get("chat", 0) == 0
    assert freed.available is True  # a canceled offer is no timeout: alice stays available


async def test_ttl_expiry_cancels_pending_and_reserved_tasks_and_frees_the_worker(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd, reservation_timeout=300)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    reserved = await create_task(rd, routing, timeout=SECONDS(seconds=60))
    waiting = await create_task(rd, routing, timeout=SECONDS(seconds=50))
    later = await create_task(rd, routing)
    assert await offered_to(rd, reserved.name) == alice
    await tick(harness, 51)
    assert (await get_task(rd, waiting.name)).status == task_pb2.TASK_STATUS_CANCELED
    assert await reservations(rd, waiting.name) == []
    assert await by_worker(rd, reserved.name) == {alice: PENDING}
    await tick(harness, 10)
    expired = await get_task(rd, reserved.name)
    assert expired.status == task_pb2.TASK_STATUS_CANCELED
    assert expired.reason != ""
    assert await by_worker(rd, reserved.name) == {alice: CANCELED}
    assert await offered_to(rd, later.name) == alice  # the capacity is free again
    assert await load(rd, alice) == 1


# Leaving an available activity.


async def test_going_on_break_rescinds_pending_offers_but_keeps_accepted_tasks(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice", capacities={"chat": 2})
    bob = await new_worker(rd, "bob")
    await set_activity(rd, alice, "Available")
    kept = await create_task(rd, routing)
    await assign(rd, kept.name, alice)
    moved = await create_task(rd, routing)
    assert await offered_to(rd, moved.name) == alice
    await set_activity(rd, bob, "Available")
    assert await offers(rd, bob) == []  # nothing was waiting
    on_break = await set_activity(rd, alice, "Break")
    assert on_break.available is False
    assert await by_worker(rd, moved.name) == {alice: RESCINDED, bob: PENDING}
    assert await by_worker(rd, kept.name) == {alice: ACCEPTED}
    still = await get_task(rd, kept.name)
    assert still.status == task_pb2.TASK_STATUS_ASSIGNED
    assert still.worker == alice
    assert await load(rd, alice) == 1


# Transfers.


async def assigned_to_alice_with_bob_free(
    harness: Harness, **task_fields: Any
) -> tuple[str, str, task_pb2.Task, reservation_pb2.Reservation]:
    """alice holds an ASSIGNED task; bob is Available with nothing to do."""
    rd = harness.client
    routing = await routing_to(rd, reservation_timeout=30)
    alice, bob = await new_worker(rd, "alice"), await new_worker(rd, "bob")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing, **task_fields)
    held = await assign(rd, task.name, alice)
    await set_activity(rd, bob, "Available")
    assert await offers(rd, bob) == []
    return alice, bob, task, held


async def test_an_accepted_transfer_to_a_worker_moves_the_task_and_the_channel_membership(
    harness: Harness,
) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    alice, bob, task, held = await assigned_to_alice_with_bob_free(harness, channel=channel.name)
    during = await transfer(rd, task.name, worker_identity="bob")
    assert during.status == task_pb2.TASK_STATUS_ASSIGNED
    assert during.worker == alice
    (offer,) = await offers(rd, bob)
    assert offer.task == task.name
    still = await get_task(rd, task.name)
    assert (still.status, still.worker) == (task_pb2.TASK_STATUS_ASSIGNED, alice)
    assert await by_worker(rd, task.name) == {alice: ACCEPTED, bob: PENDING}
    await accept(rd, offer.name)
    moved = await get_task(rd, task.name)
    assert moved.status == task_pb2.TASK_STATUS_ASSIGNED
    assert moved.worker == bob
    statuses = {r.name: r.status for r in await reservations(rd, task.name)}
    assert statuses == {held.name: COMPLETED, offer.name: ACCEPTED}
    now = await members(rd, channel.name)
    assert now.get("bob") == member_pb2.MEMBER_ROLE_AGENT
    assert "alice" not in now
    assert (await load(rd, alice), await load(rd, bob)) == (0, 1)


async def test_an_accepted_transfer_to_a_queue_moves_the_task_into_that_queue(
    harness: Harness,
) -> None:
    rd = harness.client
    alice, bob, task, held = await assigned_to_alice_with_bob_free(harness)
    bobs = await new_queue(rd, "bob's", target_workers="worker.identity == 'bob'")
    during = await transfer(rd, task.name, queue=bobs)
    assert (during.status, during.worker) == (task_pb2.TASK_STATUS_ASSIGNED, alice)
    (offer,) = await offers(rd, bob)
    assert offer.task == task.name
    await accept(rd, offer.name)
    moved = await get_task(rd, task.name)
    assert (moved.status, moved.worker, moved.queue) == (task_pb2.TASK_STATUS_ASSIGNED, bob, bobs)
    statuses = {r.name: r.status for r in await reservations(rd, task.name)}
    assert statuses == {held.name: COMPLETED, offer.name: ACCEPTED}


async def test_a_rejected_transfer_leaves_the_task_with_its_worker(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    alice, bob, task, held = await assigned_to_alice_with_bob_free(harness, channel=channel.name)
    await transfer(rd, task.name, worker_identity="bob")
    (offer,) = await offers(rd, bob)
    await reject(rd, offer.name)
    kept = await get_task(rd, task.name)
    assert (kept.status, kept.worker) == (task_pb2.TASK_STATUS_ASSIGNED, alice)
    statuses = {r.name: r.status for r in await reservations(rd, task.name)}
    assert statuses == {held.name: ACCEPTED, offer.name: REJECTED}
    assert "alice" in await members(rd, channel.name)
    assert (await load(rd, alice), await load(rd, bob)) == (1, 0)


async def test_a_timed_out_transfer_leaves_the_task_with_its_worker(harness: Harness) -> None:
    rd = harness.client
    alice, bob, task, held = await assigned_to_alice_with_bob_free(harness)
    await transfer(rd, task.name, worker_identity="bob")
    (offer,) = await offers(rd, bob)
    await tick(harness, 31)
    statuses = {r.name: r.status for r in await reservations(rd, task.name)}
    assert statuses == {held.name: ACCEPTED, offer.name: TIMEOUT}
    kept = await get_task(rd, task.name)
    assert (kept.status, kept.worker) == (task_pb2.TASK_STATUS_ASSIGNED, alice)
    assert (await get_worker(rd, bob)).available is False
    assert (await get_worker(rd, alice)).available is True


async def test_transfer_errors(harness: Harness) -> None:
    rd = harness.client
    alice, bob, task, _ = await assigned_to_alice_with_bob_free(harness)
    routing = task.workflow
    reserved = await create_task(rd, routing)
    assert await offered_to(rd, reserved.name) == bob
    pending = await create_task(rd, routing)
    await expect_illegal(transfer(rd, reserved.name, worker_identity="alice"), "RESERVED")
    await expect_illegal(transfer(rd, pending.name, worker_identity="bob"), "PENDING")
    for bad in ({"worker_identity": "alice"}, {}):
        await expect_error(transfer(rd, task.name, **bad), grpc.StatusCode.INVALID_ARGUMENT)
    for missing in ({"queue": "queues/WQ" + "0" * 32}, {"worker_identity": "nobody"}):
        await expect_error(transfer(rd, task.name, **missing), grpc.StatusCode.FAILED_PRECONDITION)
    # None of it left a trace.
    assert await by_worker(rd, task.name) == {alice: ACCEPTED}
    kept = await get_task(rd, task.name)
    assert (kept.status, kept.worker) == (task_pb2.TASK_STATUS_ASSIGNED, alice)


# Illegal transitions, and workers holding tasks.


async def test_only_pending_reservations_can_be_accepted_or_rejected(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    w = await new_worker(rd, "w", capacities={"chat": 10})
    await set_activity(rd, w, "Available")
    ended: dict[str, str] = {}

    async def offer_new() -> tuple[task_pb2.Task, str]:
        task = await create_task(rd, routing)
        offer = await offer_of(rd, task.name)
        assert offer.worker == w
        return task, offer.name

    _, ended["ACCEPTED"] = await offer_new()
    await accept(rd, ended["ACCEPTED"])
    _, ended["REJECTED"] = await offer_new()
    await reject(rd, ended["REJECTED"])
    task, ended["CANCELED"] = await offer_new()
    await rd.tasks.CancelTask(pb.CancelTaskRequest(name=task.name))
    _, ended["TIMEOUT"] = await offer_new()
    await tick(harness, 121)
    await set_activity(rd, w, "Available")
    assert await offers(rd, w) == []  # the rejected and timed-out tasks are not offered again
    _, ended["RESCINDED"] = await offer_new()
    await set_activity(rd, w, "Break")
    for state, name in ended.items():
        listed = await reservations(rd, name.split("/reservations/")[0])
        (now,) = [r for r in listed if r.name == name]
        assert reservation_pb2.ReservationStatus.Name(now.status) == f"RESERVATION_STATUS_{state}"
        await expect_illegal(accept(rd, name), state)
        await expect_illegal(reject(rd, name), state)


async def test_task_transitions_out_of_order_are_illegal(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    reserved = await create_task(rd, routing)
    pending = await create_task(rd, routing)
    for task, state in ((pending, "PENDING"), (reserved, "RESERVED")):
        await expect_illegal(rd.tasks.WrapUpTask(pb.WrapUpTaskRequest(name=task.name)), state)
        await expect_illegal(complete(rd, task.name), state)
    offer = await offer_of(rd, reserved.name)
    await accept(rd, offer.name)
    await expect_illegal(rd.tasks.CancelTask(pb.CancelTaskRequest(name=reserved.name)), "ASSIGNED")
    assert (await get_task(rd, reserved.name)).status == task_pb2.TASK_STATUS_ASSIGNED
    assert (await get_task(rd, pending.name)).status == task_pb2.TASK_STATUS_PENDING
    unknown = offer.name[:-32] + "0" * 32
    await expect_error(accept(rd, unknown), grpc.StatusCode.NOT_FOUND)


async def test_a_worker_holding_a_task_cannot_be_deleted_until_it_is_completed(
    harness: Harness,
) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing)
    offer = await offer_of(rd, task.name)

    async def refused() -> None:
        error = await expect_error(
            rd.workforce.DeleteWorker(wf.DeleteWorkerRequest(name=alice)),
            grpc.StatusCode.FAILED_PRECONDITION,
        )
        assert reason(error) == "WORKER_HAS_TASKS"

    await refused()  # PENDING
    await accept(rd, offer.name)
    await refused()  # ACCEPTED
    await rd.tasks.WrapUpTask(pb.WrapUpTaskRequest(name=task.name))
    await refused()  # WRAPPING
    await complete(rd, task.name)
    await rd.workforce.DeleteWorker(wf.DeleteWorkerRequest(name=alice))
    await expect_error(
        rd.workforce.GetWorker(wf.GetWorkerRequest(name=alice)), grpc.StatusCode.NOT_FOUND
    )


# Events.


async def read_until(call: Any, done: Callable[[event_pb2.Event], bool]) -> list[event_pb2.Event]:
    """The stream's events up to and including the first for which `done` holds."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(WAIT):
        while not events or not done(events[-1]):
            response = await call.read()
            assert response is not grpc.aio.EOF, f"the stream ended after {len(events)} events"
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                events.append(response.event)
    return events


async def test_offers_and_accepts_are_events(harness: Harness) -> None:
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice")
    await set_activity(rd, alice, "Available")
    task = await create_task(rd, routing)
    offer = await offer_of(rd, task.name)
    accepted = await accept(rd, offer.name)
    call = rd.events.Subscribe(
        events_pb.SubscribeRequest(
            after_sequence=0,
            types=[
                event_pb2.EVENT_TYPE_RESERVATION_CREATED,
                event_pb2.EVENT_TYPE_RESERVATION_UPDATED,
                event_pb2.EVENT_TYPE_TASK_UPDATED,
            ],
        )
    )
    events = await read_until(
        call,
        lambda e: (
            e.type == event_pb2.EVENT_TYPE_RESERVATION_UPDATED and e.reservation.status == ACCEPTED
        ),
    )
    call.cancel()
    created = [e for e in events if e.type == event_pb2.EVENT_TYPE_RESERVATION_CREATED]
    assert [e.reservation for e in created] == [offer]
    became_reserved = [
        e
        for e in events
        if e.type == event_pb2.EVENT_TYPE_TASK_UPDATED
        and e.task.name == task.name
        and e.task.status == task_pb2.TASK_STATUS_RESERVED
    ]
    assert became_reserved
    assert events[-1].reservation == accepted
    assert created[0].sequence < events[-1].sequence
    assert became_reserved[0].sequence < events[-1].sequence


async def test_malformed_reservation_names_and_filters_are_invalid_argument(
    harness: Harness,
) -> None:
    rd = harness.client
    task = await create_task(rd, await routing_to(rd))
    for bad in ("", task.name, f"{task.name}/reservations/nope", "tasks/x/reservations/WR1"):
        error = await expect_error(
            rd.tasks.AcceptReservation(pb.AcceptReservationRequest(name=bad)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {"name"}
    for request, field in (
        (pb.ListReservationsRequest(parent="tasks/nope"), "parent"),
        (pb.ListReservationsRequest(worker="workers/nope"), "worker"),
        (pb.ListReservationsRequest(status=99), "status"),  # type: ignore[arg-type]
    ):
        error = await expect_error(
            rd.tasks.ListReservations(request), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert violated_fields(error) == {field}
    missing = pb.ListReservationsRequest(parent="tasks/WT" + "0" * 32)
    await expect_error(rd.tasks.ListReservations(missing), grpc.StatusCode.NOT_FOUND)


async def test_a_restart_keeps_what_routing_knows(harness: Harness) -> None:
    """Load, who declined what, and the waiting order are rebuilt from the database."""
    rd = harness.client
    routing = await routing_to(rd)
    alice = await new_worker(rd, "alice", capacities={"chat": 2})
    bob = await new_worker(rd, "bob")
    first = await create_task(rd, routing, priority=1)
    harness.clock.advance(dt.timedelta(seconds=1))
    second = await create_task(rd, routing, priority=5)
    await set_activity(rd, alice, "Available")
    # Alice holds both; she rejects the more urgent one, which then waits.
    await assign(rd, first.name, alice)
    await reject(rd, (await offer_of(rd, second.name)).name)
    third = await create_task(rd, routing)
    assert await offered_to(rd, third.name) == alice
    await harness.restart()
    rd = harness.client
    assert await load(rd, alice) == 2
    await complete(rd, first.name)
    # Freed, Alice is not offered the task she declined; it waits for someone else.
    assert (await get_task(rd, second.name)).status == task_pb2.TASK_STATUS_PENDING
    assert await load(rd, alice) == 1
    await set_activity(rd, bob, "Available")
    assert await offered_to(rd, second.name) == bob
