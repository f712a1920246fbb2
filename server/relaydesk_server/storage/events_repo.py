"""The event log: appended by the writer, read back for replay, compacted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from relaydesk_server.domain.events_model import DomainEvent, EventType, LoggedEvent
from relaydesk_server.domain.visibility import (
    MEMBERSHIP_TYPES,
    WorkerIdentity,
    is_internal,
    person_of,
)
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.sql import Db

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


# How much of the log one page of an agent's replay looks at, at most: the
# memberships' events of a stretch are gathered and sorted before the page's
# limit applies, so a stretch bounds the work of a page.
PERSONAL_STRETCH = 50_000


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


class SqlEventLog:
    """The domain's EventLog over one SQLite connection: replay reads and
    compaction. Only the writer's units of work append (SqlEventWriter)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    def append(self, event: DomainEvent) -> None:
        raise RuntimeError("events are appended only by writes")

    def last_sequence(self) -> int:
        return self._db.dialect.last_event_sequence(self._db)

    def read(
        self, after: int, channels: Sequence[str], types: Sequence[EventType], limit: int
    ) -> tuple[list[LoggedEvent], int]:
        head = self.last_sequence()
        where = ["sequence > ?", "sequence <= ?"]
        params: list[object] = [after, head]
        if channels:
            where.append(f"channel IN ({', '.join('?' * len(channels))})")
            params += list(channels)
        if types:
            where.append(f"type IN ({', '.join('?' * len(types))})")
            params += [t.value for t in types]
        params.append(limit)
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM events WHERE {' AND '.join(where)} ORDER BY sequence LIMIT ?",
            params,
        )
        events = [_event_from_row(row) for row in rows]
        scanned_to = events[-1].sequence if len(events) == limit else head
        return events, scanned_to

    def member_channels(self, identity: str, scope: str | None, at: int) -> list[str]:
        where = (
            "identity = ? AND joined_sequence <= ? AND (left_sequence IS NULL OR left_sequence > ?)"
        )
        params: list[object] = [identity, at, at]
        if scope is not None:
            where += " AND channel = ?"
            params.append(scope)
        return [
            row["channel"]
            for row in self._db.query(f"SELECT channel FROM member_spans WHERE {where}", params)
        ]

    def read_personal(
        self, after: int, identity: str, scope: str | None, limit: int
    ) -> tuple[list[LoggedEvent], int]:
        """Reads only the rows a person's view needs, through the channel and person
        indexes, and at most PERSONAL_STRETCH sequences of the log per call."""
        head = self.last_sequence()
        if scope is not None:
            upper = head
            rows = self._db.query(
                f"SELECT {_COLUMNS} FROM events "
                "WHERE channel = ? AND sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?",
                [scope, after, upper, limit],
            )
        else:
            upper = min(head, after + PERSONAL_STRETCH)
            rows = self._db.query(
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

    def oldest_retained(self) -> int | None:
        for row in self._db.query("SELECT min(sequence) AS oldest FROM events"):
            return row["oldest"]  # type: ignore[no-any-return]
        return None

    def compacted_through(self) -> int:
        # Sequences have no gaps: whatever is below the oldest one left was compacted.
        oldest = self.oldest_retained()
        return self.last_sequence() if oldest is None else oldest - 1

    def compaction_bound(self, cutoff: dt.datetime) -> int:
        for row in self._db.query(
            "SELECT max(sequence) AS bound FROM events WHERE create_time < ?", [ts_to_db(cutoff)]
        ):
            return int(row["bound"] or 0)
        return 0

    def delete_through(self, sequence: int) -> int:
        # Memberships that ended by then can no longer matter to any cursor.
        self._db.execute("DELETE FROM member_spans WHERE left_sequence <= ?", [sequence])
        deleted = self._db.execute("DELETE FROM events WHERE sequence <= ?", [sequence]).rowcount
        self._db.dialect.events_compacted(self._db, sequence)
        return deleted


class SqlEventWriter(SqlEventLog):
    """The event log within the writer's units of work: appends, numbering each
    event and keeping `member_spans` in step."""

    def __init__(
        self,
        db: Db,
        sequencer: Sequencer,
        encoder: EventEncoder,
        now: Callable[[], dt.datetime],
        worker_identity: WorkerIdentity = _no_workers,
    ) -> None:
        super().__init__(db)
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
        self._db.execute(
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
        """Keeps `member_spans` in step with the log, as domain/visibility.py folds it."""
        if kind is EventType.MEMBER_JOINED:
            self._db.execute(
                "INSERT INTO member_spans (identity, joined_sequence, channel) VALUES (?, ?, ?)",
                (identity, sequence, channel),
            )
        elif kind is EventType.MEMBER_LEFT:
            self._db.execute(
                "UPDATE member_spans SET left_sequence = ? "
                "WHERE channel = ? AND identity = ? AND left_sequence IS NULL",
                (sequence, channel, identity),
            )
        else:  # CHANNEL_DELETED closes every membership of the channel
            self._db.execute(
                "UPDATE member_spans SET left_sequence = ? "
                "WHERE channel = ? AND left_sequence IS NULL",
                (sequence, channel),
            )
