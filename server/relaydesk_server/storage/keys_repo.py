"""API keys in SQLite."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.keys_model import ApiKey, Role
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one


def _from_row(row: dict[str, Any]) -> ApiKey:
    return ApiKey(
        id=row["id"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        secret_hash=row["secret_hash"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
    )


class SqliteApiKeyRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def get(self, key_id: str) -> ApiKey | None:
        return fetch_one(self._db, "SELECT * FROM api_keys WHERE id = ?", [key_id], _from_row)

    def all(self) -> list[ApiKey]:
        return [_from_row(row) for row in self._db.query("SELECT * FROM api_keys ORDER BY rowid")]

    def list(self, page: PageRequest) -> Page[ApiKey]:
        return page_query(self._db, "api_keys", [], [], page, _from_row)

    def insert(self, key: ApiKey) -> None:
        self._db.table("api_keys").insert(
            {
                "id": key.id,
                "display_name": key.display_name,
                "role": key.role.value,
                "secret_hash": key.secret_hash,
                "create_time": ts_to_db(key.create_time),
                "update_time": ts_to_db(key.update_time),
            }
        )

    def delete(self, key_id: str) -> None:
        self._db.table("api_keys").delete(key_id)


def token_signing_key(db: sqlite_utils.Database) -> str:
    row = db.conn.execute(
        "SELECT value FROM server_secrets WHERE name = 'token_signing_key'"
    ).fetchone()
    assert row is not None  # migration 0011 makes it
    return str(row[0])
