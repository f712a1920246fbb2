"""Runs durable timers when they fall due, on the server's clock.

Timers live in the database (a restart keeps them); this service only watches
the earliest one. Each due timer fires in a write of its own, which first
checks the timer is still there and due (it may have been cancelled or moved
meanwhile), then removes it and runs its handler, all in one transaction.

A timer whose firing fails is never lost: its write rolled back, so the timer
is still stored, and it is moved a little later (1 s, doubling up to a
minute) and fired again, with a log line each time. Only a handler's domain
refusal (its work no longer applies, e.g. what it was for has gone) drops it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Callable, Sequence

from relaydesk_server.clock import Clock
from relaydesk_server.domain.errors import DomainError, Unavailable
from relaydesk_server.domain.ports import Store, Transaction
from relaydesk_server.workers.schedule import Schedule, retry_delay

log = logging.getLogger(__name__)

TimerHandler = Callable[[Transaction, str], None]
FIRE_BATCH = 200


def _due(tx: Transaction, now: dt.datetime) -> Sequence[tuple[str, str]]:
    return tx.timers.due(now, FIRE_BATCH)


class TimerService:
    def __init__(self, store: Store, clock: Clock, handlers: dict[str, TimerHandler]) -> None:
        self._store = store
        self._clock = clock
        self._handlers = handlers
        # Failures in a row of the timers that are being retried.
        self._failures: dict[tuple[str, str], int] = {}
        self._schedule = Schedule(
            "firing timers",
            clock,
            self._fire_round,
            lambda: store.read(lambda tx: tx.timers.next_due()),
        )

    def poke(self) -> None:
        """A timer was scheduled or moved: look again at the earliest one."""
        self._schedule.poke()

    async def run(self) -> None:
        await self._schedule.run()

    async def _fire_round(self) -> bool:
        await self.fire_due()
        return False  # fire_due goes on until nothing is due

    async def fire_due(self) -> int:
        """Fires every timer due now; returns how many fired."""
        fired = 0
        while True:
            now = self._clock.now()
            due = await self._store.read(functools.partial(_due, now=now))
            if not due:
                return fired
            results = await asyncio.gather(
                *(self._store.write(self._firing(kind, subject)) for kind, subject in due),
                return_exceptions=True,
            )
            for (kind, subject), result in zip(due, results, strict=True):
                if isinstance(result, DomainError) and not isinstance(result, Unavailable):
                    await self._drop(kind, subject, result)
                elif isinstance(result, BaseException):
                    await self._retry_later(kind, subject, result)
                else:
                    self._failures.pop((kind, subject), None)
            fired += len(due)

    def _firing(self, kind: str, subject: str) -> Callable[[Transaction], None]:
        def fire(tx: Transaction) -> None:
            if not tx.timers.is_due(kind, subject, tx.now()):
                return  # cancelled or moved since it was found
            tx.timers.cancel(kind, subject)
            self._handlers[kind](tx, subject)

        return fire

    async def _drop(self, kind: str, subject: str, error: DomainError) -> None:
        # The handler refused: what the timer was for no longer applies.
        log.warning(
            "a %s timer of %s was refused by its handler and dropped",
            kind,
            subject,
            extra={"error": str(error)},
        )
        self._failures.pop((kind, subject), None)
        await self._store.write(lambda tx: tx.timers.cancel(kind, subject))

    async def _retry_later(self, kind: str, subject: str, error: BaseException) -> None:
        """The firing failed (storage trouble, say): the timer stays, a little later."""
        failures = self._failures.get((kind, subject), 0) + 1
        self._failures[(kind, subject)] = failures
        delay = retry_delay(failures)
        log.error(
            "a %s timer of %s failed; it fires again in %s",
            kind,
            subject,
            delay,
            exc_info=error,
            extra={"attempt": failures, "error": str(error)},
        )
        when = self._clock.now() + delay
        # Moving it also takes it out of this round's due list (no busy loop); if
        # even that fails, the round fails and the schedule retries it later.
        await self._store.write(lambda tx: tx.timers.schedule(kind, subject, when))
