"""GatewayService handlers: channel adapters deliver inbound messages, and take
outbound ones to send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from relaydesk.v1 import gateway_service_pb2 as pb
from relaydesk.v1 import gateway_service_pb2_grpc
from relaydesk_server.domain import inbound, outbound
from relaydesk_server.domain.errors import Unavailable
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.transport import gateway_convert as convert
from relaydesk_server.transport.channels_convert import message_to_proto
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.workers.dispatch import OutboundDispatcher

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class GatewayServicer(gateway_service_pb2_grpc.GatewayServiceServicer):
    def __init__(self, calls: Calls, limiter: RateLimiter, dispatcher: OutboundDispatcher) -> None:
        self._calls = calls
        self._limiter = limiter
        self._dispatcher = dispatcher

    async def DeliverInbound(
        self, request: pb.DeliverInboundRequest, context: Context
    ) -> pb.DeliverInboundResponse:
        arrived = convert.inbound_from_proto(request)

        def deliver(tx: Transaction) -> pb.DeliverInboundResponse:
            delivered = inbound.deliver_inbound(tx, self._limiter, arrived)
            response = pb.DeliverInboundResponse(
                channel=delivered.channel,
                session=delivered.session,
                duplicate=delivered.duplicate,
            )
            if delivered.message is not None:
                response.message.CopyFrom(message_to_proto(delivered.message))
            return response

        return await self._calls.write(request, pb.DeliverInboundResponse, deliver)

    async def StreamOutbound(
        self, request: pb.StreamOutboundRequest, context: Context
    ) -> AsyncIterator[pb.StreamOutboundResponse]:
        channel_types = convert.channel_types_from_proto(list(request.channel_types))
        adapter = self._dispatcher.connect(channel_types)
        try:
            while True:
                leased = await adapter.outbox.get()
                if leased is None:
                    raise Unavailable("the server is stopping; reconnect", reason="SHUTTING_DOWN")
                yield pb.StreamOutboundResponse(delivery=convert.delivery_to_proto(leased))
        finally:
            self._dispatcher.disconnect(adapter)

    async def AckOutbound(
        self, request: pb.AckOutboundRequest, context: Context
    ) -> pb.AckOutboundResponse:
        status = convert.ack_from_proto(request)
        return await self._calls.write(
            request,
            pb.AckOutboundResponse,
            lambda tx: pb.AckOutboundResponse(
                message=message_to_proto(
                    outbound.acknowledge(
                        tx, request.id, status, request.provider_message_id, request.error
                    )
                )
            ),
        )
