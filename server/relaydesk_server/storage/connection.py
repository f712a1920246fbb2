"""Opening SQLite connections with the pragmas relaydesk relies on."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
# The database and its -wal and -shm companions: read and write for their owner only.
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path) -> None:
    """Creates the database file if it is missing, owner-only (0600), and makes an existing
    one and its -wal and -shm companions 0600.

    SQLite creates -wal and -shm with the database file's mode, so from then on they
    are owner-only too, whatever the process umask.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE_MODE:
            os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            companion = Path(f"{path}{suffix}")
            if stat.S_IMODE(companion.stat().st_mode) != PRIVATE_FILE_MODE:
                companion.chmod(PRIVATE_FILE_MODE)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if not read_only:
        make_private(path)
    # isolation_level=None: transactions are begun and ended explicitly by the
    # store, never implicitly by the sqlite3 module.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk (WAL fsynced) before any caller is told it happened.
        conn.execute("PRAGMA synchronous = FULL")
    return conn
