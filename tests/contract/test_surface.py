"""The API surface: which RPCs are implemented, and that every RPC is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grpc
import pytest
from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import MethodDescriptor
from google.rpc import error_details_pb2

from tests.support import Harness, all_methods, detail

ROOT = Path(__file__).resolve().parents[2]

# The RPCs this version of relaydesk implements; all others answer UNIMPLEMENTED.
IMPLEMENTED = {
    "relaydesk.v1.FlowService": {
        "CreateFlow",
        "GetFlow",
        "ListFlows",
        "UpdateFlow",
        "DeleteFlow",
        "RotateWebhookSecret",
    },
    "relaydesk.v1.ChannelService": {
        "CreateChannel",
        "GetChannel",
        "ListChannels",
        "UpdateChannel",
        "CloseChannel",
        "DeleteChannel",
        "AddMember",
        "ListMembers",
        "RemoveMember",
        "UpdateReadHorizon",
        "SendMessage",
        "GetMessage",
        "ListMessages",
        "UpdateMessage",
        "DeleteMessage",
        "SendTyping",
    },
    "relaydesk.v1.EventService": {"Subscribe"},
    "relaydesk.v1.WorkforceService": {
        "CreateActivity",
        "GetActivity",
        "ListActivities",
        "UpdateActivity",
        "DeleteActivity",
        "CreateWorker",
        "GetWorker",
        "ListWorkers",
        "UpdateWorker",
        "DeleteWorker",
        "SetWorkerActivity",
        "CreateQueue",
        "GetQueue",
        "ListQueues",
        "UpdateQueue",
        "DeleteQueue",
        "GetQueueStatistics",
        "CreateWorkflow",
        "GetWorkflow",
        "ListWorkflows",
        "UpdateWorkflow",
        "DeleteWorkflow",
    },
    "relaydesk.v1.EngagementService": {"StartWebchat", "StartOutbound"},
    "relaydesk.v1.GatewayService": {"DeliverInbound", "StreamOutbound", "AckOutbound"},
    "relaydesk.v1.SessionService": {
        "CreateSession",
        "GetSession",
        "ListSessions",
        "UpdateSession",
        "CloseSession",
        "ListParticipants",
        "ListInteractions",
    },
    "relaydesk.v1.AuthService": {
        "CreateApiKey",
        "ListApiKeys",
        "DeleteApiKey",
        "CreateAccessToken",
        "RotateSigningKey",
    },
    "relaydesk.v1.BotService": {
        "CreateBot",
        "GetBot",
        "ListBots",
        "UpdateBot",
        "DeleteBot",
        "GetExecution",
        "ListExecutions",
        "EndExecution",
    },
    "relaydesk.v1.TaskService": {
        "CreateTask",
        "GetTask",
        "ListTasks",
        "UpdateTask",
        "CancelTask",
        "WrapUpTask",
        "CompleteTask",
        "TransferTask",
        "ListReservations",
        "AcceptReservation",
        "RejectReservation",
    },
}


def symbol(message_descriptor: object) -> type:
    from google.protobuf import message_factory

    return message_factory.GetMessageClass(message_descriptor)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", all_methods(), ids=lambda m: m.full_name)
async def test_each_rpc_is_implemented_or_answers_unimplemented(
    harness: Harness, method: MethodDescriptor
) -> None:
    path = f"/{method.containing_service.full_name}/{method.name}"
    request_type = symbol(method.input_type)
    response_type = symbol(method.output_type)
    metadata = (("authorization", f"Bearer {harness.admin_key}"),)
    make_call = (
        harness.client.channel.unary_stream
        if method.server_streaming
        else harness.client.channel.unary_unary
    )
    call = make_call(
        path,
        request_serializer=request_type.SerializeToString,
        response_deserializer=response_type.FromString,
        # A live stream with nothing to say runs until its deadline: keep that short.
    )(request_type(), metadata=metadata, timeout=1 if method.server_streaming else 5)
    error: grpc.aio.AioRpcError | None = None
    try:
        if method.server_streaming:
            async for _ in call:
                break
        else:
            await call
    except grpc.aio.AioRpcError as raised:
        error = raised
    code = error.code() if error else grpc.StatusCode.OK
    if error is not None and code == grpc.StatusCode.UNIMPLEMENTED:
        assert detail(error, error_details_pb2.ErrorInfo).reason == "NOT_IMPLEMENTED"
    implemented = method.name in IMPLEMENTED.get(method.containing_service.full_name, set())
    if implemented:
        # An empty request is bad input for most RPCs (or an idle stream that
        # reaches its deadline), but never unknown or internal.
        assert code not in (
            grpc.StatusCode.UNIMPLEMENTED,
            grpc.StatusCode.UNKNOWN,
            grpc.StatusCode.INTERNAL,
        )
    else:
        assert code == grpc.StatusCode.UNIMPLEMENTED


@pytest.mark.parametrize("method", all_methods(), ids=lambda m: m.full_name)
async def test_undecodable_request_bytes_are_invalid_argument(
    harness: Harness, method: MethodDescriptor
) -> None:
    path = f"/{method.containing_service.full_name}/{method.name}"
    metadata = (("authorization", f"Bearer {harness.admin_key}"),)
    make_call = (
        harness.client.channel.unary_stream
        if method.server_streaming
        else harness.client.channel.unary_unary
    )
    # Field 1 announced as 100 bytes long, with 2 bytes following: corrupt.
    call = make_call(path)(b"\x0a\x64ab", metadata=metadata, timeout=5)
    error: grpc.aio.AioRpcError | None = None
    try:
        if method.server_streaming:
            async for _ in call:
                break
        else:
            await call
    except grpc.aio.AioRpcError as raised:
        error = raised
    assert error is not None
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert detail(error, error_details_pb2.ErrorInfo).reason == "MALFORMED_REQUEST"


def source_descriptors() -> descriptor_pb2.FileDescriptorSet:
    protos = sorted(str(p.relative_to(ROOT / "protos")) for p in (ROOT / "protos").rglob("*.proto"))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"--proto_path={ROOT / 'protos'}",
            "--include_source_info",
            "--descriptor_set_out=/dev/stdout",
            *protos,
        ],
        check=True,
        capture_output=True,
    ).stdout
    return descriptor_pb2.FileDescriptorSet.FromString(out)


def test_every_rpc_documents_its_errors_and_reads_are_marked_side_effect_free() -> None:
    problems = []
    for file in source_descriptors().file:
        comments = {tuple(loc.path): loc.leading_comments for loc in file.source_code_info.location}
        for s, service in enumerate(file.service):
            for m, method in enumerate(service.method):
                comment = comments.get((6, s, 2, m), "")
                if "Errors:" not in comment:
                    problems.append(f"{service.name}.{method.name}: no 'Errors:' in its comment")
                is_read = method.name.startswith(("Get", "List")) or method.name == "Subscribe"
                if is_read and method.options.idempotency_level != (
                    descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS
                ):
                    problems.append(f"{service.name}.{method.name}: a read without NO_SIDE_EFFECTS")
    assert not problems, "\n".join(problems)
