"""Runs every measurement and prints the table.

Both servers are up for the whole run, each in its own child process, and are measured
one at a time: every figure alternates baseline and relaydesk, round after round, so that
whatever else the machine is doing at the time weighs on both sides alike. The memory
figure uses a fresh server of each kind, so that earlier runs do not show in it.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import platform
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

import grpc

from benchmarks import payloads, report, routing, suites
from benchmarks.children import ChildServer, start_bare, start_relaydesk
from benchmarks.load import CpuUse, FanOut, Throughput, describe_errors, percentile
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
class Figures:
    unary: Pair[Throughput]
    fan_out: dict[int, Pair[FanOut]]
    latency: Pair[Latency]
    memory: Pair[IdleMemory]
    routing: Outcome[routing.RoutingFigures]
    # SendMessage on a relaydesk serving metrics, in the same rounds as `unary`, and what
    # its /metrics said afterwards.
    unary_metered: Outcome[list[Throughput]]
    scraped: Outcome[Scraped]

    def failures(self) -> list[Failure]:
        sides: list[object] = [self.unary.bare, self.unary.relaydesk, self.routing]
        sides += [self.unary_metered, self.scraped]
        for pair in self.fan_out.values():
            sides += [pair.bare, pair.relaydesk]
        sides += [self.latency.bare, self.latency.relaydesk]
        sides += [self.memory.bare, self.memory.relaydesk]
        return [side for side in sides if isinstance(side, Failure)]


async def measure_all(settings: Settings, data_root: Path) -> Figures:
    s = settings
    unary_s = s.warm_up_s + s.duration_s + _SETUP_S
    fan_out_s = s.establish_timeout_s + 2 * s.delivery_timeout_s + _SETUP_S
    latency_s = s.establish_timeout_s + s.latency_s + s.delivery_timeout_s + _SETUP_S
    memory_s = s.establish_timeout_s + _SETUP_S

    bare = await _start("bare", _bare)
    relaydesk = await _start("relaydesk", lambda: _relaydesk(data_root / "data"))
    metered = await _start(
        "relaydesk with metrics", lambda: _relaydesk(data_root / "metered", metrics=True)
    )
    try:

        def send(server: ChildServer, key: str) -> Awaitable[Throughput]:
            return suites.relaydesk_send(server, key, s)

        unary_bare, unary_relaydesk, unary_metered = await _alternate_sides(
            "unary calls",
            s.rounds,
            [
                ("bare", bare, lambda server, _: suites.bare_echo(server, s)),
                ("relaydesk", relaydesk, send),
                ("relaydesk with metrics", metered, send),
            ],
            unary_s,
        )
        unary = Pair(unary_bare, unary_relaydesk)
        scraped = await _measure(
            "the metrics endpoint",
            metered,
            lambda server, _: suites.relaydesk_scrape(server),
            _SETUP_S,
        )
        await _stop(metered)  # the figures below are measured without it
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
    return Figures(unary, fan_out, latency, memory, routing_figures, unary_metered, scraped)


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


def _rate(result: Throughput | FanOut) -> float:
    return result.rate


def rows(settings: Settings, f: Figures) -> list[report.Row]:
    result = [
        report.at_least_ratio_row(
            f"unary calls/s: SendMessage vs echo, {settings.callers} callers",
            _median(f.unary.relaydesk, _rate),
            _median(f.unary.bare, _rate),
            report.per_second,
            0.60,
        ),
        report.cost_row(
            "unary calls/s: SendMessage with metrics on; baseline: metrics off",
            _median(f.unary_metered, _rate),
            _median(f.unary.relaydesk, _rate),
            report.per_second,
            0.03,
        ),
    ]
    for subscribers, pair in f.fan_out.items():
        result.append(
            report.at_least_ratio_row(
                f"fan-out deliveries/s, {subscribers} subscribers",
                _median(pair.relaydesk, _rate),
                _median(pair.bare, _rate),
                report.per_second,
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

    def growth(result: IdleMemory) -> float:
        return result.growth_mib

    result += [
        report.at_most_row(
            latency.format("p50"),
            _median(f.latency.relaydesk, p50),
            _median(f.latency.bare, p50),
            report.milliseconds,
            None,
        ),
        report.at_most_row(
            latency.format("p99"),
            _median(f.latency.relaydesk, p99),
            _median(f.latency.bare, p99),
            report.milliseconds,
            25.0,
        ),
        report.at_most_row(
            f"server RSS growth, {settings.idle_subscribers} idle subscribers",
            _median(f.memory.relaydesk, growth),
            _median(f.memory.bare, growth),
            report.mebibytes,
            300.0,
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
            f"assignment decision p99, a worker available ({scene})",
            available,
            report.milliseconds_fine,
            2.0,
        ),
        report.absolute_row(
            "assignment decision p99, a task created (every worker free)",
            created,
            report.milliseconds_fine,
            2.0,
        ),
        report.absolute_row(
            f"burst: {r.workers * r.capacity:,} tasks offered to workers going Available",
            burst,
            report.seconds,
            10.0,
        ),
        report.at_most_row(
            "burst offers/s (each a write) vs echo calls/s",
            rate,
            _median(f.unary.bare, _rate),
            report.per_second,
            None,
        ),
    ]


def _cpu(use: CpuUse) -> str:
    return f"server {use.server_cores:.2f}, clients {use.client_cores:.2f} cores"


def _per_round(
    label: str, outcome: Outcome[list[T]], describe: Callable[[T], str], cpu: Callable[[T], CpuUse]
) -> list[str]:
    """One line per side: each round's figure, with the CPU each process used meanwhile."""
    if isinstance(outcome, Failure):
        return []
    rounds = (f"{describe(result)} (CPU {_cpu(cpu(result))})" for result in outcome)
    return [f"  {label}: {'; '.join(rounds)}."]


