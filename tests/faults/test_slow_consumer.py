"""Slow consumer: under a steady stream of writes, one subscriber stops reading (for a
minute in the full run; in the short one, until it has surely been cut). The others
keep their latency (full run: p99 within 10% of before), the server's memory stays
bounded (RSS grows at most 64 MiB), and the stalled stream, once read again, ends with
RESOURCE_EXHAUSTED and resumes from its cursor without losing an event."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from pathlib import Path

import grpc
import pytest

from relaydesk.client import Client, connect
from relaydesk.v1 import channel_service_pb2, event_pb2
from tests.faults.conftest import Figures, Size
from tests.support import (
    ServeProcess,
    events_until_error,
    log_head,
    new_channel,
    percentile,
    reason,
    subscribe,
)

pytestmark = pytest.mark.faults

RATE = 250  # messages a second, steady
OTHERS = 3
WARM_UP_S = 2.0
RSS_BOUND_MIB = 64
P99_BOUND = 1.10
WAIT = 60  # seconds: an upper bound on waiting, never a pause
ADDED = event_pb2.EVENT_TYPE_MESSAGE_ADDED


@dataclasses.dataclass
class Load:
    """The writer's messages: when each was sent, and which phase it belongs to."""

    rd: Client
    channels: list[str]
    sent_at: dict[str, float] = dataclasses.field(default_factory=dict)
    phase_of: dict[str, str] = dataclasses.field(default_factory=dict)
    rpc_latency: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    phase: str = "warm-up"
    count: int = 0
    in_flight: set[asyncio.Task[None]] = dataclasses.field(default_factory=set)

    async def _send(self, body: str) -> None:
        request = channel_service_pb2.SendMessageRequest(
            parent=self.channels[self.count % len(self.channels)], body=body
        )
        started = time.monotonic()
        self.sent_at[body] = started
        self.phase_of[body] = self.phase
        await self.rd.channels.SendMessage(request)
        self.rpc_latency.setdefault(self.phase_of[body], []).append(time.monotonic() - started)

    async def run(self, stop: asyncio.Event) -> None:
        """Sends RATE messages a second, each on its own, until `stop`."""
        loop = asyncio.get_running_loop()
        due = loop.time()
        while not stop.is_set():
            due += 1 / RATE
            await asyncio.sleep(max(0.0, due - loop.time()))  # the load's pace
            body = f"m{self.count}"
            self.count += 1
            task = asyncio.create_task(self._send(body))
            self.in_flight.add(task)
            task.add_done_callback(self.in_flight.discard)
        await asyncio.gather(*self.in_flight)


async def follow(call: object, load: Load, latency: dict[str, list[float]]) -> None:
    """Reads a stream for good, noting how long each message took to arrive."""
    while True:
        response = await call.read()  # type: ignore[attr-defined]
        assert response is not grpc.aio.EOF
        if response.event.type == ADDED:
            body = response.event.message.body
            phase = load.phase_of.get(body)
            if phase is not None:
                latency.setdefault(phase, []).append(time.monotonic() - load.sent_at[body])


