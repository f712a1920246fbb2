"""Runs every measurement, prints the table, and writes the JSON file and the chart.

Both servers are up for the whole run, each in its own child process, and are measured
one at a time: every figure alternates baseline and relaydesk, round after round, so that
whatever else the machine is doing at the time weighs on both sides alike. The unary
figures add two relaydesk servers for their rounds (one serving metrics, one taking the
DeliverInbound calls, so that their conversations weigh on no other figure). The memory
figure uses a fresh server of each kind, so that earlier runs do not show in it.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import shlex
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

import grpc
from google import protobuf

from benchmarks import chart, ghz, payloads, report, routing, suites
from benchmarks.children import ChildServer, start_bare, start_relaydesk
from benchmarks.ghz import Calls
from benchmarks.load import CpuUse, FanOut, describe_errors, percentile
from benchmarks.report import Failure, Outcome
from benchmarks.suites import IdleMemory, Latency, Scraped, Settings

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Started:
    """A running server and the credential its clients send ("" for the bare server)."""

    server: ChildServer
    key: str


Make = Callable[[ChildServer, str], Awaitable[T]]  # measures once: make(server, key)
Server = Started | Failure

_SETUP_S = 60.0  # allowance, within a measurement, for opening streams and creating channels


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def _start(name: str, starting: Callable[[], Awaitable[Started]]) -> Server:
    _progress(f"starting the {name} server")
    try:
        return await starting()
    except Exception as error:
        failure = report.failure_of(error, _SETUP_S)
        _progress(f"  {failure.text}")
        return failure


async def _bare() -> Started:
    return Started(await start_bare(), "")


async def _relaydesk(data_dir: Path, *, metrics: bool = False) -> Started:
    return Started(*await start_relaydesk(data_dir, metrics=metrics))


async def _stop(started: Server) -> None:
    if not isinstance(started, Failure):
        await started.server.stop()


async def _measure(what: str, started: Server, make: Make[T], timeout_s: float) -> Outcome[T]:
    """`make(server, key)`, bounded by `timeout_s`; a Failure when it cannot be measured."""
    if isinstance(started, Failure):
        return started
    server = started.server
    _progress(f"measuring {what}")
    try:
        server.check_alive()
        async with asyncio.timeout(timeout_s):
            return await make(server, started.key)
    except Exception as error:
        failure = report.failure_of(error, timeout_s)
        if server.process.returncode is not None and not failure.unimplemented:
            failure = Failure(f"failed: the {server.name} server exited")
        _progress(f"  {failure.text}")
        return failure


@dataclasses.dataclass(frozen=True)
class Pair(Generic[T]):
    """One figure's measurements, round by round: the baseline's and relaydesk's."""

    bare: Outcome[list[T]]
    relaydesk: Outcome[list[T]]


async def _alternate(
    what: str,
    rounds: int,
    bare: tuple[Server, Make[T]],
    relaydesk: tuple[Server, Make[T]],
    timeout_s: float,
) -> Pair[T]:
    """Measures baseline then relaydesk, `rounds` times; a side stops at its first failure."""
    sides = await _alternate_sides(
        what, rounds, [("bare", *bare), ("relaydesk", *relaydesk)], timeout_s
    )
    return Pair(sides[0], sides[1])


async def _alternate_sides(
    what: str,
    rounds: int,
    sides: Sequence[tuple[str, Server, Make[T]]],
    timeout_s: float,
) -> list[Outcome[list[T]]]:
    """Measures each side in turn, `rounds` times: the first (the baseline) first, the
    others taking turns at going next; a side stops at its first failure."""
    outcomes: list[Outcome[list[T]]] = [[] for _ in sides]
    order = list(range(len(sides)))
    for round_ in range(1, rounds + 1):
        for index in order:
            label, started, make = sides[index]
            done = outcomes[index]
            if isinstance(done, Failure):
                continue
            counter = f", round {round_} of {rounds}" if rounds > 1 else ""
            outcome = await _measure(f"{what}: {label}{counter}", started, make, timeout_s)
            outcomes[index] = outcome if isinstance(outcome, Failure) else [*done, outcome]
        order = [order[0], *order[2:], *order[1:2]]
    return outcomes


