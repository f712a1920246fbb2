"""Reservations in SQLite."""

from __future__ import annotations

import datetime as dt
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.tasks_model import Reservation, ReservationFilter, ReservationStatus
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db

HOLDING = tuple(s.value for s in ReservationStatus if s.holds_capacity)
_HOLDING_SQL = ", ".join("?" for _ in HOLDING)


def _from_row(row: dict[str, Any]) -> Reservation:
    return Reservation(
        id=row["id"],
        task_id=row["task_id"],
        worker_id=row["worker_id"],
        task_channel=row["task_channel"],
        channel=row["channel"],
        status=ReservationStatus(row["status"]),
        transfer=bool(row["transfer"]),
        expire_time=ts_from_db(row["expire_time"]),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


def _to_row(reservation: Reservation) -> dict[str, Any]:
    return {
        "id": reservation.id,
        "task_id": reservation.task_id,
        "worker_id": reservation.worker_id,
        "task_channel": reservation.task_channel,
        "channel": reservation.channel,
        "status": reservation.status.value,
        "transfer": int(reservation.transfer),
        "expire_time": ts_to_db(reservation.expire_time),
        "create_time": ts_to_db(reservation.create_time),
        "update_time": ts_to_db(reservation.update_time),
        "revision": reservation.revision,
    }


class SqlReservationRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, task_id: str, reservation_id: str) -> Reservation | None:
        return fetch_one(
            self._db,
            "SELECT * FROM reservations WHERE id = ? AND task_id = ?",
            [reservation_id, task_id],
            _from_row,
        )

    def _select(self, where: str, params: list[Any]) -> list[Reservation]:
        cursor = self._db.execute(f"SELECT * FROM reservations WHERE {where} ORDER BY id", params)
        names = [column[0] for column in cursor.description]
        return [_from_row(dict(zip(names, row, strict=True))) for row in cursor]

    def of_task(self, task_id: str) -> list[Reservation]:
        return self._select("task_id = ?", [task_id])

    def pending_of_worker(self, worker_id: str) -> list[Reservation]:
        return self._select(
            "worker_id = ? AND status = ?", [worker_id, ReservationStatus.PENDING.value]
        )

    def holding(self) -> list[Reservation]:
        """Every reservation that uses capacity, and every declined one of a live task."""
        rows = self._db.query(
            f"SELECT r.* FROM reservations r JOIN tasks t ON t.id = r.task_id "
            f"WHERE r.status IN ({_HOLDING_SQL}) OR (r.status IN (?, ?) AND t.status NOT IN "
            f"('COMPLETED', 'CANCELED')) ORDER BY r.id",
            [*HOLDING, ReservationStatus.REJECTED.value, ReservationStatus.TIMEOUT.value],
        )
        return [_from_row(row) for row in rows]

    def last_load_changes(self) -> dict[tuple[str, str], dt.datetime]:
        """(worker id, task channel) → when the worker's load there last changed.

        A reservation changes its worker's load when it is created and when it
        stops using capacity; either is the latest of its times.
        """
        rows = self._db.execute(
            f"SELECT worker_id, task_channel, max(CASE WHEN status IN ({_HOLDING_SQL}) "
            "THEN create_time ELSE update_time END) FROM reservations "
            "GROUP BY worker_id, task_channel",
            HOLDING,
        )
        return {(worker, channel): ts_from_db(last) for worker, channel, last in rows}

    def list(self, reservation_filter: ReservationFilter, page: PageRequest) -> Page[Reservation]:
        where: list[str] = []
        params: list[Any] = []
        for column, value in (
            ("task_id", reservation_filter.task_id),
            ("worker_id", reservation_filter.worker_id),
            ("status", reservation_filter.status.value if reservation_filter.status else None),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        return page_query(self._db, "reservations", where, params, page, _from_row)

    def insert(self, reservation: Reservation) -> None:
        self._db.insert("reservations", _to_row(reservation))

    def update(self, reservation: Reservation) -> None:
        self._db.update("reservations", reservation.id, _to_row(reservation))
