"""Timers in SQLite: one row per (kind, subject), found by due time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.sql import Db


class SqlTimerRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Whether this unit of work scheduled or moved a timer, so the timer
        # service looks again at what is due next once it commits.
        self.changed = False

    def schedule(self, kind: str, subject: str, due: dt.datetime) -> None:
        self._db.execute(
            "INSERT INTO timers (kind, subject, due_time) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, subject) DO UPDATE SET due_time = excluded.due_time",
            (kind, subject, ts_to_db(due)),
        )
        self.changed = True

    def cancel(self, kind: str, subject: str) -> None:
        self._db.execute("DELETE FROM timers WHERE kind = ? AND subject = ?", (kind, subject))

    def due(self, now: dt.datetime, limit: int) -> Sequence[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT kind, subject FROM timers WHERE due_time <= ? ORDER BY due_time LIMIT ?",
            (ts_to_db(now), limit),
        )
        return [(kind, subject) for kind, subject in rows]

    def is_due(self, kind: str, subject: str, now: dt.datetime) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM timers WHERE kind = ? AND subject = ? AND due_time <= ?",
            (kind, subject, ts_to_db(now)),
        ).fetchone()
        return row is not None

    def next_due(self) -> dt.datetime | None:
        row = self._db.execute("SELECT min(due_time) FROM timers").fetchone()
        return None if row is None or row[0] is None else ts_from_db(row[0])
