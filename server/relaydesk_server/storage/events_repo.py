"""The event log in SQLite: appended by the writer, read back for replay, compacted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import sqlite_utils

from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.events.records import LoggedEvent
from relaydesk_server.storage.codec import ts_from_db, ts_to_db

EventEncoder = Callable[[int, dt.datetime, DomainEvent], bytes]


class Sequencer:
    """Hands out the log's gap-free sequence numbers; lives in the writer thread.

    A number is taken only for an event that commits: a rolled-back unit of
    work gives its numbers back.
    """

    def __init__(self, last: int) -> None:
        self.last = last

    def take(self) -> int:
        self.last += 1
        return self.last


def last_sequence(db: sqlite_utils.Database) -> int:
    # sqlite_sequence remembers the largest number ever used, even when
    # compaction has emptied the table.
    for row in db.query("SELECT seq FROM sqlite_sequence WHERE name = 'events'"):
        return int(row["seq"])
    return 0


class SqliteEventLog:
    """The domain's EventLog within one unit of work of the writer."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        sequencer: Sequencer,
        encoder: EventEncoder,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._db = db
        self._sequencer = sequencer
        self._encoder = encoder
        self._now = now
        self.pending: list[LoggedEvent] = []
        # Told of each event as it is logged (the webhook outbox listens here).
        self.tap: Callable[[int, DomainEvent, bytes], None] | None = None

    def append(self, event: DomainEvent) -> None:
        sequence = self._sequencer.take()
        now = self._now()
        data = self._encoder(sequence, now, event)
        channel = event.channel
        self._db.conn.execute(
            "INSERT INTO events (sequence, create_time, type, channel, data) "
            "VALUES (?, ?, ?, ?, ?)",
            (sequence, ts_to_db(now), event.type.value, channel, data),
        )
        self.pending.append(LoggedEvent(sequence, event.type, channel, now, data))
        if self.tap is not None:
            self.tap(sequence, event, data)


def read_events(
    db: sqlite_utils.Database,
    after: int,
    channels: Sequence[str],
    types: Sequence[EventType],
    limit: int,
) -> tuple[list[LoggedEvent], int]:
    """Events after `after` that match the filters, and how far the scan got.

    The scan reaches the newest committed event unless `limit` rows came back
    first, so "scanned to" is a safe cursor even when nothing matched.
    """
    head = last_sequence(db)
    where = ["sequence > ?", "sequence <= ?"]
    params: list[object] = [after, head]
    if channels:
        where.append(f"channel IN ({', '.join('?' * len(channels))})")
        params += list(channels)
    if types:
        where.append(f"type IN ({', '.join('?' * len(types))})")
        params += [t.value for t in types]
    params.append(limit)
    rows = list(
        db.query(
            "SELECT sequence, create_time, type, channel, data FROM events "
            f"WHERE {' AND '.join(where)} ORDER BY sequence LIMIT ?",
            params,
        )
    )
    events = [
        LoggedEvent(
            row["sequence"],
            EventType(row["type"]),
            row["channel"],
            ts_from_db(row["create_time"]),
            row["data"],
        )
        for row in rows
    ]
    scanned_to = events[-1].sequence if len(events) == limit else head
    return events, scanned_to


def oldest_retained(db: sqlite_utils.Database) -> int | None:
    for row in db.query("SELECT min(sequence) AS oldest FROM events"):
        return row["oldest"]  # type: ignore[no-any-return]
    return None


def compaction_bound(db: sqlite_utils.Database, cutoff: dt.datetime) -> int:
    """The newest sequence created before `cutoff` (0 when none)."""
    for row in db.query(
        "SELECT max(sequence) AS bound FROM events WHERE create_time < ?", [ts_to_db(cutoff)]
    ):
        return int(row["bound"] or 0)
    return 0


def delete_through(db: sqlite_utils.Database, sequence: int) -> int:
    return db.execute("DELETE FROM events WHERE sequence <= ?", [sequence]).rowcount
