"""Per-key token buckets: a sustained rate with room for bursts (API §11)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from relaydesk_server.domain.errors import ResourceExhausted


@dataclasses.dataclass
class _Bucket:
    tokens: float
    updated: dt.datetime


class RateLimiter:
    """`rate` tokens a second, at most `burst` saved up, per key.

    Used only from the store's writer thread, so it needs no lock.
    """

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, _Bucket] = {}

    def take(self, key: str, now: dt.datetime, what: str) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        elapsed = max((now - bucket.updated).total_seconds(), 0.0)
        bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
        bucket.updated = now
        if bucket.tokens < 1.0:
            # Rounded up, so that a caller who waits exactly this long gets through.
            wait = dt.timedelta(microseconds=math.ceil((1.0 - bucket.tokens) / self.rate * 1e6))
            raise ResourceExhausted(
                f"{what} is over its write rate of {self.rate:g}/s (bursts of {self.burst}); "
                "retry after the RetryInfo delay",
                retry_after=wait,
                reason="RATE_LIMITED",
            )
        bucket.tokens -= 1.0
        if len(self._buckets) > 10_000:
            self._forget_full(now)

    def _forget_full(self, now: dt.datetime) -> None:
        # A bucket that has refilled completely behaves like a new one: drop it.
        refill = dt.timedelta(seconds=self.burst / self.rate)
        self._buckets = {k: b for k, b in self._buckets.items() if now - b.updated < refill}
