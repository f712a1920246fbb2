"""What the event log records: one event per change to a conversation or routing resource."""

from __future__ import annotations

import dataclasses
import enum

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
