"""WorkforceService: queues and workflows with CEL, queue statistics, and flows' workflows."""

from __future__ import annotations

import datetime as dt

import grpc
from google.protobuf import duration_pb2, field_mask_pb2, struct_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import flow_service_pb2 as flow_pb
from relaydesk.v1 import queue_pb2, worker_pb2, workflow_pb2
from relaydesk.v1 import workforce_service_pb2 as pb
from tests.support import detail, expect_error, reason, task_flow, violated_fields

MISSING_QUEUE = "queues/WQ" + "0" * 32


async def new_queue(rd: Client, **fields: object) -> queue_pb2.Queue:
    request = pb.CreateQueueRequest(queue=queue_pb2.Queue(**fields))  # type: ignore[arg-type]
    return (await rd.workforce.CreateQueue(request)).queue


async def new_workflow(rd: Client, workflow: workflow_pb2.Workflow) -> workflow_pb2.Workflow:
    return (await rd.workforce.CreateWorkflow(pb.CreateWorkflowRequest(workflow=workflow))).workflow


def routed(
    queue: str, *, expression: str = "", target_expression: str = ""
) -> workflow_pb2.Workflow:
    return workflow_pb2.Workflow(
        display_name="routing",
        filters=[
            workflow_pb2.WorkflowFilter(
                display_name="sms",
                expression=expression,
                targets=[workflow_pb2.WorkflowTarget(queue=queue, expression=target_expression)],
            )
        ],
    )


