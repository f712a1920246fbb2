"""The store: one writer thread with group commit, and a pool of readers, over either
engine (an `Engine`: SQLite here, PostgreSQL in storage/postgres/).

Every write is a function of a Transaction, queued to the single writer. The
writer takes all queued functions, runs each inside its own savepoint of one
SQLite transaction, commits once, and only then answers each caller — so a
burst of writes costs one fsync, and nobody hears "done" before the data is
on disk. A function that fails rolls back its own savepoint only.

Readers run on a small thread pool, each read in one snapshot of its own
connection; they never block the writer nor wait for it (SQLite's WAL mode,
PostgreSQL's MVCC).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import functools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from relaydesk_server.clock import Clock
from relaydesk_server.domain import webhooks
from relaydesk_server.domain.errors import InvalidArgument, Unavailable
from relaydesk_server.domain.events_model import LoggedEvent
from relaydesk_server.domain.names import IdSource, ResourceKind
from relaydesk_server.domain.ports import Idempotency
from relaydesk_server.domain.routing_index import RoutingIndex
from relaydesk_server.storage.bots_repo import SqlBotRepository
from relaydesk_server.storage.channels_repo import (
    CachedChannelRepository,
    SqlChannelRepository,
    SqlMemberRepository,
    SqlMessageRepository,
)
from relaydesk_server.storage.codec import ts_to_db
from relaydesk_server.storage.connection import connect
from relaydesk_server.storage.deliveries_repo import SqlDeliveryRepository
from relaydesk_server.storage.events_repo import (
    EventEncoder,
    Sequencer,
    SqlEventLog,
    SqlEventWriter,
)
from relaydesk_server.storage.executions_repo import SqlExecutionRepository
from relaydesk_server.storage.flows_repo import SqlFlowRepository
from relaydesk_server.storage.keys_repo import SqlApiKeyRepository, SqlSigningKeyRepository
from relaydesk_server.storage.migrations import apply_migrations
from relaydesk_server.storage.reply_tasks_repo import SqlReplyTaskRepository
from relaydesk_server.storage.reservations_repo import SqlReservationRepository
from relaydesk_server.storage.routing_repo import SqlQueueRepository, SqlWorkflowRepository
from relaydesk_server.storage.routing_sync import (
    IndexedQueueRepository,
    IndexedReservationRepository,
    IndexedTaskRepository,
    IndexedWorkerRepository,
    IndexedWorkflowRepository,
    load_routing_index,
)
from relaydesk_server.storage.sessions_repo import SqlInboundLog, SqlSessionRepository
from relaydesk_server.storage.sql import Db, Dialect
from relaydesk_server.storage.sqlite.dialect import SQLITE
from relaydesk_server.storage.stats import SqlStatistics
from relaydesk_server.storage.tasks_repo import SqlTaskRepository
from relaydesk_server.storage.timers_repo import SqlTimerRepository
from relaydesk_server.storage.webhooks_repo import SqlWebhookOutbox
from relaydesk_server.storage.workforce_repo import SqlActivityRepository, SqlWorkerRepository

log = logging.getLogger(__name__)

T = TypeVar("T")

REQUEST_ID_RETENTION = dt.timedelta(hours=24)
MAX_BATCH = 512


class Engine(Protocol):
    """What the store needs of a database engine: its dialect and its connections."""

    dialect: Dialect
    # The statement that opens a writer's transaction, and a reader's (one snapshot).
    begin_write: str
    begin_read: str

    def describe(self) -> str:
        """Where the data is, for logs (a path, or a URL without its password)."""
        ...

    def connect_writer(self) -> Any:
        """A new connection for the writer thread, autocommitting (BEGIN is explicit)."""
        ...

    def in_transaction(self, conn: Any) -> bool: ...

    def reader(self) -> Any:
        """A context manager lending a reader connection to the calling thread."""
        ...

    def close(self) -> None:
        """Closes the readers' connections."""
        ...


class SqliteEngine:
    """SQLite: a file; readers are one read-only connection per reader thread."""

    dialect: Dialect = SQLITE
    begin_write = "BEGIN IMMEDIATE"
    begin_read = "BEGIN"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._conns: list[Any] = []
        self._lock = threading.Lock()

    def describe(self) -> str:
        return str(self.path)

    def connect_writer(self) -> Any:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return connect(self.path)

    def in_transaction(self, conn: Any) -> bool:
        return bool(conn.in_transaction)

    @contextmanager
    def reader(self) -> Iterator[Any]:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, read_only=True)
            with self._lock:
                self._conns.append(conn)
            self._local.conn = conn
        yield conn

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                conn.close()
            self._conns.clear()


class StoreTransaction:
    """The domain's Transaction over one connection of either engine."""

    def __init__(
        self,
        db: Db,
        clock: Clock,
        ids: IdSource,
        events: SqlEventWriter | None = None,
    ) -> None:
        self._db = db
        self.db = db
        self.flows = SqlFlowRepository(db)
        self.bots = SqlBotRepository(db)
        self.api_keys = SqlApiKeyRepository(db)
        self.signing_keys = SqlSigningKeyRepository(db)
        self.channels: SqlChannelRepository = SqlChannelRepository(db)
        self.members = SqlMemberRepository(db)
        self.messages = SqlMessageRepository(db)
        self.events: SqlEventLog = events or SqlEventLog(db)
        self.activities = SqlActivityRepository(db)
        self.workers = SqlWorkerRepository(db)
        self.queues = SqlQueueRepository(db)
        self.timers = SqlTimerRepository(db)
        self.tasks = SqlTaskRepository(db)
        self.workflows = SqlWorkflowRepository(db)
        self.reservations = SqlReservationRepository(db)
        self.sessions = SqlSessionRepository(db)
        self.reply_tasks = SqlReplyTaskRepository(db)
        self.executions = SqlExecutionRepository(db)
        self.inbound = SqlInboundLog(db)
        self.deliveries = SqlDeliveryRepository(db)
        self.webhooks = SqlWebhookOutbox(db)
        self.stats = SqlStatistics(db)
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
    fn: Callable[[StoreTransaction], Any]
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


