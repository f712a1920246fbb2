"""Figures about the work in progress, as the metrics endpoint reports them."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Backlog:
    # Tasks not yet completed or canceled, by status (every open status, 0 included).
    tasks: dict[str, int]
    # Outbound deliveries not yet acknowledged as sent, delivered or failed.
    deliveries_pending: int
    # Webhook postings not yet answered with a 2xx or given up on.
    webhook_postings_pending: int
