"""`relaydesk backup DEST`: a consistent copy of a live SQLite database.

SQLite's online backup API copies the database in one step, inside one read
transaction: the copy is the database as of one commit, while the server
keeps writing (in WAL mode a reader never blocks the writer). The copy is
written to a temporary file next to DEST (owner-only, 0600), checked, made
durable, and only then moved into place, so DEST is never a partial file.

To restore: stop the server, replace `relaydesk.db` in its data directory
with the backup, remove the old `relaydesk.db-wal` and `relaydesk.db-shm`,
and start it.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import secrets
import sqlite3
import sys
from pathlib import Path

from relaydesk_server.storage.connection import BUSY_TIMEOUT_MS, PRIVATE_FILE_MODE

DB_FILE = "relaydesk.db"  # as the server names it in its data directory


class BackupError(Exception):
    """The backup could not be made; DEST is left as it was."""


@dataclasses.dataclass(frozen=True)
class BackupResult:
    source: Path
    dest: Path
    size: int  # bytes


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: Path, target: Path) -> None:
    """Copies `source` into the empty database file `target` as one snapshot, and checks it."""
    src = sqlite3.connect(source, isolation_level=None)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        src.execute("PRAGMA query_only = ON")
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            # pages=-1: every page in one step, so one read transaction sees one commit.
            # (Copied in several steps, a write in between would restart the copy.)
            src.backup(dst, pages=-1)
            # The copy is one self-contained file: no -wal until a server opens it.
            dst.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in dst.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise BackupError(f"the copy does not check out: {'; '.join(problems[:5])}")
        finally:
            dst.close()
    finally:
        src.close()


def backup_database(source: Path, dest: Path, *, force: bool = False) -> BackupResult:
    """Writes a consistent copy of the SQLite database `source` to `dest` (mode 0600).

    An existing `dest` is replaced only when `force`; raises BackupError otherwise,
    and on any failure (leaving `dest` as it was).
    """
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    if dest.is_dir():
        raise BackupError(f"{dest} is a directory; name the backup file")
    if dest.exists():
        if not force:
            raise BackupError(f"{dest} exists; --force replaces it")
        if dest.resolve() == source.resolve():
            raise BackupError(f"{dest} is the database itself")
    directory = dest.parent
    if not directory.is_dir():
        raise BackupError(f"no directory {directory} to write {dest.name} in")
    temporary = directory / f".{dest.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        # The umask may have taken bits away; SQLite gives -journal files this mode too.
        os.fchmod(fd, PRIVATE_FILE_MODE)
        os.close(fd)
        _copy(source, temporary)
        fd = os.open(temporary, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        size = temporary.stat().st_size
        _install(temporary, dest, force=force)
        _fsync_directory(directory)
    except sqlite3.Error as error:
        raise BackupError(f"cannot copy {source}: {error}") from error
    except OSError as error:
        raise BackupError(f"cannot write {dest}: {error.strerror or error}") from error
    finally:
        _remove(temporary)
    return BackupResult(source, dest, size)


def _install(temporary: Path, dest: Path, *, force: bool) -> None:
    """Moves the finished copy to `dest`; without `force`, never over an existing file."""
    if force:
        os.replace(temporary, dest)
        return
    try:
        os.link(temporary, dest)  # fails, atomically, if dest appeared meanwhile
    except FileExistsError:
        raise BackupError(f"{dest} exists; --force replaces it") from None
    except OSError:  # a file system without hard links
        if dest.exists():
            raise BackupError(f"{dest} exists; --force replaces it") from None
        os.replace(temporary, dest)


def run(args: argparse.Namespace) -> int:
    source = args.data_dir / DB_FILE
    try:
        result = backup_database(source, args.dest, force=args.force)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"backed up {result.source} to {result.dest} ({result.size} bytes)")
    return 0


def add_verb(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `backup` to the `relaydesk` command's subparsers."""
    backup = verbs.add_parser(
        "backup",
        help="write a consistent copy of a live database",
        description="Copies DIR/relaydesk.db to DEST (mode 0600) as one consistent snapshot, "
        "safely while the server runs. To restore: stop the server, replace relaydesk.db with "
        "the copy, remove relaydesk.db-wal and relaydesk.db-shm, and start it.",
    )
    backup.add_argument("dest", type=Path, metavar="DEST", help="the backup file to write")
    backup.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("RELAYDESK_DATA_DIR", "./data")),
        help="the server's data directory (env RELAYDESK_DATA_DIR; default %(default)s)",
    )
    backup.add_argument("--force", action="store_true", help="replace DEST if it exists")
    backup.set_defaults(run=run, usage_error=backup.error)
