"""Keeps the writer's routing index in step with the rows it writes.

The writer's repositories for workers, queues, workflows, tasks and
reservations tell the index about every row they write, so the index can
never miss a change; `load_routing_index` fills it from the database at start.
"""

from __future__ import annotations

from relaydesk_server.domain.names import QUEUE, WORKFLOW
from relaydesk_server.domain.routing_index import RoutingIndex
from relaydesk_server.domain.routing_model import Queue, Workflow
from relaydesk_server.domain.tasks_model import Reservation, Task
from relaydesk_server.domain.workforce_model import Worker
from relaydesk_server.storage.reservations_repo import SqlReservationRepository
from relaydesk_server.storage.routing_repo import SqlQueueRepository, SqlWorkflowRepository
from relaydesk_server.storage.sql import Db
from relaydesk_server.storage.tasks_repo import SqlTaskRepository
from relaydesk_server.storage.workforce_repo import SqlWorkerRepository


def load_routing_index(db: Db) -> RoutingIndex:
    reservations = SqlReservationRepository(db)
    index = RoutingIndex()
    index.load(
        workers=SqlWorkerRepository(db).all(),
        queues=SqlQueueRepository(db).all(),
        workflows=SqlWorkflowRepository(db).all(),
        tasks=SqlTaskRepository(db).live(),
        reservations=reservations.holding(),
        load_changes=reservations.last_load_changes(),
    )
    return index


class IndexedWorkerRepository(SqlWorkerRepository):
    def __init__(self, db: Db, index: RoutingIndex) -> None:
        super().__init__(db)
        self._index = index

    def insert(self, worker: Worker) -> None:
        super().insert(worker)
        self._index.put_worker(worker)

    def update(self, worker: Worker) -> None:
        super().update(worker)
        self._index.put_worker(worker)

    def delete(self, worker_id: str) -> None:
        super().delete(worker_id)
        self._index.remove_worker(worker_id)


class IndexedQueueRepository(SqlQueueRepository):
    def __init__(self, db: Db, index: RoutingIndex) -> None:
        super().__init__(db)
        self._index = index

    def insert(self, queue: Queue) -> None:
        super().insert(queue)
        self._index.put_queue(queue)

    def update(self, queue: Queue) -> None:
        super().update(queue)
        self._index.put_queue(queue)

    def delete(self, queue_id: str) -> None:
        super().delete(queue_id)
        self._index.remove_queue(QUEUE.name(queue_id))


class IndexedWorkflowRepository(SqlWorkflowRepository):
    def __init__(self, db: Db, index: RoutingIndex) -> None:
        super().__init__(db)
        self._index = index

    def insert(self, workflow: Workflow) -> None:
        super().insert(workflow)
        self._index.put_workflow(workflow)

    def update(self, workflow: Workflow) -> None:
        super().update(workflow)
        self._index.put_workflow(workflow)

    def delete(self, workflow_id: str) -> None:
        super().delete(workflow_id)
        self._index.remove_workflow(WORKFLOW.name(workflow_id))


class IndexedTaskRepository(SqlTaskRepository):
    def __init__(self, db: Db, index: RoutingIndex) -> None:
        super().__init__(db)
        self._index = index

    def insert(self, task: Task) -> None:
        super().insert(task)
        self._index.put_task(task)

    def update(self, task: Task) -> None:
        super().update(task)
        self._index.put_task(task)


class IndexedReservationRepository(SqlReservationRepository):
    def __init__(self, db: Db, index: RoutingIndex) -> None:
        super().__init__(db)
        self._index = index

    def insert(self, reservation: Reservation) -> None:
        super().insert(reservation)
        self._index.put_reservation(reservation)

    def update(self, reservation: Reservation) -> None:
        super().update(reservation)
        self._index.put_reservation(reservation)
