"""`relaydesk serve` as a real process: starts, answers, logs JSON, stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from relaydesk.client import Client, connect
from relaydesk.v1 import flow_service_pb2 as pb
from tests.support import create_default_workflow, task_flow

READY_TIMEOUT = 30


async def read_json_until(stream: asyncio.StreamReader, message: str) -> dict[str, object]:
    while True:
        line = await asyncio.wait_for(stream.readline(), READY_TIMEOUT)
        if not line:
            raise AssertionError(f"the server exited before logging {message!r}")
        entry = json.loads(line)
        if entry["message"] == message:
            return entry


async def start(data_dir: Path) -> tuple[asyncio.subprocess.Process, dict[str, object]]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        str(data_dir),
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "RELAYDESK_LOG_FORMAT": "json"},
    )
    assert process.stderr is not None
    ready = await read_json_until(process.stderr, "relaydesk is serving")
    return process, ready


@contextlib.asynccontextmanager
async def serving(data_dir: Path) -> AsyncIterator[tuple[asyncio.subprocess.Process, Client]]:
    """A `relaydesk serve` process and an admin client of it; killed on the way out if alive."""
    process, ready = await start(data_dir)
    try:
        key = (data_dir / "admin.key").read_text().strip()
        async with connect(f"127.0.0.1:{ready['port']}", key) as client:
            await create_default_workflow(client)
            yield process, client
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_serve_answers_then_drains_on_sigterm(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with serving(data_dir) as (process, client):
        health = health_pb2_grpc.HealthStub(client.channel)
        status = await health.Check(health_pb2.HealthCheckRequest())
        assert status.status == health_pb2.HealthCheckResponse.SERVING
        created = await client.flows.CreateFlow(
            pb.CreateFlowRequest(flow=task_flow(), request_id="cli-1")
        )
        process.send_signal(signal.SIGTERM)
        assert process.stderr is not None
        await read_json_until(process.stderr, "stopped")
        assert await asyncio.wait_for(process.wait(), READY_TIMEOUT) == 0

    # The acknowledged write is there for the next process.
    async with serving(data_dir) as (process, client):
        got = await client.flows.GetFlow(pb.GetFlowRequest(name=created.flow.name))
        assert got.flow == created.flow
        process.send_signal(signal.SIGINT)
        assert await asyncio.wait_for(process.wait(), READY_TIMEOUT) == 0


async def test_the_first_start_says_where_the_admin_key_is(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    process, ready = await start(data_dir)
    try:
        assert ready["admin_key_file"] == str((data_dir / "admin.key").resolve())
    finally:
        process.kill()
        await process.wait()


async def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with serving(data_dir) as (process, client):
        created = await asyncio.gather(
            *(
                client.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow(f"+1555{i:04d}")))
                for i in range(40)
            )
        )
        process.kill()  # no shutdown path runs: only what was committed is on disk
        await process.wait()
    async with serving(data_dir) as (_, client):
        listed = await client.flows.ListFlows(pb.ListFlowsRequest(page_size=1000))
        assert {f.name for f in listed.flows} == {c.flow.name for c in created}


async def test_serve_on_a_taken_port_fails_with_a_clear_message(tmp_path: Path) -> None:
    blocker = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = blocker.sockets[0].getsockname()[1]
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "relaydesk_server.cli",
            "serve",
            "--listen",
            f"127.0.0.1:{port}",
            "--data-dir",
            str(tmp_path / "data"),
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await asyncio.wait_for(process.communicate(), READY_TIMEOUT)
        assert process.returncode == 1
        assert b"cannot listen on" in stderr
    finally:
        blocker.close()
        await blocker.wait_closed()


@pytest.mark.parametrize(
    "flag",
    [
        "--shutdown-grace=soon",
        "--log-format=xml",
        "--event-retention=0s",
        "--heartbeat-interval=x",
        "--token-call-rate=fast",
        "--token-call-rate=-1",
        "--key-call-rate=nan",
    ],
)
async def test_bad_flags_are_rejected(flag: str, tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        flag,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), READY_TIMEOUT)
    assert process.returncode == 2
    assert b"usage:" in stderr