@dataclasses.dataclass(frozen=True)
class Side:
    """One side of the unary figures: what it calls, on which server, and how it is named."""

    key: str  # in the JSON file
    label: str  # in the table and the chart
    call: str


ECHO = Side("echo", "echo", "relaydesk.benchmarks.Bare/Echo")
HOP = Side("writer_hop", "writer hop", "relaydesk.benchmarks.Bare/HopEcho")
PROCESS_HOP = Side("process_hop", "writer process hop", "relaydesk.benchmarks.Bare/ProcessHopEcho")
SEND = Side("send_message", "SendMessage", "relaydesk.v1.ChannelService/SendMessage")
SEND_METERED = Side(
    "send_message_metrics_on",
    "SendMessage, metrics on",
    SEND.call,
)
# The control of the metrics figure: a third relaydesk server, the same as the first, whose
# difference from it is what two identical servers differ by in one run.
SEND_TWIN = Side(
    "send_message_twin",
    "SendMessage, a second server",
    SEND.call,
)
INBOUND = Side(
    "deliver_inbound",
    "DeliverInbound, new conversation",
    "relaydesk.v1.GatewayService/DeliverInbound",
)
UNARY_SIDES = (ECHO, HOP, PROCESS_HOP, SEND, SEND_METERED, SEND_TWIN, INBOUND)


@dataclasses.dataclass(frozen=True)
class Figures:
    # ghz's runs, round by round, one entry per side of UNARY_SIDES (by key).
    unary: dict[str, Outcome[list[Calls]]]
    fan_out: dict[int, Pair[FanOut]]
    latency: Pair[Latency]
    memory: Pair[IdleMemory]
    routing: Outcome[routing.RoutingFigures]
    # What the /metrics of the relaydesk serving metrics said after the unary rounds.
    scraped: Outcome[Scraped]

    def failures(self) -> list[Failure]:
        sides: list[object] = [*self.unary.values(), self.routing, self.scraped]
        for pair in self.fan_out.values():
            sides += [pair.bare, pair.relaydesk]
        sides += [self.latency.bare, self.latency.relaydesk]
        sides += [self.memory.bare, self.memory.relaydesk]
        return [side for side in sides if isinstance(side, Failure)]


