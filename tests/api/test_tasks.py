"""TaskService: routing through workflows, the lifecycle, and timers on the server's clock."""

from __future__ import annotations

import datetime as dt

import grpc
from google.protobuf import duration_pb2, field_mask_pb2, struct_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import queue_pb2, task_pb2, workflow_pb2
from relaydesk.v1 import task_service_pb2 as pb
from relaydesk.v1 import workforce_service_pb2 as wf
from tests.support import Harness, detail, expect_error, new_channel, reason, violated_fields

SECONDS = duration_pb2.Duration


async def queue(rd: Client, name: str) -> str:
    request = wf.CreateQueueRequest(queue=queue_pb2.Queue(display_name=name))
    return (await rd.workforce.CreateQueue(request)).queue.name


async def workflow(rd: Client, spec: workflow_pb2.Workflow) -> str:
    return (
        await rd.workforce.CreateWorkflow(wf.CreateWorkflowRequest(workflow=spec))
    ).workflow.name


async def create(rd: Client, workflow_name: str, **fields: object) -> task_pb2.Task:
    attributes = fields.pop("attributes", None)
    task = task_pb2.Task(workflow=workflow_name, **fields)  # type: ignore[arg-type]
    if attributes is not None:
        task.attributes.update(attributes)  # type: ignore[arg-type]
    return (await rd.tasks.CreateTask(pb.CreateTaskRequest(task=task))).task


async def get(rd: Client, name: str) -> task_pb2.Task:
    return (await rd.tasks.GetTask(pb.GetTaskRequest(name=name))).task


async def test_a_task_enters_the_first_matching_filter(rd: Client) -> None:
    vip, sms, general = await queue(rd, "vip"), await queue(rd, "sms"), await queue(rd, "general")
    routing = await workflow(
        rd,
        workflow_pb2.Workflow(
            filters=[
                workflow_pb2.WorkflowFilter(
                    expression="task.attributes.vip == true",
                    targets=[workflow_pb2.WorkflowTarget(queue=vip, priority=50)],
                ),
                workflow_pb2.WorkflowFilter(
                    expression="task.attributes.channel_type == 'CHANNEL_TYPE_SMS'",
                    targets=[workflow_pb2.WorkflowTarget(queue=sms)],
                ),
            ],
            default_queue=general,
        ),
    )
    first = await create(rd, routing, attributes={"vip": True}, priority=1)
    assert first.status == task_pb2.TASK_STATUS_PENDING
    assert first.queue == vip
    assert first.priority == 50  # the target's priority overrides the task's
    second = await create(rd, routing, attributes={"channel_type": "CHANNEL_TYPE_SMS"})
    assert second.queue == sms
    # A missing attribute makes a filter not match; it is not an error.
    third = await create(rd, routing)
    assert third.queue == general
    assert third.task_channel == "chat"
    assert third.timeout.ToTimedelta() == dt.timedelta(hours=24)
    pending = await rd.tasks.ListTasks(pb.ListTasksRequest(queue=sms))
    assert [t.name for t in pending.tasks] == [second.name]


async def test_a_task_no_filter_takes_and_with_no_default_queue_is_canceled(rd: Client) -> None:
    only_vip = await workflow(
        rd,
        workflow_pb2.Workflow(
            filters=[
                workflow_pb2.WorkflowFilter(
                    expression="task.attributes.vip == true",
                    targets=[workflow_pb2.WorkflowTarget(queue=await queue(rd, "vip"))],
                )
            ]
        ),
    )
    task = await create(rd, only_vip, attributes={"vip": False})
    assert task.status == task_pb2.TASK_STATUS_CANCELED
    assert "no filter" in task.reason


