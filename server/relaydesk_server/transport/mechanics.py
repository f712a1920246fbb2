"""API mechanics shared by every service: pages, request_id idempotency, update masks.

Written once here so that every handler behaves the same way (AIP-132/134/155/158).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import TypeVar

from google.protobuf import field_mask_pb2
from google.protobuf.message import Message as ProtoMessage

from relaydesk_server.domain.common import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageRequest
from relaydesk_server.domain.ports import Idempotency, Store, Transaction
from relaydesk_server.transport.context import caller, current_method
from relaydesk_server.transport.validation import Violations, check_request_id

R = TypeVar("R", bound=ProtoMessage)
S = TypeVar("S")
T = TypeVar("T")

# ---------------------------------------------------------------------------
# Pagination: opaque tokens that carry the position and a digest of the filters.


def _filters_digest(filters: Iterable[object]) -> str:
    return hashlib.blake2b(repr(tuple(filters)).encode(), digest_size=6).hexdigest()


def page_request(page_size: int, page_token: str, filters: Iterable[object]) -> PageRequest:
    """The page a List request asks for; `filters` are its filter values, in a fixed order."""
    violations = Violations()
    if page_size < 0:
        violations.add("page_size", "must not be negative")
    elif page_size > MAX_PAGE_SIZE:
        violations.add("page_size", f"at most {MAX_PAGE_SIZE}")
    after = None
    if page_token:
        try:
            data = json.loads(base64.urlsafe_b64decode(page_token.encode() + b"=="))
            after = int(data["a"])
            digest = str(data["f"])
        except (ValueError, KeyError, TypeError, binascii.Error):
            violations.add("page_token", "not a page token this server issued")
        else:
            violations.check(
                digest == _filters_digest(filters),
                "page_token",
                "the filters differ from those of the request that returned this token",
            )
    violations.raise_if_any()
    return PageRequest(size=page_size or DEFAULT_PAGE_SIZE, after=after)


def next_page_token(page: Page[T], filters: Iterable[object]) -> str:
    if page.next_after is None:
        return ""
    data = json.dumps({"a": page.next_after, "f": _filters_digest(filters)}).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


# ---------------------------------------------------------------------------
# Calls into the store, with request_id idempotency for writes.


def _fingerprint(request: ProtoMessage) -> str:
    stripped = type(request)()
    stripped.CopyFrom(request)
    stripped.ClearField("request_id")
    digest = hashlib.sha256(current_method.get("").encode() + b"\0")
    digest.update(stripped.SerializeToString(deterministic=True))
    return digest.hexdigest()


class Calls:
    """How handlers reach the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def read(self, fn: Callable[[Transaction], T]) -> T:
        return await self.store.read(fn)

    async def write(
        self,
        request: ProtoMessage,
        response_type: type[R],
        fn: Callable[[Transaction], R],
        *,
        stored: Callable[[R], R] | None = None,
    ) -> R:
        """Runs `fn` as one unit of work.

        A repeated `request.request_id` replays the first response instead, as
        `stored` left it when one is given (so a secret is never written down).
        """
        request_id: str = getattr(request, "request_id", "")
        if not request_id:
            return await self.store.write(fn)
        violations = Violations()
        check_request_id(violations, request_id)
        violations.raise_if_any()
        idempotency = Idempotency(
            scope=caller().subject,
            request_id=request_id,
            fingerprint=_fingerprint(request),
            encode=lambda response: (stored(response) if stored else response).SerializeToString(
                deterministic=True
            ),
            decode=response_type.FromString,
        )
        return await self.store.write(fn, idempotency=idempotency)


# ---------------------------------------------------------------------------
# Update masks (AIP-134).


def merge_update(
    current: R,
    patch: R,
    update_mask: field_mask_pb2.FieldMask,
    has_mask: bool,
    updatable: frozenset[str],
    output_only: frozenset[str],
) -> R:
    """`current` with the masked fields of `patch` applied.

    Without a mask, every populated top-level field of `patch` that can be
    updated is applied; `*` replaces every updatable field. A named message
    field is replaced as a whole; a sub-path (`task.priority`) changes one field.
    """
    violations = Violations()
    if not has_mask:
        paths = [field.name for field, _ in patch.ListFields() if field.name in updatable]
    elif list(update_mask.paths) == ["*"]:
        paths = sorted(path for path in updatable if "." not in path)
    else:
        paths = list(update_mask.paths)
        for i, path in enumerate(paths):
            if path in output_only:
                violations.add(f"update_mask.paths[{i}]", f"{path!r} is output only")
            elif path not in updatable:
                violations.add(
                    f"update_mask.paths[{i}]", f"{path!r} is not a field that can be updated"
                )
    violations.raise_if_any()
    merged = type(current)()
    merged.CopyFrom(current)
    if paths:
        mask = field_mask_pb2.FieldMask(paths=paths)
        mask.MergeMessage(patch, merged, replace_message_field=True, replace_repeated_field=True)
    return merged


def masked_change(
    patch: R,
    update_mask: field_mask_pb2.FieldMask,
    has_mask: bool,
    *,
    to_proto: Callable[[S], R],
    from_proto: Callable[[S, R], S],
    updatable: frozenset[str],
    output_only: frozenset[str],
) -> Callable[[S], S]:
    """The change an Update RPC asks for, to apply to the stored value inside the write.

    The stored value is turned into its proto, the masked fields of `patch`
    are applied, and the result is validated back into a domain value.
    """

    def change(current: S) -> S:
        merged = merge_update(
            to_proto(current), patch, update_mask, has_mask, updatable, output_only
        )
        return from_proto(current, merged)

    return change
