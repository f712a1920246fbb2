"""API keys and the signing keys of access tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.keys_model import ApiKey, Role
from relaydesk_server.domain.tokens import SigningKey
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _from_row(row: dict[str, Any]) -> ApiKey:
    return ApiKey(
        id=row["id"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        secret_hash=row["secret_hash"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
    )


class SqlApiKeyRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Set by every write, for the store (other servers reload their copies).
        self.changed = False

    def get(self, key_id: str) -> ApiKey | None:
        return fetch_one(self._db, "SELECT * FROM api_keys WHERE id = ?", [key_id], _from_row)

    def all(self) -> list[ApiKey]:
        return [_from_row(row) for row in self._db.query("SELECT * FROM api_keys ORDER BY rowid")]

    def list(self, page: PageRequest) -> Page[ApiKey]:
        return page_query(self._db, "api_keys", [], [], page, _from_row)

    def insert(self, key: ApiKey) -> None:
        self._db.insert(
            "api_keys",
            {
                "id": key.id,
                "display_name": key.display_name,
                "role": key.role.value,
                "secret_hash": key.secret_hash,
                "create_time": ts_to_db(key.create_time),
                "update_time": ts_to_db(key.update_time),
            },
        )
        self.changed = True

    def delete(self, key_id: str) -> None:
        self._db.delete("api_keys", key_id)
        self.changed = True

    def count_role(self, role: Role) -> int:
        row = self._db.execute("SELECT count(*) FROM api_keys WHERE role = ?", [role.value])
        return int(row.fetchone()[0])


class SqlSigningKeyRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Set by every write, for the store (other servers reload their copies).
        self.changed = False

    def all(self) -> list[SigningKey]:
        return [
            SigningKey(
                id=row["id"],
                secret=row["secret"],
                create_time=ts_from_db(row["create_time"]),
                retire_time=ts_from_db(row["retire_time"]) if row["retire_time"] else None,
            )
            for row in self._db.query("SELECT * FROM signing_keys ORDER BY create_time, rowid")
        ]

    def save(self, key: SigningKey) -> None:
        self._db.upsert(
            "signing_keys",
            {
                "id": key.id,
                "secret": key.secret,
                "create_time": ts_to_db(key.create_time),
                "retire_time": ts_to_db(key.retire_time) if key.retire_time else None,
            },
            pk="id",
        )
        self.changed = True

    def delete_retired(self, now: dt.datetime) -> None:
        self._db.execute(
            "DELETE FROM signing_keys WHERE retire_time IS NOT NULL AND retire_time <= ?",
            [ts_to_db(now)],
        )
        self.changed = True
