"""What a task is created with, checked once for both places that set it: a flow's
task integration and CreateTask."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from relaydesk_server.domain.flows_model import (
    DEFAULT_TASK_CHANNEL,
    TASK_CHANNEL_PATTERN,
    TASK_CHANNEL_RULE,
)
from relaydesk_server.domain.names import WORKFLOW
from relaydesk_server.domain.tasks_model import DEFAULT_TASK_TIMEOUT
from relaydesk_server.transport.validation import Violations, duration_from_proto

MAX_TASK_TIMEOUT = dt.timedelta(days=14)


@dataclasses.dataclass(frozen=True)
class TaskSettings:
    workflow: str
    task_channel: str
    priority: int
    timeout: dt.timedelta


def check_task_settings(violations: Violations, message: Any, prefix: str) -> TaskSettings:
    """`message` is a TaskIntegration or a Task: both carry these four fields."""
    if violations.required(message.workflow, f"{prefix}.workflow", "a workflow name"):
        violations.check(
            WORKFLOW.is_name(message.workflow),
            f"{prefix}.workflow",
            WORKFLOW.malformed(message.workflow),
        )
    task_channel = message.task_channel or DEFAULT_TASK_CHANNEL
    violations.check(
        TASK_CHANNEL_PATTERN.fullmatch(task_channel) is not None,
        f"{prefix}.task_channel",
        TASK_CHANNEL_RULE,
    )
    violations.check(message.priority >= 0, f"{prefix}.priority", "must not be negative")
    timeout = DEFAULT_TASK_TIMEOUT
    if message.HasField("timeout"):
        timeout = duration_from_proto(
            violations,
            message.timeout,
            f"{prefix}.timeout",
            minimum=dt.timedelta(seconds=1),
            maximum=MAX_TASK_TIMEOUT,
        )
    return TaskSettings(message.workflow, task_channel, message.priority, timeout)
