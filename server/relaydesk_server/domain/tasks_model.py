"""Tasks (API §6): a piece of work, usually a conversation, waiting for or held by an agent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import TASK

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
