"""Which events a caller may see (API §9): one rule for every event of a stream,
live and in replays from any cursor.

Admins and services see everything. People (agents and customers) see what
concerns them, and a conversation only while they are a member of it: an
event at sequence s of channel c is visible to a person iff its membership of
c was open at s. Its own MEMBER_JOINED opens the membership (and is visible),
its own MEMBER_LEFT, or the channel's CHANNEL_DELETED, closes it (and is still
visible). That depends only on the log up to s, so a live stream and a replay
from any cursor deliver exactly the same events.

Each event carries facts worked out once, when it is logged (`person_of`,
`is_internal`), and a person's `View` folds over the log in sequence order:
`sees` decides an event and, meeting its person's own membership changes,
updates the set of channels it is a member of. Storage keeps the same spans
(`member_spans`), so a stream starting at any cursor knows where its person
was a member at that point.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from relaydesk_server.domain.channels_model import Member, Message, MessageDirection
from relaydesk_server.domain.events_model import DomainEvent, EventType, LoggedEvent
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.tasks_model import Reservation, Task
from relaydesk_server.domain.workforce_model import Worker

E = EventType

MEMBER_TYPES = frozenset((E.MEMBER_JOINED, E.MEMBER_LEFT, E.MEMBER_UPDATED))
MESSAGE_TYPES = frozenset((E.MESSAGE_ADDED, E.MESSAGE_UPDATED, E.MESSAGE_DELETED))
CHANNEL_TYPES = frozenset(
    (E.CHANNEL_CREATED, E.CHANNEL_UPDATED, E.CHANNEL_CLOSED, E.CHANNEL_DELETED)
)
# Events about one person's routing: visible to that person wherever they are.
PERSONAL_TYPES = frozenset(
    (
        E.WORKER_CREATED,
        E.WORKER_UPDATED,
        E.WORKER_DELETED,
        E.RESERVATION_CREATED,
        E.RESERVATION_UPDATED,
        E.TASK_CREATED,
        E.TASK_UPDATED,
    )
)
# What an agent may see of a channel it is a member of.
CONVERSATION_TYPES = (
    CHANNEL_TYPES
    | MEMBER_TYPES
    | MESSAGE_TYPES
    | {E.SESSION_CREATED, E.SESSION_UPDATED, E.EXECUTION_CREATED, E.EXECUTION_UPDATED, E.TYPING}
)
# What a customer may see of its channel.
CUSTOMER_TYPES = CHANNEL_TYPES | MEMBER_TYPES | MESSAGE_TYPES | {E.TYPING}
# The events that open or close a membership; storage keeps spans from them.
MEMBERSHIP_TYPES = frozenset((E.MEMBER_JOINED, E.MEMBER_LEFT, E.CHANNEL_DELETED))

# A worker's id → its identity (None when there is no such worker).
WorkerIdentity = Callable[[str], str | None]


# -- facts, worked out by the writer as each event is logged ------------------


def person_of(event: DomainEvent, worker_identity: WorkerIdentity) -> str | None:
    """The identity `event` is personally about: the member's, the worker's, or
    the identity of the worker of a reservation or of a task's assigned worker."""
    payload = event.payload
    if isinstance(payload, Member):
        return payload.identity
    if isinstance(payload, Worker):
        return payload.spec.identity
    if isinstance(payload, Reservation):
        return worker_identity(payload.worker_id)
    if isinstance(payload, Task):
        return worker_identity(payload.worker.partition("/")[2]) if payload.worker else None
    return None


def is_internal(event: DomainEvent) -> bool:
    """Whether `event` is about an INTERNAL message (never shown to customers)."""
    payload = event.payload
    return isinstance(payload, Message) and payload.direction is MessageDirection.INTERNAL


# -- views: the rule, folded over the log in sequence order ------------------


class View(Protocol):
    def sees(self, event: LoggedEvent) -> bool:
        """Whether the view's person sees `event`. Called for every event of the log
        after the view's starting point, in sequence order (typing, with sequence 0,
        at any time): it also follows the person's memberships."""


class AgentView:
    """An agent: its channels' conversation events while it is a member, its own
    worker's events, and the reservations and tasks of its worker."""

    __slots__ = ("_identity", "channels")

    def __init__(self, identity: str, member_of: Iterable[str]) -> None:
        self._identity = identity
        # The channels the agent is a member of at the point the view has reached.
        self.channels = set(member_of)

    def sees(self, event: LoggedEvent) -> bool:
        kind = event.type
        if kind in PERSONAL_TYPES:
            # Task and reservation events come only by their worker, never by
            # membership of the task's channel.
            return event.person == self._identity
        channel = event.channel
        if channel is None:
            return False
        mine = event.person == self._identity
        if kind is E.MEMBER_JOINED and mine:
            self.channels.add(channel)
            return True
        if channel not in self.channels:
            return False
        if (kind is E.MEMBER_LEFT and mine) or kind is E.CHANNEL_DELETED:
            self.channels.discard(channel)
        return kind in CONVERSATION_TYPES


class CustomerView:
    """A customer: its one channel's channel, member and (not internal) message
    events, and typing, while it is a member."""

    __slots__ = ("_channel", "_identity", "member")

    def __init__(self, identity: str, channel: str, member_of: Iterable[str]) -> None:
        self._identity = identity
        self._channel = channel
        # Whether the customer is a member of its channel at the point reached.
        self.member = channel in member_of

    def sees(self, event: LoggedEvent) -> bool:
        if event.channel != self._channel:
            return False
        kind = event.type
        if kind not in CUSTOMER_TYPES:
            return False
        mine = event.person == self._identity
        if kind is E.MEMBER_JOINED and mine:
            self.member = True
            return True
        if not self.member:
            return False
        if (kind is E.MEMBER_LEFT and mine) or kind is E.CHANNEL_DELETED:
            self.member = False
            return True
        return not (event.internal and kind in MESSAGE_TYPES)


class NobodyView:
    """A person credential without an identity (or a customer without a channel)."""

    __slots__ = ()

    def sees(self, event: LoggedEvent) -> bool:
        return False


def person_view(principal: Principal, member_of: Iterable[str]) -> View:
    """The view of an agent or a customer, starting where it was a member of
    `member_of` (the channels whose membership was open at the starting point)."""
    identity = principal.identity
    if not identity:
        return NobodyView()
    if principal.role is Role.CUSTOMER:
        if not principal.channel:
            return NobodyView()
        return CustomerView(identity, principal.channel, member_of)
    if principal.role is Role.AGENT:
        return AgentView(identity, member_of)
    return NobodyView()


def scope_of(principal: Principal) -> str | None:
    """The one channel a customer's events can come from (None: any channel)."""
    return (principal.channel or "") if principal.role is Role.CUSTOMER else None