class Store:
    """The domain's Store over the database of one server. All its callers run on
    one event loop."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        ids: IdSource,
        *,
        event_encoder: EventEncoder = _no_events,
        readers: int = 4,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        self.engine = engine
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
        self._writer_conn: Any = None
        self._writer_thread: threading.Thread | None = None
        self._readers = concurrent.futures.ThreadPoolExecutor(
            max_workers=readers, thread_name_prefix="relaydesk-read"
        )
        # Per reader thread: the connection it last read on, and that connection's
        # transaction (its repositories), made again when the connection changes.
        self._reader_local = threading.local()
        self._closed = False
        # Built by the writer thread from the database when it starts.
        self._routing = RoutingIndex()

    # -- lifecycle -----------------------------------------------------------

    def describe(self) -> str:
        return self.engine.describe()

    def open(self) -> list[str]:
        """Opens the database, applies migrations, starts the writer. Returns migrations applied."""
        conn = self.engine.connect_writer()
        db = Db(conn, self.engine.dialect)
        try:
            applied = apply_migrations(db, self.clock.now())
            self.last_sequence = SqlEventLog(db).last_sequence()
        except BaseException:
            conn.close()
            raise
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
        self.engine.close()
        if self._writer_conn is not None:
            self._writer_conn.close()

    # -- writes --------------------------------------------------------------

    async def write(
        self,
        fn: Callable[[StoreTransaction], T],
        *,
        idempotency: Idempotency[T] | None = None,
    ) -> T:
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put(_WriteJob(fn, idempotency, loop, future))
        return await future

    def _write_loop(self, conn: Any) -> None:
        db = Db(conn, self.engine.dialect)
        self._sequencer = Sequencer(self.last_sequence)
        self._event_log = SqlEventWriter(
            db, self._sequencer, self._event_encoder, self._job_now, self._worker_identity
        )
        tx = StoreTransaction(db, self.clock, self.ids, self._event_log)
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

    def _run_batch(self, conn: Any, tx: StoreTransaction, batch: list[_WriteJob]) -> None:
        outcomes: list[_Outcome] = []
        events: list[LoggedEvent] = []
        changed: set[str] = set()
        watched: dict[
            str,
            SqlTimerRepository | SqlDeliveryRepository | SqlWebhookOutbox | SqlExecutionRepository,
        ] = {
            "timers": tx.timers,
            "deliveries": tx.deliveries,
            "webhooks": tx.webhooks,
            "bot_calls": tx.executions,
        }
        sequence_at_start = self._sequencer.last
        started = time.perf_counter()
        try:
            conn.execute(self.engine.begin_write)
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
        except self.engine.dialect.errors:
            log.exception("transaction failed; %d writes rolled back", len(batch))
            if self.engine.in_transaction(conn):
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

    def _run_job(self, tx: StoreTransaction, job: _WriteJob) -> Any:
        idem = job.idempotency
        if idem is None:
            return job.fn(tx)
        conn = tx.db
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
            "INSERT INTO request_log (scope, request_id, fingerprint, response, create_time) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, request_id) DO UPDATE SET "
            "fingerprint = excluded.fingerprint, response = excluded.response, "
            "create_time = excluded.create_time",
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

        def purge(tx: StoreTransaction) -> int:
            cutoff = ts_to_db(tx.now() - REQUEST_ID_RETENTION)
            cursor = tx.db.execute("DELETE FROM request_log WHERE create_time < ?", (cutoff,))
            return cursor.rowcount

        return await self.write(purge)

    # -- reads ---------------------------------------------------------------

    async def read(self, fn: Callable[[StoreTransaction], T]) -> T:
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._run_read, fn)

    def read_blocking(self, fn: Callable[[StoreTransaction], T], timeout: float) -> T:
        """`read` for a thread other than the event loop's (the metrics endpoint's): runs
        `fn` on the reader pool and waits for it, at most `timeout` seconds (TimeoutError)."""
        if self._closed:
            raise Unavailable("the server is shutting down", reason="SHUTTING_DOWN")
        return self._readers.submit(self._run_read, fn).result(timeout)

    def _run_read(self, fn: Callable[[StoreTransaction], T]) -> T:
        with self.engine.reader() as conn:
            local = self._reader_local
            if getattr(local, "conn", None) is not conn:
                local.tx = StoreTransaction(Db(conn, self.engine.dialect), self.clock, self.ids)
                local.conn = conn
            tx: StoreTransaction = local.tx
            tx.begin()
            # One read transaction: every query of `fn` sees the same snapshot.
            conn.execute(self.engine.begin_read)
            try:
                return fn(tx)
            finally:
                conn.execute("COMMIT")


class SqliteStore(Store):
    """The store over a SQLite file: the database of one server."""

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
        super().__init__(
            SqliteEngine(path),
            clock,
            ids,
            event_encoder=event_encoder,
            readers=readers,
            on_batch=on_batch,
        )
