"""The server as a whole: credentials, health, reflection, restarts, the first admin key."""

from __future__ import annotations

import asyncio
import stat
import uuid

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from relaydesk.client import NO_RETRY
from relaydesk.v1 import channel_service_pb2, message_pb2
from relaydesk.v1 import flow_service_pb2 as pb
from relaydesk_server.transport.registry import SERVICE_NAMES
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    HeldWriter,
    client_for,
    detail,
    expect_error,
    messages,
    new_channel,
    reason,
    start_server,
    task_flow,
)

WAIT = 20  # seconds: an upper bound on waiting, never a pause


async def test_calls_without_valid_credentials_are_unauthenticated(harness: Harness) -> None:
    bad = {
        "no credential": None,
        "wrong key": "rdk_not-a-real-key",
        "key of another server": "rdk_" + "A" * 43,
    }
    for case, credential in bad.items():
        async with harness.connect(credential) as client:
            error = await expect_error(
                client.flows.ListFlows(pb.ListFlowsRequest()), grpc.StatusCode.UNAUTHENTICATED
            )
            assert detail(error, error_details_pb2.ErrorInfo).reason.startswith("CREDENTIALS_"), (
                case
            )


async def test_malformed_authorization_header_is_unauthenticated(harness: Harness) -> None:
    async with harness.connect() as client:
        for header in ("Basic abc", "Bearer", "Bearer   ", harness.admin_key):
            error = await expect_error(
                client.flows.ListFlows(
                    pb.ListFlowsRequest(), metadata=(("authorization", header),)
                ),
                grpc.StatusCode.UNAUTHENTICATED,
            )
            assert detail(error, error_details_pb2.ErrorInfo).domain == "relaydesk.dev"


async def test_rejected_calls_change_nothing(harness: Harness) -> None:
    async with harness.connect("rdk_wrong") as client:
        await expect_error(
            client.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow())),
            grpc.StatusCode.UNAUTHENTICATED,
        )
    assert (await harness.client.flows.ListFlows(pb.ListFlowsRequest())).flows == []


async def test_health_is_serving_for_the_server_and_each_service_without_credentials(
    harness: Harness,
) -> None:
    async with harness.connect() as client:
        health = health_pb2_grpc.HealthStub(client.channel)
        for service in ("", *SERVICE_NAMES):
            response = await health.Check(health_pb2.HealthCheckRequest(service=service))
            assert response.status == health_pb2.HealthCheckResponse.SERVING, service
    assert "relaydesk.v1.FlowService" in SERVICE_NAMES
    assert len(SERVICE_NAMES) == 10


async def test_reflection_lists_every_service_and_describes_them(harness: Harness) -> None:
    async with harness.connect() as client:
        stub = reflection_pb2_grpc.ServerReflectionStub(client.channel)

        async def ask(request: reflection_pb2.ServerReflectionRequest) -> object:
            async for response in stub.ServerReflectionInfo(iter([request])):
                return response
            raise AssertionError("no reflection response")

        listed = await ask(reflection_pb2.ServerReflectionRequest(list_services=""))
        names = {s.name for s in listed.list_services_response.service}  # type: ignore[attr-defined]
        assert set(SERVICE_NAMES) <= names
        assert "grpc.health.v1.Health" in names
        described = await ask(
            reflection_pb2.ServerReflectionRequest(
                file_containing_symbol="relaydesk.v1.FlowService"
            )
        )
        assert described.file_descriptor_response.file_descriptor_proto  # type: ignore[attr-defined]


async def test_restart_keeps_flows_and_the_admin_key(harness: Harness) -> None:
    created = (await harness.client.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow()))).flow
    key_before = harness.admin_key
    await harness.restart()
    assert (harness.data_dir / "admin.key").read_text().strip() == key_before
    assert not harness.running.admin_key_created
    got = (await harness.client.flows.GetFlow(pb.GetFlowRequest(name=created.name))).flow
    assert got == created


