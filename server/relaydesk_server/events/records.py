"""An event as the log stores it and as subscribers receive it: encoded once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cached_property

from relaydesk_server.domain.events_model import EventType

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
    # events/visibility.py): the identity the event is personally about (the
    # member's, the worker's, or that of a reservation's worker or of a task's
    # assigned worker), and whether it is an event of an INTERNAL message.
    person: str | None = None
    internal: bool = False

    @cached_property
    def frame(self) -> bytes:
        """The encoded SubscribeResponse carrying this event."""
        return _EVENT_FIELD_KEY + _varint(len(self.data)) + self.data
