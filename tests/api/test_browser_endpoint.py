"""The browser endpoint (API §14, `--http-listen`): every RPC over Connect (JSON and binary) and
gRPC-Web on a real server's HTTP port, next to its gRPC port.

Calls go through the Connect project's own Python client (connectrpc, each protocol and
codec), and through plain HTTP (httpx) where what matters is what a browser sees on the wire:
status lines, headers, CORS, files. Every outcome is held against gRPC's for the same call:
one domain, two transports.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import json
import socket
import struct
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from connectrpc.client import ConnectClient
from connectrpc.codec import Codec
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec
from connectrpc.errors import ConnectError
from connectrpc.method import IdempotencyLevel, MethodInfo, StreamType
from connectrpc.protocol import ProtocolType
from google.protobuf import json_format, message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from relaydesk.v1 import (
    auth_service_pb2,
    channel_pb2,
    channel_service_pb2,
    common_pb2,
    engagement_service_pb2,
    event_pb2,
    event_service_pb2,
    flow_pb2,
    flow_service_pb2,
    workforce_service_pb2,
)
from relaydesk_server.app import ServerOptions, create_server
from relaydesk_server.clock import ManualClock
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    HeldWriter,
    access_token,
    all_methods,
    create_flow,
    default_workflow,
    messages,
    new_channel,
    send_many,
    small_send_buffers,
    start_server,
    task_flow,
)

WAIT = 10.0  # seconds: a bound on waiting for a call or a stream's next item, never a pause
MISSING_FLOW = "flows/FO" + "0" * 32
WEB = common_pb2.CHANNEL_TYPE_WEB
SITE = "https://shop.example.com"


@dataclasses.dataclass(frozen=True)
class Wire:
    """A protocol and a codec a browser may call with."""

    name: str
    protocol: ProtocolType
    codec: Codec

    def __str__(self) -> str:
        return self.name


WIRES = [
    Wire("connect-json", ProtocolType.CONNECT, google_protobuf_json_codec()),
    Wire("connect-proto", ProtocolType.CONNECT, google_protobuf_binary_codec()),
    Wire("grpc-web-proto", ProtocolType.GRPC_WEB, google_protobuf_binary_codec()),
    Wire("grpc-web-json", ProtocolType.GRPC_WEB, google_protobuf_json_codec()),
]
CONNECT_JSON = WIRES[0]

METHODS: dict[str, MethodDescriptor] = {
    f"{m.containing_service.full_name}/{m.name}": m for m in all_methods()
}


def method_info(path: str) -> MethodInfo[Any, Any]:
    method = METHODS[path]
    return MethodInfo(
        name=method.name,
        service_name=method.containing_service.full_name,
        input=message_factory.GetMessageClass(method.input_type),
        output=message_factory.GetMessageClass(method.output_type),
        idempotency_level=IdempotencyLevel.UNKNOWN,
        stream_type=StreamType.SERVER_STREAM if method.server_streaming else StreamType.UNARY,
    )


def bearer(credential: str | None) -> dict[str, str]:
    return {} if credential is None else {"authorization": f"Bearer {credential}"}


# -- calling both transports ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    """How a call ended: its status code (gRPC's name), message, and details as sent (each
    google.rpc detail's type and bytes)."""

    code: str
    message: str
    details: tuple[tuple[str, bytes], ...]

    def detail(self, detail_type: type[Any]) -> Any:
        name = detail_type.DESCRIPTOR.full_name
        found = [detail_type.FromString(value) for kind, value in self.details if kind == name]
        assert found, f"no {name} in {self}"
        return found[0]

    @property
    def reason(self) -> str:
        info = self.detail(error_details_pb2.ErrorInfo)
        assert info.domain == "relaydesk.dev"
        return str(info.reason)


OK = Outcome("OK", "", ())


def grpc_outcome(error: grpc.aio.AioRpcError) -> Outcome:
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    details = () if status is None else status.details
    return Outcome(
        error.code().name,
        error.details() or "",
        tuple((d.type_url.removeprefix("type.googleapis.com/"), d.value) for d in details),
    )


def connect_outcome(error: ConnectError) -> Outcome:
    return Outcome(
        error.code.name.replace("CANCELED", "CANCELLED"),
        error.message,
        tuple((d.type_name, d.message_bytes) for d in error.details),
    )


async def over_grpc(
    harness: Harness,
    path: str,
    request: Message,
    credential: str | None,
    metadata: tuple[tuple[str, str], ...] = (),
) -> tuple[Outcome, list[Any]]:
    """Calls `path` over gRPC: its outcome, and its response (a stream: its first one)."""
    method = METHODS[path]
    output = message_factory.GetMessageClass(method.output_type)
    metadata = (*metadata, *bearer(credential).items())
    async with grpc.aio.insecure_channel(harness.target) as channel:
        try:
            if method.server_streaming:
                call = channel.unary_stream(
                    f"/{path}",
                    request_serializer=type(request).SerializeToString,
                    response_deserializer=output.FromString,
                )(request, metadata=metadata, timeout=WAIT)
                async for response in call:
                    call.cancel()
                    return OK, [response]
                return OK, []
            response = await channel.unary_unary(
                f"/{path}",
                request_serializer=type(request).SerializeToString,
                response_deserializer=output.FromString,
            )(request, metadata=metadata, timeout=WAIT)
        except grpc.aio.AioRpcError as error:
            return grpc_outcome(error), []
    return OK, [response]


async def over_http(
    harness: Harness,
    wire: Wire,
    path: str,
    request: Message,
    credential: str | None,
    headers: dict[str, str] | None = None,
) -> tuple[Outcome, list[Any]]:
    """Calls `path` on the browser endpoint: its outcome, and its response (a stream: its
    first one)."""
    info = method_info(path)
    headers = {**(headers or {}), **bearer(credential)}
    async with ConnectClient(
        harness.http_url, codec=wire.codec, protocol=wire.protocol, timeout_ms=int(WAIT * 1000)
    ) as client:
        try:
            if info.stream_type is StreamType.SERVER_STREAM:
                stream = client.execute_server_stream(request=request, method=info, headers=headers)
                async for response in stream:
                    await stream.aclose()  # type: ignore[attr-defined]
                    return OK, [response]
                return OK, []
            response = await client.execute_unary(request=request, method=info, headers=headers)
        except ConnectError as error:
            return connect_outcome(error), []
    return OK, [response]


# -- the same outcome on both transports --------------------------------------------------


async def _agent(harness: Harness) -> str:
    return await access_token(harness.client, "alice", common_pb2.ROLE_AGENT)


PARITY: dict[str, tuple[str, Message, str | None]] = {
    "missing credentials": (
        "relaydesk.v1.FlowService/ListFlows",
        flow_service_pb2.ListFlowsRequest(),
        None,
    ),
    "missing credentials on a stream": (
        "relaydesk.v1.EventService/Subscribe",
        event_service_pb2.SubscribeRequest(after_sequence=0),
        None,
    ),
    "field violations": (
        "relaydesk.v1.FlowService/CreateFlow",
        flow_service_pb2.CreateFlowRequest(
            flow=flow_pb2.Flow(
                display_name="x" * 300,
                channel_type=common_pb2.CHANNEL_TYPE_SMS,
                allowed_origins=["https://a.example/path"],
            )
        ),
        "admin",
    ),
    "field violations on a stream": (
        "relaydesk.v1.EventService/Subscribe",
        event_service_pb2.SubscribeRequest(after_sequence=-1, types=[999]),
        "admin",
    ),
    "not found": (
        "relaydesk.v1.FlowService/GetFlow",
        flow_service_pb2.GetFlowRequest(name=MISSING_FLOW),
        "admin",
    ),
    "permission denied to an agent": (
        "relaydesk.v1.FlowService/ListFlows",
        flow_service_pb2.ListFlowsRequest(),
        "agent",
    ),
    "a credential that is not one": (
        "relaydesk.v1.ChannelService/ListChannels",
        channel_service_pb2.ListChannelsRequest(),
        "forged",
    ),
}


@pytest.mark.parametrize("case", list(PARITY))
async def test_every_protocol_fails_a_call_exactly_as_grpc_does(
    harness_factory: HarnessFactory, case: str
) -> None:
    """The same status code, message and google.rpc details, byte for byte."""
    harness = await harness_factory(http_listen="127.0.0.1:0")
    path, request, who = PARITY[case]
    credential = {
        None: None,
        "admin": harness.admin_key,
        "agent": await _agent(harness),
        "forged": "rdk_not-a-key",
    }[who]
    expected, _ = await over_grpc(harness, path, request, credential)
    assert expected.code != "OK"
    assert expected.details, "every client error carries details"
    for wire in WIRES:
        outcome, _ = await over_http(harness, wire, path, request, credential)
        assert outcome == expected, wire


# -- calls that succeed ---------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES, ids=str)
async def test_a_flow_created_by_a_browser_is_the_one_grpc_reads(
    harness_factory: HarnessFactory, wire: Wire
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    admin = harness.admin_key
    flow = flow_pb2.Flow(
        display_name="Site chat",
        channel_type=WEB,
        contact_identity="web:site",
        enabled=True,
        task=flow_pb2.TaskIntegration(workflow=default_workflow()),
        allowed_origins=["HTTPS://Shop.Example.com:443", "http://localhost:8080"],
    )
    outcome, (created,) = await over_http(
        harness,
        wire,
        "relaydesk.v1.FlowService/CreateFlow",
        flow_service_pb2.CreateFlowRequest(flow=flow),
        admin,
    )
    assert outcome == OK
    assert list(created.flow.allowed_origins) == [SITE, "http://localhost:8080"]
    read = await harness.client.flows.GetFlow(
        flow_service_pb2.GetFlowRequest(name=created.flow.name)
    )
    assert read.flow == created.flow

    outcome, (updated,) = await over_http(
        harness,
        wire,
        "relaydesk.v1.FlowService/UpdateFlow",
        flow_service_pb2.UpdateFlowRequest(
            flow=flow_pb2.Flow(name=created.flow.name, display_name="Renamed"),
            update_mask={"paths": ["display_name"]},
        ),
        admin,
    )
    assert outcome == OK
    assert updated.flow.display_name == "Renamed"
    outcome, (listed,) = await over_http(
        harness,
        wire,
        "relaydesk.v1.FlowService/ListFlows",
        flow_service_pb2.ListFlowsRequest(),
        admin,
    )
    assert [f.name for f in listed.flows] == [created.flow.name]
    outcome, _ = await over_http(
        harness,
        wire,
        "relaydesk.v1.FlowService/DeleteFlow",
        flow_service_pb2.DeleteFlowRequest(name=created.flow.name),
        admin,
    )
    assert outcome == OK
    gone, _ = await over_grpc(
        harness,
        "relaydesk.v1.FlowService/GetFlow",
        flow_service_pb2.GetFlowRequest(name=created.flow.name),
        admin,
    )
    assert gone.code == "NOT_FOUND"


async def test_connect_json_is_plain_http_and_json(harness_factory: HarnessFactory) -> None:
    """What a browser's fetch sees: a JSON body in the proto3 JSON mapping, HTTP statuses,
    and errors as Connect's JSON with base64 details."""
    harness = await harness_factory(http_listen="127.0.0.1:0")
    async with httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http:
        created = await http.post(
            "/relaydesk.v1.ChannelService/CreateChannel",
            json={"channel": {"displayName": "from a browser", "attributes": {"topic": "x"}}},
            headers=bearer(harness.admin_key),
        )
        assert created.status_code == 200, created.text
        assert created.headers["content-type"] == "application/json"
        channel = created.json()["channel"]
        assert channel["displayName"] == "from a browser"
        assert channel["name"].startswith("channels/CH")

        missing = await http.post(
            "/relaydesk.v1.FlowService/GetFlow",
            json={"name": MISSING_FLOW},
            headers=bearer(harness.admin_key),
        )
        assert missing.status_code == 404
        error = missing.json()
        assert error["code"] == "not_found"
        info = error_details_pb2.ErrorInfo.FromString(
            base64.b64decode(error["details"][0]["value"] + "==")
        )
        assert error["details"][0]["type"] == "google.rpc.ErrorInfo"
        assert info.reason == "FLOW_NOT_FOUND"

        anonymous = await http.post("/relaydesk.v1.FlowService/ListFlows", json={})
        assert anonymous.status_code == 401
        assert anonymous.json()["code"] == "unauthenticated"

        # A side-effect-free read may be a GET (cacheable); a write may not.
        query = {"encoding": "json", "message": json.dumps({"name": channel["name"]})}
        got = await http.get(
            "/relaydesk.v1.ChannelService/GetChannel",
            params=query,
            headers=bearer(harness.admin_key),
        )
        assert got.status_code == 200, got.text
        assert got.json()["channel"]["name"] == channel["name"]
        refused = await http.get(
            "/relaydesk.v1.ChannelService/CreateChannel",
            params={"encoding": "json", "message": "{}"},
            headers=bearer(harness.admin_key),
        )
        assert refused.status_code == 405


async def test_undecodable_bodies_fail_like_grpc_once_the_caller_is_known(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    async with httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http:
        for content_type, body in (
            ("application/json", b"{not json"),
            ("application/proto", b"\xff\xff"),
        ):
            anonymous = await http.post(
                "/relaydesk.v1.FlowService/ListFlows",
                content=body,
                headers={"content-type": content_type},
            )
            assert anonymous.json()["code"] == "unauthenticated"
            known = await http.post(
                "/relaydesk.v1.FlowService/ListFlows",
                content=body,
                headers={"content-type": content_type, **bearer(harness.admin_key)},
            )
            assert known.status_code == 400
            error = known.json()
            assert error["code"] == "invalid_argument"
            info = error_details_pb2.ErrorInfo.FromString(
                base64.b64decode(error["details"][0]["value"] + "==")
            )
            assert info.reason == "MALFORMED_REQUEST"


async def test_a_request_over_the_size_limit_is_refused_on_both_transports(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    big = channel_service_pb2.CreateChannelRequest(
        channel=channel_pb2.Channel(display_name="x" * (5 * 1024 * 1024))
    )
    expected, _ = await over_grpc(
        harness, "relaydesk.v1.ChannelService/CreateChannel", big, harness.admin_key
    )
    assert expected.code == "RESOURCE_EXHAUSTED"
    for wire in WIRES:
        outcome, _ = await over_http(
            harness, wire, "relaydesk.v1.ChannelService/CreateChannel", big, harness.admin_key
        )
        assert outcome.code == "RESOURCE_EXHAUSTED", wire


async def test_a_credentials_call_rate_spans_both_transports(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(
        http_listen="127.0.0.1:0", token_call_rate=0.001, token_call_burst=2
    )
    agent = await _agent(harness)
    path = "relaydesk.v1.WorkforceService/ListActivities"
    request = workforce_service_pb2.ListActivitiesRequest()
    assert (await over_grpc(harness, path, request, agent))[0] == OK
    assert (await over_http(harness, CONNECT_JSON, path, request, agent))[0] == OK
    over, _ = await over_http(harness, CONNECT_JSON, path, request, agent)
    assert over.code == "RESOURCE_EXHAUSTED"
    assert over.reason == "RATE_LIMITED"
    assert (await over_grpc(harness, path, request, agent))[0].code == "RESOURCE_EXHAUSTED"


# -- streams ----------------------------------------------------------------------------------


def envelope(payload: bytes) -> bytes:
    return struct.pack(">BI", 0, len(payload)) + payload


async def frames(response: httpx.Response) -> AsyncIterator[tuple[int, bytes]]:
    """The enveloped frames of a streaming response: (flags, payload)."""
    buffer = b""
    async for chunk in response.aiter_raw():
        buffer += chunk
        while len(buffer) >= 5:
            flags, length = struct.unpack(">BI", buffer[:5])
            if len(buffer) < 5 + length:
                break
            yield flags, buffer[5 : 5 + length]
            buffer = buffer[5 + length :]


STREAMING = {
    # content type: (how a request is encoded, how a message is decoded, end-of-stream flag)
    "application/connect+json": (
        lambda m: json_format.MessageToJson(m).encode(),
        lambda data: json_format.Parse(data, event_service_pb2.SubscribeResponse()),
        0x02,
    ),
    "application/connect+proto": (
        lambda m: m.SerializeToString(),
        event_service_pb2.SubscribeResponse.FromString,
        0x02,
    ),
    "application/grpc-web+proto": (
        lambda m: m.SerializeToString(),
        event_service_pb2.SubscribeResponse.FromString,
        0x80,
    ),
}


@pytest.mark.parametrize("content_type", list(STREAMING))
async def test_subscribe_sends_its_headers_once_live_then_live_events(
    harness_factory: HarnessFactory, content_type: str
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    encode, decode, end = STREAMING[content_type]
    request = event_service_pb2.SubscribeRequest(types=[event_pb2.EVENT_TYPE_CHANNEL_CREATED])
    async with (
        httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http,
        http.stream(
            "POST",
            "/relaydesk.v1.EventService/Subscribe",
            content=envelope(encode(request)),
            headers={"content-type": content_type, **bearer(harness.admin_key)},
        ) as response,
    ):
        # The headers came with no event to carry them: the stream is live.
        assert response.status_code == 200
        assert response.headers["content-type"] == content_type
        channel = await harness.client.channels.CreateChannel(
            channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel())
        )
        async with asyncio.timeout(WAIT):
            flags, payload = await anext(aiter(frames(response)))
        assert flags & end == 0
        event = decode(payload).event
        assert event.type == event_pb2.EVENT_TYPE_CHANNEL_CREATED
        assert event.channel.name == channel.channel.name


async def test_a_streams_deadline_from_connect_timeout_ms_ends_it(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    encode, _, end = STREAMING["application/connect+json"]
    request = event_service_pb2.SubscribeRequest()
    async with (
        httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http,
        http.stream(
            "POST",
            "/relaydesk.v1.EventService/Subscribe",
            content=envelope(encode(request)),
            headers={
                "content-type": "application/connect+json",
                "connect-timeout-ms": "200",
                **bearer(harness.admin_key),
            },
        ) as response,
    ):
        # Nothing happens on the server: the stream ends when its deadline passes.
        async with asyncio.timeout(WAIT):
            flags, payload = await anext(aiter(frames(response)))
    assert flags & end
    assert json.loads(payload)["error"]["code"] == "deadline_exceeded"


@pytest.mark.parametrize("wire", WIRES, ids=str)
async def test_a_replayed_stream_reads_the_same_events_as_grpc(
    harness_factory: HarnessFactory, wire: Wire
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    await harness.client.channels.CreateChannel(
        channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel(display_name="a"))
    )
    request = event_service_pb2.SubscribeRequest(after_sequence=0)
    path = "relaydesk.v1.EventService/Subscribe"
    expected = await over_grpc(harness, path, request, harness.admin_key)
    assert await over_http(harness, wire, path, request, harness.admin_key) == expected


async def test_deleting_a_key_ends_its_browser_streams(harness_factory: HarnessFactory) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    await harness.client.channels.CreateChannel(
        channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel())
    )
    created = await harness.client.auth.CreateApiKey(
        auth_service_pb2.CreateApiKeyRequest(
            api_key={"role": common_pb2.ROLE_SERVICE}  # type: ignore[arg-type]
        )
    )
    info = method_info("relaydesk.v1.EventService/Subscribe")
    async with ConnectClient(harness.http_url, codec=google_protobuf_json_codec()) as client:
        stream = client.execute_server_stream(
            request=event_service_pb2.SubscribeRequest(after_sequence=0),
            method=info,
            headers=bearer(created.secret),
        )
        async with asyncio.timeout(WAIT):
            first = await anext(aiter(stream))  # the stream is open: it replays the log
            assert first.event.sequence >= 1
            await harness.client.auth.DeleteApiKey(
                auth_service_pb2.DeleteApiKeyRequest(name=created.api_key.name)
            )
            with pytest.raises(ConnectError) as ended:
                async for _ in stream:
                    pass
    outcome = connect_outcome(ended.value)
    assert outcome.code == "UNAUTHENTICATED"
    assert outcome.reason == "CREDENTIALS_REVOKED"


async def test_browser_streams_end_unavailable_when_the_server_stops(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    info = method_info("relaydesk.v1.EventService/Subscribe")
    async with ConnectClient(harness.http_url, codec=google_protobuf_binary_codec()) as client:
        stream = client.execute_server_stream(
            request=event_service_pb2.SubscribeRequest(after_sequence=0),
            method=info,
            headers=bearer(harness.admin_key),
        )
        await harness.client.channels.CreateChannel(
            channel_service_pb2.CreateChannelRequest(channel=channel_pb2.Channel())
        )
        async with asyncio.timeout(WAIT):
            await anext(aiter(stream))
            stopping = asyncio.ensure_future(harness.running.stop(grace=5))
            with pytest.raises(ConnectError) as ended:
                async for _ in stream:
                    pass
            await stopping
    outcome = connect_outcome(ended.value)
    assert outcome.code == "UNAVAILABLE"
    assert outcome.reason == "SHUTTING_DOWN"
    # Leave a running server for the fixture to stop at teardown.
    harness.running = await start_server(harness.data_dir, harness.clock, **harness.options)
    await harness.client.close()
    harness.client = harness.connect(harness.admin_key)


async def test_a_cut_browser_subscriber_silent_past_the_grace_is_let_go_then_told_where_to_resume(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(
        http_listen="127.0.0.1:0",
        subscriber_buffer=50,
        stalled_subscriber_grace=dt.timedelta(milliseconds=50),
    )
    streams = harness.running.streams
    channels = [(await new_channel(harness.client)).name for _ in range(2)]
    small_send_buffers(harness.running)
    encode, decode, end = STREAMING["application/connect+proto"]
    # A page that stopped reading: its connection soon takes nothing more.
    stuck = httpx.AsyncHTTPTransport(socket_options=[(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)])
    async with (
        httpx.AsyncClient(base_url=harness.http_url, transport=stuck, timeout=WAIT) as http,
        http.stream(
            "POST",
            "/relaydesk.v1.EventService/Subscribe",
            content=envelope(encode(event_service_pb2.SubscribeRequest(after_sequence=0))),
            headers={"content-type": "application/connect+proto", **bearer(harness.admin_key)},
        ) as response,
    ):
        read = aiter(frames(response))
        async with asyncio.timeout(WAIT):
            _, payload = await anext(read)
            await streams.wait_for_open_streams(1)
        seen = [decode(payload).event.sequence]
        await send_many(harness.client, channels, 120, "x" * 30_000)
        # The server lets go of the stream's handler, without the page reading more.
        assert streams.bus.subscriber_count == 0
        async with asyncio.timeout(WAIT):
            await streams.wait_for_open_streams(0)
            # Reading again: what was on its way, then where to resume.
            async for flags, payload in read:
                if flags & end:
                    break
                seen.append(decode(payload).event.sequence)
            else:
                raise AssertionError("the stream ended without its end-of-stream message")
    error = json.loads(payload)["error"]
    assert error["code"] == "resource_exhausted", error
    assert f"after_sequence = {seen[-1]}" in error["message"]
    info = error_details_pb2.ErrorInfo.FromString(
        base64.b64decode(error["details"][0]["value"] + "==")
    )
    assert info.reason == "SUBSCRIBER_TOO_SLOW"
    assert seen == list(range(1, len(seen) + 1))


SEND_MESSAGE = "relaydesk.v1.ChannelService/SendMessage"


def new_message(channel: str, body: str) -> channel_service_pb2.SendMessageRequest:
    return channel_service_pb2.SendMessageRequest(
        parent=channel, body=body, request_id=str(uuid.uuid4())
    )


async def test_calls_still_under_way_when_the_grace_runs_out_end_unavailable_on_both_transports(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    key = harness.admin_key
    channel = (await new_channel(harness.client)).name
    by_grpc, by_http = new_message(channel, "over gRPC"), new_message(channel, "over HTTP")
    async with HeldWriter(harness.running.store):
        calls = [
            asyncio.ensure_future(over_grpc(harness, SEND_MESSAGE, by_grpc, key)),
            asyncio.ensure_future(over_http(harness, CONNECT_JSON, SEND_MESSAGE, by_http, key)),
        ]
        async with asyncio.timeout(WAIT):
            await harness.running.pipeline.wait_for_calls_under_way(2)
        stopping = asyncio.ensure_future(harness.running.stop(grace=0.2))
        async with asyncio.timeout(WAIT):
            outcomes = [outcome for outcome, _ in await asyncio.gather(*calls)]
    async with asyncio.timeout(WAIT):
        await stopping
    # Not cancelled: unavailable, and safe to send again.
    for outcome in outcomes:
        assert outcome.code == "UNAVAILABLE", outcome
        assert outcome.reason == "SHUTTING_DOWN"
    # They were only slow, and took effect: sent again with their request_ids, each
    # returns the message it made, and there is one of each.
    harness.running = await start_server(harness.data_dir, harness.clock, **harness.options)
    await harness.client.close()
    harness.client = harness.connect(key)
    again = [
        await over_grpc(harness, SEND_MESSAGE, by_grpc, key),
        await over_http(harness, CONNECT_JSON, SEND_MESSAGE, by_http, key),
    ]
    assert [outcome for outcome, _ in again] == [OK, OK]
    stored = {m.name: m.body for m in await messages(harness.client, channel)}
    assert stored == {response.message.name: response.message.body for _, (response,) in again}


async def test_browser_writes_sent_as_the_server_stops_are_done_or_refused_never_cancelled(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(
        http_listen="127.0.0.1:0",
        channel_message_rate=1_000_000.0,
        channel_message_burst=1_000_000,
    )
    key = harness.admin_key
    channel = (await new_channel(harness.client)).name

    def write(i: int) -> asyncio.Future[tuple[Outcome, list[Any]]]:
        request = new_message(channel, f"m{i}")
        return asyncio.ensure_future(over_http(harness, CONNECT_JSON, SEND_MESSAGE, request, key))

    async with HeldWriter(harness.running.store):
        under_way = [write(i) for i in range(20)]
        async with asyncio.timeout(WAIT):
            await harness.running.pipeline.wait_for_calls_under_way(20)
        in_transit = [write(i) for i in range(20, 80)]
        stopping = asyncio.ensure_future(harness.running.stop(grace=WAIT))
        # Nothing can be acknowledged while the writer is held: the first answer comes
        # from the stopping server, with the 20 writes still under way.
        async with asyncio.timeout(WAIT):
            await asyncio.wait(in_transit, return_when=asyncio.FIRST_COMPLETED)
    async with asyncio.timeout(WAIT):
        results = await asyncio.gather(*under_way, *in_transit)
        await stopping
    assert all(outcome == OK for outcome, _ in results[:20])
    refused = [outcome for outcome, _ in results if outcome != OK]
    assert refused
    for outcome in refused:
        assert outcome.code == "UNAVAILABLE", outcome
        assert outcome.reason == "SHUTTING_DOWN"
    acknowledged = {responses[0].message.name for outcome, responses in results if outcome == OK}
    harness.running = await start_server(harness.data_dir, harness.clock, **harness.options)
    await harness.client.close()
    harness.client = harness.connect(key)
    assert {m.name for m in await messages(harness.client, channel)} == acknowledged


# -- web chats without a credential -----------------------------------------------------------


async def web_flow(harness: Harness, **fields: Any) -> str:
    fields.setdefault("enabled", True)
    flow = task_flow(fields.pop("contact_identity", "web:site"), WEB, **fields)
    return (await create_flow(harness.client, flow)).name


START = "relaydesk.v1.EngagementService/StartWebchat"


async def test_a_visitor_starts_a_web_chat_without_a_credential_on_both_transports(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    flow = await web_flow(harness)
    request = engagement_service_pb2.StartWebchatRequest(flow=flow, display_name="Ada")
    by_grpc, (over_grpc_started,) = await over_grpc(harness, START, request, None)
    assert by_grpc == OK
    by_http, (over_http_started,) = await over_http(
        harness, CONNECT_JSON, START, request, None, headers={"origin": SITE}
    )
    assert by_http == OK
    # Two visitors, two conversations.
    assert over_grpc_started.channel.name != over_http_started.channel.name
    # The customer token works in the browser: the visitor writes, and reads it back.
    token = over_http_started.customer_token
    channel = over_http_started.channel.name
    sent, _ = await over_http(
        harness,
        CONNECT_JSON,
        "relaydesk.v1.ChannelService/SendMessage",
        channel_service_pb2.SendMessageRequest(parent=channel, body="hello"),
        token,
    )
    assert sent == OK
    read, (listed,) = await over_http(
        harness,
        CONNECT_JSON,
        "relaydesk.v1.ChannelService/ListMessages",
        channel_service_pb2.ListMessagesRequest(parent=channel),
        token,
    )
    assert read == OK
    assert [m.body for m in listed.messages] == ["hello"]


async def test_without_a_credential_only_a_start_on_an_enabled_web_flow_gets_in(
    harness_factory: HarnessFactory,
) -> None:
    # Refused starts count against the address's rate too: room for all of these.
    harness = await harness_factory(http_listen="127.0.0.1:0", webchat_start_burst=100)
    disabled = await web_flow(harness, enabled=False, contact_identity="web:closed")
    sms = (await create_flow(harness.client, task_flow("+15550100"))).name
    refused = {
        "a disabled WEB flow": engagement_service_pb2.StartWebchatRequest(flow=disabled),
        "an SMS flow": engagement_service_pb2.StartWebchatRequest(flow=sms),
        "a missing flow": engagement_service_pb2.StartWebchatRequest(flow=MISSING_FLOW),
        "a malformed name": engagement_service_pb2.StartWebchatRequest(flow="flows/nope"),
        "no flow": engagement_service_pb2.StartWebchatRequest(),
    }
    for case, request in refused.items():
        expected, _ = await over_grpc(harness, START, request, None)
        assert expected.code == "UNAUTHENTICATED", case
        assert expected.reason == "CREDENTIALS_MISSING", case
        for wire in WIRES:
            assert (await over_http(harness, wire, START, request, None))[0] == expected, case
    # Every other RPC still needs a credential, whatever it names.
    outcome, _ = await over_http(
        harness,
        CONNECT_JSON,
        "relaydesk.v1.EngagementService/StartOutbound",
        engagement_service_pb2.StartOutboundRequest(flow=sms, to="+15550111"),
        None,
    )
    assert outcome.code == "UNAUTHENTICATED"
    # A credential that is not one is not taken for no credential.
    flow = await web_flow(harness)
    outcome, _ = await over_http(
        harness,
        CONNECT_JSON,
        START,
        engagement_service_pb2.StartWebchatRequest(flow=flow),
        "rdk_wrong",
    )
    assert outcome.code == "UNAUTHENTICATED"
    assert outcome.reason == "CREDENTIALS_INVALID"


async def test_visitors_are_limited_per_address_on_both_transports(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(
        http_listen="127.0.0.1:0", webchat_start_rate=1.0, webchat_start_burst=2
    )
    flow = await web_flow(harness)
    request = engagement_service_pb2.StartWebchatRequest(flow=flow)
    assert (await over_grpc(harness, START, request, None))[0] == OK
    assert (await over_http(harness, CONNECT_JSON, START, request, None))[0] == OK
    for outcome in (
        (await over_grpc(harness, START, request, None))[0],
        (await over_http(harness, WIRES[2], START, request, None))[0],
    ):
        assert outcome.code == "RESOURCE_EXHAUSTED"
        assert outcome.reason == "RATE_LIMITED"
        assert outcome.detail(error_details_pb2.RetryInfo).retry_delay.seconds == 60
    # The site's own backend is not limited by its visitors' rate.
    staff, _ = await over_http(harness, CONNECT_JSON, START, request, harness.admin_key)
    assert staff == OK
    # A minute later, the address may start one more.
    harness.clock.advance(dt.timedelta(minutes=1))
    assert (await over_http(harness, CONNECT_JSON, START, request, None))[0] == OK


async def test_a_visitor_cannot_choose_its_identity(harness_factory: HarnessFactory) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    flow = await web_flow(harness)
    taken = engagement_service_pb2.StartWebchatRequest(flow=flow, identity="ada@example.com")
    assert (await over_grpc(harness, START, taken, harness.admin_key))[0] == OK
    expected, _ = await over_grpc(harness, START, taken, None)
    assert expected.code == "PERMISSION_DENIED"
    assert expected.reason == "IDENTITY_NOT_ALLOWED"
    assert (await over_http(harness, CONNECT_JSON, START, taken, None))[0] == expected


async def test_a_flows_allowed_origins_gate_the_pages_that_start_web_chats(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    flow = await web_flow(harness, allowed_origins=[SITE])
    request = engagement_service_pb2.StartWebchatRequest(flow=flow)
    # From an allowed page, however the browser spells it.
    for origin in (SITE, "https://SHOP.example.com", "https://shop.example.com:443"):
        outcome, _ = await over_http(
            harness, CONNECT_JSON, START, request, None, headers={"origin": origin}
        )
        assert outcome == OK, origin
    # From any other page, with or without a credential, on either transport.
    for origin in ("https://evil.example", "http://shop.example.com", "null"):
        expected, _ = await over_grpc(harness, START, request, None, metadata=(("origin", origin),))
        assert expected.code == "PERMISSION_DENIED", origin
        assert expected.reason == "ORIGIN_NOT_ALLOWED"
        for wire in WIRES:
            outcome, _ = await over_http(
                harness, wire, START, request, None, headers={"origin": origin}
            )
            assert outcome == expected, (origin, wire)
        staff, _ = await over_http(
            harness, CONNECT_JSON, START, request, harness.admin_key, headers={"origin": origin}
        )
        assert staff.reason == "ORIGIN_NOT_ALLOWED"
    # Not from a page at all (a server): not restricted.
    assert (await over_grpc(harness, START, request, harness.admin_key))[0] == OK
    assert (await over_http(harness, CONNECT_JSON, START, request, None))[0] == OK


# -- CORS -------------------------------------------------------------------------------------


async def test_cross_origin_pages_may_call_and_read_the_status(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    async with httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http:
        preflight = await http.options(
            "/relaydesk.v1.EventService/Subscribe",
            headers={
                "origin": SITE,
                "access-control-request-method": "POST",
                "access-control-request-headers": (
                    "authorization, content-type, connect-protocol-version, connect-timeout-ms, "
                    "x-grpc-web, x-user-agent, grpc-timeout"
                ),
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "*"
        assert "POST" in preflight.headers["access-control-allow-methods"]
        allowed = preflight.headers["access-control-allow-headers"].lower()
        for header in ("authorization", "connect-protocol-version", "x-grpc-web", "grpc-timeout"):
            assert header in allowed
        # Credentials are bearer tokens, never cookies.
        assert "access-control-allow-credentials" not in preflight.headers

        call = await http.post(
            "/relaydesk.v1.FlowService/ListFlows",
            json={},
            headers={"origin": SITE, **bearer(harness.admin_key)},
        )
        assert call.status_code == 200
        assert call.headers["access-control-allow-origin"] == "*"
        exposed = call.headers["access-control-expose-headers"].lower()
        for header in ("grpc-status", "grpc-message", "grpc-status-details-bin"):
            assert header in exposed


# -- the web apps' files ----------------------------------------------------------------------


@pytest.fixture
def web_root(tmp_path: Path) -> Path:
    """Built web apps, and a file beside them that must never be served."""
    root = tmp_path / "site" / "web"
    (root / "desktop" / "assets").mkdir(parents=True)
    (root / "widget").mkdir()
    (root / "desktop" / "index.html").write_text("<!doctype html><title>desk</title>")
    (root / "desktop" / "assets" / "app.js").write_text("export const app = 1;\n")
    (root / "widget" / "relaydesk-chat.js").write_text("export class RelaydeskChat {}\n")
    (tmp_path / "site" / "secret.txt").write_text("SECRET")
    (root / "desktop" / "link").symlink_to(tmp_path / "site" / "secret.txt")
    return root


async def raw_get(harness: Harness, target: str) -> tuple[int, bytes]:
    """GETs `target` byte for byte, as no well-behaved client would send it."""
    port = harness.running.http_port
    assert port is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        async with asyncio.timeout(WAIT):
            response = await reader.read()
    finally:
        writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


async def test_the_desktop_and_the_widget_are_served(
    harness_factory: HarnessFactory, web_root: Path
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0", web_root=web_root)
    async with httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http:
        page = await http.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "<title>desk</title>" in page.text
        script = await http.get("/assets/app.js")
        assert script.status_code == 200
        assert script.headers["content-type"].startswith("text/javascript")
        # A company's page loads the widget as a module from this server: CORS applies.
        widget = await http.get("/widget/relaydesk-chat.js", headers={"origin": SITE})
        assert widget.status_code == 200
        assert widget.headers["content-type"].startswith("text/javascript")
        assert widget.headers["access-control-allow-origin"] == "*"
        assert "RelaydeskChat" in widget.text
        # No listings, no writes, nothing missing made up.
        assert (await http.get("/assets/")).status_code == 404
        assert (await http.get("/widget/")).status_code == 404
        assert (await http.get("/missing.js")).status_code == 404
        assert (await http.post("/", content=b"x")).status_code == 405


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/widget/..%2f..%2fsecret.txt",
        "/widget/%2e%2e/%2e%2e/secret.txt",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/link",
    ],
)
async def test_no_path_leaves_the_web_apps_directories(
    harness_factory: HarnessFactory, web_root: Path, target: str
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0", web_root=web_root)
    status, body = await raw_get(harness, target)
    assert status in (400, 404), (target, status)
    assert b"SECRET" not in body
    assert b"root:" not in body


async def test_without_built_web_apps_their_paths_are_not_found(
    harness_factory: HarnessFactory, tmp_path: Path
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0", web_root=tmp_path / "nothing")
    async with httpx.AsyncClient(base_url=harness.http_url, timeout=WAIT) as http:
        assert (await http.get("/")).status_code == 404
        assert (await http.get("/widget/relaydesk-chat.js")).status_code == 404
        # The RPCs are there all the same.
        listed = await http.post(
            "/relaydesk.v1.FlowService/ListFlows", json={}, headers=bearer(harness.admin_key)
        )
        assert listed.status_code == 200


async def test_the_endpoint_is_off_unless_asked_for(harness: Harness) -> None:
    assert harness.running.http_port is None


async def test_an_http_port_in_use_fails_the_start_and_releases_everything(
    tmp_path: Path,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=rf"cannot listen on 127.0.0.1:{port} \(--http-listen\)"):
            await create_server(
                ServerOptions(
                    listen="127.0.0.1:0",
                    data_dir=tmp_path / "data",
                    clock=ManualClock(),
                    http_listen=f"127.0.0.1:{port}",
                )
            )
    # Everything was released: the next server on the same data directory starts.
    running = await create_server(
        ServerOptions(listen="127.0.0.1:0", data_dir=tmp_path / "data", clock=ManualClock())
    )
    await running.stop(grace=None)
