"""Activities and workers: proto ↔ domain, with the checks of API §6 and §11."""

from __future__ import annotations

import dataclasses

from relaydesk.v1 import activity_pb2, worker_pb2
from relaydesk_server.domain.flows_model import TASK_CHANNEL_PATTERN, TASK_CHANNEL_RULE
from relaydesk_server.domain.names import ACTIVITY
from relaydesk_server.domain.workforce_model import Activity, Worker, WorkerSpec
from relaydesk_server.transport.channels_convert import (
    check_attributes,
    check_identity,
    dict_to_struct,
)
from relaydesk_server.transport.convert import stamp, timestamp
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, Violations

MAX_WORKER_ATTRIBUTES = 16 * 1024
MAX_CAPACITY = 1000

ACTIVITY_UPDATABLE = frozenset({"display_name", "available"})
ACTIVITY_OUTPUT_ONLY = frozenset({"name", "create_time", "update_time", "etag"})
WORKER_UPDATABLE = frozenset({"display_name", "attributes", "capacities", "activity", "identity"})
WORKER_OUTPUT_ONLY = frozenset(
    {"name", "available", "load", "activity_change_time", "create_time", "update_time", "etag"}
)


def activity_fields(message: activity_pb2.Activity, prefix: str = "activity") -> tuple[str, bool]:
    violations = Violations()
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    violations.raise_if_any()
    return message.display_name, message.available


def edited_activity(current: Activity, merged: activity_pb2.Activity) -> Activity:
    display_name, available = activity_fields(merged)
    return dataclasses.replace(current, display_name=display_name, available=available)


def activity_to_proto(activity: Activity) -> activity_pb2.Activity:
    return activity_pb2.Activity(
        name=activity.name,
        display_name=activity.display_name,
        available=activity.available,
        create_time=timestamp(activity.create_time),
        update_time=timestamp(activity.update_time),
        etag=activity.etag,
    )


def worker_spec_from_proto(message: worker_pb2.Worker, prefix: str = "worker") -> WorkerSpec:
    violations = Violations()
    check_identity(violations, message.identity, f"{prefix}.identity")
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    attributes = check_attributes(
        violations, message.attributes, MAX_WORKER_ATTRIBUTES, f"{prefix}.attributes"
    )
    for channel, capacity in message.capacities.items():
        field = f"{prefix}.capacities[{channel!r}]"
        violations.check(
            TASK_CHANNEL_PATTERN.fullmatch(channel) is not None,
            field,
            f"a task channel is {TASK_CHANNEL_RULE}",
        )
        violations.check(
            0 <= capacity <= MAX_CAPACITY, field, f"must be between 0 and {MAX_CAPACITY}"
        )
    violations.raise_if_any()
    return WorkerSpec(
        identity=message.identity,
        display_name=message.display_name,
        attributes=attributes,
        capacities=dict(message.capacities),
    )


def activity_reference(name: str, field: str) -> str | None:
    """A worker's activity as sent: None when empty, else a well-formed activity name."""
    if not name:
        return None
    ACTIVITY.parse(name, field)
    return name


def worker_spec_to_proto(spec: WorkerSpec) -> worker_pb2.Worker:
    return worker_pb2.Worker(
        identity=spec.identity,
        display_name=spec.display_name,
        attributes=dict_to_struct(spec.attributes),
        capacities=spec.capacities,
    )


def worker_to_proto(worker: Worker) -> worker_pb2.Worker:
    message = worker_spec_to_proto(worker.spec)
    stamp(message, worker)
    message.activity = worker.activity_name
    message.available = worker.available
    message.load.update(worker.load)
    message.activity_change_time.CopyFrom(timestamp(worker.activity_change_time))
    return message
