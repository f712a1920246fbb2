"""ChannelService handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import channel_service_pb2 as pb
from relaydesk.v1 import channel_service_pb2_grpc
from relaydesk_server.clock import Clock
from relaydesk_server.domain import channels, engagements
from relaydesk_server.domain.channels_model import ChannelFilter
from relaydesk_server.domain.names import (
    FLOW,
    MEMBER,
    MESSAGE,
    parse_channel_child,
    parse_channel_ref,
)
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.events.bus import EventBus
from relaydesk_server.transport import channels_convert as convert
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.events_convert import typing_event
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class ChannelServicer(channel_service_pb2_grpc.ChannelServiceServicer):
    def __init__(self, calls: Calls, limiter: RateLimiter, bus: EventBus, clock: Clock) -> None:
        self._calls = calls
        self._clock = clock
        self._limiter = limiter
        self._bus = bus

    # -- channels ------------------------------------------------------------

    async def CreateChannel(
        self, request: pb.CreateChannelRequest, context: Context
    ) -> pb.CreateChannelResponse:
        spec = convert.channel_spec_from_proto(request.channel)
        principal = caller()
        return await self._calls.write(
            request,
            pb.CreateChannelResponse,
            lambda tx: pb.CreateChannelResponse(
                channel=convert.channel_to_proto(channels.create_channel(tx, principal, spec))
            ),
        )

    async def GetChannel(
        self, request: pb.GetChannelRequest, context: Context
    ) -> pb.GetChannelResponse:
        ref = parse_channel_ref(request.name, "name")
        principal = caller()
        channel = await self._calls.read(lambda tx: channels.get_channel(tx, principal, ref))
        return pb.GetChannelResponse(channel=convert.channel_to_proto(channel))

    async def ListChannels(
        self, request: pb.ListChannelsRequest, context: Context
    ) -> pb.ListChannelsResponse:
        violations = Violations()
        state = convert.channel_state_from_proto(violations, request.state, "state")
        if request.flow:
            violations.check(FLOW.is_name(request.flow), "flow", FLOW.malformed(request.flow))
        violations.raise_if_any()
        channel_filter = ChannelFilter(
            state=state,
            flow=request.flow or None,
            member_identity=request.member_identity or None,
            customer_address=request.customer_address or None,
        )
        filters = (request.state, request.flow, request.member_identity, request.customer_address)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(
            lambda tx: channels.list_channels(tx, principal, channel_filter, page)
        )
        return pb.ListChannelsResponse(
            channels=[convert.channel_to_proto(c) for c in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateChannel(
        self, request: pb.UpdateChannelRequest, context: Context
    ) -> pb.UpdateChannelResponse:
        ref = parse_channel_ref(request.channel.name, "channel.name")
        principal = caller()

        change = masked_change(
            request.channel,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.channel_spec_to_proto,
            from_proto=lambda _, merged: convert.channel_spec_from_proto(merged),
            updatable=convert.CHANNEL_UPDATABLE,
            output_only=convert.CHANNEL_OUTPUT_ONLY,
        )

        return await self._calls.write(
            request,
            pb.UpdateChannelResponse,
            lambda tx: pb.UpdateChannelResponse(
                channel=convert.channel_to_proto(
                    channels.update_channel(
                        tx, principal, ref, request.channel.etag or None, change
                    )
                )
            ),
        )

    async def CloseChannel(
        self, request: pb.CloseChannelRequest, context: Context
    ) -> pb.CloseChannelResponse:
        ref = parse_channel_ref(request.name, "name")
        violations = Violations()
        convert.check_reason(violations, request.reason)
        violations.raise_if_any()
        principal = caller()
        return await self._calls.write(
            request,
            pb.CloseChannelResponse,
            lambda tx: pb.CloseChannelResponse(
                channel=convert.channel_to_proto(
                    channels.close_channel(tx, principal, ref, request.reason)
                )
            ),
        )

    async def DeleteChannel(
        self, request: pb.DeleteChannelRequest, context: Context
    ) -> pb.DeleteChannelResponse:
        ref = parse_channel_ref(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteChannelResponse:
            channels.delete_channel(tx, ref)
            return pb.DeleteChannelResponse()

        return await self._calls.write(request, pb.DeleteChannelResponse, delete)

    # -- members -------------------------------------------------------------

    async def AddMember(
        self, request: pb.AddMemberRequest, context: Context
    ) -> pb.AddMemberResponse:
        ref = parse_channel_ref(request.parent, "parent")
        identity, role, display_name, attributes = convert.member_from_proto(request.member)
        principal = caller()
        return await self._calls.write(
            request,
            pb.AddMemberResponse,
            lambda tx: pb.AddMemberResponse(
                member=convert.member_to_proto(
                    channels.add_member(
                        tx, principal, ref, identity, role, display_name, attributes
                    )
                )
            ),
        )

    async def ListMembers(
        self, request: pb.ListMembersRequest, context: Context
    ) -> pb.ListMembersResponse:
        ref = parse_channel_ref(request.parent, "parent")
        filters = (request.parent,)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(lambda tx: channels.list_members(tx, principal, ref, page))
        return pb.ListMembersResponse(
            members=[convert.member_to_proto(m) for m in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def RemoveMember(
        self, request: pb.RemoveMemberRequest, context: Context
    ) -> pb.RemoveMemberResponse:
        ref, member_id = parse_channel_child(request.name, MEMBER, "name")
        principal = caller()

        def remove(tx: Transaction) -> pb.RemoveMemberResponse:
            channels.remove_member(tx, principal, ref, member_id)
            return pb.RemoveMemberResponse()

        return await self._calls.write(request, pb.RemoveMemberResponse, remove)

    async def UpdateReadHorizon(
        self, request: pb.UpdateReadHorizonRequest, context: Context
    ) -> pb.UpdateReadHorizonResponse:
        ref, member_id = parse_channel_child(request.name, MEMBER, "name")
        principal = caller()
        return await self._calls.write(
            request,
            pb.UpdateReadHorizonResponse,
            lambda tx: pb.UpdateReadHorizonResponse(
                member=convert.member_to_proto(
                    channels.update_read_horizon(
                        tx, principal, ref, member_id, request.last_read_index
                    )
                )
            ),
        )

    # -- messages ------------------------------------------------------------

    async def SendMessage(
        self, request: pb.SendMessageRequest, context: Context
    ) -> pb.SendMessageResponse:
        ref = parse_channel_ref(request.parent, "parent")
        new = convert.new_message_from_request(request)
        principal = caller()
        return await self._calls.write(
            request,
            pb.SendMessageResponse,
            lambda tx: pb.SendMessageResponse(
                message=convert.message_to_proto(
                    engagements.send_message(tx, principal, self._limiter, ref, new)
                )
            ),
        )

    async def GetMessage(
        self, request: pb.GetMessageRequest, context: Context
    ) -> pb.GetMessageResponse:
        ref, message_id = parse_channel_child(request.name, MESSAGE, "name")
        principal = caller()
        message = await self._calls.read(
            lambda tx: channels.get_message(tx, principal, ref, message_id)
        )
        return pb.GetMessageResponse(message=convert.message_to_proto(message))

    async def ListMessages(
        self, request: pb.ListMessagesRequest, context: Context
    ) -> pb.ListMessagesResponse:
        ref = parse_channel_ref(request.parent, "parent")
        violations = Violations()
        descending = request.order == pb.MESSAGE_ORDER_DESCENDING
        violations.check(
            request.order
            in (
                pb.MESSAGE_ORDER_UNSPECIFIED,
                pb.MESSAGE_ORDER_ASCENDING,
                pb.MESSAGE_ORDER_DESCENDING,
            ),
            "order",
            f"unknown order {request.order}",
        )
        after_index = request.after_index if request.HasField("after_index") else None
        if after_index is not None:
            violations.check(after_index >= 0, "after_index", "must not be negative")
        violations.raise_if_any()
        filters = (request.parent, descending, after_index)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        result = await self._calls.read(
            lambda tx: channels.list_messages(tx, principal, ref, after_index, descending, page)
        )
        return pb.ListMessagesResponse(
            messages=[convert.message_to_proto(m) for m in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateMessage(
        self, request: pb.UpdateMessageRequest, context: Context
    ) -> pb.UpdateMessageResponse:
        ref, message_id = parse_channel_child(request.message.name, MESSAGE, "message.name")
        principal = caller()

        change = masked_change(
            request.message,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.message_to_proto,
            from_proto=convert.edited_message,
            updatable=convert.MESSAGE_UPDATABLE,
            output_only=convert.MESSAGE_OUTPUT_ONLY,
        )

        return await self._calls.write(
            request,
            pb.UpdateMessageResponse,
            lambda tx: pb.UpdateMessageResponse(
                message=convert.message_to_proto(
                    channels.update_message(
                        tx, principal, ref, message_id, request.message.etag or None, change
                    )
                )
            ),
        )

    async def DeleteMessage(
        self, request: pb.DeleteMessageRequest, context: Context
    ) -> pb.DeleteMessageResponse:
        ref, message_id = parse_channel_child(request.name, MESSAGE, "name")
        principal = caller()

        def delete(tx: Transaction) -> pb.DeleteMessageResponse:
            channels.delete_message(tx, principal, ref, message_id)
            return pb.DeleteMessageResponse()

        return await self._calls.write(request, pb.DeleteMessageResponse, delete)

    async def SendTyping(
        self, request: pb.SendTypingRequest, context: Context
    ) -> pb.SendTypingResponse:
        ref = parse_channel_ref(request.parent, "parent")
        principal = caller()
        typing = await self._calls.read(
            lambda tx: channels.typing(tx, principal, ref, request.identity)
        )
        self._bus.publish_ephemeral(typing_event(typing, self._clock.now()))
        return pb.SendTypingResponse()