async def measure_all(settings: Settings, data_root: Path) -> Figures:
    s = settings
    unary_s = 2 * ghz.START_ALLOWANCE_S + s.warm_up_s + s.duration_s + _SETUP_S
    fan_out_s = s.establish_timeout_s + 2 * s.delivery_timeout_s + _SETUP_S
    latency_s = s.establish_timeout_s + s.latency_s + s.delivery_timeout_s + _SETUP_S
    memory_s = s.idle_establish_timeout_s + s.idle_s + _SETUP_S

    bare = await _start("bare", _bare)
    relaydesk = await _start("relaydesk", lambda: _relaydesk(data_root / "data"))
    metered = await _start(
        "relaydesk with metrics", lambda: _relaydesk(data_root / "metered", metrics=True)
    )
    twin = await _start("relaydesk, a second one", lambda: _relaydesk(data_root / "twin"))
    inbound = await _start(
        "relaydesk for DeliverInbound", lambda: _relaydesk(data_root / "inbound")
    )
    try:
        send = suites.relaydesk_send(s)
        outcomes = await _alternate_sides(
            "unary calls (ghz)",
            s.unary_rounds,
            [
                (ECHO.label, bare, lambda server, _: suites.bare_calls(server, "Echo", s)),
                (HOP.label, bare, lambda server, _: suites.bare_calls(server, "HopEcho", s)),
                (
                    PROCESS_HOP.label,
                    bare,
                    lambda server, _: suites.bare_calls(server, "ProcessHopEcho", s),
                ),
                (SEND.label, relaydesk, send),
                (SEND_METERED.label, metered, send),
                (SEND_TWIN.label, twin, send),
                (INBOUND.label, inbound, suites.relaydesk_inbound(s)),
            ],
            unary_s,
        )
        unary = {side.key: outcome for side, outcome in zip(UNARY_SIDES, outcomes, strict=True)}
        scraped = await _measure(
            "the metrics endpoint",
            metered,
            lambda server, _: suites.relaydesk_scrape(server),
            _SETUP_S,
        )
        # The figures below are measured without these three.
        await _stop(metered)
        await _stop(twin)
        await _stop(inbound)
        fan_out: dict[int, Pair[FanOut]] = {}
        for subscribers, messages in s.fan_out:
            fan_out[subscribers] = await _alternate(
                f"fan-out to {subscribers}",
                s.rounds,
                (bare, _bare_fan_out(subscribers, messages, s)),
                (relaydesk, _relaydesk_fan_out(subscribers, messages, s)),
                fan_out_s,
            )
        latency = await _alternate(
            "latency",
            1,
            (bare, lambda server, _: suites.bare_latency(server, s)),
            (relaydesk, lambda server, key: suites.relaydesk_latency(server, key, s)),
            latency_s,
        )
    finally:
        await _stop(bare)
        await _stop(relaydesk)
        await _stop(metered)
        await _stop(twin)
        await _stop(inbound)

    fresh_bare = await _start("bare", _bare)
    fresh_relaydesk = await _start("relaydesk", lambda: _relaydesk(data_root / "idle"))
    try:
        memory = await _alternate(
            f"{s.idle_subscribers} idle subscribers",
            1,
            (fresh_bare, lambda server, _: suites.bare_idle_memory(server, s)),
            (fresh_relaydesk, lambda server, key: suites.relaydesk_idle_memory(server, key, s)),
            memory_s,
        )
    finally:
        await _stop(fresh_bare)
        await _stop(fresh_relaydesk)

    routing_data = data_root / "routing"
    routing_server = await _start("relaydesk", lambda: _relaydesk(routing_data))
    try:
        routing_figures = await _measure(
            "routing",
            routing_server,
            lambda server, key: routing.measure_routing(
                server.target, key, routing_data / "relaydesk.db", s.routing
            ),
            s.routing.burst_timeout_s + 10 * _SETUP_S,
        )
    finally:
        await _stop(routing_server)
    return Figures(unary, fan_out, latency, memory, routing_figures, scraped)


def _bare_fan_out(subscribers: int, messages: int, settings: Settings) -> Make[FanOut]:
    async def make(server: ChildServer, key: str) -> FanOut:
        return await suites.bare_fan_out(server, subscribers, messages, settings)

    return make


def _relaydesk_fan_out(subscribers: int, messages: int, settings: Settings) -> Make[FanOut]:
    async def make(server: ChildServer, key: str) -> FanOut:
        return await suites.relaydesk_fan_out(server, key, subscribers, messages, settings)

    return make


# -- the report -------------------------------------------------------------------------


def _median(outcome: Outcome[list[T]], figure: Callable[[T], float]) -> float | Failure:
    """The median over the rounds of `figure`, or the Failure."""
    if isinstance(outcome, Failure):
        return outcome
    return statistics.median(figure(result) for result in outcome)


def _rate(result: Calls | FanOut) -> float:
    return result.rate


def _calls_rate(f: Figures, side: Side) -> float | Failure:
    return _median(f.unary[side.key], _rate)


def _calls_latency(f: Figures, side: Side, percent: int) -> float | Failure:
    return _median(f.unary[side.key], lambda calls: calls.latency_ms.get(percent, float("nan")))


def _calls_percentiles(f: Figures, side: Side) -> report.Percentiles | Failure:
    p50, p99 = _calls_latency(f, side, 50), _calls_latency(f, side, 99)
    if isinstance(p50, Failure):
        return p50
    assert not isinstance(p99, Failure)
    return p50, p99


