"""One set of repositories and one migration history for SQLite and PostgreSQL.

The design, in five parts:

1. The repositories speak SQL through `Db`, a small connection of our own: `execute`,
   `query`, `first`, and the few table verbs every repository needs (`insert`, `update`,
   `delete`, `upsert`, `count_where`), never a driver or sqlite-utils directly. Their SQL
   is the subset both engines read alike: `?` placeholders (or `:name`), `ON CONFLICT …
   DO UPDATE`, `||`, `coalesce`, partial indexes, `LIMIT ?`. On SQLite a statement goes
   to the driver as written; on PostgreSQL it is translated once (and cached) to psycopg's
   `%s`/`%(name)s`.

2. What the two engines spell differently is a hook of the `Dialect`, one small class per
   engine (as in synapse's storage engines): reading a JSON text field
   (`json_text`), the elements of a JSON array (`json_elements`), a JSON object built by
   aggregation (`json_object_agg`), the type of each column kind, the event log's head,
   whether a table exists, the lock that serialises migrations across processes, and the
   driver's error classes. Values keep one encoding on both (storage/codec.py):
   timestamps as fixed-width UTC text that sorts as it compares (PostgreSQL columns are
   `COLLATE "C"`, so text sorts by bytes as in SQLite), booleans as 0/1 integers, JSON
   as text, bytes as BLOB/BYTEA, durations as integer microseconds (BIGINT).

3. Every table keeps SQLite's implicit `rowid` for stable keyset pagination and
   insertion order: on PostgreSQL it is a real column, `rowid BIGINT GENERATED ALWAYS AS
   IDENTITY UNIQUE`, so `ORDER BY rowid` and `rowid > ?` read the same on both. An
   integer key SQLite numbers itself (`INTEGER PRIMARY KEY`) is an identity key there.

4. Migrations (storage/migrations.py) are intentions, not engine calls: each is a list
   of steps — `CreateTable`, `CreateIndex`, `AddColumn`, a `Sql` statement in the common
   subset (with a PostgreSQL spelling where it must differ), or a `Seed` of rows written
   through `Db`. Each dialect renders them; SQLite's rendering is exactly the DDL
   sqlite-utils used to write, so databases made before and after read the same. Each
   migration runs in one transaction, recorded in `schema_migrations`; on PostgreSQL the
   whole run holds an advisory lock, so servers starting together migrate once.

5. Several servers may share one PostgreSQL (API §15). Each writing transaction first
   locks the one row that holds the event log's head (`claim_log`) and updates it last
   (`release_log`): sequences are therefore taken in commit order, with no gap, whichever
   server commits, and the row's `generation` tells a server whether anyone else wrote
   since its own last transaction (its caches are then re-read before it writes). The
   same transaction sends a NOTIFY naming what changed, which the other servers LISTEN
   for (storage/postgres/engine.py) to feed their subscribers and wake their workers.

The store (storage/store.py) is the same for both engines: one writer connection in a
thread that groups writes into one transaction (a savepoint each, one COMMIT per batch),
and readers that each see one snapshot. An `Engine` supplies the connections.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol

ColumnKind = Literal["text", "integer", "blob"]
Params = Sequence[Any] | Mapping[str, Any]


class Cursor(Protocol):
    """What repositories use of a driver's cursor (sqlite3's and psycopg's both fit)."""

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Dialect:
    """How one engine spells what the common subset cannot say. Subclassed per engine."""

    name = "sql"
    # The driver's base error class(es): a failing batch is rolled back on these.
    errors: tuple[type[Exception], ...] = ()

    def translate(self, sql: str) -> str:
        """`sql` with its placeholders as the driver wants them."""
        return sql

    # -- expressions -------------------------------------------------------------

    def json_text(self, expression: str, path: Sequence[str]) -> str:
        """The text (or number) at `path` of the JSON in `expression`, NULL when absent."""
        raise NotImplementedError

    def json_elements(self, expression: str, key: str, alias: str) -> str:
        """A FROM item: one row per element of the array under `key` of the JSON in
        `expression`, the element in column `value` of `alias`."""
        raise NotImplementedError

    def json_object_agg(self, key: str, value: str) -> str:
        """An aggregate building a JSON object as text (NULL or '{}' over no rows)."""
        raise NotImplementedError

    # -- schema ------------------------------------------------------------------

    def column_type(self, kind: ColumnKind) -> str:
        raise NotImplementedError

    def render(self, step: Step) -> list[str]:
        """The statements of a migration step (not Seed, which runs itself)."""
        raise NotImplementedError

    def table_exists(self, db: Db, table: str) -> bool:
        raise NotImplementedError

    @contextlib.contextmanager
    def migration_lock(self, db: Db) -> Iterator[None]:
        """Held around a whole migration run: one process migrates at a time."""
        yield

    # -- the event log -----------------------------------------------------------

    def last_event_sequence(self, db: Db) -> int:
        """The largest event sequence ever used, even when compaction emptied the log."""
        raise NotImplementedError

    def events_compacted(self, db: Db, through: int) -> None:
        """Told that compaction removed the events up to `through` (same transaction)."""

    # -- the writer's batches -----------------------------------------------------

    def next_savepoint(self, db: Db, *, first: bool) -> None:
        """Opens the savepoint `job` of the next write of a batch, releasing the previous
        write's (`first`: there is none)."""
        if not first:
            db.conn.execute("RELEASE job")
        db.conn.execute("SAVEPOINT job")

    # -- several servers on one database -------------------------------------------

    def claim_log(self, db: Db) -> LogClaim | None:
        """Called first in every writing transaction. Where other servers may write to
        the same database, locks the event log's head until the commit and returns it;
        None where this server is the only writer (it numbers events by itself)."""
        return None

    def release_log(
        self, db: Db, claim: LogClaim, last_sequence: int, routing_changed: bool, news: str
    ) -> None:
        """Called last in a writing transaction that claimed the log: records its last
        sequence (and that it changed routing's rows), and tells the other servers, once
        it commits, `news` (what changed)."""


