"""Per-call facts the interceptor establishes for handlers."""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Any, TypeAlias

from relaydesk_server.domain.keys_model import Principal

if TYPE_CHECKING:
    import grpc.aio

    # What every handler receives as its second argument.
    Context: TypeAlias = grpc.aio.ServicerContext[Any, Any]

current_principal: contextvars.ContextVar[Principal] = contextvars.ContextVar("principal")
current_method: contextvars.ContextVar[str] = contextvars.ContextVar("method")


def caller() -> Principal:
    return current_principal.get()
