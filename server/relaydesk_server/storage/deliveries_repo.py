"""Outbound deliveries in SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.outbound_model import Delivery
from relaydesk_server.storage.codec import opt_ts_from_db, opt_ts_to_db, ts_from_db, ts_to_db
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _from_row(row: dict[str, Any]) -> Delivery:
    return Delivery(
        id=row["id"],
        message_id=row["message_id"],
        channel_id=row["channel_id"],
        index=row["idx"],
        channel_type=ChannelType(row["channel_type"]),
        customer_address=row["customer_address"],
        contact_identity=row["contact_identity"],
        done=bool(row["done"]),
        attempt=row["attempt"],
        lease_expire_time=opt_ts_from_db(row["lease_expire_time"]),
        create_time=ts_from_db(row["create_time"]),
    )


class SqlDeliveryRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Whether this unit of work added or ended a delivery, so the dispatcher
        # looks again at what to hand out once it commits.
        self.changed = False

    def get(self, delivery_id: str) -> Delivery | None:
        return fetch_one(
            self._db, "SELECT * FROM deliveries WHERE id = ?", [delivery_id], _from_row
        )

    def insert(self, delivery: Delivery) -> None:
        self._db.execute(
            "INSERT INTO deliveries (id, message_id, channel_id, idx, channel_type, "
            "customer_address, contact_identity, done, attempt, lease_expire_time, create_time) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                delivery.id,
                delivery.message_id,
                delivery.channel_id,
                delivery.index,
                delivery.channel_type.value,
                delivery.customer_address,
                delivery.contact_identity,
                int(delivery.done),
                delivery.attempt,
                opt_ts_to_db(delivery.lease_expire_time),
                ts_to_db(delivery.create_time),
            ),
        )
        self.changed = True

    def update(self, delivery: Delivery) -> None:
        self._db.execute(
            "UPDATE deliveries SET done = ?, attempt = ?, lease_expire_time = ? WHERE id = ?",
            (
                int(delivery.done),
                delivery.attempt,
                opt_ts_to_db(delivery.lease_expire_time),
                delivery.id,
            ),
        )
        self.changed = self.changed or delivery.done

    def ready(
        self, channel_types: Sequence[ChannelType], now: dt.datetime, limit: int
    ) -> list[Delivery]:
        """The first open delivery of each channel, when it is not leased (or its
        lease has ended), on the given channel types, oldest first."""
        types = [t.value for t in channel_types]
        marks = ", ".join("?" for _ in types)
        rows = self._db.query(
            "SELECT d.* FROM deliveries d WHERE d.done = 0 "
            "AND d.idx = (SELECT min(idx) FROM deliveries h WHERE h.done = 0 "
            "AND h.channel_id = d.channel_id) "
            "AND (d.lease_expire_time IS NULL OR d.lease_expire_time <= ?) "
            f"AND d.channel_type IN ({marks}) ORDER BY d.create_time, d.id LIMIT ?",
            [ts_to_db(now), *types, limit],
        )
        return [_from_row(row) for row in rows]

    def next_lease_end(self) -> dt.datetime | None:
        row = self._db.execute(
            "SELECT min(lease_expire_time) FROM deliveries WHERE done = 0"
        ).fetchone()
        return None if row is None or row[0] is None else ts_from_db(row[0])
