"""Three relaydesk servers on one PostgreSQL (API §15), measured in one run next to one
SQLite server: `python -m benchmarks.cluster` (part of `make bench`), `--quick` for a
smoke run.

1. Cross-server delivery: messages sent through the first server at a steady 200/s, each
   received by 100 subscribers spread over the two others; the latency from just before
   the send to the arrival (p50, p99). Target: p99 ≤ 50 ms.
2. Throughput: SendMessage on the three servers at once (one ghz run against each, at
   the same time), their sum as a ratio to one SQLite server's (one ghz run). Reported,
   with what bounds it.
3. Failover: a reservation's timeout, scheduled by a server that is then killed with
   SIGKILL, fires on another: how long after it fell due (it falls due after the kill).
   Target: ≤ 5 s.

PostgreSQL is the machine's (initdb into a temporary directory, on loopback, as the tests
start it); without its server programs the run says so and exits 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import grpc

from benchmarks import ghz, payloads
from benchmarks.children import ChildServer, start_relaydesk
from benchmarks.load import Subscribers, paced, percentile
from benchmarks.suites import FULL, QUICK, RelaydeskAdmin, Settings, bearer, latency_channels
from relaydesk.v1 import (
    event_pb2,
    event_service_pb2,
    event_service_pb2_grpc,
    queue_pb2,
    reservation_pb2,
    task_pb2,
    task_service_pb2,
    task_service_pb2_grpc,
    worker_pb2,
    workflow_pb2,
    workforce_service_pb2,
    workforce_service_pb2_grpc,
)
from tests.postgres_cluster import PostgresCluster, PostgresUnavailable

SERVERS = 3
CROSS_SERVER_P99_MS = 50.0
FAILOVER_S = 5.0
SEND_CHANNELS = 64
_REPO = Path(__file__).resolve().parent.parent
DEFAULT_JSON = _REPO / "build" / "bench" / "cluster.json"


@dataclasses.dataclass(frozen=True)
class CrossServer:
    samples: int
    p50_ms: float
    p99_ms: float
    max_ms: float


@dataclasses.dataclass(frozen=True)
class Throughput:
    cluster_rates: list[float]  # per round: the three servers' OK calls per second, summed
    single_rates: list[float]  # per round: the SQLite server's

    @property
    def ratio(self) -> float:
        return statistics.median(self.cluster_rates) / statistics.median(self.single_rates)


@dataclasses.dataclass(frozen=True)
class Failover:
    late_s: float  # after the timeout fell due, until the other server's event arrived
    fired_once: bool


async def cross_server(servers: list[ChildServer], key: str, settings: Settings) -> CrossServer:
    samples: list[int] = []

    def record(body: str) -> None:
        sent = payloads.sent_ns_of(body)
        if sent is not None:
            samples.append(time.monotonic_ns() - sent)

    async with grpc.aio.insecure_channel(servers[0].target) as control:
        relaydesk = RelaydeskAdmin(control, key)
        names = await relaydesk.create_channels(latency_channels(settings), "cross-server")
        count = round(settings.latency_rate * settings.latency_s)
        others = servers[1:]
        spread = [settings.latency_subscribers // len(others)] * len(others)
        spread[0] += settings.latency_subscribers - sum(spread)
        groups = [
            Subscribers(
                server.target,
                subscribers,
                relaydesk.open_stream(names),
                per_channel=settings.per_channel,
                on_body=record,
            )
            for server, subscribers in zip(others, spread, strict=True)
        ]
        warm_up = payloads.body("warm-up")
        async with contextlib.AsyncExitStack() as opened:
            for group in groups:
                await opened.enter_async_context(group)
            for group in groups:
                await group.establish(
                    lambda attempt: relaydesk.send(names[attempt % len(names)], warm_up),
                    timeout_s=settings.establish_timeout_s,
                )
            samples.clear()
            for group in groups:
                group.tally.expect_more(count)

            async def send_stamped(index: int) -> object:
                body = payloads.stamped_body(time.monotonic_ns())
                return await relaydesk.send(names[index % len(names)], body)

            await paced(send_stamped, rate=settings.latency_rate, count=count)
            for group in groups:
                if not await group.tally.wait(settings.delivery_timeout_s):
                    raise RuntimeError(
                        f"only {len(samples):,} deliveries arrived within "
                        f"{settings.delivery_timeout_s:.0f} s of the last send"
                    )
    samples.sort()
    return CrossServer(
        len(samples),
        percentile(samples, 0.50) / 1e6,
        percentile(samples, 0.99) / 1e6,
        samples[-1] / 1e6,
    )


async def _send_load(server: ChildServer, key: str) -> ghz.Load:
    async with grpc.aio.insecure_channel(server.target) as channel:
        names = await RelaydeskAdmin(channel, key).create_channels(SEND_CHANNELS, "send")
    data = [{"parent": name, "body": payloads.body()} for name in names]
    return ghz.Load("relaydesk.v1.ChannelService/SendMessage", json.dumps(data), bearer(key))


async def _drive(server: ChildServer, load: ghz.Load, settings: Settings, seconds: float) -> float:
    calls = await ghz.drive(
        server.target,
        load,
        concurrency=settings.concurrency,
        duration_s=seconds,
        server_cpu=server.cpu_seconds,
    )
    return calls.rate


async def throughput(
    cluster: list[ChildServer],
    cluster_key: str,
    single: ChildServer,
    single_key: str,
    settings: Settings,
) -> Throughput:
    cluster_loads = [await _send_load(server, cluster_key) for server in cluster]
    single_load = await _send_load(single, single_key)
    cluster_rates, single_rates = [], []
    for _ in range(settings.unary_rounds):
        await asyncio.gather(
            *(
                _drive(s, load, settings, settings.warm_up_s)
                for s, load in zip(cluster, cluster_loads, strict=True)
            )
        )
        rates = await asyncio.gather(
            *(
                _drive(s, load, settings, settings.duration_s)
                for s, load in zip(cluster, cluster_loads, strict=True)
            )
        )
        cluster_rates.append(sum(rates))
        await _drive(single, single_load, settings, settings.warm_up_s)
        single_rates.append(await _drive(single, single_load, settings, settings.duration_s))
    return Throughput(cluster_rates, single_rates)


async def failover(servers: list[ChildServer], key: str, timeout_s: int = 2) -> Failover:
    """Offers a task through the first server with a reservation timeout of `timeout_s`,
    kills that server at once, and waits on the second server's stream for the timeout."""
    metadata = (("authorization", f"Bearer {key}"),)
    wf = workforce_service_pb2
    async with (
        grpc.aio.insecure_channel(servers[0].target) as first,
        grpc.aio.insecure_channel(servers[1].target) as second,
    ):
        workforce = workforce_service_pb2_grpc.WorkforceServiceStub(first)
        queue = await workforce.CreateQueue(
            wf.CreateQueueRequest(queue=queue_pb2.Queue(display_name="failover")),
            metadata=metadata,
        )
        routing = workflow_pb2.Workflow(display_name="failover", default_queue=queue.queue.name)
        routing.reservation_timeout.seconds = timeout_s
        workflow = await workforce.CreateWorkflow(
            wf.CreateWorkflowRequest(workflow=routing), metadata=metadata
        )
        worker = await workforce.CreateWorker(
            wf.CreateWorkerRequest(worker=worker_pb2.Worker(identity="failover")),
            metadata=metadata,
        )
        activities = await workforce.ListActivities(wf.ListActivitiesRequest(), metadata=metadata)
        available = next(a.name for a in activities.activities if a.available)
        await workforce.SetWorkerActivity(
            wf.SetWorkerActivityRequest(name=worker.worker.name, activity=available),
            metadata=metadata,
        )
        events = event_service_pb2_grpc.EventServiceStub(second).Subscribe(
            event_service_pb2.SubscribeRequest(types=[event_pb2.EVENT_TYPE_RESERVATION_UPDATED]),
            metadata=metadata,
        )
        await events.initial_metadata()
        tasks = task_service_pb2_grpc.TaskServiceStub(first)
        await tasks.CreateTask(
            task_service_pb2.CreateTaskRequest(task=task_pb2.Task(workflow=workflow.workflow.name)),
            metadata=metadata,
        )
        due = time.monotonic() + timeout_s
        servers[0].process.kill()
        await servers[0].process.wait()
        timed_out = 0
        late = float("nan")
        async with asyncio.timeout(timeout_s + 30):
            async for response in events:
                if response.event.reservation.status == reservation_pb2.RESERVATION_STATUS_TIMEOUT:
                    late = time.monotonic() - due
                    timed_out += 1
                    break
        events.cancel()
    return Failover(late, timed_out == 1)


