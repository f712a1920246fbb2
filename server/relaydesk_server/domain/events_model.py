"""What the event log records: one event per change to a conversation or routing resource,
and each event as the log stores it and subscribers receive it: encoded once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from functools import cached_property

from relaydesk_server.domain.bots_model import Execution
from relaydesk_server.domain.channels_model import Channel, Member, Message
from relaydesk_server.domain.sessions_model import Session
from relaydesk_server.domain.tasks_model import Reservation, Task
from relaydesk_server.domain.workforce_model import Worker


class EventType(enum.Enum):
    MESSAGE_ADDED = "MESSAGE_ADDED"
    MESSAGE_UPDATED = "MESSAGE_UPDATED"
    MESSAGE_DELETED = "MESSAGE_DELETED"
    MEMBER_JOINED = "MEMBER_JOINED"
    MEMBER_LEFT = "MEMBER_LEFT"
    MEMBER_UPDATED = "MEMBER_UPDATED"
    CHANNEL_CREATED = "CHANNEL_CREATED"
    CHANNEL_UPDATED = "CHANNEL_UPDATED"
    CHANNEL_CLOSED = "CHANNEL_CLOSED"
    CHANNEL_DELETED = "CHANNEL_DELETED"
    TASK_CREATED = "TASK_CREATED"
    TASK_UPDATED = "TASK_UPDATED"
    RESERVATION_CREATED = "RESERVATION_CREATED"
    RESERVATION_UPDATED = "RESERVATION_UPDATED"
    WORKER_CREATED = "WORKER_CREATED"
    WORKER_UPDATED = "WORKER_UPDATED"
    WORKER_DELETED = "WORKER_DELETED"
    SESSION_CREATED = "SESSION_CREATED"
    SESSION_UPDATED = "SESSION_UPDATED"
    EXECUTION_CREATED = "EXECUTION_CREATED"
    EXECUTION_UPDATED = "EXECUTION_UPDATED"
    TYPING = "TYPING"
    HEARTBEAT = "HEARTBEAT"


# The resource an event carries, as it is after the change (before it, for deletes).
Payload = Channel | Member | Message | Worker | Task | Reservation | Session | Execution


@dataclasses.dataclass(frozen=True)
class DomainEvent:
    type: EventType
    payload: Payload

    @property
    def channel(self) -> str | None:
        """The conversation the event belongs to, for filtering and visibility."""
        if isinstance(self.payload, Channel):
            return self.payload.name
        if isinstance(self.payload, Worker):
            return None
        return self.payload.channel_name  # a task's or reservation's conversation, if any


@dataclasses.dataclass(frozen=True)
class Typing:
    channel: str
    identity: str


# SubscribeResponse has one field, `Event event = 1`: on the wire that is the
# key byte 0x0A (field 1, length-delimited), the length as a varint, then the
# Event's own bytes. Framing by hand lets every subscriber share one buffer.
_EVENT_FIELD_KEY = b"\x0a"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


@dataclasses.dataclass(frozen=True)
class LoggedEvent:
    # 0 for ephemeral events (typing), which are never stored.
    sequence: int
    type: EventType
    channel: str | None
    create_time: dt.datetime
    # The encoded relaydesk.v1.Event.
    data: bytes
    # Visibility facts, worked out once when the event is logged (see
    # domain/visibility.py): the identity the event is personally about (the
    # member's, the worker's, or that of a reservation's worker or of a task's
    # assigned worker), and whether it is an event of an INTERNAL message.
    person: str | None = None
    internal: bool = False

    @cached_property
    def frame(self) -> bytes:
        """The encoded SubscribeResponse carrying this event."""
        return _EVENT_FIELD_KEY + _varint(len(self.data)) + self.data
