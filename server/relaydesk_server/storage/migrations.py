"""Ordered, named schema migrations, each applied once in its own transaction.

Applied migrations are recorded in `schema_migrations`; a migration is never
edited once released, only followed by a new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable

import sqlite_utils

from relaydesk_server.storage.codec import ts_to_db


@dataclasses.dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite_utils.Database], None]


def _initial(db: sqlite_utils.Database) -> None:
    db.create_table(
        "api_keys",
        {
            "id": str,
            "display_name": str,
            "role": str,
            "secret_hash": str,
            "create_time": str,
            "update_time": str,
        },
        pk="id",
        not_null={"display_name", "role", "secret_hash", "create_time", "update_time"},
    )
    db.table("api_keys").create_index(["secret_hash"], unique=True)

    db.create_table(
        "flows",
        {
            "id": str,
            "display_name": str,
            "channel_type": str,
            "contact_identity": str,
            "enabled": int,
            "long_lived": int,
            "janitor_enabled": int,
            "session_ttl_us": int,
            "integration": str,  # JSON: {"kind": "task"|"bot"|"webhook", ...}
            "webhook_secret": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "display_name",
            "channel_type",
            "contact_identity",
            "enabled",
            "long_lived",
            "janitor_enabled",
            "session_ttl_us",
            "integration",
            "create_time",
            "update_time",
            "revision",
        },
    )
    # The database itself guarantees one enabled flow per address, whatever
    # the code above it does under concurrency.
    db.execute(
        "CREATE UNIQUE INDEX flows_one_enabled_per_address "
        "ON flows (channel_type, contact_identity) WHERE enabled = 1"
    )
    db.table("flows").create_index(["channel_type", "contact_identity"])

    # Responses of mutating calls by (caller, request_id), kept 24 h so a retry
    # returns the first response instead of acting twice.
    db.create_table(
        "request_log",
        {
            "scope": str,
            "request_id": str,
            "fingerprint": str,
            "response": bytes,
            "create_time": str,
        },
        pk=("scope", "request_id"),
        not_null={"fingerprint", "response", "create_time"},
    )
    db.table("request_log").create_index(["create_time"])


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _initial),
]


def apply_migrations(conn: sqlite3.Connection, now: dt.datetime) -> list[str]:
    """Applies the migrations not yet recorded; returns the names applied."""
    db = sqlite_utils.Database(conn)
    if "schema_migrations" not in db.table_names():
        db.create_table("schema_migrations", {"name": str, "applied_time": str}, pk="name")
    applied = {row["name"] for row in db.table("schema_migrations").rows}
    newly_applied = []
    for migration in MIGRATIONS:
        if migration.name in applied:
            continue
        with db.atomic():
            migration.apply(db)
            db.table("schema_migrations").insert(
                {"name": migration.name, "applied_time": ts_to_db(now)}
            )
        newly_applied.append(migration.name)
    return newly_applied
