"""Moving an installation from SQLite to PostgreSQL (`relaydesk copy-data`).

Every table is copied row for row, its keys included: resource ids, the rowids that page
tokens and ordering rest on, event sequences (so clients' cursors stay good), API keys,
signing keys (so access tokens stay good), timers, outboxes and request ids. The source
is read in one snapshot (a server may keep running on it; what it writes afterwards is
not copied); the target is written in one transaction, so a copy that fails leaves it
as empty as it was.

The target must hold no installation yet: a database that is new, or that relaydesk only
migrated (with the activities and signing key it seeds), and nothing else. Both must be at
this version's schema: a source written by an older relaydesk is upgraded by starting the
server on it once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from relaydesk_server.storage.connection import connect
from relaydesk_server.storage.migrations import MIGRATIONS, apply_migrations
from relaydesk_server.storage.postgres.dialect import POSTGRES
from relaydesk_server.storage.postgres.engine import UnsupportedDatabase, connect_checked
from relaydesk_server.storage.sql import Db
from relaydesk_server.storage.sqlite.dialect import SQLITE

# What a migrated, unused database already holds: the migrations' record, the rows they
# seed, and the event log's head.
_BOOKKEEPING = {"schema_migrations", "event_log_head"}
_SEEDED = {"activities", "signing_keys", "server_secrets"}


class CopyError(Exception):
    """The copy was refused or failed; the target holds no more than before."""


@dataclasses.dataclass(frozen=True)
class CopyResult:
    rows: dict[str, int]  # rows copied, by table, in the order they were copied
    last_sequence: int  # the event log's head, the same on both


def copy_sqlite_to_postgres(source: Path, target_url: str, now: dt.datetime) -> CopyResult:
    if not source.is_file():
        raise CopyError(f"{source} does not exist")
    src = connect(source, read_only=True)
    try:
        src.execute("BEGIN")  # one snapshot, however long the copy takes
        tables = _source_tables(src)
        _check_source_schema(src)
        try:
            conn = connect_checked(target_url)
        except UnsupportedDatabase as error:
            raise CopyError(str(error)) from error
        try:
            target = Db(conn, POSTGRES)
            _refuse_an_installation(target, set(tables))
            apply_migrations(target, now)
            return _copy(src, target, tables)
        except psycopg.Error as error:
            raise CopyError(f"cannot write the target: {error}") from error
        except sqlite3.Error as error:
            raise CopyError(f"cannot read {source}: {error}") from error
        finally:
            conn.close()
    finally:
        src.close()


def _source_tables(src: Any) -> list[str]:
    """The source's tables, each after those it refers to."""
    names = [
        row[0]
        for row in src.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        )
    ]
    if "schema_migrations" not in names:
        raise CopyError("the source is not a relaydesk database")
    refers = {
        name: {row[2] for row in src.execute(f'PRAGMA foreign_key_list("{name}")')} - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and refers[n] <= set(ordered)]
        if not ready:
            raise CopyError("the source's tables refer to each other in a cycle")
        ordered += ready
    return [name for name in ordered if name not in _BOOKKEEPING]


def _check_source_schema(src: Any) -> None:
    applied = {row[0] for row in src.execute("SELECT name FROM schema_migrations")}
    known = [migration.name for migration in MIGRATIONS]
    if applied - set(known):
        raise CopyError(
            "the source was written by a newer relaydesk than this one: copy with that version"
        )
    missing = [name for name in known if name not in applied]
    if missing:
        raise CopyError(
            f"the source was written by an older relaydesk (without {missing[0]}): start "
            "this version's server on it once, which upgrades it, then copy"
        )


def _refuse_an_installation(target: Db, tables: set[str]) -> None:
    """CopyError unless the target holds nothing beyond what migrating it writes."""
    if not POSTGRES.table_exists(target, "schema_migrations"):
        return
    for table in sorted(tables - _SEEDED - _BOOKKEEPING):
        if not POSTGRES.table_exists(target, table):
            continue
        if target.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            raise CopyError(f"the target is not empty ({table} has rows): copy into a new database")


def _target_columns(target: Db, table: str) -> dict[str, bool]:
    """The table's columns on the target, and whether each is an identity column."""
    return {
        row["column_name"]: row["is_identity"] == "YES"
        for row in target.query(
            "SELECT column_name, is_identity FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            [table],
        )
    }


def _copy(src: Any, target: Db, tables: list[str]) -> CopyResult:
    target.execute("BEGIN")
    try:
        # Servers already running on the target write only after this commits, and none
        # wrote before it: the check is repeated under the lock they take first.
        POSTGRES.claim_log(target)
        _refuse_an_installation(target, set(tables))
        for table in _SEEDED:
            target.execute(f"DELETE FROM {table}")
        rows = {table: _copy_table(src, target, table) for table in tables}
        last_sequence = SQLITE.last_event_sequence(Db(src, SQLITE))
        oldest = src.execute("SELECT min(sequence) FROM events").fetchone()[0]
        target.execute(
            "UPDATE event_log_head SET last_sequence = ?, compacted_through = ?, "
            "generation = generation + 1, routing_version = routing_version + 1 WHERE id = 1",
            (last_sequence, last_sequence if oldest is None else oldest - 1),
        )
        target.execute("COMMIT")
    except BaseException:
        target.execute("ROLLBACK")
        raise
    return CopyResult(rows, last_sequence)


def _copy_table(src: Any, target: Db, table: str) -> int:
    target_columns = _target_columns(target, table)
    if not target_columns:
        raise CopyError(f"the target has no table {table}")
    columns = [row[1] for row in src.execute(f'PRAGMA table_info("{table}")')]
    if set(columns) != set(target_columns) - {"rowid"}:
        raise CopyError(f"{table} has other columns on the target: it is not this version's")
    # The rowid PostgreSQL keeps as a column, as SQLite had it (tables whose integer key
    # is their rowid have no such column; a table SQLite keeps WITHOUT ROWID is numbered
    # afresh, in its key's order).
    has_rowid = _has_rowid(src, table)
    if "rowid" in target_columns and has_rowid:
        columns = ["rowid", *columns]
    names = ", ".join(columns)
    selected = ", ".join(f'"{c}"' if c != "rowid" else "rowid" for c in columns)
    order = "rowid" if has_rowid else "1"
    count = 0
    with target.conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in _rows(src, f'SELECT {selected} FROM "{table}" ORDER BY {order}'):
            copy.write_row(row)
            count += 1
    copied = target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if copied != count:
        raise CopyError(f"{table}: {count} rows read but {copied} written")
    # Numbering goes on after the copied rows.
    for column, identity in target_columns.items():
        if identity:
            target.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), "
                f"(SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)",
                (table, column),
            )
    return count


def _has_rowid(src: Any, table: str) -> bool:
    row = src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return "WITHOUT ROWID" not in (row[0] or "").upper()


def _rows(src: Any, sql: str) -> Iterator[tuple[Any, ...]]:
    cursor = src.execute(sql)
    while batch := cursor.fetchmany(1000):
        yield from batch
