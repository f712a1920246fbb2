"""The streaming calls in progress, and the credential each was opened with.

A credential that stops being valid must stop a stream it opened, not only
later calls: deleting an API key ends its streams at once, and a stream opened
with an access token ends when the token expires, on the server's clock. A
subscriber that was cut for falling behind and then stops reading is ended here
too (events/stream.py). Each stream registers its task and how to stop its
handler; ending it records the error the call pipeline then ends the call with
(UNAUTHENTICATED, RESOURCE_EXHAUSTED, …), and stops the handler.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Callable

from relaydesk_server.clock import Clock
from relaydesk_server.domain.errors import DomainError, Unauthenticated
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.workers.schedule import Schedule

Task = asyncio.Task[object]


@dataclasses.dataclass(frozen=True)
class _Stream:
    subject: str
    expire_time: dt.datetime | None
    # Stops the stream's handler, from outside its task (transport/pipeline.py).
    stop: Callable[[], None]


class OpenStreams:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._streams: dict[Task, _Stream] = {}
        self._ended: dict[Task, DomainError] = {}
        # Ends streams whose token expired; `run()` it in the background.
        self.expiry = Schedule("stream expiry", clock, self._end_expired, self._next_expiry)

    def opened(self, principal: Principal, stop: Callable[[], None]) -> Task | None:
        """Registers the stream the current task serves, opened with `principal`."""
        task = asyncio.current_task()
        if task is not None:
            self._streams[task] = _Stream(principal.subject, principal.expire_time, stop)
            if principal.expire_time is not None:
                self.expiry.poke()
        return task

    def closed(self, task: Task | None) -> None:
        if task is not None:
            self._streams.pop(task, None)
            self._ended.pop(task, None)

    def ended_by(self, task: Task | None) -> DomainError | None:
        """Why this stream was ended, if it was ended here (None: some other cancellation)."""
        return self._ended.get(task) if task is not None else None

    def revoke(self, subject: str) -> None:
        """Ends every stream opened with the deleted API key `subject`."""
        error = Unauthenticated(
            f"{subject} was deleted: its streams end and its calls are refused",
            reason="CREDENTIALS_REVOKED",
        )
        for task in [t for t, stream in self._streams.items() if stream.subject == subject]:
            self.end(task, error)

    def end(self, task: Task, error: DomainError) -> None:
        """Ends the stream `task` serves with `error` (nothing if it is not open)."""
        stream = self._streams.pop(task, None)
        if stream is None:
            return
        self._ended[task] = error
        stream.stop()

    async def _end_expired(self) -> bool:
        now = self._clock.now()
        expired = [
            task
            for task, stream in self._streams.items()
            if stream.expire_time is not None and stream.expire_time <= now
        ]
        for task in expired:
            self.end(task, Unauthenticated("the access token has expired", reason="TOKEN_EXPIRED"))
        return False

    async def _next_expiry(self) -> dt.datetime | None:
        times = [s.expire_time for s in self._streams.values() if s.expire_time is not None]
        return min(times, default=None)
