"""Mechanics every resource shares: pages and etags."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Generic, TypeVar

from relaydesk_server.domain.errors import Aborted

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


@dataclasses.dataclass(frozen=True)
class PageRequest:
    """At most `size` items, starting after the storage position `after` (None: from the start)."""

    size: int = DEFAULT_PAGE_SIZE
    after: int | None = None


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    # Where the next page starts, or None when this page is the last.
    next_after: int | None


def check_etag(current_etag: str, etag: str | None, name: str) -> None:
    """An update's etag, when sent, must be the stored one (AIP-154)."""
    if etag and etag != current_etag:
        raise Aborted(
            f"{name} changed since etag {etag} was read; read it again and retry",
            reason="ETAG_MISMATCH",
        )


def etag_of(resource_id: str, revision: int) -> str:
    """An opaque etag that changes with every revision of a resource."""
    digest = hashlib.blake2b(f"{resource_id}:{revision}".encode(), digest_size=8).hexdigest()
    return f'"{digest}"'
