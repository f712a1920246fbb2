"""Prometheus metrics (API §12, `--metrics-listen`): a real server with its endpoint on an
ephemeral loopback port, scraped over HTTP after the calls it should count have returned.

Every figure a call moves is recorded before the call's answer leaves the server, and the
gauges are read when scraped, so each scrape here reflects the calls made before it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import socket
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from relaydesk.client import Client
from relaydesk.v1 import channel_service_pb2, common_pb2, event_pb2, member_pb2
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import gateway_service_pb2 as gateway_pb
from relaydesk_server.app import RelaydeskServer, ServerOptions, create_server
from relaydesk_server.cli import build_parser
from relaydesk_server.clock import ManualClock
from relaydesk_server.metrics import RPC_BUCKETS
from relaydesk_server.transport_security import PlaintextRefused
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    add_member,
    create_task,
    default_workflow,
    expect_error,
    new_channel,
    new_queue,
    new_worker,
    next_delivery,
    open_outbound,
    send,
    subscribe,
    task_flow,
)

WAIT = 10  # seconds: an upper bound on waiting for a stream's next item, never a pause
MISSING_CHANNEL = "channels/CH" + "0" * 32
CREATE_CHANNEL = "relaydesk.v1.ChannelService/CreateChannel"
GET_CHANNEL = "relaydesk.v1.ChannelService/GetChannel"
SEND_MESSAGE = "relaydesk.v1.ChannelService/SendMessage"
SUBSCRIBE = "relaydesk.v1.EventService/Subscribe"
OPEN_TASK_STATUSES = ("PENDING", "RESERVED", "ASSIGNED", "WRAPPING")


@dataclasses.dataclass(frozen=True)
class Scrape:
    """One scrape's samples, by name and labels."""

    samples: dict[tuple[str, frozenset[tuple[str, str]]], float]
    families: set[str]

    def value(self, name: str, **labels: str) -> float | None:
        return self.samples.get((name, frozenset(labels.items())))

    def number(self, name: str, **labels: str) -> float:
        """A sample that must be there."""
        value = self.value(name, **labels)
        assert value is not None, f"no sample {name} {labels}"
        return value

    def calls(self, method: str, code: str, transport: str = "grpc") -> float:
        return (
            self.value("relaydesk_rpc_total", method=method, code=code, transport=transport) or 0.0
        )

    def buckets(self, name: str, **labels: str) -> list[tuple[float, float]]:
        """A histogram's (upper bound, cumulative count) pairs, in bound order."""
        found = [
            (float(dict(key)["le"]), value)
            for (sample, key), value in self.samples.items()
            if sample == f"{name}_bucket" and {k: v for k, v in key if k != "le"} == labels
        ]
        return sorted(found)


async def scrape_port(port: int | None, path: str = "/metrics") -> httpx.Response:
    assert port is not None, "metrics are off"
    async with httpx.AsyncClient() as http:
        return await http.get(f"http://127.0.0.1:{port}{path}")


async def scrape(harness: Harness) -> Scrape:
    response = await scrape_port(harness.running.metrics_port)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    families: set[str] = set()
    for family in text_string_to_metric_families(response.text):
        families.add(family.name)
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return Scrape(samples, families)


@pytest.fixture
async def metered(harness_factory: HarnessFactory) -> Harness:
    """A server with its metrics endpoint on an ephemeral loopback port."""
    return await harness_factory(metrics_listen="127.0.0.1:0")


async def read_until(call: Any, wanted: Any) -> event_pb2.Event:
    """Reads a Subscribe stream until an event for which `wanted(event)` holds."""
    async with asyncio.timeout(WAIT):
        while True:
            response = await call.read()
            assert response is not grpc.aio.EOF, "the stream ended"
            if wanted(response.event):
                event: event_pb2.Event = response.event
                return event


# -- per call -------------------------------------------------------------------------


