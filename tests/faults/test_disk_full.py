"""Disk trouble: the database lives on a small filesystem of its own (a tmpfs the test
mounts, size-limited), which fills up while clients write. Writes then fail with a clear
UNAVAILABLE or RESOURCE_EXHAUSTED (never UNKNOWN or INTERNAL), reads keep working,
nothing acknowledged is lost, and writing resumes once space is freed."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2

from relaydesk.client import NO_RETRY, RelaydeskError, connect
from relaydesk.v1 import channel_service_pb2
from tests.faults.conftest import Figures
from tests.support import (
    ServeProcess,
    get_channel,
    health_status,
    integrity_check,
    new_channel,
)

pytestmark = pytest.mark.faults

DISK_SIZE = "16m"
BODY = "x" * 4000
CLEAR_FAILURES = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED}
MAX_WRITES = 20_000  # a bound on the writes it takes to fill the disk


@contextlib.contextmanager
def small_disk(where: Path) -> Iterator[Path]:
    """A tmpfs of DISK_SIZE mounted at `where` (root only), unmounted on the way out."""
    where.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(where)],
        check=True,
    )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def take_half_the_space(path: Path) -> int:
    """A ballast file holding half the filesystem's free space; returns its size."""
    free = os.statvfs(path.parent)
    size = free.f_bavail * free.f_frsize // 2
    with path.open("wb") as ballast:
        ballast.write(b"\0" * size)
        ballast.flush()
        os.fsync(ballast.fileno())
    return size


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a size-limited filesystem needs root")
async def test_a_full_disk_fails_writes_clearly_keeps_reads_and_recovers(
    tmp_path: Path, figures: Figures
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        server = ServeProcess(disk / "data", "--channel-message-rate", "1000000")
        await server.start()
        rd = connect(server.target, server.admin_key, retry=NO_RETRY)
        try:
            channel = (await new_channel(rd)).name
            acknowledged: list[str] = []

            async def write(body: str) -> grpc.StatusCode:
                request = channel_service_pb2.SendMessageRequest(parent=channel, body=body)
                try:
                    await rd.channels.SendMessage(request)
                except RelaydeskError as error:
                    return error.code()
                acknowledged.append(body)
                return grpc.StatusCode.OK

            # Half the free space holds ballast; the database fills the rest as it grows.
            ballast = take_half_the_space(disk / "ballast")
            codes: Counter[grpc.StatusCode] = Counter()
            for i in range(MAX_WRITES):
                code = await write(f"{i}:{BODY}")
                codes[code] += 1
                if code != grpc.StatusCode.OK:
                    break
            assert codes[grpc.StatusCode.OK] < MAX_WRITES, "the disk never filled up"
            written_before_full = len(acknowledged)
            # Full: every write fails clearly, none half-applied.
            for code in await asyncio.gather(*(write(f"full {i}:{BODY}") for i in range(20))):
                codes[code] += 1
            failures = {c for c in codes if c != grpc.StatusCode.OK}
            assert failures <= CLEAR_FAILURES, codes
            assert len(acknowledged) == written_before_full, "a write succeeded on a full disk"
            # Reads go on, and show everything acknowledged.
            assert (await get_channel(rd, channel)).message_count == len(acknowledged)
            stored = [m.body for m in await messages_all(rd, channel)]
            assert stored == acknowledged
            assert await health_status(server.target) == health_pb2.HealthCheckResponse.SERVING

            # Space comes back: writing resumes.
            (disk / "ballast").unlink()
            resumed_after = 0
            async with asyncio.timeout(30):
                while await write("after the space came back") != grpc.StatusCode.OK:
                    resumed_after += 1
            for i in range(20):
                assert await write(f"again {i}") == grpc.StatusCode.OK
            stored = [m.body for m in await messages_all(rd, channel)]
            assert stored == acknowledged
            # Failing storage is logged as such; no call ended in an unhandled error.
            unhandled = [e for e in server.errors() if "unhandled" in str(e.get("message"))]
            assert unhandled == [], unhandled[:3]

            # A clean stop, a sound file, and a restart that has it all.
            await rd.close()
            server.terminate()
            assert await server.wait() == 0
            assert integrity_check(server.db_path) == ["ok"]
            await server.start()
            rd = connect(server.target, server.admin_key, retry=NO_RETRY)
            stored = [m.body for m in await messages_all(rd, channel)]
            assert stored == acknowledged
        finally:
            await rd.close()
            await server.close()
    figures(
        disk=DISK_SIZE,
        ballast_mib=ballast / 2**20,
        writes_before_full=written_before_full,
        failures={c.name: n for c, n in codes.items() if c != grpc.StatusCode.OK},
        failed_writes_before_resuming=resumed_after,
    )


async def messages_all(rd: object, channel: str) -> list[channel_service_pb2.SendMessageRequest]:
    """Every message of the channel, in index order, across pages."""
    request = channel_service_pb2.ListMessagesRequest(parent=channel, page_size=1000)
    return [m async for m in rd.items(rd.channels.ListMessages, request)]  # type: ignore[attr-defined]
