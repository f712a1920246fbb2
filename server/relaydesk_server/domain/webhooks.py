"""Webhooks (API §8): the events of a WEBHOOK flow's conversations, POSTed to its URL.

Every event of a conversation whose flow has a WEBHOOK integration is put in
an outbox in the unit of work that logs it, so a restart loses none. The
sender retries a failed POST with exponential backoff, up to the flow's
`retry_count` retries, then gives up on it (and says so in the log). Each
conversation's events are POSTed in order: one waits until the earlier ones
of its conversation are delivered or given up on.
"""

from __future__ import annotations

import datetime as dt

from relaydesk_server.domain.events_model import DomainEvent
from relaydesk_server.domain.flows_model import WebhookIntegration
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.webhooks_model import Posting, Target

FIRST_RETRY = dt.timedelta(seconds=1)
LONGEST_RETRY = dt.timedelta(minutes=5)
POST_TIMEOUT = dt.timedelta(seconds=5)
# How long the server sending a posting holds it, so that no other server sends it too:
# longer than a POST may take. A server that dies while holding postings delays them
# by at most this much; another server then sends them.
HOLD = POST_TIMEOUT + dt.timedelta(seconds=2)


def enqueue_if_watched(tx: Transaction, sequence: int, event: DomainEvent, data: bytes) -> None:
    """Puts the event in the outbox when its conversation belongs to a WEBHOOK flow."""
    channel_name = event.channel
    if channel_name is None:
        return
    channel = tx.channels.get(channel_name.partition("/")[2])
    if channel is None or channel.spec.flow is None:
        return
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow"))
    if flow is not None and isinstance(flow.spec.integration, WebhookIntegration):
        tx.webhooks.enqueue(flow.id, channel.id, sequence, data, tx.now())


def target_of(tx: Transaction, flow_id: str) -> Target | None:
    """The flow's webhook now, or None when it is no longer a WEBHOOK flow."""
    flow = tx.flows.get(flow_id)
    if flow is None or not isinstance(flow.spec.integration, WebhookIntegration):
        return None
    secret = tx.flows.webhook_secret(flow_id)
    if secret is None:
        return None
    return Target(flow.spec.integration.url, secret, flow.spec.integration.retry_count)


def retry_delay(attempts: int) -> dt.timedelta:
    """1 s after the first failure, doubling, at most 5 minutes."""
    return min(FIRST_RETRY * (1 << max(attempts - 1, 0)), LONGEST_RETRY)


def claim_due(tx: Transaction, limit: int) -> list[tuple[Posting, Target | None]]:
    """The postings due now, each with its flow's webhook (read once per flow), held for
    the caller for HOLD: whichever servers look, each posting goes to one of them."""
    postings = tx.webhooks.due(tx.now(), limit)
    tx.webhooks.hold([posting.id for posting in postings], tx.now() + HOLD)
    targets = {flow_id: target_of(tx, flow_id) for flow_id in {p.flow_id for p in postings}}
    return [(posting, targets[posting.flow_id]) for posting in postings]


def record_attempt(
    tx: Transaction, posting: Posting, target: Target | None, error: str | None
) -> bool:
    """Records how a POST went; returns whether the posting is finished (sent or given
    up). A record that comes too late (another server took over) changes nothing."""
    attempts = posting.attempts + 1
    if error is None or target is None or attempts > target.retry_count:
        tx.webhooks.finish(posting.id, attempts, error or "")
        return True
    return not tx.webhooks.retry_later(
        posting.id, attempts, error, tx.now() + retry_delay(attempts)
    )
