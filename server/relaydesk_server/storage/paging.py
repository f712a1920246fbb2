"""Keyset pagination: stable under concurrent inserts and deletes.

A page starts strictly after a position (a rowid, or an ordered column such as
a message index), so nothing is listed twice and nothing that stays is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.storage.sql import Db

T = TypeVar("T")


def page_query(
    db: Db,
    table: str,
    where: Sequence[str],
    params: Sequence[Any],
    page: PageRequest,
    to_domain: Callable[[dict[str, Any]], T],
    *,
    position: str = "rowid",
    descending: bool = False,
) -> Page[T]:
    clauses = list(where)
    args = list(params)
    if page.after is not None:
        clauses.append(f"{position} {'<' if descending else '>'} ?")
        args.append(page.after)
    # (A subquery in FROM needs a name on PostgreSQL.)
    source = f"{table} AS page" if table.startswith("(") else table
    sql = f"SELECT {position} AS _pos, * FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {position} {'DESC' if descending else 'ASC'} LIMIT ?"
    # One row more than asked tells whether another page follows.
    args.append(page.size + 1)
    rows = db.query(sql, args)
    more = len(rows) > page.size
    rows = rows[: page.size]
    return Page(
        items=[to_domain(row) for row in rows],
        next_after=rows[-1]["_pos"] if more else None,
    )