@dataclasses.dataclass(frozen=True)
class ClusterFigures:
    cross_server: CrossServer
    throughput: Throughput
    failover: Failover


async def measure(settings: Settings, root: Path) -> ClusterFigures:
    postgres = PostgresCluster(durable=True)
    postgres.start()
    started: list[ChildServer] = []
    try:
        url = postgres.new_database()
        cluster: list[ChildServer] = []
        for number in range(SERVERS):
            server, _ = await start_relaydesk(root / f"postgres{number}", database_url=url)
            cluster.append(server)
            started.append(server)
        key = (root / "postgres0" / "admin.key").read_text().strip()
        single, single_key = await start_relaydesk(root / "sqlite")
        started.append(single)
        print("cross-server delivery…", file=sys.stderr, flush=True)
        crossing = await cross_server(cluster, key, settings)
        print("throughput…", file=sys.stderr, flush=True)
        rates = await throughput(cluster, key, single, single_key, settings)
        print("failover…", file=sys.stderr, flush=True)
        taken_over = await failover(cluster, key)  # kills the first server: last
        return ClusterFigures(crossing, rates, taken_over)
    finally:
        for server in started:
            await server.stop()
        postgres.stop()


def lines(f: ClusterFigures, settings: Settings) -> list[str]:
    c, t, o = f.cross_server, f.throughput, f.failover
    met = "met" if c.p99_ms <= CROSS_SERVER_P99_MS else "MISSED"
    in_time = "met" if o.late_s <= FAILOVER_S and o.fired_once else "MISSED"
    return [
        f"Three relaydesk servers on one PostgreSQL ({settings.label} run)",
        f"  cross-server delivery, {settings.latency_rate:.0f} msg/s sent through one server to "
        f"{settings.latency_subscribers} subscribers on the other two: p50 {c.p50_ms:.1f} ms, "
        f"p99 {c.p99_ms:.1f} ms, max {c.max_ms:.1f} ms ({c.samples:,} deliveries); target "
        f"p99 ≤ {CROSS_SERVER_P99_MS:.0f} ms: {met}",
        f"  SendMessage, the three servers together: {statistics.median(t.cluster_rates):,.0f}/s "
        f"against one SQLite server's {statistics.median(t.single_rates):,.0f}/s: ratio "
        f"{t.ratio:.2f} (medians of {len(t.single_rates)} rounds)",
        f"  failover: a reservation timeout scheduled by a server killed with SIGKILL fired on "
        f"another {o.late_s:.2f} s after it fell due, {'once' if o.fired_once else 'NOT once'}; "
        f"target ≤ {FAILOVER_S:.0f} s: {in_time}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.cluster",
        description="Three relaydesk servers on one PostgreSQL, next to one SQLite server.",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run with smaller counts")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH")
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(given)
    settings = QUICK if args.quick else FULL
    try:
        with tempfile.TemporaryDirectory(prefix="relaydesk-cluster-") as tmp:
            figures = asyncio.run(measure(settings, Path(tmp)))
    except PostgresUnavailable as error:
        print(f"error: no PostgreSQL to run three servers on: {error}", file=sys.stderr)
        return 1
    text = lines(figures, settings)
    print("\n".join(text))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "command": shlex.join(["python", "-m", "benchmarks.cluster", *given]),
        "figures": dataclasses.asdict(figures),
        "cluster_ratio": figures.throughput.ratio,
        "lines": text,
    }
    args.json.write_text(json.dumps(document, indent=2) + "\n")
    c, o = figures.cross_server, figures.failover
    return 0 if c.p99_ms <= CROSS_SERVER_P99_MS and o.late_s <= FAILOVER_S and o.fired_once else 1


if __name__ == "__main__":
    sys.exit(main())
