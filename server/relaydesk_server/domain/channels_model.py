"""Conversations: channels, their members and their messages (API §2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any, ClassVar

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.names import CHANNEL

SYSTEM_AUTHOR = "system"
# The channel attribute keeping what a web visitor entered before the chat; its
# conversation's task carries it too.
PRE_ENGAGEMENT = "pre_engagement"


class ChannelKind(enum.Enum):
    PRIVATE = "PRIVATE"
    PUBLIC = "PUBLIC"


class ChannelState(enum.Enum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class MemberRole(enum.Enum):
    CUSTOMER = "CUSTOMER"
    AGENT = "AGENT"
    BOT = "BOT"
    SUPERVISOR = "SUPERVISOR"


class MessageDirection(enum.Enum):
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"
    INTERNAL = "INTERNAL"


class DeliveryStatus(enum.Enum):
    QUEUED = "QUEUED"
    SENT = "SENT"
    DELIVERED = "DELIVERED"
    READ = "READ"
    FAILED = "FAILED"


@dataclasses.dataclass(frozen=True)
class ChannelSpec:
    """What a client sets on a channel."""

    unique_name: str | None = None
    display_name: str = ""
    kind: ChannelKind = ChannelKind.PRIVATE
    flow: str | None = None
    channel_type: ChannelType | None = None
    customer_address: str = ""
    long_lived: bool = False
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Channel:
    id: str
    spec: ChannelSpec
    state: ChannelState
    create_time: dt.datetime
    update_time: dt.datetime
    session: str | None = None
    task: str | None = None
    member_count: int = 0
    message_count: int = 0
    # The index the next message gets; indexes are never reused.
    next_message_index: int = 0
    close_time: dt.datetime | None = None
    close_reason: str = ""
    # Bumped by changes to what clients set or to the state, not by counters,
    # so that a busy conversation does not invalidate an etag held for an update.
    revision: int = 1

    @property
    def name(self) -> str:
        return CHANNEL.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)

    @property
    def last_message_index(self) -> int | None:
        return self.next_message_index - 1 if self.next_message_index else None

    @property
    def is_active(self) -> bool:
        return self.state is ChannelState.ACTIVE


class _ChannelChild:
    """Naming shared by the resources that live inside a channel."""

    collection: ClassVar[str]
    id: str
    channel_id: str
    revision: int

    @property
    def name(self) -> str:
        return f"{CHANNEL.name(self.channel_id)}/{self.collection}/{self.id}"

    @property
    def channel_name(self) -> str:
        return CHANNEL.name(self.channel_id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


@dataclasses.dataclass(frozen=True)
class Member(_ChannelChild):
    collection: ClassVar[str] = "members"
    id: str
    channel_id: str
    identity: str
    role: MemberRole
    create_time: dt.datetime
    update_time: dt.datetime
    display_name: str = ""
    last_read_index: int | None = None
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    revision: int = 1


@dataclasses.dataclass(frozen=True)
class Media:
    content_type: str
    url: str
    size_bytes: int = 0
    filename: str = ""


@dataclasses.dataclass(frozen=True)
class Delivery:
    status: DeliveryStatus
    update_time: dt.datetime
    error: str = ""
    provider_message_id: str = ""


@dataclasses.dataclass(frozen=True)
class Message(_ChannelChild):
    collection: ClassVar[str] = "messages"
    id: str
    channel_id: str
    index: int
    author: str
    direction: MessageDirection
    create_time: dt.datetime
    update_time: dt.datetime
    body: str = ""
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    media: tuple[Media, ...] = ()
    delivery: Delivery | None = None
    edited: bool = False
    revision: int = 1


@dataclasses.dataclass(frozen=True)
class ChannelFilter:
    state: ChannelState | None = None
    flow: str | None = None
    member_identity: str | None = None
    customer_address: str | None = None


@dataclasses.dataclass(frozen=True)
class NewMessage:
    """A message as a sender asks for it."""

    body: str = ""
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    media: tuple[Media, ...] = ()
    internal: bool = False
    author: str | None = None
