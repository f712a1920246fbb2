"""The rules of flows (API §1). Each function is one unit of work in a Transaction."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable

from relaydesk_server.domain import channels
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import (
    AlreadyExists,
    FailedPrecondition,
    NotFound,
)
from relaydesk_server.domain.flows_model import (
    Flow,
    FlowFilter,
    FlowSpec,
    FlowWithSecret,
    TaskIntegration,
    WebhookIntegration,
    bots_of,
)
from relaydesk_server.domain.names import BOT, FLOW, WORKFLOW
from relaydesk_server.domain.ports import Transaction


def new_webhook_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def get_flow(tx: Transaction, flow_id: str) -> Flow:
    flow = tx.flows.get(flow_id)
    if flow is None:
        raise NotFound(FLOW.type_name, FLOW.name(flow_id), reason="FLOW_NOT_FOUND")
    return flow


def list_flows(tx: Transaction, flow_filter: FlowFilter, page: PageRequest) -> Page[Flow]:
    return tx.flows.list(flow_filter, page)


def create_flow(tx: Transaction, spec: FlowSpec) -> FlowWithSecret:
    _check_rules(tx, spec, flow_id=None)
    now = tx.now()
    flow = Flow(id=tx.new_id(FLOW), spec=spec, create_time=now, update_time=now)
    secret = new_webhook_secret() if isinstance(spec.integration, WebhookIntegration) else None
    tx.flows.insert(flow, secret)
    return FlowWithSecret(flow, secret)


def update_flow(
    tx: Transaction,
    flow_id: str,
    etag: str | None,
    change: Callable[[FlowSpec], FlowSpec],
) -> FlowWithSecret:
    """Applies `change` to the stored spec; `etag`, when given, must be the stored one."""
    current = get_flow(tx, flow_id)
    check_etag(current.etag, etag, current.name)
    spec = change(current.spec)
    _check_rules(tx, spec, flow_id=flow_id)
    updated = dataclasses.replace(
        current, spec=spec, update_time=tx.now(), revision=current.revision + 1
    )
    tx.flows.update(updated)
    secret = None
    was_webhook = isinstance(current.spec.integration, WebhookIntegration)
    is_webhook = isinstance(spec.integration, WebhookIntegration)
    if is_webhook and not was_webhook:
        secret = new_webhook_secret()
        tx.flows.set_webhook_secret(flow_id, secret)
    elif was_webhook and not is_webhook:
        tx.flows.set_webhook_secret(flow_id, None)
    return FlowWithSecret(updated, secret)


FLOW_DELETED = "flow deleted"


def delete_flow(tx: Transaction, flow_id: str, *, force: bool) -> None:
    """Deletes a flow; with `force`, first closes its active conversations."""
    flow = get_flow(tx, flow_id)
    active = tx.channels.active_for_flow(flow.name)
    if active and not force:
        raise FailedPrecondition.one(
            "ACTIVE_CHANNELS",
            flow.name,
            f"{flow.name} still has {len(active)} active channel(s), the first {active[0].name}; "
            "close them or delete with force",
            reason="FLOW_HAS_ACTIVE_CHANNELS",
        )
    for channel in active:
        channels.close(tx, channel, FLOW_DELETED)
    tx.flows.delete(flow_id)


def rotate_webhook_secret(tx: Transaction, flow_id: str) -> FlowWithSecret:
    flow = get_flow(tx, flow_id)
    if not isinstance(flow.spec.integration, WebhookIntegration):
        raise FailedPrecondition.one(
            "INTEGRATION",
            flow.name,
            f"{flow.name} is not a WEBHOOK flow, so it has no webhook secret",
            reason="NOT_A_WEBHOOK_FLOW",
        )
    secret = new_webhook_secret()
    tx.flows.set_webhook_secret(flow_id, secret)
    return FlowWithSecret(flow, secret)


def _check_rules(tx: Transaction, spec: FlowSpec, flow_id: str | None) -> None:
    if spec.enabled:
        other = tx.flows.find_enabled(spec.channel_type, spec.contact_identity)
        if other is not None and other.id != flow_id:
            raise AlreadyExists(
                FLOW.type_name,
                other.name,
                f"{other.name} is already the enabled flow for channel type "
                f"{spec.channel_type.value} and contact identity {spec.contact_identity!r}; "
                "disable it first, or create this flow disabled",
                reason="FLOW_ADDRESS_TAKEN",
            )
    if isinstance(spec.integration, TaskIntegration):
        workflow = spec.integration.workflow
        if tx.workflows.get(WORKFLOW.parse(workflow, "flow.task.workflow")) is None:
            raise FailedPrecondition.one(
                "REFERENCE", workflow, f"{workflow} does not exist", reason="WORKFLOW_NOT_FOUND"
            )
    for field, bot in bots_of(spec.integration):
        if tx.bots.get(BOT.parse(bot, f"flow.{field}")) is None:
            raise FailedPrecondition.one(
                "REFERENCE", bot, f"{bot} does not exist", reason="BOT_NOT_FOUND"
            )
