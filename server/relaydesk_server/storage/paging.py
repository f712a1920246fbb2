"""Keyset pagination over rowid: stable under concurrent inserts and deletes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlite_utils

from relaydesk_server.domain.common import Page, PageRequest

T = TypeVar("T")


def page_query(
    db: sqlite_utils.Database,
    table: str,
    where: Sequence[str],
    params: Sequence[Any],
    page: PageRequest,
    to_domain: Callable[[dict[str, Any]], T],
) -> Page[T]:
    clauses = list(where)
    args = list(params)
    if page.after is not None:
        clauses.append("rowid > ?")
        args.append(page.after)
    sql = f"SELECT rowid AS _pos, * FROM {table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY rowid LIMIT ?"
    # One row more than asked tells whether another page follows.
    args.append(page.size + 1)
    rows = list(db.query(sql, args))
    more = len(rows) > page.size
    rows = rows[: page.size]
    return Page(
        items=[to_domain(row) for row in rows],
        next_after=rows[-1]["_pos"] if more else None,
    )