async def test_calls_are_counted_by_method_and_status_code(metered: Harness) -> None:
    rd = metered.client
    channels = [await new_channel(rd) for _ in range(3)]
    await expect_error(
        rd.channels.GetChannel(channel_service_pb2.GetChannelRequest(name=MISSING_CHANNEL)),
        grpc.StatusCode.NOT_FOUND,
    )
    await send(rd, channels[0].name)
    async with metered.connect() as anonymous:
        await expect_error(
            anonymous.flows.ListFlows(flows_pb.ListFlowsRequest()),
            grpc.StatusCode.UNAUTHENTICATED,
        )

    scraped = await scrape(metered)
    assert scraped.calls(CREATE_CHANNEL, "OK") == 3
    assert scraped.calls(GET_CHANNEL, "NOT_FOUND") == 1
    assert scraped.calls(GET_CHANNEL, "OK") == 0
    assert scraped.calls(SEND_MESSAGE, "OK") == 1
    assert scraped.calls("relaydesk.v1.FlowService/ListFlows", "UNAUTHENTICATED") == 1
    # The harness made the default workflow's queue and workflow before the test.
    assert scraped.calls("relaydesk.v1.WorkforceService/CreateQueue", "OK") == 1


async def test_each_methods_durations_are_a_histogram(metered: Harness) -> None:
    rd = metered.client
    for _ in range(3):
        await new_channel(rd)
    await expect_error(
        rd.channels.GetChannel(channel_service_pb2.GetChannelRequest(name=MISSING_CHANNEL)),
        grpc.StatusCode.NOT_FOUND,
    )

    scraped = await scrape(metered)
    name = "relaydesk_rpc_duration_seconds"
    buckets = scraped.buckets(name, method=CREATE_CHANNEL, transport="grpc")
    assert [bound for bound, _ in buckets] == [*RPC_BUCKETS, math.inf]
    counts = [count for _, count in buckets]
    assert counts == sorted(counts), "buckets are cumulative"
    assert counts[-1] == 3
    assert scraped.value(f"{name}_count", method=CREATE_CHANNEL, transport="grpc") == 3
    assert 0 < scraped.number(f"{name}_sum", method=CREATE_CHANNEL, transport="grpc") < 3 * WAIT
    # Failed calls are timed too, under their method alone.
    assert scraped.value(f"{name}_count", method=GET_CHANNEL, transport="grpc") == 1


# -- streams and the event log --------------------------------------------------------


async def test_an_open_subscribe_stream_and_the_event_log_head_show_in_the_gauges(
    metered: Harness,
) -> None:
    rd = metered.client
    call = subscribe(rd, after_sequence=0)
    channel = await new_channel(rd)
    last = await read_until(
        call,
        lambda event: (
            event.type == event_pb2.EVENT_TYPE_CHANNEL_CREATED
            and event.channel.name == channel.name
        ),
    )

    scraped = await scrape(metered)
    assert scraped.value("relaydesk_open_streams", kind="subscribe") == 1
    assert scraped.value("relaydesk_open_streams", kind="outbound") == 0
    assert scraped.value("relaydesk_event_log_head") == last.sequence
    # A stream is counted once it ends, not before.
    assert scraped.calls(SUBSCRIBE, "CANCELLED") == 0
    assert (
        scraped.value("relaydesk_rpc_duration_seconds_count", method=SUBSCRIBE, transport="grpc")
        is None
    )

    call.cancel()
    async with asyncio.timeout(WAIT):
        await metered.running.streams.wait_for_open_streams(0)
    scraped = await scrape(metered)
    assert scraped.value("relaydesk_open_streams", kind="subscribe") == 0
    assert scraped.calls(SUBSCRIBE, "CANCELLED") == 1
    assert (
        scraped.value("relaydesk_rpc_duration_seconds_count", method=SUBSCRIBE, transport="grpc")
        == 1
    )


async def test_a_stream_refused_at_its_start_is_counted_with_its_status(
    metered: Harness,
) -> None:
    call = subscribe(metered.client, after_sequence=10_000)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await call.read()
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    scraped = await scrape(metered)
    assert scraped.calls(SUBSCRIBE, "INVALID_ARGUMENT") == 1
    assert scraped.value("relaydesk_open_streams", kind="subscribe") == 0


# -- the backlog ----------------------------------------------------------------------