async def test_queue_defaults_and_cel_errors(rd: Client) -> None:
    queue = await new_queue(rd, display_name="sales")
    assert queue.target_workers == "true"
    assert queue.order == queue_pb2.QUEUE_ORDER_FIFO
    assert queue.max_reserved_workers == 1
    error = await expect_error(
        new_queue(rd, target_workers="'sms' in worker.attributes.skills &&"),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    violation = detail(error, error_details_pb2.BadRequest).field_violations[0]
    assert violation.field == "queue.target_workers"
    assert "Syntax error" in violation.description  # the compiler's own message
    for fields, field in (
        ({"max_reserved_workers": 51}, "queue.max_reserved_workers"),
        ({"max_reserved_workers": -1}, "queue.max_reserved_workers"),
        ({"order": 7}, "queue.order"),
    ):
        error = await expect_error(new_queue(rd, **fields), grpc.StatusCode.INVALID_ARGUMENT)
        assert violated_fields(error) == {field}


async def test_update_queue_recompiles_its_expression(rd: Client) -> None:
    queue = await new_queue(rd)
    updated = (
        await rd.workforce.UpdateQueue(
            pb.UpdateQueueRequest(
                queue=queue_pb2.Queue(
                    name=queue.name,
                    target_workers="worker.attributes.level >= 2",
                    order=queue_pb2.QUEUE_ORDER_LIFO,
                    etag=queue.etag,
                ),
                update_mask=field_mask_pb2.FieldMask(paths=["target_workers", "order"]),
            )
        )
    ).queue
    assert updated.target_workers == "worker.attributes.level >= 2"
    assert updated.order == queue_pb2.QUEUE_ORDER_LIFO
    await expect_error(
        rd.workforce.UpdateQueue(
            pb.UpdateQueueRequest(
                queue=queue_pb2.Queue(name=queue.name, target_workers="(("),
                update_mask=field_mask_pb2.FieldMask(paths=["target_workers"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_workflow_round_trip(rd: Client) -> None:
    sms = await new_queue(rd, display_name="sms")
    fallback = await new_queue(rd, display_name="fallback")
    workflow = workflow_pb2.Workflow(
        display_name="support",
        filters=[
            workflow_pb2.WorkflowFilter(
                display_name="sms first",
                expression="task.task_channel == 'sms'",
                targets=[
                    workflow_pb2.WorkflowTarget(
                        queue=sms.name,
                        expression="task.priority > 1",
                        priority=10,
                        timeout=duration_pb2.Duration(seconds=30),
                    ),
                    workflow_pb2.WorkflowTarget(queue=fallback.name),
                ],
            )
        ],
        default_queue=fallback.name,
    )
    created = await new_workflow(rd, workflow)
    assert created.reservation_timeout.ToTimedelta() == dt.timedelta(seconds=120)
    target = created.filters[0].targets[0]
    assert target.priority == 10
    assert target.timeout.seconds == 30
    assert not created.filters[0].targets[1].HasField("priority")
    got = (await rd.workforce.GetWorkflow(pb.GetWorkflowRequest(name=created.name))).workflow
    assert got == created


async def test_workflow_validation_names_the_offending_expression(rd: Client) -> None:
    queue = await new_queue(rd)
    error = await expect_error(
        new_workflow(rd, routed(queue.name, expression="task.attributes.vip ==")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"workflow.filters[0].expression"}
    error = await expect_error(
        new_workflow(rd, routed(queue.name, target_expression="worker.x in")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"workflow.filters[0].targets[0].expression"}
    error = await expect_error(
        new_workflow(rd, workflow_pb2.Workflow(display_name="nowhere")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"workflow.filters"}
    too_long = routed(queue.name)
    too_long.reservation_timeout.CopyFrom(duration_pb2.Duration(seconds=86_401))
    error = await expect_error(new_workflow(rd, too_long), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"workflow.reservation_timeout"}
    error = await expect_error(
        new_workflow(rd, routed(MISSING_QUEUE)), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "QUEUE_NOT_FOUND"


async def test_queues_and_workflows_in_use_are_not_deleted(rd: Client) -> None:
    queue = await new_queue(rd)
    workflow = await new_workflow(rd, routed(queue.name))
    error = await expect_error(
        rd.workforce.DeleteQueue(pb.DeleteQueueRequest(name=queue.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "QUEUE_IN_USE"
    flow = task_flow()
    flow.task.workflow = workflow.name
    created = (await rd.flows.CreateFlow(flow_pb.CreateFlowRequest(flow=flow))).flow
    error = await expect_error(
        rd.workforce.DeleteWorkflow(pb.DeleteWorkflowRequest(name=workflow.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "WORKFLOW_IN_USE"
    assert detail(error, error_details_pb2.PreconditionFailure).violations[0].subject == (
        workflow.name
    )
    # Freed in order, both go.
    await rd.flows.DeleteFlow(flow_pb.DeleteFlowRequest(name=created.name))
    await rd.workforce.DeleteWorkflow(pb.DeleteWorkflowRequest(name=workflow.name))
    await rd.workforce.DeleteQueue(pb.DeleteQueueRequest(name=queue.name))


async def test_a_flow_needs_an_existing_workflow(rd: Client) -> None:
    flow = task_flow()
    flow.task.workflow = "workflows/WW" + "0" * 32
    error = await expect_error(
        rd.flows.CreateFlow(flow_pb.CreateFlowRequest(flow=flow)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "WORKFLOW_NOT_FOUND"
    assert (await rd.flows.ListFlows(flow_pb.ListFlowsRequest())).flows == []


async def test_queue_statistics_count_eligible_and_available_workers(rd: Client) -> None:
    queue = await new_queue(rd, target_workers="'sms' in worker.attributes.skills")

    async def worker(identity: str, skills: list[str] | None) -> worker_pb2.Worker:
        attributes = struct_pb2.Struct()
        if skills is not None:
            attributes.update({"skills": skills})
        return (
            await rd.workforce.CreateWorker(
                pb.CreateWorkerRequest(
                    worker=worker_pb2.Worker(identity=identity, attributes=attributes)
                )
            )
        ).worker

    alice = await worker("alice", ["sms", "billing"])
    await worker("bob", ["sms"])
    await worker("carol", ["voice"])
    await worker("dave", None)  # no skills at all: not eligible, not an error
    listed = await rd.workforce.ListActivities(pb.ListActivitiesRequest())
    available = next(a for a in listed.activities if a.display_name == "Available")
    await rd.workforce.SetWorkerActivity(
        pb.SetWorkerActivityRequest(name=alice.name, activity=available.name)
    )
    statistics = (
        await rd.workforce.GetQueueStatistics(pb.GetQueueStatisticsRequest(name=queue.name))
    ).statistics
    assert statistics.queue == queue.name
    assert statistics.eligible_workers == 2
    assert statistics.available_workers == 1
    assert dict(statistics.tasks_by_status) == {
        f"TASK_STATUS_{s}": 0
        for s in ("PENDING", "RESERVED", "ASSIGNED", "WRAPPING", "COMPLETED", "CANCELED")
    }
    await expect_error(
        rd.workforce.GetQueueStatistics(pb.GetQueueStatisticsRequest(name=MISSING_QUEUE)),
        grpc.StatusCode.NOT_FOUND,
    )