def rows(settings: Settings, f: Figures) -> list[report.Row]:
    echo, hop = _calls_rate(f, ECHO), _calls_rate(f, HOP)
    send, inbound = _calls_rate(f, SEND), _calls_rate(f, INBOUND)
    per_s = report.per_second
    result = [
        report.at_least_ratio_row(
            "unary.writer_hop_vs_echo",
            f"unary calls/s (ghz, {settings.concurrency} in flight): writer hop vs echo",
            hop,
            echo,
            per_s,
            None,
        ),
        report.at_least_ratio_row(
            "unary.process_hop_vs_echo",
            "unary calls/s: writer process hop vs echo",
            _calls_rate(f, PROCESS_HOP),
            echo,
            per_s,
            None,
        ),
        report.at_least_ratio_row(
            "unary.send_message_vs_echo",
            "unary calls/s: SendMessage vs echo",
            send,
            echo,
            per_s,
            0.60,
        ),
        report.at_least_ratio_row(
            "unary.send_message_vs_writer_hop",
            "unary calls/s: SendMessage vs writer hop",
            send,
            hop,
            per_s,
            None,
        ),
        report.at_least_ratio_row(
            "unary.deliver_inbound_vs_echo",
            "unary calls/s: DeliverInbound, new conversation, vs echo",
            inbound,
            echo,
            per_s,
            0.25,
        ),
        report.at_least_ratio_row(
            "unary.deliver_inbound_vs_writer_hop",
            "unary calls/s: DeliverInbound, new conversation, vs writer hop",
            inbound,
            hop,
            per_s,
            None,
        ),
        report.cost_row(
            "unary.metrics_cost",
            "unary calls/s: SendMessage with metrics on; baseline: metrics off",
            _calls_rate(f, SEND_METERED),
            send,
            per_s,
            0.03,
        ),
        report.cost_row(
            "unary.twin_difference",
            "unary calls/s: SendMessage on a second, identical server (the metrics "
            "figure's control); baseline: the first",
            _calls_rate(f, SEND_TWIN),
            send,
            per_s,
            None,
        ),
    ]
    for side in (HOP, PROCESS_HOP, SEND, INBOUND):
        result.append(
            report.latency_pair_row(
                f"unary.latency.{side.key}",
                f"unary latency p50 / p99: {side.label}; baseline: echo",
                _calls_percentiles(f, side),
                _calls_percentiles(f, ECHO),
            )
        )
    for subscribers, pair in f.fan_out.items():
        result.append(
            report.at_least_ratio_row(
                f"fan_out.{subscribers}",
                f"fan-out deliveries/s, {subscribers} subscribers",
                _median(pair.relaydesk, _rate),
                _median(pair.bare, _rate),
                per_s,
                0.70,
            )
        )
    latency = (
        f"delivery latency {{}}, {settings.latency_subscribers} subscribers, "
        f"{settings.latency_rate:g} msg/s"
    )

    def p50(result: Latency) -> float:
        return result.p50_ms

    def p99(result: Latency) -> float:
        return result.p99_ms

    def rss(result: IdleMemory) -> float:
        return result.after.rss_mib

    def idle_cores(result: IdleMemory) -> float:
        return result.idle_cores

    result += [
        report.at_most_row(
            "delivery_latency.p50",
            latency.format("p50"),
            _median(f.latency.relaydesk, p50),
            _median(f.latency.bare, p50),
            report.milliseconds,
            None,
        ),
        report.at_most_row(
            "delivery_latency.p99",
            latency.format("p99"),
            _median(f.latency.relaydesk, p99),
            _median(f.latency.bare, p99),
            report.milliseconds,
            25.0,
        ),
        report.at_most_row(
            "memory.idle_subscribers",
            f"server RSS, {settings.idle_subscribers:,} idle subscribers",
            _median(f.memory.relaydesk, rss),
            _median(f.memory.bare, rss),
            report.mebibytes,
            1024.0,
        ),
        report.at_most_row(
            "cpu.idle_subscribers",
            f"server CPU, {settings.idle_subscribers:,} idle subscribers (cores)",
            _median(f.memory.relaydesk, idle_cores),
            _median(f.memory.bare, idle_cores),
            report.cores,
            0.05,
        ),
    ]
    return result + _routing_rows(settings, f)


