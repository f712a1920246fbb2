"""The event log in SQLite: appended by the writer, read back for replay, compacted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.events.records import LoggedEvent
from relaydesk_server.events.visibility import (
    MEMBERSHIP_TYPES,
    WorkerIdentity,
    is_internal,
    person_of,
)
from relaydesk_server.storage.codec import ts_from_db, ts_to_db

EventEncoder = Callable[[int, dt.datetime, DomainEvent], bytes]

_COLUMNS = "sequence, create_time, type, channel, data, person, internal"


def _no_workers(worker_id: str) -> str | None:
    return None


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
        worker_identity: WorkerIdentity = _no_workers,
    ) -> None:
        self._db = db
        self._sequencer = sequencer
        self._encoder = encoder
        self._now = now
        self._worker_identity = worker_identity
        self.pending: list[LoggedEvent] = []
        # Told of each event as it is logged (the webhook outbox listens here).
        self.tap: Callable[[int, DomainEvent, bytes], None] | None = None

    def append(self, event: DomainEvent) -> None:
        sequence = self._sequencer.take()
        now = self._now()
        data = self._encoder(sequence, now, event)
        channel = event.channel
        person = person_of(event, self._worker_identity)
        internal = is_internal(event)
        self._db.conn.execute(
            "INSERT INTO events (sequence, create_time, type, channel, data, person, internal) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sequence, ts_to_db(now), event.type.value, channel, data, person, int(internal)),
        )
        if event.type in MEMBERSHIP_TYPES and channel is not None:
            self._follow_membership(sequence, event.type, channel, person)
        self.pending.append(LoggedEvent(sequence, event.type, channel, now, data, person, internal))
        if self.tap is not None:
            self.tap(sequence, event, data)

    def _follow_membership(
        self, sequence: int, kind: EventType, channel: str, identity: str | None
    ) -> None:
        """Keeps `member_spans` in step with the log, as events/visibility.py folds it."""
        if kind is EventType.MEMBER_JOINED:
            self._db.conn.execute(
                "INSERT INTO member_spans (identity, joined_sequence, channel) VALUES (?, ?, ?)",
                (identity, sequence, channel),
            )
        elif kind is EventType.MEMBER_LEFT:
            self._db.conn.execute(
                "UPDATE member_spans SET left_sequence = ? "
                "WHERE channel = ? AND identity = ? AND left_sequence IS NULL",
                (sequence, channel, identity),
            )
        else:  # CHANNEL_DELETED closes every membership of the channel
            self._db.conn.execute(
                "UPDATE member_spans SET left_sequence = ? "
                "WHERE channel = ? AND left_sequence IS NULL",
                (sequence, channel),
            )


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
    rows = db.query(
        f"SELECT {_COLUMNS} FROM events WHERE {' AND '.join(where)} ORDER BY sequence LIMIT ?",
        params,
    )
    events = [_event_from_row(row) for row in rows]
    scanned_to = events[-1].sequence if len(events) == limit else head
    return events, scanned_to


def _event_from_row(row: dict[str, Any]) -> LoggedEvent:
    return LoggedEvent(
        row["sequence"],
        EventType(row["type"]),
        row["channel"],
        ts_from_db(row["create_time"]),
        row["data"],
        row["person"],
        # Events logged before their facts were kept (NULL) count as internal.
        row["internal"] is None or bool(row["internal"]),
    )


def member_channels(
    db: sqlite_utils.Database, identity: str, scope: str | None, at: int
) -> list[str]:
    """The channels `identity` was a member of once the log had reached `at`
    (of `scope` only, when given)."""
    where = "identity = ? AND joined_sequence <= ? AND (left_sequence IS NULL OR left_sequence > ?)"
    params: list[object] = [identity, at, at]
    if scope is not None:
        where += " AND channel = ?"
        params.append(scope)
    return [
        row["channel"]
        for row in db.query(f"SELECT channel FROM member_spans WHERE {where}", params)
    ]


# How much of the log one page of an agent's replay looks at, at most: the
# memberships' events of a stretch are gathered and sorted before the page's
# limit applies, so a stretch bounds the work of a page.
PERSONAL_STRETCH = 50_000


def read_personal_events(
    db: sqlite_utils.Database, after: int, identity: str, scope: str | None, limit: int
) -> tuple[list[LoggedEvent], int]:
    """What a person's view has to see after `after` (a superset of what it may
    see), and how far the scan got: the events about `identity`, and the events of
    its channels during its memberships of them; with `scope`, every event of that
    one channel. Reads only those rows, through the channel and person indexes."""
    head = last_sequence(db)
    if scope is not None:
        upper = head
        rows = db.query(
            f"SELECT {_COLUMNS} FROM events WHERE channel = ? AND sequence > ? AND sequence <= ? "
            "ORDER BY sequence LIMIT ?",
            [scope, after, upper, limit],
        )
    else:
        upper = min(head, after + PERSONAL_STRETCH)
        rows = db.query(
            f"SELECT {_COLUMNS} FROM events WHERE sequence IN ("
            " SELECT sequence FROM events"
            "  WHERE person = :identity AND sequence > :after AND sequence <= :upper"
            " UNION"
            " SELECT e.sequence FROM member_spans AS s JOIN events AS e"
            "  ON e.channel = s.channel AND e.sequence >= s.joined_sequence"
            "  AND e.sequence <= coalesce(s.left_sequence, :upper)"
            "  WHERE s.identity = :identity AND s.joined_sequence <= :upper"
            "  AND (s.left_sequence IS NULL OR s.left_sequence > :after)"
            "  AND e.sequence > :after AND e.sequence <= :upper"
            " ORDER BY 1 LIMIT :limit"
            ") ORDER BY sequence",
            {"identity": identity, "after": after, "upper": upper, "limit": limit},
        )
    events = [_event_from_row(row) for row in rows]
    scanned_to = events[-1].sequence if len(events) == limit else upper
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
    # Memberships that ended by then can no longer matter to any cursor.
    db.execute("DELETE FROM member_spans WHERE left_sequence <= ?", [sequence])
    return db.execute("DELETE FROM events WHERE sequence <= ?", [sequence]).rowcount
