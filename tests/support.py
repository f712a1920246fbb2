"""What tests share: a handle on a running server, and assertion helpers."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import grpc
import pytest
from google.rpc import error_details_pb2

from relaydesk.client import Client, connect, error_details
from relaydesk.v1 import (
    channel_pb2,
    channel_service_pb2,
    common_pb2,
    flow_pb2,
    member_pb2,
    message_pb2,
    queue_pb2,
    workflow_pb2,
    workforce_service_pb2,
)
from relaydesk_server.app import RelaydeskServer, ServerOptions, create_server
from relaydesk_server.clock import ManualClock

T = TypeVar("T")


@dataclasses.dataclass
class Harness:
    data_dir: Path
    clock: ManualClock
    running: RelaydeskServer
    admin_key: str
    client: Client
    options: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.running.port}"

    def connect(self, credential: str | None = None) -> Client:
        return connect(self.target, credential)

    async def restart(self) -> None:
        """Stops the server and starts a new one on the same data directory."""
        await self.client.close()
        await self.running.stop(grace=None)
        self.running = await start_server(self.data_dir, self.clock, **self.options)
        self.client = connect(self.target, self.admin_key)


async def start_server(data_dir: Path, clock: ManualClock, **options: Any) -> RelaydeskServer:
    running = await create_server(
        ServerOptions(listen="127.0.0.1:0", data_dir=data_dir, clock=clock, **options)
    )
    await running.start()
    return running


async def expect_error(call: object, code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    """Awaits `call` and returns the error it fails with, asserting its status code."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    return caught.value


def detail(error: grpc.aio.AioRpcError, detail_type: type[T]) -> T:
    """The one detail of `detail_type` the error carries (fails the test when absent)."""
    found = [d for d in error_details(error) if isinstance(d, detail_type)]
    assert found, f"no {detail_type.__name__} in {error_details(error)}"
    return found[0]


def violated_fields(error: grpc.aio.AioRpcError) -> set[str]:
    return {v.field for v in detail(error, error_details_pb2.BadRequest).field_violations}


def reason(error: grpc.aio.AioRpcError) -> str:
    info = detail(error, error_details_pb2.ErrorInfo)
    assert info.domain == "relaydesk.dev"
    return info.reason


# The workflow flows in tests route to: each test server gets one (see
# conftest.harness_factory), and task_flow() uses the latest.
_default_workflow = "workflows/WW" + "0" * 32


def default_workflow() -> str:
    return _default_workflow


async def create_default_workflow(rd: Client) -> str:
    """A queue every worker may serve, and a workflow that sends every task there."""
    global _default_workflow
    queue = (
        await rd.workforce.CreateQueue(
            workforce_service_pb2.CreateQueueRequest(queue=queue_pb2.Queue(display_name="all"))
        )
    ).queue
    workflow = (
        await rd.workforce.CreateWorkflow(
            workforce_service_pb2.CreateWorkflowRequest(
                workflow=workflow_pb2.Workflow(display_name="everyone", default_queue=queue.name)
            )
        )
    ).workflow
    _default_workflow = workflow.name
    return workflow.name


def task_flow(
    contact_identity: str = "+15550100",
    channel_type: int = common_pb2.CHANNEL_TYPE_SMS,
    *,
    enabled: bool = True,
    **fields: object,
) -> flow_pb2.Flow:
    fields.setdefault("display_name", f"support {contact_identity}")
    return flow_pb2.Flow(
        channel_type=channel_type,  # type: ignore[arg-type]
        contact_identity=contact_identity,
        enabled=enabled,
        task=flow_pb2.TaskIntegration(workflow=_default_workflow),
        **fields,  # type: ignore[arg-type]
    )


async def new_channel(rd: Client, **fields: Any) -> channel_pb2.Channel:
    request = channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel(**fields))
    return (await rd.channels.CreateChannel(request)).channel


async def add_member(
    rd: Client, channel: str, identity: str, role: int = member_pb2.MEMBER_ROLE_AGENT
) -> member_pb2.Member:
    request = channel_service_pb2.AddMemberRequest(
        parent=channel,
        member=member_pb2.Member(identity=identity, role=role),  # type: ignore[arg-type]
    )
    return (await rd.channels.AddMember(request)).member


async def send(rd: Client, channel: str, body: str = "hello", **fields: Any) -> message_pb2.Message:
    request = channel_service_pb2.SendMessageRequest(parent=channel, body=body, **fields)
    return (await rd.channels.SendMessage(request)).message


async def gather_limited(calls: Iterable[Awaitable[T]], limit: int = 64) -> list[T]:
    """Awaits every call with at most `limit` in flight.

    gRPC sheds calls beyond about a thousand pending on one server (with
    CANCELLED), so a test that fans out far more than that paces itself.
    """
    gate = asyncio.Semaphore(limit)

    async def one(call: Awaitable[T]) -> T:
        async with gate:
            return await call

    return await asyncio.gather(*(one(c) for c in calls))
