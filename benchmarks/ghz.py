"""ghz, the load generator of the unary figures: one ghz process per measurement.

ghz is a Go program (`make tools` installs it into .tools/bin at the version
scripts/tools/go.mod pins). It finds the method through the server's reflection, keeps
`concurrency` calls in flight on one connection for `duration_s`, and reports as JSON:
how many calls ended with which status, over how long, and their latency percentiles.
Being compiled and outside this process, it takes far less of the machine per call than
a Python client would, so the servers, not the client, set the figures.

Calls in flight when the duration ends are left out (`--duration-stop=ignore`), so every
call counted ran to its end; the rate is the calls answered OK per second of the run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import resource
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from benchmarks.load import CpuUse, StepFailed, Unimplemented

_REPO = Path(__file__).resolve().parent.parent
BINARY = _REPO / ".tools" / "bin" / "ghz"
_GO_MOD = _REPO / "scripts" / "tools" / "go.mod"
_STDERR_CHARS = 400
# How long a ghz run may take beyond its duration: starting, asking the server's reflection.
START_ALLOWANCE_S = 10.0

_runs = itertools.count(1)


def version() -> str:
    """ghz's version, as scripts/tools/go.mod pins it (a `go install`ed ghz says "dev")."""
    for line in _GO_MOD.read_text().splitlines():
        words = line.split()
        if words[:1] == ["github.com/bojand/ghz"] and len(words) > 1:
            return words[1]
    return "unknown"


def run_tag() -> str:
    """A tag no other ghz run of this process has: makes each run's call data its own."""
    return f"r{next(_runs)}"


@dataclasses.dataclass(frozen=True)
class Load:
    """What ghz sends: `call` ("package.Service/Method") with `data` (JSON: one message, or
    an array whose entries the calls take in turn) and `metadata` on every call. With
    `templated`, the data holds template actions such as {{.RequestNumber}}, which ghz
    fills in for each call."""

    call: str
    data: str
    metadata: Mapping[str, str]
    templated: bool = False


@dataclasses.dataclass(frozen=True)
class Calls:
    """One ghz run: the calls answered OK, over how long, the others by status code, the
    OK calls' latency percentiles (percent -> milliseconds) and the CPU each side used."""

    ok: int
    seconds: float
    errors: dict[str, int]
    latency_ms: dict[int, float]
    cpu: CpuUse

    @property
    def rate(self) -> float:
        return self.ok / self.seconds


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def drive(
    target: str,
    load: Load,
    *,
    concurrency: int,
    duration_s: float,
    server_cpu: Callable[[], float],
) -> Calls:
    """Runs ghz against `target` and reads its report. Raises Unimplemented when the server
    answered every call UNIMPLEMENTED, StepFailed when ghz failed or no call succeeded."""
    if not BINARY.exists():
        raise StepFailed(f"{BINARY.relative_to(_REPO)} is missing: run `make tools`")
    with tempfile.NamedTemporaryFile("w", prefix="ghz-data-", suffix=".json") as data:
        data.write(load.data)
        data.flush()
        argv = [
            str(BINARY),
            "--insecure",
            f"--call={load.call}",
            f"--data-file={data.name}",
            f"--metadata={json.dumps(dict(load.metadata))}",
            f"--concurrency={concurrency}",
            "--connections=1",
            f"--duration={duration_s:g}s",
            "--duration-stop=ignore",
            "--format=json",
            "--disable-template-functions",
            *(() if load.templated else ("--disable-template-data",)),
            target,
        ]
        # ghz is this process's only child that ends meanwhile (the servers run on), so
        # what the children used in all grows by what ghz used.
        children_before, server_before = _children_cpu_seconds(), server_cpu()
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await process.communicate()
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        elapsed = time.perf_counter() - started
    cpu = CpuUse(
        server_cores=(server_cpu() - server_before) / elapsed,
        client_cores=(_children_cpu_seconds() - children_before) / elapsed,
    )
    if process.returncode != 0:
        said = err.decode(errors="replace").strip()[-_STDERR_CHARS:] or "(nothing)"
        raise StepFailed(f"ghz exited with status {process.returncode}: {said}")
    return _calls(json.loads(out), cpu)


def _calls(report: dict[str, Any], cpu: CpuUse) -> Calls:
    codes: dict[str, int] = report.get("statusCodeDistribution") or {}
    ok = codes.get("OK", 0)
    errors = {code: count for code, count in codes.items() if code != "OK"}
    if ok == 0:
        if "Unimplemented" in errors:
            raise Unimplemented()
        said = ", ".join(f"{count} x {code}" for code, count in errors.items()) or "no calls"
        first = next(iter(report.get("errorDistribution") or {}), "")
        raise StepFailed(f"no call succeeded ({said}){': ' + first if first else ''}")
    latency = {
        int(entry["percentage"]): entry["latency"] / 1e6  # nanoseconds
        for entry in report.get("latencyDistribution") or []
    }
    return Calls(ok, report["total"] / 1e9, errors, latency, cpu)
