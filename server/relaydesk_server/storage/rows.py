"""Reading single rows, shared by every repository."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from relaydesk_server.storage.sql import Db

T = TypeVar("T")


def first_row(db: Db, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    return db.first(sql, params)


def fetch_one(
    db: Db,
    sql: str,
    params: Sequence[Any],
    to_domain: Callable[[dict[str, Any]], T],
) -> T | None:
    """The row `sql` selects, as a domain value, or None when there is none."""
    row = first_row(db, sql, params)
    return None if row is None else to_domain(row)
