"""The Go client (clients/go): `go vet`, then the agent example, built and run against a
real server, takes a customer's conversation from offer to completion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import Harness, agent_example_completes_a_conversation, build_step, toolchain

GO_MODULE = Path(__file__).resolve().parents[2] / "clients" / "go"
# A first build on a fresh machine downloads the modules and compiles grpc-go,
# about 100 s on two cores; with Go's caches warm it takes about a second.
BUILD_WITHIN = 240


async def go(*args: str) -> None:
    """Runs `go ARGS` in the Go module; go.mod is never rewritten (-mod=readonly), and the
    binary is not stamped with version-control data, which fails in a checkout owned by
    another user."""
    executable = toolchain("go", "the Go client's test needs Go 1.26 or later")
    env = {**os.environ, "GOFLAGS": "-mod=readonly -buildvcs=false"}
    await build_step(executable, *args, cwd=GO_MODULE, within=BUILD_WITHIN, env=env)


@pytest.mark.slow
@pytest.mark.timeout(BUILD_WITHIN + 120)
async def test_the_go_agent_example_completes_a_conversation(
    harness: Harness, tmp_path: Path
) -> None:
    await go("vet", "./...")
    agent = tmp_path / "agent"
    await go("build", "-o", str(agent), "./examples/agent")

    await agent_example_completes_a_conversation(harness, [str(agent)], cwd=tmp_path)
