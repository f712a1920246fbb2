from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any

import grpc
import grpc.aio
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

from relaydesk.v1 import (
    auth_service_pb2_grpc,
    bot_service_pb2_grpc,
    channel_service_pb2_grpc,
    engagement_service_pb2_grpc,
    event_service_pb2_grpc,
    flow_service_pb2_grpc,
    gateway_service_pb2_grpc,
    session_service_pb2_grpc,
    task_service_pb2_grpc,
    workforce_service_pb2_grpc,
)

_STATUS_DETAILS_KEY = "grpc-status-details-bin"


class _Bearer:
    def __init__(self, credential: str) -> None:
        self._header = ("authorization", f"Bearer {credential}")

    def _with_credential(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        metadata = grpc.aio.Metadata(*(details.metadata or ()))
        metadata.add(*self._header)
        return grpc.aio.ClientCallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
        )


# A grpc.aio channel files each interceptor under one kind of call only, so
# unary and streaming calls each get their own.
class _BearerUnary(_Bearer, grpc.aio.UnaryUnaryClientInterceptor):
    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._with_credential(details), request)


class _BearerStream(_Bearer, grpc.aio.UnaryStreamClientInterceptor):
    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._with_credential(details), request)


class Client:
    """One channel to a relaydesk server, with a stub per service."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self.channel = channel
        self.flows = flow_service_pb2_grpc.FlowServiceStub(channel)
        self.channels = channel_service_pb2_grpc.ChannelServiceStub(channel)
        self.sessions = session_service_pb2_grpc.SessionServiceStub(channel)
        self.gateway = gateway_service_pb2_grpc.GatewayServiceStub(channel)
        self.engagements = engagement_service_pb2_grpc.EngagementServiceStub(channel)
        self.workforce = workforce_service_pb2_grpc.WorkforceServiceStub(channel)
        self.tasks = task_service_pb2_grpc.TaskServiceStub(channel)
        self.bots = bot_service_pb2_grpc.BotServiceStub(channel)
        self.events = event_service_pb2_grpc.EventServiceStub(channel)
        self.auth = auth_service_pb2_grpc.AuthServiceStub(channel)

    async def close(self) -> None:
        await self.channel.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def connect(
    target: str,
    credential: str | None = None,
    *,
    channel_credentials: grpc.ChannelCredentials | None = None,
    options: Sequence[tuple[str, Any]] = (),
) -> Client:
    """A client for the server at `target` (HOST:PORT), plaintext unless credentials are given."""
    interceptors: list[grpc.aio.ClientInterceptor] = (
        [_BearerUnary(credential), _BearerStream(credential)] if credential else []
    )
    if channel_credentials is not None:
        channel = grpc.aio.secure_channel(
            target, channel_credentials, options=options, interceptors=interceptors
        )
    else:
        channel = grpc.aio.insecure_channel(target, options=options, interceptors=interceptors)
    return Client(channel)


def error_details(error: grpc.aio.AioRpcError) -> list[Any]:
    """The google.rpc detail messages (ErrorInfo, BadRequest, …) carried by a failed call."""
    for key, value in error.trailing_metadata() or ():
        if key == _STATUS_DETAILS_KEY:
            status = status_pb2.Status.FromString(value)
            return [_unpack(detail) for detail in status.details]
    return []


_DETAIL_TYPES = {
    cls.DESCRIPTOR.full_name: cls
    for cls in (
        error_details_pb2.ErrorInfo,
        error_details_pb2.BadRequest,
        error_details_pb2.ResourceInfo,
        error_details_pb2.PreconditionFailure,
        error_details_pb2.RetryInfo,
        error_details_pb2.QuotaFailure,
    )
}


def _unpack(detail: any_pb2.Any) -> Any:
    cls = _DETAIL_TYPES.get(detail.TypeName())
    if cls is None:
        return detail
    message = cls()
    detail.Unpack(message)
    return message
