"""Web chat: StartWebchat makes the visitor's channel and a customer token scoped to it;
the visitor's first message starts the flow's task."""

from __future__ import annotations

import datetime as dt
from typing import Any

import grpc

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_pb2,
    common_pb2,
    flow_service_pb2,
    member_pb2,
    message_pb2,
    queue_pb2,
)
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import engagement_service_pb2 as engagement_pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from relaydesk.v1 import workforce_service_pb2 as workforce_pb
from tests.support import Harness, default_workflow, expect_error, new_channel, reason, task_flow


async def web_flow(rd: Client, **fields: Any) -> str:
    fields.setdefault("enabled", True)
    flow = task_flow("site-widget", common_pb2.CHANNEL_TYPE_WEB, **fields)
    return (await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))).flow.name


async def start(rd: Client, flow: str, **fields: Any) -> engagement_pb.StartWebchatResponse:
    pre_engagement = fields.pop("pre_engagement", None)
    request = engagement_pb.StartWebchatRequest(flow=flow, **fields)
    if pre_engagement is not None:
        request.pre_engagement.update(pre_engagement)
    return await rd.engagements.StartWebchat(request)


async def say(customer: Client, channel: str, body: str) -> message_pb2.Message:
    request = channels_pb.SendMessageRequest(parent=channel, body=body)
    return (await customer.channels.SendMessage(request)).message


async def get_channel(rd: Client, name: str) -> channel_pb2.Channel:
    return (await rd.channels.GetChannel(channels_pb.GetChannelRequest(name=name))).channel


async def tasks_of(rd: Client, channel: str) -> list[Any]:
    request = tasks_pb.ListTasksRequest(channel=channel)
    return list((await rd.tasks.ListTasks(request)).tasks)


async def test_a_visitor_gets_a_private_channel_and_a_token_for_it(harness: Harness) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    started = await start(rd, flow, identity="visitor-7", display_name="Ann")
    channel = started.channel
    assert channel.type == channel_pb2.CHANNEL_KIND_PRIVATE
    assert channel.state == channel_pb2.CHANNEL_STATE_ACTIVE
    assert (channel.flow, channel.channel_type) == (flow, common_pb2.CHANNEL_TYPE_WEB)
    assert channel.customer_address == "visitor-7"
    listed = await rd.channels.ListMembers(channels_pb.ListMembersRequest(parent=channel.name))
    assert [(m.identity, m.role, m.display_name) for m in listed.members] == [
        ("visitor-7", member_pb2.MEMBER_ROLE_CUSTOMER, "Ann")
    ]
    # Opening the widget is no work for anyone yet.
    assert await tasks_of(rd, channel.name) == []
    customer = harness.connect(started.customer_token)
    try:
        sent = await say(customer, channel.name, "hello?")
        assert (sent.author, sent.direction) == ("visitor-7", message_pb2.MESSAGE_DIRECTION_INBOUND)
    finally:
        await customer.close()


async def test_the_first_message_starts_the_task_with_the_pre_engagement(
    harness: Harness,
) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    started = await start(
        rd, flow, identity="v1", display_name="Ann", pre_engagement={"topic": "billing"}
    )
    customer = harness.connect(started.customer_token)
    try:
        await say(customer, started.channel.name, "my bill is wrong")
        await say(customer, started.channel.name, "hello?")
    finally:
        await customer.close()
    (task,) = await tasks_of(rd, started.channel.name)
    assert dict(task.attributes) == {
        "channel": started.channel.name,
        "channel_type": "CHANNEL_TYPE_WEB",
        "customer_address": "v1",
        "display_name": "Ann",
        "pre_engagement": {"topic": "billing"},
    }
    assert task.workflow == default_workflow()
    assert (await get_channel(rd, started.channel.name)).task == task.name


async def test_the_same_visitor_gets_the_same_channel_back(harness: Harness) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    first = await start(rd, flow, identity="v1")
    again = await start(rd, flow, identity="v1")
    other = await start(rd, flow, identity="v2")
    assert again.channel.name == first.channel.name
    assert other.channel.name != first.channel.name
    # Each token works for the visitor's channel.
    customer = harness.connect(again.customer_token)
    try:
        await say(customer, first.channel.name, "still here")
    finally:
        await customer.close()


async def test_a_visitor_without_an_identity_gets_one(harness: Harness) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    started = await start(rd, flow)
    identity = started.channel.customer_address
    assert identity.startswith("visitor-")
    customer = harness.connect(started.customer_token)
    try:
        assert (await say(customer, started.channel.name, "hi")).author == identity
    finally:
        await customer.close()
    assert (await start(rd, flow)).channel.customer_address != identity


