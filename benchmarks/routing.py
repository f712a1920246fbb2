"""Routing figures: assignment decisions and a burst of offers, at contact-center scale.

The scene: `workers` agents with three skills each, `queues` queues that each
target one skill, a workflow sending each task to the queue of its topic with
a target expression over the agent's level, and a backlog of `backlog`
waiting tasks. Everyone starts Offline.

- Decisions: the server's own routing index is loaded from its database (as
  a restarted server would) and asked, for each worker, which task it should
  be offered next (what "worker available" decides), and for waiting tasks,
  which workers to offer them to with every worker free (what "task created"
  decides). The offer's write is not in this figure; the burst has it.
- Burst: every worker goes Available at once (capacity `capacity` each), and
  the server offers `workers * capacity` tasks from the backlog. Timed from
  the first SetWorkerActivity until the last RESERVATION_CREATED event has
  arrived on a Subscribe stream.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TypeVar

from benchmarks.load import StepFailed
from relaydesk.client import Client, connect
from relaydesk.v1 import (
    event_pb2,
    event_service_pb2,
    queue_pb2,
    task_pb2,
    task_service_pb2,
    worker_pb2,
    workflow_pb2,
    workforce_service_pb2,
)
from relaydesk_server.domain.routing_index import RoutingIndex
from relaydesk_server.storage.routing_sync import load_routing_index
from relaydesk_server.storage.sql import Db
from relaydesk_server.storage.sqlite.dialect import SQLITE

_CONCURRENCY = 64
T = TypeVar("T")
A = TypeVar("A")


@dataclasses.dataclass(frozen=True)
class RoutingSettings:
    workers: int
    queues: int
    backlog: int
    capacity: int
    burst_timeout_s: float


FULL_ROUTING = RoutingSettings(
    workers=1000, queues=20, backlog=10_000, capacity=5, burst_timeout_s=120.0
)
QUICK_ROUTING = RoutingSettings(
    workers=200, queues=20, backlog=2_000, capacity=5, burst_timeout_s=60.0
)


@dataclasses.dataclass(frozen=True)
class Decisions:
    """Milliseconds per decision, sorted."""

    worker_available_ms: list[float]
    task_created_ms: list[float]
    index_load_s: float


@dataclasses.dataclass(frozen=True)
class Burst:
    offers: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.offers / self.seconds


@dataclasses.dataclass(frozen=True)
class RoutingFigures:
    decisions: Decisions
    burst: Burst


async def _bounded(
    call: Callable[[A], Awaitable[T]], arguments: Sequence[A], limit: int = _CONCURRENCY
) -> list[T]:
    """`call(a)` for each argument, at most `limit` at a time; results in order."""
    results: list[T | None] = [None] * len(arguments)
    remaining = iter(enumerate(arguments))

    async def caller() -> None:
        for position, argument in remaining:
            results[position] = await call(argument)

    async with asyncio.TaskGroup() as group:
        for _ in range(min(limit, len(arguments))):
            group.create_task(caller())
    return [result for result in results if result is not None]


def _topic(number: int) -> str:
    return f"topic{number}"


async def _set_up(rd: Client, s: RoutingSettings) -> tuple[list[str], str]:
    """Creates the scene; returns the workers' names and the Available activity."""
    wf = workforce_service_pb2
    queues = await _bounded(
        lambda q: rd.workforce.CreateQueue(
            wf.CreateQueueRequest(
                queue=queue_pb2.Queue(
                    display_name=_topic(q),
                    target_workers=f"'{_topic(q)}' in worker.attributes.skills",
                )
            )
        ),
        range(s.queues),
    )
    filters = [
        workflow_pb2.WorkflowFilter(
            expression=f"task.attributes.topic == '{_topic(q)}'",
            targets=[
                workflow_pb2.WorkflowTarget(
                    queue=response.queue.name,
                    expression="worker.attributes.level >= task.attributes.level",
                )
            ],
        )
        for q, response in enumerate(queues)
    ]
    workflow = (
        await rd.workforce.CreateWorkflow(
            wf.CreateWorkflowRequest(workflow=workflow_pb2.Workflow(filters=filters))
        )
    ).workflow.name

    def new_worker(n: int) -> worker_pb2.Worker:
        message = worker_pb2.Worker(identity=f"agent{n}", capacities={"chat": s.capacity})
        # Three skills each, spread so that every queue targets as many workers.
        skills = [_topic((n + k * 7) % s.queues) for k in range(3)]
        message.attributes.update({"skills": skills, "level": 1 + n % 3})
        return message

    workers = await _bounded(
        lambda n: rd.workforce.CreateWorker(wf.CreateWorkerRequest(worker=new_worker(n))),
        range(s.workers),
    )
    rng = random.Random(1)

    def new_task(n: int) -> task_pb2.Task:
        message = task_pb2.Task(workflow=workflow, priority=rng.randrange(3))
        message.attributes.update({"topic": _topic(n % s.queues), "level": 1})
        return message

    await _bounded(
        lambda n: rd.tasks.CreateTask(task_service_pb2.CreateTaskRequest(task=new_task(n))),
        range(s.backlog),
    )
    activities = (await rd.workforce.ListActivities(wf.ListActivitiesRequest())).activities
    available = next(a.name for a in activities if a.display_name == "Available")
    return [w.worker.name for w in workers], available


