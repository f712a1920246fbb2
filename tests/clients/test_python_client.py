"""The Python client (`relaydesk.client`) against a real server: retries that are safe
because of request ids, deadlines, paging, decoded errors, credentials and TLS, and the
blocking twin (`relaydesk.client.sync`)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf.message import Message
from google.rpc import error_details_pb2

from relaydesk.client import (
    NO_RETRY,
    Backoff,
    Client,
    RelaydeskError,
    RetryPolicy,
    connect,
    error_details,
    sync,
)
from relaydesk.client._policy import is_idempotent, with_request_id
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import (
    event_pb2,
    event_service_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    workforce_service_pb2,
)
from relaydesk_server.app import RelaydeskServer
from relaydesk_server.clock import ManualClock
from tests.api import test_transport_security as tls
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    TcpProxy,
    create_flow,
    messages,
    new_channel,
    start_server,
    subscribe,
    task_flow,
)

WAIT = 20  # seconds: an upper bound on waiting, never a pause
QUICK = RetryPolicy(backoff=Backoff(initial=0.02, maximum=0.2))

pki = tls.pki


@pytest.fixture
async def proxy(harness: Harness) -> AsyncIterator[TcpProxy]:
    """A TCP proxy in front of the harness's server."""
    started = await TcpProxy(harness.target).start()
    yield started
    await started.close()


async def next_event(call: Any, wanted: int) -> event_pb2.Event:
    """The next event of type `wanted` a raw Subscribe call delivers."""
    async with asyncio.timeout(WAIT):
        while True:
            response = await call.read()
            assert response is not grpc.aio.EOF, "the stream ended"
            if response.event.type == wanted:
                event: event_pb2.Event = response.event
                return event


async def list_flows(rd: Client) -> list[str]:
    response = await rd.flows.ListFlows(flow_service_pb2.ListFlowsRequest(page_size=1000))
    return [f.name for f in response.flows]


# -- retries ----------------------------------------------------------------------------


async def cut_off_after_the_server_applied(
    rd: Client, client: Client, proxy: TcpProxy, request: channels_pb.SendMessageRequest
) -> tuple[asyncio.Future[channels_pb.SendMessageResponse], event_pb2.Event]:
    """Sends `request` through the proxy, lets the server apply it but not answer, and cuts
    the connection: returns the call, and the MESSAGE_ADDED event the server emitted."""
    added = subscribe(rd, channels=[request.parent], types=[event_pb2.EVENT_TYPE_MESSAGE_ADDED])
    await added.initial_metadata()  # the stream is live
    await client.channels.GetChannel(channels_pb.GetChannelRequest(name=request.parent))
    proxy.hold_replies()
    sending = asyncio.ensure_future(client.channels.SendMessage(request))
    try:
        event = await next_event(added, event_pb2.EVENT_TYPE_MESSAGE_ADDED)
    finally:
        added.cancel()
    assert not sending.done()  # the answer is still held back
    proxy.cut()
    return sending, event


async def test_a_write_cut_off_after_the_server_applied_it_is_retried_and_applied_once(
    rd: Client, proxy: TcpProxy, harness: Harness
) -> None:
    channel = await new_channel(rd)
    request = channels_pb.SendMessageRequest(parent=channel.name, body="once")
    async with connect(proxy.target, harness.admin_key, retry=QUICK) as client:
        sending, event = await cut_off_after_the_server_applied(rd, client, proxy, request)
        async with asyncio.timeout(WAIT):
            response = await sending
    # The retry carried the same automatic request_id: the server answered it with the
    # first attempt's message instead of sending a second one.
    assert proxy.connections == 2
    assert response.message == event.message
    assert [m.body for m in await messages(rd, channel.name)] == ["once"]
    assert request.request_id == ""  # the caller's request is left as it was


async def test_without_a_request_id_a_cut_off_write_is_not_retried(
    rd: Client, proxy: TcpProxy, harness: Harness
) -> None:
    channel = await new_channel(rd)
    request = channels_pb.SendMessageRequest(parent=channel.name, body="maybe")
    async with connect(proxy.target, harness.admin_key, request_ids=False, retry=QUICK) as client:
        sending, _ = await cut_off_after_the_server_applied(rd, client, proxy, request)
        with pytest.raises(RelaydeskError) as caught:
            async with asyncio.timeout(WAIT):
                await sending
    # Sending it again could post it twice: the caller is told, and decides.
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert proxy.connections == 1
    assert [m.body for m in await messages(rd, channel.name)] == ["maybe"]


