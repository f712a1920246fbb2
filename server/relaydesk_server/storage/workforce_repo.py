"""Activities and workers in SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.workforce_model import OFFLINE, Activity, Worker, WorkerSpec
from relaydesk_server.storage.codec import json_from_db, json_to_db, ts_from_db, ts_to_db
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.reservations_repo import HOLDING
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db, Dialect


def _activity_from_row(row: dict[str, Any]) -> Activity:
    return Activity(
        id=row["id"],
        display_name=row["display_name"],
        available=bool(row["available"]),
        builtin=row["builtin"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlActivityRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, activity_id: str) -> Activity | None:
        return fetch_one(
            self._db, "SELECT * FROM activities WHERE id = ?", [activity_id], _activity_from_row
        )

    def offline(self) -> Activity:
        # Migration 0003 creates it and delete_activity never removes it.
        offline = fetch_one(
            self._db, "SELECT * FROM activities WHERE builtin = ?", [OFFLINE], _activity_from_row
        )
        assert offline is not None
        return offline

    def list(self, page: PageRequest) -> Page[Activity]:
        return page_query(self._db, "activities", [], [], page, _activity_from_row)

    def insert(self, activity: Activity) -> None:
        self._db.insert(
            "activities",
            {
                "id": activity.id,
                "display_name": activity.display_name,
                "available": int(activity.available),
                "builtin": activity.builtin,
                "create_time": ts_to_db(activity.create_time),
                "update_time": ts_to_db(activity.update_time),
                "revision": activity.revision,
            },
        )

    def update(self, activity: Activity) -> None:
        self._db.update(
            "activities",
            activity.id,
            {
                "display_name": activity.display_name,
                "update_time": ts_to_db(activity.update_time),
                "revision": activity.revision,
            },
        )

    def delete(self, activity_id: str) -> None:
        self._db.delete("activities", activity_id)

    def worker_count(self, activity_id: str) -> int:
        return self._db.count_where("workers", "activity_id = ?", [activity_id])


# Workers are read with their activity's availability, which never changes,
# and their load: what their capacity-holding reservations add up to.
def _worker_select(dialect: Dialect) -> str:
    return (
        "SELECT workers.rowid AS _rowid, workers.*, activities.available AS available, "
        f"(SELECT {dialect.json_object_agg('task_channel', 'n')} FROM (SELECT task_channel, "
        "count(*) AS n FROM reservations WHERE worker_id = workers.id AND status IN "
        f"({', '.join(repr(status) for status in HOLDING)}) GROUP BY task_channel) AS held) "
        "AS load FROM workers JOIN activities ON activities.id = workers.activity_id"
    )


def _worker_from_row(row: dict[str, Any]) -> Worker:
    return Worker(
        id=row["id"],
        spec=WorkerSpec(
            identity=row["identity"],
            display_name=row["display_name"],
            attributes=json_from_db(row["attributes"]),
            capacities=json_from_db(row["capacities"]),
        ),
        activity_id=row["activity_id"],
        available=bool(row["available"]),
        activity_change_time=ts_from_db(row["activity_change_time"]),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        load=json_from_db(row["load"]) if row["load"] else {},
        revision=row["revision"],
    )


def _worker_row(worker: Worker) -> dict[str, Any]:
    return {
        "id": worker.id,
        "identity": worker.spec.identity,
        "display_name": worker.spec.display_name,
        "attributes": json_to_db(worker.spec.attributes),
        "capacities": json_to_db(worker.spec.capacities),
        "activity_id": worker.activity_id,
        "activity_change_time": ts_to_db(worker.activity_change_time),
        "create_time": ts_to_db(worker.create_time),
        "update_time": ts_to_db(worker.update_time),
        "revision": worker.revision,
    }


class SqlWorkerRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        self._select = _worker_select(db.dialect)

    def _one(self, where: str, value: str) -> Worker | None:
        return fetch_one(self._db, f"{self._select} WHERE {where}", [value], _worker_from_row)

    def get(self, worker_id: str) -> Worker | None:
        return self._one("workers.id = ?", worker_id)

    def find_by_identity(self, identity: str) -> Worker | None:
        return self._one("workers.identity = ?", identity)

    def all(self) -> Sequence[Worker]:
        return [_worker_from_row(row) for row in self._db.query(f"{self._select} ORDER BY 1")]

    def list(self, activity_id: str | None, page: PageRequest) -> Page[Worker]:
        where: list[str] = []
        params: list[Any] = []
        if activity_id is not None:
            where.append("activity_id = ?")
            params.append(activity_id)
        return page_query(
            self._db,
            f"({self._select})",
            where,
            params,
            page,
            _worker_from_row,
            position="_rowid",
        )

    def insert(self, worker: Worker) -> None:
        self._db.insert("workers", _worker_row(worker))

    def update(self, worker: Worker) -> None:
        self._db.update("workers", worker.id, _worker_row(worker))

    def delete(self, worker_id: str) -> None:
        self._db.delete("workers", worker_id)
