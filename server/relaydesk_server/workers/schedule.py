"""The loop shared by the server's background services (timers, outbound
deliveries, webhooks, bots' HTTP calls, and the expiry of open streams): work
whenever poked or when the next due time comes, on the server's clock, and
keep going whatever goes wrong in one round.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from relaydesk_server.clock import Clock

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = dt.timedelta(seconds=1)
RETRY_AT_MOST_EVERY = dt.timedelta(minutes=1)
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
        failures = 0
        while True:
            self._wake.clear()
            self.idle.clear()
            try:
                if await self._work():
                    failures = 0
                    continue
                due = await self._next_due()
                failures = 0
            except Exception:
                # Storage trouble must not stop the service for good: look again,
                # later each time it fails again, and say when.
                failures += 1
                delay = retry_delay(failures)
                log.exception(
                    "%s failed; retrying in %s", self._name, delay, extra={"attempt": failures}
                )
                due = self._clock.now() + delay
            self.idle.set()
            await self._clock.sleep_until(due or _FAR_FUTURE, self._wake)


def retry_delay(failures: int) -> dt.timedelta:
    """How long to wait after `failures` failures in a row: 1 s, doubling, at most 1 min."""
    delay: dt.timedelta = RETRY_AFTER_FAILURE * 2 ** min(failures - 1, 16)
    return min(delay, RETRY_AT_MOST_EVERY)
