"""ChannelService end to end: channels, members, messages, typing, and every error path of §2."""

from __future__ import annotations

import asyncio
import datetime as dt

import grpc
from google.protobuf import field_mask_pb2, struct_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import channel_pb2, common_pb2, member_pb2, message_pb2
from relaydesk.v1 import channel_service_pb2 as pb
from relaydesk.v1 import flow_service_pb2 as flow_pb
from tests.support import (
    Harness,
    add_member,
    detail,
    expect_error,
    gather_limited,
    new_channel,
    reason,
    send,
    task_flow,
    violated_fields,
)

MISSING = "channels/CH" + "0" * 32


# -- channels -------------------------------------------------------------------


async def test_create_get_by_id_and_by_unique_name(rd: Client) -> None:
    created = await new_channel(rd, unique_name="order-1234", display_name="Order 1234")
    assert created.state == channel_pb2.CHANNEL_STATE_ACTIVE
    assert created.type == channel_pb2.CHANNEL_KIND_PRIVATE  # UNSPECIFIED reads back PRIVATE
    assert not created.HasField("last_message_index")
    by_id = (await rd.channels.GetChannel(pb.GetChannelRequest(name=created.name))).channel
    by_unique = (
        await rd.channels.GetChannel(pb.GetChannelRequest(name="channels/order-1234"))
    ).channel
    assert by_id == by_unique == created


