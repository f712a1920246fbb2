"""The store's writer: group commit, per-write isolation, durability, migrations."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from relaydesk_server.clock import ManualClock
from relaydesk_server.domain.errors import InvalidArgument
from relaydesk_server.domain.keys_model import ApiKey, Role
from relaydesk_server.domain.names import RandomIds
from relaydesk_server.storage.migrations import MIGRATIONS, NewerDatabase
from relaydesk_server.storage.store import SqliteStore, StoreTransaction

ALL_MIGRATIONS = [m.name for m in MIGRATIONS]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    s = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    s.open()
    yield s
    await s.close()


def insert_key(key_id: str) -> Callable[[StoreTransaction], str]:
    def fn(tx: StoreTransaction) -> str:
        now = tx.now()
        tx.api_keys.insert(ApiKey(key_id, "k", Role.SERVICE, "hash-" + key_id, now, now))
        return key_id

    return fn


def failing_after_insert(key_id: str) -> Callable[[StoreTransaction], None]:
    def fn(tx: StoreTransaction) -> None:
        insert_key(key_id)(tx)
        raise InvalidArgument.field("x", "rejected after writing")

    return fn


async def test_a_failing_write_rolls_back_alone_within_its_batch(store: SqliteStore) -> None:
    jobs = []
    for i in range(50):
        fn = failing_after_insert(f"bad{i}") if i % 5 == 0 else insert_key(f"ok{i}")
        jobs.append(store.write(fn))
    results = await asyncio.gather(*jobs, return_exceptions=True)
    failures = [r for r in results if isinstance(r, InvalidArgument)]
    assert len(failures) == 10
    stored = {k.id for k in await store.read(lambda tx: tx.api_keys.all())}
    assert stored == {f"ok{i}" for i in range(50) if i % 5}


async def test_acknowledged_writes_are_on_disk_for_a_fresh_connection(
    store: SqliteStore, tmp_path: Path
) -> None:
    await asyncio.gather(*(store.write(insert_key(f"k{i}")) for i in range(20)))
    # A separate connection (as after a crash and restart) sees every acknowledged write.
    conn = sqlite3.connect(tmp_path / "r.db")
    try:
        assert conn.execute("SELECT count(*) FROM api_keys").fetchone()[0] == 20
    finally:
        conn.close()


async def test_database_settings(store: SqliteStore, tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "r.db")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        migrations = [row[0] for row in conn.execute("SELECT name FROM schema_migrations")]
        assert migrations == ALL_MIGRATIONS
    finally:
        conn.close()


async def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    first = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    assert first.open() == ALL_MIGRATIONS
    await first.close()
    second = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    assert second.open() == []
    await second.close()


async def test_writes_after_close_are_refused(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    store.open()
    await store.close()
    with pytest.raises(Exception, match="shutting down"):
        await store.write(insert_key("late"))


async def test_a_rolled_back_write_leaves_no_trace_in_the_writers_channel_cache(
    store: SqliteStore,
) -> None:
    import dataclasses

    from relaydesk_server.domain.channels_model import Channel, ChannelSpec, ChannelState

    def create(tx: StoreTransaction) -> Channel:
        now = tx.now()
        channel = Channel("CH" + "a" * 32, ChannelSpec(), ChannelState.ACTIVE, now, now)
        tx.channels.insert(channel)
        return channel

    channel = await store.write(create)

    def bump_then_fail(tx: StoreTransaction) -> None:
        current = tx.channels.get(channel.id)
        assert current is not None
        tx.channels.update_counters(dataclasses.replace(current, next_message_index=99))
        raise InvalidArgument.field("x", "rejected after writing")

    with pytest.raises(InvalidArgument):
        await store.write(bump_then_fail)
    in_writer = await store.write(lambda tx: tx.channels.get(channel.id))
    on_disk = await store.read(lambda tx: tx.channels.get(channel.id))
    assert in_writer is not None
    assert on_disk is not None
    assert in_writer.next_message_index == on_disk.next_message_index == 0


async def test_a_database_upgraded_by_a_newer_version_is_refused(tmp_path: Path) -> None:
    first = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    first.open()
    await first.close()
    conn = sqlite3.connect(tmp_path / "r.db")
    with conn:
        conn.execute(
            "INSERT INTO schema_migrations (name, applied_time) VALUES ('9999_future', 'x')"
        )
    conn.close()
    newer = SqliteStore(tmp_path / "r.db", ManualClock(), RandomIds())
    with pytest.raises(NewerDatabase, match="9999_future"):
        newer.open()
