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
