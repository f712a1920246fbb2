"""The one call pipeline, whichever transport a call arrives on (gRPC, or the browser
endpoint's Connect and gRPC-Web): it authenticates the call (or admits a visitor where
the policy lets one in), applies the policy's roles and the per-credential rate, runs the
handler, ends a failed call with the status of the error table (transport/errors.py), and
logs and counts every call.

A transport adapts its calls to `CallSite` and hands them here; handlers therefore only
raise domain errors and never build statuses, check credentials or log requests
themselves, and no rule exists twice.

It is also where a stopping server stops taking calls (`stop_taking_calls`, then
`finish_calls`): every call that arrives from then on, on either transport, is refused
with UNAVAILABLE (SHUTTING_DOWN) while the transports still serve, so none is left
waiting inside a transport when the transport itself stops. gRPC ends a call it has
received but not yet handed to its handler as CANCELLED when it stops (grpc core drops
its pending calls on shutdown), which a client cannot tell from "maybe applied".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import Any, NoReturn, Protocol

import grpc
from google.rpc import status_pb2

from relaydesk_server.clock import Clock
from relaydesk_server.domain import policy
from relaydesk_server.domain.errors import (
    DomainError,
    FieldViolation,
    InvalidArgument,
    Unavailable,
)
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.transport.context import (
    SEND_HEADERS,
    current_method,
    current_origin,
    current_principal,
)
from relaydesk_server.transport.errors import (
    internal_status,
    rich_status_for,
    unimplemented_status,
)
from relaydesk_server.transport.streams import OpenStreams

log = logging.getLogger("relaydesk.rpc")

# Told of each call as it ends (a stream when it ends): its method, its status code,
# how long it took in seconds, and its transport. Runs on the event loop: keep it cheap.
CallRecorder = Callable[[str, grpc.StatusCode, float, str], None]

Unary = Callable[[Any, Any], Awaitable[Any]]
Streaming = Callable[[Any, Any], AsyncGenerator[Any, None]]
# Adapts a transport's own per-call object (a gRPC servicer context, a Connect request
# context) to what the pipeline needs from it.
SiteOf = Callable[[Any], "CallSite"]

_CODES = {code.value[0]: code for code in grpc.StatusCode}

# The largest request message either transport takes (gRPC's default); a larger one is
# RESOURCE_EXHAUSTED before any of the pipeline runs.
MAX_REQUEST_BYTES = 4 * 1024 * 1024

# How long no call may have arrived before a stopping server stops its transports (within
# its grace). Calls a client had already sent, and retries after a refusal (the Python
# client's come at most 0.8 s apart), then reach a server still refusing them with
# SHUTTING_DOWN, rather than a transport that is stopping.
QUIET_BEFORE_STOP_S = 1.0
# How long calls still under way when the grace runs out get to send their status.
_STATUS_WAIT_S = 1.0


def _not_started() -> Unavailable:
    return Unavailable(
        "the server is shutting down: this call was not started; send it again (a write "
        "with the same request_id)",
        reason="SHUTTING_DOWN",
    )


def _not_finished() -> Unavailable:
    return Unavailable(
        "the server is shutting down: this call did not finish in time and may or may not "
        "have taken effect; send it again with the same request_id",
        reason="SHUTTING_DOWN",
    )


class Undecodable:
    """Stands in for a request whose bytes are not the message the RPC takes: the call
    then fails as INVALID_ARGUMENT once its caller is known, like any other bad input
    (decoding is the transport's, and it never fails a call on its own)."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class CallSite(Protocol):
    """One call as its transport has it."""

    @property
    def transport(self) -> str:
        """The transport's name, for the metrics: `grpc` or `http`."""

    @property
    def context(self) -> Any:
        """What the handler gets as its second argument."""

    @property
    def passes(self) -> tuple[type[BaseException], ...]:
        """The transport's own exceptions that end a call and go through untouched."""

    def header(self, name: str) -> str | None:
        """A request header (gRPC metadata) by its lowercase name."""

    def client_address(self) -> str:
        """The caller's network address, without its port."""

    async def fail(self, status: status_pb2.Status) -> NoReturn:
        """Ends the call with `status` (raises the transport's own exception)."""

    async def headers_now(self) -> object | None:
        """Sends the response headers of a stream before its first message; returns what
        the stream yields for that in its transport, if anything."""


class _StreamHandler:
    """A streaming call's handler as the pipeline runs it, and how to stop it from outside
    its task (its credential was revoked, or its subscriber stopped reading)."""

    def __init__(
        self, responses: AsyncGenerator[Any, None], task: asyncio.Task[Any] | None
    ) -> None:
        self.responses = responses
        self._task = task
        # Set while the pipeline waits at a `yield`: the transport has the last response,
        # and may be blocked writing it to a client that does not read.
        self.with_transport = False
        self._closing: asyncio.Task[None] | None = None

    def stop(self) -> None:
        """Called once the call was marked ended (OpenStreams): the pipeline ends it with
        that error. A handler that is running is cancelled where it waits. One whose task
        waits in the transport is out of reach of a cancellation that would still reach
        the client as a status: it is closed instead (what it holds goes at once), and
        the transport, once its client reads what it is writing, asks for the next
        response and gets the error."""
        if not self.with_transport:
            if self._task is not None:
                self._task.cancel()
        elif self._closing is None:
            self._closing = asyncio.get_running_loop().create_task(self.responses.aclose())

    async def close(self) -> None:
        await (self._closing or self.responses.aclose())


class CallRates:
    """The per-credential call rate (API §10): people's tokens and API keys each have
    their own sustained rate and burst; a rate of 0 means no limit."""

    def __init__(
        self,
        clock: Clock,
        token_rate: float,
        token_burst: int,
        key_rate: float = 0.0,
        key_burst: int = 0,
    ) -> None:
        self._clock = clock
        self._tokens = RateLimiter(token_rate, token_burst) if token_rate > 0 else None
        self._keys = RateLimiter(key_rate, key_burst) if key_rate > 0 else None

    def take(self, principal: Principal) -> None:
        limiter = self._keys if principal.is_privileged else self._tokens
        if limiter is not None:
            limiter.take(principal.subject, self._clock.now(), "this credential")


# Whether a request without a credential may go on as a visitor's (API §14).
Admission = Callable[[Any], Awaitable[bool]]


class Visitors:
    """Callers without a credential (API §14), on the RPCs the policy opens to visitors:
    each admits a request of its own kind (StartWebchat: one naming an enabled WEB flow),
    at a rate per client address. Anything else without a credential is unauthenticated."""

    def __init__(self, clock: Clock, rate_per_minute: float, burst: int) -> None:
        self._clock = clock
        self._limiter = RateLimiter(rate_per_minute / 60, burst) if rate_per_minute > 0 else None
        self._admissions: dict[str, Admission] = {}

    def admit_on(self, method_path: str, admission: Admission) -> None:
        if not policy.open_to_visitors(method_path):
            raise ValueError(f"the policy does not open {method_path} to visitors")
        self._admissions[method_path] = admission

    async def admit(self, method_path: str, request: Any, address: str) -> Principal | None:
        """The visitor making this call; None when it is not let in as one."""
        admission = self._admissions.get(method_path)
        if admission is None:
            return None
        if self._limiter is not None:
            self._limiter.take(address, self._clock.now(), f"the address {address}")
        if isinstance(request, Undecodable) or not await admission(request):
            return None
        return Principal(role=Role.VISITOR, subject=f"visitor:{address}")


class _CallLog:
    def __init__(self, method: str, transport: str, record: CallRecorder | None) -> None:
        self.method = method
        self.transport = transport
        self.principal: Principal | None = None
        self.started = time.perf_counter()
        self.request_id = ""
        self._record = record

    def done(self, code: grpc.StatusCode) -> None:
        elapsed = time.perf_counter() - self.started
        if self._record is not None:
            self._record(self.method, code, elapsed, self.transport)
        # Every failed call is logged; successful ones only at debug level, so
        # a busy server does not spend its time writing access lines.
        level = logging.DEBUG if code is grpc.StatusCode.OK else logging.INFO
        if not log.isEnabledFor(level):
            return
        log.log(
            level,
            "rpc",
            extra={
                "rpc_method": self.method,
                "code": code.name,
                "duration_ms": round(elapsed * 1000, 3),
                "principal": self.principal.subject if self.principal else None,
                "request_id": self.request_id or None,
                "transport": self.transport,
            },
        )

    def cancelled(self) -> None:
        """The client went away (or the server is stopping): counted, not logged."""
        if self._record is not None:
            elapsed = time.perf_counter() - self.started
            self._record(self.method, grpc.StatusCode.CANCELLED, elapsed, self.transport)


class CallPipeline:
    """What every relaydesk.v1 call goes through, on every transport."""

    def __init__(
        self,
        authenticator: Authenticator,
        rates: CallRates,
        streams: OpenStreams,
        visitors: Visitors,
        record: CallRecorder | None = None,
    ) -> None:
        self._authenticator = authenticator
        self._rates = rates
        self._streams = streams
        self.visitors = visitors
        self._record = record
        # Stopping: every call is refused (UNAVAILABLE, SHUTTING_DOWN).
        self._stopping = False
        # The unary calls under way (their tasks), and those ended for running past the grace.
        self._under_way: set[asyncio.Task[Any]] = set()
        self._overdue: set[asyncio.Task[Any]] = set()
        # When the last call arrived (the event loop's clock).
        self._last_arrival = -math.inf
        # Set whenever a call arrives or ends.
        self._changed = asyncio.Event()

    @property
    def calls_under_way(self) -> int:
        """How many unary calls have started and not ended yet."""
        return len(self._under_way)

    async def wait_for_calls_under_way(self, count: int) -> None:
        """Returns once exactly `count` unary calls are under way (for tests and metrics)."""
        while len(self._under_way) != count:
            self._changed.clear()
            await self._changed.wait()

    def stop_taking_calls(self) -> None:
        """From now on every call, on every transport, is refused with UNAVAILABLE
        (SHUTTING_DOWN) before any of it runs: it was not started, and is safe to send again."""
        self._stopping = True

    async def finish_calls(self, deadline: float) -> None:
        """After `stop_taking_calls`: returns once the unary calls under way have ended and
        no call has arrived for QUIET_BEFORE_STOP_S, or at `deadline` (the event loop's
        clock). Calls still under way then are ended with UNAVAILABLE (SHUTTING_DOWN: they
        may or may not have taken effect), and get a moment to send it."""
        loop = asyncio.get_running_loop()
        while (now := loop.time()) < deadline:
            until = deadline
            if not self._under_way:
                until = min(deadline, self._last_arrival + QUIET_BEFORE_STOP_S)
                if now >= until:
                    return
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout_at(until):
                    await self._changed.wait()
        overdue = set(self._under_way)
        if not overdue:
            return
        log.warning(
            "ending calls still under way at the end of the grace", extra={"calls": len(overdue)}
        )
        self._overdue |= overdue
        for task in overdue:
            task.cancel()
        await asyncio.wait(overdue, timeout=_STATUS_WAIT_S)

    def _arrived(self) -> asyncio.Task[Any] | None:
        self._last_arrival = asyncio.get_running_loop().time()
        self._changed.set()
        return asyncio.current_task()

    def _started(self, task: asyncio.Task[Any] | None) -> None:
        if task is not None:
            self._under_way.add(task)
            self._changed.set()

    def _ended(self, task: asyncio.Task[Any] | None) -> None:
        if task is not None and task in self._under_way:
            self._under_way.discard(task)
            self._overdue.discard(task)
            self._changed.set()

    async def _begin(self, call: _CallLog, request: Any, site: CallSite) -> Principal:
        """Records the call and who makes it; raises when it may not be made."""
        call.request_id = getattr(request, "request_id", "") or ""
        method = call.method
        current_method.set(method)
        current_origin.set(site.header("origin"))
        authorization = site.header("authorization")
        principal = None
        if not authorization:
            principal = await self.visitors.admit(method, request, site.client_address())
        if principal is None:
            principal = self._authenticator.authenticate(authorization)
        call.principal = principal
        current_principal.set(principal)
        policy.require_callable(principal, method)
        self._rates.take(principal)
        if isinstance(request, Undecodable):
            raise InvalidArgument(
                [FieldViolation("", f"the bytes sent are not a request message of {method}")],
                reason="MALFORMED_REQUEST",
            )
        return principal

    async def _fail(self, site: CallSite, call: _CallLog, error: Exception) -> NoReturn:
        """Ends the call with the status for `error`."""
        if isinstance(error, DomainError):
            status = rich_status_for(error)
        elif isinstance(error, NotImplementedError):
            status = unimplemented_status(call.method)
        else:
            log.error("unhandled error in %s", call.method, exc_info=error)
            status = internal_status()
        call.done(_CODES[status.code])
        await site.fail(status)

    async def unary(
        self, method: str, handler: Unary, site_of: SiteOf, request: Any, context: Any
    ) -> Any:
        """Runs one unary call of `method` (its path, `/relaydesk.v1.FlowService/GetFlow`)
        that came with the transport's `context`."""
        site = site_of(context)
        call = _CallLog(method, site.transport, self._record)
        task = self._arrived()
        try:
            if self._stopping:
                raise _not_started()
            self._started(task)
            await self._begin(call, request, site)
            response = await handler(request, site.context)
        except asyncio.CancelledError:
            if task is None or task not in self._overdue:
                call.cancelled()
                raise
            # Still under way when the server's grace ran out: said so, not cancelled.
            task.uncancel()
            await self._fail(site, call, _not_finished())
        except Exception as error:
            if isinstance(error, site.passes):
                raise
            await self._fail(site, call, error)
        finally:
            self._ended(task)
        call.done(grpc.StatusCode.OK)
        return response

    async def stream(
        self, method: str, handler: Streaming, site_of: SiteOf, request: Any, context: Any
    ) -> AsyncIterator[Any]:
        """Runs one server-streaming call, yielding what the transport sends."""
        site = site_of(context)
        call = _CallLog(method, site.transport, self._record)
        task = self._arrived()
        running: _StreamHandler | None = None
        try:
            if self._stopping:
                raise _not_started()
            principal = await self._begin(call, request, site)
            running = _StreamHandler(handler(request, site.context), task)
            self._streams.opened(principal, running.stop)
            async for response in running.responses:
                if response is SEND_HEADERS:
                    response = await site.headers_now()
                    if response is None:
                        continue
                running.with_transport = True
                yield response
                running.with_transport = False
                # Ended while the transport was writing (see _StreamHandler.stop).
                ended = self._streams.ended_by(task)
                if ended is not None:
                    raise ended
        except asyncio.CancelledError:
            # Ended because its credential stopped being valid, or its subscriber
            # stopped reading: say so, like any later call with it. Any other
            # cancellation goes on.
            ended = self._streams.ended_by(task)
            if ended is None or task is None:
                call.cancelled()
                raise
            task.uncancel()
            await self._fail(site, call, ended)
        except GeneratorExit:
            # The transport stopped reading (its client went away).
            call.cancelled()
            raise
        except Exception as error:
            if isinstance(error, site.passes):
                raise
            await self._fail(site, call, error)
        finally:
            self._streams.closed(task)
            if running is not None:
                await running.close()
        call.done(grpc.StatusCode.OK)
