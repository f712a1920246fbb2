"""Per-call facts the interceptor establishes for handlers."""

from __future__ import annotations

import contextvars

from relaydesk_server.domain.keys_model import Principal

current_principal: contextvars.ContextVar[Principal] = contextvars.ContextVar("principal")
current_method: contextvars.ContextVar[str] = contextvars.ContextVar("method")


def caller() -> Principal:
    return current_principal.get()
