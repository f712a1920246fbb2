"""Bots in SQLite, and the JSON form of a bot definition (kept by executions too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.bots_model import (
    Bot,
    BotDefinition,
    BotSpec,
    BotState,
    EndStep,
    HttpRequestStep,
    SendMessageStep,
    SendToAgentStep,
    SetVariablesStep,
    SplitCase,
    SplitStep,
    Step,
    WaitForReplyStep,
)
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.names import BOT
from relaydesk_server.storage.codec import (
    duration_from_db,
    duration_to_db,
    json_from_db,
    json_to_db,
    ts_from_db,
    ts_to_db,
)
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db


def _step_to_data(step: Step) -> tuple[str, dict[str, Any]]:
    """The step's kind (its proto oneof field) and fields."""
    match step:
        case SendMessageStep():
            return "send_message", {"body": step.body, "next": step.next}
        case WaitForReplyStep():
            return "wait_for_reply", {
                "body": step.body,
                "timeout_us": duration_to_db(step.timeout),
                "save_as": step.save_as,
                "next": step.next,
                "on_timeout": step.on_timeout,
            }
        case SplitStep():
            return "split", {
                "cases": [{"condition": c.condition, "next": c.next} for c in step.cases],
                "default_next": step.default_next,
            }
        case SetVariablesStep():
            return "set_variables", {"values": dict(step.values), "next": step.next}
        case HttpRequestStep():
            return "http_request", {
                "method": step.method,
                "url": step.url,
                "body": step.body,
                "save_as": step.save_as,
                "next": step.next,
                "on_failure": step.on_failure,
            }
        case SendToAgentStep():
            return "send_to_agent", {
                "workflow": step.workflow,
                "task_channel": step.task_channel,
                "priority": step.priority,
                "attributes": dict(step.attributes),
            }
        case EndStep():
            return "end", {"close_channel": step.close_channel}


def _step_from_data(kind: str, data: dict[str, Any]) -> Step:
    if kind == "send_message":
        return SendMessageStep(body=data["body"], next=data["next"])
    if kind == "wait_for_reply":
        return WaitForReplyStep(
            body=data["body"],
            timeout=duration_from_db(data["timeout_us"]),
            save_as=data["save_as"],
            next=data["next"],
            on_timeout=data["on_timeout"],
        )
    if kind == "split":
        return SplitStep(
            cases=tuple(SplitCase(c["condition"], c["next"]) for c in data["cases"]),
            default_next=data["default_next"],
        )
    if kind == "set_variables":
        return SetVariablesStep(values=dict(data["values"]), next=data["next"])
    if kind == "http_request":
        return HttpRequestStep(
            method=data["method"],
            url=data["url"],
            body=data["body"],
            save_as=data["save_as"],
            next=data["next"],
            on_failure=data["on_failure"],
        )
    if kind == "send_to_agent":
        return SendToAgentStep(
            workflow=data["workflow"],
            task_channel=data["task_channel"],
            priority=data["priority"],
            attributes=dict(data["attributes"]),
        )
    if kind == "end":
        return EndStep(close_channel=data["close_channel"])
    raise ValueError(f"unknown bot step kind {kind!r}")


def definition_to_json(definition: BotDefinition) -> str:
    """`{"initial_state": …, "states": [{"name": …, "<step kind>": {fields}}]}`,
    durations in microseconds (`timeout_us`)."""
    states = []
    for state in definition.states:
        kind, data = _step_to_data(state.step)
        states.append({"name": state.name, kind: data})
    return json_to_db({"initial_state": definition.initial_state, "states": states})


def definition_from_json(text: str) -> BotDefinition:
    data = json_from_db(text)
    states = []
    for item in data["states"]:
        name = item.pop("name")
        ((kind, fields),) = item.items()
        states.append(BotState(name=name, step=_step_from_data(kind, fields)))
    return BotDefinition(initial_state=data["initial_state"], states=tuple(states))


def _to_row(bot: Bot) -> dict[str, Any]:
    return {
        "id": bot.id,
        "display_name": bot.spec.display_name,
        "definition": definition_to_json(bot.spec.definition),
        "create_time": ts_to_db(bot.create_time),
        "update_time": ts_to_db(bot.update_time),
        "revision": bot.revision,
    }


def _from_row(row: dict[str, Any]) -> Bot:
    return Bot(
        id=row["id"],
        spec=BotSpec(
            display_name=row["display_name"],
            definition=definition_from_json(row["definition"]),
        ),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlBotRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, bot_id: str) -> Bot | None:
        return fetch_one(self._db, "SELECT * FROM bots WHERE id = ?", [bot_id], _from_row)

    def list(self, page: PageRequest) -> Page[Bot]:
        return page_query(self._db, "bots", [], [], page, _from_row)

    def using_workflow(self, workflow: str) -> Sequence[str]:
        dialect = self._db.dialect
        states = dialect.json_elements("bots.definition", "states", "s")
        target = dialect.json_text("s.value", ["send_to_agent", "workflow"])
        rows = self._db.query(
            f"SELECT id FROM bots WHERE EXISTS (SELECT 1 FROM {states} WHERE {target} = ?) "
            "ORDER BY rowid",
            [workflow],
        )
        return [BOT.name(row["id"]) for row in rows]

    def insert(self, bot: Bot) -> None:
        self._db.insert("bots", _to_row(bot))

    def update(self, bot: Bot) -> None:
        self._db.update("bots", bot.id, _to_row(bot))

    def delete(self, bot_id: str) -> None:
        self._db.delete("bots", bot_id)
