"""Makes the HTTP calls of bots' http_request steps (API §7).

A step that calls out must not hold the single writer while the network
answers: the execution stores the call and waits; this service makes it
(with a timeout, httpx as webhooks do) and records the outcome in a unit of
work of its own, which moves the execution on. Calls are stored until their
outcome is recorded, so a restart makes a call that had not come back again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging

import httpx

from relaydesk_server.clock import Clock
from relaydesk_server.domain import bot_engine
from relaydesk_server.domain.bots_model import HttpCall
from relaydesk_server.domain.ports import Store
from relaydesk_server.workers.schedule import Schedule

log = logging.getLogger(__name__)

CALL_TIMEOUT = dt.timedelta(seconds=10)
# How long this server holds a call it makes (longer than the call may take): another
# server makes it only once the hold ran out, i.e. when this one died making it.
HOLD = CALL_TIMEOUT + dt.timedelta(seconds=2)
BATCH = 50


class BotCalls:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._in_flight: set[str] = set()
        # Calls this server held and gave up on when it stopped (cancelled mid-call).
        self._abandoned: set[str] = set()
        self._schedule = Schedule("calling for bots", clock, self._call_round, self._next_due)
        self._client = httpx.AsyncClient(
            timeout=CALL_TIMEOUT.total_seconds(), follow_redirects=False
        )

    def poke(self) -> None:
        self._schedule.poke()

    async def run(self) -> None:
        await self._schedule.run()

    async def close(self) -> None:
        """Lets go of the calls this server holds and did not finish (stopped mid-call), so
        that the next server to look makes them at once."""
        await self._client.aclose()
        if self._in_flight or self._abandoned:
            held = sorted(self._in_flight | self._abandoned)
            try:
                await self._store.write(lambda tx: tx.executions.hold_calls(held, None))
            except Exception:
                log.exception("could not let go of the bots' calls; they wait for their hold")

    async def _next_due(self) -> dt.datetime | None:
        # New calls poke; a call held by a server that died is due when its hold ends.
        return await self._store.read(lambda tx: tx.executions.next_hold_end())

    async def _call_round(self) -> bool:
        # A read first: most looks find nothing, and need not take the writer.
        now = self._clock.now()
        if not await self._store.read(lambda tx: tx.executions.any_unheld_call(now)):
            return False
        calls = await self._store.write(
            functools.partial(bot_engine.claim_calls, hold=HOLD, limit=BATCH)
        )
        fresh = [call for call in calls if call.execution_id not in self._in_flight]
        await asyncio.gather(*(self._call(call) for call in fresh))
        return len(calls) == BATCH and bool(fresh)

    async def _call(self, call: HttpCall) -> None:
        self._in_flight.add(call.execution_id)
        try:
            status, body, error = 0, b"", ""
            try:
                response = await self._client.request(
                    call.method,
                    call.url,
                    content=call.body.encode() if call.body else None,
                    headers={"Content-Type": "application/json"} if call.body else None,
                )
                status, body = response.status_code, response.content
            except httpx.HTTPError as failure:
                error = f"{type(failure).__name__}: {failure}".rstrip(": ")
            outcome = bot_engine.parse_outcome(status, body, error)
            await self._store.write(
                functools.partial(bot_engine.call_done, call=call, outcome=outcome)
            )
            log.log(
                logging.INFO if not outcome.error else logging.WARNING,
                "bot http call %s",
                "answered" if not outcome.error else "failed",
                extra={
                    "execution": call.execution_id,
                    "state": call.state,
                    "status": status,
                    "error": outcome.error,
                },
            )
        except asyncio.CancelledError:
            self._abandoned.add(call.execution_id)
            raise
        finally:
            self._in_flight.discard(call.execution_id)
