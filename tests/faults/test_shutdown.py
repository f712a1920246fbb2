"""Graceful shutdown under load: SIGTERM while clients write and stream. The server
exits 0; every acknowledged write is kept; every write it does not acknowledge fails
UNAVAILABLE (never CANCELLED, which a client could not tell from "maybe applied"); each
event stream ends with UNAVAILABLE naming the sequence to resume after, which is the
last event it delivered; and clients resume, writes with their request_id and streams
from their cursor, without loss."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import re
import uuid
from collections import Counter
from pathlib import Path

import grpc
import pytest

from relaydesk.client import Client, RelaydeskError, connect
from relaydesk.v1 import channel_service_pb2, event_pb2, message_pb2
from tests.faults.conftest import Figures, Size
from tests.support import (
    QUICK_RECONNECT,
    ServeProcess,
    TcpProxy,
    integrity_check,
    log_head,
    messages,
    new_channel,
    subscribe,
)

pytestmark = pytest.mark.faults

WRITERS = 8
STREAMS = 4
WAIT = 60  # seconds: an upper bound on waiting, never a pause
RESUME_AFTER = re.compile(r"resume after sequence (\d+)")


@dataclasses.dataclass
class World:
    rd: Client
    channels: list[str]
    acked: dict[str, message_pb2.Message] = dataclasses.field(default_factory=dict)
    acks: int = 0
    retries: int = 0
    changed: asyncio.Condition = dataclasses.field(default_factory=asyncio.Condition)
    # Set while a server is up; cleared from SIGTERM until the next one serves.
    up: asyncio.Event = dataclasses.field(default_factory=asyncio.Event)
    # How many SIGTERMs were sent so far.
    shutdowns: int = 0

    async def wait_for(self, check: object) -> None:
        async with asyncio.timeout(WAIT), self.changed:
            await self.changed.wait_for(check)  # type: ignore[arg-type]

    async def notify(self) -> None:
        async with self.changed:
            self.changed.notify_all()


async def writer(world: World, number: int, stop: asyncio.Event) -> None:
    for i in itertools.count():
        if stop.is_set():
            return
        body = f"w{number}-{i}"
        request = channel_service_pb2.SendMessageRequest(
            parent=world.channels[number % len(world.channels)],
            body=body,
            request_id=str(uuid.uuid4()),
        )
        while True:
            try:
                response = await world.rd.channels.SendMessage(request)
                break
            except RelaydeskError as error:
                if error.code() != grpc.StatusCode.UNAVAILABLE:
                    raise
                world.retries += 1
                await world.up.wait()
        world.acked[body] = response.message
        world.acks += 1
        await world.notify()


@dataclasses.dataclass
class Stream:
    """A raw event stream that resumes by hand: what it saw, and how each one ended."""

    seen: list[int] = dataclasses.field(default_factory=list)
    # How each stream ended: (shutdowns so far, code, the sequence it named, the last seen).
    endings: list[tuple[int, grpc.StatusCode, int | None, int]] = dataclasses.field(
        default_factory=list
    )
    reopen_failures: int = 0

    def ending(self, shutdown: int) -> tuple[grpc.StatusCode, int | None, int] | None:
        """How the stream open when SIGTERM number `shutdown` came ended (None: not yet)."""
        found = [e[1:] for e in self.endings if e[0] == shutdown]
        return found[0] if found else None

    async def run(self, world: World, stop: asyncio.Event) -> None:
        cursor = 0
        while not stop.is_set():
            await world.up.wait()
            call = subscribe(world.rd, after_sequence=cursor)
            try:
                while True:
                    response = await call.read()
                    assert response is not grpc.aio.EOF, "a stream ended without a status"
                    if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                        self.seen.append(response.event.sequence)
                        cursor = response.event.sequence
                        await world.notify()
            except grpc.aio.AioRpcError as error:
                named = RESUME_AFTER.search(error.details() or "")
                if named is None and error.code() == grpc.StatusCode.UNAVAILABLE:
                    # Opened while the restarted server was not reachable yet.
                    self.reopen_failures += 1
                    await asyncio.sleep(0.02)  # a retry's backoff, not a wait for anything
                    continue
                resume_after = int(named.group(1)) if named else None
                self.endings.append((world.shutdowns, error.code(), resume_after, cursor))
                await world.notify()
            finally:
                call.cancel()


async def test_sigterm_under_load_keeps_writes_and_ends_streams_with_their_cursor(
    tmp_path: Path, size: Size, figures: Figures
) -> None:
    server = ServeProcess(
        tmp_path / "data", "--channel-message-rate", "1000000", "--heartbeat-interval", "200ms"
    )
    await server.start()
    proxy = await TcpProxy(server.target).start()
    rd = connect(proxy.target, server.admin_key, options=QUICK_RECONNECT)
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []
    stopping_s: list[float] = []
    try:
        world = World(rd, [(await new_channel(rd)).name for _ in range(4)])
        world.up.set()
        streams = [Stream() for _ in range(STREAMS)]
        tasks = [asyncio.create_task(writer(world, n, stop)) for n in range(WRITERS)] + [
            asyncio.create_task(s.run(world, stop)) for s in streams
        ]
        loop = asyncio.get_running_loop()
        for cycle in range(size.shutdowns):
            acks = world.acks
            await world.wait_for(lambda a=acks: world.acks >= a + 200)
            world.up.clear()
            world.shutdowns += 1
            started = loop.time()
            server.terminate()
            assert await server.wait() == 0, server.last_output()
            stopping_s.append(loop.time() - started)
            await server.logged("stopped")
            # Every stream ended UNAVAILABLE, naming the last event it delivered.
            shutdown = cycle + 1
            await world.wait_for(lambda n=shutdown: all(s.ending(n) for s in streams))
            for s in streams:
                code, named, last = s.ending(shutdown)  # type: ignore[misc]
                assert code == grpc.StatusCode.UNAVAILABLE, s.endings
                assert named == last, s.endings
            assert integrity_check(server.db_path) == ["ok"]
            await server.start()
            proxy.upstream = server.target
            world.up.set()
        acks = world.acks
        await world.wait_for(lambda: world.acks >= acks + 200)
        stop.set()
        async with asyncio.timeout(WAIT):
            await asyncio.gather(*tasks[:WRITERS])
        head = await log_head(rd)
        await world.wait_for(lambda: all(s.seen and s.seen[-1] >= head for s in streams))

        stored: Counter[str] = Counter()
        for channel in world.channels:
            stored.update(m.name for m in await messages(rd, channel))
        assert all(stored[m.name] == 1 for m in world.acked.values())
        for s in streams:
            assert s.seen[:head] == list(range(1, head + 1))
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await rd.close()
        await proxy.close()
        await server.close()
    figures(
        shutdowns=size.shutdowns,
        acknowledged_writes=len(world.acked),
        writes_retried=world.retries,
        events=head,
        stop_s_max=max(stopping_s),
        stream_reopen_failures=sum(s.reopen_failures for s in streams),
    )
