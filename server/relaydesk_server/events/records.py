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

    @cached_property
    def frame(self) -> bytes:
        """The encoded SubscribeResponse carrying this event."""
        return _EVENT_FIELD_KEY + _varint(len(self.data)) + self.data
