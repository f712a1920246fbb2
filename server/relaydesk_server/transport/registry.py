"""Every relaydesk.v1 service, registered on the server.

Services not built yet are registered with their generated base servicer, so
their RPCs answer UNIMPLEMENTED (with ErrorInfo NOT_IMPLEMENTED) rather than
being unknown to reflection and health.
"""

from __future__ import annotations

from types import ModuleType

import grpc.aio

from relaydesk.v1 import (
    auth_service_pb2,
    auth_service_pb2_grpc,
    bot_service_pb2,
    bot_service_pb2_grpc,
    channel_service_pb2,
    channel_service_pb2_grpc,
    engagement_service_pb2,
    engagement_service_pb2_grpc,
    event_service_pb2,
    event_service_pb2_grpc,
    flow_service_pb2,
    flow_service_pb2_grpc,
    gateway_service_pb2,
    gateway_service_pb2_grpc,
    session_service_pb2,
    session_service_pb2_grpc,
    task_service_pb2,
    task_service_pb2_grpc,
    workforce_service_pb2,
    workforce_service_pb2_grpc,
)
from relaydesk_server.clock import Clock
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.events.stream import EventStreams
from relaydesk_server.transport.auth_service import AuthServicer
from relaydesk_server.transport.bot_service import BotServicer
from relaydesk_server.transport.channel_service import ChannelServicer
from relaydesk_server.transport.engagement_service import EngagementServicer
from relaydesk_server.transport.event_service import EventServicer, add_event_servicer
from relaydesk_server.transport.flow_service import FlowServicer
from relaydesk_server.transport.gateway_service import GatewayServicer
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.session_service import SessionServicer
from relaydesk_server.transport.streams import OpenStreams
from relaydesk_server.transport.task_service import TaskServicer
from relaydesk_server.transport.workforce_service import WorkforceServicer
from relaydesk_server.workers.dispatch import OutboundDispatcher

# (descriptor module, grpc module, service name)
SERVICES: list[tuple[ModuleType, ModuleType, str]] = [
    (flow_service_pb2, flow_service_pb2_grpc, "FlowService"),
    (channel_service_pb2, channel_service_pb2_grpc, "ChannelService"),
    (session_service_pb2, session_service_pb2_grpc, "SessionService"),
    (gateway_service_pb2, gateway_service_pb2_grpc, "GatewayService"),
    (engagement_service_pb2, engagement_service_pb2_grpc, "EngagementService"),
    (workforce_service_pb2, workforce_service_pb2_grpc, "WorkforceService"),
    (task_service_pb2, task_service_pb2_grpc, "TaskService"),
    (bot_service_pb2, bot_service_pb2_grpc, "BotService"),
    (event_service_pb2, event_service_pb2_grpc, "EventService"),
    (auth_service_pb2, auth_service_pb2_grpc, "AuthService"),
]

SERVICE_NAMES: tuple[str, ...] = tuple(
    module.DESCRIPTOR.services_by_name[name].full_name for module, _, name in SERVICES
)


def register_services(
    server: grpc.aio.Server,
    calls: Calls,
    *,
    limiter: RateLimiter,
    streams: EventStreams,
    clock: Clock,
    outbound: OutboundDispatcher,
    authenticator: Authenticator,
    open_streams: OpenStreams,
) -> None:
    implemented: dict[str, object] = {
        "FlowService": FlowServicer(calls),
        "ChannelService": ChannelServicer(calls, limiter, streams.bus, clock),
        "SessionService": SessionServicer(calls),
        "GatewayService": GatewayServicer(calls, limiter, outbound),
        "EngagementService": EngagementServicer(calls, clock, authenticator.keyring, limiter),
        "WorkforceService": WorkforceServicer(calls),
        "TaskService": TaskServicer(calls, clock),
        # Its execution RPCs are the base servicer's (UNIMPLEMENTED) until they are built.
        "BotService": BotServicer(calls),
        "AuthService": AuthServicer(calls, clock, authenticator, open_streams),
    }
    # Events go out as pre-encoded frames, so this service has its own registration.
    add_event_servicer(EventServicer(calls, streams), server)
    for _, grpc_module, name in SERVICES:
        if name == "EventService":
            continue
        servicer = implemented.get(name) or getattr(grpc_module, f"{name}Servicer")()
        getattr(grpc_module, f"add_{name}Servicer_to_server")(servicer, server)
