"""Fuzzing: property-based requests for every RPC, built from its request's descriptor,
valid-ish (real resource names, boundary numbers, known enums) and invalid (junk text,
unknown enum numbers, out-of-range times, bytes that are no message at all), under
several credentials. For each: the status is never UNKNOWN or INTERNAL; a rejected
request changes nothing in the database (the event log head included); health stays
SERVING; and the database passes `PRAGMA integrity_check` afterwards.

The server runs in this process on a ManualClock (no timer fires while fuzzing, so
nothing changes behind a request's back), on an event loop of its own thread, since
Hypothesis drives plain functions. No generated request makes the server call out:
URLs are loopback ones on a closed port, and bot HTTP steps are left out."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import grpc
import pytest
from google.protobuf import struct_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from grpc_health.v1 import health_pb2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relaydesk.v1 import common_pb2, workforce_service_pb2
from relaydesk_server.app import RelaydeskServer
from relaydesk_server.clock import ManualClock
from tests.faults.conftest import Figures, Size
from tests.support import (
    access_token,
    add_member,
    all_methods,
    client_for,
    create_default_workflow,
    create_flow,
    create_task,
    customer_writes,
    default_workflow,
    greeter_bot,
    health_status,
    integrity_check,
    new_bot,
    new_channel,
    new_worker,
    send,
    start_server,
    task_flow,
)

pytestmark = pytest.mark.faults

T = TypeVar("T")
NEVER = {grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL}
# Rows the server's background services keep (delivery leases, webhook attempts) change
# on their own; every other table is compared around each rejected request.
BOOKKEEPING = {"deliveries", "webhook_outbox"}
CLOSED_PORT_URLS = ["http://127.0.0.1:9/hook", "https://127.0.0.1:9/x?y=1", "http://[::1]:9/"]
NOT_URLS = ["", "not a url", "ftp://127.0.0.1/", "http://", "//127.0.0.1:9", "javascript:1"]
LEFT_OUT = {"http_request"}  # bot steps that call out
# Resource names as API §0 spells them: a collection, a two-letter prefix, 32 hex digits.
NAME_PREFIXES = [
    "flows/FO",
    "channels/CH",
    "sessions/KC",
    "activities/WA",
    "workers/WK",
    "queues/WQ",
    "workflows/WW",
    "tasks/WT",
    "bots/BT",
    "apiKeys/KY",
    "channels/CH00000000000000000000000000000000/members/MB",
    "channels/CH00000000000000000000000000000000/messages/IM",
]
INT_EDGES = [0, 1, -1, 2, 50, 1000, 1001, 2**31 - 1, -(2**31), 2**63 - 1, -(2**63)]


class Fuzzer:
    """A server and raw channels to it, on an event loop of their own thread."""

    def __init__(self, data_dir: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.data_dir = data_dir
        self.names: list[str] = []
        self.credentials: list[str] = []
        self.calls = 0
        self.codes: dict[str, int] = {}

    def run(self, coro: Awaitable[T], within: float = 60) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(within)  # type: ignore[arg-type]

    async def start(self) -> None:
        self.server: RelaydeskServer = await start_server(
            self.data_dir, ManualClock(), channel_message_burst=1_000_000
        )
        self.target = f"127.0.0.1:{self.server.port}"
        admin_key = (self.data_dir / "admin.key").read_text().strip()
        rd = client_for(self.target, admin_key)
        # Resources for requests to name: one or more of each kind.
        await create_default_workflow(rd)
        flow = await create_flow(rd, task_flow("+15550111"))
        channel = await new_channel(rd, unique_name="fuzzed")
        member = await add_member(rd, channel.name, "alice")
        message = await send(rd, channel.name, "hi")
        worker = await new_worker(rd, "alice")
        task = await create_task(rd, default_workflow())
        bot = await new_bot(rd, greeter_bot())
        inbound = await customer_writes(rd, customer="+15557001", contact="+15550111")
        activities = await rd.workforce.ListActivities(
            workforce_service_pb2.ListActivitiesRequest()
        )
        self.names = [
            flow.name,
            channel.name,
            "channels/fuzzed",
            member.name,
            message.name,
            worker,
            task.name,
            f"{task.name}/reservations/-",
            "tasks/-",
            "bots/-",
            default_workflow(),
            bot.name,
            inbound.channel,
            inbound.session,
            inbound.message.name,
            *(a.name for a in activities.activities),
            "alice",
            "system",
        ]
        agent = await access_token(rd, "alice", common_pb2.ROLE_AGENT)
        customer = await access_token(rd, "+15557001", common_pb2.ROLE_CUSTOMER, inbound.channel)
        self.credentials = [admin_key] * 6 + [agent, customer, "", "not-a-credential"]
        await rd.close()
        self.channel = grpc.aio.insecure_channel(self.target)

    async def call(self, method: MethodDescriptor, body: bytes, credential: str) -> grpc.StatusCode:
        """Sends `body` as `method`'s request; its status (a stream that is open and
        quiet a moment later counts as OK)."""
        path = f"/{method.containing_service.full_name}/{method.name}"
        metadata = (("authorization", f"Bearer {credential}"),) if credential else ()
        self.calls += 1
        identity: Callable[[bytes], bytes] = lambda b: b  # noqa: E731
        try:
            if method.server_streaming:
                call = self.channel.unary_stream(path, identity, identity)(body, metadata=metadata)
                try:
                    async with asyncio.timeout(0.3):
                        await call.read()
                except TimeoutError:
                    pass
                finally:
                    call.cancel()
                code = await call.code()
                if code == grpc.StatusCode.CANCELLED:  # we ended it: it was fine so far
                    code = grpc.StatusCode.OK
            else:
                await self.channel.unary_unary(path, identity, identity)(
                    body, metadata=metadata, timeout=20
                )
                code = grpc.StatusCode.OK
        except grpc.aio.AioRpcError as error:
            code = error.code()
        self.codes[code.name] = self.codes.get(code.name, 0) + 1
        return code

    def close(self) -> None:
        """Ends the event loop and its thread (after `stop()`)."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()

    async def stop(self) -> None:
        await self.channel.close()
        await self.server.stop(grace=None)


