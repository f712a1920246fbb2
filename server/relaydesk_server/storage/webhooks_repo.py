"""The webhook outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from relaydesk_server.domain.webhooks_model import Posting
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.sql import Db

# A posting is sent only once every earlier one of its conversation is finished, so a
# receiver gets each conversation's events in order, retries and outages included.
_FIRST_OF_ITS_CHANNEL = (
    "o.done = 0 AND NOT EXISTS (SELECT 1 FROM webhook_outbox AS e WHERE e.done = 0 "
    "AND e.flow_id = o.flow_id AND e.channel_id = o.channel_id AND e.id < o.id)"
)


class SqlWebhookOutbox:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Whether this unit of work queued a posting, so the sender looks again.
        self.changed = False

    def enqueue(
        self, flow_id: str, channel_id: str, sequence: int, data: bytes, now: dt.datetime
    ) -> None:
        self._db.execute(
            "INSERT INTO webhook_outbox (flow_id, channel_id, sequence, data, attempts, "
            "next_attempt_time, done, last_error, create_time) "
            "VALUES (?, ?, ?, ?, 0, ?, 0, '', ?)",
            (flow_id, channel_id, sequence, data, ts_to_db(now), ts_to_db(now)),
        )
        self.changed = True

    def due(self, now: dt.datetime, limit: int) -> list[Posting]:
        rows = self._db.execute(
            "SELECT id, flow_id, sequence, data, attempts FROM webhook_outbox AS o "
            f"WHERE {_FIRST_OF_ITS_CHANNEL} AND next_attempt_time <= ? ORDER BY id LIMIT ?",
            (ts_to_db(now), limit),
        )
        return [Posting(*row) for row in rows]

    def next_due(self) -> dt.datetime | None:
        row = self._db.execute(
            f"SELECT min(next_attempt_time) FROM webhook_outbox AS o WHERE {_FIRST_OF_ITS_CHANNEL}"
        ).fetchone()
        return None if row is None or row[0] is None else ts_from_db(row[0])

    def hold(self, posting_ids: Sequence[int], until: dt.datetime) -> None:
        # Not a change the sender needs to hear of (`changed` stays): it holds them.
        for posting_id in posting_ids:
            self._db.execute(
                "UPDATE webhook_outbox SET next_attempt_time = ? WHERE id = ?",
                (ts_to_db(until), posting_id),
            )

    # The attempt before this one is the last recorded: otherwise another server, which
    # took the posting over when this one's hold ran out, has recorded this attempt.
    def finish(self, posting_id: int, attempts: int, error: str) -> bool:
        return (
            self._db.execute(
                "UPDATE webhook_outbox SET done = 1, attempts = ?, last_error = ? "
                "WHERE id = ? AND attempts = ? AND done = 0",
                (attempts, error, posting_id, attempts - 1),
            ).rowcount
            == 1
        )

    def retry_later(self, posting_id: int, attempts: int, error: str, when: dt.datetime) -> bool:
        return (
            self._db.execute(
                "UPDATE webhook_outbox SET attempts = ?, last_error = ?, next_attempt_time = ? "
                "WHERE id = ? AND attempts = ? AND done = 0",
                (attempts, error, ts_to_db(when), posting_id, attempts - 1),
            ).rowcount
            == 1
        )
