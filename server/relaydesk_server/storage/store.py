"""The store: one writer thread with group commit, and a pool of readers.

Every write is a function of a Transaction, queued to the single writer. The
writer takes all queued functions, runs each inside its own savepoint of one
SQLite transaction, commits once, and only then answers each caller — so a
burst of writes costs one fsync, and nobody hears "done" before the data is
on disk. A function that fails rolls back its own savepoint only.

Readers run on a small thread pool, each thread with its own connection; in
WAL mode they never block the writer nor wait for it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import functools
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from relaydesk_server.clock import Clock
from relaydesk_server.domain import webhooks
from relaydesk_server.domain.errors import InvalidArgument, Unavailable
from relaydesk_server.domain.events_model import LoggedEvent
from relaydesk_server.domain.names import IdSource, ResourceKind
from relaydesk_server.domain.ports import Idempotency
from relaydesk_server.domain.routing_index import RoutingIndex
from relaydesk_server.storage.bots_repo import SqliteBotRepository
from relaydesk_server.storage.channels_repo import (
    CachedChannelRepository,
    SqliteChannelRepository,
    SqliteMemberRepository,
    SqliteMessageRepository,
)
from relaydesk_server.storage.codec import ts_to_db
from relaydesk_server.storage.connection import connect
from relaydesk_server.storage.deliveries_repo import SqliteDeliveryRepository
from relaydesk_server.storage.events_repo import (
    EventEncoder,
    Sequencer,
    SqliteEventLog,
    SqliteEventWriter,
)
from relaydesk_server.storage.executions_repo import SqliteExecutionRepository
from relaydesk_server.storage.flows_repo import SqliteFlowRepository
from relaydesk_server.storage.keys_repo import SqliteApiKeyRepository, SqliteSigningKeyRepository
from relaydesk_server.storage.migrations import apply_migrations
from relaydesk_server.storage.reply_tasks_repo import SqliteReplyTaskRepository
from relaydesk_server.storage.reservations_repo import SqliteReservationRepository
from relaydesk_server.storage.routing_repo import SqliteQueueRepository, SqliteWorkflowRepository
from relaydesk_server.storage.routing_sync import (
    IndexedQueueRepository,
    IndexedReservationRepository,
    IndexedTaskRepository,
    IndexedWorkerRepository,
    IndexedWorkflowRepository,
    load_routing_index,
)
from relaydesk_server.storage.sessions_repo import SqliteInboundLog, SqliteSessionRepository
from relaydesk_server.storage.stats import SqliteStatistics
from relaydesk_server.storage.tasks_repo import SqliteTaskRepository
from relaydesk_server.storage.timers_repo import SqliteTimerRepository
from relaydesk_server.storage.webhooks_repo import SqliteWebhookOutbox
from relaydesk_server.storage.workforce_repo import SqliteActivityRepository, SqliteWorkerRepository

log = logging.getLogger(__name__)

T = TypeVar("T")

REQUEST_ID_RETENTION = dt.timedelta(hours=24)
MAX_BATCH = 512


class SqliteTransaction:
    """The domain's Transaction over one SQLite connection."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        ids: IdSource,
        events: SqliteEventWriter | None = None,
    ) -> None:
        self._db = db
        self.flows = SqliteFlowRepository(db)
        self.bots = SqliteBotRepository(db)
        self.api_keys = SqliteApiKeyRepository(db)
        self.signing_keys = SqliteSigningKeyRepository(db)
        self.channels: SqliteChannelRepository = SqliteChannelRepository(db)
        self.members = SqliteMemberRepository(db)
        self.messages = SqliteMessageRepository(db)
        self.events: SqliteEventLog = events or SqliteEventLog(db)
        self.activities = SqliteActivityRepository(db)
        self.workers = SqliteWorkerRepository(db)
        self.queues = SqliteQueueRepository(db)
        self.timers = SqliteTimerRepository(db)
        self.tasks = SqliteTaskRepository(db)
        self.workflows = SqliteWorkflowRepository(db)
        self.reservations = SqliteReservationRepository(db)
        self.sessions = SqliteSessionRepository(db)
        self.reply_tasks = SqliteReplyTaskRepository(db)
        self.executions = SqliteExecutionRepository(db)
        self.inbound = SqliteInboundLog(db)
        self.deliveries = SqliteDeliveryRepository(db)
        self.webhooks = SqliteWebhookOutbox(db)
        self.stats = SqliteStatistics(db)
        self._routing: RoutingIndex | None = None
        self._clock = clock
        self._ids = ids
        self._now: dt.datetime | None = None

    def follow_routing(self, index: RoutingIndex) -> None:
        """Makes this the writer's transaction: routing rows keep `index` current."""
        self._routing = index
        self.workers = IndexedWorkerRepository(self._db, index)
        self.queues = IndexedQueueRepository(self._db, index)
        self.workflows = IndexedWorkflowRepository(self._db, index)
        self.tasks = IndexedTaskRepository(self._db, index)
        self.reservations = IndexedReservationRepository(self._db, index)

    @property
    def routing(self) -> RoutingIndex:
        if self._routing is None:
            raise RuntimeError("routing decisions are made only by writes")
        return self._routing

    def begin(self) -> None:
        self._now = None

    def now(self) -> dt.datetime:
        if self._now is None:
            self._now = self._clock.now()
        return self._now

    def new_id(self, kind: ResourceKind) -> str:
        return self._ids.new_id(kind)


