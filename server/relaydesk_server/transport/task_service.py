"""TaskService handlers: tasks, their lifecycle and transfer, and reservations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import task_service_pb2 as pb
from relaydesk.v1 import task_service_pb2_grpc
from relaydesk_server.clock import Clock
from relaydesk_server.domain import reservations, tasks
from relaydesk_server.domain.errors import InvalidArgument
from relaydesk_server.domain.names import (
    QUEUE,
    TASK,
    WORKER,
    parse_channel_ref,
    parse_reservation_name,
)
from relaydesk_server.domain.tasks_model import ReservationFilter, TaskFilter
from relaydesk_server.transport import tasks_convert as convert
from relaydesk_server.transport.channels_convert import check_reason
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class TaskServicer(task_service_pb2_grpc.TaskServiceServicer):
    def __init__(self, calls: Calls, clock: Clock) -> None:
        self._calls = calls
        self._clock = clock

    async def CreateTask(
        self, request: pb.CreateTaskRequest, context: Context
    ) -> pb.CreateTaskResponse:
        new = convert.new_task_from_proto(request.task)
        return await self._calls.write(
            request,
            pb.CreateTaskResponse,
            lambda tx: pb.CreateTaskResponse(
                task=convert.task_to_proto(tasks.create_task(tx, new), tx.now())
            ),
        )

    async def GetTask(self, request: pb.GetTaskRequest, context: Context) -> pb.GetTaskResponse:
        task_id = TASK.parse(request.name, "name")
        principal = caller()
        task = await self._calls.read(lambda tx: tasks.read_task(tx, principal, task_id))
        return pb.GetTaskResponse(task=convert.task_to_proto(task, self._clock.now()))

    async def ListTasks(
        self, request: pb.ListTasksRequest, context: Context
    ) -> pb.ListTasksResponse:
        violations = Violations()
        status = convert.task_status_from_proto(violations, request.status, "status")
        violations.raise_if_any()
        if request.queue:
            QUEUE.parse(request.queue, "queue")
        if request.worker:
            WORKER.parse(request.worker, "worker")
        if request.channel:
            parse_channel_ref(request.channel, "channel")
        task_filter = TaskFilter(
            status=status,
            queue=request.queue or None,
            worker=request.worker or None,
            channel=request.channel or None,
        )
        filters = (request.status, request.queue, request.worker, request.channel)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(
            lambda tx: tasks.list_tasks(tx, principal, task_filter, page)
        )
        now = self._clock.now()
        return pb.ListTasksResponse(
            tasks=[convert.task_to_proto(t, now) for t in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateTask(
        self, request: pb.UpdateTaskRequest, context: Context
    ) -> pb.UpdateTaskResponse:
        task_id = TASK.parse(request.task.name, "task.name")
        principal = caller()
        now = self._clock.now()
        change = masked_change(
            request.task,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=lambda task: convert.task_to_proto(task, now),
            from_proto=convert.edited_task,
            updatable=convert.TASK_UPDATABLE,
            output_only=convert.TASK_OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateTaskResponse,
            lambda tx: pb.UpdateTaskResponse(
                task=convert.task_to_proto(
                    tasks.update_task(tx, principal, task_id, request.task.etag or None, change),
                    tx.now(),
                )
            ),
        )

    async def CancelTask(
        self, request: pb.CancelTaskRequest, context: Context
    ) -> pb.CancelTaskResponse:
        task_id = TASK.parse(request.name, "name")
        violations = Violations()
        check_reason(violations, request.reason)
        violations.raise_if_any()
        return await self._calls.write(
            request,
            pb.CancelTaskResponse,
            lambda tx: pb.CancelTaskResponse(
                task=convert.task_to_proto(tasks.cancel_task(tx, task_id, request.reason), tx.now())
            ),
        )

    async def WrapUpTask(
        self, request: pb.WrapUpTaskRequest, context: Context
    ) -> pb.WrapUpTaskResponse:
        task_id = TASK.parse(request.name, "name")
        principal = caller()
        return await self._calls.write(
            request,
            pb.WrapUpTaskResponse,
            lambda tx: pb.WrapUpTaskResponse(
                task=convert.task_to_proto(tasks.wrap_up_task(tx, principal, task_id), tx.now())
            ),
        )

    async def CompleteTask(
        self, request: pb.CompleteTaskRequest, context: Context
    ) -> pb.CompleteTaskResponse:
        task_id = TASK.parse(request.name, "name")
        violations = Violations()
        check_reason(violations, request.reason)
        violations.raise_if_any()
        principal = caller()
        return await self._calls.write(
            request,
            pb.CompleteTaskResponse,
            lambda tx: pb.CompleteTaskResponse(
                task=convert.task_to_proto(
                    tasks.complete_task(tx, principal, task_id, request.reason), tx.now()
                )
            ),
        )

    async def TransferTask(
        self, request: pb.TransferTaskRequest, context: Context
    ) -> pb.TransferTaskResponse:
        task_id = TASK.parse(request.name, "name")
        target = request.WhichOneof("target")
        if target is None:
            raise InvalidArgument.field("target", "required: a queue or a worker_identity")
        if target == "queue":
            QUEUE.parse(request.queue, "queue")
        elif not request.worker_identity:
            raise InvalidArgument.field("worker_identity", "required: a worker's identity")
        queue = request.queue if target == "queue" else None
        identity = request.worker_identity if target == "worker_identity" else None
        principal = caller()
        return await self._calls.write(
            request,
            pb.TransferTaskResponse,
            lambda tx: pb.TransferTaskResponse(
                task=convert.task_to_proto(
                    tasks.transfer_task(tx, principal, task_id, queue, identity), tx.now()
                )
            ),
        )

    async def ListReservations(
        self, request: pb.ListReservationsRequest, context: Context
    ) -> pb.ListReservationsResponse:
        task_id = None
        if request.parent and request.parent != "tasks/-":
            task_id = TASK.parse(request.parent, "parent")
        worker_id = WORKER.parse(request.worker, "worker") if request.worker else None
        violations = Violations()
        status = convert.reservation_status_from_proto(violations, request.status, "status")
        violations.raise_if_any()
        reservation_filter = ReservationFilter(task_id=task_id, worker_id=worker_id, status=status)
        filters = (request.parent, request.worker, request.status)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(
            lambda tx: reservations.list_reservations(tx, principal, reservation_filter, page)
        )
        return pb.ListReservationsResponse(
            reservations=[convert.reservation_to_proto(r) for r in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def AcceptReservation(
        self, request: pb.AcceptReservationRequest, context: Context
    ) -> pb.AcceptReservationResponse:
        task_id, reservation_id = parse_reservation_name(request.name, "name")
        principal = caller()
        return await self._calls.write(
            request,
            pb.AcceptReservationResponse,
            lambda tx: pb.AcceptReservationResponse(
                reservation=convert.reservation_to_proto(
                    reservations.accept_reservation(tx, principal, task_id, reservation_id)
                )
            ),
        )

    async def RejectReservation(
        self, request: pb.RejectReservationRequest, context: Context
    ) -> pb.RejectReservationResponse:
        task_id, reservation_id = parse_reservation_name(request.name, "name")
        principal = caller()
        return await self._calls.write(
            request,
            pb.RejectReservationResponse,
            lambda tx: pb.RejectReservationResponse(
                reservation=convert.reservation_to_proto(
                    reservations.reject_reservation(tx, principal, task_id, reservation_id)
                )
            ),
        )
