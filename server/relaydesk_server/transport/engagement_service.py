"""EngagementService handlers: starting conversations (web chats, for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import engagement_service_pb2 as pb
from relaydesk.v1 import engagement_service_pb2_grpc
from relaydesk_server.clock import Clock
from relaydesk_server.domain import engagements, tokens
from relaydesk_server.domain.keys_model import Role
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.transport.channels_convert import (
    MAX_CHANNEL_ATTRIBUTES,
    channel_to_proto,
    check_attributes,
    check_identity,
)
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class EngagementServicer(engagement_service_pb2_grpc.EngagementServiceServicer):
    def __init__(self, calls: Calls, clock: Clock, keyring: tokens.Keyring) -> None:
        self._calls = calls
        self._clock = clock
        self._keyring = keyring

    async def StartWebchat(
        self, request: pb.StartWebchatRequest, context: Context
    ) -> pb.StartWebchatResponse:
        FLOW.parse(request.flow, "flow")
        violations = Violations()
        if request.identity:
            check_identity(violations, request.identity, "identity")
        violations.max_length(request.display_name, MAX_DISPLAY_NAME, "display_name")
        pre_engagement = check_attributes(
            violations, request.pre_engagement, MAX_CHANNEL_ATTRIBUTES, "pre_engagement"
        )
        violations.raise_if_any()

        def start(tx: Transaction) -> pb.StartWebchatResponse:
            channel = engagements.start_webchat(
                tx, request.flow, request.identity, request.display_name, pre_engagement
            )
            token = tokens.mint(
                self._keyring,
                channel.spec.customer_address,
                Role.CUSTOMER,
                tx.now(),
                channel=channel.name,
            )
            return pb.StartWebchatResponse(channel=channel_to_proto(channel), customer_token=token)

        return await self._calls.write(request, pb.StartWebchatResponse, start)