async def test_tasks_are_counted_by_status(metered: Harness) -> None:
    scraped = await scrape(metered)
    assert {
        status: scraped.value("relaydesk_tasks", status=status) for status in OPEN_TASK_STATUSES
    } == dict.fromkeys(OPEN_TASK_STATUSES, 0)

    await create_task(metered.client, default_workflow())  # nobody to offer it to

    scraped = await scrape(metered)
    assert scraped.value("relaydesk_tasks", status="PENDING") == 1
    for status in ("RESERVED", "ASSIGNED", "WRAPPING"):
        assert scraped.value("relaydesk_tasks", status=status) == 0


async def test_an_agents_reply_with_no_gateway_connected_is_a_pending_delivery(
    metered: Harness,
) -> None:
    rd: Client = metered.client
    await rd.flows.CreateFlow(flows_pb.CreateFlowRequest(flow=task_flow("+15550100")))
    first = await rd.gateway.DeliverInbound(
        gateway_pb.DeliverInboundRequest(
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            customer_address="+15551234",
            contact_identity="+15550100",
            body="hi",
            external_id="m1",
        )
    )
    await add_member(rd, first.channel, "alice", member_pb2.MEMBER_ROLE_AGENT)
    scraped = await scrape(metered)
    assert scraped.value("relaydesk_outbound_deliveries_pending") == 0

    await send(rd, first.channel, "how can I help?", author="alice")

    scraped = await scrape(metered)
    assert scraped.value("relaydesk_outbound_deliveries_pending") == 1
    assert scraped.value("relaydesk_open_streams", kind="outbound") == 0
    assert scraped.value("relaydesk_webhook_postings_pending") == 0

    gateway = open_outbound(rd)
    delivery = await next_delivery(gateway, WAIT)
    scraped = await scrape(metered)
    assert scraped.value("relaydesk_open_streams", kind="outbound") == 1
    # Handed to the gateway but not acknowledged: still pending.
    assert scraped.value("relaydesk_outbound_deliveries_pending") == 1

    await rd.gateway.AckOutbound(
        gateway_pb.AckOutboundRequest(id=delivery.id, status=common_pb2.DELIVERY_STATUS_SENT)
    )
    scraped = await scrape(metered)
    assert scraped.value("relaydesk_outbound_deliveries_pending") == 0
    gateway.cancel()


# -- the writer -----------------------------------------------------------------------


async def test_the_writers_batches_and_commits_are_histograms(metered: Harness) -> None:
    before = await scrape(metered)
    writes = 20
    await asyncio.gather(*(new_channel(metered.client) for _ in range(writes)))

    scraped = await scrape(metered)
    batches = scraped.number("relaydesk_writer_batch_size_count")
    commits = scraped.number("relaydesk_writer_commit_seconds_count")
    assert batches > 0
    assert commits == batches
    written = scraped.number("relaydesk_writer_batch_size_sum")
    assert written - before.number("relaydesk_writer_batch_size_sum") >= writes
    assert scraped.number("relaydesk_writer_commit_seconds_sum") > 0
    sizes = scraped.buckets("relaydesk_writer_batch_size")
    assert sizes[-1] == (math.inf, batches)
    assert scraped.buckets("relaydesk_writer_commit_seconds")[-1] == (math.inf, commits)


# -- the endpoint ---------------------------------------------------------------------


