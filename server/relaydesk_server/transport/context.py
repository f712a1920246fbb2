"""Per-call facts the call pipeline (transport/pipeline.py) establishes for handlers.

Handlers read who calls and from where here, never from their second argument: that is
the transport's own (a gRPC servicer context, or nothing from the browser endpoint), so a
handler that used it would behave differently on the two transports.
"""

from __future__ import annotations

import contextvars
import enum
from typing import TYPE_CHECKING, Any, TypeAlias

from relaydesk_server.domain.keys_model import Principal

if TYPE_CHECKING:
    import grpc.aio

    # What every handler receives as its second argument (unused: see above).
    Context: TypeAlias = grpc.aio.ServicerContext[Any, Any]

current_principal: contextvars.ContextVar[Principal] = contextvars.ContextVar("principal")
current_method: contextvars.ContextVar[str] = contextvars.ContextVar("method")
# The `Origin` the call came with: the web page a browser sent it from (None: not a page).
current_origin: contextvars.ContextVar[str | None] = contextvars.ContextVar("origin", default=None)


def caller() -> Principal:
    return current_principal.get()


def origin() -> str | None:
    return current_origin.get()


class Headers(enum.Enum):
    """Yielded by a streaming handler before any message: send the response headers now
    (a client waiting for them then knows the stream is live). Each transport does it its
    own way; it is never sent as a message."""

    NOW = "now"


SEND_HEADERS = Headers.NOW
