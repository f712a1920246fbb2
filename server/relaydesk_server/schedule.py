"""The loop shared by the server's background services (timers, outbound
deliveries, webhooks): work whenever poked or when the next due time comes,
on the server's clock, and keep going whatever goes wrong in one round.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from relaydesk_server.clock import Clock

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = dt.timedelta(seconds=1)
_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


class Schedule:
    """Runs `work` each round: right away when it says there may be more
    (returns True), else once `next_due()` comes or `poke()` is called."""

    def __init__(
        self,
        name: str,
        clock: Clock,
        work: Callable[[], Awaitable[bool]],
        next_due: Callable[[], Awaitable[dt.datetime | None]],
    ) -> None:
        self._name = name
        self._clock = clock
        self._work = work
        self._next_due = next_due
        self._wake = asyncio.Event()
        # Set while waiting between rounds: whatever was due has been done and recorded.
        self.idle = asyncio.Event()

    def poke(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while True:
            self._wake.clear()
            self.idle.clear()
            try:
                if await self._work():
                    continue
                due = await self._next_due()
            except Exception:
                # Storage trouble must not stop the service for good: look again soon.
                log.exception("%s failed; retrying", self._name)
                due = self._clock.now() + RETRY_AFTER_FAILURE
            self.idle.set()
            await self._clock.sleep_until(due or _FAR_FUTURE, self._wake)
