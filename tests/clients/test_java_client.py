"""The Java client (clients/java): Maven compiles the client, its generated code and the
agent example, then the example, run with plain `java` against a real server, takes a
customer's conversation from offer to completion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_asyncio

from tests.support import (
    Harness,
    agent_example_completes_a_conversation,
    build_step,
    run_command,
    toolchain,
)

JAVA_PROJECT = Path(__file__).resolve().parents[2] / "clients" / "java"
# The build writes only to clients/java/target (ignored by git). The first one on a fresh
# machine fetches Maven's plugins and the dependencies from Maven Central and compiles the
# generated code: a minute or two on two cores. With ~/.m2 warm and target/ up to date it
# takes a few seconds.
BUILD_WITHIN = 420
CLASSPATH = os.pathsep.join(
    [str(JAVA_PROJECT / "target" / "classes"), str(JAVA_PROJECT / "target" / "lib" / "*")]
)


def tool(name: str) -> str:
    return toolchain(name, "the Java client's test needs JDK 17+ and Maven 3.8+")


# Built in a loop of its own, once for the module's tests.
@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def agent_command() -> list[str]:
    """Builds the client and the example, once per module; the command that runs it."""
    # compile checks the client and the example (a source root of the same build);
    # copy-dependencies puts the runtime jars in target/lib, so no Maven at run time.
    await build_step(
        tool("mvn"),
        *["-B", "-q", "-f", str(JAVA_PROJECT / "pom.xml")],
        *["compile", "dependency:copy-dependencies"],
        cwd=JAVA_PROJECT,
        within=BUILD_WITHIN,
    )
    return [tool("java"), "-cp", CLASSPATH, "Agent"]


@pytest.mark.slow
@pytest.mark.timeout(BUILD_WITHIN + 120)
async def test_the_java_agent_example_completes_a_conversation(
    harness: Harness, agent_command: list[str]
) -> None:
    await agent_example_completes_a_conversation(harness, agent_command, cwd=JAVA_PROJECT)


@pytest.mark.timeout(BUILD_WITHIN + 60)
async def test_the_java_agent_example_needs_a_token(
    agent_command: list[str], tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "RELAYDESK_TOKEN"}
    code, out, err = await run_command(*agent_command, cwd=tmp_path, env=env)
    assert code != 0, out
    assert "RELAYDESK_TOKEN" in err + out, err + out
