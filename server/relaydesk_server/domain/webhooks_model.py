"""Webhook postings (API §8): an event on its way to a WEBHOOK flow's URL."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Posting:
    """One event to POST to one flow's webhook."""

    id: int
    flow_id: str
    sequence: int
    data: bytes  # the encoded relaydesk.v1.Event
    attempts: int


@dataclasses.dataclass(frozen=True)
class Target:
    """Where and how a flow's webhook is called."""

    url: str
    secret: str
    retry_count: int