def _routing_rows(settings: Settings, f: Figures) -> list[report.Row]:
    r = settings.routing
    scene = f"{r.workers:,} workers, {r.queues} queues, {r.backlog:,} waiting"
    outcome = f.routing
    available: float | Failure
    created: float | Failure
    burst: float | Failure
    rate: float | Failure
    if isinstance(outcome, Failure):
        available = created = burst = rate = outcome
    else:
        available = percentile(outcome.decisions.worker_available_ms, 0.99)
        created = percentile(outcome.decisions.task_created_ms, 0.99)
        burst, rate = outcome.burst.seconds, outcome.burst.rate
    return [
        report.absolute_row(
            "routing.worker_available_p99",
            f"assignment decision p99, a worker available ({scene})",
            available,
            report.milliseconds_fine,
            2.0,
        ),
        report.absolute_row(
            "routing.task_created_p99",
            "assignment decision p99, a task created (every worker free)",
            created,
            report.milliseconds_fine,
            2.0,
        ),
        report.absolute_row(
            "routing.burst_seconds",
            f"burst: {r.workers * r.capacity:,} tasks offered to workers going Available",
            burst,
            report.seconds,
            10.0,
        ),
        report.at_most_row(
            "routing.burst_vs_echo",
            "burst offers/s (each a write) vs echo calls/s",
            rate,
            _calls_rate(f, ECHO),
            report.per_second,
            None,
        ),
    ]


def _cpu(use: CpuUse, client: str = "clients") -> str:
    return f"server {use.server_cores:.2f}, {client} {use.client_cores:.2f} cores"


def _per_round(
    label: str, outcome: Outcome[list[T]], describe: Callable[[T], str], cpu: Callable[[T], str]
) -> list[str]:
    """One line per side: each round's figure, with the CPU each process used meanwhile."""
    if isinstance(outcome, Failure):
        return []
    rounds = (f"{describe(result)} (CPU {cpu(result)})" for result in outcome)
    return [f"  {label}: {'; '.join(rounds)}."]


def gap(f: Figures) -> dict[str, dict[str, float]] | None:
    """relaydesk's ratios to echo, each split in two factors: writer hop / echo (what
    handing each call to a writer thread and back costs by itself) and relaydesk / writer
    hop (what relaydesk does per call besides); and the same in time per call, the inverse
    of each rate (every server is CPU-bound here, at about one core): echo's, what the hop
    adds to it, and what relaydesk adds to the hop. None when a bare side is missing."""
    echo, hop = _calls_rate(f, ECHO), _calls_rate(f, HOP)
    if isinstance(echo, Failure) or isinstance(hop, Failure):
        return None
    split: dict[str, dict[str, float]] = {}
    for side in (SEND, INBOUND):
        rate = _calls_rate(f, side)
        if not isinstance(rate, Failure):
            split[side.key] = {
                "vs_echo": rate / echo,
                "writer_hop_vs_echo": hop / echo,
                "ours_vs_writer_hop": rate / hop,
                "echo_us_per_call": 1e6 / echo,
                "writer_hop_adds_us": 1e6 / hop - 1e6 / echo,
                "ours_adds_us": 1e6 / rate - 1e6 / hop,
            }
    return split


