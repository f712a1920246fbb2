"""Server reflection (v1 and v1alpha) as grpcurl and ghz use it: every symbol resolves,
methods included, and a client knowing only what reflection told it can call the API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from google.protobuf.message import Message
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

from relaydesk_server.transport.registry import SERVICE_NAMES
from tests.support import Harness, installed_tool, run_command

T = TypeVar("T")

REFLECTION_SERVICES = {
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
}


async def in_thread(harness: Harness, work: Callable[[grpc.Channel], T]) -> T:
    """Runs blocking client code (the reflection database is synchronous) off the event
    loop the server runs on, over a plain channel without credentials."""

    def run() -> T:
        with grpc.insecure_channel(harness.target) as channel:
            return work(channel)

    return await asyncio.to_thread(run)


def file_names(protos: list[descriptor_pb2.FileDescriptorProto]) -> set[str]:
    return {p.name for p in protos}


async def test_v1alpha_resolves_services_methods_messages_and_enums(harness: Harness) -> None:
    def work(channel: grpc.Channel) -> None:
        database = ProtoReflectionDescriptorDatabase(channel)
        services = set(database.get_services())
        assert set(SERVICE_NAMES) <= services
        assert {"grpc.health.v1.Health", *REFLECTION_SERVICES} <= services
        # Every listed service resolves: relaydesk's, health and both reflections.
        for service in services:
            assert database.FindFileContainingSymbol(service).service, service

        method = database.FindFileContainingSymbol("relaydesk.v1.ChannelService.SendMessage")
        assert method.name == "relaydesk/v1/channel_service.proto"
        assert "SendMessage" in {m.name for m in method.service[0].method}
        message = database.FindFileContainingSymbol("relaydesk.v1.SendMessageRequest")
        assert message.name == "relaydesk/v1/channel_service.proto"
        enum = database.FindFileContainingSymbol("relaydesk.v1.ChannelType")
        assert "ChannelType" in {e.name for e in enum.enum_type}
        for name in SERVICE_NAMES:
            service = name.rpartition(".")[2]
            file = database.FindFileContainingSymbol(name)
            (described,) = [s for s in file.service if s.name == service]
            for rpc in described.method:
                assert database.FindFileContainingSymbol(f"{name}.{rpc.name}").name == file.name
        v1 = database.FindFileContainingSymbol("grpc.reflection.v1.ServerReflection")
        assert v1.name == "grpc/reflection/v1/reflection.proto"
        assert v1.package == "grpc.reflection.v1"

        pool = descriptor_pool.DescriptorPool(descriptor_db=database)
        send = pool.FindMethodByName("relaydesk.v1.ChannelService.SendMessage")
        assert send.input_type.full_name == "relaydesk.v1.SendMessageRequest"
        assert send.output_type.full_name == "relaydesk.v1.SendMessageResponse"

    await in_thread(harness, work)


async def test_unknown_symbols_are_not_found(harness: Harness) -> None:
    def work(channel: grpc.Channel) -> list[str]:
        database = ProtoReflectionDescriptorDatabase(channel)
        found = []
        for symbol in (
            "relaydesk.v1.ChannelService.NoSuchMethod",
            "relaydesk.v1.NoSuchService.SendMessage",
            "relaydesk.v1.NoSuchMessage",
            "nothing",
            "",
        ):
            try:
                database.FindFileContainingSymbol(symbol)
            except KeyError:  # the server answered NOT_FOUND
                continue
            found.append(symbol)
        return found

    assert await in_thread(harness, work) == []


class V1Client:
    """Raw grpc.reflection.v1 ServerReflectionInfo calls, with message classes built
    from the v1 file that reflection itself describes."""

    def __init__(self, channel: grpc.Channel) -> None:
        pool = descriptor_pool.DescriptorPool(
            descriptor_db=ProtoReflectionDescriptorDatabase(channel)
        )
        self.request_class = message_factory.GetMessageClass(
            pool.FindMessageTypeByName("grpc.reflection.v1.ServerReflectionRequest")
        )
        response_class = message_factory.GetMessageClass(
            pool.FindMessageTypeByName("grpc.reflection.v1.ServerReflectionResponse")
        )
        self._call = channel.stream_stream(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=response_class.FromString,
        )

    def ask(self, **request: Any) -> Any:
        """Sends the requests of one stream, one per field given, answered in order."""
        requests: Iterator[Message] = (self.request_class(**{k: v}) for k, v in request.items())
        responses = list(self._call(requests))
        assert len(responses) == len(request)
        return responses[0] if len(responses) == 1 else responses

    def files(self, **request: Any) -> list[descriptor_pb2.FileDescriptorProto]:
        response = self.ask(**request)
        assert response.WhichOneof("message_response") == "file_descriptor_response", response
        return [
            descriptor_pb2.FileDescriptorProto.FromString(b)
            for b in response.file_descriptor_response.file_descriptor_proto
        ]


async def test_v1_resolves_services_methods_messages_and_enums(harness: Harness) -> None:
    def work(channel: grpc.Channel) -> None:
        v1 = V1Client(channel)
        listed = v1.ask(list_services="")
        names = {s.name for s in listed.list_services_response.service}
        assert set(SERVICE_NAMES) <= names
        assert {"grpc.health.v1.Health", *REFLECTION_SERVICES} <= names

        method = v1.files(file_containing_symbol="relaydesk.v1.ChannelService.SendMessage")
        # The file and everything it imports, transitively.
        assert {
            "relaydesk/v1/channel_service.proto",
            "relaydesk/v1/message.proto",
            "google/protobuf/struct.proto",
        } <= file_names(method)
        message = v1.files(file_containing_symbol="relaydesk.v1.Message")
        assert "relaydesk/v1/message.proto" in file_names(message)
        enum = v1.files(file_containing_symbol="relaydesk.v1.ChannelType")
        assert "relaydesk/v1/common.proto" in file_names(enum)
        by_name = v1.files(file_by_filename="relaydesk/v1/channel_service.proto")
        assert "relaydesk/v1/channel_service.proto" in file_names(by_name)

        missing = v1.ask(file_containing_symbol="relaydesk.v1.ChannelService.Nope")
        assert missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]
        # Several requests on one stream, each answered in turn.
        first, second = v1.ask(
            list_services="", file_containing_symbol="relaydesk.v1.FlowService.CreateFlow"
        )
        assert first.WhichOneof("message_response") == "list_services_response"
        assert second.WhichOneof("message_response") == "file_descriptor_response"

    await in_thread(harness, work)


async def test_a_client_knowing_only_reflection_calls_the_api(harness: Harness) -> None:
    """What ghz and grpcurl do: descriptors from reflection, messages from JSON, calls by
    method name, with the admin key."""
    metadata = (("authorization", f"Bearer {harness.admin_key}"),)

    def work(channel: grpc.Channel) -> tuple[dict[str, Any], dict[str, Any]]:
        pool = descriptor_pool.DescriptorPool(
            descriptor_db=ProtoReflectionDescriptorDatabase(channel)
        )

        def call(method_name: str, body: dict[str, Any]) -> dict[str, Any]:
            method = pool.FindMethodByName(method_name)
            request_class = message_factory.GetMessageClass(method.input_type)
            response_class = message_factory.GetMessageClass(method.output_type)
            stub = channel.unary_unary(
                f"/{method.containing_service.full_name}/{method.name}",
                request_serializer=lambda m: m.SerializeToString(),
                response_deserializer=response_class.FromString,
            )
            request = json_format.ParseDict(body, request_class())
            response = stub(request, metadata=metadata, timeout=10)
            return json_format.MessageToDict(response)

        created = call(
            "relaydesk.v1.ChannelService.CreateChannel",
            {"channel": {"uniqueName": "load-test", "type": "CHANNEL_KIND_PUBLIC"}},
        )
        sent = call(
            "relaydesk.v1.ChannelService.SendMessage",
            {"parent": created["channel"]["name"], "body": "hello from reflection"},
        )
        return created, sent

    created, sent = await in_thread(harness, work)
    assert created["channel"]["name"].startswith("channels/CH")
    assert created["channel"]["uniqueName"] == "load-test"
    assert sent["message"]["body"] == "hello from reflection"
    assert sent["message"]["name"].startswith(created["channel"]["name"] + "/messages/")


async def test_reflection_needs_no_credentials_but_the_api_does(harness: Harness) -> None:
    def work(channel: grpc.Channel) -> grpc.StatusCode:
        pool = descriptor_pool.DescriptorPool(
            descriptor_db=ProtoReflectionDescriptorDatabase(channel)
        )
        method = pool.FindMethodByName("relaydesk.v1.ChannelService.ListChannels")
        request_class = message_factory.GetMessageClass(method.input_type)
        stub = channel.unary_unary(
            "/relaydesk.v1.ChannelService/ListChannels",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=lambda b: b,
        )
        try:
            stub(request_class(), timeout=10)
        except grpc.RpcError as error:
            return error.code()
        raise AssertionError("called without credentials")

    assert await in_thread(harness, work) == grpc.StatusCode.UNAUTHENTICATED


async def test_grpcurl_describes_and_calls_a_method_knowing_only_reflection(
    harness: Harness,
) -> None:
    grpcurl = installed_tool("grpcurl")
    bearer = f"authorization: Bearer {harness.admin_key}"
    code, out, err = await run_command(
        grpcurl, "-plaintext", harness.target, "describe", "relaydesk.v1.ChannelService.SendMessage"
    )
    assert code == 0, err
    assert "rpc SendMessage ( .relaydesk.v1.SendMessageRequest )" in out
    code, out, err = await run_command(
        grpcurl,
        "-plaintext",
        "-H",
        bearer,
        "-d",
        '{"channel": {"displayName": "from grpcurl"}}',
        harness.target,
        "relaydesk.v1.ChannelService/CreateChannel",
    )
    assert code == 0, err
    created = json.loads(out)["channel"]
    assert created["name"].startswith("channels/")
    assert created["display_name"] == "from grpcurl"  # grpcurl prints proto names


async def test_ghz_loads_a_method_knowing_only_reflection(harness: Harness) -> None:
    code, out, err = await run_command(
        installed_tool("ghz"),
        "--insecure",
        "--call",
        "relaydesk.v1.FlowService.ListFlows",
        "--metadata",
        json.dumps({"authorization": f"Bearer {harness.admin_key}"}),
        "--data",
        '{"pageSize": 10}',
        "--total",
        "200",
        "--concurrency",
        "8",
        "--format",
        "json",
        harness.target,
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["count"] == 200
    assert summary["statusCodeDistribution"] == {"OK": 200}
