"""The Go client (clients/go): `go vet`, then the agent example, built and run against a
real server, takes a customer's conversation from offer to completion."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from tests.support import Harness, agent_example_completes_a_conversation

GO_MODULE = Path(__file__).resolve().parents[2] / "clients" / "go"
# A first build on a fresh machine downloads the modules and compiles grpc-go,
# about 100 s on two cores; with Go's caches warm it takes about a second.
BUILD_WITHIN = 240


async def go(*args: str) -> None:
    """Runs `go ARGS` in the Go module and fails the test with its output if it fails."""
    executable = shutil.which("go")
    if executable is None:
        pytest.fail("`go` is not on PATH: the Go client's test needs Go 1.26 or later")
    process = await asyncio.create_subprocess_exec(
        executable,
        *args,
        cwd=GO_MODULE,
        # go.mod is never rewritten (-mod=readonly), and the binary is not stamped with
        # version-control data, which fails in a checkout owned by another user.
        env={**os.environ, "GOFLAGS": "-mod=readonly -buildvcs=false"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        async with asyncio.timeout(BUILD_WITHIN):
            output, _ = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        pytest.fail(f"`go {' '.join(args)}` took more than {BUILD_WITHIN} s")
    assert process.returncode == 0, f"`go {' '.join(args)}` failed:\n{output.decode()}"


@pytest.mark.slow
@pytest.mark.timeout(BUILD_WITHIN + 120)
async def test_the_go_agent_example_completes_a_conversation(
    harness: Harness, tmp_path: Path
) -> None:
    await go("vet", "./...")
    agent = tmp_path / "agent"
    await go("build", "-o", str(agent), "./examples/agent")

    output = await agent_example_completes_a_conversation(harness, [str(agent)], cwd=tmp_path)

    assert "Available" in output, output
    assert "completed tasks/" in output, output