def notes(settings: Settings, f: Figures) -> list[str]:
    s = settings
    lines = [
        f"Throughput figures: medians of {s.unary_rounds} rounds (unary) and {s.rounds} "
        "(fan-out), the sides taking turns within each round, the baseline first. CPU: what "
        "the server process and the client (ghz, or this process) used while a round was "
        "timed; a side that uses a whole core is the bottleneck.",
        f"unary: ghz {ghz.version()}, {s.concurrency} calls in flight on one connection; per "
        f"round and side a {s.warm_up_s:g} s run not counted, then a {s.duration_s:g} s run "
        "counted: calls/s = calls answered OK / the run's time (calls still in flight at the "
        "end are left out), latency percentiles from ghz over the OK calls. echo and writer "
        f"hop send a Payload of {len(payloads.echo_payload())} bytes (an encoded "
        "SendMessageRequest); writer hop is echo behind a thread that resolves the calls' "
        "futures in batches and does nothing else, the threading of relaydesk's storage "
        f"writer. SendMessage sends a {payloads.BODY_CHARS}-character body, the calls taking "
        f"{suites.SEND_CHANNELS} channels in turn (each under its write limit of 30 "
        "messages/s). DeliverInbound sends an SMS of the same body to an enabled flow (a task "
        "for a queue no worker serves), each call from a new customer address with a new "
        "external id: every call starts a conversation (channel, customer member, session, "
        "task), on a relaydesk server of its own.",
    ]
    split = gap(f)
    if split:
        for key, label in ((SEND.key, SEND.label), (INBOUND.key, INBOUND.label)):
            if key in split:
                parts = split[key]
                lines.append(
                    f"  {label} vs echo {parts['vs_echo']:.2f} is writer hop vs echo "
                    f"{parts['writer_hop_vs_echo']:.2f} (the hop's share of the gap) times "
                    f"{label} vs writer hop {parts['ours_vs_writer_hop']:.2f} (ours); per call "
                    f"(1/rate): echo {parts['echo_us_per_call']:.0f} µs, the hop adds "
                    f"{parts['writer_hop_adds_us']:.0f} µs, {label} "
                    f"{parts['ours_adds_us']:.0f} µs more."
                )
    for side in UNARY_SIDES:
        unary = f.unary[side.key]
        lines += _per_round(
            side.label,
            unary,
            lambda calls: (
                f"{report.per_second(calls.rate)}, p50 {calls.latency_ms.get(50, 0):.1f} ms, "
                f"p99 {calls.latency_ms.get(99, 0):.1f} ms"
            ),
            lambda calls: _cpu(calls.cpu, "ghz"),
        )
        if not isinstance(unary, Failure):
            errors: Counter[str] = Counter()
            for result in unary:
                errors.update(result.errors)
            if errors:
                lines.append(f"  {side.label} errors, not counted: {describe_errors(errors)}.")
    lines += _metrics_notes(f)
    for (subscribers, messages), pair in zip(s.fan_out, f.fan_out.values(), strict=True):
        lines.append(
            f"fan-out to {subscribers}: {messages} messages to each of {subscribers} subscribers "
            f"({s.per_channel} per grpc.aio channel), timed from the first publish until every "
            "subscriber has them all; bare: one Publish call puts them in every queue; "
            f"relaydesk: {s.senders} concurrent SendMessage callers over "
            f"{suites.fan_out_channels(messages)} channel(s), every subscriber subscribed to "
            "all of them (MESSAGE_ADDED only). Clients: this process."
        )
        for label, fan_side in (("bare", pair.bare), ("relaydesk", pair.relaydesk)):
            lines += _per_round(
                label,
                fan_side,
                lambda fan: f"{fan.deliveries:,} in {fan.seconds:.2f} s",
                lambda fan: _cpu(fan.cpu),
            )
    lines.append(
        f"latency: {s.latency_rate:g} messages/s on an absolute schedule for {s.latency_s:g} s "
        f"to {s.latency_subscribers} subscribers, send→receipt of every delivery as the "
        f"subscriber sees it; relaydesk spreads them over {suites.latency_channels(s)} channels "
        "(each under its write limit), every subscriber subscribed to all of them."
    )
    for label, latency_side in (("bare", f.latency.bare), ("relaydesk", f.latency.relaydesk)):
        lines += _per_round(
            label,
            latency_side,
            lambda latency: (
                f"{latency.samples:,} deliveries, max {latency.max_ms:.1f} ms, the worst send "
                f"{latency.max_late_ms:.1f} ms behind schedule"
            ),
            lambda latency: _cpu(latency.cpu),
        )
    lines.append(
        f"memory: VmRSS of a fresh server process before any subscriber, and with "
        f"{s.idle_subscribers} Subscribe streams open and idle (each has received one message, "
        "which shows it is live)."
    )
    for label, memory_side in (("bare", f.memory.bare), ("relaydesk", f.memory.relaydesk)):
        if not isinstance(memory_side, Failure):
            for memory in memory_side:
                lines.append(
                    f"  {label}: {memory.before.rss_mib:.0f} → {memory.after.rss_mib:.0f} MiB, "
                    f"peak (VmHWM) {memory.after.peak_mib:.0f} MiB; "
                    f"{memory.idle_cores:.3f} cores while idle for {s.idle_s:.0f} s."
                )
    lines += _routing_notes(s, f)
    return lines


