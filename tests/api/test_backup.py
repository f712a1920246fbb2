"""`relaydesk backup`: a consistent copy of a live database, taken while the server writes."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from relaydesk.client import connect
from relaydesk.v1 import message_pb2
from relaydesk_server.backup import BackupError, backup_database
from relaydesk_server.clock import ManualClock
from tests.conftest import HarnessFactory
from tests.support import Harness, messages, new_channel, send, start_server

# A backup copies the SQLite file of a server.
pytestmark = pytest.mark.sqlite_only

TIMEOUT = 30  # seconds: an upper bound on waiting, never a pause
CHANNELS = 4
WRITERS_PER_CHANNEL = 8
BEFORE = 200  # messages acknowledged before the backup begins


async def run_backup(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "backup",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def integrity(path: Path) -> list[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in db.execute("PRAGMA integrity_check")]
    finally:
        db.close()


@pytest.fixture
async def busy(harness_factory: HarnessFactory) -> Harness:
    """A server whose channels take messages as fast as they come."""
    return await harness_factory(channel_message_rate=1e6, channel_message_burst=1_000_000)


async def test_a_backup_under_concurrent_writes_restores_every_acknowledged_message(
    busy: Harness, tmp_path: Path
) -> None:
    rd = busy.client
    channels = [(await new_channel(rd)).name for _ in range(CHANNELS)]
    acknowledged: list[message_pb2.Message] = []
    enough = asyncio.Event()
    done = asyncio.Event()

    async def writer(channel: str, number: int) -> None:
        count = 0
        while not done.is_set():
            acknowledged.append(await send(rd, channel, f"writer {number} message {count}"))
            count += 1
            if len(acknowledged) >= BEFORE:
                enough.set()

    writers = [
        asyncio.create_task(writer(channel, n))
        for channel in channels
        for n in range(WRITERS_PER_CHANNEL)
    ]
    try:
        await asyncio.wait_for(enough.wait(), TIMEOUT)
        before = list(acknowledged)  # all acknowledged before the backup process starts
        dest = tmp_path / "backup.db"
        code, out, err = await run_backup(str(dest), "--data-dir", str(busy.data_dir))
        during = len(acknowledged) - len(before)
    finally:
        done.set()
        await asyncio.gather(*writers)
    assert code == 0, err
    assert str(dest) in out
    assert during > 0  # the writes went on while the backup ran

    assert integrity(dest) == ["ok"]
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert [name for name in os.listdir(tmp_path) if name.startswith(".")] == []  # no leftovers

    # Restore: a new server on a data directory holding the backup as relaydesk.db.
    restored_dir = tmp_path / "restored"
    restored_dir.mkdir(mode=0o700)
    (restored_dir / "relaydesk.db").write_bytes(dest.read_bytes())
    restored = await start_server(restored_dir, ManualClock())
    try:
        async with connect(f"127.0.0.1:{restored.port}", busy.admin_key) as copy:
            for channel in channels:
                live = await messages(rd, channel)
                kept = await messages(copy, channel)
                # One snapshot: each channel's messages up to some point, none missing.
                assert kept == live[: len(kept)]
                assert [m.index for m in kept] == list(range(len(kept)))
                acked_before = {m.name for m in before if m.name.startswith(channel + "/")}
                assert acked_before <= {m.name for m in kept}
    finally:
        await restored.stop(grace=None)


async def test_an_existing_file_is_kept_unless_forced(harness: Harness, tmp_path: Path) -> None:
    channel = await new_channel(harness.client)
    await send(harness.client, channel.name, "first")
    dest = tmp_path / "backup.db"
    dest.write_bytes(b"keep me")

    code, _, err = await run_backup(str(dest), "--data-dir", str(harness.data_dir))
    assert code == 1
    assert "exists" in err
    assert dest.read_bytes() == b"keep me"

    code, _, err = await run_backup(str(dest), "--data-dir", str(harness.data_dir), "--force")
    assert code == 0, err
    assert integrity(dest) == ["ok"]
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


async def test_the_copy_is_owner_only_whatever_the_umask(harness: Harness, tmp_path: Path) -> None:
    dest = tmp_path / "backup.db"
    previous = os.umask(0)
    try:
        result = await asyncio.to_thread(backup_database, harness.data_dir / "relaydesk.db", dest)
    finally:
        os.umask(previous)
    assert result.size == dest.stat().st_size
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert integrity(dest) == ["ok"]


def test_without_a_database_nothing_is_written(tmp_path: Path) -> None:
    dest = tmp_path / "backup.db"
    with pytest.raises(BackupError, match="no database"):
        backup_database(tmp_path / "missing" / "relaydesk.db", dest)
    assert list(tmp_path.iterdir()) == []


async def test_usage(tmp_path: Path) -> None:
    code, _, err = await run_backup()
    assert code == 2
    assert "usage:" in err
    code, _, err = await run_backup(str(tmp_path / "b.db"), "--data-dir", str(tmp_path / "x"))
    assert code == 1
    assert err.startswith("error: no database at ")
