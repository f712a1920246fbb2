"""Outbound deliveries (API §4): OUTBOUND messages on their way to a gateway."""

from __future__ import annotations

import dataclasses
import datetime as dt

from relaydesk_server.domain.channels_model import Media
from relaydesk_server.domain.flows_model import ChannelType

DEFAULT_LEASE = dt.timedelta(seconds=30)


@dataclasses.dataclass(frozen=True)
class Delivery:
    """One message to send, stored until a gateway acknowledges it."""

    id: str
    message_id: str
    channel_id: str
    index: int
    channel_type: ChannelType
    customer_address: str
    contact_identity: str
    create_time: dt.datetime
    done: bool = False
    attempt: int = 0
    lease_expire_time: dt.datetime | None = None


@dataclasses.dataclass(frozen=True)
class Leased:
    """A delivery handed to an adapter, with what it is to send."""

    delivery: Delivery
    message_name: str
    body: str
    media: tuple[Media, ...]
