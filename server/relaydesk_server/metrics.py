"""Prometheus metrics (API §12, `--metrics-listen`): text exposition at `/metrics`.

Each server has its own registry (never prometheus-client's global one), so
several servers in one process keep their figures apart. Three kinds of figure:

- per call, recorded by the call pipeline once a call ends (a stream when it
  ends), on either transport (`grpc`, or `http` for the browser endpoint):
  `relaydesk_rpc_total{method, transport, code}` and
  `relaydesk_rpc_duration_seconds{method, transport}`;
- per writer batch, recorded on the writer thread after each commit:
  `relaydesk_writer_batch_size` and `relaydesk_writer_commit_seconds`;
- read when scraped, on the scraping thread: `relaydesk_open_streams{kind}`,
  `relaydesk_event_log_head`, `relaydesk_tasks{status}`,
  `relaydesk_outbound_deliveries_pending` and
  `relaydesk_webhook_postings_pending` (one read on the store's reader pool,
  never the event loop nor the writer).

The endpoint is a small threaded HTTP server of its own, always plaintext.
"""

from __future__ import annotations

import asyncio
import bisect
import dataclasses
import functools
import logging
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import grpc
from prometheus_client import CollectorRegistry, Histogram, make_wsgi_app
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from relaydesk_server.domain import expressions
from relaydesk_server.domain.ports import Store
from relaydesk_server.domain.stats_model import Backlog
from relaydesk_server.events.stream import EventStreams
from relaydesk_server.workers.dispatch import OutboundDispatcher

log = logging.getLogger(__name__)

PATH = "/metrics"
# Call durations: from a fraction of a millisecond (a read) to seconds (a slow
# write); a stream's lifetime lands in +Inf.
RPC_BUCKETS = (
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)
# Writes per batch, up to the writer's MAX_BATCH (512).
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
COMMIT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
# How long a scrape waits for its read of the backlog before leaving those gauges out.
SCRAPE_READ_TIMEOUT_S = 2.0
STREAM_KINDS = ("subscribe", "outbound")


def parse_listen(text: str) -> tuple[str, int]:
    """HOST:PORT (`[::1]:9464` for IPv6; an empty host is every interface) as (host, port);
    ValueError with the reason otherwise."""
    host, colon, port_text = text.rpartition(":")
    if not colon or not port_text.isdigit() or int(port_text) > 65535:
        raise ValueError(f"{text!r} is not HOST:PORT (a port from 0 to 65535)")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif ":" in host:
        raise ValueError(f"{text!r}: an IPv6 host goes in brackets, as in [::1]:{port_text}")
    if any(c.isspace() or c in "/[]" for c in host):
        raise ValueError(f"{text!r} is not HOST:PORT")
    return host, int(port_text)


class _MethodFigures:
    """One method's calls on one transport: counts by status code, and its durations by
    bucket (not cumulative; the last is +Inf) with their sum."""

    __slots__ = ("buckets", "codes", "name", "seconds", "transport")

    def __init__(self, name: str, transport: str) -> None:
        self.name = name
        self.transport = transport
        self.codes: dict[grpc.StatusCode, int] = {}
        self.buckets = [0] * (len(RPC_BUCKETS) + 1)
        self.seconds = 0.0


class _CallFigures(Collector):
    """The per-call counter and histogram.

    Plain integers updated on the event loop, without the locks of prometheus-client's
    metric objects (a few times cheaper per call); the scraping thread copies them. Each
    method's count is the total of its buckets, so a scrape's histogram always adds up.
    """

    def __init__(self) -> None:
        self._methods: dict[tuple[str, str], _MethodFigures] = {}

    def record(self, method: str, code: grpc.StatusCode, seconds: float, transport: str) -> None:
        figures = self._methods.get((method, transport))
        if figures is None:
            figures = self._methods[(method, transport)] = _MethodFigures(
                method.lstrip("/"), transport
            )
        figures.codes[code] = figures.codes.get(code, 0) + 1
        figures.buckets[bisect.bisect_left(RPC_BUCKETS, seconds)] += 1
        figures.seconds += seconds

    def describe(self) -> Iterable[Metric]:
        return self._families([])

    def collect(self) -> Iterable[Metric]:
        # Each copy is one step under the GIL, so none is torn; a call recorded meanwhile
        # may show in one method's counter and not yet in its histogram.
        copies = [
            (
                (figures.name, figures.transport),
                list(figures.codes.items()),
                list(figures.buckets),
                figures.seconds,
            )
            for figures in list(self._methods.values())
        ]
        return self._families(copies)

    @staticmethod
    def _families(
        copies: list[tuple[tuple[str, str], list[tuple[grpc.StatusCode, int]], list[int], float]],
    ) -> list[Metric]:
        calls = CounterMetricFamily(
            "relaydesk_rpc",
            "Calls ended, by method, transport and status code (a stream counts when it ends).",
            labels=["method", "transport", "code"],
        )
        durations = HistogramMetricFamily(
            "relaydesk_rpc_duration_seconds",
            "How long calls took, from arrival to their status (a stream: its lifetime).",
            labels=["method", "transport"],
        )
        bounds = [*(str(bound) for bound in RPC_BUCKETS), "+Inf"]
        for (name, transport), codes, buckets, seconds in sorted(copies, key=lambda c: c[0]):
            for code, count in sorted(codes, key=lambda item: item[0].name):
                calls.add_metric([name, transport, code.name], count)
            cumulative = 0
            points: list[tuple[str, float]] = []
            for bound, count in zip(bounds, buckets, strict=True):
                cumulative += count
                points.append((bound, cumulative))
            durations.add_metric([name, transport], points, seconds)
        return [calls, durations]


