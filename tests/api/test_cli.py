"""`relaydesk serve` as a real process: starts, answers, logs JSON, stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from relaydesk.client import Client, connect
from relaydesk.v1 import flow_service_pb2 as pb
from relaydesk_server.cli import build_parser
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


async def test_serve_answers_browsers_on_its_http_port_then_drains(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        "--listen=127.0.0.1:0",
        f"--data-dir={data_dir}",
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "RELAYDESK_LOG_FORMAT": "json", "RELAYDESK_HTTP_LISTEN": "127.0.0.1:0"},
    )
    try:
        assert process.stderr is not None
        ready = await read_json_until(process.stderr, "relaydesk is serving")
        assert ready["http_listen"] == "127.0.0.1:0"
        key = (data_dir / "admin.key").read_text().strip()
        async with httpx.AsyncClient(timeout=READY_TIMEOUT) as http:
            listed = await http.post(
                f"http://127.0.0.1:{ready['http_port']}/relaydesk.v1.FlowService/ListFlows",
                json={},
                headers={"authorization": f"Bearer {key}"},
            )
        assert listed.status_code == 200, listed.text
        assert listed.json() == {}
        process.send_signal(signal.SIGTERM)
        await read_json_until(process.stderr, "stopped")
        assert await asyncio.wait_for(process.wait(), READY_TIMEOUT) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_serve_refuses_a_plaintext_http_port_on_every_interface(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        "--http-listen=0.0.0.0:0",
        f"--data-dir={tmp_path / 'data'}",
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), READY_TIMEOUT)
    assert process.returncode == 2
    assert b"--http-listen" in stderr
    assert b"Traceback" not in stderr
    assert not (tmp_path / "data").exists()


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


async def run_serve(tmp_path: Path, *flags: str, env: dict[str, str] | None = None) -> str:
    """Runs `relaydesk serve` expecting it to refuse to start: its exit status is 2
    and its stderr (returned) a usage error; never a server left running."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        "--data-dir",
        str(tmp_path / "data"),
        *flags,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), READY_TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = stderr.decode()
    assert process.returncode == 2, text
    assert "Traceback" not in text
    assert "usage:" in text
    return text


@pytest.mark.parametrize(
    "flag",
    [
        "--shutdown-grace=soon",
        "--shutdown-grace=-1s",
        "--shutdown-grace=3651d",
        "--log-format=xml",
        "--log-level=loud",
        "--event-loop=trio",
        "--event-retention=0s",
        "--event-retention=99999999999999d",
        "--heartbeat-interval=x",
        "--heartbeat-interval=0ms",
        "--subscriber-buffer=-5",
        "--subscriber-buffer=0",
        "--subscriber-buffer=ten",
        "--channel-message-rate=0",
        "--channel-message-rate=-1",
        "--channel-message-rate=nan",
        "--channel-message-rate=inf",
        "--channel-message-rate=1e308",
        "--token-call-rate=fast",
        "--token-call-rate=-1",
        "--token-call-rate=1e-300",
        "--key-call-rate=nan",
        "--listen=127.0.0.1:65536",
        "--listen=127.0.0.1:-1",
        "--listen=127.0.0.1:http",
        "--listen=127.0.0.1",
        "--listen=::1:50051",
        "--http-listen=127.0.0.1",
        "--http-listen=8080",
        "--http-listen=::1:8080",
        "--http-listen=unix:/run/relaydesk.sock",
        "--webchat-start-rate=fast",
        "--webchat-start-rate=-1",
        "--webchat-start-rate=nan",
    ],
)
async def test_bad_flags_are_rejected(flag: str, tmp_path: Path) -> None:
    name = flag.partition("=")[0]
    stderr = await run_serve(tmp_path, flag)
    assert f"relaydesk serve: error: argument {name}: " in stderr
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("variable", "value", "flag"),
    [
        ("RELAYDESK_EVENT_RETENTION", "soon", "--event-retention"),
        ("RELAYDESK_HEARTBEAT_INTERVAL", "0s", "--heartbeat-interval"),
        ("RELAYDESK_SHUTDOWN_GRACE", "forever", "--shutdown-grace"),
        ("RELAYDESK_SUBSCRIBER_BUFFER", "-5", "--subscriber-buffer"),
        ("RELAYDESK_CHANNEL_MESSAGE_RATE", "0", "--channel-message-rate"),
        ("RELAYDESK_TOKEN_CALL_RATE", "fast", "--token-call-rate"),
        ("RELAYDESK_KEY_CALL_RATE", "-1", "--key-call-rate"),
        ("RELAYDESK_LISTEN", "localhost", "--listen"),
        ("RELAYDESK_LOG_FORMAT", "xml", "--log-format"),
        ("RELAYDESK_LOG_LEVEL", "loud", "--log-level"),
        ("RELAYDESK_EVENT_LOOP", "trio", "--event-loop"),
        ("RELAYDESK_ALLOW_INSECURE", "maybe", "--allow-insecure"),
        ("RELAYDESK_HTTP_LISTEN", "localhost", "--http-listen"),
        ("RELAYDESK_WEBCHAT_START_RATE", "-1", "--webchat-start-rate"),
    ],
)
async def test_bad_environment_values_are_usage_errors_naming_the_flag(
    variable: str, value: str, flag: str, tmp_path: Path
) -> None:
    stderr = await run_serve(tmp_path, env={variable: value})
    assert f"relaydesk serve: error: argument {flag}: " in stderr or (
        f"relaydesk serve: error: {flag} (env {variable}): " in stderr
    )
    assert repr(value) in stderr
    assert not (tmp_path / "data").exists()


