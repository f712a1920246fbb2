"""Proxy sessions (API §3): which conversation a customer's address leads to."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from relaydesk_server.domain.channels_model import DeliveryStatus, MessageDirection
from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import CHANNEL, SESSION

MAX_SESSION_TTL = dt.timedelta(days=90)


class SessionStatus(enum.Enum):
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    CLOSED = "CLOSED"
    FAILED = "FAILED"

    @property
    def is_active(self) -> bool:
        return self in (SessionStatus.OPEN, SessionStatus.IN_PROGRESS)


@dataclasses.dataclass(frozen=True)
class Participant:
    id: str
    identifier: str
    proxy_identifier: str
    display_name: str
    create_time: dt.datetime
    session_id: str

    @property
    def name(self) -> str:
        return f"{SESSION.name(self.session_id)}/participants/{self.id}"


@dataclasses.dataclass(frozen=True)
class Session:
    id: str
    channel_id: str
    flow: str
    customer_address: str
    contact_identity: str
    status: SessionStatus
    # Idle time allowed after the last interaction; zero never expires.
    ttl: dt.timedelta
    create_time: dt.datetime
    update_time: dt.datetime
    # Ids of the two participants: the customer, and the channel.
    customer_participant_id: str
    channel_participant_id: str
    unique_name: str | None = None
    customer_display_name: str = ""
    expire_time: dt.datetime | None = None
    close_reason: str = ""
    last_interaction_time: dt.datetime | None = None
    revision: int = 1

    @property
    def name(self) -> str:
        return SESSION.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)

    @property
    def channel_name(self) -> str:
        return CHANNEL.name(self.channel_id)

    @property
    def idle_since(self) -> dt.datetime:
        return self.last_interaction_time or self.create_time

    @property
    def participants(self) -> tuple[Participant, Participant]:
        """The customer, then the channel."""
        return (
            Participant(
                self.customer_participant_id,
                self.customer_address,
                self.contact_identity,
                self.customer_display_name,
                self.create_time,
                self.id,
            ),
            Participant(
                self.channel_participant_id,
                self.channel_name,
                "",
                "",
                self.create_time,
                self.id,
            ),
        )


@dataclasses.dataclass(frozen=True)
class Interaction:
    """A message that crossed a session, with its delivery as it is now."""

    message: str
    direction: MessageDirection
    delivery_status: DeliveryStatus | None
    create_time: dt.datetime


@dataclasses.dataclass(frozen=True)
class SessionFilter:
    status: SessionStatus | None = None
    identifier: str | None = None
    proxy_identifier: str | None = None
    channel_id: str | None = None
