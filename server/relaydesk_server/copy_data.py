"""`relaydesk copy-data --from sqlite:///… --to postgresql://…`: moves an installation
onto PostgreSQL, where several servers can share it (storage/copy.py does the copy)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from relaydesk_server.arguments import is_postgres, is_sqlite, sqlite_path
from relaydesk_server.storage.copy import CopyError, copy_sqlite_to_postgres


def run(args: argparse.Namespace) -> int:
    source, target = args.source, args.target
    if not is_sqlite(source):
        print("error: --from must be a SQLite database: sqlite:///PATH", file=sys.stderr)
        return 2
    if not is_postgres(target):
        print("error: --to must be a PostgreSQL database: postgresql://…", file=sys.stderr)
        return 2
    path = sqlite_path(source)
    try:
        result = copy_sqlite_to_postgres(path, target, dt.datetime.now(dt.UTC))
    except CopyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for table, count in result.rows.items():
        print(f"{table}: {count} rows")
    print(
        f"copied {sum(result.rows.values())} rows from {path}; the event log goes on after "
        f"sequence {result.last_sequence}"
    )
    return 0


def add_verb(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `copy-data` to the `relaydesk` command's subparsers."""
    verb = verbs.add_parser(
        "copy-data",
        help="copy an installation from SQLite to a new PostgreSQL database",
        description="Copies every row of a SQLite installation (events and their sequences, "
        "keys, timers and outboxes included) into an empty PostgreSQL database, in one "
        "transaction. Stop the server on the source first, or what it writes meanwhile "
        "is not copied. The target must hold no installation yet.",
    )
    verb.add_argument("--from", dest="source", required=True, metavar="URL", help="sqlite:///PATH")
    verb.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="postgresql://USER:PASSWORD@HOST:PORT/DATABASE",
    )
    verb.set_defaults(run=run, usage_error=verb.error)
