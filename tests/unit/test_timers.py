"""Durable timers never drop what they owe: a firing that fails is retried later,
with backoff on the server's clock; only a handler's domain refusal drops a timer."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relaydesk_server.clock import ManualClock
from relaydesk_server.domain.errors import FailedPrecondition
from relaydesk_server.domain.names import RandomIds
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.storage.store import SqliteStore
from relaydesk_server.workers.schedule import retry_delay
from relaydesk_server.workers.timers import TimerService


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    s = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    s.open()
    yield s
    await s.close()


class Flaky:
    """A timer handler that fails the first `failures` times with `error`, then works."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures = failures
        self.error = error
        self.calls: list[str] = []

    def __call__(self, tx: Transaction, subject: str) -> None:
        self.calls.append(subject)
        if len(self.calls) <= self.failures:
            raise self.error


async def schedule(store: SqliteStore, when: dt.datetime) -> None:
    await store.write(lambda tx: tx.timers.schedule("test", "subject-1", when))


async def next_due(store: SqliteStore) -> dt.datetime | None:
    return await store.read(lambda tx: tx.timers.next_due())


async def test_a_timer_whose_firing_fails_is_retried_with_backoff(
    store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    handler = Flaky(2, sqlite3.OperationalError("disk I/O error"))
    timers = TimerService(store, clock, {"test": handler})
    start = clock.now()
    await schedule(store, start)

    with caplog.at_level(logging.ERROR, logger="relaydesk_server.workers.timers"):
        await timers.fire_due()
    assert handler.calls == ["subject-1"]
    # Still owed, a second later; nothing else fires before then.
    assert await next_due(store) == start + dt.timedelta(seconds=1)
    assert "fires again in 0:00:01" in caplog.text
    await timers.fire_due()
    assert handler.calls == ["subject-1"]

    clock.advance(dt.timedelta(seconds=1))
    await timers.fire_due()
    assert handler.calls == ["subject-1"] * 2
    assert await next_due(store) == clock.now() + dt.timedelta(seconds=2)  # backing off

    clock.advance(dt.timedelta(seconds=2))
    await timers.fire_due()
    assert handler.calls == ["subject-1"] * 3
    assert await next_due(store) is None  # done at last


async def test_a_handler_that_refuses_drops_its_timer(
    store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    refusal = FailedPrecondition.one("STATE", "tasks/x", "it ended meanwhile")
    handler = Flaky(1, refusal)
    timers = TimerService(store, clock, {"test": handler})
    await schedule(store, clock.now())
    with caplog.at_level(logging.WARNING, logger="relaydesk_server.workers.timers"):
        await timers.fire_due()
    assert handler.calls == ["subject-1"]
    assert await next_due(store) is None
    assert "refused by its handler and dropped" in caplog.text


def test_retries_back_off_to_a_minute() -> None:
    delays = [retry_delay(n).total_seconds() for n in range(1, 10)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
