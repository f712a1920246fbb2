"""Tasks awaiting an outbound conversation's first reply, in SQLite."""

from __future__ import annotations

from typing import Any

from relaydesk_server.domain.tasks_model import ReplyTask
from relaydesk_server.storage.codec import json_from_db, json_to_db, ts_from_db, ts_to_db
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _from_row(row: dict[str, Any]) -> ReplyTask:
    return ReplyTask(
        channel_id=row["channel_id"],
        agent_identity=row["agent_identity"],
        attributes=json_from_db(row["attributes"]),
        create_time=ts_from_db(row["create_time"]),
    )


class SqlReplyTaskRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, channel_id: str) -> ReplyTask | None:
        return fetch_one(
            self._db, "SELECT * FROM reply_tasks WHERE channel_id = ?", [channel_id], _from_row
        )

    def put(self, awaited: ReplyTask) -> None:
        self._db.upsert(
            "reply_tasks",
            {
                "channel_id": awaited.channel_id,
                "agent_identity": awaited.agent_identity,
                "attributes": json_to_db(awaited.attributes),
                "create_time": ts_to_db(awaited.create_time),
            },
            pk="channel_id",
        )

    def delete(self, channel_id: str) -> None:
        self._db.execute("DELETE FROM reply_tasks WHERE channel_id = ?", [channel_id])
