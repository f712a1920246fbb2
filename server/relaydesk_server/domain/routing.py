"""The rules of queues and workflows (API §6). Each function is one unit of work."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from relaydesk_server.domain import assignment
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.expressions import compiled, worker_context
from relaydesk_server.domain.names import QUEUE, WORKFLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.routing_model import (
    Queue,
    QueueSpec,
    QueueStatistics,
    Workflow,
    WorkflowSpec,
)

TASK_STATUSES = ("PENDING", "RESERVED", "ASSIGNED", "WRAPPING", "COMPLETED", "CANCELED")


# -- queues ------------------------------------------------------------------


def get_queue(tx: Transaction, queue_id: str) -> Queue:
    queue = tx.queues.get(queue_id)
    if queue is None:
        raise NotFound(QUEUE.type_name, QUEUE.name(queue_id), reason="QUEUE_NOT_FOUND")
    return queue


def list_queues(tx: Transaction, page: PageRequest) -> Page[Queue]:
    return tx.queues.list(page)


def create_queue(tx: Transaction, spec: QueueSpec) -> Queue:
    now = tx.now()
    queue = Queue(tx.new_id(QUEUE), spec, now, now)
    tx.queues.insert(queue)
    return queue


def update_queue(
    tx: Transaction, queue_id: str, etag: str | None, change: Callable[[QueueSpec], QueueSpec]
) -> Queue:
    current = get_queue(tx, queue_id)
    check_etag(current.etag, etag, current.name)
    updated = dataclasses.replace(
        current, spec=change(current.spec), update_time=tx.now(), revision=current.revision + 1
    )
    tx.queues.update(updated)
    # Other workers may be targeted now, or more offers allowed per task.
    assignment.fill_queue(tx, updated.name)
    return updated


def delete_queue(tx: Transaction, queue_id: str) -> None:
    queue = get_queue(tx, queue_id)
    users = tx.workflows.using_queue(queue.name)
    if users:
        raise FailedPrecondition.one(
            "IN_USE",
            queue.name,
            f"{users[0]} sends tasks to {queue.name}; change the workflow(s) first",
            reason="QUEUE_IN_USE",
        )
    tx.queues.delete(queue_id)


def queue_statistics(tx: Transaction, queue_id: str) -> QueueStatistics:
    """What a wallboard shows."""
    queue = get_queue(tx, queue_id)
    target = compiled(queue.spec.target_workers)
    eligible = [
        w
        for w in tx.workers.all()
        if target.matches(worker_context(w.spec.identity, w.spec.attributes))
    ]
    oldest = tx.tasks.oldest_pending(queue.name)
    return QueueStatistics(
        queue=queue.name,
        tasks_by_status={**dict.fromkeys(TASK_STATUSES, 0), **tx.tasks.count_by_status(queue.name)},
        oldest_pending_age=dt.timedelta(0) if oldest is None else tx.now() - oldest,
        eligible_workers=len(eligible),
        available_workers=sum(1 for w in eligible if w.available),
    )


# -- workflows ---------------------------------------------------------------


def _check_queues_exist(tx: Transaction, spec: WorkflowSpec) -> None:
    missing = sorted(
        name for name in spec.queues if tx.queues.get(QUEUE.parse(name, "queue")) is None
    )
    if missing:
        raise FailedPrecondition.one(
            "REFERENCE", missing[0], f"{missing[0]} does not exist", reason="QUEUE_NOT_FOUND"
        )


def get_workflow(tx: Transaction, workflow_id: str) -> Workflow:
    workflow = tx.workflows.get(workflow_id)
    if workflow is None:
        raise NotFound(WORKFLOW.type_name, WORKFLOW.name(workflow_id), reason="WORKFLOW_NOT_FOUND")
    return workflow


def list_workflows(tx: Transaction, page: PageRequest) -> Page[Workflow]:
    return tx.workflows.list(page)


def create_workflow(tx: Transaction, spec: WorkflowSpec) -> Workflow:
    _check_queues_exist(tx, spec)
    now = tx.now()
    workflow = Workflow(tx.new_id(WORKFLOW), spec, now, now)
    tx.workflows.insert(workflow)
    return workflow


def update_workflow(
    tx: Transaction,
    workflow_id: str,
    etag: str | None,
    change: Callable[[WorkflowSpec], WorkflowSpec],
) -> Workflow:
    current = get_workflow(tx, workflow_id)
    check_etag(current.etag, etag, current.name)
    spec = change(current.spec)
    _check_queues_exist(tx, spec)
    updated = dataclasses.replace(
        current, spec=spec, update_time=tx.now(), revision=current.revision + 1
    )
    tx.workflows.update(updated)
    return updated


def delete_workflow(tx: Transaction, workflow_id: str) -> None:
    workflow = get_workflow(tx, workflow_id)
    users = tx.flows.using_workflow(workflow.name)
    if users:
        raise FailedPrecondition.one(
            "IN_USE",
            workflow.name,
            f"{users[0]} routes its tasks with {workflow.name}; change the flow(s) first",
            reason="WORKFLOW_IN_USE",
        )
    bots = tx.bots.using_workflow(workflow.name)
    if bots:
        raise FailedPrecondition.one(
            "IN_USE",
            workflow.name,
            f"{bots[0]} hands conversations over with {workflow.name}; change the bot(s) first",
            reason="WORKFLOW_IN_USE",
        )
    tx.workflows.delete(workflow_id)
