"""Queues and workflows in SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.routing_model import (
    Queue,
    QueueOrder,
    QueueSpec,
    Workflow,
    WorkflowFilter,
    WorkflowSpec,
    WorkflowTarget,
)
from relaydesk_server.storage.codec import (
    duration_from_db,
    duration_to_db,
    json_from_db,
    json_to_db,
    ts_from_db,
    ts_to_db,
)
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _queue_from_row(row: dict[str, Any]) -> Queue:
    return Queue(
        id=row["id"],
        spec=QueueSpec(
            display_name=row["display_name"],
            target_workers=row["target_workers"],
            order=QueueOrder(row["ordering"]),
            max_reserved_workers=row["max_reserved_workers"],
        ),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


def _queue_row(queue: Queue) -> dict[str, Any]:
    return {
        "id": queue.id,
        "display_name": queue.spec.display_name,
        "target_workers": queue.spec.target_workers,
        "ordering": queue.spec.order.value,
        "max_reserved_workers": queue.spec.max_reserved_workers,
        "create_time": ts_to_db(queue.create_time),
        "update_time": ts_to_db(queue.update_time),
        "revision": queue.revision,
    }


class SqlQueueRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, queue_id: str) -> Queue | None:
        return fetch_one(self._db, "SELECT * FROM queues WHERE id = ?", [queue_id], _queue_from_row)

    def all(self) -> list[Queue]:
        return [_queue_from_row(row) for row in self._db.query("SELECT * FROM queues ORDER BY id")]

    def list(self, page: PageRequest) -> Page[Queue]:
        return page_query(self._db, "queues", [], [], page, _queue_from_row)

    def insert(self, queue: Queue) -> None:
        self._db.insert("queues", _queue_row(queue))

    def update(self, queue: Queue) -> None:
        self._db.update("queues", queue.id, _queue_row(queue))

    def delete(self, queue_id: str) -> None:
        self._db.delete("queues", queue_id)


def _definition(spec: WorkflowSpec) -> str:
    return json_to_db(
        {
            "display_name": spec.display_name,
            "default_queue": spec.default_queue,
            "filters": [
                {
                    "display_name": f.display_name,
                    "expression": f.expression,
                    "targets": [
                        {
                            "queue": t.queue,
                            "expression": t.expression,
                            "priority": t.priority,
                            "timeout_us": None if t.timeout is None else duration_to_db(t.timeout),
                        }
                        for t in f.targets
                    ],
                }
                for f in spec.filters
            ],
        }
    )


def _workflow_from_row(row: dict[str, Any]) -> Workflow:
    data = json_from_db(row["definition"])
    return Workflow(
        id=row["id"],
        spec=WorkflowSpec(
            display_name=data["display_name"],
            default_queue=data["default_queue"],
            reservation_timeout=duration_from_db(row["reservation_timeout_us"]),
            filters=tuple(
                WorkflowFilter(
                    display_name=f["display_name"],
                    expression=f["expression"],
                    targets=tuple(
                        WorkflowTarget(
                            queue=t["queue"],
                            expression=t["expression"],
                            priority=t["priority"],
                            timeout=(
                                None
                                if t["timeout_us"] is None
                                else duration_from_db(t["timeout_us"])
                            ),
                        )
                        for t in f["targets"]
                    ),
                )
                for f in data["filters"]
            ),
        ),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlWorkflowRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, workflow_id: str) -> Workflow | None:
        return fetch_one(
            self._db, "SELECT * FROM workflows WHERE id = ?", [workflow_id], _workflow_from_row
        )

    def all(self) -> list[Workflow]:
        rows = self._db.query("SELECT * FROM workflows ORDER BY id")
        return [_workflow_from_row(row) for row in rows]

    def list(self, page: PageRequest) -> Page[Workflow]:
        return page_query(self._db, "workflows", [], [], page, _workflow_from_row)

    def using_queue(self, queue: str) -> Sequence[str]:
        rows = self._db.query(
            "SELECT workflow_id FROM workflow_queues WHERE queue = ? ORDER BY workflow_id",
            [queue],
        )
        return [f"workflows/{row['workflow_id']}" for row in rows]

    def _write(self, workflow: Workflow) -> None:
        self._db.upsert(
            "workflows",
            {
                "id": workflow.id,
                "definition": _definition(workflow.spec),
                "reservation_timeout_us": duration_to_db(workflow.spec.reservation_timeout),
                "create_time": ts_to_db(workflow.create_time),
                "update_time": ts_to_db(workflow.update_time),
                "revision": workflow.revision,
            },
            pk="id",
        )
        self._db.execute("DELETE FROM workflow_queues WHERE workflow_id = ?", [workflow.id])
        for queue in sorted(workflow.spec.queues):
            self._db.insert("workflow_queues", {"workflow_id": workflow.id, "queue": queue})

    def insert(self, workflow: Workflow) -> None:
        self._write(workflow)

    def update(self, workflow: Workflow) -> None:
        self._write(workflow)

    def delete(self, workflow_id: str) -> None:
        self._db.delete("workflows", workflow_id)
