"""Where the server's idea of "now" comes from.

Every timestamp and timer reads a Clock, so tests can drive time by hand
instead of sleeping.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware UTC."""
        ...

    async def sleep_until(self, when: dt.datetime, wake: asyncio.Event) -> None:
        """Returns at `when`, or earlier once `wake` is set (which it leaves set)."""
        ...


async def _wait(wake: asyncio.Event, seconds: float | None) -> None:
    try:
        async with asyncio.timeout(seconds):
            await wake.wait()
    except TimeoutError:
        pass


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    async def sleep_until(self, when: dt.datetime, wake: asyncio.Event) -> None:
        await _wait(wake, max((when - self.now()).total_seconds(), 0.0))


class ManualClock:
    """A clock that moves only when told to. Advancing it wakes every sleeper, which
    then looks at the new time (a sleeper woken early simply sleeps again)."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        self._sleepers: set[asyncio.Event] = set()

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        if delta < dt.timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._now += delta
        for wake in self._sleepers:
            wake.set()
        return self._now

    async def sleep_until(self, when: dt.datetime, wake: asyncio.Event) -> None:
        if self._now >= when:
            return
        self._sleepers.add(wake)
        try:
            await wake.wait()
        finally:
            self._sleepers.discard(wake)
