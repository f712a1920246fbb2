"""Fan-out of committed events to live subscribers, on the event loop.

Each event reaches the bus already encoded, so delivering it to a thousand
subscribers hands the same bytes to a thousand streams: nothing is serialised
per subscriber. Each subscriber has a bounded queue; one that falls too far
behind is cut (and resumes from its cursor) instead of slowing anyone else.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from relaydesk_server.domain.events_model import LoggedEvent

Matcher = Callable[[LoggedEvent], bool]


class Subscription:
    def __init__(self, accepts: Matcher, capacity: int, skip_through: int) -> None:
        self.accepts = accepts
        self.capacity = capacity
        # Called once when the subscriber is cut for falling behind.
        self.on_cut: Callable[[], None] | None = None
        # Events up to here were already replayed from the log.
        self.skip_through = skip_through
        # The sequence of the last event handed to the subscriber's stream: where it
        # resumes if it ends now.
        self.delivered = skip_through
        self.queue: deque[LoggedEvent] = deque()
        self.ready = asyncio.Event()
        # When its stream last sent anything (time.monotonic), and the heartbeat frame it
        # is to send next, set by the streams' one heartbeat ticker once it is idle.
        self.last_sent = time.monotonic()
        self.heartbeat: bytes | None = None
        self.overflowed = False
        self.closing = False
        # Set once the stream serving this subscription has ended.
        self.finished = False

    def offer(self, events: list[LoggedEvent]) -> bool:
        """Queues the events this subscriber wants; False once it has fallen behind."""
        added = False
        for event in events:
            if event.sequence and event.sequence <= self.skip_through:
                continue
            if self.accepts(event):
                self.queue.append(event)
                added = True
        if len(self.queue) > self.capacity:
            self.cut()
            return False
        if added:
            self.ready.set()
        return True

    def cut(self) -> None:
        """Ends the subscription where its stream was: it resumes from its cursor."""
        self.overflowed = True
        self.queue.clear()
        self.ready.set()
        if self.on_cut is not None:
            self.on_cut()

    def close(self) -> None:
        self.closing = True
        self.ready.set()


class EventBus:
    def __init__(self, head: int, compacted_through: int, capacity: int) -> None:
        # The newest published sequence: every event up to it is committed.
        self.head = head
        # Events up to here are gone from the log (or about to be).
        self.compacted_through = compacted_through
        self.capacity = capacity
        # Set once the server stops: every subscription ends, later ones at once.
        self.closed = False
        self._subscriptions: set[Subscription] = set()
        # Replaying streams and the sequence each has read up to: compaction
        # never removes what one of them still has to read.
        self.replay_cursors: dict[object, int] = {}
        # Told of each ephemeral event published here.
        self.on_ephemeral: Callable[[LoggedEvent], None] | None = None

    @property
    def subscriber_count(self) -> int:
        return len(self._subscriptions)

    def live(self) -> list[Subscription]:
        """The subscriptions being served live now."""
        return list(self._subscriptions)

    def publish(self, events: list[LoggedEvent]) -> None:
        """Called with each committed batch, in sequence order."""
        self.head = events[-1].sequence
        self._fan_out(events)

    def publish_ephemeral(self, event: LoggedEvent) -> None:
        """Typing and the like: delivered live, never stored; and handed to `on_ephemeral`
        (the other servers sharing the database)."""
        self._fan_out([event])
        if self.on_ephemeral is not None:
            self.on_ephemeral(event)

    def publish_shared(self, event: LoggedEvent) -> None:
        """An ephemeral event another server published."""
        self._fan_out([event])

    def _fan_out(self, events: list[LoggedEvent]) -> None:
        behind = [sub for sub in self._subscriptions if not sub.offer(events)]
        for sub in behind:
            self._subscriptions.discard(sub)

    def subscribe(self, accepts: Matcher, skip_through: int) -> Subscription:
        subscription = Subscription(accepts, self.capacity, skip_through)
        if self.closed:
            # A stream that was replaying when the server began to stop.
            subscription.close()
        else:
            self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)

    def cut_all(self) -> None:
        """Every live subscriber resumes from the log by its cursor (the bus could not
        follow it)."""
        for subscription in self._subscriptions:
            subscription.cut()
        self._subscriptions.clear()

    def close_all(self) -> None:
        self.closed = True
        for subscription in self._subscriptions:
            subscription.close()
        self._subscriptions.clear()
