"""People's views of the event log (domain/visibility.py), folded over hand-built events."""

from __future__ import annotations

import datetime as dt

from relaydesk_server.domain.events_model import EventType, LoggedEvent
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.visibility import View, person_view
from relaydesk_server.events.stream import StreamRequest, matcher

T = EventType
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
A = "channels/CH" + "a" * 32
B = "channels/CH" + "b" * 32
AGENT = Principal(Role.AGENT, "alice", identity="alice")
CUSTOMER = Principal(Role.CUSTOMER, "+1555", identity="+1555", channel=A)


class Log:
    """Builds events with consecutive sequences."""

    def __init__(self) -> None:
        self.sequence = 0

    def __call__(
        self,
        kind: EventType,
        channel: str | None = None,
        person: str | None = None,
        *,
        internal: bool = False,
    ) -> LoggedEvent:
        self.sequence += 1
        return LoggedEvent(self.sequence, kind, channel, NOW, b"", person, internal)


def typing(channel: str) -> LoggedEvent:
    return LoggedEvent(0, T.TYPING, channel, NOW, b"")


def fold(view: View, events: list[LoggedEvent]) -> list[int]:
    """The sequences `view` sees (typing as 0), folding over every event in order."""
    return [e.sequence for e in events if view.sees(e)]


def test_an_agent_sees_a_channel_from_its_joining_to_its_leaving() -> None:
    log = Log()
    events = [
        log(T.CHANNEL_CREATED, A),  # 1
        log(T.MESSAGE_ADDED, A),  # 2: before she joined
        log(T.MEMBER_JOINED, A, "bob"),  # 3: someone else joining
        log(T.MEMBER_JOINED, A, "alice"),  # 4: opens
        log(T.MESSAGE_ADDED, A, internal=True),  # 5: internal messages too
        log(T.SESSION_UPDATED, A),  # 6
        log(T.EXECUTION_UPDATED, A),  # 7
        log(T.MEMBER_UPDATED, A, "bob"),  # 8
        log(T.MESSAGE_ADDED, B),  # 9: not her channel
        log(T.MEMBER_LEFT, A, "bob"),  # 10: someone else leaving
        log(T.MEMBER_LEFT, A, "alice"),  # 11: closes, still seen
        log(T.MESSAGE_ADDED, A),  # 12: after she left
        log(T.MEMBER_JOINED, A, "alice"),  # 13: again
        log(T.CHANNEL_CLOSED, A),  # 14
        log(T.CHANNEL_DELETED, A),  # 15: closes, still seen
        log(T.CHANNEL_UPDATED, A),  # 16: (a channel gone can have no more; still not seen)
    ]
    view = person_view(AGENT, [])
    assert fold(view, events) == [4, 5, 6, 7, 8, 10, 11, 13, 14, 15]


def test_an_agent_sees_its_own_routing_and_not_its_channels_tasks() -> None:
    log = Log()
    events = [
        log(T.WORKER_CREATED, None, "alice"),  # 1
        log(T.WORKER_CREATED, None, "bob"),  # 2
        log(T.MEMBER_JOINED, A, "alice"),  # 3
        log(T.TASK_CREATED, A, None),  # 4: in her channel, not assigned to her
        log(T.RESERVATION_CREATED, A, "bob"),  # 5: bob's offer of it
        log(T.RESERVATION_CREATED, B, "alice"),  # 6: her offer, elsewhere
        log(T.TASK_UPDATED, B, "alice"),  # 7: assigned to her
        log(T.TASK_UPDATED, A, "bob"),  # 8
        log(T.WORKER_UPDATED, None, "alice"),  # 9
        log(T.WORKER_DELETED, None, "alice"),  # 10
    ]
    assert fold(person_view(AGENT, []), events) == [1, 3, 6, 7, 9, 10]


def test_a_view_starts_from_the_memberships_open_at_its_cursor() -> None:
    log = Log()
    events = [log(T.MESSAGE_ADDED, A), log(T.MESSAGE_ADDED, B), log(T.CHANNEL_DELETED, A)]
    events.append(log(T.MESSAGE_ADDED, B))
    assert fold(person_view(AGENT, [A]), events) == [1, 3]
    assert fold(person_view(AGENT, [A, B]), events) == [1, 2, 3, 4]
    assert fold(person_view(CUSTOMER, [A]), events) == [1, 3]
    assert fold(person_view(CUSTOMER, [B]), events) == []


