"""The PostgreSQL engine of the store: one writer connection, readers from a pool."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import psycopg.conninfo
import psycopg_pool

from relaydesk_server.storage.postgres.dialect import COMMITS_CHANNEL, PASSING_CHANNEL, POSTGRES
from relaydesk_server.storage.sql import EVERYTHING, Dialect, Heard, Passed

log = logging.getLogger(__name__)

# What a poll reports: events, which a server also reads on its own account.
POLLED = frozenset({"events"})

# PostgreSQL 13 is the oldest this schema and its SQL are written for (API §15).
MIN_SERVER_VERSION = 130000


class UnsupportedDatabase(OSError):
    """The PostgreSQL server is too old, or cannot be reached."""


# A server that vanishes in the middle of a transaction (its machine gone, no connection
# reset) would hold the event log's head, and so every server's writes, until TCP gave
# up on it: PostgreSQL ends a transaction left idle this long (milliseconds) instead. Our
# transactions never wait between statements for anything but the writer's own work.
_SESSION_OPTIONS = "-c idle_in_transaction_session_timeout=5000"
# A writer reconnecting to a database that is down fails its batch this soon, not after
# the operating system gives up on the connection.
CONNECT_TIMEOUT_S = 5


def _connect(url: str) -> psycopg.Connection[Any]:
    # Autocommit: transactions are begun and ended explicitly by the store, as on SQLite.
    return psycopg.connect(
        url,
        autocommit=True,
        application_name="relaydesk",
        options=_SESSION_OPTIONS,
        connect_timeout=CONNECT_TIMEOUT_S,
    )


def connect_checked(url: str) -> psycopg.Connection[Any]:
    """An autocommit connection to a PostgreSQL relaydesk can use (UnsupportedDatabase:
    unreachable, or too old)."""
    try:
        conn = _connect(url)
    except psycopg.Error as error:
        raise UnsupportedDatabase(f"cannot connect to PostgreSQL: {error}") from error
    if conn.info.server_version < MIN_SERVER_VERSION:
        version = conn.info.server_version
        conn.close()
        raise UnsupportedDatabase(
            f"PostgreSQL {version // 10000} is too old: relaydesk needs 13 or later"
        )
    return conn


class PostgresEngine:
    """PostgreSQL at `url` (`postgresql://user:password@host:port/database`)."""

    dialect: Dialect = POSTGRES
    begin_write = "BEGIN"
    # One snapshot per read, like SQLite's read transaction in WAL mode.
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def __init__(self, url: str, *, readers: int = 4, poll_interval: float = 1.0) -> None:
        self.url = url
        self._readers = readers
        self.poll_interval = poll_interval
        self._pool: psycopg_pool.ConnectionPool[psycopg.Connection[Any]] | None = None

    def describe(self) -> str:
        params = psycopg.conninfo.conninfo_to_dict(self.url)
        params.pop("password", None)
        return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})

    def connect_writer(self) -> psycopg.Connection[Any]:
        conn = connect_checked(self.url)
        if self._pool is not None:
            return conn  # a new writer connection, after the last was lost
        self._pool = psycopg_pool.ConnectionPool(
            self.url,
            min_size=1,
            max_size=self._readers,
            kwargs={
                "autocommit": True,
                "application_name": "relaydesk",
                "options": _SESSION_OPTIONS,
            },
            name="relaydesk-readers",
            # A connection lent out is checked first: after PostgreSQL restarted, reads
            # go on with new connections instead of failing on the old ones.
            check=psycopg_pool.ConnectionPool.check_connection,
            open=True,
        )
        return conn

    def in_transaction(self, conn: Any) -> bool:
        status = conn.info.transaction_status
        return bool(status != psycopg.pq.TransactionStatus.IDLE)

    def is_lost(self, conn: Any) -> bool:
        return bool(conn.broken or conn.closed)

    @contextmanager
    def reader(self) -> Iterator[Any]:
        assert self._pool is not None, "the store is not open"
        with self._pool.connection() as conn:
            yield conn

    shared = True

    async def watch_commits(
        self,
        instance: str,
        heard: Heard,
        passed: Passed,
    ) -> None:
        """LISTENs on its own connection for the other servers' notices and hands each on
        as it arrives; whenever the connection was (re)made it reports EVERYTHING, and
        every `poll_interval` seconds "events"."""
        retry = 0.5
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True, application_name="relaydesk-listen"
                )
            except psycopg.Error as error:
                log.warning(
                    "cannot listen for other servers' commits; retrying",
                    extra={"error": str(error), "retry_seconds": retry},
                )
                await asyncio.sleep(retry)
                retry = min(retry * 2, 10.0)
                continue
            retry = 0.5
            try:
                async with conn:
                    await conn.execute(f"LISTEN {COMMITS_CHANNEL}")
                    await conn.execute(f"LISTEN {PASSING_CHANNEL}")
                    # While connected, PostgreSQL delivers every notice: what was missed
                    # can only be from before (re)connecting. The polls are for events
                    # alone, a safety net that costs one read.
                    news = EVERYTHING
                    while True:
                        heard(news)
                        news = POLLED
                        async for notice in conn.notifies(timeout=self.poll_interval):
                            sender, _, text = notice.payload.partition(" ")
                            if sender == instance:
                                continue
                            if notice.channel == COMMITS_CHANNEL:
                                heard(frozenset(text.split()))
                            else:
                                passed(text)
            except psycopg.Error as error:
                log.warning(
                    "lost the connection listening for commits", extra={"error": str(error)}
                )

    def pass_on(self, instance: str, text: str) -> None:
        """Hands `text` to the other servers' `passed` (watch_commits), at once."""
        with self.reader() as conn:
            conn.execute("SELECT pg_notify(%s, %s)", (PASSING_CHANNEL, f"{instance} {text}"))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
