"""Tasks (API §6): a piece of work, usually a conversation, waiting for or held by an agent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import RESERVATION, TASK

DEFAULT_TASK_TIMEOUT = dt.timedelta(hours=24)


class TaskStatus(enum.Enum):
    PENDING = "PENDING"
    RESERVED = "RESERVED"
    ASSIGNED = "ASSIGNED"
    WRAPPING = "WRAPPING"
    COMPLETED = "COMPLETED"
    CANCELED = "CANCELED"

    @property
    def is_final(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.CANCELED)


@dataclasses.dataclass(frozen=True)
class Task:
    id: str
    workflow: str
    task_channel: str
    priority: int
    status: TaskStatus
    timeout: dt.timedelta
    create_time: dt.datetime
    update_time: dt.datetime
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    queue: str | None = None
    reason: str = ""
    channel: str | None = None
    worker: str | None = None
    # Where the workflow has the task: (filter, target) indexes; None in the
    # default queue, or before routing.
    filter_index: int | None = None
    target_index: int | None = None
    # When the task stopped ageing (completed or canceled).
    end_time: dt.datetime | None = None
    # Where an ASSIGNED task is being transferred: a queue name, or a worker
    # name. Cleared when the transfer is accepted, declined or abandoned.
    transfer_queue: str | None = None
    transfer_worker: str | None = None
    # A worker name: the one worker a waiting task is offered to first, before
    # its queue (the agent who started the conversation). Cleared when that
    # offer ends.
    preferred_worker: str | None = None
    revision: int = 1

    @property
    def name(self) -> str:
        return TASK.name(self.id)

    @property
    def channel_name(self) -> str | None:
        return self.channel

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)

    def age(self, now: dt.datetime) -> dt.timedelta:
        return (self.end_time or now) - self.create_time

    @property
    def is_waiting(self) -> bool:
        """Whether routing still looks for a worker for it (PENDING or RESERVED)."""
        return self.status in (TaskStatus.PENDING, TaskStatus.RESERVED)

    @property
    def is_transferring(self) -> bool:
        return self.transfer_queue is not None or self.transfer_worker is not None


@dataclasses.dataclass(frozen=True)
class NewTask:
    workflow: str
    task_channel: str
    priority: int
    timeout: dt.timedelta
    attributes: dict[str, Any]
    channel: str | None = None


@dataclasses.dataclass(frozen=True)
class TaskFilter:
    status: TaskStatus | None = None
    queue: str | None = None
    worker: str | None = None
    channel: str | None = None


class ReservationStatus(enum.Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    TIMEOUT = "TIMEOUT"
    CANCELED = "CANCELED"
    RESCINDED = "RESCINDED"
    WRAPPING = "WRAPPING"
    COMPLETED = "COMPLETED"

    @property
    def holds_capacity(self) -> bool:
        """Whether the reservation uses its worker's capacity (API §6)."""
        return self in _HOLDING

    @property
    def declined(self) -> bool:
        """Whether the worker turned the offer down (so is not offered the task again)."""
        return self in (ReservationStatus.REJECTED, ReservationStatus.TIMEOUT)


_HOLDING = frozenset(
    (ReservationStatus.PENDING, ReservationStatus.ACCEPTED, ReservationStatus.WRAPPING)
)


@dataclasses.dataclass(frozen=True)
class Reservation:
    """An offer of a task to a worker, and then that worker's hold on it."""

    id: str
    task_id: str
    worker_id: str
    # The task's task channel (whose capacity the reservation uses) and
    # conversation, copied so load and event filters need not read the task.
    task_channel: str
    channel: str | None
    status: ReservationStatus
    expire_time: dt.datetime
    create_time: dt.datetime
    update_time: dt.datetime
    # Whether the offer is a transfer of an ASSIGNED task rather than routing.
    transfer: bool = False
    revision: int = 1

    @property
    def name(self) -> str:
        return f"{TASK.name(self.task_id)}/{RESERVATION.name(self.id)}"

    @property
    def task_name(self) -> str:
        return TASK.name(self.task_id)

    @property
    def channel_name(self) -> str | None:
        return self.channel


@dataclasses.dataclass(frozen=True)
class ReservationFilter:
    task_id: str | None = None
    worker_id: str | None = None
    status: ReservationStatus | None = None


@dataclasses.dataclass(frozen=True)
class ReplyTask:
    """The task an outbound conversation starts on the customer's first reply."""

    channel_id: str
    # Who started the conversation: offered the task first, when it can take it.
    agent_identity: str
    attributes: dict[str, Any]
    create_time: dt.datetime
