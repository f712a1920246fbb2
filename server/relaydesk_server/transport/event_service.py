"""EventService: the live feed, sent as pre-encoded frames."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from relaydesk.v1 import event_service_pb2 as pb
from relaydesk_server.domain.channels import resolve_channel
from relaydesk_server.domain.errors import NotFound
from relaydesk_server.domain.events_model import EventType
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import CHANNEL, parse_channel_ref
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.events.stream import LIVE, EventStreams, StreamRequest
from relaydesk_server.transport.context import SEND_HEADERS, Headers, caller
from relaydesk_server.transport.events_convert import event_type_from_proto
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context

# Typing is asked for with include_typing, and heartbeats always come.
_NOT_FILTERABLE = {EventType.TYPING, EventType.HEARTBEAT}


class EventServicer:
    def __init__(self, calls: Calls, streams: EventStreams) -> None:
        self._calls = calls
        self._streams = streams

    async def _channel_names(self, refs: list[str], principal: Principal) -> frozenset[str]:
        names = set()
        unique_names = []
        for i, name in enumerate(refs):
            ref = parse_channel_ref(name, f"channels[{i}]")
            if CHANNEL.is_id(ref):
                names.add(name)
            else:
                unique_names.append(ref)
        if unique_names:

            def resolve(tx: Transaction) -> list[str]:
                resolved = []
                for ref in unique_names:
                    try:
                        resolved.append(resolve_channel(tx, ref).name)
                    except NotFound:
                        if principal.is_privileged:
                            raise
                        # A person is not told whether a channel exists: a filter
                        # naming a missing one matches nothing, like one it may not see.
                        resolved.append(CHANNEL.name(ref))
                return resolved

            names.update(await self._calls.read(resolve))
        return frozenset(names)

    async def Subscribe(
        self, request: pb.SubscribeRequest, context: Context
    ) -> AsyncIterator[bytes | Headers]:
        violations = Violations()
        types = set()
        for i, number in enumerate(request.types):
            event_type = event_type_from_proto(number)
            if event_type is None:
                violations.add(f"types[{i}]", f"unknown or unspecified event type {number}")
            elif event_type not in _NOT_FILTERABLE:
                types.add(event_type)
        violations.raise_if_any()
        principal = caller()
        stream_request = StreamRequest(
            principal=principal,
            after_sequence=(request.after_sequence if request.HasField("after_sequence") else None),
            channels=await self._channel_names(list(request.channels), principal),
            types=frozenset(types),
            include_typing=request.include_typing,
        )
        # The response headers go out as soon as the stream is live (unless a
        # replayed event took them already), so a client can wait for them
        # before doing what it wants to hear about.
        framed = False
        async for frame in self._streams.stream(stream_request):
            if frame is LIVE:
                if not framed:
                    yield SEND_HEADERS
                continue
            framed = True
            yield frame


def event_frame(value: bytes | pb.SubscribeResponse) -> bytes:
    """A Subscribe response on the wire: events arrive already encoded; anything else
    is encoded here."""
    return value if isinstance(value, bytes) else value.SerializeToString()
