"""POSTs the webhook outbox (API §8), signed, with retries on the server's clock.

Each posting's body is its event as JSON. The header
`X-Relaydesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
keyed with the flow's webhook secret, lets the receiver check it came from
here and is fresh. A non-2xx answer, a timeout (5 s) or a connection error is
a failed attempt, retried with exponential backoff; every attempt is logged.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import logging

import httpx
from google.protobuf import json_format

from relaydesk.v1 import event_pb2
from relaydesk_server.clock import Clock
from relaydesk_server.domain import webhooks
from relaydesk_server.domain.ports import Store
from relaydesk_server.domain.webhooks_model import Posting, Target
from relaydesk_server.workers.schedule import Schedule

log = logging.getLogger(__name__)

BATCH = 50
SIGNATURE_HEADER = "X-Relaydesk-Signature"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def body_of(posting: Posting) -> bytes:
    event = event_pb2.Event.FromString(posting.data)
    return json_format.MessageToJson(event, indent=None).encode()


class WebhookSender:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._schedule = Schedule(
            "sending webhooks",
            clock,
            self._send_round,
            lambda: store.read(lambda tx: tx.webhooks.next_due()),
        )
        self._client = httpx.AsyncClient(
            timeout=webhooks.POST_TIMEOUT.total_seconds(), follow_redirects=False
        )
        # The postings this server holds (webhooks.claim_due) and has not recorded.
        self._holding: set[int] = set()

    def poke(self) -> None:
        self._schedule.poke()

    async def close(self) -> None:
        """Lets go of the postings this server held and did not record (stopped mid-POST),
        so that the next server to look sends them at once."""
        await self._client.aclose()
        if self._holding:
            held = sorted(self._holding)
            try:
                await self._store.write(lambda tx: tx.webhooks.hold(held, tx.now()))
            except Exception:
                log.exception("could not let go of the webhook postings; they wait for their hold")

    async def settled(self) -> None:
        """Returns once the sender has recorded what it sent and waits for more."""
        await self._schedule.idle.wait()

    async def run(self) -> None:
        await self._schedule.run()

    async def _send_round(self) -> bool:
        return await self.send_due() == BATCH

    async def send_due(self) -> int:
        """POSTs every posting due now, concurrently; returns how many were tried."""
        # A read first: most looks find nothing, and need not take the writer.
        if not await self._store.read(lambda tx: tx.webhooks.due(self._clock.now(), 1)):
            return 0
        due = await self._store.write(functools.partial(webhooks.claim_due, limit=BATCH))
        self._holding.update(posting.id for posting, _ in due)
        await asyncio.gather(*(self._send(posting, target) for posting, target in due))
        return len(due)

    async def _send(self, posting: Posting, target: Target | None) -> None:
        error = "the flow is no longer a WEBHOOK flow" if target is None else None
        if target is not None:
            error = await self._post(posting, target)
        finished = await self._store.write(
            functools.partial(webhooks.record_attempt, posting=posting, target=target, error=error)
        )
        self._holding.discard(posting.id)
        log.log(
            logging.INFO if error is None else logging.WARNING,
            "webhook %s",
            "delivered" if error is None else ("given up" if finished else "failed; will retry"),
            extra={
                "flow": f"flows/{posting.flow_id}",
                "sequence": posting.sequence,
                "attempt": posting.attempts + 1,
                "error": error or "",
            },
        )

    async def _post(self, posting: Posting, target: Target) -> str | None:
        """POSTs once; the error, or None on a 2xx answer."""
        body = body_of(posting)
        timestamp = int(self._clock.now().timestamp())
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(target.secret, timestamp, body),
        }
        try:
            response = await self._client.post(target.url, content=body, headers=headers)
        except httpx.HTTPError as failure:
            detail = str(failure)
            return f"{type(failure).__name__}: {detail}" if detail else type(failure).__name__
        if response.is_success:
            return None
        return f"HTTP {response.status_code}"
