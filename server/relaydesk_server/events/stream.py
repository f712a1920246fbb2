"""One subscriber's stream: replay from the durable log, then live, with no gap.

The replay reads the log in pages until it has read everything the bus has
published; at that moment, with no await in between, it joins the bus. Events
it already read and that the bus publishes afterwards are skipped by sequence,
so nothing is missed, repeated or reordered, even while writes go on.

An agent's or a customer's stream decides each event with its person's view
(domain/visibility.py), which folds over the log in sequence order. Its replay
reads only the rows that can concern the person (and every row the view has to
fold, whatever the stream's filters), starting with the person's memberships
as of the cursor, read in the same transaction as the first page; the same
view then goes on with the live events. A person's stream without a cursor
replays from the bus's head, so its view starts from there exactly.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import enum
import functools
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from relaydesk_server.clock import Clock
from relaydesk_server.domain.errors import (
    DomainError,
    InvalidArgument,
    OutOfRange,
    ResourceExhausted,
    Unavailable,
)
from relaydesk_server.domain.events_model import EventType, LoggedEvent
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.ports import Store, Transaction
from relaydesk_server.domain.visibility import (
    CHANNEL_TYPES,
    MEMBER_TYPES,
    View,
    person_view,
    scope_of,
)
from relaydesk_server.events.bus import EventBus, Matcher, Subscription

# The events a customer gets rewritten (transport: as_customer_sees).
REDACTED_FOR_CUSTOMERS = MEMBER_TYPES | CHANNEL_TYPES

log = logging.getLogger(__name__)

REPLAY_PAGE = 1000

# Ends the call the task serves with the error, whatever it is waiting for (the transport's:
# transport/streams.py OpenStreams.end).
EndStream = Callable[["asyncio.Task[Any]", DomainError], None]


class Live(enum.Enum):
    """What a stream yields once, between its replay and its live events."""

    LIVE = "live"


LIVE = Live.LIVE


@dataclasses.dataclass(frozen=True)
class StreamRequest:
    principal: Principal
    after_sequence: int | None
    channels: frozenset[str] = frozenset()
    types: frozenset[EventType] = frozenset()
    include_typing: bool = False


def matcher(request: StreamRequest, view: View | None = None) -> Matcher:
    """The stream's filters, on top of the person's `view` (None: admins and
    services, who see every event)."""
    channels, types, include_typing = request.channels, request.types, request.include_typing

    def accepts(event: LoggedEvent) -> bool:
        if event.type is EventType.TYPING:
            if not include_typing:
                return False
        elif types and event.type not in types:
            return False
        return not channels or event.channel in channels

    if view is None:
        return accepts
    sees = view.sees

    def accepts_visible(event: LoggedEvent) -> bool:
        # The view is shown every event, filtered out or not, so that it follows
        # its person's memberships.
        return sees(event) and accepts(event)

    return accepts_visible


def _fell_behind(subscription: Subscription) -> ResourceExhausted:
    """How a subscriber cut for falling behind is told, with where to resume: after the
    last event its stream was handed (one it gets before this error)."""
    return ResourceExhausted(
        f"this subscriber fell more than {subscription.capacity} events behind; "
        f"resume with after_sequence = {subscription.delivered}",
        reason="SUBSCRIBER_TOO_SLOW",
    )


def _expired(after: int, compacted_through: int) -> OutOfRange:
    return OutOfRange(
        f"events after {after} are no longer retained (the log starts after "
        f"{compacted_through}); re-read state with the List RPCs and subscribe afresh",
        reason="CURSOR_EXPIRED",
    )


def _check_retained(tx: Transaction, after: int) -> None:
    """Refuses to replay from `after` once compaction (on any server sharing the
    database) removed events after it: a replay never skips what it cannot read."""
    compacted_through = tx.events.compacted_through()
    if after < compacted_through:
        raise _expired(after, compacted_through)


def _read_page(
    tx: Transaction, *, after: int, channels: list[str], types: list[EventType]
) -> tuple[list[LoggedEvent], int]:
    _check_retained(tx, after)
    return tx.events.read(after, channels, types, REPLAY_PAGE)


def _read_personal_page(
    tx: Transaction, *, after: int, identity: str, scope: str | None
) -> tuple[list[LoggedEvent], int]:
    _check_retained(tx, after)
    return tx.events.read_personal(after, identity, scope, REPLAY_PAGE)


def _read_first_personal_page(
    tx: Transaction, *, after: int, identity: str, scope: str | None
) -> tuple[list[str], list[LoggedEvent], int]:
    """The person's memberships as of `after`, and the first page after it, from
    one snapshot."""
    _check_retained(tx, after)
    member_of = tx.events.member_channels(identity, scope, after)
    return member_of, *tx.events.read_personal(after, identity, scope, REPLAY_PAGE)


class EventStreams:
    def __init__(
        self,
        store: Store,
        bus: EventBus,
        clock: Clock,
        *,
        heartbeat_interval: dt.timedelta,
        retention: dt.timedelta,
        heartbeat: Callable[[int, dt.datetime], bytes],
        as_customer_sees: Callable[[LoggedEvent], bytes],
        end_stream: EndStream,
        stalled_grace: dt.timedelta = dt.timedelta(seconds=30),
    ) -> None:
        self._store = store
        self.bus = bus
        self._clock = clock
        self.heartbeat_interval = heartbeat_interval
        self.retention = retention
        self._heartbeat = heartbeat
        # A member event's frame as customers get it: without the member's attributes.
        self._as_customer_sees = as_customer_sees
        self._end_stream = end_stream
        self.stalled_grace = stalled_grace
        self.open_streams = 0
        self._streams_changed: asyncio.Condition | None = None

    async def wait_for_open_streams(self, count: int) -> None:
        """Returns once exactly `count` streams are open (for tests and metrics)."""
        if self._streams_changed is None:
            self._streams_changed = asyncio.Condition()
        async with self._streams_changed:
            await self._streams_changed.wait_for(lambda: self.open_streams == count)

    async def _stream_count_changed(self, delta: int) -> None:
        self.open_streams += delta
        if self._streams_changed is not None:
            async with self._streams_changed:
                self._streams_changed.notify_all()

    def _watch(self, subscription: Subscription) -> Callable[[], None]:
        """What to do when `subscription` is cut: give its reader a grace period to
        hear about it; if its stream is still stuck (its handler waiting for the client
        to take what the transport is writing), end its call with the error it would
        have had, so a client that never reads again does not hold a handler. The
        client gets what was on its way, then the error, whenever it reads again."""
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()

        def abandon() -> None:
            if task is not None and not task.done() and not subscription.finished:
                log.info(
                    "ending a subscriber that stopped reading",
                    extra={"resume_after": subscription.delivered},
                )
                self._end_stream(task, _fell_behind(subscription))

        def on_cut() -> None:
            loop.call_later(self.stalled_grace.total_seconds(), abandon)

        return on_cut

    async def _check_cursor(self, after: int) -> None:
        if after < 0:
            raise InvalidArgument.field("after_sequence", "must not be negative")
        # A replay can hand out a sequence that committed a moment before the
        # bus published it: ask the log before calling a cursor "future".
        if after > self.bus.head and after > await self._store.read(
            lambda tx: tx.events.last_sequence()
        ):
            raise InvalidArgument.field(
                "after_sequence",
                f"{after} is past the newest event ({self.bus.head}): a cursor comes from an "
                "event this server sent",
                reason="CURSOR_IN_FUTURE",
            )
        if after < self.bus.compacted_through:
            raise _expired(after, self.bus.compacted_through)

    async def stream(self, request: StreamRequest) -> AsyncIterator[bytes | Live]:
        """The stream's frames, and LIVE once, when it has joined the bus: whatever
        commits after that is sure to reach it."""
        await self._stream_count_changed(+1)
        try:
            async for frame in self._stream(request):
                yield frame
        finally:
            await self._stream_count_changed(-1)

    async def _stream(self, request: StreamRequest) -> AsyncIterator[bytes | Live]:
        principal = request.principal
        # Customers get member and channel events without what they never see.
        rewrite = self._as_customer_sees if principal.role is Role.CUSTOMER else None
        if principal.is_privileged and request.after_sequence is None:
            subscription = self.bus.subscribe(matcher(request), skip_through=self.bus.head)
        else:
            if request.after_sequence is None:
                # A person's stream starts live too, from the head; but its view
                # needs the memberships as of there, so it goes the replay's way.
                after = self.bus.head
            else:
                after = request.after_sequence
                await self._check_cursor(after)
            token = object()
            scanned = self.bus.replay_cursors[token] = after
            read: Callable[[Transaction], tuple[list[LoggedEvent], int]]
            accepts: Matcher | None = None
            if principal.is_privileged:
                accepts = matcher(request)
                read = functools.partial(
                    _read_page,
                    channels=sorted(request.channels),
                    types=sorted(request.types, key=lambda t: t.value),
                )
            else:
                identity, scope = principal.identity or "", scope_of(principal)
                read = functools.partial(_read_personal_page, identity=identity, scope=scope)
                first = functools.partial(_read_first_personal_page, identity=identity, scope=scope)
            try:
                while True:
                    if accepts is None:
                        # A person's view starts from its memberships as of the cursor.
                        member_of, events, scanned = await self._store.read(
                            functools.partial(first, after=scanned)
                        )
                        accepts = matcher(request, person_view(principal, member_of))
                    else:
                        events, scanned = await self._store.read(
                            functools.partial(read, after=scanned)
                        )
                    for event in events:
                        if accepts(event):
                            yield event.frame if rewrite is None else self._frame(event, rewrite)
                    self.bus.replay_cursors[token] = scanned
                    if len(events) < REPLAY_PAGE and self.bus.head <= scanned:
                        # Caught up; join the bus before anything else is published.
                        subscription = self.bus.subscribe(accepts, skip_through=scanned)
                        break
            finally:
                del self.bus.replay_cursors[token]
        subscription.on_cut = self._watch(subscription)
        yield LIVE
        try:
            async for frame in self._live(subscription, rewrite):
                yield frame
        finally:
            subscription.finished = True
            self.bus.unsubscribe(subscription)
            # Its watch holds this stream's task, which holds how it ended: a cycle
            # that only the collector's full pass would free, all at once.
            subscription.on_cut = None

    def _frame(self, event: LoggedEvent, rewrite: Callable[[LoggedEvent], bytes] | None) -> bytes:
        if rewrite is not None and event.type in REDACTED_FOR_CUSTOMERS:
            return rewrite(event)
        return event.frame

    async def _live(
        self, subscription: Subscription, rewrite: Callable[[LoggedEvent], bytes] | None
    ) -> AsyncIterator[bytes]:
        while True:
            if not (
                subscription.queue
                or subscription.overflowed
                or subscription.closing
                or subscription.heartbeat
            ):
                subscription.ready.clear()
                await subscription.ready.wait()
            if subscription.closing:
                raise Unavailable(
                    f"the server is shutting down; resume after sequence {subscription.delivered}",
                    reason="SHUTTING_DOWN",
                )
            if subscription.overflowed:
                raise _fell_behind(subscription)
            heartbeat, subscription.heartbeat = subscription.heartbeat, None
            if heartbeat is not None and not subscription.queue:
                # Still idle: everything published when it was made was delivered or
                # filtered out (else events came since, and say more than it would).
                subscription.last_sent = time.monotonic()
                yield heartbeat
                continue
            while subscription.queue:
                event = subscription.queue.popleft()
                if event.sequence:
                    subscription.delivered = event.sequence
                yield event.frame if rewrite is None else self._frame(event, rewrite)
            subscription.last_sent = time.monotonic()

    async def send_heartbeats(self) -> None:
        """Runs until cancelled: every tenth of the heartbeat interval, hands a heartbeat to
        each live stream that has sent nothing for an interval and has nothing to send.
        One timer for every stream, and one frame for all that share a position, instead
        of a timer and a frame each: ten thousand idle agents cost little."""
        interval = self.heartbeat_interval.total_seconds()
        while True:
            await asyncio.sleep(interval / 10)  # a tick, not synchronisation
            now = time.monotonic()
            frames: dict[int, bytes] = {}
            for subscription in self.bus.live():
                if subscription.queue or now - subscription.last_sent < interval:
                    continue
                position = max(self.bus.head, subscription.skip_through)
                frame = frames.get(position)
                if frame is None:
                    frame = frames[position] = self._heartbeat(position, self._clock.now())
                subscription.heartbeat = frame
                subscription.ready.set()

    async def compact(self) -> int:
        """Removes events older than the retention that no replaying stream still needs."""
        cutoff = self._clock.now() - self.retention
        bound = await self._store.read(lambda tx: tx.events.compaction_bound(cutoff))
        bound = min([bound, *self.bus.replay_cursors.values()])
        if bound <= self.bus.compacted_through:
            return 0
        # From now on cursors below the bound are refused, before the rows go.
        self.bus.compacted_through = bound
        removed = await self._store.write(lambda tx: tx.events.delete_through(bound))
        log.info("compacted the event log", extra={"through": bound, "removed": removed})
        return removed
