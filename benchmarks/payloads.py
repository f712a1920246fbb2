"""What goes over the wire, built once so that both sides send the same sizes and shapes."""

from __future__ import annotations

import time

from google.protobuf import timestamp_pb2

from relaydesk.v1 import channel_service_pb2, event_pb2, event_service_pb2, message_pb2

# A message body of this many characters makes a SendMessageRequest of about 200 bytes.
BODY_CHARS = 150
_FILLER = "Hello, I would like to change the delivery address of my order. " * 3

# The shape of a server-made resource id: a two-letter prefix and 32 hex digits.
_EXAMPLE_CHANNEL = "channels/CH" + "0123456789abcdef" * 2
_EXAMPLE_MESSAGE = _EXAMPLE_CHANNEL + "/messages/IM" + "fedcba9876543210" * 2


def body(label: str = "") -> str:
    """A message body of exactly BODY_CHARS characters that starts with `label`."""
    return (label + _FILLER)[:BODY_CHARS].ljust(BODY_CHARS, ".")


def stamped_body(sent_ns: int) -> str:
    """A body carrying its send time (time.monotonic_ns(), read by `sent_ns_of`)."""
    return body(f"t={sent_ns};")


def sent_ns_of(text: str) -> int | None:
    """The send time in a body made by `stamped_body`; None for any other body."""
    if not text.startswith("t="):
        return None
    return int(text[2 : text.index(";")])


def echo_payload() -> bytes:
    """What the echo baseline sends: an encoded SendMessageRequest (about 200 bytes)."""
    request = channel_service_pb2.SendMessageRequest(parent=_EXAMPLE_CHANNEL, body=body())
    return request.SerializeToString()


def subscribe_request() -> event_service_pb2.SubscribeRequest:
    """What every subscriber of the bare fan-out server sends (it does not read it)."""
    return event_service_pb2.SubscribeRequest(
        channels=[_EXAMPLE_CHANNEL], types=[event_pb2.EVENT_TYPE_MESSAGE_ADDED]
    )


def message_added(text: str) -> bytes:
    """An encoded SubscribeResponse shaped like the MESSAGE_ADDED events relaydesk sends."""
    now = timestamp_pb2.Timestamp()
    now.FromNanoseconds(time.time_ns())
    message = message_pb2.Message(
        name=_EXAMPLE_MESSAGE,
        index=41,
        author="system",
        body=text,
        direction=message_pb2.MESSAGE_DIRECTION_OUTBOUND,
        create_time=now,
        update_time=now,
        etag="0123456789abcdef",
    )
    event = event_pb2.Event(
        sequence=123456,
        create_time=now,
        type=event_pb2.EVENT_TYPE_MESSAGE_ADDED,
        message=message,
    )
    return event_service_pb2.SubscribeResponse(event=event).SerializeToString()
