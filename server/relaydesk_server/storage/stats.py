"""Counts of the work in progress, for the metrics endpoint.

Each count walks only an index over the rows still in progress (the open
tasks' statuses, the partial indexes of undone deliveries and postings), so a
scrape costs in proportion to the backlog, never to the history.
"""

from __future__ import annotations

import dataclasses

import sqlite_utils

from relaydesk_server.domain.tasks_model import TaskStatus

OPEN_TASK_STATUSES = tuple(status.value for status in TaskStatus if not status.is_final)


@dataclasses.dataclass(frozen=True)
class Backlog:
    # Tasks not yet completed or canceled, by status (every open status, 0 included).
    tasks: dict[str, int]
    # Outbound deliveries not yet acknowledged as sent, delivered or failed.
    deliveries_pending: int
    # Webhook postings not yet answered with a 2xx or given up on.
    webhook_postings_pending: int


def backlog(db: sqlite_utils.Database) -> Backlog:
    tasks = dict.fromkeys(OPEN_TASK_STATUSES, 0)
    marks = ", ".join("?" * len(OPEN_TASK_STATUSES))
    for status, count in db.execute(
        f"SELECT status, COUNT(*) FROM tasks WHERE status IN ({marks}) GROUP BY status",
        OPEN_TASK_STATUSES,
    ).fetchall():
        tasks[status] = count
    deliveries = db.execute("SELECT COUNT(*) FROM deliveries WHERE done = 0").fetchone()[0]
    postings = db.execute("SELECT COUNT(*) FROM webhook_outbox WHERE done = 0").fetchone()[0]
    return Backlog(tasks, int(deliveries), int(postings))
