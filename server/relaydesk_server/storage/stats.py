"""Counts of the work in progress, for the metrics endpoint.

Each count walks only an index over the rows still in progress (the open
tasks' statuses, the partial indexes of undone deliveries and postings), so a
scrape costs in proportion to the backlog, never to the history.
"""

from __future__ import annotations

from relaydesk_server.domain.stats_model import Backlog
from relaydesk_server.domain.tasks_model import TaskStatus
from relaydesk_server.storage.sql import Db

OPEN_TASK_STATUSES = tuple(status.value for status in TaskStatus if not status.is_final)


class SqlStatistics:
    """The domain's Statistics over one SQLite connection."""

    def __init__(self, db: Db) -> None:
        self._db = db

    def backlog(self) -> Backlog:
        db = self._db
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