def _metrics_notes(f: Figures) -> list[str]:
    lines = [
        "metrics on vs off: a second relaydesk server, the same but for "
        "--metrics-listen=127.0.0.1:0, measured in the same rounds with the same ghz load "
        "(the relaydesk servers take turns at going first); cost = 1 - on/off "
        "(below 0 it is noise). Its control: a third relaydesk server, the same as the "
        "first in every way, in the same rounds; what it differs by from the first is "
        "what two identical servers differ by in this run, so a metrics cost within that "
        "is not told apart from nothing."
    ]
    scraped = f.scraped
    if not isinstance(scraped, Failure) and scraped.batches:
        lines.append(
            f"  its /metrics, scraped after the rounds: {scraped.send_ok:,.0f} SendMessage "
            f"calls OK (warm-up included), {scraped.batches:,.0f} writer batches of "
            f"{scraped.writes / scraped.batches:.1f} writes on average, "
            f"{scraped.commit_s / scraped.batches * 1000:.2f} ms from BEGIN to COMMIT on average."
        )
    return lines


def _routing_notes(s: Settings, f: Figures) -> list[str]:
    r = s.routing
    lines = [
        f"routing: {r.workers:,} workers (three skills each, capacity {r.capacity} on chat), "
        f"{r.queues} queues each targeting one skill, a workflow with a filter per queue and a "
        f"target expression over the worker's level, {r.backlog:,} tasks waiting; everyone "
        "Offline. Decisions: the server's routing index loaded from its database, asked for "
        "each of 2,000 random workers which task to offer it, and for 2,000 random tasks which "
        "workers to offer it to with every worker free (the offer's write is not included). "
        "Burst: every worker set Available at once, timed until every offer's "
        "RESERVATION_CREATED event has arrived."
    ]
    if not isinstance(f.routing, Failure):
        d = f.routing.decisions
        for label, values in (
            ("a worker available", d.worker_available_ms),
            ("a task created", d.task_created_ms),
        ):
            lines.append(
                f"  {label}: p50 {percentile(values, 0.5):.3f} ms, max {values[-1]:.3f} ms."
            )
        lines.append(f"  index loaded from the database in {d.index_load_s:.2f} s.")
    return lines


# -- the machine, the JSON file ---------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2  # kB
    except OSError:
        pass
    return None


def machine(load_before: Sequence[float], load_after: Sequence[float]) -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(),
        "grpcio": grpc.__version__,
        "protobuf": protobuf.__version__,
        "uvloop": importlib.metadata.version("uvloop"),
        "ghz": ghz.version(),
        "load_average_before": [round(load, 2) for load in load_before],  # 1, 5, 15 minutes
        "load_average_after": [round(load, 2) for load in load_after],
    }


def header(settings: Settings, data_root: Path, about: dict[str, Any]) -> list[str]:
    before, after = about["load_average_before"], about["load_average_after"]
    return [
        f"relaydesk benchmarks, {settings.label} run on {about['cpu_model']}: "
        f"{about['cores']} cores ({about['usable_cores']} usable), Python {about['python']}, "
        f"grpcio {about['grpcio']}, ghz {about['ghz']}; load average {before[0]:.2f} before "
        f"the run, {after[0]:.2f} after.",
        "Servers: each in its own child process, measured one at a time: relaydesk "
        f"(relaydesk_server.cli serve, JSON logs at info, data under {data_root}) and the bare "
        "grpc.aio baseline (benchmarks.bare_server), both on uvloop. Clients: ghz for unary "
        "calls, this process for the rest. Loopback.",
    ]


