"""Pagination (AIP-158): every item exactly once, opaque tokens bound to their filters."""

from __future__ import annotations

import asyncio

import grpc

from relaydesk.client import Client
from relaydesk.v1 import common_pb2
from relaydesk.v1 import flow_service_pb2 as pb
from tests.support import expect_error, task_flow, violated_fields


async def create_flows(
    rd: Client, count: int, channel_type: int = common_pb2.CHANNEL_TYPE_SMS
) -> list[str]:
    responses = await asyncio.gather(
        *(
            rd.flows.CreateFlow(pb.CreateFlowRequest(flow=task_flow(f"+1555{i:07d}", channel_type)))
            for i in range(count)
        )
    )
    return [r.flow.name for r in responses]


async def list_all(rd: Client, page_size: int, **filters: object) -> tuple[list[str], int]:
    names, pages, token = [], 0, ""
    while True:
        page = await rd.flows.ListFlows(
            pb.ListFlowsRequest(page_size=page_size, page_token=token, **filters)  # type: ignore[arg-type]
        )
        pages += 1
        names += [f.name for f in page.flows]
        assert len(page.flows) <= page_size
        token = page.next_page_token
        if not token:
            return names, pages


async def test_more_than_100_flows_are_each_listed_exactly_once(rd: Client) -> None:
    created = await create_flows(rd, 130)
    listed, pages = await list_all(rd, page_size=7)
    assert sorted(listed) == sorted(created)
    assert len(listed) == len(set(listed)) == 130
    assert pages == 19  # 18 full pages of 7 and one of 4


async def test_default_page_size_is_50_and_max_is_1000(rd: Client) -> None:
    await create_flows(rd, 120)
    first = await rd.flows.ListFlows(pb.ListFlowsRequest())
    assert len(first.flows) == 50
    assert first.next_page_token
    everything = await rd.flows.ListFlows(pb.ListFlowsRequest(page_size=1000))
    assert len(everything.flows) == 120
    assert everything.next_page_token == ""
    error = await expect_error(
        rd.flows.ListFlows(pb.ListFlowsRequest(page_size=1001)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"page_size"}


async def test_negative_page_size_is_invalid_argument(rd: Client) -> None:
    error = await expect_error(
        rd.flows.ListFlows(pb.ListFlowsRequest(page_size=-1)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"page_size"}


async def test_a_token_is_only_good_with_the_filters_it_was_issued_for(rd: Client) -> None:
    await create_flows(rd, 5)
    page = await rd.flows.ListFlows(
        pb.ListFlowsRequest(page_size=2, channel_type=common_pb2.CHANNEL_TYPE_SMS)
    )
    error = await expect_error(
        rd.flows.ListFlows(pb.ListFlowsRequest(page_size=2, page_token=page.next_page_token)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"page_token"}


async def test_forged_tokens_are_invalid_argument(rd: Client) -> None:
    for token in ("garbage", "e30", "eyJhIjogIngifQ", "!!!"):
        error = await expect_error(
            rd.flows.ListFlows(pb.ListFlowsRequest(page_token=token)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {"page_token"}


async def test_deleting_during_pagination_skips_nothing_that_remains(rd: Client) -> None:
    created = await create_flows(rd, 30)
    first = await rd.flows.ListFlows(pb.ListFlowsRequest(page_size=10))
    seen = [f.name for f in first.flows]
    # Delete one already seen and one not yet seen.
    await rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=seen[0]))
    unseen_victim = next(n for n in created if n not in seen)
    await rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=unseen_victim))
    token = first.next_page_token
    while token:
        page = await rd.flows.ListFlows(pb.ListFlowsRequest(page_size=10, page_token=token))
        seen += [f.name for f in page.flows]
        token = page.next_page_token
    assert len(seen) == len(set(seen))
    assert set(seen) == set(created) - {unseen_victim}


async def test_filtered_pages_hold_only_matching_flows(rd: Client) -> None:
    sms = await create_flows(rd, 12, common_pb2.CHANNEL_TYPE_SMS)
    await asyncio.gather(
        *(
            rd.flows.CreateFlow(
                pb.CreateFlowRequest(
                    flow=task_flow(f"whatsapp:+1555{i:07d}", common_pb2.CHANNEL_TYPE_WHATSAPP)
                )
            )
            for i in range(9)
        )
    )
    listed, _ = await list_all(rd, page_size=5, channel_type=common_pb2.CHANNEL_TYPE_SMS)
    assert sorted(listed) == sorted(sms)