async def test_each_call_gets_its_own_request_id_and_a_given_one_is_kept(
    rd: Client, harness: Harness
) -> None:
    request = flow_service_pb2.CreateFlowRequest(flow=task_flow(enabled=False))
    async with connect(harness.target, harness.admin_key) as client:
        first = await client.flows.CreateFlow(request)
        second = await client.flows.CreateFlow(request)  # a new call, not a retry
        assert first.flow.name != second.flow.name
        named = flow_service_pb2.CreateFlowRequest(flow=task_flow(enabled=False), request_id="r1")
        assert await client.flows.CreateFlow(named) == await client.flows.CreateFlow(named)
    assert len(await list_flows(rd)) == 3


def test_what_is_safe_to_retry_comes_from_the_protos() -> None:
    def safe(method: str, request: Message) -> bool:
        return is_idempotent(f"/relaydesk.v1.{method}", request)

    # Reads declare NO_SIDE_EFFECTS; writes are safe with their idempotency key set.
    assert safe("FlowService/GetFlow", flow_service_pb2.GetFlowRequest())
    assert safe("EventService/Subscribe", event_service_pb2.SubscribeRequest())
    assert not safe("FlowService/CreateFlow", flow_service_pb2.CreateFlowRequest())
    assert safe("FlowService/CreateFlow", flow_service_pb2.CreateFlowRequest(request_id="r"))
    deliver = gateway_service_pb2.DeliverInboundRequest(external_id="SM1")
    assert safe("GatewayService/DeliverInbound", deliver)
    assert not safe("ChannelService/SendTyping", channels_pb.SendTypingRequest())
    # Only writes that take a request_id get one.
    assert with_request_id(flow_service_pb2.CreateFlowRequest()).request_id
    typing = channels_pb.SendTypingRequest(parent="channels/x")
    assert with_request_id(typing) is typing


# -- deadlines --------------------------------------------------------------------------


async def test_unary_calls_get_a_deadline_by_default_or_per_call(
    proxy: TcpProxy, harness: Harness
) -> None:
    list_request = flow_service_pb2.ListFlowsRequest()
    async with (
        connect(proxy.target, harness.admin_key, timeout=0.3) as default,
        connect(proxy.target, harness.admin_key, timeout=None) as unbounded,
    ):
        await default.flows.ListFlows(list_request)
        await unbounded.flows.ListFlows(list_request)
        proxy.hold_replies()  # from now on the server's answers never arrive
        async with asyncio.timeout(WAIT):
            with pytest.raises(RelaydeskError) as by_default:
                await default.flows.ListFlows(list_request)
            with pytest.raises(RelaydeskError) as per_call:
                await unbounded.flows.ListFlows(list_request, timeout=0.3)
    assert by_default.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert per_call.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


async def test_retries_stop_at_the_deadline(harness: Harness) -> None:
    refusing = await TcpProxy("127.0.0.1:1").start()  # nothing listens there
    many = RetryPolicy(max_attempts=1000, backoff=Backoff(initial=0.05, maximum=0.05))
    loop = asyncio.get_running_loop()
    try:
        async with connect(refusing.target, harness.admin_key, timeout=1.0, retry=many) as rd:
            started = loop.time()
            with pytest.raises(RelaydeskError) as caught:
                await rd.flows.ListFlows(flow_service_pb2.ListFlowsRequest())
            took = loop.time() - started
    finally:
        await refusing.close()
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert took < 1.0 + 5  # a thousand attempts would take fifty seconds


async def test_streams_get_no_default_deadline(harness_factory: HarnessFactory) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(seconds=1))
    async with connect(harness.target, harness.admin_key, timeout=0.2) as rd:
        call = subscribe(rd)
        # The first heartbeat comes after a second, well past the unary deadline.
        heartbeat = await next_event(call, event_pb2.EVENT_TYPE_HEARTBEAT)
        call.cancel()
    assert heartbeat.sequence >= 0


# -- paging -----------------------------------------------------------------------------


async def test_pages_and_items_follow_the_page_tokens(rd: Client) -> None:
    created = [(await create_flow(rd, task_flow(f"+1555000{i}"))).name for i in range(7)]
    request = flow_service_pb2.ListFlowsRequest(page_size=3)
    pages = [page async for page in rd.pages(rd.flows.ListFlows, request)]
    assert [len(page.flows) for page in pages] == [3, 3, 1]
    assert pages[-1].next_page_token == ""
    flows = [flow async for flow in rd.items(rd.flows.ListFlows, request, flow_pb2.Flow)]
    assert [flow.name for flow in flows] == created
    untyped: list[Message] = [m async for m in rd.items(rd.flows.ListFlows, request)]
    assert untyped == flows
    assert request.page_token == ""  # the caller's request is left as it was
    with pytest.raises(TypeError):
        await anext(rd.pages(rd.flows.GetFlow, flow_service_pb2.GetFlowRequest()))


