"""What every verb of the `relaydesk` command shares when it reads its arguments:
environment defaults, files named by flags, and usage errors."""

from __future__ import annotations

import os
from pathlib import Path


class UsageError(Exception):
    """A bad command line or environment: exit 2 with the message, never a traceback."""


def env(flag: str, default: str) -> str:
    """The value of `--flag`'s environment variable `RELAYDESK_FLAG`, else `default`."""
    return os.environ.get("RELAYDESK_" + flag.upper().replace("-", "_"), default)


def read_file(flag: str, path: Path) -> bytes:
    """The contents of the file `flag` names; a usage error naming both when unreadable."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{flag} {path}: cannot read it: {error.strerror or error}") from error


POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def check_database_url(url: str) -> str:
    """`url` when it names a database relaydesk can use; ValueError saying why not."""
    if is_postgres(url) or is_sqlite(url):
        return url
    raise ValueError("expected sqlite:///PATH or postgresql://…")


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def is_sqlite(url: str) -> bool:
    return url.startswith(SQLITE_SCHEME) and len(url) > len(SQLITE_SCHEME)


def sqlite_path(url: str) -> Path:
    """The file a `sqlite:///PATH` URL names: /PATH (`sqlite:////PATH` too, as some
    tools write an absolute path)."""
    return Path("/" + url[len(SQLITE_SCHEME) :].lstrip("/"))
