"""What the async and the sync client share: which calls are safe to retry, request ids,
backoff, credentials and TLS, paging, and a subscription's cursor."""

from __future__ import annotations

import dataclasses
import functools
import os
import random
import uuid
from typing import Any, TypeVar

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message

from relaydesk.client._errors import RelaydeskError
from relaydesk.v1 import event_pb2, event_service_pb2

TOKEN_ENV = "RELAYDESK_TOKEN"

# Seconds a unary call may take, retries included, unless the call or connect() says otherwise.
DEFAULT_TIMEOUT = 30.0

M = TypeVar("M", bound=Message)

_NO_SIDE_EFFECTS = descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS
_IDEMPOTENT = descriptor_pb2.MethodOptions.IDEMPOTENT
# Request fields that make a retry harmless when set: AIP-155's request_id, and the
# provider's message id that DeliverInbound is idempotent on.
_IDEMPOTENCY_KEYS = ("request_id", "external_id")


@dataclasses.dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: the n-th wait (from 0) is drawn between half
    and all of `min(maximum, initial * multiplier**n)` seconds."""

    initial: float = 0.1
    maximum: float = 5.0
    multiplier: float = 2.0

    def delay(self, attempt: int) -> float:
        ceiling = min(self.maximum, self.initial * self.multiplier ** min(attempt, 64))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """How unary calls are retried: only on UNAVAILABLE, only when the call is safe to
    repeat (a read, or a write carrying a request id), at most `max_attempts` attempts
    in all, and never past the call's deadline."""

    max_attempts: int = 5
    backoff: Backoff = Backoff()


DEFAULT_RETRY = RetryPolicy()
NO_RETRY = RetryPolicy(max_attempts=1)
# How a subscription waits between reconnects.
SUBSCRIBE_BACKOFF = Backoff(initial=0.1, maximum=10.0)


def resolve_credential(credential: str | None) -> str | None:
    """`credential`, else $RELAYDESK_TOKEN when `credential` is None; "" means none at all."""
    if credential is None:
        credential = os.environ.get(TOKEN_ENV, "").strip()
    return credential or None


def tls_credentials(
    *,
    tls: bool,
    root_certificates: bytes | None,
    private_key: bytes | None,
    certificate_chain: bytes | None,
    channel_credentials: grpc.ChannelCredentials | None,
) -> grpc.ChannelCredentials | None:
    """The TLS credentials asked for, or None for plaintext."""
    if channel_credentials is not None:
        return channel_credentials
    if (private_key is None) != (certificate_chain is None):
        raise ValueError("private_key and certificate_chain go together (mutual TLS)")
    if not (tls or root_certificates or private_key):
        return None
    return grpc.ssl_channel_credentials(
        root_certificates=root_certificates,
        private_key=private_key,
        certificate_chain=certificate_chain,
    )


def method_path(method: str | bytes) -> str:
    """`/relaydesk.v1.FlowService/CreateFlow`, whichever type grpc handed it as."""
    return method.decode() if isinstance(method, bytes) else method


@functools.cache
def _method(path: str) -> MethodDescriptor | None:
    service, _, name = path.strip("/").partition("/")
    try:
        return descriptor_pool.Default().FindMethodByName(f"{service}.{name}")
    except KeyError:
        return None


def is_read(path: str) -> bool:
    """Whether the method declares it has no side effects (or, undeclared, is a Get/List)."""
    method = _method(path)
    if method is not None:
        return method.GetOptions().idempotency_level in (_NO_SIDE_EFFECTS, _IDEMPOTENT)
    name = path.rsplit("/", 1)[-1]
    return name.startswith(("Get", "List"))


def is_idempotent(path: str, request: Any) -> bool:
    """Whether sending `request` again cannot have a second effect."""
    if is_read(path):
        return True
    if not isinstance(request, Message):
        return False
    fields = request.DESCRIPTOR.fields_by_name
    return any(key in fields and getattr(request, key) for key in _IDEMPOTENCY_KEYS)


def _has_request_id(request: Message) -> bool:
    field = request.DESCRIPTOR.fields_by_name.get("request_id")
    return field is not None and field.type == FieldDescriptor.TYPE_STRING


def with_request_id(request: M) -> M:
    """`request` itself when it has no `request_id` field or already sets one, else a copy
    with a new random id (the caller's message is left as it was)."""
    if not _has_request_id(request) or getattr(request, "request_id"):  # noqa: B009
        return request
    copy = type(request)()
    copy.CopyFrom(request)
    setattr(copy, "request_id", str(uuid.uuid4()))  # noqa: B010
    return copy


