"""Starting conversations (API §5): web chats.

StartWebchat makes (or finds) a visitor's private channel on a WEB flow, with
the visitor as its customer member. The flow's integration runs on the
visitor's first message, not before: a widget opened and left is no work for
anyone. Its task carries `pre_engagement`, what the visitor entered first.
"""

from __future__ import annotations

import secrets
from typing import Any

from relaydesk_server.domain import channels, inbound
from relaydesk_server.domain.channels_model import (
    Channel,
    Message,
    MessageDirection,
    NewMessage,
)
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.flows_model import ChannelType, Flow, TaskIntegration
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter

PRE_ENGAGEMENT = "pre_engagement"


def _web_flow(tx: Transaction, flow_name: str) -> Flow:
    flow = tx.flows.get(FLOW.parse(flow_name, "flow"))
    if flow is None:
        raise NotFound(FLOW.type_name, flow_name, reason="FLOW_NOT_FOUND")
    if flow.spec.channel_type is not ChannelType.WEB:
        raise FailedPrecondition.one(
            "CHANNEL_TYPE",
            flow.name,
            f"{flow.name} is a {flow.spec.channel_type.value} flow, not a WEB one",
            reason="NOT_A_WEB_FLOW",
        )
    if not flow.spec.enabled:
        raise FailedPrecondition.one(
            "FLOW_DISABLED", flow.name, f"{flow.name} is disabled", reason="FLOW_DISABLED"
        )
    return flow


def start_webchat(
    tx: Transaction,
    flow_name: str,
    identity: str,
    display_name: str,
    pre_engagement: dict[str, Any] | None,
) -> Channel:
    """The visitor's ACTIVE channel on the flow: the one it has, or a new one."""
    flow = _web_flow(tx, flow_name)
    identity = identity or f"visitor-{secrets.token_hex(8)}"
    kept = tx.channels.latest_for_customer(flow.name, identity)
    if kept is not None and kept.is_active:
        return kept
    attributes = {PRE_ENGAGEMENT: pre_engagement} if pre_engagement else {}
    channel = channels.open_for_customer(
        tx,
        flow,
        identity,
        display_name,
        kept=kept if kept is not None and kept.spec.long_lived else None,
        attributes=attributes,
    )
    return channels.add_customer(tx, channel, identity, display_name)


def send_message(
    tx: Transaction, principal: Principal, limiter: RateLimiter, ref: str, new: NewMessage
) -> Message:
    """SendMessage: and a web visitor's message with no task at work starts one."""
    message = channels.send_message(tx, principal, limiter, ref, new)
    if message.direction is MessageDirection.INBOUND:
        channel = tx.channels.get(message.channel_id)
        if channel is not None and _awaits_work(tx, channel):
            assert channel.spec.flow is not None
            flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
            assert flow is not None
            pre_engagement = channel.spec.attributes.get(PRE_ENGAGEMENT)
            extra = {PRE_ENGAGEMENT: pre_engagement} if pre_engagement else None
            inbound.run_integration(tx, flow, channel, channel.spec.display_name, extra)
    return message


def _awaits_work(tx: Transaction, channel: Channel) -> bool:
    """A web chat whose visitor speaks while no task is at work on it."""
    if channel.spec.channel_type is not ChannelType.WEB or channel.task is not None:
        return False
    if channel.spec.flow is None:
        return False
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
    return flow is not None and isinstance(flow.spec.integration, TaskIntegration)
