"""A real relaydesk server on an ephemeral loopback port, over a temporary database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relaydesk.client import Client, connect
from relaydesk_server.clock import ManualClock
from tests.support import Harness, start_server


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    clock = ManualClock()
    data_dir = tmp_path / "data"
    running = await start_server(data_dir, clock)
    admin_key = (data_dir / "admin.key").read_text().strip()
    h = Harness(
        data_dir, clock, running, admin_key, connect(f"127.0.0.1:{running.port}", admin_key)
    )
    yield h
    await h.client.close()
    await h.running.stop(grace=None)


@pytest.fixture
def rd(harness: Harness) -> Client:
    """A client authenticated with the first admin key."""
    return harness.client