def notes(settings: Settings, f: Figures) -> list[str]:
    s = settings
    rounds = (
        f"{s.rounds} rounds alternating baseline and relaydesk, the median shown"
        if s.rounds > 1
        else "one round"
    )
    lines = [
        f"Throughput figures: {rounds}. CPU: what the server process and this (client) process "
        "used while a round was timed; a side that uses a whole core is the bottleneck.",
        f"unary: {s.callers} concurrent callers on one grpc.aio channel, {s.warm_up_s:g} s "
        f"warm-up then {s.duration_s:g} s counted per round; echo sends "
        f"{len(payloads.echo_payload())} bytes (an encoded SendMessageRequest), SendMessage a "
        f"{payloads.BODY_CHARS}-character body, each caller rotating over "
        f"{suites.CHANNELS_PER_CALLER} channels of its own (the per-channel write limit is 30 "
        "messages/s).",
    ]
    for label, unary in (
        ("echo", f.unary.bare),
        ("SendMessage", f.unary.relaydesk),
        ("SendMessage, metrics on", f.unary_metered),
    ):
        lines += _per_round(label, unary, lambda t: report.per_second(t.rate), lambda t: t.cpu)
        if not isinstance(unary, Failure):
            errors: Counter[str] = Counter()
            for result in unary:
                errors.update(result.errors)
            if errors:
                lines.append(f"  {label} errors, not counted: {describe_errors(errors)}.")
    lines += _metrics_notes(f)
    for (subscribers, messages), pair in zip(s.fan_out, f.fan_out.values(), strict=True):
        lines.append(
            f"fan-out to {subscribers}: {messages} messages to each of {subscribers} subscribers "
            f"({s.per_channel} per grpc.aio channel), timed from the first publish until every "
            "subscriber has them all; bare: one Publish call puts them in every queue; "
            f"relaydesk: {s.senders} concurrent SendMessage callers over "
            f"{suites.fan_out_channels(messages)} channel(s), every subscriber subscribed to "
            "all of them (MESSAGE_ADDED only)."
        )
        for label, fan_side in (("bare", pair.bare), ("relaydesk", pair.relaydesk)):
            lines += _per_round(
                label,
                fan_side,
                lambda fan: f"{fan.deliveries:,} in {fan.seconds:.2f} s",
                lambda fan: fan.cpu,
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
            lambda latency: latency.cpu,
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
                    f"peak (VmHWM) {memory.after.peak_mib:.0f} MiB."
                )
    lines += _routing_notes(s, f)
    return lines


def _metrics_notes(f: Figures) -> list[str]:
    lines = [
        "metrics on vs off: a second relaydesk server, the same but for "
        "--metrics-listen=127.0.0.1:0, measured in the same rounds by the same client and "
        "callers (the two relaydesk servers take turns at going first); cost = 1 - on/off "
        "(below 0 it is noise)."
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


def header(settings: Settings, data_root: Path, load: Sequence[float]) -> list[str]:
    usable = len(os.sched_getaffinity(0))
    return [
        f"relaydesk benchmarks, {settings.label} run: {os.cpu_count()} cores ({usable} usable), "
        f"Python {platform.python_version()}, grpcio {grpc.__version__}; load average "
        f"{load[0]:.2f} before the run, {os.getloadavg()[0]:.2f} after.",
        "Servers: each in its own child process, measured one at a time: relaydesk "
        f"(relaydesk_server.cli serve, JSON logs at info, data under {data_root}) and the bare "
        "grpc.aio baseline (benchmarks.bare_server). Clients: all in this process. Loopback.",
    ]


async def run(settings: Settings) -> int:
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="relaydesk-benchmarks-") as tmp:
        data_root = Path(tmp)
        figures = await measure_all(settings, data_root)
        lines = [*header(settings, data_root, load), ""]
    lines += [report.table(rows(settings, figures)), ""]
    lines += notes(settings, figures)
    print("\n".join(lines), flush=True)
    # Not available yet is not a failure of the run; any other missing figure is.
    return 1 if any(not failure.unimplemented for failure in figures.failures()) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measures relaydesk against bare grpc.aio baselines and prints the ratios.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run of about 30 s with smaller counts"
    )
    args = parser.parse_args(argv)
    return asyncio.run(run(suites.QUICK if args.quick else suites.FULL))
