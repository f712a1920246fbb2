"""Reading single rows, shared by every repository."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlite_utils

T = TypeVar("T")


def first_row(db: sqlite_utils.Database, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    # Straight to the connection: sqlite-utils' query() wraps every statement in
    # a savepoint of its own, which is three statements where one will do.
    cursor = db.conn.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip((column[0] for column in cursor.description), row, strict=True))


def fetch_one(
    db: sqlite_utils.Database,
    sql: str,
    params: Sequence[Any],
    to_domain: Callable[[dict[str, Any]], T],
) -> T | None:
    """The row `sql` selects, as a domain value, or None when there is none."""
    row = first_row(db, sql, params)
    return None if row is None else to_domain(row)
