"""The Java client (clients/java): Maven compiles the client, its generated code and the
agent example, then the example, run with plain `java` against a real server, takes a
customer's conversation from offer to completion."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import Harness, agent_example_completes_a_conversation

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
    executable = shutil.which(name)
    if executable is None:
        pytest.fail(f"`{name}` is not on PATH: the Java client's test needs JDK 17+ and Maven 3.8+")
    return executable


@pytest.fixture(scope="module")
def agent_command() -> list[str]:
    """Builds the client and the example, once per module; the command that runs it."""
    # compile checks the client and the example (a source root of the same build);
    # copy-dependencies puts the runtime jars in target/lib, so no Maven at run time.
    args = ["-B", "-q", "-f", str(JAVA_PROJECT / "pom.xml")]
    args += ["compile", "dependency:copy-dependencies"]
    try:
        built = subprocess.run(
            [tool("mvn"), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=BUILD_WITHIN,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`mvn {' '.join(args)}` took more than {BUILD_WITHIN} s")
    assert built.returncode == 0, f"`mvn {' '.join(args)}` failed:\n{built.stdout.decode()}"
    return [tool("java"), "-cp", CLASSPATH, "Agent"]


@pytest.mark.slow
@pytest.mark.timeout(BUILD_WITHIN + 120)
async def test_the_java_agent_example_completes_a_conversation(
    harness: Harness, agent_command: list[str]
) -> None:
    output = await agent_example_completes_a_conversation(harness, agent_command, cwd=JAVA_PROJECT)

    assert "is Available" in output, output
    assert "completed tasks/" in output, output


@pytest.mark.timeout(BUILD_WITHIN + 60)
async def test_the_java_agent_example_needs_a_token(
    agent_command: list[str], tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "RELAYDESK_TOKEN"}
    process = await asyncio.create_subprocess_exec(
        *agent_command,
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output = (await process.communicate())[0].decode()
    assert process.returncode != 0, output
    assert "RELAYDESK_TOKEN" in output, output
