"""Queues and workflows (API §6): where tasks wait, and how they get there."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import QUEUE, WORKFLOW

DEFAULT_RESERVATION_TIMEOUT = dt.timedelta(seconds=120)


class QueueOrder(enum.Enum):
    FIFO = "FIFO"
    LIFO = "LIFO"


@dataclasses.dataclass(frozen=True)
class QueueSpec:
    display_name: str = ""
    target_workers: str = "true"
    order: QueueOrder = QueueOrder.FIFO
    max_reserved_workers: int = 1


@dataclasses.dataclass(frozen=True)
class Queue:
    id: str
    spec: QueueSpec
    create_time: dt.datetime
    update_time: dt.datetime
    revision: int = 1

    @property
    def name(self) -> str:
        return QUEUE.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


@dataclasses.dataclass(frozen=True)
class WorkflowTarget:
    queue: str
    expression: str = ""
    priority: int | None = None
    # How long a task waits at this step; None waits until the task's own timeout.
    timeout: dt.timedelta | None = None


@dataclasses.dataclass(frozen=True)
class WorkflowFilter:
    display_name: str = ""
    expression: str = ""
    targets: tuple[WorkflowTarget, ...] = ()


@dataclasses.dataclass(frozen=True)
class WorkflowSpec:
    display_name: str = ""
    filters: tuple[WorkflowFilter, ...] = ()
    default_queue: str | None = None
    reservation_timeout: dt.timedelta = DEFAULT_RESERVATION_TIMEOUT

    @property
    def queues(self) -> set[str]:
        """Every queue the workflow can send a task to."""
        names = {t.queue for f in self.filters for t in f.targets}
        if self.default_queue:
            names.add(self.default_queue)
        return names


@dataclasses.dataclass(frozen=True)
class Workflow:
    id: str
    spec: WorkflowSpec
    create_time: dt.datetime
    update_time: dt.datetime
    revision: int = 1

    @property
    def name(self) -> str:
        return WORKFLOW.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


@dataclasses.dataclass(frozen=True)
class QueueStatistics:
    queue: str
    tasks_by_status: dict[str, int]
    oldest_pending_age: dt.timedelta
    eligible_workers: int
    available_workers: int
