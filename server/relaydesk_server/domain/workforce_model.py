"""The workforce (API §6): activities and the workers who take tasks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import ACTIVITY, WORKER

DEFAULT_CAPACITY = 1

# The activities every workforce starts with: (display name, available).
DEFAULT_ACTIVITIES = (
    ("Offline", False),
    ("Available", True),
    ("Unavailable", False),
    ("Break", False),
)
OFFLINE = "Offline"


@dataclasses.dataclass(frozen=True)
class Activity:
    id: str
    display_name: str
    available: bool
    create_time: dt.datetime
    update_time: dt.datetime
    # Which default this is (its original display name), if any: display names
    # can change, but Offline stays the one new and timed-out workers go to.
    builtin: str | None = None
    revision: int = 1

    @property
    def name(self) -> str:
        return ACTIVITY.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


@dataclasses.dataclass(frozen=True)
class WorkerSpec:
    """What a client sets on a worker."""

    identity: str
    display_name: str = ""
    attributes: dict[str, Any] = dataclasses.field(default_factory=dict)
    # Task channel → how many tasks of it at once; channels not named get 1.
    capacities: dict[str, int] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Worker:
    id: str
    spec: WorkerSpec
    activity_id: str
    # Whether the worker's activity is an available one (activities never change that).
    available: bool
    activity_change_time: dt.datetime
    create_time: dt.datetime
    update_time: dt.datetime
    # Output: task channel → tasks it holds there (reserved, assigned or wrapping).
    load: dict[str, int] = dataclasses.field(default_factory=dict)
    revision: int = 1

    @property
    def name(self) -> str:
        return WORKER.name(self.id)

    @property
    def activity_name(self) -> str:
        return ACTIVITY.name(self.activity_id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)

    def capacity(self, task_channel: str) -> int:
        return self.spec.capacities.get(task_channel, DEFAULT_CAPACITY)
