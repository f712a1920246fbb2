"""Every relaydesk.v1 service, registered on the server.

Services not built yet are registered with their generated base servicer, so
their RPCs answer UNIMPLEMENTED (with ErrorInfo NOT_IMPLEMENTED) rather than
being unknown to reflection and health.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import grpc
import grpc.aio
from google.protobuf import message_factory
from google.protobuf.descriptor import ServiceDescriptor

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
from relaydesk_server.transport.event_service import EventServicer, event_frame
from relaydesk_server.transport.flow_service import FlowServicer
from relaydesk_server.transport.gateway_service import GatewayServicer
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.pipeline import Visitors
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


# The handler of every relaydesk.v1 method, by its path (`/relaydesk.v1.FlowService/GetFlow`):
# the servicer's method with the message (de)serializers, exactly what the gRPC server
# runs (through its interceptor), and what the browser endpoint runs too.
MethodTable = dict[str, "grpc.RpcMethodHandler[Any, Any]"]

STREAM_FRAMES = {
    # Events go out as pre-encoded frames.
    "/relaydesk.v1.EventService/Subscribe": event_frame,
}


def _handlers(service: ServiceDescriptor, servicer: object) -> MethodTable:
    table: MethodTable = {}
    for method in service.methods:
        assert not method.client_streaming, "relaydesk has no client-streaming RPCs"
        path = f"/{service.full_name}/{method.name}"
        request = message_factory.GetMessageClass(method.input_type)
        response = message_factory.GetMessageClass(method.output_type)
        behaviour = getattr(servicer, method.name)
        serialize = STREAM_FRAMES.get(path, response.SerializeToString)
        if method.server_streaming:
            table[path] = grpc.unary_stream_rpc_method_handler(
                behaviour, request_deserializer=request.FromString, response_serializer=serialize
            )
        else:
            table[path] = grpc.unary_unary_rpc_method_handler(
                behaviour, request_deserializer=request.FromString, response_serializer=serialize
            )
    return table


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
    visitors: Visitors,
) -> MethodTable:
    """Adds every relaydesk.v1 service to `server`; returns their handlers."""
    engagements = EngagementServicer(calls, clock, authenticator.keyring, limiter)
    implemented: dict[str, object] = {
        "FlowService": FlowServicer(calls),
        "ChannelService": ChannelServicer(calls, limiter, streams.bus, clock),
        "SessionService": SessionServicer(calls),
        "GatewayService": GatewayServicer(calls, limiter, outbound),
        "EngagementService": engagements,
        "WorkforceService": WorkforceServicer(calls),
        "TaskService": TaskServicer(calls, clock),
        # Its execution RPCs are the base servicer's (UNIMPLEMENTED) until they are built.
        "BotService": BotServicer(calls),
        "EventService": EventServicer(calls, streams),
        "AuthService": AuthServicer(calls, clock, authenticator, open_streams),
    }
    visitors.admit_on("/relaydesk.v1.EngagementService/StartWebchat", engagements.visitor_may_start)
    table: MethodTable = {}
    for descriptors, grpc_module, name in SERVICES:
        service = descriptors.DESCRIPTOR.services_by_name[name]
        servicer = implemented.get(name) or getattr(grpc_module, f"{name}Servicer")()
        handlers = _handlers(service, servicer)
        by_name = {path.rpartition("/")[2]: handler for path, handler in handlers.items()}
        server.add_generic_rpc_handlers(
            (grpc.method_handlers_generic_handler(service.full_name, by_name),)
        )
        server.add_registered_method_handlers(service.full_name, by_name)
        table.update(handlers)
    return table