def _timed(decide: Callable[[str], object], subjects: Sequence[str]) -> list[float]:
    """Milliseconds `decide` took for each subject, sorted."""
    samples = []
    for subject in subjects:
        started = time.perf_counter()
        decide(subject)
        samples.append((time.perf_counter() - started) * 1000)
    return sorted(samples)


def measure_decisions(database: Path, sample: int = 2000) -> Decisions:
    """Loads the server's routing index from its database, and times its decisions."""
    started = time.perf_counter()
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        index = load_routing_index(Db(conn, SQLITE))
    finally:
        conn.close()
    load_s = time.perf_counter() - started
    index.forget_journal()
    rng = random.Random(2)
    workers = sorted(index.workers)
    tasks = sorted(index.tasks)
    if not workers or not tasks:
        raise StepFailed("the routing scene is empty")
    worker_available = _timed(lambda w: index.task_for(w, "chat"), rng.choices(workers, k=sample))
    _make_everyone_available(index)
    task_created = _timed(index.workers_for, rng.choices(tasks, k=sample))
    return Decisions(worker_available, task_created, load_s)


def _make_everyone_available(index: RoutingIndex) -> None:
    for worker in list(index.workers.values()):
        index.put_worker(dataclasses.replace(worker, available=True))


async def _count_offers(rd: Client, goal: int, reached: asyncio.Event, counted: list[int]) -> None:
    # From the start of the log, so nothing is missed whenever the stream goes live.
    request = event_service_pb2.SubscribeRequest(
        after_sequence=0, types=[event_pb2.EVENT_TYPE_RESERVATION_CREATED]
    )
    async for response in rd.events.Subscribe(request):
        if response.event.type == event_pb2.EVENT_TYPE_RESERVATION_CREATED:
            counted[0] += 1
            if counted[0] >= goal:
                reached.set()
                return


async def measure_routing(
    target: str, key: str, database: Path, s: RoutingSettings
) -> RoutingFigures:
    rd = connect(target, key)
    try:
        workers, available = await _set_up(rd, s)
        decisions = await asyncio.to_thread(measure_decisions, database)
        goal = s.workers * s.capacity
        reached = asyncio.Event()
        counted = [0]
        counting = asyncio.create_task(_count_offers(rd, goal, reached, counted))
        started = time.perf_counter()
        await _bounded(
            lambda w: rd.workforce.SetWorkerActivity(
                workforce_service_pb2.SetWorkerActivityRequest(name=w, activity=available)
            ),
            workers,
        )
        try:
            async with asyncio.timeout(s.burst_timeout_s):
                await reached.wait()
        except TimeoutError:
            raise StepFailed(
                f"only {counted[0]} of {goal} offers within {s.burst_timeout_s:.0f} s"
            ) from None
        finally:
            counting.cancel()
        return RoutingFigures(decisions, Burst(goal, time.perf_counter() - started))
    finally:
        await rd.close()
