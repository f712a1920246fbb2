"""Queues and workflows: proto ↔ domain, with CEL compiled on the way in (API §6, §11)."""

from __future__ import annotations

import datetime as dt

from relaydesk.v1 import queue_pb2, workflow_pb2
from relaydesk_server.domain.expressions import compile_error
from relaydesk_server.domain.names import QUEUE
from relaydesk_server.domain.routing_model import (
    DEFAULT_RESERVATION_TIMEOUT,
    Queue,
    QueueOrder,
    QueueSpec,
    QueueStatistics,
    Workflow,
    WorkflowFilter,
    WorkflowSpec,
    WorkflowTarget,
)
from relaydesk_server.transport.convert import (
    duration,
    enum_from_proto,
    enum_to_proto,
    stamp,
)
from relaydesk_server.transport.validation import (
    MAX_DISPLAY_NAME,
    Violations,
    duration_from_proto,
)

MAX_DEFINITION_BYTES = 64 * 1024
MAX_RESERVED_WORKERS = 50
MAX_STEP_TIMEOUT = dt.timedelta(days=14)
MAX_RESERVATION_TIMEOUT = dt.timedelta(days=1)
ONE_SECOND = dt.timedelta(seconds=1)

QUEUE_UPDATABLE = frozenset({"display_name", "target_workers", "order", "max_reserved_workers"})
WORKFLOW_UPDATABLE = frozenset({"display_name", "filters", "default_queue", "reservation_timeout"})
OUTPUT_ONLY = frozenset({"name", "create_time", "update_time", "etag"})


def _check_expression(violations: Violations, source: str, field: str) -> None:
    error = compile_error(source)
    if error is not None:
        violations.add(field, f"not a valid CEL expression: {error}")


def _check_queue_name(violations: Violations, name: str, field: str) -> None:
    if violations.required(name, field, "a queue name"):
        violations.check(QUEUE.is_name(name), field, QUEUE.malformed(name))


def queue_spec_from_proto(message: queue_pb2.Queue, prefix: str = "queue") -> QueueSpec:
    violations = Violations()
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    target = message.target_workers.strip() or "true"
    _check_expression(violations, target, f"{prefix}.target_workers")
    order = QueueOrder.FIFO
    if message.order:
        found = enum_from_proto(QueueOrder, "QUEUE_ORDER", queue_pb2.QueueOrder, message.order)
        if found is None:
            violations.add(f"{prefix}.order", f"unknown queue order {message.order}")
        else:
            order = found
    reserved = message.max_reserved_workers or 1
    violations.check(
        1 <= reserved <= MAX_RESERVED_WORKERS,
        f"{prefix}.max_reserved_workers",
        f"must be between 1 and {MAX_RESERVED_WORKERS}",
    )
    violations.check(
        message.ByteSize() <= MAX_DEFINITION_BYTES,
        prefix,
        f"a queue is at most {MAX_DEFINITION_BYTES} bytes",
    )
    violations.raise_if_any()
    return QueueSpec(
        display_name=message.display_name,
        target_workers=target,
        order=order,
        max_reserved_workers=reserved,
    )


def queue_spec_to_proto(spec: QueueSpec) -> queue_pb2.Queue:
    return queue_pb2.Queue(
        display_name=spec.display_name,
        target_workers=spec.target_workers,
        order=enum_to_proto(queue_pb2.QueueOrder, "QUEUE_ORDER", spec.order),  # type: ignore[arg-type]
        max_reserved_workers=spec.max_reserved_workers,
    )


def queue_to_proto(queue: Queue) -> queue_pb2.Queue:
    message = queue_spec_to_proto(queue.spec)
    stamp(message, queue)
    return message


def statistics_to_proto(statistics: QueueStatistics) -> queue_pb2.QueueStatistics:
    return queue_pb2.QueueStatistics(
        queue=statistics.queue,
        tasks_by_status={f"TASK_STATUS_{k}": v for k, v in statistics.tasks_by_status.items()},
        oldest_pending_age=duration(statistics.oldest_pending_age),
        eligible_workers=statistics.eligible_workers,
        available_workers=statistics.available_workers,
    )


def _target_from_proto(
    violations: Violations, target: workflow_pb2.WorkflowTarget, field: str
) -> WorkflowTarget:
    _check_queue_name(violations, target.queue, f"{field}.queue")
    _check_expression(violations, target.expression, f"{field}.expression")
    priority = target.priority if target.HasField("priority") else None
    if priority is not None:
        violations.check(priority >= 0, f"{field}.priority", "must not be negative")
    timeout = None
    if target.HasField("timeout"):
        timeout = duration_from_proto(
            violations,
            target.timeout,
            f"{field}.timeout",
            minimum=ONE_SECOND,
            maximum=MAX_STEP_TIMEOUT,
        )
    return WorkflowTarget(target.queue, target.expression.strip(), priority, timeout)


def workflow_spec_from_proto(
    message: workflow_pb2.Workflow, prefix: str = "workflow"
) -> WorkflowSpec:
    violations = Violations()
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    filters = []
    for i, item in enumerate(message.filters):
        field = f"{prefix}.filters[{i}]"
        violations.max_length(item.display_name, MAX_DISPLAY_NAME, f"{field}.display_name")
        _check_expression(violations, item.expression, f"{field}.expression")
        violations.check(
            len(item.targets) > 0, f"{field}.targets", "a filter needs at least one target"
        )
        targets = tuple(
            _target_from_proto(violations, target, f"{field}.targets[{j}]")
            for j, target in enumerate(item.targets)
        )
        filters.append(WorkflowFilter(item.display_name, item.expression.strip(), targets))
    if message.default_queue:
        _check_queue_name(violations, message.default_queue, f"{prefix}.default_queue")
    violations.check(
        bool(message.filters) or bool(message.default_queue),
        f"{prefix}.filters",
        "a workflow needs at least one filter or a default_queue",
    )
    reservation_timeout = DEFAULT_RESERVATION_TIMEOUT
    if message.HasField("reservation_timeout"):
        reservation_timeout = duration_from_proto(
            violations,
            message.reservation_timeout,
            f"{prefix}.reservation_timeout",
            minimum=ONE_SECOND,
            maximum=MAX_RESERVATION_TIMEOUT,
        )
    violations.check(
        message.ByteSize() <= MAX_DEFINITION_BYTES,
        prefix,
        f"a workflow is at most {MAX_DEFINITION_BYTES} bytes",
    )
    violations.raise_if_any()
    return WorkflowSpec(
        display_name=message.display_name,
        filters=tuple(filters),
        default_queue=message.default_queue or None,
        reservation_timeout=reservation_timeout,
    )


def workflow_spec_to_proto(spec: WorkflowSpec) -> workflow_pb2.Workflow:
    message = workflow_pb2.Workflow(
        display_name=spec.display_name,
        default_queue=spec.default_queue or "",
        reservation_timeout=duration(spec.reservation_timeout),
    )
    for item in spec.filters:
        proto_filter = message.filters.add(
            display_name=item.display_name, expression=item.expression
        )
        for target in item.targets:
            proto_target = proto_filter.targets.add(
                queue=target.queue, expression=target.expression
            )
            if target.priority is not None:
                proto_target.priority = target.priority
            if target.timeout is not None:
                proto_target.timeout.CopyFrom(duration(target.timeout))
    return message


def workflow_to_proto(workflow: Workflow) -> workflow_pb2.Workflow:
    message = workflow_spec_to_proto(workflow.spec)
    stamp(message, workflow)
    return message
