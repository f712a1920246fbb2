"""Tasks: proto ↔ domain, with the checks of API §6 and §11."""

from __future__ import annotations

import dataclasses
import datetime as dt

from relaydesk.v1 import reservation_pb2, task_pb2
from relaydesk_server.domain.names import WORKER
from relaydesk_server.domain.tasks_model import (
    NewTask,
    Reservation,
    ReservationStatus,
    Task,
    TaskStatus,
)
from relaydesk_server.transport.channels_convert import check_attributes, dict_to_struct
from relaydesk_server.transport.convert import (
    duration,
    enum_filter,
    enum_to_proto,
    stamp,
    timestamp,
)
from relaydesk_server.transport.task_settings import check_task_settings
from relaydesk_server.transport.validation import Violations

MAX_TASK_ATTRIBUTES = 64 * 1024
TASK_UPDATABLE = frozenset({"attributes", "priority"})
TASK_OUTPUT_ONLY = frozenset(
    {
        "name",
        "workflow",
        "queue",
        "task_channel",
        "status",
        "reason",
        "timeout",
        "channel",
        "worker",
        "age",
        "create_time",
        "update_time",
        "etag",
    }
)


def task_status_from_proto(violations: Violations, number: int, field: str) -> TaskStatus | None:
    return enum_filter(violations, TaskStatus, "TASK_STATUS", task_pb2.TaskStatus, number, field)


def reservation_status_from_proto(
    violations: Violations, number: int, field: str
) -> ReservationStatus | None:
    return enum_filter(
        violations,
        ReservationStatus,
        "RESERVATION_STATUS",
        reservation_pb2.ReservationStatus,
        number,
        field,
    )


def new_task_from_proto(message: task_pb2.Task, prefix: str = "task") -> NewTask:
    violations = Violations()
    settings = check_task_settings(violations, message, prefix)
    if message.channel:
        violations.check(
            message.channel.startswith("channels/") and "/" not in message.channel[9:],
            f"{prefix}.channel",
            f"{message.channel!r} is not a channel name",
        )
    attributes = check_attributes(
        violations, message.attributes, MAX_TASK_ATTRIBUTES, f"{prefix}.attributes"
    )
    violations.raise_if_any()
    return NewTask(
        workflow=settings.workflow,
        task_channel=settings.task_channel,
        priority=settings.priority,
        timeout=settings.timeout,
        attributes=attributes,
        channel=message.channel or None,
    )


def edited_task(current: Task, merged: task_pb2.Task) -> Task:
    violations = Violations()
    violations.check(merged.priority >= 0, "task.priority", "must not be negative")
    attributes = check_attributes(
        violations, merged.attributes, MAX_TASK_ATTRIBUTES, "task.attributes"
    )
    violations.raise_if_any()
    return dataclasses.replace(current, attributes=attributes, priority=merged.priority)


def task_to_proto(task: Task, now: dt.datetime) -> task_pb2.Task:
    message = task_pb2.Task(
        attributes=dict_to_struct(task.attributes),
        workflow=task.workflow,
        queue=task.queue or "",
        task_channel=task.task_channel,
        priority=task.priority,
        status=enum_to_proto(task_pb2.TaskStatus, "TASK_STATUS", task.status),  # type: ignore[arg-type]
        reason=task.reason,
        timeout=duration(task.timeout),
        channel=task.channel or "",
        worker=task.worker or "",
        age=duration(task.age(now)),
    )
    stamp(message, task)
    return message


def reservation_to_proto(reservation: Reservation) -> reservation_pb2.Reservation:
    return reservation_pb2.Reservation(
        name=reservation.name,
        task=reservation.task_name,
        worker=WORKER.name(reservation.worker_id),
        status=enum_to_proto(  # type: ignore[arg-type]
            reservation_pb2.ReservationStatus, "RESERVATION_STATUS", reservation.status
        ),
        expire_time=timestamp(reservation.expire_time),
        create_time=timestamp(reservation.create_time),
        update_time=timestamp(reservation.update_time),
    )