async def test_graceful_stop_finishes_writes_already_under_way(harness: Harness) -> None:
    def create(i: int) -> asyncio.Future[pb.CreateFlowResponse]:
        return asyncio.ensure_future(
            harness.client.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow(f"+1{i:05d}")))
        )

    first = await create(0)
    calls = [create(i) for i in range(1, 30)]
    await harness.running.stop(grace=5)
    results = [first, *await asyncio.gather(*calls, return_exceptions=True)]
    acknowledged = {r.flow.name for r in results if isinstance(r, pb.CreateFlowResponse)}
    refused = [r for r in results if not isinstance(r, pb.CreateFlowResponse)]
    # Calls that arrive once shutdown began are refused, never half-done, and say so.
    for error in refused:
        assert isinstance(error, grpc.aio.AioRpcError), error
        assert error.code() == grpc.StatusCode.UNAVAILABLE, (error.code(), error.details())
        assert reason(error) == "SHUTTING_DOWN"
    assert acknowledged
    harness.running = await start_server(harness.data_dir, harness.clock, **harness.options)
    await harness.client.close()
    harness.client = harness.connect(harness.admin_key)
    listed = await harness.client.flows.ListFlows(pb.ListFlowsRequest(page_size=1000))
    assert {f.name for f in listed.flows} == acknowledged


async def test_writes_sent_as_the_server_stops_are_done_or_refused_never_cancelled(
    harness_factory: HarnessFactory,
) -> None:
    """Writes under way when the server stops finish; the many sent just then are refused
    with UNAVAILABLE (SHUTTING_DOWN), which a client may send again: none is CANCELLED,
    which it could not tell from "maybe applied"."""
    harness = await harness_factory(
        channel_message_rate=1_000_000.0, channel_message_burst=1_000_000
    )
    channel = (await new_channel(harness.client)).name
    # Without retries: each call's own outcome.
    writer = client_for(harness.target, harness.admin_key, retry=NO_RETRY)

    def write(i: int) -> asyncio.Future[channel_service_pb2.SendMessageResponse]:
        request = channel_service_pb2.SendMessageRequest(
            parent=channel, body=f"m{i}", request_id=str(uuid.uuid4())
        )
        return asyncio.ensure_future(writer.channels.SendMessage(request))

    async with HeldWriter(harness.running.store):
        under_way = [write(i) for i in range(20)]
        async with asyncio.timeout(WAIT):
            await harness.running.pipeline.wait_for_calls_under_way(20)
        in_transit = [write(i) for i in range(20, 120)]
        stopping = asyncio.ensure_future(harness.running.stop(grace=WAIT))
        # Nothing can be acknowledged while the writer is held: the first answer comes
        # from the stopping server, with the 20 writes still under way.
        async with asyncio.timeout(WAIT):
            await asyncio.wait(in_transit, return_when=asyncio.FIRST_COMPLETED)
    async with asyncio.timeout(WAIT):
        results = await asyncio.gather(*under_way, *in_transit, return_exceptions=True)
        await stopping
    await writer.close()

    acknowledged = {
        r.message.name for r in results if isinstance(r, channel_service_pb2.SendMessageResponse)
    }
    assert all(isinstance(r, channel_service_pb2.SendMessageResponse) for r in results[:20])
    refused = [r for r in results if not isinstance(r, channel_service_pb2.SendMessageResponse)]
    assert refused
    for error in refused:
        assert isinstance(error, grpc.aio.AioRpcError), error
        assert error.code() == grpc.StatusCode.UNAVAILABLE, (error.code(), error.details())
        assert reason(error) == "SHUTTING_DOWN"
    # Every acknowledged write was kept, and no refused one.
    harness.running = await start_server(harness.data_dir, harness.clock, **harness.options)
    await harness.client.close()
    harness.client = harness.connect(harness.admin_key)
    stored: list[message_pb2.Message] = await messages(harness.client, channel)
    assert sorted(m.name for m in stored) == sorted(acknowledged)


@pytest.mark.sqlite_only
async def test_first_admin_key_file_is_private_and_its_secret_not_stored(harness: Harness) -> None:
    key_file = harness.data_dir / "admin.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    database = (harness.data_dir / "relaydesk.db").read_bytes()
    wal = harness.data_dir / "relaydesk.db-wal"
    stored = database + (wal.read_bytes() if wal.exists() else b"")
    assert harness.admin_key.encode() not in stored