# Told what another server's transaction changed: names of EVERYTHING.
Heard = Callable[[frozenset[str]], None]
# Told what another server passed on (Engine.pass_on).
Passed = Callable[[str], None]

# What a writing transaction's notice to the other servers may name: the tables the
# store watches (Store.on_changed) and "events". All of them, when a server cannot know.
EVERYTHING = frozenset(
    {"events", "timers", "deliveries", "webhooks", "bot_calls", "api_keys", "signing_keys"}
)


@dataclasses.dataclass(frozen=True)
class LogClaim:
    """The event log's head as a writing transaction locked it: the last sequence any
    server committed, how many writing transactions committed before, and how many of
    them changed routing's rows."""

    last_sequence: int
    generation: int
    routing_version: int


class Db:
    """A connection as the repositories see it: SQL in the common subset, rows as dicts."""

    def __init__(self, conn: Any, dialect: Dialect) -> None:
        self.conn = conn
        self.dialect = dialect
        self._translate = dialect.translate

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        cursor: Cursor = self.conn.execute(self._translate(sql), params)
        return cursor

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def first(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        cursor = self.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip((column[0] for column in cursor.description), row, strict=True))

    def insert(self, table: str, row: Mapping[str, Any]) -> None:
        self.execute(_insert_sql(table, tuple(row)), tuple(row.values()))

    def upsert(self, table: str, row: Mapping[str, Any], pk: str | tuple[str, ...]) -> None:
        """Inserts `row`, or updates the row with its key (keeping that row's rowid)."""
        keys = (pk,) if isinstance(pk, str) else pk
        self.execute(_upsert_sql(table, tuple(row), keys), tuple(row.values()))

    def update(self, table: str, key: Any, row: Mapping[str, Any], pk: str = "id") -> None:
        self.execute(_update_sql(table, tuple(row), pk), (*row.values(), key))

    def delete(self, table: str, key: Any, pk: str = "id") -> None:
        self.execute(f"DELETE FROM {table} WHERE {pk} = ?", (key,))

    def count_where(self, table: str, where: str, params: Params) -> int:
        row = self.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()
        return int(row[0])


@functools.lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


@functools.lru_cache(maxsize=256)
def _upsert_sql(table: str, columns: tuple[str, ...], keys: tuple[str, ...]) -> str:
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    conflict = f"ON CONFLICT ({', '.join(keys)}) DO "
    conflict += f"UPDATE SET {updates}" if updates else "NOTHING"
    return f"{_insert_sql(table, columns)} {conflict}"


@functools.lru_cache(maxsize=256)
def _update_sql(table: str, columns: tuple[str, ...], pk: str) -> str:
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {pk} = ?"


# -- migration steps ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    not_null: bool = False
    # The table whose `id` this column refers to; `cascade`: its rows go with that row.
    references: str | None = None
    cascade: bool = False


@dataclasses.dataclass(frozen=True)
class CreateTable:
    name: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class CreateIndex:
    table: str
    columns: tuple[str, ...]
    unique: bool = False
    # Named `idx_<table>_<columns>` unless named here.
    name: str | None = None
    where: str | None = None

    @property
    def index_name(self) -> str:
        return self.name or f"idx_{self.table}_{'_'.join(self.columns)}"


@dataclasses.dataclass(frozen=True)
class AddColumn:
    table: str
    column: Column
    default: str | None = None
    # SQLite keeps the statement's text in its schema: quoted as sqlite-utils wrote it,
    # or bare as the hand-written ALTERs were.
    quoted: bool = True


@dataclasses.dataclass(frozen=True)
class Sql:
    """A statement as written, in the common subset unless `postgres` spells it there;
    `sqlite` None: nothing to do on SQLite."""

    sqlite: str | None
    postgres: str | None = None


@dataclasses.dataclass(frozen=True)
class Seed:
    """Rows a migration writes, through `Db` (so alike on both engines)."""

    write: Callable[[Db, dt.datetime], None]


Step = CreateTable | CreateIndex | AddColumn | Sql | Seed


def columns(
    spec: Mapping[str, ColumnKind],
    not_null: Sequence[str] = (),
    references: Mapping[str, tuple[str, bool]] | None = None,
) -> tuple[Column, ...]:
    """Columns in order from {name: kind}, the NOT NULL ones, and {name: (table, cascade)}."""
    refs = references or {}
    return tuple(
        Column(
            name,
            kind,
            name in not_null,
            refs[name][0] if name in refs else None,
            refs[name][1] if name in refs else False,
        )
        for name, kind in spec.items()
    )