def test_values_at_the_bounds_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAYDESK_EVENT_RETENTION", "soon")  # the command line wins
    args = build_parser().parse_args(
        [
            "serve",
            "--listen=[::1]:65535",
            "--shutdown-grace=0s",
            "--event-retention=3650d",
            "--heartbeat-interval=1ms",
            "--subscriber-buffer=1",
            "--channel-message-rate=0.001",
            "--token-call-rate=0",
            "--key-call-rate=1000000",
            "--http-listen=[::1]:0",
            "--webchat-start-rate=0",
        ]
    )
    assert args.listen == "[::1]:65535"
    assert args.shutdown_grace == dt.timedelta(0)
    assert args.event_retention == dt.timedelta(days=3650)
    assert args.heartbeat_interval == dt.timedelta(milliseconds=1)
    assert args.subscriber_buffer == 1
    assert args.channel_message_rate == 0.001
    assert (args.token_call_rate, args.key_call_rate) == (0, 1_000_000)
    assert (args.http_listen, args.webchat_start_rate) == ("[::1]:0", 0)
    monkeypatch.delenv("RELAYDESK_EVENT_RETENTION")
    for listen in ("0.0.0.0:0", ":50051", "localhost:50051", "unix:/run/relaydesk.sock"):
        assert build_parser().parse_args(["serve", "--listen", listen]).listen == listen


def test_defaults_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAYDESK_EVENT_RETENTION", "1h30m")
    monkeypatch.setenv("RELAYDESK_SUBSCRIBER_BUFFER", "64")
    monkeypatch.setenv("RELAYDESK_CHANNEL_MESSAGE_RATE", "2.5")
    monkeypatch.setenv("RELAYDESK_HTTP_LISTEN", "127.0.0.1:8080")
    monkeypatch.setenv("RELAYDESK_WEBCHAT_START_RATE", "30")
    args = build_parser().parse_args(["serve"])
    assert (args.http_listen, args.webchat_start_rate) == ("127.0.0.1:8080", 30)
    assert args.event_retention == dt.timedelta(hours=1, minutes=30)
    assert args.subscriber_buffer == 64
    assert args.channel_message_rate == 2.5
    assert args.heartbeat_interval == dt.timedelta(seconds=15)