@dataclasses.dataclass
class _WriteJob:
    fn: Callable[[SqliteTransaction], Any]
    idempotency: Idempotency[Any] | None
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]


# A write's job, with its result or its error.
_Outcome = tuple[_WriteJob, Any, BaseException | None]


def _resolve(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the caller went away; the write stands regardless
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _no_events(sequence: int, now: dt.datetime, event: object) -> bytes:
    raise RuntimeError("this store was opened without an event encoder")


class SqliteStore:
    """The domain's Store over the SQLite database of one server. All its callers
    run on one event loop."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        ids: IdSource,
        *,
        event_encoder: EventEncoder = _no_events,
        readers: int = 4,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.ids = ids
        self._event_encoder = event_encoder
        # Called on the writer thread after each committed batch with its number of
        # writes and the seconds from its BEGIN until its COMMIT returned (metrics).
        self._on_batch = on_batch
        # Called on the event loop with each batch's committed events, in order.
        self.on_events: Callable[[list[LoggedEvent]], None] | None = None
        # Called on the event loop after a batch that wrote to a watched table:
        # "timers" (a timer scheduled or moved), "deliveries" (one added or
        # ended), "webhooks" (a posting queued).
        self.on_changed: dict[str, Callable[[], None]] = {}
        self.last_sequence = 0
        self._jobs: queue.SimpleQueue[_WriteJob | None] = queue.SimpleQueue()
        self._writer_conn: sqlite3.Connection | None = None
        self._writer_thread: threading.Thread | None = None
        self._readers = concurrent.futures.ThreadPoolExecutor(
            max_workers=readers, thread_name_prefix="relaydesk-read"
        )
        self._reader_local = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._reader_conns_lock = threading.Lock()
        self._closed = False
        # Built by the writer thread from the database when it starts.
        self._routing = RoutingIndex()

    # -- lifecycle -----------------------------------------------------------

    def open(self) -> list[str]:
        """Opens the database, applies migrations, starts the writer. Returns migrations applied."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(self.path)
        try:
            applied = apply_migrations(conn, self.clock.now())
        except BaseException:
            conn.close()
            raise
        self.last_sequence = SqliteEventLog(sqlite_utils.Database(conn)).last_sequence()
        self._writer_conn = conn
        self._writer_thread = threading.Thread(
            target=self._write_loop, args=(conn,), name="relaydesk-writer", daemon=True
        )
        self._writer_thread.start()
        return applied

    async def close(self) -> None:
        """Finishes every queued write, then closes all connections."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        if self._writer_thread is not None:
            await asyncio.to_thread(self._writer_thread.join)
        self._readers.shutdown(wait=True)
        with self._reader_conns_lock:
            for conn in self._reader_conns:
                conn.close()
            self._reader_conns.clear()
        if self._writer_conn is not None:
            self._writer_conn.close()

    # -- writes --------------------------------------------------------------

    async def write(
        self,
        fn: Callable[[SqliteTransaction], T],
        *,
        idempotency: Idempotency[T] | None = None,
    ) -> T:
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put(_WriteJob(fn, idempotency, loop, future))
        return await future

    def _write_loop(self, conn: sqlite3.Connection) -> None:
        db = sqlite_utils.Database(conn)
        self._sequencer = Sequencer(self.last_sequence)
        self._event_log = SqliteEventWriter(
            db, self._sequencer, self._event_encoder, self._job_now, self._worker_identity
        )
        tx = SqliteTransaction(db, self.clock, self.ids, self._event_log)
        self._channel_cache = CachedChannelRepository(db)
        tx.channels = self._channel_cache
        self._routing = load_routing_index(db)
        tx.follow_routing(self._routing)
        self._event_log.tap = functools.partial(webhooks.enqueue_if_watched, tx)
        self._tx = tx
        stopping = False
        while not stopping:
            first = self._jobs.get()
            if first is None:
                break
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stopping = True
                    break
                batch.append(job)
            self._run_batch(conn, tx, batch)

    def _job_now(self) -> dt.datetime:
        return self._tx.now()

    def _worker_identity(self, worker_id: str) -> str | None:
        """In the writer: the identity of a worker, as the current unit of work sees it."""
        worker = self._routing.workers.get(worker_id) or self._tx.workers.get(worker_id)
        return worker.spec.identity if worker is not None else None

    def _run_batch(
        self, conn: sqlite3.Connection, tx: SqliteTransaction, batch: list[_WriteJob]
    ) -> None:
        outcomes: list[_Outcome] = []
        events: list[LoggedEvent] = []
        changed: set[str] = set()
        watched: dict[
            str,
            SqliteTimerRepository
            | SqliteDeliveryRepository
            | SqliteWebhookOutbox
            | SqliteExecutionRepository,
        ] = {
            "timers": tx.timers,
            "deliveries": tx.deliveries,
            "webhooks": tx.webhooks,
            "bot_calls": tx.executions,
        }
        sequence_at_start = self._sequencer.last
        started = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for job in batch:
                tx.begin()
                for repository in watched.values():
                    repository.changed = False
                job_sequence = self._sequencer.last
                routing_mark = self._routing.mark()
                self._event_log.pending = []
                conn.execute("SAVEPOINT job")
                try:
                    result = self._run_job(tx, job)
                except BaseException as error:
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    # The job's events are gone with it, and so are their numbers.
                    self._sequencer.last = job_sequence
                    self._channel_cache.rolled_back()
                    self._routing.undo_to(routing_mark)
                    outcomes.append((job, None, error))
                else:
                    conn.execute("RELEASE job")
                    changed.update(name for name, repo in watched.items() if repo.changed)
                    self._channel_cache.committed()
                    events += self._event_log.pending
                    outcomes.append((job, result, None))
            conn.execute("COMMIT")
            self._routing.forget_journal()
        except sqlite3.Error:
            log.exception("transaction failed; %d writes rolled back", len(batch))
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._sequencer.last = sequence_at_start
            self._channel_cache.forget_all()
            self._routing.undo_to(0)
            failure = Unavailable("storage failed; the write was not applied", reason="STORAGE")
            outcomes = [(job, None, failure) for job in batch]
            events = []
            changed = set()
        else:
            self.last_sequence = self._sequencer.last
            if self._on_batch is not None:
                try:
                    self._on_batch(len(batch), time.perf_counter() - started)
                except Exception:
                    log.exception("the batch observer failed")
        # One wake-up of the event loop per batch, however many writes it holds.
        batch[0].loop.call_soon_threadsafe(self._complete, outcomes, events, changed)

    def _complete(
        self,
        outcomes: list[_Outcome],
        events: list[LoggedEvent],
        changed: set[str],
    ) -> None:
        """On the event loop: publish a durable batch, then answer its writers."""
        for name in changed:
            hook = self.on_changed.get(name)
            if hook is not None:
                hook()
        # Subscribers hear of a change only once it is durable, and before its
        # writer is answered.
        if events and self.on_events is not None:
            self.on_events(events)
        for job, result, error in outcomes:
            _resolve(job.future, result, error)

    def _run_job(self, tx: SqliteTransaction, job: _WriteJob) -> Any:
        idem = job.idempotency
        if idem is None:
            return job.fn(tx)
        conn = self._writer_conn
        assert conn is not None
        oldest_valid = ts_to_db(tx.now() - REQUEST_ID_RETENTION)
        row = conn.execute(
            "SELECT fingerprint, response, create_time FROM request_log "
            "WHERE scope = ? AND request_id = ?",
            (idem.scope, idem.request_id),
        ).fetchone()
        if row is not None and row[2] >= oldest_valid:
            if row[0] != idem.fingerprint:
                raise InvalidArgument.field(
                    "request_id",
                    "this request_id was already used with a different request",
                    reason="REQUEST_ID_REUSED",
                )
            return idem.decode(row[1])
        result = job.fn(tx)
        conn.execute(
            "INSERT OR REPLACE INTO request_log (scope, request_id, fingerprint, response, "
            "create_time) VALUES (?, ?, ?, ?, ?)",
            (
                idem.scope,
                idem.request_id,
                idem.fingerprint,
                idem.encode(result),
                ts_to_db(tx.now()),
            ),
        )
        return result

    async def purge_request_log(self) -> int:
        """Forgets request ids older than their retention; returns how many."""

        def purge(tx: SqliteTransaction) -> int:
            assert self._writer_conn is not None
            cutoff = ts_to_db(tx.now() - REQUEST_ID_RETENTION)
            cursor = self._writer_conn.execute(
                "DELETE FROM request_log WHERE create_time < ?", (cutoff,)
            )
            return cursor.rowcount

        return await self.write(purge)

    # -- reads ---------------------------------------------------------------

    async def read(self, fn: Callable[[SqliteTransaction], T]) -> T:
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._run_read, fn)

    def read_blocking(self, fn: Callable[[SqliteTransaction], T], timeout: float) -> T:
        """`read` for a thread other than the event loop's (the metrics endpoint's): runs
        `fn` on the reader pool and waits for it, at most `timeout` seconds (TimeoutError)."""
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        return self._readers.submit(self._run_read, fn).result(timeout)

    def _run_read(self, fn: Callable[[SqliteTransaction], T]) -> T:
        local = self._reader_local
        if not hasattr(local, "tx"):
            conn = connect(self.path, read_only=True)
            with self._reader_conns_lock:
                self._reader_conns.append(conn)
            local.conn = conn
            local.tx = SqliteTransaction(sqlite_utils.Database(conn), self.clock, self.ids)
        local.tx.begin()
        # One read transaction: every query of `fn` sees the same snapshot.
        local.conn.execute("BEGIN")
        try:
            return fn(local.tx)
        finally:
            local.conn.execute("COMMIT")