async def test_start_webchat_needs_an_enabled_web_flow(harness: Harness) -> None:
    rd = harness.client
    sms = (
        await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=task_flow("+15550100")))
    ).flow.name
    error = await expect_error(start(rd, sms), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "NOT_A_WEB_FLOW"
    disabled = await web_flow(rd, enabled=False)
    error = await expect_error(start(rd, disabled), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "FLOW_DISABLED"
    await expect_error(start(rd, "flows/FO" + "0" * 32), grpc.StatusCode.NOT_FOUND)
    await expect_error(start(rd, "nope"), grpc.StatusCode.INVALID_ARGUMENT)


async def test_a_customer_token_reaches_its_own_channel_and_nothing_else(
    harness: Harness,
) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    started = await start(rd, flow, identity="v1")
    elsewhere = await new_channel(rd)
    customer = harness.connect(started.customer_token)
    try:
        listed = await customer.channels.ListChannels(channels_pb.ListChannelsRequest())
        assert [c.name for c in listed.channels] == [started.channel.name]
        for call in (
            customer.channels.GetChannel(channels_pb.GetChannelRequest(name=elsewhere.name)),
            customer.channels.SendMessage(
                channels_pb.SendMessageRequest(parent=elsewhere.name, body="hi")
            ),
            customer.channels.CreateChannel(channels_pb.CreateChannelRequest()),
            customer.workforce.CreateQueue(
                workforce_pb.CreateQueueRequest(queue=queue_pb2.Queue(display_name="q"))
            ),
            customer.tasks.ListTasks(tasks_pb.ListTasksRequest()),
            customer.engagements.StartWebchat(engagement_pb.StartWebchatRequest(flow=flow)),
        ):
            await expect_error(call, grpc.StatusCode.PERMISSION_DENIED)
    finally:
        await customer.close()


async def test_a_customer_token_expires_after_an_hour(harness: Harness) -> None:
    rd = harness.client
    started = await start(rd, await web_flow(rd), identity="v1")
    customer = harness.connect(started.customer_token)
    try:
        harness.clock.advance(dt.timedelta(minutes=59))
        await say(customer, started.channel.name, "still in time")
        harness.clock.advance(dt.timedelta(minutes=1))
        error = await expect_error(
            say(customer, started.channel.name, "too late"), grpc.StatusCode.UNAUTHENTICATED
        )
        assert reason(error) == "TOKEN_EXPIRED"
    finally:
        await customer.close()
    forger = harness.connect(started.customer_token[:-4] + "AAAA")
    try:
        await expect_error(
            forger.channels.ListChannels(channels_pb.ListChannelsRequest()),
            grpc.StatusCode.UNAUTHENTICATED,
        )
    finally:
        await forger.close()


async def test_after_its_task_ends_the_visitor_starts_a_new_conversation(
    harness: Harness,
) -> None:
    rd = harness.client
    flow = await web_flow(rd)
    first = await start(rd, flow, identity="v1")
    customer = harness.connect(first.customer_token)
    try:
        await say(customer, first.channel.name, "hi")
    finally:
        await customer.close()
    (task,) = await tasks_of(rd, first.channel.name)
    await rd.tasks.CancelTask(tasks_pb.CancelTaskRequest(name=task.name, reason="left"))
    closed = await get_channel(rd, first.channel.name)
    assert closed.state == channel_pb2.CHANNEL_STATE_INACTIVE
    second = await start(rd, flow, identity="v1")
    assert second.channel.name != first.channel.name
    assert second.channel.state == channel_pb2.CHANNEL_STATE_ACTIVE


async def test_a_long_lived_web_flow_reopens_the_visitors_channel(harness: Harness) -> None:
    rd = harness.client
    flow = await web_flow(rd, long_lived=True)
    first = await start(rd, flow, identity="v1")
    customer = harness.connect(first.customer_token)
    try:
        await say(customer, first.channel.name, "first visit")
    finally:
        await customer.close()
    (task,) = await tasks_of(rd, first.channel.name)
    await rd.tasks.CancelTask(tasks_pb.CancelTaskRequest(name=task.name))
    again = await start(rd, flow, identity="v1")
    assert again.channel.name == first.channel.name
    assert again.channel.state == channel_pb2.CHANNEL_STATE_ACTIVE
    customer = harness.connect(again.customer_token)
    try:
        await say(customer, again.channel.name, "second visit")
    finally:
        await customer.close()
    history = await rd.channels.ListMessages(
        channels_pb.ListMessagesRequest(parent=again.channel.name)
    )
    assert [m.body for m in history.messages] == ["first visit", "second visit"]
    assert len(await tasks_of(rd, again.channel.name)) == 2
