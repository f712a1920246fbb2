"""Runs every measurement, one server at a time, and prints the table."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import os
import platform
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import grpc

from benchmarks import payloads, report, suites
from benchmarks.children import ChildServer, start_bare, start_relaydesk
from benchmarks.load import CpuUse, FanOut, Throughput, describe_errors
from benchmarks.report import Failure, Outcome
from benchmarks.suites import IdleMemory, Latency, Settings

T = TypeVar("T")

# A running server and the credential its clients send ("" for the bare server).
Started = tuple[ChildServer, str]

_SETUP_S = 60.0  # allowance for starting streams and creating channels within a step


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def _start(name: str, starting: Callable[[], Awaitable[Started]]) -> Started | Failure:
    _progress(f"starting the {name} server")
    try:
        return await starting()
    except Exception as error:
        failure = report.failure_of(error, _SETUP_S)
        _progress(f"  {failure.text}")
        return failure


async def _stop(started: Started | Failure) -> None:
    if not isinstance(started, Failure):
        await started[0].stop()


async def _measure(
    what: str,
    started: Started | Failure,
    make: Callable[[ChildServer, str], Awaitable[T]],
    timeout_s: float,
) -> Outcome[T]:
    """`make(server, key)`, bounded by `timeout_s`; a Failure when it cannot be measured."""
    if isinstance(started, Failure):
        return started
    server, key = started
    _progress(f"measuring {what}")
    try:
        server.check_alive()
        async with asyncio.timeout(timeout_s):
            return await make(server, key)
    except Exception as error:
        failure = report.failure_of(error, timeout_s)
        if server.process.returncode is not None and not failure.unimplemented:
            failure = Failure(f"failed: the {server.name} server exited")
        _progress(f"  {failure.text}")
        return failure


def _bare_fan_out(
    subscribers: int, messages: int, settings: Settings
) -> Callable[[ChildServer, str], Awaitable[FanOut]]:
    async def make(server: ChildServer, key: str) -> FanOut:
        return await suites.bare_fan_out(server, subscribers, messages, settings)

    return make


def _relaydesk_fan_out(
    subscribers: int, messages: int, settings: Settings
) -> Callable[[ChildServer, str], Awaitable[FanOut]]:
    async def make(server: ChildServer, key: str) -> FanOut:
        return await suites.relaydesk_fan_out(server, key, subscribers, messages, settings)

    return make


@dataclasses.dataclass
class Figures:
    echo: Outcome[Throughput]
    send: Outcome[Throughput]
    bare_fan_out: dict[int, Outcome[FanOut]]
    relaydesk_fan_out: dict[int, Outcome[FanOut]]
    bare_latency: Outcome[Latency]
    relaydesk_latency: Outcome[Latency]
    bare_memory: Outcome[IdleMemory]
    relaydesk_memory: Outcome[IdleMemory]

    def outcomes(self) -> list[object]:
        return [
            self.echo,
            self.send,
            *self.bare_fan_out.values(),
            *self.relaydesk_fan_out.values(),
            self.bare_latency,
            self.relaydesk_latency,
            self.bare_memory,
            self.relaydesk_memory,
        ]


async def measure_all(settings: Settings, data_root: Path) -> Figures:
    s = settings
    unary_s = s.warm_up_s + s.duration_s + _SETUP_S
    fan_out_s = s.establish_timeout_s + 2 * s.delivery_timeout_s + _SETUP_S
    latency_s = s.establish_timeout_s + s.latency_s + s.delivery_timeout_s + _SETUP_S
    memory_s = s.establish_timeout_s + _SETUP_S

    async def bare() -> Started:
        return await start_bare(), ""

    started = await _start("bare", bare)
    try:
        echo = await _measure(
            "echo", started, lambda server, _: suites.bare_echo(server, s), unary_s
        )
        bare_fan_out: dict[int, Outcome[FanOut]] = {}
        for subscribers, messages in s.fan_out:
            bare_fan_out[subscribers] = await _measure(
                f"bare fan-out to {subscribers}",
                started,
                _bare_fan_out(subscribers, messages, s),
                fan_out_s,
            )
        bare_latency = await _measure(
            "bare latency",
            started,
            lambda server, _: suites.bare_latency(server, s),
            latency_s,
        )
    finally:
        await _stop(started)

    started = await _start("relaydesk", functools.partial(start_relaydesk, data_root / "data"))
    try:
        send = await _measure(
            "SendMessage",
            started,
            lambda server, key: suites.relaydesk_send(server, key, s),
            unary_s,
        )
        relaydesk_fan_out: dict[int, Outcome[FanOut]] = {}
        for subscribers, messages in s.fan_out:
            relaydesk_fan_out[subscribers] = await _measure(
                f"relaydesk fan-out to {subscribers}",
                started,
                _relaydesk_fan_out(subscribers, messages, s),
                fan_out_s,
            )
        relaydesk_latency = await _measure(
            "relaydesk latency",
            started,
            lambda server, key: suites.relaydesk_latency(server, key, s),
            latency_s,
        )
    finally:
        await _stop(started)

    # Memory on fresh servers, so that their peaks say nothing about the runs above.
    started = await _start("bare", bare)
    try:
        bare_memory = await _measure(
            "bare idle subscribers",
            started,
            lambda server, _: suites.bare_idle_memory(server, s),
            memory_s,
        )
    finally:
        await _stop(started)
    started = await _start("relaydesk", functools.partial(start_relaydesk, data_root / "idle"))
    try:
        relaydesk_memory = await _measure(
            "relaydesk idle subscribers",
            started,
            lambda server, key: suites.relaydesk_idle_memory(server, key, s),
            memory_s,
        )
    finally:
        await _stop(started)

    return Figures(
        echo=echo,
        send=send,
        bare_fan_out=bare_fan_out,
        relaydesk_fan_out=relaydesk_fan_out,
        bare_latency=bare_latency,
        relaydesk_latency=relaydesk_latency,
        bare_memory=bare_memory,
        relaydesk_memory=relaydesk_memory,
    )


def _value(outcome: Outcome[T], figure: Callable[[T], float]) -> float | Failure:
    return outcome if isinstance(outcome, Failure) else figure(outcome)


def rows(settings: Settings, f: Figures) -> list[report.Row]:
    def rate(outcome: Outcome[Throughput] | Outcome[FanOut]) -> float | Failure:
        return outcome if isinstance(outcome, Failure) else outcome.rate

    result = [
        report.at_least_ratio_row(
            f"unary calls/s: SendMessage vs echo, {settings.callers} callers",
            rate(f.send),
            rate(f.echo),
            report.per_second,
            0.60,
        )
    ]
    for subscribers, _ in settings.fan_out:
        result.append(
            report.at_least_ratio_row(
                f"fan-out deliveries/s, {subscribers} subscribers",
                rate(f.relaydesk_fan_out[subscribers]),
                rate(f.bare_fan_out[subscribers]),
                report.per_second,
                0.70,
            )
        )
    latency_figure = (
        f"delivery latency {{}}, {settings.latency_subscribers} subscribers, "
        f"{settings.latency_rate:g} msg/s"
    )
    result += [
        report.at_most_row(
            latency_figure.format("p50"),
            _value(f.relaydesk_latency, lambda latency: latency.p50_ms),
            _value(f.bare_latency, lambda latency: latency.p50_ms),
            report.milliseconds,
            None,
        ),
        report.at_most_row(
            latency_figure.format("p99"),
            _value(f.relaydesk_latency, lambda latency: latency.p99_ms),
            _value(f.bare_latency, lambda latency: latency.p99_ms),
            report.milliseconds,
            25.0,
        ),
        report.at_most_row(
            f"server RSS growth, {settings.idle_subscribers} idle subscribers",
            _value(f.relaydesk_memory, lambda memory: memory.growth_mib),
            _value(f.bare_memory, lambda memory: memory.growth_mib),
            report.mebibytes,
            300.0,
        ),
    ]
    return result


def _cpu(use: CpuUse) -> str:
    return f"CPU: server {use.server_cores:.2f} cores, clients {use.client_cores:.2f} cores"


def notes(settings: Settings, f: Figures) -> list[str]:
    s = settings
    lines = [
        f"unary: {s.callers} concurrent callers on one grpc.aio channel, {s.warm_up_s:g} s "
        f"warm-up then {s.duration_s:g} s counted; echo sends {len(payloads.echo_payload())} "
        f"bytes (an encoded SendMessageRequest), SendMessage a {payloads.BODY_CHARS}-character "
        f"body, each caller rotating over {suites.CHANNELS_PER_CALLER} channels of its own "
        "(the per-channel write limit is 30 messages/s).",
    ]
    for label, unary in (("echo", f.echo), ("SendMessage", f.send)):
        if not isinstance(unary, Failure):
            lines.append(f"  {label}: {unary.calls:,} calls; {_cpu(unary.cpu)}.")
            if unary.errors:
                lines.append(f"  {label} errors, not counted: {describe_errors(unary.errors)}.")
    for subscribers, messages in s.fan_out:
        lines.append(
            f"fan-out to {subscribers}: {messages} messages to each of {subscribers} subscribers "
            f"({s.per_channel} per grpc.aio channel), timed from the first publish until every "
            "subscriber has them all; bare: one Publish call puts them in every queue; "
            f"relaydesk: {s.senders} concurrent SendMessage callers over "
            f"{suites.fan_out_channels(messages)} channel(s), every subscriber subscribed to "
            "all of them (MESSAGE_ADDED only)."
        )
        for label, outcome in (
            ("bare", f.bare_fan_out[subscribers]),
            ("relaydesk", f.relaydesk_fan_out[subscribers]),
        ):
            if not isinstance(outcome, Failure):
                lines.append(
                    f"  {label}: {outcome.deliveries:,} deliveries in {outcome.seconds:.2f} s; "
                    f"{_cpu(outcome.cpu)}."
                )
    lines.append(
        f"latency: {s.latency_rate:g} messages/s on an absolute schedule for {s.latency_s:g} s "
        f"to {s.latency_subscribers} subscribers, send→receipt of every delivery as the "
        f"subscriber sees it; relaydesk spreads them over {suites.latency_channels(s)} channels "
        "(each under its write limit), every subscriber subscribed to all of them."
    )
    for label, latency in (("bare", f.bare_latency), ("relaydesk", f.relaydesk_latency)):
        if not isinstance(latency, Failure):
            lines.append(
                f"  {label}: {latency.samples:,} deliveries, max {latency.max_ms:.1f} ms; "
                f"the worst send started {latency.max_late_ms:.1f} ms behind schedule; "
                f"{_cpu(latency.cpu)}."
            )
    lines.append(
        f"memory: the server process's VmRSS before any subscriber and with "
        f"{s.idle_subscribers} Subscribe streams open and idle (each received one message to "
        "show it is live); a fresh server each."
    )
    for label, memory in (("bare", f.bare_memory), ("relaydesk", f.relaydesk_memory)):
        if not isinstance(memory, Failure):
            lines.append(
                f"  {label}: {memory.before.rss_mib:.0f} → {memory.after.rss_mib:.0f} MiB, "
                f"peak (VmHWM) {memory.after.peak_mib:.0f} MiB."
            )
    return lines


def header(settings: Settings, data_root: Path) -> list[str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"relaydesk benchmarks, {settings.label} run: {os.cpu_count()} cores ({usable} usable), "
        f"Python {platform.python_version()}, grpcio {grpc.__version__}",
        "servers: each in its own child process, one at a time: relaydesk (relaydesk_server.cli "
        f"serve, JSON logs at info, data under {data_root}) and the bare grpc.aio baseline "
        "(benchmarks.bare_server); clients: all in this process; loopback only.",
    ]


async def run(settings: Settings) -> int:
    with tempfile.TemporaryDirectory(prefix="relaydesk-benchmarks-") as tmp:
        data_root = Path(tmp)
        figures = await measure_all(settings, data_root)
        lines = [*header(settings, data_root), ""]
    lines += [report.table(rows(settings, figures)), ""]
    lines += notes(settings, figures)
    print("\n".join(lines), flush=True)
    failed = [
        outcome
        for outcome in figures.outcomes()
        if isinstance(outcome, Failure) and not outcome.unimplemented
    ]
    return 1 if failed else 0


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
