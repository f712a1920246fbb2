"""GatewayService handlers: channel adapters deliver inbound messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import gateway_service_pb2 as pb
from relaydesk.v1 import gateway_service_pb2_grpc
from relaydesk_server.domain import access, inbound
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.transport import gateway_convert as convert
from relaydesk_server.transport.channels_convert import message_to_proto
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.mechanics import Calls

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class GatewayServicer(gateway_service_pb2_grpc.GatewayServiceServicer):
    def __init__(self, calls: Calls, limiter: RateLimiter) -> None:
        self._calls = calls
        self._limiter = limiter

    async def DeliverInbound(
        self, request: pb.DeliverInboundRequest, context: Context
    ) -> pb.DeliverInboundResponse:
        access.require_privileged(caller())
        arrived = convert.inbound_from_proto(request)

        def deliver(tx: Transaction) -> pb.DeliverInboundResponse:
            delivered = inbound.deliver_inbound(tx, self._limiter, arrived)
            return pb.DeliverInboundResponse(
                message=message_to_proto(delivered.message),
                channel=delivered.channel,
                session=delivered.session,
                duplicate=delivered.duplicate,
            )

        return await self._calls.write(request, pb.DeliverInboundResponse, deliver)
