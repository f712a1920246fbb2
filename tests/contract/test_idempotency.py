"""request_id (AIP-155): a retry returns the first response and has no second effect."""

from __future__ import annotations

import asyncio
import datetime as dt

import grpc
from google.protobuf import field_mask_pb2

from relaydesk.client import Client
from relaydesk.v1 import flow_pb2
from relaydesk.v1 import flow_service_pb2 as pb
from tests.support import Harness, expect_error, reason, task_flow, violated_fields


async def count_flows(rd: Client) -> int:
    return len((await rd.flows.ListFlows(pb.ListFlowsRequest(page_size=1000))).flows)


async def test_retried_create_returns_the_first_response_and_creates_once(rd: Client) -> None:
    request = pb.CreateFlowRequest(flow=task_flow(), request_id="req-1")
    first = await rd.flows.CreateFlow(request)
    retry = await rd.flows.CreateFlow(request)
    assert retry == first
    assert await count_flows(rd) == 1


async def test_concurrent_retries_create_once(rd: Client) -> None:
    request = pb.CreateFlowRequest(flow=task_flow(), request_id="req-concurrent")
    responses = await asyncio.gather(*(rd.flows.CreateFlow(request) for _ in range(20)))
    assert len({r.flow.name for r in responses}) == 1
    assert await count_flows(rd) == 1


async def test_same_request_id_with_another_request_is_invalid_argument(rd: Client) -> None:
    await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow("+1"), request_id="dup"))
    error = await expect_error(
        rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow("+2"), request_id="dup")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"request_id"}
    assert reason(error) == "REQUEST_ID_REUSED"
    assert await count_flows(rd) == 1


async def test_a_request_id_is_not_shared_across_methods(rd: Client) -> None:
    created = await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow(), request_id="x"))
    await expect_error(
        rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=created.flow.name, request_id="x")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert await count_flows(rd) == 1


async def test_retried_update_replays_even_after_a_later_change(rd: Client) -> None:
    created = (await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow()))).flow
    rename = pb.UpdateFlowRequest(
        flow=flow_pb2.Flow(name=created.name, display_name="first", etag=created.etag),
        update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
        request_id="rename-1",
    )
    first = await rd.flows.UpdateFlow(rename)
    await rd.flows.UpdateFlow(
        pb.UpdateFlowRequest(
            flow=flow_pb2.Flow(name=created.name, display_name="second"),
            update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
        )
    )
    # The retry carries a now-stale etag, yet answers as the first call did.
    assert await rd.flows.UpdateFlow(rename) == first
    current = (await rd.flows.GetFlow(pb.GetFlowRequest(name=created.name))).flow
    assert current.display_name == "second"


async def test_retried_delete_succeeds_instead_of_not_found(rd: Client) -> None:
    created = (await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow()))).flow
    delete = pb.DeleteFlowRequest(name=created.name, request_id="del-1")
    await rd.flows.DeleteFlow(delete)
    await rd.flows.DeleteFlow(delete)
    assert await count_flows(rd) == 0


async def test_a_failed_call_is_not_remembered(rd: Client) -> None:
    await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow("+1")))
    blocked = pb.CreateFlowRequest(flow=task_flow("+1"), request_id="after-fix")
    await expect_error(rd.flows.CreateFlow(blocked), grpc.StatusCode.ALREADY_EXISTS)
    # The caller fixes the conflict and retries with the same id: it now works.
    flows = (await rd.flows.ListFlows(pb.ListFlowsRequest())).flows
    await rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=flows[0].name))
    created = await rd.flows.CreateFlow(blocked)
    assert created.flow.contact_identity == "+1"


async def test_request_ids_expire_after_24_hours(rd: Client, harness: Harness) -> None:
    request = pb.CreateFlowRequest(flow=task_flow(enabled=False), request_id="daily")
    first = await rd.flows.CreateFlow(request)
    harness.clock.advance(dt.timedelta(hours=23))
    assert (await rd.flows.CreateFlow(request)) == first
    harness.clock.advance(dt.timedelta(hours=1, seconds=1))
    second = await rd.flows.CreateFlow(request)
    assert second.flow.name != first.flow.name
    assert await count_flows(rd) == 2
    assert await harness.running.store.purge_request_log() == 0  # the expired one was replaced


async def test_request_id_survives_a_restart(rd: Client, harness: Harness) -> None:
    request = pb.CreateFlowRequest(flow=task_flow(), request_id="durable")
    first = await rd.flows.CreateFlow(request)
    await harness.restart()
    assert await harness.client.flows.CreateFlow(request) == first
    assert await count_flows(harness.client) == 1


async def test_overlong_request_id_is_invalid(rd: Client) -> None:
    error = await expect_error(
        rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow(), request_id="r" * 129)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"request_id"}
