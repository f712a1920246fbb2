"""Outbound delivery (API §4, §8): agents' replies leave through a gateway.

An OUTBOUND message in a channel with an active session is stored as a
delivery in the same unit of work, so nothing acknowledged to its sender can
be lost. Adapters lease deliveries: only the first open delivery of each
channel is handed out, so a channel's messages leave in order, and one not
acknowledged before its lease ends is handed out again (at least once).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from relaydesk_server.domain.channels_model import (
    Channel,
    DeliveryStatus,
    Message,
)
from relaydesk_server.domain.channels_model import (
    Delivery as MessageDelivery,
)
from relaydesk_server.domain.errors import NotFound
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.names import DELIVERY
from relaydesk_server.domain.outbound_model import Delivery, Leased
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.sessions_model import Session

# How far each status is along the way; FAILED ends it.
_PROGRESS = {
    DeliveryStatus.QUEUED: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.READ: 3,
}


def queue_delivery(tx: Transaction, channel: Channel, session: Session, message: Message) -> None:
    channel_type = channel.spec.channel_type
    if channel_type is None:  # a session's channel always has a flow, hence a type
        return
    tx.deliveries.insert(
        Delivery(
            id=tx.new_id(DELIVERY),
            message_id=message.id,
            channel_id=channel.id,
            index=message.index,
            channel_type=channel_type,
            customer_address=session.customer_address,
            contact_identity=session.contact_identity,
            create_time=tx.now(),
        )
    )


def lease_ready(
    tx: Transaction, channel_types: Sequence[ChannelType], lease: dt.timedelta, limit: int
) -> list[Leased]:
    """Leases what may be sent now: each channel's next delivery, if not leased."""
    now = tx.now()
    leased = []
    for delivery in tx.deliveries.ready(channel_types, now, limit):
        message = tx.messages.get(delivery.channel_id, delivery.message_id)
        if message is None:  # deleted before it left: nothing to send
            tx.deliveries.update(dataclasses.replace(delivery, done=True))
            continue
        handed = dataclasses.replace(
            delivery, attempt=delivery.attempt + 1, lease_expire_time=now + lease
        )
        tx.deliveries.update(handed)
        leased.append(Leased(handed, message.name, message.body, message.media))
    return leased


def next_lease_end(tx: Transaction) -> dt.datetime | None:
    return tx.deliveries.next_lease_end()


def _moves_forward(current: MessageDelivery | None, status: DeliveryStatus) -> bool:
    if current is None:
        return True
    if current.status is DeliveryStatus.FAILED:
        return False
    if status is DeliveryStatus.FAILED:
        return current.status in (DeliveryStatus.QUEUED, DeliveryStatus.SENT)
    return _PROGRESS[status] > _PROGRESS[current.status]


def acknowledge(
    tx: Transaction,
    delivery_id: str,
    status: DeliveryStatus,
    provider_message_id: str,
    error: str,
) -> Message:
    """Ends the delivery's lease and moves its message's delivery status forward."""
    delivery = tx.deliveries.get(delivery_id)
    message = (
        tx.messages.get(delivery.channel_id, delivery.message_id) if delivery is not None else None
    )
    if delivery is None or message is None:
        raise NotFound(DELIVERY.type_name, delivery_id, reason="DELIVERY_NOT_FOUND")
    if not delivery.done:
        tx.deliveries.update(dataclasses.replace(delivery, done=True, lease_expire_time=None))
    if not _moves_forward(message.delivery, status):
        return message  # a late report of a status already passed
    kept_id = message.delivery.provider_message_id if message.delivery else ""
    now = tx.now()
    updated = dataclasses.replace(
        message,
        delivery=MessageDelivery(
            status=status,
            update_time=now,
            error=error if status is DeliveryStatus.FAILED else "",
            provider_message_id=kept_id or provider_message_id,
        ),
        update_time=now,
        revision=message.revision + 1,
    )
    tx.messages.update(updated)
    tx.events.append(DomainEvent(EventType.MESSAGE_UPDATED, updated))
    return updated
