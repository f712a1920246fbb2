"""A routing expression that fails while evaluating counts as no match, but never
silently: it is counted per expression and logged with what it was evaluated for."""

from __future__ import annotations

import logging

import pytest

from relaydesk.client import Client
from relaydesk_server.domain import expressions
from tests.support import new_queue, new_worker


async def test_a_failing_target_expression_is_logged_and_counted(
    rd: Client, caplog: pytest.LogCaptureFixture
) -> None:
    # `skills` is an attribute the worker does not have: evaluating fails.
    source = "'sms' in worker.attributes.skills_for_failure_test"
    before = expressions.failures[source]
    with caplog.at_level(logging.WARNING, logger="relaydesk_server.domain.expressions"):
        queue = await new_queue(rd, target_workers=source)
        worker = await new_worker(rd, "no-skills", attributes={"level": 3})
    assert expressions.failures[source] > before
    lines = [r for r in caplog.records if getattr(r, "expression", None) == source]
    assert lines, caplog.text
    assert lines[0].getMessage() == "a routing expression failed and counts as no match"
    assert queue in lines[0].about  # type: ignore[attr-defined]
    assert worker in lines[0].about  # type: ignore[attr-defined]