def snapshot(db_path: Path) -> str:
    """A digest of every table but the background services' bookkeeping."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if row[0] not in BOOKKEEPING
        ]
        for table in sorted(tables):
            digest.update(table.encode())
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            digest.update("\n".join(rows).encode())
        return digest.hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzer]:
    fuzzer = Fuzzer(tmp_path_factory.mktemp("fuzz") / "data")
    fuzzer.run(fuzzer.start())
    yield fuzzer
    try:
        assert fuzzer.run(health_status(fuzzer.target)) == health_pb2.HealthCheckResponse.SERVING
        assert integrity_check(fuzzer.data_dir / "relaydesk.db") == ["ok"]
    finally:
        fuzzer.run(fuzzer.stop())
        fuzzer.close()


# -- requests from descriptors ------------------------------------------------------


def text(field: FieldDescriptor, pool: list[str]) -> st.SearchStrategy[str]:
    if field.name.endswith("url"):
        return st.sampled_from(CLOSED_PORT_URLS + NOT_URLS)
    junk = st.text(max_size=40).filter(lambda t: "://" not in t)
    prefixed = st.sampled_from(NAME_PREFIXES).flatmap(
        lambda p: st.text("0123456789abcdefABCDEF-/", max_size=34).map(lambda t: p + t)
    )
    edges = st.sampled_from(["", " ", "x" * 300, "é" * 200, "\x00", "-", "*", "a/b/c"])
    return st.one_of(st.sampled_from(pool), junk, prefixed, edges)


def number(field: FieldDescriptor) -> st.SearchStrategy[Any]:
    t = field.type
    if t in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return st.floats(width=32 if t == FieldDescriptor.TYPE_FLOAT else 64)
    bits = (
        64
        if t
        in (
            FieldDescriptor.TYPE_INT64,
            FieldDescriptor.TYPE_SINT64,
            FieldDescriptor.TYPE_SFIXED64,
            FieldDescriptor.TYPE_UINT64,
            FieldDescriptor.TYPE_FIXED64,
        )
        else 32
    )
    unsigned = t in (
        FieldDescriptor.TYPE_UINT32,
        FieldDescriptor.TYPE_UINT64,
        FieldDescriptor.TYPE_FIXED32,
        FieldDescriptor.TYPE_FIXED64,
    )
    low, high = (0, 2**bits - 1) if unsigned else (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
    edges = [n for n in INT_EDGES if low <= n <= high]
    return st.one_of(st.sampled_from(edges), st.integers(low, high))


JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def struct() -> st.SearchStrategy[struct_pb2.Struct]:
    def build(value: dict[str, Any]) -> struct_pb2.Struct:
        s = struct_pb2.Struct()
        s.update(value)
        return s

    return st.dictionaries(st.text(max_size=12), JSON, max_size=4).map(build)


def scalar(field: FieldDescriptor, pool: list[str], depth: int) -> st.SearchStrategy[Any]:
    t = field.type
    if t == FieldDescriptor.TYPE_STRING:
        return text(field, pool)
    if t == FieldDescriptor.TYPE_BYTES:
        return st.binary(max_size=64)
    if t == FieldDescriptor.TYPE_BOOL:
        return st.booleans()
    if t == FieldDescriptor.TYPE_ENUM:
        known = [v.number for v in field.enum_type.values]
        return st.one_of(st.sampled_from(known), st.integers(-3, 200))
    if t == FieldDescriptor.TYPE_MESSAGE:
        return message(field.message_type, pool, depth + 1)
    return number(field)


def message(descriptor: Descriptor, pool: list[str], depth: int = 0) -> st.SearchStrategy[Any]:
    full = descriptor.full_name
    cls: type[Message] = _message_class(descriptor)
    if full == "google.protobuf.Struct":
        return struct()
    if full == "google.protobuf.Timestamp":
        return st.builds(
            cls,
            seconds=st.one_of(
                st.sampled_from([0, -1, 1767225600, 253402300800, -62135596801]),
                st.integers(-(2**40), 2**40),
            ),
            nanos=st.integers(-(2**31), 2**31 - 1),
        )
    if full == "google.protobuf.Duration":
        return st.builds(
            cls,
            seconds=st.one_of(
                st.sampled_from([0, -1, 1, 59, 86400, 315576000001]), st.integers(-(2**40), 2**40)
            ),
            nanos=st.integers(-(10**9), 10**9),
        )
    if full == "google.protobuf.FieldMask":
        return st.lists(st.one_of(text_of_fields(), st.text(max_size=12)), max_size=4).map(
            lambda p: cls(paths=p)
        )
    if depth > 3:
        return st.just(cls())
    fields = [f for f in descriptor.fields if f.name not in LEFT_OUT]

    @st.composite
    def build(draw: st.DrawFn) -> Message:
        built = cls()
        for field in fields:
            if not draw(st.booleans()):
                continue
            if field.message_type is not None and field.message_type.GetOptions().map_entry:
                key_field = field.message_type.fields_by_name["key"]
                value_field = field.message_type.fields_by_name["value"]
                entries = draw(
                    st.dictionaries(
                        scalar(key_field, pool, depth), scalar(value_field, pool, depth), max_size=3
                    )
                )
                target = getattr(built, field.name)
                for k, v in entries.items():
                    if value_field.type == FieldDescriptor.TYPE_MESSAGE:
                        target[k].CopyFrom(v)
                    else:
                        target[k] = v
            elif field.is_repeated:
                values = draw(st.lists(scalar(field, pool, depth), max_size=3))
                target = getattr(built, field.name)
                if field.type == FieldDescriptor.TYPE_MESSAGE:
                    for v in values:
                        target.add().CopyFrom(v)
                else:
                    target.extend(values)
            elif field.type == FieldDescriptor.TYPE_MESSAGE:
                getattr(built, field.name).CopyFrom(draw(scalar(field, pool, depth)))
            else:
                setattr(built, field.name, draw(scalar(field, pool, depth)))
        return built

    return build()


def text_of_fields() -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            "display_name",
            "attributes",
            "enabled",
            "name",
            "*",
            "task.priority",
            "etag",
            "create_time",
        ]
    )


def _message_class(descriptor: Descriptor) -> type[Message]:
    from google.protobuf import message_factory

    return message_factory.GetMessageClass(descriptor)


def request_bytes(method: MethodDescriptor, pool: list[str]) -> st.SearchStrategy[bytes]:
    """A request of `method`, serialized; now and then bytes that are no such message."""
    valid = message(method.input_type, pool).map(lambda m: m.SerializeToString())
    broken = st.one_of(
        st.binary(min_size=1, max_size=64),
        valid.filter(lambda b: len(b) > 1).map(lambda b: b[: len(b) // 2]),
    )
    return st.one_of(valid, valid, valid, valid, valid, valid, broken)


METHODS = all_methods()


@pytest.mark.parametrize(
    "method", METHODS, ids=[m.full_name.removeprefix("relaydesk.v1.") for m in METHODS]
)
def test_fuzzed_requests_are_answered_clearly_and_rejected_ones_change_nothing(
    fuzzer: Fuzzer, method: MethodDescriptor, size: Size
) -> None:
    db = fuzzer.data_dir / "relaydesk.db"

    @settings(
        max_examples=size.fuzz_examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(body=request_bytes(method, fuzzer.names), credential=st.sampled_from(fuzzer.credentials))
    def one(body: bytes, credential: str) -> None:
        before = snapshot(db)
        code = fuzzer.run(fuzzer.call(method, body, credential))
        assert code not in NEVER, f"{method.full_name} answered {code.name}"
        if code != grpc.StatusCode.OK:
            assert snapshot(db) == before, (
                f"a rejected {method.name} ({code.name}) changed the database"
            )

    one()
    assert fuzzer.run(health_status(fuzzer.target)) == health_pb2.HealthCheckResponse.SERVING


def test_fuzzing_figures(fuzzer: Fuzzer, figures: Figures, size: Size) -> None:
    """Runs last in this module: what the fuzzing did, in numbers."""
    assert fuzzer.calls >= len(METHODS) * size.fuzz_examples
    figures(rpcs=len(METHODS), calls=fuzzer.calls, statuses=dict(sorted(fuzzer.codes.items())))