async def test_unique_name_is_unique_and_well_formed(rd: Client) -> None:
    first = await new_channel(rd, unique_name="vip")
    error = await expect_error(new_channel(rd, unique_name="vip"), grpc.StatusCode.ALREADY_EXISTS)
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    for bad in ("a/b", "CH" + "1" * 32, "x" * 192):
        error = await expect_error(
            new_channel(rd, unique_name=bad), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert violated_fields(error) == {"channel.unique_name"}


async def test_channel_of_a_flow_takes_its_channel_type(rd: Client) -> None:
    flow = (await rd.flows.CreateFlow(flow_pb.CreateFlowRequest(flow=task_flow()))).flow
    channel = await new_channel(rd, flow=flow.name, customer_address="+15551234")
    assert channel.channel_type == common_pb2.CHANNEL_TYPE_SMS
    error = await expect_error(
        new_channel(rd, flow="flows/FO" + "0" * 32), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "FLOW_NOT_FOUND"


async def test_malformed_channels_are_invalid(rd: Client) -> None:
    big = struct_pb2.Struct()
    big.update({"blob": "x" * 16 * 1024})
    cases = {
        "channel.display_name": channel_pb2.Channel(display_name="d" * 257),
        "channel.attributes": channel_pb2.Channel(attributes=big),
        "channel.flow": channel_pb2.Channel(flow="support"),
        "channel.type": channel_pb2.Channel(type=9),  # type: ignore[arg-type]
        "channel.customer_address": channel_pb2.Channel(customer_address="+" * 257),
    }
    for field, channel in cases.items():
        error = await expect_error(
            rd.channels.CreateChannel(pb.CreateChannelRequest(channel=channel)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {field}
    assert (await rd.channels.ListChannels(pb.ListChannelsRequest())).channels == []


async def test_get_missing_or_malformed_channel(rd: Client) -> None:
    await expect_error(
        rd.channels.GetChannel(pb.GetChannelRequest(name=MISSING)), grpc.StatusCode.NOT_FOUND
    )
    await expect_error(
        rd.channels.GetChannel(pb.GetChannelRequest(name="channels/nobody")),
        grpc.StatusCode.NOT_FOUND,
    )
    for name in ("", "channels/", "flows/x", "channels/a/b"):
        await expect_error(
            rd.channels.GetChannel(pb.GetChannelRequest(name=name)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )


async def test_update_with_mask_and_etag(rd: Client) -> None:
    created = await new_channel(rd, display_name="before")
    attributes = struct_pb2.Struct()
    attributes.update({"priority": "high"})
    updated = (
        await rd.channels.UpdateChannel(
            pb.UpdateChannelRequest(
                channel=channel_pb2.Channel(
                    name=created.name,
                    display_name="after",
                    attributes=attributes,
                    etag=created.etag,
                ),
                update_mask=field_mask_pb2.FieldMask(paths=["display_name", "attributes"]),
            )
        )
    ).channel
    assert updated.display_name == "after"
    assert updated.attributes["priority"] == "high"
    await expect_error(
        rd.channels.UpdateChannel(
            pb.UpdateChannelRequest(
                channel=channel_pb2.Channel(name=created.name, display_name="x", etag=created.etag),
                update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
            )
        ),
        grpc.StatusCode.ABORTED,
    )
    for path in ("state", "member_count", "flow"):
        await expect_error(
            rd.channels.UpdateChannel(
                pb.UpdateChannelRequest(
                    channel=channel_pb2.Channel(name=created.name),
                    update_mask=field_mask_pb2.FieldMask(paths=[path]),
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )


async def test_messages_do_not_invalidate_a_channel_etag(rd: Client) -> None:
    channel = await new_channel(rd)
    await send(rd, channel.name)
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.message_count == 1
    assert after.etag == channel.etag


async def test_close_makes_the_channel_read_only(rd: Client) -> None:
    channel = await new_channel(rd)
    member = await add_member(rd, channel.name, "alice")
    await send(rd, channel.name)
    closed = (
        await rd.channels.CloseChannel(pb.CloseChannelRequest(name=channel.name, reason="resolved"))
    ).channel
    assert closed.state == channel_pb2.CHANNEL_STATE_INACTIVE
    assert closed.close_reason == "resolved"
    assert closed.HasField("close_time")
    refused = [
        rd.channels.CloseChannel(pb.CloseChannelRequest(name=channel.name)),
        send(rd, channel.name),
        add_member(rd, channel.name, "bob"),
        rd.channels.SendTyping(pb.SendTypingRequest(parent=channel.name, identity="alice")),
    ]
    for call in refused:
        error = await expect_error(call, grpc.StatusCode.FAILED_PRECONDITION)
        assert detail(error, error_details_pb2.PreconditionFailure).violations[0].subject == (
            channel.name
        )
    # Reading, and moving a read horizon, still work.
    listed = await rd.channels.ListMessages(pb.ListMessagesRequest(parent=channel.name))
    assert len(listed.messages) == 1
    moved = await rd.channels.UpdateReadHorizon(
        pb.UpdateReadHorizonRequest(name=member.name, last_read_index=0)
    )
    assert moved.member.last_read_index == 0


async def test_delete_removes_members_and_messages(rd: Client) -> None:
    channel = await new_channel(rd, unique_name="gone")
    await add_member(rd, channel.name, "alice")
    message = await send(rd, channel.name)
    await rd.channels.DeleteChannel(pb.DeleteChannelRequest(name="channels/gone"))
    await expect_error(
        rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name)), grpc.StatusCode.NOT_FOUND
    )
    await expect_error(
        rd.channels.GetMessage(pb.GetMessageRequest(name=message.name)), grpc.StatusCode.NOT_FOUND
    )
    # The unique name is free again.
    await new_channel(rd, unique_name="gone")


async def test_list_filters(rd: Client) -> None:
    flow = (await rd.flows.CreateFlow(flow_pb.CreateFlowRequest(flow=task_flow()))).flow
    a = await new_channel(rd, flow=flow.name, customer_address="+1")
    b = await new_channel(rd, customer_address="+2")
    c = await new_channel(rd, customer_address="+1")
    await add_member(rd, b.name, "alice")
    await rd.channels.CloseChannel(pb.CloseChannelRequest(name=c.name))

    async def names(**filters: object) -> set[str]:
        response = await rd.channels.ListChannels(pb.ListChannelsRequest(**filters))  # type: ignore[arg-type]
        return {ch.name for ch in response.channels}

    assert await names() == {a.name, b.name, c.name}
    assert await names(state=channel_pb2.CHANNEL_STATE_ACTIVE) == {a.name, b.name}
    assert await names(state=channel_pb2.CHANNEL_STATE_INACTIVE) == {c.name}
    assert await names(flow=flow.name) == {a.name}
    assert await names(member_identity="alice") == {b.name}
    assert await names(customer_address="+1") == {a.name, c.name}


async def test_flow_with_active_channels_is_deleted_only_with_force(rd: Client) -> None:
    flow = (await rd.flows.CreateFlow(flow_pb.CreateFlowRequest(flow=task_flow()))).flow
    channel = await new_channel(rd, flow=flow.name)
    error = await expect_error(
        rd.flows.DeleteFlow(flow_pb.DeleteFlowRequest(name=flow.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "FLOW_HAS_ACTIVE_CHANNELS"
    await rd.flows.DeleteFlow(flow_pb.DeleteFlowRequest(name=flow.name, force=True))
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.state == channel_pb2.CHANNEL_STATE_INACTIVE
    assert after.close_reason == "flow deleted"


# -- members --------------------------------------------------------------------


async def test_members_join_leave_and_are_listed_in_join_order(rd: Client) -> None:
    channel = await new_channel(rd)
    names = [(await add_member(rd, channel.name, f"agent{i}")).name for i in range(5)]
    listed = await rd.channels.ListMembers(pb.ListMembersRequest(parent=channel.name, page_size=3))
    rest = await rd.channels.ListMembers(
        pb.ListMembersRequest(parent=channel.name, page_size=3, page_token=listed.next_page_token)
    )
    assert [m.name for m in listed.members] + [m.name for m in rest.members] == names
    await rd.channels.RemoveMember(pb.RemoveMemberRequest(name=names[0]))
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.member_count == 4
    await expect_error(
        rd.channels.RemoveMember(pb.RemoveMemberRequest(name=names[0])), grpc.StatusCode.NOT_FOUND
    )


async def test_member_errors(rd: Client) -> None:
    channel = await new_channel(rd)
    first = await add_member(rd, channel.name, "alice")
    error = await expect_error(
        add_member(rd, channel.name, "alice"), grpc.StatusCode.ALREADY_EXISTS
    )
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    bad = {
        "member.identity": member_pb2.Member(identity="system", role=member_pb2.MEMBER_ROLE_BOT),
        "member.role": member_pb2.Member(identity="bob"),
    }
    for field, member in bad.items():
        error = await expect_error(
            rd.channels.AddMember(pb.AddMemberRequest(parent=channel.name, member=member)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {field}
    await expect_error(add_member(rd, MISSING, "bob"), grpc.StatusCode.NOT_FOUND)
    await expect_error(
        rd.channels.RemoveMember(pb.RemoveMemberRequest(name=channel.name + "/members/x")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_read_horizon_moves_forward_only(rd: Client) -> None:
    channel = await new_channel(rd)
    member = await add_member(rd, channel.name, "alice")
    error = await expect_error(
        rd.channels.UpdateReadHorizon(pb.UpdateReadHorizonRequest(name=member.name)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"last_read_index"}  # no messages yet
    for _ in range(5):
        await send(rd, channel.name)

    async def horizon(index: int) -> int:
        response = await rd.channels.UpdateReadHorizon(
            pb.UpdateReadHorizonRequest(name=member.name, last_read_index=index)
        )
        return response.member.last_read_index

    assert await horizon(3) == 3
    assert await horizon(1) == 3  # never backwards, and not an error
    assert await horizon(4) == 4
    for bad in (5, -1):
        await expect_error(
            rd.channels.UpdateReadHorizon(
                pb.UpdateReadHorizonRequest(name=member.name, last_read_index=bad)
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )


# -- messages -------------------------------------------------------------------


async def test_twenty_concurrent_writers_get_indexes_0_to_n_minus_1(rd: Client) -> None:
    channel = await new_channel(rd)

    async def writer(w: int) -> list[int]:
        return [(await send(rd, channel.name, f"{w}-{i}")).index for i in range(6)]

    indexes = [i for batch in await asyncio.gather(*(writer(w) for w in range(20))) for i in batch]
    assert sorted(indexes) == list(range(120))
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.last_message_index == 119
    assert after.message_count == 120


async def test_deleted_indexes_are_never_reused(rd: Client) -> None:
    channel = await new_channel(rd)
    messages = [await send(rd, channel.name) for _ in range(3)]
    await rd.channels.DeleteMessage(pb.DeleteMessageRequest(name=messages[2].name))
    again = await send(rd, channel.name)
    assert again.index == 3
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.message_count == 3
    assert after.last_message_index == 3


async def test_direction_and_author(rd: Client) -> None:
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "+15550100", member_pb2.MEMBER_ROLE_CUSTOMER)
    await add_member(rd, channel.name, "alice")
    system = await send(rd, channel.name)
    assert system.author == "system"
    inbound = await send(rd, channel.name, author="+15550100")
    assert inbound.direction == message_pb2.MESSAGE_DIRECTION_INBOUND
    outbound = await send(rd, channel.name, author="alice")
    assert outbound.direction == message_pb2.MESSAGE_DIRECTION_OUTBOUND
    assert not outbound.HasField("delivery")  # no session: it leaves through no gateway
    internal = await send(rd, channel.name, author="alice", internal=True)
    assert internal.direction == message_pb2.MESSAGE_DIRECTION_INTERNAL
    error = await expect_error(
        send(rd, channel.name, author="mallory"), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "AUTHOR_NOT_MEMBER"


async def test_message_limits(rd: Client) -> None:
    channel = await new_channel(rd)
    attributes = struct_pb2.Struct()
    attributes.update({"x": "y" * 4096})
    media = [common_pb2.Media(content_type="image/png", url="https://cdn.example/a.png")]
    cases: dict[str, pb.SendMessageRequest] = {
        "body": pb.SendMessageRequest(parent=channel.name, body="é" * (16 * 1024 + 1)),
        "attributes": pb.SendMessageRequest(parent=channel.name, body="x", attributes=attributes),
        "media": pb.SendMessageRequest(parent=channel.name, media=media * 11),
        "media[0].url": pb.SendMessageRequest(
            parent=channel.name, media=[common_pb2.Media(content_type="image/png", url="a.png")]
        ),
        "media[0].content_type": pb.SendMessageRequest(
            parent=channel.name, media=[common_pb2.Media(url="https://cdn.example/a")]
        ),
    }
    for field, request in cases.items():
        error = await expect_error(
            rd.channels.SendMessage(request), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert field in violated_fields(error)
    error = await expect_error(
        rd.channels.SendMessage(pb.SendMessageRequest(parent=channel.name)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"body"}
    # Exactly at the limits is fine; media alone is a message.
    await send(rd, channel.name, "é" * (16 * 1024))
    only_media = (
        await rd.channels.SendMessage(pb.SendMessageRequest(parent=channel.name, media=media * 10))
    ).message
    assert len(only_media.media) == 10
    await expect_error(send(rd, MISSING), grpc.StatusCode.NOT_FOUND)


async def test_update_message_marks_it_edited(rd: Client) -> None:
    channel = await new_channel(rd)
    original = await send(rd, channel.name, "helo")
    edited = (
        await rd.channels.UpdateMessage(
            pb.UpdateMessageRequest(
                message=message_pb2.Message(name=original.name, body="hello", etag=original.etag),
                update_mask=field_mask_pb2.FieldMask(paths=["body"]),
            )
        )
    ).message
    assert edited.body == "hello"
    assert edited.edited
    assert edited.index == original.index
    await expect_error(
        rd.channels.UpdateMessage(
            pb.UpdateMessageRequest(
                message=message_pb2.Message(name=original.name, body="x", etag=original.etag),
                update_mask=field_mask_pb2.FieldMask(paths=["body"]),
            )
        ),
        grpc.StatusCode.ABORTED,
    )
    for path in ("author", "index"):
        await expect_error(
            rd.channels.UpdateMessage(
                pb.UpdateMessageRequest(
                    message=message_pb2.Message(name=original.name),
                    update_mask=field_mask_pb2.FieldMask(paths=[path]),
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
    # Emptying the body of a message without media would leave nothing.
    await expect_error(
        rd.channels.UpdateMessage(
            pb.UpdateMessageRequest(
                message=message_pb2.Message(name=original.name),
                update_mask=field_mask_pb2.FieldMask(paths=["body"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_list_messages_in_both_orders_and_after_an_index(rd: Client) -> None:
    channel = await new_channel(rd)
    for i in range(10):
        await send(rd, channel.name, f"m{i}")

    async def indexes(**fields: object) -> list[int]:
        got, token = [], ""
        while True:
            response = await rd.channels.ListMessages(
                pb.ListMessagesRequest(parent=channel.name, page_size=3, page_token=token, **fields)  # type: ignore[arg-type]
            )
            got += [m.index for m in response.messages]
            token = response.next_page_token
            if not token:
                return got

    assert await indexes() == list(range(10))
    assert await indexes(order=pb.MESSAGE_ORDER_DESCENDING) == list(range(9, -1, -1))
    assert await indexes(after_index=6) == [7, 8, 9]
    assert await indexes(order=pb.MESSAGE_ORDER_DESCENDING, after_index=3) == [2, 1, 0]
    await expect_error(
        rd.channels.ListMessages(pb.ListMessagesRequest(parent=channel.name, after_index=-1)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_send_message_retry_uses_one_index(rd: Client) -> None:
    channel = await new_channel(rd)
    request = pb.SendMessageRequest(parent=channel.name, body="once", request_id="m-1")
    first = await rd.channels.SendMessage(request)
    again = await rd.channels.SendMessage(request)
    assert again == first
    assert (await send(rd, channel.name)).index == 1


async def test_channel_write_rate_is_limited_with_retry_info(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    for _ in range(150):  # the burst
        await send(rd, channel.name)
    error = await expect_error(send(rd, channel.name), grpc.StatusCode.RESOURCE_EXHAUSTED)
    delay = detail(error, error_details_pb2.RetryInfo).retry_delay.ToTimedelta()
    assert dt.timedelta(0) < delay <= dt.timedelta(seconds=1)
    assert reason(error) == "RATE_LIMITED"
    other = await new_channel(rd)
    await send(rd, other.name)  # the limit is per channel
    harness.clock.advance(delay)
    assert (await send(rd, channel.name)).index == 150


async def test_typing_needs_a_member_identity(rd: Client) -> None:
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "alice")
    await rd.channels.SendTyping(pb.SendTypingRequest(parent=channel.name, identity="alice"))
    error = await expect_error(
        rd.channels.SendTyping(pb.SendTypingRequest(parent=channel.name)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"identity"}
    await expect_error(
        rd.channels.SendTyping(pb.SendTypingRequest(parent=channel.name, identity="bob")),
        grpc.StatusCode.FAILED_PRECONDITION,
    )


async def test_a_channel_holds_at_most_1000_members(rd: Client) -> None:
    channel = await new_channel(rd)
    await gather_limited(add_member(rd, channel.name, f"agent{i}") for i in range(1000))
    error = await expect_error(
        add_member(rd, channel.name, "one-too-many"), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "CHANNEL_FULL"
    after = (await rd.channels.GetChannel(pb.GetChannelRequest(name=channel.name))).channel
    assert after.member_count == 1000