def test_typing_follows_the_current_memberships() -> None:
    log = Log()
    view = person_view(AGENT, [])
    assert not view.sees(typing(A))
    assert view.sees(log(T.MEMBER_JOINED, A, "alice"))
    assert view.sees(typing(A))
    assert not view.sees(typing(B))
    assert view.sees(log(T.MEMBER_LEFT, A, "alice"))
    assert not view.sees(typing(A))
    customer = person_view(CUSTOMER, [A])
    assert customer.sees(typing(A))
    assert not customer.sees(typing(B))


def test_a_customer_sees_its_channels_conversation_only() -> None:
    log = Log()
    events = [
        log(T.CHANNEL_CREATED, A),  # 1: before it joined
        log(T.SESSION_CREATED, A),  # 2
        log(T.MEMBER_JOINED, A, "+1555"),  # 3: opens
        log(T.MESSAGE_ADDED, A),  # 4
        log(T.SESSION_UPDATED, A),  # 5: never sessions
        log(T.TASK_CREATED, A),  # 6: nor tasks
        log(T.RESERVATION_CREATED, A, "alice"),  # 7: nor reservations
        log(T.MEMBER_JOINED, A, "alice"),  # 8
        log(T.MESSAGE_ADDED, A, internal=True),  # 9: nor internal messages
        log(T.MESSAGE_UPDATED, A, internal=True),  # 10
        log(T.MESSAGE_DELETED, A, internal=True),  # 11
        log(T.EXECUTION_CREATED, A),  # 12: nor executions
        log(T.MESSAGE_ADDED, B),  # 13: nor other channels
        log(T.MEMBER_JOINED, B, "+1555"),  # 14: even as a member there
        log(T.MESSAGE_UPDATED, A),  # 15
        log(T.WORKER_UPDATED, None, "+1555"),  # 16: nor workers
        log(T.CHANNEL_UPDATED, A),  # 17
        log(T.MEMBER_LEFT, A, "+1555"),  # 18: closes, still seen
        log(T.MESSAGE_ADDED, A),  # 19
        log(T.MEMBER_JOINED, A, "+1555"),  # 20
        log(T.CHANNEL_CLOSED, A),  # 21
        log(T.CHANNEL_DELETED, A),  # 22: closes, still seen
        log(T.MESSAGE_ADDED, A),  # 23
    ]
    assert fold(person_view(CUSTOMER, []), events) == [3, 4, 8, 15, 17, 18, 20, 21, 22]


def test_people_without_an_identity_or_a_channel_see_nothing() -> None:
    log = Log()
    events = [log(T.MEMBER_JOINED, A, "x"), log(T.MESSAGE_ADDED, A), log(T.WORKER_CREATED)]
    for principal in (
        Principal(Role.AGENT, "x"),
        Principal(Role.CUSTOMER, "x", identity="x"),
    ):
        assert fold(person_view(principal, [A]), events) == []


def test_the_view_follows_memberships_that_the_filters_leave_out() -> None:
    log = Log()
    events = [
        log(T.MEMBER_JOINED, A, "alice"),  # 1
        log(T.MESSAGE_ADDED, A),  # 2
        log(T.MEMBER_LEFT, A, "alice"),  # 3
        log(T.MESSAGE_ADDED, A),  # 4
        log(T.MEMBER_JOINED, B, "alice"),  # 5
        log(T.MESSAGE_ADDED, B),  # 6
    ]
    request = StreamRequest(AGENT, None, types=frozenset({T.MESSAGE_ADDED}))
    accepts = matcher(request, person_view(AGENT, []))
    assert [e.sequence for e in events if accepts(e)] == [2, 6]
    request = StreamRequest(AGENT, None, channels=frozenset({B}))
    accepts = matcher(request, person_view(AGENT, []))
    assert [e.sequence for e in events if accepts(e)] == [5, 6]
