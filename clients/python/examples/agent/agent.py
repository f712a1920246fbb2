"""A relaydesk agent in a few calls: it goes Available, accepts the first conversation
offered to it, prints what the customer wrote, replies and completes the task.

    export RELAYDESK_TOKEN=$(relaydesk token --identity alice --role agent)
    python clients/python/examples/agent/agent.py

RELAYDESK_SERVER names the server (default 127.0.0.1:50051); RELAYDESK_REPLY, the reply.
"""

from __future__ import annotations

import asyncio
import os
import sys

from relaydesk.client import Client, RelaydeskError, connect
from relaydesk.v1 import (
    activity_pb2,
    channel_service_pb2,
    event_pb2,
    message_pb2,
    reservation_pb2,
    task_pb2,
    task_service_pb2,
    worker_pb2,
    workforce_service_pb2,
)

DEFAULT_SERVER = "127.0.0.1:50051"
DEFAULT_REPLY = "Thanks for writing in: I am on it."


async def run(server: str, reply: str) -> None:
    # The credential comes from RELAYDESK_TOKEN. Every call gets a deadline, every write
    # a request_id, and a call cut off by a network blip is retried safely.
    async with connect(server) as rd:
        # An agent's ListWorkers shows its own worker only.
        workers = rd.items(
            rd.workforce.ListWorkers, workforce_service_pb2.ListWorkersRequest(), worker_pb2.Worker
        )
        worker = await anext(workers, None)
        if worker is None:
            raise SystemExit("no worker has this token's identity")
        available = await available_activity(rd)

        # Subscribe before going Available, and wait until the stream is live: the offer
        # cannot slip by. The subscription resumes by itself if the connection drops.
        offers = rd.subscribe(types=[event_pb2.EVENT_TYPE_RESERVATION_CREATED])
        async with offers:
            await offers.live()
            await rd.workforce.SetWorkerActivity(
                workforce_service_pb2.SetWorkerActivityRequest(
                    name=worker.name, activity=available.name
                )
            )
            print(f"{worker.identity} ({worker.name}) is {available.display_name}, waiting")
            offer = None
            async for event in offers:
                reservation = event.reservation
                pending = reservation.status == reservation_pb2.RESERVATION_STATUS_PENDING
                if reservation.worker == worker.name and pending:
                    offer = reservation
                    break
        assert offer is not None
        await rd.tasks.AcceptReservation(task_service_pb2.AcceptReservationRequest(name=offer.name))
        print(f"accepted {offer.name}")

        # Accepting made the agent a member of the task's channel: it may read the history.
        task = (await rd.tasks.GetTask(task_service_pb2.GetTaskRequest(name=offer.task))).task
        history = channel_service_pb2.ListMessagesRequest(parent=task.channel)
        async for message in rd.items(rd.channels.ListMessages, history, message_pb2.Message):
            if message.direction == message_pb2.MESSAGE_DIRECTION_INBOUND:
                print(f"customer {message.author}: {message.body}")

        sent = await rd.channels.SendMessage(
            channel_service_pb2.SendMessageRequest(parent=task.channel, body=reply)
        )
        print(f"replied {sent.message.name}: {reply}")

        # ASSIGNED → COMPLETED is allowed directly; WrapUpTask is for after-call work.
        done = await rd.tasks.CompleteTask(
            task_service_pb2.CompleteTaskRequest(name=task.name, reason="answered")
        )
        print(f"completed {done.task.name}: {task_pb2.TaskStatus.Name(done.task.status)}")


async def available_activity(rd: Client) -> activity_pb2.Activity:
    """The first activity in which a worker is offered tasks."""
    request = workforce_service_pb2.ListActivitiesRequest()
    async for activity in rd.items(rd.workforce.ListActivities, request, activity_pb2.Activity):
        if activity.available:
            return activity
    raise SystemExit("no activity is available")


def main() -> int:
    if not os.environ.get("RELAYDESK_TOKEN"):
        print(
            "RELAYDESK_TOKEN is not set: mint an agent token with "
            "`relaydesk token --identity ID --role agent`",
            file=sys.stderr,
        )
        return 2
    server = os.environ.get("RELAYDESK_SERVER") or DEFAULT_SERVER
    reply = os.environ.get("RELAYDESK_REPLY") or DEFAULT_REPLY
    try:
        asyncio.run(run(server, reply))
    except RelaydeskError as error:
        # The status, and its details decoded: the reason, the fields at fault.
        print(f"error: {error}", file=sys.stderr)
        for field, description in error.field_violations.items():
            print(f"  {field}: {description}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
