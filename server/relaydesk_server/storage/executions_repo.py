"""Bot executions and their pending HTTP requests, in SQLite."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.bots_model import (
    Execution,
    ExecutionFilter,
    ExecutionStatus,
    ExecutionStep,
    HttpCall,
)
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.storage.bots_repo import definition_from_json, definition_to_json
from relaydesk_server.storage.codec import json_from_db, json_to_db, ts_from_db, ts_to_db
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _steps_to_db(steps: tuple[ExecutionStep, ...]) -> str:
    return json.dumps(
        [[s.state, ts_to_db(s.enter_time), s.outcome] for s in steps], separators=(",", ":")
    )


def _steps_from_db(text: str) -> tuple[ExecutionStep, ...]:
    return tuple(
        ExecutionStep(state, ts_from_db(enter), outcome)
        for state, enter, outcome in json.loads(text)
    )


def _from_row(row: dict[str, Any]) -> Execution:
    return Execution(
        id=row["id"],
        bot_id=row["bot_id"],
        channel_id=row["channel_id"],
        status=ExecutionStatus(row["status"]),
        current_state=row["current_state"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        variables=json_from_db(row["variables"]),
        steps=_steps_from_db(row["steps"]),
        reason=row["reason"],
        definition=definition_from_json(row["definition"]),
        trigger=json_from_db(row["trigger"]),
        outputs=json_from_db(row["outputs"]),
        after_task=row["after_task"],
        revision=row["revision"],
    )


def _to_row(execution: Execution) -> dict[str, Any]:
    assert execution.definition is not None  # every stored execution keeps its definition
    return {
        "id": execution.id,
        "bot_id": execution.bot_id,
        "channel_id": execution.channel_id,
        "status": execution.status.value,
        "current_state": execution.current_state,
        "create_time": ts_to_db(execution.create_time),
        "update_time": ts_to_db(execution.update_time),
        "variables": json_to_db(execution.variables),
        "steps": _steps_to_db(execution.steps),
        "reason": execution.reason,
        "definition": definition_to_json(execution.definition),
        "trigger": json_to_db(execution.trigger),
        "outputs": json_to_db(execution.outputs),
        "after_task": execution.after_task,
        "revision": execution.revision,
    }


class SqlExecutionRepository:
    def __init__(self, db: Db) -> None:
        self._db = db
        # Whether this unit of work queued an HTTP call, so the caller looks again.
        self.changed = False

    def get(self, execution_id: str) -> Execution | None:
        return fetch_one(
            self._db, "SELECT * FROM executions WHERE id = ?", [execution_id], _from_row
        )

    def active_of_channel(self, channel_id: str) -> Execution | None:
        return fetch_one(
            self._db,
            "SELECT * FROM executions WHERE channel_id = ? AND status = 'ACTIVE'",
            [channel_id],
            _from_row,
        )

    def list(self, execution_filter: ExecutionFilter, page: PageRequest) -> Page[Execution]:
        where: list[str] = []
        params: list[Any] = []
        for column, value in (
            ("bot_id", execution_filter.bot_id),
            ("channel_id", execution_filter.channel_id),
            ("status", execution_filter.status.value if execution_filter.status else None),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        return page_query(self._db, "executions", where, params, page, _from_row)

    def insert(self, execution: Execution) -> None:
        self._db.insert("executions", _to_row(execution))

    def update(self, execution: Execution) -> None:
        self._db.update("executions", execution.id, _to_row(execution))

    def active_of_bot(self, bot_id: str) -> Execution | None:
        return fetch_one(
            self._db,
            "SELECT * FROM executions WHERE bot_id = ? AND status = 'ACTIVE' LIMIT 1",
            [bot_id],
            _from_row,
        )

    def delete_of_bot(self, bot_id: str) -> None:
        self._db.execute("DELETE FROM executions WHERE bot_id = ?", [bot_id])

    # -- the HTTP calls steps wait for -------------------------------------

    def queue_call(self, call: HttpCall) -> None:
        self._db.upsert(
            "bot_http_calls", {**dataclasses.asdict(call), "hold_until": None}, pk="execution_id"
        )
        self.changed = True

    def claim_calls(self, now: dt.datetime, until: dt.datetime, limit: int) -> Sequence[HttpCall]:
        rows = self._db.query(
            "SELECT execution_id, state, method, url, body FROM bot_http_calls "
            "WHERE hold_until IS NULL OR hold_until <= ? ORDER BY rowid LIMIT ?",
            [ts_to_db(now), limit],
        )
        self.hold_calls([row["execution_id"] for row in rows], until)
        return [HttpCall(**row) for row in rows]

    def any_unheld_call(self, now: dt.datetime) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM bot_http_calls WHERE hold_until IS NULL OR hold_until <= ? LIMIT 1",
            [ts_to_db(now)],
        ).fetchone()
        return row is not None

    def hold_calls(self, execution_ids: Sequence[str], until: dt.datetime | None) -> None:
        for execution_id in execution_ids:
            self._db.execute(
                "UPDATE bot_http_calls SET hold_until = ? WHERE execution_id = ?",
                [None if until is None else ts_to_db(until), execution_id],
            )

    def next_hold_end(self) -> dt.datetime | None:
        row = self._db.execute("SELECT min(hold_until) FROM bot_http_calls").fetchone()
        return None if row is None or row[0] is None else ts_from_db(row[0])

    def drop_call(self, execution_id: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM bot_http_calls WHERE execution_id = ?", [execution_id]
        )
        return cursor.rowcount > 0
