"""Resource names (`flows/FO0123…`) and the ids inside them.

Ids are server-made: a two-letter type prefix and 32 lowercase hex digits.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from typing import Protocol

from relaydesk_server.domain.errors import InvalidArgument

_HEX32 = r"[0-9a-f]{32}"


@dataclasses.dataclass(frozen=True)
class ResourceKind:
    collection: str
    prefix: str
    type_name: str

    @property
    def _id_pattern(self) -> re.Pattern[str]:
        return re.compile(f"{self.prefix}{_HEX32}")

    def name(self, resource_id: str) -> str:
        return f"{self.collection}/{resource_id}"

    def is_id(self, value: str) -> bool:
        return self._id_pattern.fullmatch(value) is not None

    def is_name(self, value: str) -> bool:
        collection, _, resource_id = value.partition("/")
        return collection == self.collection and self.is_id(resource_id)

    def malformed(self, name: str) -> str:
        return (
            f"{name!r} is not a {self.type_name} name "
            f"(expected {self.collection}/{self.prefix} followed by 32 hex digits)"
        )

    def parse(self, name: str, field: str) -> str:
        """The id inside `name`; INVALID_ARGUMENT on `field` when it is empty or malformed."""
        if not name:
            raise InvalidArgument.field(field, f"required: the {self.type_name} name")
        if not self.is_name(name):
            raise InvalidArgument.field(field, self.malformed(name))
        return name.partition("/")[2]


FLOW = ResourceKind("flows", "FO", "relaydesk.v1.Flow")
CHANNEL = ResourceKind("channels", "CH", "relaydesk.v1.Channel")
SESSION = ResourceKind("sessions", "KC", "relaydesk.v1.Session")
ACTIVITY = ResourceKind("activities", "WA", "relaydesk.v1.Activity")
WORKER = ResourceKind("workers", "WK", "relaydesk.v1.Worker")
QUEUE = ResourceKind("queues", "WQ", "relaydesk.v1.Queue")
WORKFLOW = ResourceKind("workflows", "WW", "relaydesk.v1.Workflow")
TASK = ResourceKind("tasks", "WT", "relaydesk.v1.Task")
BOT = ResourceKind("bots", "BT", "relaydesk.v1.Bot")
API_KEY = ResourceKind("apiKeys", "KY", "relaydesk.v1.ApiKey")


class IdSource(Protocol):
    def new_id(self, kind: ResourceKind) -> str: ...


class RandomIds:
    def new_id(self, kind: ResourceKind) -> str:
        return kind.prefix + uuid.uuid4().hex
