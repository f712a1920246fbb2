"""Flows in SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.flows_model import (
    BotIntegration,
    ChannelType,
    Flow,
    FlowFilter,
    FlowSpec,
    Integration,
    TaskIntegration,
    WebhookIntegration,
)
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


def _integration_to_db(integration: Integration) -> str:
    match integration:
        case TaskIntegration():
            return json_to_db(
                {
                    "kind": "task",
                    "workflow": integration.workflow,
                    "task_channel": integration.task_channel,
                    "priority": integration.priority,
                    "timeout_us": duration_to_db(integration.timeout),
                    "create_on_customer_reply": integration.create_on_customer_reply,
                    "after_task_bot": integration.after_task_bot,
                }
            )
        case BotIntegration():
            return json_to_db({"kind": "bot", "bot": integration.bot})
        case WebhookIntegration():
            return json_to_db(
                {"kind": "webhook", "url": integration.url, "retry_count": integration.retry_count}
            )


def _integration_from_db(text: str) -> Integration:
    data = json_from_db(text)
    kind = data.pop("kind")
    if kind == "task":
        return TaskIntegration(
            workflow=data["workflow"],
            task_channel=data["task_channel"],
            priority=data["priority"],
            timeout=duration_from_db(data["timeout_us"]),
            create_on_customer_reply=data["create_on_customer_reply"],
            after_task_bot=data.get("after_task_bot"),
        )
    if kind == "bot":
        return BotIntegration(**data)
    return WebhookIntegration(**data)


def _to_row(flow: Flow) -> dict[str, Any]:
    spec = flow.spec
    return {
        "id": flow.id,
        "display_name": spec.display_name,
        "channel_type": spec.channel_type.value,
        "contact_identity": spec.contact_identity,
        "enabled": int(spec.enabled),
        "long_lived": int(spec.long_lived),
        "janitor_enabled": int(spec.janitor_enabled),
        "session_ttl_us": duration_to_db(spec.session_ttl),
        "allowed_origins": json_to_db(list(spec.allowed_origins)),
        "integration": _integration_to_db(spec.integration),
        "create_time": ts_to_db(flow.create_time),
        "update_time": ts_to_db(flow.update_time),
        "revision": flow.revision,
    }


def _from_row(row: dict[str, Any]) -> Flow:
    return Flow(
        id=row["id"],
        spec=FlowSpec(
            display_name=row["display_name"],
            channel_type=ChannelType(row["channel_type"]),
            contact_identity=row["contact_identity"],
            enabled=bool(row["enabled"]),
            long_lived=bool(row["long_lived"]),
            janitor_enabled=bool(row["janitor_enabled"]),
            session_ttl=duration_from_db(row["session_ttl_us"]),
            allowed_origins=tuple(json_from_db(row["allowed_origins"])),
            integration=_integration_from_db(row["integration"]),
        ),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlFlowRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, flow_id: str) -> Flow | None:
        return fetch_one(self._db, "SELECT * FROM flows WHERE id = ?", [flow_id], _from_row)

    def find_enabled(self, channel_type: ChannelType, contact_identity: str) -> Flow | None:
        return fetch_one(
            self._db,
            "SELECT * FROM flows WHERE channel_type = ? AND contact_identity = ? AND enabled = 1",
            [channel_type.value, contact_identity],
            _from_row,
        )

    def list(self, flow_filter: FlowFilter, page: PageRequest) -> Page[Flow]:
        where, params = [], []
        if flow_filter.channel_type is not None:
            where.append("channel_type = ?")
            params.append(flow_filter.channel_type.value)
        if flow_filter.contact_identity is not None:
            where.append("contact_identity = ?")
            params.append(flow_filter.contact_identity)
        return page_query(self._db, "flows", where, params, page, _from_row)

    def insert(self, flow: Flow, webhook_secret: str | None) -> None:
        self._db.insert("flows", {**_to_row(flow), "webhook_secret": webhook_secret})

    def update(self, flow: Flow) -> None:
        self._db.update("flows", flow.id, _to_row(flow))

    def webhook_secret(self, flow_id: str) -> str | None:
        row = self._db.execute(
            "SELECT webhook_secret FROM flows WHERE id = ?", [flow_id]
        ).fetchone()
        return None if row is None else row[0]

    def set_webhook_secret(self, flow_id: str, webhook_secret: str | None) -> None:
        self._db.update("flows", flow_id, {"webhook_secret": webhook_secret})

    def using_workflow(self, workflow: str) -> Sequence[str]:
        json = self._db.dialect.json_text
        rows = self._db.query(
            f"SELECT id FROM flows WHERE {json('integration', ['workflow'])} = ? ORDER BY rowid",
            [workflow],
        )
        return [f"flows/{row['id']}" for row in rows]

    def using_bot(self, bot: str) -> Sequence[tuple[str, str]]:
        json = self._db.dialect.json_text
        kind = json("integration", ["kind"])
        rows = self._db.query(
            f"SELECT id, CASE WHEN {kind} = 'bot' THEN 'bot.bot' "
            "ELSE 'task.after_task_bot' END AS field FROM flows "
            f"WHERE ({kind} = 'bot' "
            f"AND {json('integration', ['bot'])} = ?) "
            f"OR ({kind} = 'task' "
            f"AND {json('integration', ['after_task_bot'])} = ?) ORDER BY rowid",
            [bot, bot],
        )
        return [(f"flows/{row['id']}", row["field"]) for row in rows]

    def delete(self, flow_id: str) -> None:
        self._db.delete("flows", flow_id)


class JobFlowRepository(SqlFlowRepository):
    """The writer's flows: a unit of work reads each flow once (every event of a
    conversation asks for its flow, to know whether a webhook wants it) until it writes
    one. `forget` before each unit of work."""

    def __init__(self, db: Db) -> None:
        super().__init__(db)
        self._read: dict[str, Flow | None] = {}

    def forget(self) -> None:
        self._read.clear()

    def get(self, flow_id: str) -> Flow | None:
        try:
            return self._read[flow_id]
        except KeyError:
            flow = self._read[flow_id] = super().get(flow_id)
            return flow

    def find_enabled(self, channel_type: ChannelType, contact_identity: str) -> Flow | None:
        flow = super().find_enabled(channel_type, contact_identity)
        if flow is not None:
            self._read[flow.id] = flow
        return flow

    def insert(self, flow: Flow, webhook_secret: str | None) -> None:
        self._read.clear()
        super().insert(flow, webhook_secret)

    def update(self, flow: Flow) -> None:
        self._read.clear()
        super().update(flow)

    def set_webhook_secret(self, flow_id: str, webhook_secret: str | None) -> None:
        self._read.clear()
        super().set_webhook_secret(flow_id, webhook_secret)

    def delete(self, flow_id: str) -> None:
        self._read.clear()
        super().delete(flow_id)