async def test_a_stalled_subscriber_is_cut_without_slowing_the_others(
    tmp_path: Path, size: Size, figures: Figures
) -> None:
    server = ServeProcess(
        tmp_path / "data",
        "--channel-message-rate",
        "1000000",
        "--subscriber-buffer",
        str(size.subscriber_buffer),
        "--heartbeat-interval",
        "200ms",
    )
    await server.start()
    rd = connect(server.target, server.admin_key)
    # Without BDP probing the stalled client's receive window stays small (64 KiB), as a
    # stuck desktop's would: its transport soon stops taking data.
    slow = connect(server.target, server.admin_key, options=[("grpc.http2.bdp_probe", 0)])
    readers = connect(server.target, server.admin_key)
    stop = asyncio.Event()
    latency: dict[str, list[float]] = {}
    followers: list[asyncio.Task[None]] = []
    calls: list[object] = []
    writing: asyncio.Task[None] | None = None
    try:
        load = Load(rd, [(await new_channel(rd)).name for _ in range(4)])
        start = await log_head(rd)
        stalled = subscribe(slow, after_sequence=start)
        calls = [subscribe(readers, after_sequence=start) for _ in range(OTHERS)]
        followers = [asyncio.create_task(follow(c, load, latency)) for c in calls]
        writing = asyncio.create_task(load.run(stop))
        loop = asyncio.get_running_loop()

        # Warm-up, then the baseline: every subscriber reads, the stalled one included.
        seen: list[int] = []

        async def read_stalled_until(deadline: float) -> None:
            while loop.time() < deadline:
                async with asyncio.timeout(WAIT):
                    response = await stalled.read()
                assert response is not grpc.aio.EOF
                if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                    seen.append(response.event.sequence)

        await read_stalled_until(loop.time() + WARM_UP_S)
        load.phase = "baseline"
        phase_s = size.stall_seconds or 2 * size.subscriber_buffer / RATE
        await read_stalled_until(loop.time() + phase_s)

        # The stall: nothing is read from it while the writes go on.
        load.phase = "stall"
        rss_at_stall, _ = server.memory_kib()
        rss_max = rss_at_stall
        written_at_stall = load.count
        stall_started = loop.time()
        while loop.time() - stall_started < phase_s or (
            size.stall_seconds is None
            and load.count - written_at_stall < 2 * size.subscriber_buffer
        ):
            await asyncio.sleep(0.25)  # how often memory is sampled
            rss_max = max(rss_max, server.memory_kib()[0])
        stall_s = loop.time() - stall_started
        load.phase = "after"

        # Read again: what was on its way, then RESOURCE_EXHAUSTED with where to resume.
        delivered, error = await events_until_error(stalled, WAIT)
        seen += [e.sequence for e in delivered]
        assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, error
        assert reason(error) == "SUBSCRIBER_TOO_SLOW"
        assert f"after_sequence = {seen[-1]}" in (error.details() or "")
        cut_at = len(seen)
        stop.set()
        await writing
        head = await log_head(rd)
        resumed = subscribe(slow, after_sequence=seen[-1])
        try:
            async with asyncio.timeout(WAIT):
                while seen[-1] < head:
                    response = await resumed.read()
                    assert response is not grpc.aio.EOF
                    if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                        seen.append(response.event.sequence)
        finally:
            resumed.cancel()
        wrong = [
            (i, seen[i - 1], seen[i]) for i in range(1, len(seen)) if seen[i] != seen[i - 1] + 1
        ]
        assert seen == list(range(start + 1, head + 1)), (
            f"lost or repeated: {wrong[:5]}; cut after {cut_at} events read, of {len(seen)}"
        )
        rss_after, _ = server.memory_kib()
    finally:
        stop.set()
        for task in followers:
            task.cancel()
        await asyncio.gather(*followers, return_exceptions=True)
        if writing is not None:
            await asyncio.gather(writing, return_exceptions=True)
        for client in (rd, slow, readers):
            await client.close()
        await server.close()

    base_p99 = percentile(latency["baseline"], 0.99)
    stall_p99 = percentile(latency["stall"], 0.99)
    growth_mib = (rss_max - rss_at_stall) / 1024
    figures(
        stall_s=stall_s,
        events_written_in_stall=load.count - written_at_stall,
        subscriber_buffer=size.subscriber_buffer,
        others_p99_ms_baseline=base_p99 * 1000,
        others_p99_ms_stalled=stall_p99 * 1000,
        p99_ratio=stall_p99 / base_p99,
        send_p99_ms_baseline=percentile(load.rpc_latency["baseline"], 0.99) * 1000,
        send_p99_ms_stalled=percentile(load.rpc_latency["stall"], 0.99) * 1000,
        rss_mib_at_stall=rss_at_stall / 1024,
        rss_growth_mib=growth_mib,
        rss_mib_after=rss_after / 1024,
        stalled_stream_read_before_its_cut=cut_at,
    )
    assert growth_mib <= RSS_BOUND_MIB
    if size.assert_p99:
        assert stall_p99 <= P99_BOUND * base_p99, (stall_p99, base_p99)
