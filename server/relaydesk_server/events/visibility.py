"""Which events a caller may see (API §9): one function, so it can be tested alone."""

from __future__ import annotations

from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.events.records import LoggedEvent


def may_see(principal: Principal, event: LoggedEvent) -> bool:
    # Admins and services see everything. Agents' and customers' views (their
    # channels, their tasks) come with their credentials; until then nobody
    # else can subscribe, and the safe answer is no.
    del event
    return principal.is_privileged