async def test_bad_tasks(rd: Client, harness: Harness) -> None:
    big = struct_pb2.Struct()
    big.update({"x": "y" * 64 * 1024})
    cases = {
        "task.workflow": task_pb2.Task(),
        "task.priority": task_pb2.Task(workflow="workflows/WW" + "1" * 32, priority=-1),
        "task.timeout": task_pb2.Task(
            workflow="workflows/WW" + "1" * 32, timeout=SECONDS(seconds=14 * 86400 + 1)
        ),
        "task.attributes": task_pb2.Task(workflow="workflows/WW" + "1" * 32, attributes=big),
        "task.task_channel": task_pb2.Task(workflow="workflows/WW" + "1" * 32, task_channel="A B"),
    }
    for field, task in cases.items():
        error = await expect_error(
            rd.tasks.CreateTask(pb.CreateTaskRequest(task=task)), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert violated_fields(error) == {field}
    error = await expect_error(
        create(rd, "workflows/WW" + "1" * 32), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "WORKFLOW_NOT_FOUND"
    routing = await workflow(rd, workflow_pb2.Workflow(default_queue=await queue(rd, "q")))
    error = await expect_error(
        create(rd, routing, channel="channels/CH" + "0" * 32), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "CHANNEL_NOT_FOUND"
    channel = await new_channel(rd)
    task = await create(rd, routing, channel=channel.name)
    assert task.channel == channel.name
    assert (await rd.tasks.ListTasks(pb.ListTasksRequest(channel=channel.name))).tasks == [task]


async def test_illegal_transitions_name_the_current_state(rd: Client) -> None:
    routing = await workflow(rd, workflow_pb2.Workflow(default_queue=await queue(rd, "q")))
    task = await create(rd, routing)
    for call in (
        rd.tasks.CompleteTask(pb.CompleteTaskRequest(name=task.name)),
        rd.tasks.WrapUpTask(pb.WrapUpTaskRequest(name=task.name)),
    ):
        error = await expect_error(call, grpc.StatusCode.FAILED_PRECONDITION)
        violation = detail(error, error_details_pb2.PreconditionFailure).violations[0]
        assert violation.subject == task.name
        assert "PENDING" in violation.description
    canceled = (
        await rd.tasks.CancelTask(pb.CancelTaskRequest(name=task.name, reason="customer left"))
    ).task
    assert canceled.status == task_pb2.TASK_STATUS_CANCELED
    assert canceled.reason == "customer left"
    error = await expect_error(
        rd.tasks.CancelTask(pb.CancelTaskRequest(name=task.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert (
        "CANCELED" in detail(error, error_details_pb2.PreconditionFailure).violations[0].description
    )
    await expect_error(
        rd.tasks.UpdateTask(
            pb.UpdateTaskRequest(
                task=task_pb2.Task(name=task.name, priority=3),
                update_mask=field_mask_pb2.FieldMask(paths=["priority"]),
            )
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
    )


async def test_update_priority_and_attributes(rd: Client) -> None:
    routing = await workflow(rd, workflow_pb2.Workflow(default_queue=await queue(rd, "q")))
    task = await create(rd, routing, attributes={"topic": "billing"})
    patch = task_pb2.Task(name=task.name, priority=9, etag=task.etag)
    patch.attributes.update({"topic": "refund"})
    updated = (
        await rd.tasks.UpdateTask(
            pb.UpdateTaskRequest(
                task=patch, update_mask=field_mask_pb2.FieldMask(paths=["priority", "attributes"])
            )
        )
    ).task
    assert updated.priority == 9
    assert updated.attributes["topic"] == "refund"
    await expect_error(
        rd.tasks.UpdateTask(
            pb.UpdateTaskRequest(
                task=task_pb2.Task(name=task.name, queue="queues/x"),
                update_mask=field_mask_pb2.FieldMask(paths=["queue"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_ttl_expiry_cancels_and_survives_a_restart(harness: Harness) -> None:
    rd = harness.client
    routing = await workflow(rd, workflow_pb2.Workflow(default_queue=await queue(rd, "q")))
    task = await create(rd, routing, timeout=SECONDS(seconds=60))
    harness.clock.advance(dt.timedelta(seconds=59))
    await harness.running.timers.fire_due()
    assert (await get(rd, task.name)).status == task_pb2.TASK_STATUS_PENDING
    await harness.restart()  # the timer is stored, not only in memory
    rd = harness.client
    harness.clock.advance(dt.timedelta(seconds=2))
    await harness.running.timers.fire_due()
    expired = await get(rd, task.name)
    assert expired.status == task_pb2.TASK_STATUS_CANCELED
    assert "timeout" in expired.reason
    assert expired.age.ToTimedelta() == dt.timedelta(seconds=61)


async def test_step_timeouts_move_a_task_along_then_fall_through(harness: Harness) -> None:
    rd = harness.client
    first, second = await queue(rd, "tier 1"), await queue(rd, "tier 2")
    routing = await workflow(
        rd,
        workflow_pb2.Workflow(
            filters=[
                workflow_pb2.WorkflowFilter(
                    targets=[
                        workflow_pb2.WorkflowTarget(queue=first, timeout=SECONDS(seconds=30)),
                        workflow_pb2.WorkflowTarget(queue=second, timeout=SECONDS(seconds=60)),
                    ]
                )
            ]
        ),
    )
    task = await create(rd, routing)
    assert task.queue == first
    harness.clock.advance(dt.timedelta(seconds=31))
    await harness.running.timers.fire_due()
    moved = await get(rd, task.name)
    assert moved.queue == second
    assert moved.status == task_pb2.TASK_STATUS_PENDING
    harness.clock.advance(dt.timedelta(seconds=61))
    await harness.running.timers.fire_due()
    fell_through = await get(rd, task.name)
    assert fell_through.status == task_pb2.TASK_STATUS_CANCELED
    assert "no target" in fell_through.reason


async def test_queue_statistics_count_tasks(harness: Harness) -> None:
    rd = harness.client
    waiting = await queue(rd, "waiting")
    routing = await workflow(rd, workflow_pb2.Workflow(default_queue=waiting))
    oldest = await create(rd, routing)
    harness.clock.advance(dt.timedelta(seconds=90))
    await create(rd, routing)
    await rd.tasks.CancelTask(pb.CancelTaskRequest(name=oldest.name))
    harness.clock.advance(dt.timedelta(seconds=10))
    statistics = (
        await rd.workforce.GetQueueStatistics(wf.GetQueueStatisticsRequest(name=waiting))
    ).statistics
    assert statistics.tasks_by_status["TASK_STATUS_PENDING"] == 1
    assert statistics.tasks_by_status["TASK_STATUS_CANCELED"] == 1
    assert statistics.oldest_pending_age.ToTimedelta() == dt.timedelta(seconds=10)
