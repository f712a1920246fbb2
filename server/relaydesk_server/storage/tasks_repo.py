"""Tasks in SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.tasks_model import Task, TaskFilter, TaskStatus
from relaydesk_server.storage.codec import (
    duration_from_db,
    duration_to_db,
    json_from_db,
    json_to_db,
    opt_ts_from_db,
    opt_ts_to_db,
    ts_from_db,
    ts_to_db,
)
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one, first_row
from relaydesk_server.storage.sql import Db


def _from_row(row: dict[str, Any]) -> Task:
    return Task(
        id=row["id"],
        workflow=row["workflow"],
        attributes=json_from_db(row["attributes"]),
        task_channel=row["task_channel"],
        priority=row["priority"],
        status=TaskStatus(row["status"]),
        reason=row["reason"],
        timeout=duration_from_db(row["timeout_us"]),
        queue=row["queue"],
        channel=row["channel"],
        worker=row["worker"],
        filter_index=row["filter_index"],
        target_index=row["target_index"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        end_time=opt_ts_from_db(row["end_time"]),
        transfer_queue=row["transfer_queue"],
        transfer_worker=row["transfer_worker"],
        preferred_worker=row["preferred_worker"],
        revision=row["revision"],
    )


def _to_row(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "workflow": task.workflow,
        "attributes": json_to_db(task.attributes),
        "task_channel": task.task_channel,
        "priority": task.priority,
        "status": task.status.value,
        "reason": task.reason,
        "timeout_us": duration_to_db(task.timeout),
        "queue": task.queue,
        "channel": task.channel,
        "worker": task.worker,
        "filter_index": task.filter_index,
        "target_index": task.target_index,
        "create_time": ts_to_db(task.create_time),
        "update_time": ts_to_db(task.update_time),
        "end_time": opt_ts_to_db(task.end_time),
        "transfer_queue": task.transfer_queue,
        "transfer_worker": task.transfer_worker,
        "preferred_worker": task.preferred_worker,
        "revision": task.revision,
    }


class SqlTaskRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, task_id: str) -> Task | None:
        return fetch_one(self._db, "SELECT * FROM tasks WHERE id = ?", [task_id], _from_row)

    def list(self, task_filter: TaskFilter, page: PageRequest) -> Page[Task]:
        where: list[str] = []
        params: list[Any] = []
        for column, value in (
            ("status", task_filter.status.value if task_filter.status else None),
            ("queue", task_filter.queue),
            ("worker", task_filter.worker),
            ("channel", task_filter.channel),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        return page_query(self._db, "tasks", where, params, page, _from_row)

    def count_by_status(self, queue: str) -> dict[str, int]:
        rows = self._db.query(
            "SELECT status, count(*) AS n FROM tasks WHERE queue = ? GROUP BY status", [queue]
        )
        return {row["status"]: row["n"] for row in rows}

    def oldest_pending(self, queue: str) -> dt.datetime | None:
        row = first_row(
            self._db,
            "SELECT min(create_time) AS oldest FROM tasks WHERE queue = ? AND status = ?",
            [queue, TaskStatus.PENDING.value],
        )
        return None if row is None else opt_ts_from_db(row["oldest"])

    def live(self) -> Sequence[Task]:
        """Every task not yet completed or canceled."""
        rows = self._db.query(
            "SELECT * FROM tasks WHERE status NOT IN (?, ?) ORDER BY id",
            [TaskStatus.COMPLETED.value, TaskStatus.CANCELED.value],
        )
        return [_from_row(row) for row in rows]

    def insert(self, task: Task) -> None:
        self._db.insert("tasks", _to_row(task))

    def update(self, task: Task) -> None:
        self._db.update("tasks", task.id, _to_row(task))
