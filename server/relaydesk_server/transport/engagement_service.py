"""EngagementService handlers: starting conversations (web chats and outbound ones)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import engagement_service_pb2 as pb
from relaydesk.v1 import engagement_service_pb2_grpc
from relaydesk_server.clock import Clock
from relaydesk_server.domain import engagements, tokens
from relaydesk_server.domain.keys_model import Role
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.transport.channels_convert import (
    MAX_CHANNEL_ATTRIBUTES,
    channel_to_proto,
    check_attributes,
    check_body,
    check_identity,
)
from relaydesk_server.transport.context import caller, origin
from relaydesk_server.transport.convert import enum_from_proto
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.sessions_convert import session_to_proto
from relaydesk_server.transport.tasks_convert import MAX_TASK_ATTRIBUTES, task_to_proto
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, MAX_IDENTITY, Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class EngagementServicer(engagement_service_pb2_grpc.EngagementServiceServicer):
    def __init__(
        self, calls: Calls, clock: Clock, keyring: tokens.Keyring, limiter: RateLimiter
    ) -> None:
        self._calls = calls
        self._clock = clock
        self._keyring = keyring
        self._limiter = limiter

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
        principal, page = caller(), origin()

        def start(tx: Transaction) -> pb.StartWebchatResponse:
            channel = engagements.start_webchat(
                tx,
                principal,
                request.flow,
                request.identity,
                request.display_name,
                pre_engagement,
                page,
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

    async def visitor_may_start(self, request: pb.StartWebchatRequest) -> bool:
        """Whether a caller without a credential may go on with this StartWebchat."""
        return await self._calls.read(lambda tx: engagements.open_to_visitors(tx, request.flow))

    async def StartOutbound(
        self, request: pb.StartOutboundRequest, context: Context
    ) -> pb.StartOutboundResponse:
        start = _outbound_start(request)
        principal = caller()

        def begin(tx: Transaction) -> pb.StartOutboundResponse:
            started = engagements.start_outbound(tx, principal, self._limiter, start)
            response = pb.StartOutboundResponse(
                channel=channel_to_proto(started.channel),
                session=session_to_proto(started.session),
            )
            if started.task is not None:
                response.task.CopyFrom(task_to_proto(started.task, tx.now()))
            return response

        return await self._calls.write(request, pb.StartOutboundResponse, begin)


def _outbound_start(request: pb.StartOutboundRequest) -> engagements.OutboundStart:
    FLOW.parse(request.flow, "flow")
    violations = Violations()
    if violations.required(request.to, "to", "the customer's address"):
        violations.max_length(request.to, MAX_IDENTITY, "to")
    check_body(violations, request.body, "body")
    attributes = check_attributes(
        violations, request.task_attributes, MAX_TASK_ATTRIBUTES, "task_attributes"
    )
    task_creation = None
    if request.task_creation != pb.TASK_CREATION_UNSPECIFIED:
        task_creation = enum_from_proto(
            engagements.TaskCreation,
            "TASK_CREATION",
            pb.TaskCreation,
            request.task_creation,
        )
        violations.check(
            task_creation is not None,
            "task_creation",
            f"unknown task creation {request.task_creation}",
        )
    if request.agent_identity:
        check_identity(violations, request.agent_identity, "agent_identity")
    violations.raise_if_any()
    return engagements.OutboundStart(
        flow=request.flow,
        to=request.to,
        body=request.body,
        task_attributes=attributes,
        task_creation=task_creation,
        long_lived=request.long_lived if request.HasField("long_lived") else None,
        reuse_existing=request.reuse_existing,
        agent_identity=request.agent_identity,
    )