def can_retry(policy: RetryPolicy, code: grpc.StatusCode, idempotent: bool, attempt: int) -> bool:
    """Whether attempt number `attempt` (from 1) that failed with `code` may be tried again."""
    return code == grpc.StatusCode.UNAVAILABLE and idempotent and attempt < policy.max_attempts


# -- paging ------------------------------------------------------------------------


def next_page(request: M, response: Message) -> M | None:
    """The request for the page after `response`, or None when it was the last."""
    token = getattr(response, "next_page_token", None)
    if token is None:
        raise TypeError(f"{type(response).__name__} is not a page: it has no next_page_token")
    if not token:
        return None
    following = type(request)()
    following.CopyFrom(request)
    setattr(following, "page_token", token)  # noqa: B010
    return following


def check_pageable(request: Message) -> None:
    if "page_token" not in request.DESCRIPTOR.fields_by_name:
        raise TypeError(f"{type(request).__name__} is not a List request: it has no page_token")


@functools.cache
def _items_field(response: Descriptor, item: Descriptor | None) -> str:
    candidates = [
        field.name
        for field in response.fields
        if field.is_repeated
        and field.message_type is not None
        and not field.message_type.GetOptions().map_entry
        and (item is None or field.message_type.full_name == item.full_name)
    ]
    if len(candidates) != 1:
        wanted = "" if item is None else f" of {item.full_name}"
        raise TypeError(f"{response.full_name} has no single repeated field{wanted}")
    return candidates[0]


def page_items(response: Message, item_type: type[M] | None) -> list[M]:
    """The resources a List response carries (its one repeated message field)."""
    item = None if item_type is None else item_type.DESCRIPTOR
    items: list[M] = list(getattr(response, _items_field(response.DESCRIPTOR, item)))
    return items


# -- subscriptions -----------------------------------------------------------------

_HEARTBEAT = event_pb2.EVENT_TYPE_HEARTBEAT

# A stream that fails with these (or ends) is opened again from its cursor.
RECONNECT_CODES = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,  # dropped connection, server restart or shutdown
        grpc.StatusCode.RESOURCE_EXHAUSTED,  # cut for falling behind its buffer
        grpc.StatusCode.CANCELLED,  # ended by the server (we only cancel when closing)
    }
)


class SubscriptionState:
    """A subscription's cursor and reconnect bookkeeping, for either client.

    The cursor is the sequence of the last event handed to the caller (or of the last
    heartbeat, which says everything up to it was delivered or filtered out); a new
    stream resumes after it, and anything at or before it is never handed out twice.
    """

    def __init__(
        self,
        request: event_service_pb2.SubscribeRequest,
        *,
        heartbeats: bool,
        backoff: Backoff,
        max_reconnects: int | None,
    ) -> None:
        self._request = request
        self.cursor: int | None = (
            request.after_sequence if request.HasField("after_sequence") else None
        )
        self.heartbeats = heartbeats
        self.backoff = backoff
        self.max_reconnects = max_reconnects
        self.streams = 0  # streams opened so far
        self.failures = 0  # consecutive failures without an event in between
        self.last_error: RelaydeskError | None = None

    @property
    def reconnects(self) -> int:
        return max(0, self.streams - 1)

    def next_request(self) -> event_service_pb2.SubscribeRequest:
        request = event_service_pb2.SubscribeRequest()
        request.CopyFrom(self._request)
        if self.cursor is not None:
            request.after_sequence = self.cursor
        self.streams += 1
        return request

    def accept(self, event: event_pb2.Event) -> bool:
        """Records that `event` arrived; True when it goes to the caller."""
        self.failures = 0
        if event.type == _HEARTBEAT:
            if self.cursor is None or event.sequence > self.cursor:
                self.cursor = event.sequence
            return self.heartbeats
        if event.sequence:  # typing has no sequence, and is never replayed
            if self.cursor is not None and event.sequence <= self.cursor:
                return False
            self.cursor = event.sequence
        return True

    def reconnect_delay(self, error: RelaydeskError) -> float:
        """How long to wait before opening the stream again after `error`; raises `error`
        when it is not worth a reconnect, or when too many failed in a row."""
        self.last_error = error
        if error.code() not in RECONNECT_CODES:
            raise error
        if self.max_reconnects is not None and self.failures >= self.max_reconnects:
            raise error
        delay = self.backoff.delay(self.failures)
        self.failures += 1
        return delay


def stream_ended() -> RelaydeskError:
    """The error a subscription records when the server ends its stream without a status."""
    return RelaydeskError(grpc.StatusCode.UNAVAILABLE, None, None, "the event stream ended")
