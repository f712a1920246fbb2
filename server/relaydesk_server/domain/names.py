"""Resource names (`flows/FO0123…`) and the ids inside them.

Ids are server-made: a two-letter type prefix and 32 lowercase hex digits.
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
import time
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
MEMBER = ResourceKind("members", "MB", "relaydesk.v1.Member")
MESSAGE = ResourceKind("messages", "IM", "relaydesk.v1.Message")
CHANNEL = ResourceKind("channels", "CH", "relaydesk.v1.Channel")
SESSION = ResourceKind("sessions", "KC", "relaydesk.v1.Session")
PARTICIPANT = ResourceKind("participants", "KP", "relaydesk.v1.Participant")
DELIVERY = ResourceKind("deliveries", "OD", "relaydesk.v1.OutboundDelivery")
ACTIVITY = ResourceKind("activities", "WA", "relaydesk.v1.Activity")
WORKER = ResourceKind("workers", "WK", "relaydesk.v1.Worker")
QUEUE = ResourceKind("queues", "WQ", "relaydesk.v1.Queue")
WORKFLOW = ResourceKind("workflows", "WW", "relaydesk.v1.Workflow")
TASK = ResourceKind("tasks", "WT", "relaydesk.v1.Task")
RESERVATION = ResourceKind("reservations", "WR", "relaydesk.v1.Reservation")
BOT = ResourceKind("bots", "BT", "relaydesk.v1.Bot")
EXECUTION = ResourceKind("executions", "FN", "relaydesk.v1.Execution")
API_KEY = ResourceKind("apiKeys", "KY", "relaydesk.v1.ApiKey")


def parse_channel_child(name: str, kind: ResourceKind, field: str) -> tuple[str, str]:
    """`channels/{ref}/members/{id}` → (ref, id); ref is a channel id or unique name."""
    if not name:
        raise InvalidArgument.field(field, f"required: the {kind.type_name} name")
    parts = name.split("/")
    if (
        len(parts) != 4
        or parts[0] != CHANNEL.collection
        or not parts[1]
        or parts[2] != kind.collection
        or not kind.is_id(parts[3])
    ):
        raise InvalidArgument.field(
            field,
            f"{name!r} is not a {kind.type_name} name (expected channels/{{channel}}/"
            f"{kind.collection}/{kind.prefix} followed by 32 hex digits)",
        )
    return parts[1], parts[3]


def parse_reservation_name(name: str, field: str) -> tuple[str, str]:
    """`tasks/{id}/reservations/{id}` → (task id, reservation id)."""
    if not name:
        raise InvalidArgument.field(field, f"required: the {RESERVATION.type_name} name")
    task_name, _, reservation_name = name.partition("/reservations/")
    if not TASK.is_name(task_name) or not RESERVATION.is_id(reservation_name):
        raise InvalidArgument.field(
            field,
            f"{name!r} is not a {RESERVATION.type_name} name (expected tasks/{TASK.prefix}…/"
            f"reservations/{RESERVATION.prefix} followed by 32 hex digits)",
        )
    return task_name.partition("/")[2], reservation_name


def parse_execution_name(name: str, field: str) -> tuple[str, str]:
    """`bots/{id}/executions/{id}` → (bot id, execution id)."""
    if not name:
        raise InvalidArgument.field(field, f"required: the {EXECUTION.type_name} name")
    bot_name, _, execution_id = name.partition("/executions/")
    if not BOT.is_name(bot_name) or not EXECUTION.is_id(execution_id):
        raise InvalidArgument.field(
            field,
            f"{name!r} is not a {EXECUTION.type_name} name (expected bots/{BOT.prefix}…/"
            f"executions/{EXECUTION.prefix} followed by 32 hex digits)",
        )
    return bot_name.partition("/")[2], execution_id


def parse_ref(kind: ResourceKind, name: str, field: str) -> str:
    """`{collection}/{ref}` → ref: an id or a unique name."""
    if not name:
        raise InvalidArgument.field(field, f"required: the {kind.type_name} name")
    collection, _, ref = name.partition("/")
    if collection != kind.collection or not ref or "/" in ref:
        raise InvalidArgument.field(
            field,
            f"{name!r} is not a {kind.type_name} name "
            f"(expected {kind.collection}/{{id or unique name}})",
        )
    return ref


def parse_channel_ref(name: str, field: str) -> str:
    """`channels/{ref}` → ref: a channel id or unique name."""
    return parse_ref(CHANNEL, name, field)


class IdSource(Protocol):
    def new_id(self, kind: ResourceKind) -> str: ...


class RandomIds:
    """Ids that sort by creation time and cannot be guessed.

    The 32 hex digits are 48 bits of milliseconds since the epoch, then 80
    random bits. New rows therefore land at the end of each index, so a commit
    touches a few pages instead of one random page per row. Random bytes come
    from the OS 4 KiB at a time (one system call per 400 ids, not per id).
    """

    _POOL_BYTES = 4000

    def __init__(self) -> None:
        self._pool = b""
        self._lock = threading.Lock()

    def new_id(self, kind: ResourceKind) -> str:
        millis = time.time_ns() // 1_000_000
        with self._lock:
            if not self._pool:
                self._pool = os.urandom(self._POOL_BYTES)
            chunk, self._pool = self._pool[:10], self._pool[10:]
        return f"{kind.prefix}{millis & 0xFFFFFFFFFFFF:012x}{chunk.hex()}"
