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
import base64
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import queue
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from relaydesk_server.clock import Clock
from relaydesk_server.domain import webhooks
from relaydesk_server.domain.errors import InvalidArgument, Unavailable
from relaydesk_server.domain.events_model import EventType, LoggedEvent
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
from relaydesk_server.storage.codec import ts_from_db, ts_to_db
from relaydesk_server.storage.connection import connect
from relaydesk_server.storage.deliveries_repo import SqlDeliveryRepository
from relaydesk_server.storage.events_repo import (
    EventEncoder,
    Sequencer,
    SqlEventLog,
    SqlEventWriter,
)
from relaydesk_server.storage.executions_repo import SqlExecutionRepository
from relaydesk_server.storage.flows_repo import JobFlowRepository, SqlFlowRepository
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
from relaydesk_server.storage.sql import Db, Dialect, Heard, LogClaim, Passed
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

    def is_lost(self, conn: Any) -> bool:
        """Whether `conn` can no longer be used (its server went away)."""
        ...

    def reader(self) -> Any:
        """A context manager lending a reader connection to the calling thread."""
        ...

    def close(self) -> None:
        """Closes the readers' connections."""
        ...

    # Whether other servers may share the database.
    shared: bool

    async def watch_commits(
        self,
        instance: str,
        heard: Heard,
        passed: Passed,
    ) -> None:
        """Calls `heard` with what other servers' transactions changed (the names of
        `Store.on_changed`, and "events"), as they commit, until cancelled; with
        EVERYTHING whenever it cannot know (at start, after a lost connection), and with
        "events" now and then; and `passed` with what they `pass_on`.
        Returns at once where this server is the database's only writer."""
        ...

    def pass_on(self, instance: str, text: str) -> None:
        """Hands `text` (short) to the other servers' `passed`; nothing where none can be."""
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

    def is_lost(self, conn: Any) -> bool:
        return False  # a file does not go away

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

    # One server owns a SQLite file: nobody else commits, nobody needs telling.
    shared = False

    async def watch_commits(
        self,
        instance: str,
        heard: Heard,
        passed: Passed,
    ) -> None:
        return

    def pass_on(self, instance: str, text: str) -> None:
        return


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


# A repository whose writes the store reports (Store.on_changed).
_Watched = (
    SqlTimerRepository
    | SqlDeliveryRepository
    | SqlWebhookOutbox
    | SqlExecutionRepository
    | SqlApiKeyRepository
    | SqlSigningKeyRepository
)

# A write's job, with its result or its error.
_Outcome = tuple[_WriteJob, Any, BaseException | None]


