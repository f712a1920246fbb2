"""The event stream's pure parts: wire framing and the visibility rule."""

from __future__ import annotations

import datetime as dt

import pytest

from relaydesk.v1 import event_pb2, event_service_pb2, message_pb2
from relaydesk_server.domain.events_model import EventType, LoggedEvent
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.visibility import person_view
from relaydesk_server.events.bus import EventBus
from relaydesk_server.events.stream import StreamRequest, matcher

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("body_size", [0, 1, 100, 127, 128, 300, 16_383, 16_384, 40_000, 3_000_000])
def test_frames_match_what_protobuf_would_encode(body_size: int) -> None:
    event = event_pb2.Event(
        sequence=7,
        type=event_pb2.EVENT_TYPE_MESSAGE_ADDED,
        message=message_pb2.Message(body="x" * body_size),
    )
    logged = LoggedEvent(7, EventType.MESSAGE_ADDED, None, NOW, event.SerializeToString())
    expected = event_service_pb2.SubscribeResponse(event=event).SerializeToString()
    assert logged.frame == expected
    assert event_service_pb2.SubscribeResponse.FromString(logged.frame).event == event


def test_admins_and_services_see_everything_people_only_what_concerns_them() -> None:
    event = LoggedEvent(1, EventType.MESSAGE_ADDED, "channels/CH" + "0" * 32, NOW, b"")
    for role in (Role.ADMIN, Role.SERVICE):
        request = StreamRequest(Principal(role, "apiKeys/a"), after_sequence=None)
        assert matcher(request)(event)
    agent = Principal(Role.AGENT, "alice", identity="alice")
    assert not matcher(StreamRequest(agent, None), person_view(agent, []))(event)
    customer = Principal(Role.CUSTOMER, "bob", identity="bob", channel=event.channel)
    assert not matcher(StreamRequest(customer, None), person_view(customer, []))(event)


def test_a_stream_that_joins_the_bus_once_the_server_stops_ends_at_once() -> None:
    # A replay still reading the log when the server began to stop joins a closed bus:
    # its stream ends like the others (UNAVAILABLE, naming where it got to), not at the
    # end of the grace.
    bus = EventBus(head=7, compacted_through=0, capacity=10)
    bus.close_all()
    subscription = bus.subscribe(lambda event: True, skip_through=7)
    assert subscription.closing
    assert subscription.delivered == 7
    assert bus.subscriber_count == 0