# -- errors -----------------------------------------------------------------------------


async def test_failures_are_relaydesk_errors_with_their_details_decoded(rd: Client) -> None:
    with pytest.raises(RelaydeskError) as caught:
        await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow_pb2.Flow()))
    error = caught.value
    assert isinstance(error, grpc.aio.AioRpcError)  # what callers caught before still works
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "flow.channel_type" in error.field_violations
    assert error.reason
    assert error.error_info.domain == "relaydesk.dev"
    assert str(error).startswith("INVALID_ARGUMENT: ")
    assert error.error_details == error_details(error)

    missing = "flows/FO" + "0" * 32
    with pytest.raises(RelaydeskError) as caught:
        await rd.flows.GetFlow(flow_service_pb2.GetFlowRequest(name=missing))
    resource = caught.value.detail(error_details_pb2.ResourceInfo)
    assert resource is not None
    assert resource.resource_name == missing
    assert caught.value.field_violations == {}
    assert caught.value.retry_delay is None


# -- credentials and TLS ----------------------------------------------------------------


async def test_the_credential_comes_from_the_environment_unless_given(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAYDESK_TOKEN", harness.admin_key)
    async with connect(harness.target) as from_env:
        assert await list_flows(from_env) == []
    async with connect(harness.target, "") as anonymous:
        with pytest.raises(RelaydeskError) as caught:
            await list_flows(anonymous)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_tls_and_mutual_tls(pki: tls.Pki, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    running: RelaydeskServer = await start_server(
        data_dir, ManualClock(), tls=tls.server_tls(pki, mutual=True)
    )
    key = (data_dir / "admin.key").read_text().strip()
    target = f"127.0.0.1:{running.port}"
    try:
        async with connect(
            target,
            key,
            root_certificates=pki.ca.cert,
            private_key=pki.client.key,
            certificate_chain=pki.client.cert,
        ) as rd:
            assert await list_flows(rd) == []
        # Without a client certificate the handshake fails, and is not retried for long.
        async with connect(target, key, tls=True, root_certificates=pki.ca.cert) as rd:
            with pytest.raises(RelaydeskError) as caught:
                await list_flows(rd)
            assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        with pytest.raises(ValueError, match="mutual TLS"):
            connect(target, key, private_key=pki.client.key)
    finally:
        await running.stop(grace=None)


# -- the blocking client ----------------------------------------------------------------


def work_synchronously(target: str, key: str) -> tuple[list[str], RelaydeskError, list[int]]:
    """What a script does with the blocking client (run off the event loop: the server
    under test runs on it)."""
    with sync.connect(target, key, retry=QUICK) as rd:
        for i in range(3):
            rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=task_flow(f"+1666{i}")))
        request = flow_service_pb2.ListFlowsRequest(page_size=2)
        names = [flow.name for flow in rd.items(rd.flows.ListFlows, request, flow_pb2.Flow)]
        with pytest.raises(RelaydeskError) as caught:
            rd.workforce.GetWorker(workforce_service_pb2.GetWorkerRequest(name=""))
        with rd.subscribe(after_sequence=0) as events:
            events.live()
            sequences = [next(events).sequence for _ in range(2)]
    return names, caught.value, sequences


async def test_the_blocking_client(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    await rd.channels.SendMessage(channels_pb.SendMessageRequest(parent=channel.name, body="x"))
    names, error, sequences = await asyncio.to_thread(
        work_synchronously, harness.target, harness.admin_key
    )
    assert names == await list_flows(rd)
    assert len(names) == 3
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(error.field_violations) == {"name"}
    assert sequences == [1, 2]


async def test_no_retry_turns_retries_off(rd: Client, proxy: TcpProxy, harness: Harness) -> None:
    channel = await new_channel(rd)
    request = channels_pb.SendMessageRequest(parent=channel.name, body="once", request_id="m-1")
    async with connect(proxy.target, harness.admin_key, retry=NO_RETRY) as client:
        sending, _ = await cut_off_after_the_server_applied(rd, client, proxy, request)
        with pytest.raises(RelaydeskError) as caught:
            async with asyncio.timeout(WAIT):
                await sending
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert proxy.connections == 1
    # The caller may retry by hand with the same id, harmlessly.
    retried = await rd.channels.SendMessage(request)
    assert [m.name for m in await messages(rd, channel.name)] == [retried.message.name]