async def test_browser_calls_are_counted_under_their_own_transport(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(metrics_listen="127.0.0.1:0", http_listen="127.0.0.1:0")
    async with httpx.AsyncClient(base_url=harness.http_url) as http:
        for credential in (harness.admin_key, None):
            await http.post(
                f"/{CREATE_CHANNEL}",
                json={"channel": {}},
                headers={"authorization": f"Bearer {credential}"} if credential else {},
            )
    await new_channel(harness.client)
    scraped = await scrape(harness)
    assert scraped.calls(CREATE_CHANNEL, "OK", transport="http") == 1
    assert scraped.calls(CREATE_CHANNEL, "UNAUTHENTICATED", transport="http") == 1
    assert scraped.calls(CREATE_CHANNEL, "OK", transport="grpc") == 1
    name = "relaydesk_rpc_duration_seconds_count"
    assert scraped.value(name, method=CREATE_CHANNEL, transport="http") == 2


async def test_metrics_are_off_unless_asked_for(harness: Harness) -> None:
    assert harness.running.metrics_port is None


async def test_only_the_metrics_path_is_served(metered: Harness) -> None:
    response = await scrape_port(metered.running.metrics_port, "/")
    assert response.status_code == 404
    assert "/metrics" in response.text


async def test_each_server_keeps_its_own_figures(harness_factory: HarnessFactory) -> None:
    one = await harness_factory(metrics_listen="127.0.0.1:0")
    other = await harness_factory(metrics_listen="127.0.0.1:0")
    await new_channel(one.client)
    assert (await scrape(one)).calls(CREATE_CHANNEL, "OK") == 1
    assert (await scrape(other)).calls(CREATE_CHANNEL, "OK") == 0


@pytest.mark.parametrize("listen", ["0.0.0.0:0", "[::]:0", ":0"])
async def test_metrics_on_a_non_loopback_address_are_refused(listen: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(PlaintextRefused) as refused:
        await create_server(
            ServerOptions(
                listen="127.0.0.1:0", data_dir=data_dir, clock=ManualClock(), metrics_listen=listen
            )
        )
    assert "--metrics-listen" in str(refused.value)
    assert "--allow-insecure" in str(refused.value)
    assert not data_dir.exists()


async def test_allow_insecure_serves_metrics_on_every_interface_until_stopped(
    tmp_path: Path,
) -> None:
    running: RelaydeskServer = await create_server(
        ServerOptions(
            listen="127.0.0.1:0",
            data_dir=tmp_path / "data",
            clock=ManualClock(),
            metrics_listen="0.0.0.0:0",
            allow_insecure=True,
        )
    )
    await running.start()
    try:
        response = await scrape_port(running.metrics_port)
        assert response.status_code == 200
        assert "relaydesk_event_log_head" in response.text
    finally:
        await running.stop(grace=None)
    with pytest.raises(httpx.ConnectError):
        await scrape_port(running.metrics_port)


async def test_a_metrics_port_in_use_fails_the_start_and_releases_everything(
    tmp_path: Path,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=f"cannot serve metrics on 127.0.0.1:{port}"):
            await create_server(
                ServerOptions(
                    listen="127.0.0.1:0",
                    data_dir=tmp_path / "data",
                    clock=ManualClock(),
                    metrics_listen=f"127.0.0.1:{port}",
                )
            )
    # The database was closed: the next server on the same data directory starts.
    running = await create_server(
        ServerOptions(listen="127.0.0.1:0", data_dir=tmp_path / "data", clock=ManualClock())
    )
    await running.stop(grace=None)


@pytest.mark.parametrize(
    "value", ["9464", "127.0.0.1", "127.0.0.1:65536", "127.0.0.1:http", "::1:9464", "a b:1"]
)
def test_a_bad_metrics_address_is_a_usage_error_naming_the_flag(
    value: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["serve", f"--metrics-listen={value}"])
    assert exited.value.code == 2
    assert "argument --metrics-listen: " in capsys.readouterr().err
    monkeypatch.setenv("RELAYDESK_METRICS_LISTEN", value)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve"])
    assert "argument --metrics-listen: " in capsys.readouterr().err


def test_the_metrics_address_comes_from_the_flag_or_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert build_parser().parse_args(["serve"]).metrics_listen is None
    for listen in ("127.0.0.1:9464", "[::1]:0", "localhost:9464", "0.0.0.0:9464", ":9464"):
        args = build_parser().parse_args(["serve", "--metrics-listen", listen])
        assert args.metrics_listen == listen
    monkeypatch.setenv("RELAYDESK_METRICS_LISTEN", "127.0.0.1:9464")
    assert build_parser().parse_args(["serve"]).metrics_listen == "127.0.0.1:9464"


async def test_a_failing_routing_expression_is_counted(metered: Harness) -> None:
    rd = metered.client
    source = "'chat' in worker.attributes.skills_for_metrics_test"
    await new_queue(rd, target_workers=source)
    await new_worker(rd, "no-skills-here")
    scraped = await scrape(metered)
    assert scraped.number("relaydesk_expression_failures_total", expression=source) >= 1
