"""Hands outbound deliveries to connected gateway adapters (API §4).

Deliveries live in the database; this service only decides when to look:
when one is added or ended, when an adapter connects, and when the earliest
lease runs out (on the server's clock). Each look leases, in one write, each
channel's next delivery on the channel types some adapter takes, and gives
every leased delivery to one such adapter, taking turns. A delivery given to
an adapter that vanished is simply given again when its lease ends.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Sequence

from relaydesk_server.clock import Clock
from relaydesk_server.domain import outbound
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.outbound_model import DEFAULT_LEASE, Leased
from relaydesk_server.domain.ports import Store
from relaydesk_server.workers.schedule import Schedule

LEASE_BATCH = 200
_ALL_TYPES = tuple(ChannelType)


@dataclasses.dataclass(eq=False)
class Adapter:
    """One connected StreamOutbound call: what it takes, and what it is to send."""

    channel_types: frozenset[ChannelType]
    outbox: asyncio.Queue[Leased | None] = dataclasses.field(default_factory=asyncio.Queue)

    def takes(self, channel_type: ChannelType) -> bool:
        return channel_type in self.channel_types


class OutboundDispatcher:
    def __init__(self, store: Store, clock: Clock, lease: dt.timedelta = DEFAULT_LEASE) -> None:
        self._store = store
        self._lease = lease
        self._adapters: list[Adapter] = []
        # Set once the server stops: every adapter's stream ends, later ones at once.
        self._closed = False
        self._turn = itertools.count()
        self._schedule = Schedule(
            "handing out outbound deliveries", clock, self._dispatch_round, self._next_lease_end
        )

    @property
    def connected(self) -> int:
        """How many StreamOutbound calls are connected."""
        return len(self._adapters)

    def connect(self, channel_types: Sequence[ChannelType]) -> Adapter:
        adapter = Adapter(frozenset(channel_types or _ALL_TYPES))
        if self._closed:
            adapter.outbox.put_nowait(None)
            return adapter
        self._adapters.append(adapter)
        self.poke()
        return adapter

    def disconnect(self, adapter: Adapter) -> None:
        # Its leases run out on their own, and their deliveries go to someone else.
        if adapter in self._adapters:
            self._adapters.remove(adapter)

    def close_all(self) -> None:
        """The server is stopping: every adapter's stream ends (it reconnects elsewhere)."""
        self._closed = True
        for adapter in self._adapters:
            adapter.outbox.put_nowait(None)
        self._adapters.clear()

    def poke(self) -> None:
        self._schedule.poke()

    async def run(self) -> None:
        await self._schedule.run()

    async def _dispatch_round(self) -> bool:
        return await self.dispatch_once() == LEASE_BATCH

    async def _next_lease_end(self) -> dt.datetime | None:
        # With nobody to hand deliveries to, only a new adapter's poke matters.
        return await self._store.read(outbound.next_lease_end) if self._adapters else None

    async def dispatch_once(self) -> int:
        """Leases what may be sent now and hands it out; returns how many."""
        if not self._adapters:
            return 0
        types = sorted({t for a in self._adapters for t in a.channel_types}, key=lambda t: t.value)
        leased = await self._store.write(
            functools.partial(
                outbound.lease_ready, channel_types=types, lease=self._lease, limit=LEASE_BATCH
            )
        )
        for item in leased:
            takers = [a for a in self._adapters if a.takes(item.delivery.channel_type)]
            if takers:
                takers[next(self._turn) % len(takers)].outbox.put_nowait(item)
        return len(leased)
