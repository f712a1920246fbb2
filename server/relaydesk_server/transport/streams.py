"""The streaming calls in progress, and the credential each was opened with.

A credential that stops being valid must stop a stream it opened, not only
later calls: deleting an API key ends its streams at once, and a stream opened
with an access token ends when the token expires, on the server's clock. Each
stream registers its task here; ending it cancels the task, marked with the
error the call pipeline then ends the call with (UNAUTHENTICATED).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

from relaydesk_server.clock import Clock
from relaydesk_server.domain.errors import DomainError, Unauthenticated
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.workers.schedule import Schedule

Task = asyncio.Task[object]


@dataclasses.dataclass(frozen=True)
class _Stream:
    subject: str
    expire_time: dt.datetime | None


class OpenStreams:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._streams: dict[Task, _Stream] = {}
        self._ended: dict[Task, DomainError] = {}
        # Ends streams whose token expired; `run()` it in the background.
        self.expiry = Schedule("stream expiry", clock, self._end_expired, self._next_expiry)

    def opened(self, principal: Principal) -> Task | None:
        task = asyncio.current_task()
        if task is not None:
            self._streams[task] = _Stream(principal.subject, principal.expire_time)
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
            self._end(task, error)

    def _end(self, task: Task, error: DomainError) -> None:
        self._streams.pop(task, None)
        self._ended[task] = error
        task.cancel()

    async def _end_expired(self) -> bool:
        now = self._clock.now()
        expired = [
            task
            for task, stream in self._streams.items()
            if stream.expire_time is not None and stream.expire_time <= now
        ]
        for task in expired:
            self._end(task, Unauthenticated("the access token has expired", reason="TOKEN_EXPIRED"))
        return False

    async def _next_expiry(self) -> dt.datetime | None:
        times = [s.expire_time for s in self._streams.values() if s.expire_time is not None]
        return min(times, default=None)
