"""The servers under test, each run as a child process, and their memory as /proc sees it."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import json
import os
import signal
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
_START_TIMEOUT_S = 30.0
_STOP_TIMEOUT_S = 10.0
_TAIL_LINES = 20

RELAYDESK_COMMAND = [sys.executable, "-m", "relaydesk_server.cli", "serve"]
RELAYDESK_READY = "relaydesk is serving"
BARE_COMMAND = [sys.executable, "-m", "benchmarks.bare_server"]
BARE_READY = "bare server is serving"


class ServerFailed(Exception):
    """A child server did not start, or died."""


@dataclasses.dataclass(frozen=True)
class Memory:
    """From /proc/PID/status: resident memory now (VmRSS) and at its peak (VmHWM)."""

    rss_kib: int
    peak_kib: int

    @property
    def rss_mib(self) -> float:
        return self.rss_kib / 1024

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


class ChildServer:
    """A started server process. Its output (both streams) is read to the end as it comes,
    so that a server that logs every call never blocks on a full pipe; the last lines are
    kept for error messages."""

    def __init__(
        self,
        name: str,
        process: asyncio.subprocess.Process,
        port: int,
        tail: list[str],
        metrics_port: int | None = None,
    ) -> None:
        assert process.stdout is not None
        self.name = name
        self.process = process
        self.target = f"127.0.0.1:{port}"
        # Where relaydesk serves /metrics, when it was started with them.
        self.metrics_url = (
            None if metrics_port is None else f"http://127.0.0.1:{metrics_port}/metrics"
        )
        self._tail: collections.deque[str] = collections.deque(tail, maxlen=_TAIL_LINES)
        self._reader = asyncio.create_task(self._read_output(process.stdout))

    async def _read_output(self, stream: asyncio.StreamReader) -> None:
        pending = b""
        while chunk := await stream.read(1 << 16):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            self._tail.extend(line.decode(errors="replace") for line in lines[-_TAIL_LINES:])

    def memory(self) -> Memory:
        self.check_alive()
        fields: dict[str, int] = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0])  # "123456 kB"
        return Memory(rss_kib=fields["VmRSS"], peak_kib=fields["VmHWM"])

    def cpu_seconds(self) -> float:
        """User plus system CPU time the server has used so far, all threads together."""
        self.check_alive()
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat.rpartition(")")[2].split()  # fields[0] is the state, field 3 of stat
        ticks = int(fields[14 - 3]) + int(fields[15 - 3])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def check_alive(self) -> None:
        if self.process.returncode is not None:
            raise ServerFailed(
                f"the {self.name} server exited with status {self.process.returncode}; "
                f"its last output: {self.last_output()}"
            )

    def last_output(self) -> str:
        return " | ".join(self._tail) or "(none)"

    async def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not exited within a few seconds."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(_STOP_TIMEOUT_S):
                    await self.process.wait()
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        try:
            async with asyncio.timeout(_STOP_TIMEOUT_S):
                await self._reader
        except TimeoutError:
            self._reader.cancel()


async def _start(name: str, argv: list[str], ready_message: str) -> ChildServer:
    """Starts `argv` and waits for the JSON line whose message is `ready_message`; it
    carries the port."""
    # RELAYDESK_* variables would change the server's settings (its rate limits, buffers,
    # heartbeats): the benchmarks measure the defaults.
    env = {name: value for name, value in os.environ.items() if not name.startswith("RELAYDESK_")}
    process = await asyncio.create_subprocess_exec(
        *argv,
        cwd=_REPO,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert process.stdout is not None
    seen: list[str] = []
    try:
        async with asyncio.timeout(_START_TIMEOUT_S):
            while line := await process.stdout.readline():
                text = line.decode(errors="replace").rstrip("\n")
                seen.append(text)
                try:
                    entry = json.loads(text)
                except ValueError:
                    continue
                if isinstance(entry, dict) and entry.get("message") == ready_message:
                    metrics_port = entry.get("metrics_port")
                    return ChildServer(
                        name,
                        process,
                        int(entry["port"]),
                        seen[-_TAIL_LINES:],
                        None if metrics_port is None else int(metrics_port),
                    )
        problem = f"exited with status {await process.wait()}"
    except TimeoutError:
        problem = f"was not ready within {_START_TIMEOUT_S:.0f} s"
    except BaseException:
        process.kill()
        await process.wait()
        raise
    if process.returncode is None:
        process.kill()
        await process.wait()
    output = " | ".join(seen[-_TAIL_LINES:]) or "(none)"
    raise ServerFailed(f"the {name} server {problem}; its output: {output}")


async def start_bare() -> ChildServer:
    return await _start("bare", [*BARE_COMMAND, "--port", "0"], BARE_READY)


async def start_relaydesk(
    data_dir: Path, *, metrics: bool = False, database_url: str | None = None
) -> tuple[ChildServer, str]:
    """Serves a new data directory (with its Prometheus endpoint on an ephemeral loopback
    port when `metrics`; its data in `database_url` when given); returns the server and
    the installation's first admin key (written by whichever server made it: a server
    joining a database that has one writes none, and gets "")."""
    argv = [
        *RELAYDESK_COMMAND,
        "--listen=127.0.0.1:0",
        f"--data-dir={data_dir}",
        "--log-format=json",
        "--log-level=info",
        "--shutdown-grace=2s",
    ]
    if metrics:
        argv.append("--metrics-listen=127.0.0.1:0")
    if database_url is not None:
        argv.append(f"--database-url={database_url}")
    server = await _start(
        "relaydesk with metrics" if metrics else "relaydesk", argv, RELAYDESK_READY
    )
    key_file = data_dir / "admin.key"
    if database_url is not None and not key_file.exists():
        return server, ""
    try:
        key = key_file.read_text().strip()
    except OSError:
        await server.stop()
        raise
    return server, key
