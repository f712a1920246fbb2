"""The PostgreSQL engine of the store: one writer connection, readers from a pool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import psycopg.conninfo
import psycopg_pool

from relaydesk_server.storage.postgres.dialect import POSTGRES
from relaydesk_server.storage.sql import Dialect

# PostgreSQL 13 is the oldest this schema and its SQL are written for (API §15).
MIN_SERVER_VERSION = 130000


class UnsupportedDatabase(OSError):
    """The PostgreSQL server is too old, or cannot be reached."""


def _connect(url: str) -> psycopg.Connection[Any]:
    # Autocommit: transactions are begun and ended explicitly by the store, as on SQLite.
    return psycopg.connect(url, autocommit=True, application_name="relaydesk")


class PostgresEngine:
    """PostgreSQL at `url` (`postgresql://user:password@host:port/database`)."""

    dialect: Dialect = POSTGRES
    begin_write = "BEGIN"
    # One snapshot per read, like SQLite's read transaction in WAL mode.
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def __init__(self, url: str, *, readers: int = 4) -> None:
        self.url = url
        self._readers = readers
        self._pool: psycopg_pool.ConnectionPool[psycopg.Connection[Any]] | None = None

    def describe(self) -> str:
        params = psycopg.conninfo.conninfo_to_dict(self.url)
        params.pop("password", None)
        return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})

    def connect_writer(self) -> psycopg.Connection[Any]:
        try:
            conn = _connect(self.url)
        except psycopg.Error as error:
            raise UnsupportedDatabase(f"cannot connect to PostgreSQL: {error}") from error
        if conn.info.server_version < MIN_SERVER_VERSION:
            version = conn.info.server_version
            conn.close()
            raise UnsupportedDatabase(
                f"PostgreSQL {version // 10000} is too old: relaydesk needs 13 or later"
            )
        self._pool = psycopg_pool.ConnectionPool(
            self.url,
            min_size=1,
            max_size=self._readers,
            kwargs={"autocommit": True, "application_name": "relaydesk"},
            name="relaydesk-readers",
            open=True,
        )
        return conn

    def in_transaction(self, conn: Any) -> bool:
        status = conn.info.transaction_status
        return bool(status != psycopg.pq.TransactionStatus.IDLE)

    @contextmanager
    def reader(self) -> Iterator[Any]:
        assert self._pool is not None, "the store is not open"
        with self._pool.connection() as conn:
            yield conn

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
