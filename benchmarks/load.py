"""Client-side load, the same for both servers: counted subscribers, paced senders, and
the CPU each side uses meanwhile. Nothing here knows which server it talks to. (Unary
throughput is driven by ghz: benchmarks/ghz.py.)
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from types import TracebackType
from typing import Any

import grpc
import grpc.aio

from relaydesk.v1 import event_pb2, event_service_pb2

SubscribeCall = grpc.aio.UnaryStreamCall[Any, event_service_pb2.SubscribeResponse]

# Each subscriber channel gets its own connection (channels with equal arguments would
# otherwise share one), as separate desktops would.
SUBSCRIBER_CHANNEL_OPTIONS: Sequence[tuple[str, Any]] = (("grpc.use_local_subchannel_pool", 1),)

# How long one warm-up message may take to reach every subscriber before another is sent.
_WARM_UP_ROUND_S = 1.0


class StepFailed(Exception):
    """A figure could not be measured; the message says why."""


class Unimplemented(StepFailed):
    """The server answered the measured calls UNIMPLEMENTED."""


@dataclasses.dataclass(frozen=True)
class CpuUse:
    """CPU used during a timed window, in cores (CPU seconds per second)."""

    server_cores: float
    client_cores: float


class CpuMeter:
    """Measures the CPU the server (`server_cpu()`, in seconds) and this process use
    between `start()` and `stop()`: says which side a figure was bound by."""

    def __init__(self, server_cpu: Callable[[], float]) -> None:
        self._server_cpu = server_cpu
        self._started: tuple[float, float, float] | None = None
        self._use: CpuUse | None = None

    def start(self) -> None:
        self._started = (time.perf_counter(), self._server_cpu(), time.process_time())

    def stop(self) -> None:
        if self._started is None or self._use is not None:
            return
        began, server, client = self._started
        elapsed = time.perf_counter() - began
        self._use = CpuUse(
            server_cores=(self._server_cpu() - server) / elapsed,
            client_cores=(time.process_time() - client) / elapsed,
        )

    def use(self) -> CpuUse:
        self.stop()
        assert self._use is not None, "the meter was never started"
        return self._use


def describe_errors(errors: Mapping[str, int]) -> str:
    """`errors` (status code -> count) in words, the most frequent first."""
    ranked = sorted(errors.items(), key=lambda item: -item[1])
    return ", ".join(f"{count} x {code}" for code, count in ranked) or "no errors"


# -- subscribers ------------------------------------------------------------------------


class Tally:
    """How many MESSAGE_ADDED events each subscriber has received, and a way to wait until
    each has received enough. Single-threaded: everything runs on the event loop."""

    def __init__(self, subscribers: int) -> None:
        self.counts = [0] * subscribers
        self._goals = [0] * subscribers
        self._short = 0
        self._all_reached = asyncio.Event()
        self._failure: BaseException | None = None
        self.reached_at = 0.0  # time.perf_counter() when the last subscriber reached its goal

    def hit(self, subscriber: int) -> None:
        count = self.counts[subscriber] = self.counts[subscriber] + 1
        if count == self._goals[subscriber]:
            self._short -= 1
            if self._short == 0:
                self.reached_at = time.perf_counter()
                self._all_reached.set()

    def fail(self, error: BaseException) -> None:
        if self._failure is None:
            self._failure = error
        self._all_reached.set()

    def expect(self, goals: Sequence[int]) -> None:
        """From now on `wait()` waits until subscriber i has received `goals[i]` in all."""
        self._goals = list(goals)
        self._short = sum(c < g for c, g in zip(self.counts, self._goals, strict=True))
        self._all_reached = asyncio.Event()
        if self._short == 0 or self._failure is not None:
            self.reached_at = time.perf_counter()
            self._all_reached.set()

    def expect_more(self, messages: int) -> None:
        """Waits for every subscriber to receive `messages` more than it has now."""
        self.expect([count + messages for count in self.counts])

    @property
    def reached(self) -> int:
        """How many subscribers have reached their goal."""
        return len(self.counts) - self._short

    async def wait(self, timeout_s: float) -> bool:
        """True once every subscriber has reached its goal, False after `timeout_s`; raises
        the first subscriber's (or publisher's) failure."""
        try:
            async with asyncio.timeout(timeout_s):
                await self._all_reached.wait()
        except TimeoutError:
            return False
        if self._failure is not None:
            raise self._failure
        return True


class Subscribers:
    """`count` server streams opened by `open_stream`, spread over grpc.aio channels of
    `per_channel` streams each, whose MESSAGE_ADDED events are counted in `self.tally`.
    `on_body`, when given, sees each such event's message body as it arrives."""

    def __init__(
        self,
        target: str,
        count: int,
        open_stream: Callable[[grpc.aio.Channel], SubscribeCall],
        *,
        per_channel: int,
        on_body: Callable[[str], None] | None = None,
    ) -> None:
        self.tally = Tally(count)
        self._target = target
        self._count = count
        self._open_stream = open_stream
        self._per_channel = per_channel
        self._on_body = on_body
        self._channels: list[grpc.aio.Channel] = []
        self._calls: list[SubscribeCall] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._closing = False

    async def __aenter__(self) -> Subscribers:
        try:
            for index in range(self._count):
                if index % self._per_channel == 0:
                    self._channels.append(
                        grpc.aio.insecure_channel(self._target, options=SUBSCRIBER_CHANNEL_OPTIONS)
                    )
                call = self._open_stream(self._channels[-1])
                self._calls.append(call)
                self._tasks.append(asyncio.create_task(self._consume(index, call)))
        except BaseException as error:
            await self.__aexit__(type(error), error, error.__traceback__)
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closing = True
        for call in self._calls:
            call.cancel()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(channel.close() for channel in self._channels))
        # A connection stays open while any of its call objects is still referenced.
        self._calls.clear()
        self._tasks.clear()
        self._channels.clear()

    async def _consume(self, index: int, call: SubscribeCall) -> None:
        added = event_pb2.EVENT_TYPE_MESSAGE_ADDED
        on_body = self._on_body
        hit = self.tally.hit
        try:
            async for response in call:
                event = response.event
                if event.type == added:
                    if on_body is not None:
                        on_body(event.message.body)
                    hit(index)
        except grpc.aio.AioRpcError as error:
            if not self._closing:
                self.tally.fail(error)
            return
        if not self._closing:
            self.tally.fail(StepFailed("a Subscribe stream ended without an error"))

    async def establish(
        self, publish_one: Callable[[int], Awaitable[object]], *, timeout_s: float
    ) -> int:
        """Publishes warm-up messages until every subscriber has received one; returns how
        many it took. A stream that starts live misses whatever is published before the
        server has registered it, so one message is not enough by itself."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        self.tally.expect([1] * self._count)
        sent = 0
        while True:
            await _failing_tally_on_error(self.tally, publish_one(sent))
            sent += 1
            remaining = deadline - loop.time()
            if await self.tally.wait(max(0.0, min(_WARM_UP_ROUND_S, remaining))):
                return sent
            if loop.time() >= deadline:
                raise StepFailed(
                    f"only {self.tally.reached} of {self._count} Subscribe streams received "
                    f"a warm-up message within {timeout_s:.0f} s ({sent} sent)"
                )


async def _failing_tally_on_error(tally: Tally, publishing: Awaitable[object]) -> None:
    try:
        await publishing
    except BaseException as error:
        tally.fail(error)
        raise


@dataclasses.dataclass(frozen=True)
class FanOut:
    deliveries: int
    seconds: float
    cpu: CpuUse

    @property
    def rate(self) -> float:
        return self.deliveries / self.seconds


async def fan_out(
    subscribers: Subscribers,
    publish: Callable[[], Awaitable[object]],
    *,
    messages: int,
    timeout_s: float,
    meter: CpuMeter,
) -> FanOut:
    """Starts `publish()` (which publishes `messages` messages every subscriber sees) and
    times it until every subscriber has received all of them."""
    tally = subscribers.tally
    tally.expect_more(messages)
    before = sum(tally.counts)
    meter.start()
    started = time.perf_counter()
    publisher = asyncio.create_task(_failing_tally_on_error(tally, publish()))
    try:
        reached = await tally.wait(timeout_s)  # raises the publisher's error, if any
        meter.stop()
        if reached:
            # The last replies to the publisher may come after the last deliveries.
            async with asyncio.timeout(timeout_s):
                await publisher
    finally:
        if not publisher.done():
            publisher.cancel()
        await asyncio.gather(publisher, return_exceptions=True)
    wanted = messages * len(tally.counts)
    if not reached:
        delivered = sum(tally.counts) - before
        raise StepFailed(
            f"only {delivered:,} of {wanted:,} deliveries within {timeout_s:.0f} s "
            f"({delivered / timeout_s:,.0f}/s)"
        )
    return FanOut(wanted, tally.reached_at - started, meter.use())


# -- paced sending ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Pacing:
    sent: int
    max_late_ms: float  # how far behind schedule the worst send started


async def paced(
    send: Callable[[int], Coroutine[Any, Any, object]], *, rate: float, count: int
) -> Pacing:
    """Starts `send(i)` for i in 0..count-1 at `rate` per second on an absolute schedule
    (send i is due at start + i / rate, whatever earlier sends took), without waiting for
    one send to finish before starting the next; returns once all have finished. The
    first failing send cancels the others and its error propagates."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    worst = 0.0
    async with asyncio.TaskGroup() as group:
        for index in range(count):
            due = start + index / rate
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)  # pacing, not synchronisation
            worst = max(worst, loop.time() - due)
            group.create_task(send(index))
    return Pacing(count, worst * 1000)


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]
