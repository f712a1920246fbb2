"""The TypeScript client (clients/typescript): `tsc` (the type check and the build),
then the agent example, run with Node against a real server, takes a customer's
conversation from offer to completion."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support import Harness, agent_example_completes_a_conversation, build_step, toolchain

PACKAGE = Path(__file__).resolve().parents[2] / "clients" / "typescript"
# `npm ci` on a fresh machine fetches the pinned packages (a few MB); a clean tsc
# build takes about ten seconds on two cores, an incremental one a few.
BUILD_WITHIN = 180


def tool(name: str) -> str:
    return toolchain(name, "the TypeScript client's test needs Node.js 20+ and npm")


async def run(*command: str) -> None:
    """Runs `command` in the package and fails the test with its output if it fails."""
    env = {**os.environ, "npm_config_update_notifier": "false"}
    await build_step(*command, cwd=PACKAGE, within=BUILD_WITHIN, env=env)


def installed_as_locked() -> bool:
    """Whether node_modules holds exactly what package-lock.json pins (npm records
    what it installed in node_modules/.package-lock.json)."""
    installed = PACKAGE / "node_modules" / ".package-lock.json"
    if not installed.exists():
        return False
    locked = json.loads((PACKAGE / "package-lock.json").read_text())["packages"]
    present = json.loads(installed.read_text())["packages"]

    def versions(packages: dict[str, dict[str, str]]) -> dict[str, str | None]:
        return {path: p.get("version") for path, p in packages.items() if path}

    return versions(locked) == versions(present)


@pytest.mark.slow
@pytest.mark.timeout(2 * BUILD_WITHIN + 120)
async def test_the_typescript_agent_example_completes_a_conversation(harness: Harness) -> None:
    node, npm = tool("node"), tool("npm")
    if not installed_as_locked():
        await run(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error")
    await run(npm, "run", "build", "--silent")  # into clients/typescript/dist (ignored)
    agent = PACKAGE / "dist" / "examples" / "agent" / "agent.js"
    assert agent.exists(), f"`npm run build` did not write {agent}"

    await agent_example_completes_a_conversation(harness, [node, str(agent)], cwd=PACKAGE)
