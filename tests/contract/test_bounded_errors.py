"""A status never echoes more than a few hundred characters of the caller's input, so a
huge bad argument gets a short, clear error instead of a status too big for the client."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2

from relaydesk.client import Client, error_details
from relaydesk.v1 import (
    auth_service_pb2,
    channel_service_pb2,
    flow_service_pb2,
    task_service_pb2,
)
from relaydesk_server.domain import errors
from relaydesk_server.transport.errors import status_for
from tests.support import task_flow

# What a status may weigh: its message plus the encoded google.rpc.Status trailer.
STATUS_BUDGET = 2048
# Inputs: one long unbroken run, a long run of characters of four UTF-8 bytes each,
# and a long text of short words.
LONG = {
    "ascii": "x" * 5000,
    "emoji": "\N{GRINNING FACE}" * 5000,
    "words": "a b " * 1250,
}

Call = Callable[[Client, str], Awaitable[Any]]


def get_task(rd: Client, text: str) -> Awaitable[Any]:
    return rd.tasks.GetTask(task_service_pb2.GetTaskRequest(name=text))


def get_task_named(rd: Client, text: str) -> Awaitable[Any]:
    return rd.tasks.GetTask(task_service_pb2.GetTaskRequest(name="tasks/" + text))


def get_channel(rd: Client, text: str) -> Awaitable[Any]:
    return rd.channels.GetChannel(channel_service_pb2.GetChannelRequest(name="channels/" + text))


def send_message(rd: Client, text: str) -> Awaitable[Any]:
    request = channel_service_pb2.SendMessageRequest(parent="channels/" + text, body="hi")
    return rd.channels.SendMessage(request)


def send_message_bare(rd: Client, text: str) -> Awaitable[Any]:
    return rd.channels.SendMessage(channel_service_pb2.SendMessageRequest(parent=text, body="hi"))


def create_flow(rd: Client, text: str) -> Awaitable[Any]:
    return rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=task_flow(text)))


def delete_api_key(rd: Client, text: str) -> Awaitable[Any]:
    return rd.auth.DeleteApiKey(auth_service_pb2.DeleteApiKeyRequest(name="apiKeys/" + text))


def delete_api_key_bare(rd: Client, text: str) -> Awaitable[Any]:
    return rd.auth.DeleteApiKey(auth_service_pb2.DeleteApiKeyRequest(name=text))


CALLS: dict[str, Call] = {
    "GetTask": get_task,
    "GetTask tasks/…": get_task_named,
    "GetChannel": get_channel,
    "SendMessage parent channels/…": send_message,
    "SendMessage parent": send_message_bare,
    "CreateFlow contact_identity": create_flow,
    "DeleteApiKey apiKeys/…": delete_api_key,
    "DeleteApiKey": delete_api_key_bare,
}
CLIENT_ERRORS = {
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.PERMISSION_DENIED,
}


def status_size(error: grpc.aio.AioRpcError) -> int:
    """The bytes the status takes on the wire, before header encoding: its message and
    the serialized google.rpc.Status (the message again, and every detail)."""
    trailer = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin", b"")
    assert isinstance(trailer, bytes)
    return len((error.details() or "").encode()) + len(trailer)


def texts(detail: Any) -> list[str]:
    """Every string a detail message carries, nested ones included."""
    found: list[str] = []
    for _, value in detail.ListFields():
        values = value if isinstance(value, list | tuple) or hasattr(value, "extend") else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif hasattr(item, "ListFields"):
                found.extend(texts(item))
    return found


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("text", LONG.values(), ids=LONG.keys())
async def test_huge_input_gets_a_short_clear_error(rd: Client, call: Call, text: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(rd, text)
    error = caught.value
    assert error.code() in CLIENT_ERRORS, (error.code(), (error.details() or "")[:300])
    message = error.details() or ""
    assert len(message) < 1100
    assert status_size(error) < STATUS_BUDGET, status_size(error)
    details = error_details(error)
    info = [d for d in details if isinstance(d, error_details_pb2.ErrorInfo)]
    assert info
    assert info[0].domain == "relaydesk.dev"
    assert len(details) >= 2  # and the detail of its kind (BadRequest, ResourceInfo, …)
    for detail in details:
        assert all(len(t) < 1100 for t in texts(detail)), detail


async def test_the_shortened_error_still_names_the_field_and_the_input(rd: Client) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await get_task(rd, "x" * 5000)
    error = caught.value
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    message = error.details() or ""
    assert "x" * 190 in message
    assert "more characters)" in message
    assert "expected tasks/WT" in message  # the text after the input is kept
    (bad_request,) = [
        d for d in error_details(error) if isinstance(d, error_details_pb2.BadRequest)
    ]
    assert [v.field for v in bad_request.field_violations] == ["name"]
    assert "more characters)" in bad_request.field_violations[0].description


def wire_size(status: grpc.Status) -> int:
    """The status's trailers as sent: grpc-message percent-encoded (every byte outside
    printable ASCII takes three), grpc-status-details-bin in base64."""
    message = sum(1 if 0x20 <= b < 0x7F and b != 0x25 else 3 for b in status.details.encode())
    return message + sum(len(base64.b64encode(v)) for _, v in status.trailing_metadata)


@pytest.mark.parametrize("long", ["y" * 10_000, "\N{GRINNING FACE}" * 10_000, "word " * 2_000])
def test_every_text_of_every_kind_of_status_is_bounded(long: str) -> None:
    """Whatever the domain puts in an error, many violations included, the status stays
    well within the client's 8 KiB of metadata."""
    cases: list[errors.DomainError] = [
        errors.InvalidArgument([errors.FieldViolation(long, long) for _ in range(500)]),
        errors.InvalidArgument.field("name", long),
        errors.NotFound(long, long),
        errors.AlreadyExists(long, long, long),
        errors.FailedPrecondition([errors.PreconditionViolation(long, long, long)] * 500),
        errors.Aborted(long),
        errors.PermissionDenied(long),
        errors.ResourceExhausted(long),
    ]
    for error in cases:
        status = status_for(error)
        assert wire_size(status) < 5 * 1024, (type(error).__name__, wire_size(status))
        assert "more characters)" in status.details


def test_violations_beyond_the_budget_are_counted() -> None:
    error = errors.InvalidArgument(
        [errors.FieldViolation(f"states[{i}].next", "names no state") for i in range(500)]
    )
    trailer = dict(status_for(error).trailing_metadata)["grpc-status-details-bin"]
    bad_request = error_details_pb2.BadRequest()
    assert status_pb2.Status.FromString(trailer).details[1].Unpack(bad_request)
    *listed, last = bad_request.field_violations
    assert [v.field for v in listed] == [f"states[{i}].next" for i in range(len(listed))]
    assert len(listed) > 20
    assert last.field == ""
    assert last.description == f"…({500 - len(listed)} more violations)"


def test_short_texts_are_left_as_they_are() -> None:
    error = errors.InvalidArgument.field("name", "'tasks/WT1' is not a relaydesk.v1.Task name")
    status = status_for(error)
    assert status.details == "invalid request: name: 'tasks/WT1' is not a relaydesk.v1.Task name"
