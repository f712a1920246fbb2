"""Every malformed CreateFlow is INVALID_ARGUMENT naming the field, and stores nothing."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import duration_pb2

from relaydesk.client import Client
from relaydesk.v1 import common_pb2, flow_pb2
from relaydesk.v1 import flow_service_pb2 as pb
from tests.support import default_workflow, expect_error, reason, task_flow, violated_fields

SMS = common_pb2.CHANNEL_TYPE_SMS


def seconds(value: int, nanos: int = 0) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=value, nanos=nanos)


def webhook(url: str, retry_count: int | None = None) -> flow_pb2.Flow:
    integration = flow_pb2.WebhookIntegration(url=url)
    if retry_count is not None:
        integration.retry_count = retry_count
    return flow_pb2.Flow(channel_type=SMS, contact_identity="+15550100", webhook=integration)


SITE = "https://shop.example.com"


def web(*allowed_origins: str) -> flow_pb2.Flow:
    """A WEB flow that only pages of `allowed_origins` may start web chats on."""
    return task_flow("", common_pb2.CHANNEL_TYPE_WEB, allowed_origins=list(allowed_origins))


def with_task(**task_fields: object) -> flow_pb2.Flow:
    flow = task_flow()
    for field, value in task_fields.items():
        if isinstance(value, duration_pb2.Duration):
            getattr(flow.task, field).CopyFrom(value)
        else:
            setattr(flow.task, field, value)
    return flow


MALFORMED: list[tuple[str, flow_pb2.Flow, str]] = [
    (
        "no channel type",
        task_flow(channel_type=common_pb2.CHANNEL_TYPE_UNSPECIFIED),
        "flow.channel_type",
    ),
    ("unknown channel type", task_flow(channel_type=99), "flow.channel_type"),
    ("SMS without identity", task_flow(""), "flow.contact_identity"),
    ("identity of 257 code points", task_flow("é" * 257), "flow.contact_identity"),
    ("display name of 257", task_flow(display_name="x" * 257), "flow.display_name"),
    (
        "no integration",
        flow_pb2.Flow(channel_type=SMS, contact_identity="+15550100"),
        "flow.integration",
    ),
    ("task without workflow", with_task(workflow=""), "flow.task.workflow"),
    ("workflow not a name", with_task(workflow="support"), "flow.task.workflow"),
    ("workflow of another kind", with_task(workflow="queues/WQ" + "0" * 32), "flow.task.workflow"),
    ("negative priority", with_task(priority=-1), "flow.task.priority"),
    ("bad task channel", with_task(task_channel="Chat Channel"), "flow.task.task_channel"),
    ("task timeout below 1 s", with_task(timeout=seconds(0, 500_000_000)), "flow.task.timeout"),
    ("task timeout above 14 d", with_task(timeout=seconds(14 * 86400 + 1)), "flow.task.timeout"),
    ("negative task timeout", with_task(timeout=seconds(-5)), "flow.task.timeout"),
    ("after-task bot not a name", with_task(after_task_bot="survey"), "flow.task.after_task_bot"),
    (
        "after-task bot of another kind",
        with_task(after_task_bot="flows/FO" + "0" * 32),
        "flow.task.after_task_bot",
    ),
    ("mixed-sign duration", with_task(timeout=seconds(5, -1)), "flow.task.timeout"),
    ("session ttl below 1 s", task_flow(session_ttl=seconds(0, 1000)), "flow.session_ttl"),
    ("session ttl above 90 d", task_flow(session_ttl=seconds(90 * 86400 + 1)), "flow.session_ttl"),
    ("negative session ttl", task_flow(session_ttl=seconds(-1)), "flow.session_ttl"),
    ("webhook without url", webhook(""), "flow.webhook.url"),
    ("webhook relative url", webhook("/hooks"), "flow.webhook.url"),
    ("webhook ftp url", webhook("ftp://example.com/x"), "flow.webhook.url"),
    ("webhook url without host", webhook("https:///x"), "flow.webhook.url"),
    ("webhook url too long", webhook("https://e.com/" + "a" * 2048), "flow.webhook.url"),
    ("webhook retries above 10", webhook("https://e.com/x", 11), "flow.webhook.retry_count"),
    ("webhook retries negative", webhook("https://e.com/x", -1), "flow.webhook.retry_count"),
    (
        "bot without name",
        flow_pb2.Flow(channel_type=SMS, contact_identity="+1", bot=flow_pb2.BotIntegration()),
        "flow.bot.bot",
    ),
    (
        "bot not a name",
        flow_pb2.Flow(
            channel_type=SMS, contact_identity="+1", bot=flow_pb2.BotIntegration(bot="helper")
        ),
        "flow.bot.bot",
    ),
    ("allowed origins on an SMS flow", task_flow(allowed_origins=[SITE]), "flow.allowed_origins"),
    ("an origin with a path", web(SITE, "https://a.example/chat"), "flow.allowed_origins[1]"),
    ("an origin with a slash", web("https://a.example/"), "flow.allowed_origins[0]"),
    ("an origin with a query", web("https://a.example?x=1"), "flow.allowed_origins[0]"),
    ("an origin without a scheme", web("a.example"), "flow.allowed_origins[0]"),
    ("an origin of another scheme", web("ftp://a.example"), "flow.allowed_origins[0]"),
    ("an origin with credentials", web("https://me@a.example"), "flow.allowed_origins[0]"),
    ("an origin with a wildcard", web("https://*.a.example"), "flow.allowed_origins[0]"),
    ("an origin with a bad port", web("https://a.example:99999"), "flow.allowed_origins[0]"),
    ("the null origin", web("null"), "flow.allowed_origins[0]"),
    ("an empty origin", web(""), "flow.allowed_origins[0]"),
    (
        "51 origins",
        web(*(f"https://{i}.example" for i in range(51))),
        "flow.allowed_origins",
    ),
]


@pytest.mark.parametrize(
    ("flow", "field"), [(f, field) for _, f, field in MALFORMED], ids=[c for c, _, _ in MALFORMED]
)
async def test_malformed_flow_is_invalid_argument(
    rd: Client, flow: flow_pb2.Flow, field: str
) -> None:
    error = await expect_error(
        rd.flows.CreateFlow(pb.CreateFlowRequest(flow=flow)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert field in violated_fields(error)
    assert reason(error) == "INVALID_ARGUMENT"
    assert (await rd.flows.ListFlows(pb.ListFlowsRequest())).flows == []


async def test_every_violation_is_reported_at_once(rd: Client) -> None:
    flow = flow_pb2.Flow(
        channel_type=SMS,
        display_name="x" * 300,
        session_ttl=seconds(-1),
        task=flow_pb2.TaskIntegration(workflow="nope", priority=-3),
    )
    error = await expect_error(
        rd.flows.CreateFlow(pb.CreateFlowRequest(flow=flow)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {
        "flow.contact_identity",
        "flow.display_name",
        "flow.session_ttl",
        "flow.task.workflow",
        "flow.task.priority",
    }


async def test_boundaries_are_accepted(rd: Client) -> None:
    flow = task_flow(
        "é" * 256,
        display_name="d" * 256,
        session_ttl=seconds(90 * 86400),
    )
    flow.task.CopyFrom(
        flow_pb2.TaskIntegration(
            workflow=default_workflow(), timeout=seconds(1), task_channel="voice_2"
        )
    )
    created = (await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=flow))).flow
    assert created.contact_identity == "é" * 256
    assert created.task.timeout.seconds == 1
    web = flow_pb2.Flow(
        channel_type=common_pb2.CHANNEL_TYPE_WEB,
        webhook=flow_pb2.WebhookIntegration(url="http://127.0.0.1:8080/x", retry_count=0),
    )
    created = (await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=web))).flow
    assert created.webhook.retry_count == 0  # an explicit 0 is not the default 3
    web.contact_identity = "web:fifty"
    web.allowed_origins.extend(f"https://{i}.example:8443" for i in range(50))
    created = (await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=web))).flow
    assert len(created.allowed_origins) == 50


async def test_list_with_unknown_channel_type_filter_is_invalid(rd: Client) -> None:
    error = await expect_error(
        rd.flows.ListFlows(pb.ListFlowsRequest(channel_type=42)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"channel_type"}
