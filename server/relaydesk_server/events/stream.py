"""One subscriber's stream: replay from the durable log, then live, with no gap.

The replay reads the log in pages until it has read everything the bus has
published; at that moment, with no await in between, it joins the bus. Events
it already read and that the bus publishes afterwards are skipped by sequence,
so nothing is missed, repeated or reordered, even while writes go on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import AsyncIterator, Callable

from relaydesk_server.clock import Clock
from relaydesk_server.domain.errors import (
    InvalidArgument,
    OutOfRange,
    ResourceExhausted,
    Unavailable,
)
from relaydesk_server.domain.events_model import EventType
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.events.bus import EventBus, Matcher, Subscription
from relaydesk_server.events.records import LoggedEvent
from relaydesk_server.events.visibility import may_see
from relaydesk_server.storage.events_repo import (
    compaction_bound,
    delete_through,
    last_sequence,
    read_events,
)
from relaydesk_server.storage.store import SqliteTransaction, Store

log = logging.getLogger(__name__)

REPLAY_PAGE = 1000


@dataclasses.dataclass(frozen=True)
class StreamRequest:
    principal: Principal
    after_sequence: int | None
    channels: frozenset[str] = frozenset()
    types: frozenset[EventType] = frozenset()
    include_typing: bool = False


def matcher(request: StreamRequest) -> Matcher:
    channels, types, principal = request.channels, request.types, request.principal

    def accepts(event: LoggedEvent) -> bool:
        if event.type is EventType.TYPING:
            if not request.include_typing:
                return False
        elif types and event.type not in types:
            return False
        if channels and event.channel not in channels:
            return False
        return may_see(principal, event)

    return accepts


def _read_page(
    tx: SqliteTransaction, *, after: int, channels: list[str], types: list[EventType]
) -> tuple[list[LoggedEvent], int]:
    return read_events(tx.db, after, channels, types, REPLAY_PAGE)


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
        stalled_grace: dt.timedelta = dt.timedelta(seconds=30),
    ) -> None:
        self._store = store
        self.bus = bus
        self._clock = clock
        self.heartbeat_interval = heartbeat_interval
        self.retention = retention
        self._heartbeat = heartbeat
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
        hear about it, then end its call, so a client that never reads again does
        not hold a handler blocked in a write."""
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()

        def abandon() -> None:
            if task is not None and not task.done() and not subscription.finished:
                log.info("ending a subscriber that stopped reading")
                task.cancel()

        def on_cut() -> None:
            loop.call_later(self.stalled_grace.total_seconds(), abandon)

        return on_cut

    async def _check_cursor(self, after: int) -> None:
        if after < 0:
            raise InvalidArgument.field("after_sequence", "must not be negative")
        # A replay can hand out a sequence that committed a moment before the
        # bus published it: ask the log before calling a cursor "future".
        if after > self.bus.head and after > await self._store.read(
            lambda tx: last_sequence(tx.db)
        ):
            raise InvalidArgument.field(
                "after_sequence",
                f"{after} is past the newest event ({self.bus.head}): a cursor comes from an "
                "event this server sent",
                reason="CURSOR_IN_FUTURE",
            )
        if after < self.bus.compacted_through:
            raise OutOfRange(
                f"events after {after} are no longer retained (the log starts after "
                f"{self.bus.compacted_through}); re-read state with the List RPCs and "
                "subscribe afresh",
                reason="CURSOR_EXPIRED",
            )

    async def stream(self, request: StreamRequest) -> AsyncIterator[bytes]:
        await self._stream_count_changed(+1)
        try:
            async for frame in self._stream(request):
                yield frame
        finally:
            await self._stream_count_changed(-1)

    async def _stream(self, request: StreamRequest) -> AsyncIterator[bytes]:
        accepts = matcher(request)
        if request.after_sequence is None:
            subscription = self.bus.subscribe(accepts, skip_through=self.bus.head)
        else:
            await self._check_cursor(request.after_sequence)
            token = object()
            scanned = self.bus.replay_cursors[token] = request.after_sequence
            channels = sorted(request.channels)
            types = sorted(request.types, key=lambda t: t.value)
            try:
                while True:
                    events, scanned = await self._store.read(
                        functools.partial(_read_page, after=scanned, channels=channels, types=types)
                    )
                    for event in events:
                        if accepts(event):
                            yield event.frame
                    self.bus.replay_cursors[token] = scanned
                    if len(events) < REPLAY_PAGE and self.bus.head <= scanned:
                        # Caught up; join the bus before anything else is published.
                        subscription = self.bus.subscribe(accepts, skip_through=scanned)
                        break
            finally:
                del self.bus.replay_cursors[token]
        subscription.on_cut = self._watch(subscription)
        try:
            async for frame in self._live(subscription):
                yield frame
        finally:
            subscription.finished = True
            self.bus.unsubscribe(subscription)

    async def _live(self, subscription: Subscription) -> AsyncIterator[bytes]:
        interval = self.heartbeat_interval.total_seconds()
        delivered = subscription.skip_through
        while True:
            if not (subscription.queue or subscription.overflowed or subscription.closing):
                subscription.ready.clear()
                try:
                    async with asyncio.timeout(interval):
                        await subscription.ready.wait()
                except TimeoutError:
                    # Idle: everything published so far was delivered or filtered out.
                    position = max(self.bus.head, subscription.skip_through)
                    yield self._heartbeat(position, self._clock.now())
                    continue
            if subscription.closing:
                raise Unavailable(
                    f"the server is shutting down; resume after sequence {delivered}",
                    reason="SHUTTING_DOWN",
                )
            if subscription.overflowed:
                raise ResourceExhausted(
                    f"this subscriber fell more than {subscription.capacity} events behind; "
                    f"resume with after_sequence = {delivered}",
                    reason="SUBSCRIBER_TOO_SLOW",
                )
            while subscription.queue:
                event = subscription.queue.popleft()
                if event.sequence:
                    delivered = event.sequence
                yield event.frame

    async def compact(self) -> int:
        """Removes events older than the retention that no replaying stream still needs."""
        cutoff = self._clock.now() - self.retention
        bound = await self._store.read(lambda tx: compaction_bound(tx.db, cutoff))
        bound = min([bound, *self.bus.replay_cursors.values()])
        if bound <= self.bus.compacted_through:
            return 0
        # From now on cursors below the bound are refused, before the rows go.
        self.bus.compacted_through = bound
        removed = await self._store.write(lambda tx: delete_through(tx.db, bound))
        log.info("compacted the event log", extra={"through": bound, "removed": removed})
        return removed
