"""The Python agent example (clients/python/examples/agent), run as its own process against
a real server: it works a conversation that a customer's SMS started, to the end."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support import (
    EXAMPLE_QUESTION,
    EXAMPLE_REPLY,
    Harness,
    agent_example_completes_a_conversation,
)

PYTHON_CLIENT = Path(__file__).resolve().parents[2] / "clients" / "python"


async def test_the_agent_example_answers_a_customer_and_completes_the_task(
    harness: Harness,
) -> None:
    output = await agent_example_completes_a_conversation(
        harness, [sys.executable, "examples/agent/agent.py"], cwd=PYTHON_CLIENT
    )
    # What it printed tells the story: available, accepted, the customer, the reply, done.
    assert "is Available, waiting" in output
    assert f": {EXAMPLE_QUESTION}" in output
    assert f": {EXAMPLE_REPLY}" in output
    assert "TASK_STATUS_COMPLETED" in output
