"""WorkforceService handlers: activities, workers, queues and workflows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import workforce_service_pb2 as pb
from relaydesk.v1 import workforce_service_pb2_grpc
from relaydesk_server.domain import routing, workforce
from relaydesk_server.domain.names import ACTIVITY, QUEUE, WORKER, WORKFLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.transport import routing_convert
from relaydesk_server.transport import workforce_convert as convert
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class WorkforceServicer(workforce_service_pb2_grpc.WorkforceServiceServicer):
    def __init__(self, calls: Calls) -> None:
        self._calls = calls

    # -- activities ----------------------------------------------------------

    async def CreateActivity(
        self, request: pb.CreateActivityRequest, context: Context
    ) -> pb.CreateActivityResponse:
        display_name, available = convert.activity_fields(request.activity)
        return await self._calls.write(
            request,
            pb.CreateActivityResponse,
            lambda tx: pb.CreateActivityResponse(
                activity=convert.activity_to_proto(
                    workforce.create_activity(tx, display_name, available)
                )
            ),
        )

    async def GetActivity(
        self, request: pb.GetActivityRequest, context: Context
    ) -> pb.GetActivityResponse:
        activity_id = ACTIVITY.parse(request.name, "name")
        activity = await self._calls.read(lambda tx: workforce.get_activity(tx, activity_id))
        return pb.GetActivityResponse(activity=convert.activity_to_proto(activity))

    async def ListActivities(
        self, request: pb.ListActivitiesRequest, context: Context
    ) -> pb.ListActivitiesResponse:
        page = page_request(request.page_size, request.page_token, ())
        result = await self._calls.read(lambda tx: workforce.list_activities(tx, page))
        return pb.ListActivitiesResponse(
            activities=[convert.activity_to_proto(a) for a in result.items],
            next_page_token=next_page_token(result, ()),
        )

    async def UpdateActivity(
        self, request: pb.UpdateActivityRequest, context: Context
    ) -> pb.UpdateActivityResponse:
        activity_id = ACTIVITY.parse(request.activity.name, "activity.name")
        change = masked_change(
            request.activity,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.activity_to_proto,
            from_proto=convert.edited_activity,
            updatable=convert.ACTIVITY_UPDATABLE,
            output_only=convert.ACTIVITY_OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateActivityResponse,
            lambda tx: pb.UpdateActivityResponse(
                activity=convert.activity_to_proto(
                    workforce.update_activity(
                        tx, activity_id, request.activity.etag or None, change
                    )
                )
            ),
        )

    async def DeleteActivity(
        self, request: pb.DeleteActivityRequest, context: Context
    ) -> pb.DeleteActivityResponse:
        activity_id = ACTIVITY.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteActivityResponse:
            workforce.delete_activity(tx, activity_id)
            return pb.DeleteActivityResponse()

        return await self._calls.write(request, pb.DeleteActivityResponse, delete)

    # -- workers -------------------------------------------------------------

    async def CreateWorker(
        self, request: pb.CreateWorkerRequest, context: Context
    ) -> pb.CreateWorkerResponse:
        spec = convert.worker_spec_from_proto(request.worker)
        activity = convert.activity_reference(request.worker.activity, "worker.activity")
        return await self._calls.write(
            request,
            pb.CreateWorkerResponse,
            lambda tx: pb.CreateWorkerResponse(
                worker=convert.worker_to_proto(workforce.create_worker(tx, spec, activity))
            ),
        )

    async def GetWorker(
        self, request: pb.GetWorkerRequest, context: Context
    ) -> pb.GetWorkerResponse:
        worker_id = WORKER.parse(request.name, "name")
        principal = caller()
        worker = await self._calls.read(lambda tx: workforce.read_worker(tx, principal, worker_id))
        return pb.GetWorkerResponse(worker=convert.worker_to_proto(worker))

    async def ListWorkers(
        self, request: pb.ListWorkersRequest, context: Context
    ) -> pb.ListWorkersResponse:
        activity_id = ACTIVITY.parse(request.activity, "activity") if request.activity else None
        filters = (request.activity,)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(
            lambda tx: workforce.list_workers(tx, principal, activity_id, page)
        )
        return pb.ListWorkersResponse(
            workers=[convert.worker_to_proto(w) for w in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateWorker(
        self, request: pb.UpdateWorkerRequest, context: Context
    ) -> pb.UpdateWorkerResponse:
        worker_id = WORKER.parse(request.worker.name, "worker.name")
        patch = request.worker
        has_mask = request.HasField("update_mask")
        paths = set(request.update_mask.paths)
        # Moving the worker is SetWorkerActivity's work; the rest is its spec.
        activity = None
        if (has_mask and paths & {"activity", "*"}) or (not has_mask and patch.activity):
            ACTIVITY.parse(patch.activity, "worker.activity")
            activity = patch.activity
        change = masked_change(
            patch,
            request.update_mask,
            has_mask,
            to_proto=convert.worker_spec_to_proto,
            from_proto=lambda _, merged: convert.worker_spec_from_proto(merged),
            updatable=convert.WORKER_UPDATABLE,
            output_only=convert.WORKER_OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateWorkerResponse,
            lambda tx: pb.UpdateWorkerResponse(
                worker=convert.worker_to_proto(
                    workforce.update_worker(tx, worker_id, patch.etag or None, change, activity)
                )
            ),
        )

    async def SetWorkerActivity(
        self, request: pb.SetWorkerActivityRequest, context: Context
    ) -> pb.SetWorkerActivityResponse:
        worker_id = WORKER.parse(request.name, "name")
        ACTIVITY.parse(request.activity, "activity")
        principal = caller()
        return await self._calls.write(
            request,
            pb.SetWorkerActivityResponse,
            lambda tx: pb.SetWorkerActivityResponse(
                worker=convert.worker_to_proto(
                    workforce.set_worker_activity(tx, principal, worker_id, request.activity)
                )
            ),
        )

    async def DeleteWorker(
        self, request: pb.DeleteWorkerRequest, context: Context
    ) -> pb.DeleteWorkerResponse:
        worker_id = WORKER.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteWorkerResponse:
            workforce.delete_worker(tx, worker_id)
            return pb.DeleteWorkerResponse()

        return await self._calls.write(request, pb.DeleteWorkerResponse, delete)

    # -- queues --------------------------------------------------------------

    async def CreateQueue(
        self, request: pb.CreateQueueRequest, context: Context
    ) -> pb.CreateQueueResponse:
        spec = routing_convert.queue_spec_from_proto(request.queue)
        return await self._calls.write(
            request,
            pb.CreateQueueResponse,
            lambda tx: pb.CreateQueueResponse(
                queue=routing_convert.queue_to_proto(routing.create_queue(tx, spec))
            ),
        )

    async def GetQueue(self, request: pb.GetQueueRequest, context: Context) -> pb.GetQueueResponse:
        queue_id = QUEUE.parse(request.name, "name")
        queue = await self._calls.read(lambda tx: routing.get_queue(tx, queue_id))
        return pb.GetQueueResponse(queue=routing_convert.queue_to_proto(queue))

    async def ListQueues(
        self, request: pb.ListQueuesRequest, context: Context
    ) -> pb.ListQueuesResponse:
        page = page_request(request.page_size, request.page_token, ())
        result = await self._calls.read(lambda tx: routing.list_queues(tx, page))
        return pb.ListQueuesResponse(
            queues=[routing_convert.queue_to_proto(q) for q in result.items],
            next_page_token=next_page_token(result, ()),
        )

    async def UpdateQueue(
        self, request: pb.UpdateQueueRequest, context: Context
    ) -> pb.UpdateQueueResponse:
        queue_id = QUEUE.parse(request.queue.name, "queue.name")
        change = masked_change(
            request.queue,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=routing_convert.queue_spec_to_proto,
            from_proto=lambda _, merged: routing_convert.queue_spec_from_proto(merged),
            updatable=routing_convert.QUEUE_UPDATABLE,
            output_only=routing_convert.OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateQueueResponse,
            lambda tx: pb.UpdateQueueResponse(
                queue=routing_convert.queue_to_proto(
                    routing.update_queue(tx, queue_id, request.queue.etag or None, change)
                )
            ),
        )

    async def DeleteQueue(
        self, request: pb.DeleteQueueRequest, context: Context
    ) -> pb.DeleteQueueResponse:
        queue_id = QUEUE.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteQueueResponse:
            routing.delete_queue(tx, queue_id)
            return pb.DeleteQueueResponse()

        return await self._calls.write(request, pb.DeleteQueueResponse, delete)

    async def GetQueueStatistics(
        self, request: pb.GetQueueStatisticsRequest, context: Context
    ) -> pb.GetQueueStatisticsResponse:
        queue_id = QUEUE.parse(request.name, "name")
        statistics = await self._calls.read(lambda tx: routing.queue_statistics(tx, queue_id))
        return pb.GetQueueStatisticsResponse(
            statistics=routing_convert.statistics_to_proto(statistics)
        )

    # -- workflows -----------------------------------------------------------

    async def CreateWorkflow(
        self, request: pb.CreateWorkflowRequest, context: Context
    ) -> pb.CreateWorkflowResponse:
        spec = routing_convert.workflow_spec_from_proto(request.workflow)
        return await self._calls.write(
            request,
            pb.CreateWorkflowResponse,
            lambda tx: pb.CreateWorkflowResponse(
                workflow=routing_convert.workflow_to_proto(routing.create_workflow(tx, spec))
            ),
        )

    async def GetWorkflow(
        self, request: pb.GetWorkflowRequest, context: Context
    ) -> pb.GetWorkflowResponse:
        workflow_id = WORKFLOW.parse(request.name, "name")
        workflow = await self._calls.read(lambda tx: routing.get_workflow(tx, workflow_id))
        return pb.GetWorkflowResponse(workflow=routing_convert.workflow_to_proto(workflow))

    async def ListWorkflows(
        self, request: pb.ListWorkflowsRequest, context: Context
    ) -> pb.ListWorkflowsResponse:
        page = page_request(request.page_size, request.page_token, ())
        result = await self._calls.read(lambda tx: routing.list_workflows(tx, page))
        return pb.ListWorkflowsResponse(
            workflows=[routing_convert.workflow_to_proto(w) for w in result.items],
            next_page_token=next_page_token(result, ()),
        )

    async def UpdateWorkflow(
        self, request: pb.UpdateWorkflowRequest, context: Context
    ) -> pb.UpdateWorkflowResponse:
        workflow_id = WORKFLOW.parse(request.workflow.name, "workflow.name")
        change = masked_change(
            request.workflow,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=routing_convert.workflow_spec_to_proto,
            from_proto=lambda _, merged: routing_convert.workflow_spec_from_proto(merged),
            updatable=routing_convert.WORKFLOW_UPDATABLE,
            output_only=routing_convert.OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateWorkflowResponse,
            lambda tx: pb.UpdateWorkflowResponse(
                workflow=routing_convert.workflow_to_proto(
                    routing.update_workflow(tx, workflow_id, request.workflow.etag or None, change)
                )
            ),
        )

    async def DeleteWorkflow(
        self, request: pb.DeleteWorkflowRequest, context: Context
    ) -> pb.DeleteWorkflowResponse:
        workflow_id = WORKFLOW.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteWorkflowResponse:
            routing.delete_workflow(tx, workflow_id)
            return pb.DeleteWorkflowResponse()

        return await self._calls.write(request, pb.DeleteWorkflowResponse, delete)