def _resolve(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the caller went away; the write stands regardless
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


# PostgreSQL's NOTIFY payloads hold less than 8000 bytes.
MAX_SHARED = 7000


def _pack_event(event: LoggedEvent) -> str:
    data = base64.b64encode(event.data).decode()
    return f"{event.type.value} {event.channel or '-'} {ts_to_db(event.create_time)} {data}"


def _unpack_event(text: str) -> LoggedEvent:
    kind, channel, created, data = text.split(" ")
    return LoggedEvent(
        0,
        EventType(kind),
        None if channel == "-" else channel,
        ts_from_db(created),
        base64.b64decode(data, validate=True),
    )


def _log_failure(future: concurrent.futures.Future[None]) -> None:
    error = future.exception()
    if error is not None:
        log.warning("could not share an event with the other servers", extra={"error": str(error)})


def _answer(outcomes: list[_Outcome]) -> None:
    for job, result, error in outcomes:
        _resolve(job.future, result, error)


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
        # Called on the event loop with each batch's committed events, in order. It may
        # return a future (when earlier events of other servers must reach subscribers
        # first): the batch's writers are answered once it is done.
        self.on_events: Callable[[list[LoggedEvent]], asyncio.Future[None] | None] | None = None
        # Called on the event loop after a batch that wrote to a watched table:
        # "timers" (a timer scheduled or moved), "deliveries" (one added or
        # ended), "webhooks" (a posting queued), "bot_calls", "api_keys",
        # "signing_keys".
        self.on_changed: dict[str, Callable[[], None]] = {}
        self.last_sequence = 0
        # This server among those sharing the database (PostgreSQL): its notices name it,
        # so that it does not act on its own.
        self.instance = secrets.token_hex(8)
        # The event log's generation and routing version as this server's writer last
        # committed them (LogClaim): another server wrote since when they differ.
        self._generation: int | None = None
        self._routing_version: int | None = None
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
        tx = self._writer_state(conn)
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
            if self._writer_conn is None:  # lost: a new connection, or the batch fails
                conn, tx = self._reconnect(batch)
                if conn is None:
                    continue
            if not self._run_batch(conn, tx, batch, first_try=True):
                # The connection was gone before anything ran (PostgreSQL restarted, or
                # dropped an idle connection): the same batch, once, on a new one.
                conn, tx = self._reconnect(batch)
                if conn is not None:
                    self._run_batch(conn, tx, batch, first_try=False)

    def _writer_state(self, conn: Any) -> StoreTransaction:
        """The writer's transaction over `conn`, and what it keeps in memory, read from
        the database."""
        db = Db(conn, self.engine.dialect)
        self._writer_conn = conn
        self._sequencer = Sequencer(self.last_sequence)
        self._event_log = SqlEventWriter(
            db, self._sequencer, self._event_encoder, self._job_now, self._worker_identity
        )
        tx = StoreTransaction(db, self.clock, self.ids, self._event_log)
        self._channel_cache = CachedChannelRepository(db)
        tx.channels = self._channel_cache
        self._flows = JobFlowRepository(db)
        tx.flows = self._flows
        self._routing = load_routing_index(db)
        tx.follow_routing(self._routing)
        self._event_log.tap = functools.partial(webhooks.enqueue_if_watched, tx)
        self._tx = tx
        # Whatever was written meanwhile, by any server, is followed at the next claim.
        self._generation = self._routing_version = None
        return tx

    def _reconnect(self, batch: list[_WriteJob]) -> tuple[Any, StoreTransaction]:
        """A new writer connection and state; when the database cannot be reached, fails
        `batch` with UNAVAILABLE and returns (None, the old transaction)."""
        old = self._writer_conn
        self._writer_conn = None
        if old is not None:
            with contextlib.suppress(Exception):
                old.close()
        try:
            conn = self.engine.connect_writer()
            tx = self._writer_state(conn)
        except Exception as error:
            log.warning("cannot reconnect to the database", extra={"error": str(error)})
            failure = Unavailable(
                "storage is unreachable; the write was not applied", reason="STORAGE"
            )
            failed: list[_Outcome] = [(job, None, failure) for job in batch]
            batch[0].loop.call_soon_threadsafe(self._complete, failed, [], set())
            return None, self._tx
        log.info("reconnected to the database")
        return conn, tx

    def _follow_other_servers(self, db: Db, tx: StoreTransaction, claim: LogClaim) -> None:
        """In the writer, at the start of a transaction, when another server wrote since
        this one's last: what this writer keeps in memory is read again from the
        database, so that its decisions (routing above all) see the other servers'. The
        routing index, the costly one, only when they changed routing's rows."""
        self._sequencer.last = claim.last_sequence
        self._channel_cache.forget_all()
        if claim.routing_version != self._routing_version:
            self._routing = load_routing_index(db)
            tx.follow_routing(self._routing)

    def _job_now(self) -> dt.datetime:
        return self._tx.now()

    def _worker_identity(self, worker_id: str) -> str | None:
        """In the writer: the identity of a worker, as the current unit of work sees it."""
        worker = self._routing.workers.get(worker_id) or self._tx.workers.get(worker_id)
        return worker.spec.identity if worker is not None else None

    def _run_batch(
        self, conn: Any, tx: StoreTransaction, batch: list[_WriteJob], *, first_try: bool
    ) -> bool:
        """Runs the batch in one transaction and answers its writers; False (and nothing
        done, nobody answered) when, on a `first_try`, the connection turned out to be
        gone before any write ran."""
        outcomes: list[_Outcome] = []
        events: list[LoggedEvent] = []
        changed: set[str] = set()
        watched: dict[str, _Watched] = {
            "timers": tx.timers,
            "deliveries": tx.deliveries,
            "webhooks": tx.webhooks,
            "bot_calls": tx.executions,
            "api_keys": tx.api_keys,
            "signing_keys": tx.signing_keys,
        }
        dialect = self.engine.dialect
        db = tx.db
        sequence_at_start = self._sequencer.last
        started = time.perf_counter()
        claim: LogClaim | None = None
        running = False
        try:
            conn.execute(self.engine.begin_write)
            claim = dialect.claim_log(db)
            running = True
            if claim is not None and claim.generation != self._generation:
                self._follow_other_servers(db, tx, claim)
                sequence_at_start = self._sequencer.last
            for index, job in enumerate(batch):
                tx.begin()
                self._flows.forget()
                for repository in watched.values():
                    repository.changed = False
                job_sequence = self._sequencer.last
                routing_mark = self._routing.mark()
                self._event_log.pending = []
                # Each write in a savepoint of its own; the previous one's is released
                # here (COMMIT releases the last), in one round trip where the engine can.
                dialect.next_savepoint(db, first=index == 0)
                try:
                    result = self._run_job(tx, job)
                except BaseException as error:
                    conn.execute("ROLLBACK TO job")
                    # The job's events are gone with it, and so are their numbers.
                    self._sequencer.last = job_sequence
                    self._channel_cache.rolled_back()
                    self._routing.undo_to(routing_mark)
                    outcomes.append((job, None, error))
                else:
                    changed.update(name for name, repo in watched.items() if repo.changed)
                    self._channel_cache.committed()
                    events += self._event_log.pending
                    outcomes.append((job, result, None))
            routing_changed = self._routing.mark() > 0
            if claim is not None:
                news = sorted(changed | ({"events"} if events else set()))
                dialect.release_log(
                    db,
                    claim,
                    self._sequencer.last,
                    routing_changed,
                    f"{self.instance} {' '.join(news)}" if news else "",
                )
            conn.execute("COMMIT")
            self._routing.forget_journal()
        except self.engine.dialect.errors:
            lost = self.engine.is_lost(conn)
            if lost and first_try and not running:
                return False
            log.exception("transaction failed; %d writes rolled back", len(batch))
            if lost:
                self._writer_conn = None  # a new connection for the next batch
            elif self.engine.in_transaction(conn):
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
            if claim is not None:
                self._generation = claim.generation + 1
                self._routing_version = claim.routing_version + int(routing_changed)
            if self._on_batch is not None:
                try:
                    self._on_batch(len(batch), time.perf_counter() - started)
                except Exception:
                    log.exception("the batch observer failed")
        # One wake-up of the event loop per batch, however many writes it holds.
        batch[0].loop.call_soon_threadsafe(self._complete, outcomes, events, changed)
        return True

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
            published = self.on_events(events)
            if published is not None:
                published.add_done_callback(lambda _: _answer(outcomes))
                return
        _answer(outcomes)

    async def watch_other_servers(
        self, heard: Heard, shared_with_us: Callable[[LoggedEvent], None]
    ) -> None:
        """Calls `heard` with what other servers sharing the database change, and
        `shared_with_us` with the events they `share`, until cancelled
        (Engine.watch_commits); returns at once on SQLite."""

        def passed(text: str) -> None:
            try:
                event = _unpack_event(text)
            except ValueError:
                log.warning("ignored a malformed notice from another server")
                return
            shared_with_us(event)

        await self.engine.watch_commits(self.instance, heard, passed)

    def share(self, event: LoggedEvent) -> None:
        """Hands an event that is never stored (typing) to the other servers sharing the
        database, for their subscribers; at once, without waiting. Nothing on SQLite."""
        if not self.engine.shared or self._closed:
            return
        text = _pack_event(event)
        if len(text) > MAX_SHARED:
            log.warning("an event too large to share with the other servers was not shared")
            return
        future = self._readers.submit(self.engine.pass_on, self.instance, text)
        future.add_done_callback(_log_failure)

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
            try:
                # One read transaction: every query of `fn` sees the same snapshot.
                conn.execute(self.engine.begin_read)
                try:
                    return fn(tx)
                finally:
                    if not self.engine.is_lost(conn):
                        conn.execute("COMMIT")
            except self.engine.dialect.errors as error:
                log.warning("a read failed in storage", extra={"error": str(error)})
                raise Unavailable(
                    "storage failed; the read did not complete", reason="STORAGE"
                ) from error


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
