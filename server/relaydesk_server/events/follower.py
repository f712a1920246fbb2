"""Feeds the bus every committed event once, in sequence order, whichever server
committed it.

This server's writer hands over each batch it commits. Where several servers share
one database (PostgreSQL), the others' events are read from the log: when the
database says another server committed some (`nudge`), and whenever this server's
own batch starts past the bus's head — everything before it committed earlier
(sequences are taken in commit order), so it is in the log and is published first.
The bus therefore always sees one unbroken run of sequences; streams rely on that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from relaydesk_server.domain.events_model import LoggedEvent
from relaydesk_server.events.bus import EventBus

log = logging.getLogger(__name__)

# Reads the committed events after a sequence, in order (a page of them).
ReadAfter = Callable[[int], Awaitable[list[LoggedEvent]]]


class LogFollower:
    def __init__(self, bus: EventBus, read_after: ReadAfter) -> None:
        self._bus = bus
        self._read_after = read_after
        # Held while events are read from the log and published: what comes meanwhile
        # waits its turn, in order (asyncio's lock is fair).
        self._turn = asyncio.Lock()
        self._nudged = False
        self._tasks: set[asyncio.Task[None]] = set()

    def committed(self, events: list[LoggedEvent]) -> asyncio.Future[None] | None:
        """This server's committed batch. Published at once (None) when it follows the
        bus's head; otherwise once what comes before it is: the returned future."""
        if not self._turn.locked() and events[0].sequence <= self._bus.head + 1:
            self._publish(events)
            return None
        return self._spawn(self._after_catching_up(events))

    def nudge(self) -> None:
        """Another server may have committed events: publish them."""
        if self._nudged:
            return  # a catch-up is waiting for its turn; it will read them too
        self._nudged = True
        self._spawn(self._nudge())

    def _spawn(self, work: Awaitable[None]) -> asyncio.Task[None]:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _after_catching_up(self, events: list[LoggedEvent]) -> None:
        async with self._turn:
            if events[0].sequence > self._bus.head + 1:
                await self._catch_up(through=events[0].sequence - 1)
            self._publish(events)

    async def _nudge(self) -> None:
        async with self._turn:
            self._nudged = False
            await self._catch_up(through=None)

    async def _catch_up(self, through: int | None) -> None:
        """Publishes what the log holds after the bus's head: up to `through`, or all."""
        while through is None or self._bus.head < through:
            try:
                events = await self._read_after(self._bus.head)
            except Exception as error:
                if through is None:
                    log.exception("could not read other servers' events; retrying later")
                    return  # the next nudge or poll tries again
                self._cannot_fill(through, error)
                return
            if not events:
                if through is not None:
                    self._cannot_fill(through, None)
                return
            self._publish(events)

    def _cannot_fill(self, through: int, error: Exception | None) -> None:
        # The events before this server's own batch cannot be read: rather than hand
        # subscribers a gap, end every live stream where it was; each resumes from the
        # log by its cursor, which has everything.
        log.error(
            "could not read the events before this server's own; live streams resume from the log",
            extra={"head": self._bus.head, "through": through},
            exc_info=error,
        )
        self._bus.cut_all()
        self._bus.head = through

    def _publish(self, events: list[LoggedEvent]) -> None:
        head = self._bus.head
        fresh = events if events[0].sequence > head else [e for e in events if e.sequence > head]
        if fresh:
            self._bus.publish(fresh)