def _plain(value: object) -> Any:
    """`value` as JSON: dataclasses as objects (a Failure as its text), routing decision
    timings as percentiles."""
    if isinstance(value, Failure):
        return {"failure": value.text, "unimplemented": value.unimplemented}
    if isinstance(value, routing.Decisions):
        return {
            name: {
                "p50": percentile(timings, 0.5),
                "p99": percentile(timings, 0.99),
                "max": timings[-1],
            }
            for name, timings in (
                ("worker_available_ms", value.worker_available_ms),
                ("task_created_ms", value.task_created_ms),
            )
        } | {"index_load_s": value.index_load_s}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        plain = {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
        if isinstance(value, Calls | FanOut | routing.Burst):
            plain["rate"] = value.rate
        return plain
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _unary_document(f: Figures) -> dict[str, Any]:
    sides: dict[str, Any] = {}
    for side in UNARY_SIDES:
        outcome = f.unary[side.key]
        entry: dict[str, Any] = {"label": side.label, "call": side.call}
        if isinstance(outcome, Failure):
            entry["failure"] = outcome.text
        else:
            percents = sorted({percent for calls in outcome for percent in calls.latency_ms})
            entry["median"] = {
                "calls_per_second": _calls_rate(f, side),
                "latency_ms": {str(p): _calls_latency(f, side, p) for p in percents},
            }
            entry["rounds"] = _plain(outcome)
        sides[side.key] = entry
    return sides


def document(
    settings: Settings,
    f: Figures,
    table_rows: Sequence[report.Row],
    about: dict[str, Any],
    started: dt.datetime,
    seconds: float,
    command: str,
) -> dict[str, Any]:
    """Everything the run measured, for the JSON file (and the chart, drawn from it)."""
    return {
        "run": {
            "label": settings.label,
            "command": command,
            "started": started.isoformat(timespec="seconds"),
            "seconds": round(seconds, 1),
            "exit_status": exit_status(f),
        },
        "machine": about,
        "settings": _plain(settings),
        "rows": [
            {
                "key": row.key,
                "figure": row.figure,
                "measured": row.measured,
                "baseline": row.baseline,
                "ratio": row.ratio,
                "target": row.target,
                "result": row.result,
                "values": row.data,
            }
            for row in table_rows
        ],
        "unary": _unary_document(f),
        "gap": gap(f),
        "fan_out": _plain(f.fan_out),
        "delivery_latency": _plain(f.latency),
        "memory": _plain(f.memory),
        "routing": _plain(f.routing),
        "metrics_scraped": _plain(f.scraped),
        "notes": notes(settings, f),
    }


def exit_status(f: Figures) -> int:
    # Not available yet is not a failure of the run; any other missing figure is.
    return 1 if any(not failure.unimplemented for failure in f.failures()) else 0


def _finite(value: Any) -> Any:
    """`value` with every NaN or infinity replaced by None (JSON has neither)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


@dataclasses.dataclass(frozen=True)
class Measured:
    figures: Figures
    about: dict[str, Any]  # the machine
    data_root: Path  # where the servers kept their data (removed since)
    started: dt.datetime
    seconds: float


async def measure(settings: Settings) -> Measured:
    load = os.getloadavg()
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="relaydesk-benchmarks-") as tmp:
        figures = await measure_all(settings, Path(tmp))
    about = machine(load, os.getloadavg())
    return Measured(figures, about, Path(tmp), started, time.perf_counter() - clock)


def run(settings: Settings, json_path: Path | None, chart_path: Path | None, command: str) -> int:
    """Measures, prints the table and the notes, writes the JSON file and draws the chart;
    returns the exit status."""
    done = asyncio.run(measure(settings))
    f = done.figures
    table_rows = rows(settings, f)
    lines = [*header(settings, done.data_root, done.about), "", report.table(table_rows), ""]
    lines += notes(settings, f)
    doc = _finite(
        document(settings, f, table_rows, done.about, done.started, done.seconds, command)
    )
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n")
        lines.append(f"JSON: {json_path}")
    if chart_path is not None:
        chart_path.parent.mkdir(parents=True, exist_ok=True)
        chart.render(doc, chart_path)
        lines.append(f"chart: {chart_path}")
    print("\n".join(lines), flush=True)
    return exit_status(f)


_REPO = Path(__file__).resolve().parent.parent
# Under build/, which git ignores: each run replaces them.
DEFAULT_JSON = _REPO / "build" / "bench" / "latest.json"
DEFAULT_CHART = _REPO / "build" / "bench" / "latest.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measures relaydesk against bare grpc.aio baselines and prints the ratios; "
        "writes every figure to a JSON file and draws a chart of the ratios and latencies.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run of about a minute with smaller counts"
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to write every figure of the run as JSON (default: build/bench/latest.json)",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        default=DEFAULT_CHART,
        metavar="PATH",
        help="where to draw the chart, a PNG (default: build/bench/latest.png)",
    )
    given = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(given)
    command = shlex.join(["python", "-m", "benchmarks", *given])
    settings = suites.QUICK if args.quick else suites.FULL
    return run(settings, args.json, args.chart, command)
