"""A throwaway PostgreSQL cluster for the tests: the machine's own server binaries, initdb
into a temporary directory, listening on 127.0.0.1 only (a free port, its socket in that
directory too), one fresh database per test, stopped and removed at the end.

initdb and postgres refuse to run as root: when the tests do, the cluster's directory
belongs to the `postgres` user and the server programs run as that user (runuser).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

SUPERUSER = "relaydesk_test"
SERVER_SETTINGS = ("max_connections=400", "shared_buffers=64MB")
# Durability is not what the tests check: a cluster that never fsyncs runs them faster.
# The benchmarks keep PostgreSQL's defaults, durable as SQLite is there.
NOT_DURABLE = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server programs on this machine."""


def find_bin_dir() -> Path:
    """The directory of initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/N/bin
    (the newest)."""
    on_path = shutil.which("initdb")
    if on_path is not None and shutil.which("pg_ctl") is not None:
        return Path(on_path).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if candidates:
        return Path(candidates[-1]).parent
    raise PostgresUnavailable("no initdb on PATH nor in /usr/lib/postgresql/*/bin")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """One initdb'd cluster; `start()`, then `new_database()` per test, then `stop()`."""

    def __init__(self, *, durable: bool = False) -> None:
        self.settings = SERVER_SETTINGS if durable else (*SERVER_SETTINGS, *NOT_DURABLE)
        self.bin_dir = find_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="relaydesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        self._names = itertools.count(1)
        self._running = False

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        if self._as_postgres:
            record = pwd.getpwnam("postgres")
            os.chown(self.root, record.pw_uid, record.pw_gid)
        self.root.chmod(0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-c port={self.port}",
                f"-c unix_socket_directories={self.root}",
                *(f"-c {setting}" for setting in self.settings),
            ]
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self._running = True

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, template: str | None = None) -> str:
        """Creates an empty database (or a copy of `template`) and returns its URL."""
        name = f"test_{next(self._names)}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(statement)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        if self._running:
            with contextlib.suppress(subprocess.SubprocessError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)