@dataclasses.dataclass(frozen=True)
class Gauges:
    """What a scrape reads from the running server."""

    event_log_head: int
    open_streams: dict[str, int]  # by kind
    backlog: Backlog | None  # None when it could not be read in time


class _ScrapeTime(Collector):
    """The gauges, from `read()` at each scrape (on the scraping thread)."""

    def __init__(self, read: Callable[[], Gauges]) -> None:
        self._read = read

    def describe(self) -> Iterable[Metric]:
        return list(self._families(None))

    def collect(self) -> Iterable[Metric]:
        return list(self._families(self._read()))

    def _families(self, gauges: Gauges | None) -> Iterator[Metric]:
        streams = GaugeMetricFamily(
            "relaydesk_open_streams", "Streaming calls in progress, by kind.", labels=["kind"]
        )
        head = GaugeMetricFamily(
            "relaydesk_event_log_head", "The sequence of the newest committed event."
        )
        tasks = GaugeMetricFamily(
            "relaydesk_tasks",
            "Tasks not yet completed or canceled, by status.",
            labels=["status"],
        )
        deliveries = GaugeMetricFamily(
            "relaydesk_outbound_deliveries_pending",
            "Outbound deliveries not yet acknowledged by a gateway.",
        )
        postings = GaugeMetricFamily(
            "relaydesk_webhook_postings_pending",
            "Webhook postings not yet answered with a 2xx or given up on.",
        )
        if gauges is not None:
            for kind in STREAM_KINDS:
                streams.add_metric([kind], gauges.open_streams.get(kind, 0))
            head.add_metric([], gauges.event_log_head)
            if gauges.backlog is not None:
                for status, count in gauges.backlog.tasks.items():
                    tasks.add_metric([status], count)
                deliveries.add_metric([], gauges.backlog.deliveries_pending)
                postings.add_metric([], gauges.backlog.webhook_postings_pending)
        # Routing expressions that failed while evaluating (each counted as no match).
        expression_failures = CounterMetricFamily(
            "relaydesk_expression_failures",
            "Routing expressions that failed while evaluating, by expression.",
            labels=["expression"],
        )
        if gauges is not None:
            for source, count in sorted(expressions.failures.items()):
                expression_failures.add_metric([source], count)
        yield streams
        yield head
        yield expression_failures
        if gauges is None or gauges.backlog is not None:
            yield from (tasks, deliveries, postings)


def gauge_reader(
    store: Store, streams: EventStreams, outbound: OutboundDispatcher
) -> Callable[[], Gauges]:
    """Reads the gauges from a running server: counters it keeps in memory, and one read
    transaction on the store's reader pool for the backlog."""

    def read() -> Gauges:
        try:
            counted: Backlog | None = store.read_blocking(
                lambda tx: tx.stats.backlog(), SCRAPE_READ_TIMEOUT_S
            )
        except Exception as error:  # a busy or closing store: the other figures still go out
            log.warning("metrics: the backlog could not be read (%s)", error or type(error))
            counted = None
        return Gauges(
            event_log_head=store.last_sequence,
            open_streams={"subscribe": streams.open_streams, "outbound": outbound.connected},
            backlog=counted,
        )

    return read


class ServerMetrics:
    """One server's registry and the hooks that feed it."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._calls = _CallFigures()
        self.registry.register(self._calls)
        # On the event loop, once per call as it ends.
        self.record_call = self._calls.record
        self._batch_sizes = Histogram(
            "relaydesk_writer_batch_size",
            "Writes committed together by the writer, per batch.",
            buckets=BATCH_BUCKETS,
            registry=self.registry,
        )
        self._commit_seconds = Histogram(
            "relaydesk_writer_commit_seconds",
            "How long each writer batch took, from BEGIN until its COMMIT was durable.",
            buckets=COMMIT_BUCKETS,
            registry=self.registry,
        )

    def observe_batch(self, writes: int, seconds: float) -> None:
        """On the writer thread, after each committed batch."""
        self._batch_sizes.observe(writes)
        self._commit_seconds.observe(seconds)

    def watch(self, read: Callable[[], Gauges]) -> None:
        """Adds the gauges read at scrape time."""
        self.registry.register(_ScrapeTime(read))


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Scrapes are not logged (one every few seconds, forever)."""


def _only_metrics(app: Any) -> Any:
    """The exposition at PATH; 404 elsewhere."""

    def serve(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == PATH:
            return app(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [f"not found: the metrics are at {PATH}\n".encode()]

    return serve


class MetricsEndpoint:
    """The HTTP server of `/metrics`: bound when made, serving once started, on threads of
    its own."""

    def __init__(self, listen: str, registry: CollectorRegistry) -> None:
        host, port = parse_listen(listen)
        family = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0][0]

        class Server(ThreadingMixIn, WSGIServer):
            address_family = family
            daemon_threads = True

        self._httpd = make_server(
            host, port, _only_metrics(make_wsgi_app(registry)), Server, _QuietHandler
        )
        self.port: int = self._httpd.server_port
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(
            target=functools.partial(self._httpd.serve_forever, poll_interval=0.1),
            name="relaydesk-metrics",
            daemon=True,
        )
        self._thread.start()

    async def close(self) -> None:
        if self._thread is not None:
            await asyncio.to_thread(self._httpd.shutdown)
            self._thread = None
        self._httpd.server_close()
