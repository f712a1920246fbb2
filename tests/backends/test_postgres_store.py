"""The store on PostgreSQL: the same migrations and repositories as on SQLite."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import psycopg
import pytest

from relaydesk_server.clock import ManualClock
from relaydesk_server.domain.names import RandomIds
from relaydesk_server.storage.migrations import MIGRATIONS
from relaydesk_server.storage.postgres.engine import PostgresEngine
from relaydesk_server.storage.store import Store, StoreTransaction
from tests.support import encode_sequence, log_channel_events


def new_store(url: str) -> Store:
    return Store(PostgresEngine(url), ManualClock(), RandomIds(), event_encoder=encode_sequence)


@pytest.fixture
async def store(postgres_url: str) -> AsyncIterator[Store]:
    s = new_store(postgres_url)
    s.open()
    yield s
    await s.close()


async def test_every_migration_applies_and_a_second_start_applies_none(
    postgres_url: str,
) -> None:
    first = new_store(postgres_url)
    assert first.open() == [m.name for m in MIGRATIONS]
    await first.close()
    second = new_store(postgres_url)
    assert second.open() == []
    await second.close()


async def test_concurrent_first_starts_migrate_once(postgres_url: str) -> None:
    stores = [new_store(postgres_url) for _ in range(4)]
    applied = await asyncio.gather(*(asyncio.to_thread(s.open) for s in stores))
    assert sorted(len(names) for names in applied) == [0, 0, 0, len(MIGRATIONS)]
    for s in stores:
        await s.close()
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute("SELECT count(*) FROM activities").fetchone()
    assert row is not None
    assert row[0] == 4  # the default activities, seeded once


async def test_a_failing_write_rolls_back_alone_within_its_batch(store: Store) -> None:
    def insert_then_fail(tx: StoreTransaction) -> None:
        tx.db.insert("server_secrets", {"name": "doomed", "value": "x"})
        raise ValueError("no")

    def insert(tx: StoreTransaction) -> None:
        tx.db.insert("server_secrets", {"name": "kept", "value": "y"})

    results = await asyncio.gather(
        store.write(insert_then_fail), store.write(insert), return_exceptions=True
    )
    assert isinstance(results[0], ValueError)
    names = await store.read(
        lambda tx: [row["name"] for row in tx.db.query("SELECT name FROM server_secrets")]
    )
    assert names == ["kept"]


async def test_the_event_log_head_survives_compaction(postgres_url: str) -> None:
    store = new_store(postgres_url)
    store.open()
    try:
        assert await store.write(log_channel_events(7)) == list(range(1, 8))
        assert await store.write(lambda tx: tx.events.delete_through(7)) == 7
        assert await store.read(lambda tx: tx.events.last_sequence()) == 7
        bound = await store.read(lambda tx: tx.events.compaction_bound(dt.datetime.now(dt.UTC)))
        assert bound == 0
        # Numbering goes on after the compacted ones.
        assert await store.write(log_channel_events(1)) == [8]
    finally:
        await store.close()
