"""Wiring: build the store, the domain services, the gRPC server and the browser endpoint.
No rules live here."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import os
import stat
from pathlib import Path

import grpc.aio
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from relaydesk_server.arguments import check_database_url, is_postgres, sqlite_path
from relaydesk_server.clock import Clock, SystemClock
from relaydesk_server.domain import bot_engine, janitor, keys, reservations, tasks
from relaydesk_server.domain.events_model import LoggedEvent
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.names import IdSource, RandomIds
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.domain.tokens import Keyring
from relaydesk_server.events.bus import EventBus
from relaydesk_server.events.follower import LogFollower
from relaydesk_server.events.stream import REPLAY_PAGE, EventStreams
from relaydesk_server.metrics import MetricsEndpoint, ServerMetrics, gauge_reader, parse_listen
from relaydesk_server.storage.postgres.engine import PostgresEngine
from relaydesk_server.storage.store import SqliteStore, Store
from relaydesk_server.transport.browser.assets import WEB_ROOT
from relaydesk_server.transport.browser.endpoint import HttpEndpoint, browser_app
from relaydesk_server.transport.events_convert import (
    as_customer_sees,
    encode_event,
    heartbeat_frame,
)
from relaydesk_server.transport.interceptor import RpcInterceptor
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.pipeline import (
    MAX_REQUEST_BYTES,
    CallPipeline,
    CallRates,
    Visitors,
)
from relaydesk_server.transport.reflection import enable_reflection
from relaydesk_server.transport.registry import SERVICE_NAMES, register_services
from relaydesk_server.transport.streams import OpenStreams
from relaydesk_server.transport_security import PlaintextRefused, TlsFiles, check_plaintext
from relaydesk_server.workers.bot_calls import BotCalls
from relaydesk_server.workers.dispatch import OutboundDispatcher
from relaydesk_server.workers.timers import TimerService
from relaydesk_server.workers.webhook_sender import WebhookSender

log = logging.getLogger(__name__)

DB_FILE = "relaydesk.db"
ADMIN_KEY_FILE = "admin.key"


@dataclasses.dataclass
class ServerOptions:
    listen: str = "127.0.0.1:50051"
    data_dir: Path = Path("data")
    # `sqlite:///PATH`, or `postgresql://…` (API §15); None: `data_dir`/relaydesk.db.
    database_url: str | None = None
    clock: Clock = dataclasses.field(default_factory=SystemClock)
    ids: IdSource = dataclasses.field(default_factory=RandomIds)
    # How long the event log keeps events for replay.
    event_retention: dt.timedelta = dt.timedelta(days=7)
    # How often an idle subscriber hears from the server.
    heartbeat_interval: dt.timedelta = dt.timedelta(seconds=15)
    # How many events a subscriber may fall behind before it is cut.
    subscriber_buffer: int = 10_000
    # Messages per channel: a sustained rate per second, and a burst.
    channel_message_rate: float = 30.0
    channel_message_burst: int = 150
    # How long a subscriber cut for falling behind may take to read that it was
    # cut, before its call is ended for it.
    stalled_subscriber_grace: dt.timedelta = dt.timedelta(seconds=30)
    # How often compaction and other housekeeping run.
    maintenance_interval: dt.timedelta = dt.timedelta(minutes=1)
    # Calls per second each credential sustains, and its burst: people's access
    # tokens, and API keys (services fan in many customers' traffic, so their
    # keys are unlimited unless a rate is set). A rate of 0 means no limit.
    token_call_rate: float = 20.0
    token_call_burst: int = 100
    key_call_rate: float = 0.0
    key_call_burst: int = 0
    # TLS (mutual TLS when it has a client CA); None serves plaintext, which only
    # a loopback address gets unless `allow_insecure`.
    tls: TlsFiles | None = None
    allow_insecure: bool = False
    # HOST:PORT of the Prometheus endpoint (`/metrics`, plaintext); None: no metrics.
    metrics_listen: str | None = None
    # HOST:PORT of the browser endpoint (API §14: Connect and gRPC-Web, the desktop and
    # the widget), HTTPS with `tls`; None: off.
    http_listen: str | None = None
    # Where the browser endpoint's web apps are (`desktop/`, `widget/`).
    web_root: Path = WEB_ROOT
    # Web chats one client address may start without a credential: a sustained rate a
    # minute, and a burst. A rate of 0 means no limit.
    webchat_start_rate: float = 10.0
    webchat_start_burst: int = 20


# Calls that may wait for a handler before gRPC starts shedding them (see create_server).
MAX_PENDING_CALLS = 20_000


class OtherServers:
    """What this server does when other servers sharing its database (PostgreSQL) commit:
    publishes their events to its subscribers, wakes its workers whose tables changed
    (a timer scheduled elsewhere may be due here), and reloads its copy of the
    credentials; and hands its subscribers their typing. On SQLite nobody else commits,
    and `run` returns at once."""

    def __init__(
        self, store: Store, bus: EventBus, follower: LogFollower, authenticator: Authenticator
    ) -> None:
        self._store = store
        self._bus = bus
        self.follower = follower
        self._authenticator = authenticator
        self._reloading: asyncio.Task[None] | None = None
        self._reload_again = False

    async def run(self) -> None:
        await self._store.watch_other_servers(self.heard, self._bus.publish_shared)

    def heard(self, news: frozenset[str]) -> None:
        if "events" in news:
            self.follower.nudge()
        for name in news:
            wake = self._store.on_changed.get(name)
            if wake is not None:
                wake()
        if news & {"api_keys", "signing_keys"}:
            self._reload_credentials()

    def _reload_credentials(self) -> None:
        if self._reloading is not None and not self._reloading.done():
            self._reload_again = True
            return
        self._reloading = asyncio.ensure_future(self._reload())

    async def _reload(self) -> None:
        while True:
            self._reload_again = False
            try:
                api_keys, signing_keys = await self._store.read(
                    lambda tx: (tx.api_keys.all(), tx.signing_keys.all())
                )
            except Exception:
                log.exception("could not reload the credentials; trying again later")
                return
            self._authenticator.load(api_keys)
            self._authenticator.keyring.replace(signing_keys)
            if not self._reload_again:
                return


async def _events_after(store: Store, after: int) -> list[LoggedEvent]:
    events, _ = await store.read(lambda tx: tx.events.read(after, [], [], REPLAY_PAGE))
    return events


@dataclasses.dataclass
class RelaydeskServer:
    """A built server: `start()` it, then `stop()` it."""

    server: grpc.aio.Server
    port: int
    store: Store
    streams: EventStreams
    health: health.aio.HealthServicer
    admin_key_path: Path
    admin_key_created: bool
    maintenance_interval: dt.timedelta
    timers: TimerService
    outbound: OutboundDispatcher
    webhooks: WebhookSender
    bot_calls: BotCalls
    open_streams: OpenStreams
    other_servers: OtherServers
    # What every call goes through, on either transport; it stops taking calls first.
    pipeline: CallPipeline
    # The Prometheus endpoint, when metrics are on.
    metrics: MetricsEndpoint | None = None
    # The browser endpoint, when it is on.
    http: HttpEndpoint | None = None
    _background: list[asyncio.Task[None]] = dataclasses.field(default_factory=list)

    @property
    def metrics_port(self) -> int | None:
        """The port `/metrics` is served on (None: metrics are off)."""
        return None if self.metrics is None else self.metrics.port

    @property
    def http_port(self) -> int | None:
        """The port of the browser endpoint (None: it is off)."""
        return None if self.http is None else self.http.port

    async def start(self) -> None:
        await self.server.start()
        if self.http is not None:
            self.http.start()
        if self.metrics is not None:
            self.metrics.start()
        for service in ("", *SERVICE_NAMES):
            await self.health.set(service, health_pb2.HealthCheckResponse.SERVING)
        self._background = [
            asyncio.create_task(self._maintain()),
            asyncio.create_task(self.timers.run()),
            asyncio.create_task(self.outbound.run()),
            asyncio.create_task(self.webhooks.run()),
            asyncio.create_task(self.bot_calls.run()),
            asyncio.create_task(self.open_streams.expiry.run()),
            asyncio.create_task(self.other_servers.run()),
            asyncio.create_task(self.streams.send_heartbeats()),
        ]

    async def maintain_once(self) -> None:
        await self.streams.compact()
        await self.store.purge_request_log()

    async def _maintain(self) -> None:
        while True:
            await asyncio.sleep(self.maintenance_interval.total_seconds())
            try:
                await self.maintain_once()
            except Exception:
                log.exception("housekeeping failed; trying again next round")

    async def stop(self, grace: float | None = 5.0) -> None:
        """Stops taking calls: from now on each is refused with UNAVAILABLE (SHUTTING_DOWN),
        and event streams end naming the cursor to resume from. Lets the calls under way
        finish and the callers go quiet, within `grace` seconds (None: at once); a call
        still under way then ends UNAVAILABLE too. Only then stops the transports (a
        transport that stops may cancel the calls it has received but not started), and
        closes storage."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (grace or 0.0)
        self.pipeline.stop_taking_calls()
        await self.health.enter_graceful_shutdown()
        self.streams.bus.close_all()
        self.outbound.close_all()
        for task in self._background:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.pipeline.finish_calls(deadline)
        left = None if grace is None else max(0.0, deadline - loop.time())
        await asyncio.gather(
            self.server.stop(left),
            *([] if self.http is None else [self.http.stop(left)]),
        )
        if self.metrics is not None:
            await self.metrics.close()
        await self.webhooks.close()
        await self.bot_calls.close()
        await self.store.close()


def _write_secret_file(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(secret + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.chmod(path, 0o600)


def _prepare_data_dir(data_dir: Path) -> None:
    """Creates the data directory owner-only (0700), or tightens an existing one to 0700."""
    existed = data_dir.is_dir()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode != 0o700:
        data_dir.chmod(0o700)
        if existed:
            log.warning(
                "tightened the data directory's permissions to 0700",
                extra={"path": str(data_dir), "previous_mode": f"{mode:04o}"},
            )


def _check_metrics_listen(listen: str, allow_insecure: bool) -> None:
    """A HOST:PORT (else ValueError). The metrics endpoint is plaintext: the rule for
    plaintext gRPC applies to it."""
    parse_listen(listen)
    try:
        check_plaintext(listen, allow_insecure=allow_insecure)
    except PlaintextRefused:
        raise PlaintextRefused(
            f"the metrics endpoint is plaintext and refused on the non-loopback address "
            f"{listen}: give --metrics-listen a loopback address, or --allow-insecure to "
            "serve it there anyway"
        ) from None


def _check_http_listen(listen: str, tls: TlsFiles | None, allow_insecure: bool) -> None:
    """A HOST:PORT (else ValueError). Without TLS, the rule for plaintext gRPC applies."""
    parse_listen(listen)
    if tls is not None:
        return
    try:
        check_plaintext(listen, allow_insecure=allow_insecure)
    except PlaintextRefused:
        raise PlaintextRefused(
            f"plaintext is refused on the non-loopback address {listen} (--http-listen): give "
            "--tls-cert/--tls-key to serve HTTPS, or --allow-insecure to serve plaintext there "
            "anyway"
        ) from None


def open_store(options: ServerOptions, data_dir: Path, metrics: ServerMetrics | None) -> Store:
    """The store over the database `options` name (not yet opened)."""
    url = options.database_url
    on_batch = None if metrics is None else metrics.observe_batch
    if url is not None and is_postgres(url):
        return Store(
            PostgresEngine(url),
            options.clock,
            options.ids,
            event_encoder=encode_event,
            on_batch=on_batch,
        )
    path = data_dir / DB_FILE
    if url is not None:
        path = sqlite_path(check_database_url(url))
    return SqliteStore(
        path, options.clock, options.ids, event_encoder=encode_event, on_batch=on_batch
    )


async def create_server(options: ServerOptions) -> RelaydeskServer:
    """Opens (or creates) the data directory and builds a server bound to `options.listen`."""
    if options.tls is None:
        check_plaintext(options.listen, allow_insecure=options.allow_insecure)
    if options.http_listen is not None:
        _check_http_listen(options.http_listen, options.tls, options.allow_insecure)
    metrics = None
    if options.metrics_listen is not None:
        _check_metrics_listen(options.metrics_listen, options.allow_insecure)
        metrics = ServerMetrics()
    data_dir = options.data_dir
    _prepare_data_dir(data_dir)
    store = open_store(options, data_dir, metrics)
    applied = store.open()
    if applied:
        log.info("database migrated", extra={"migrations": applied, "path": store.describe()})

    admin_key_path = data_dir / ADMIN_KEY_FILE
    if admin_key_path.exists() and stat.S_IMODE(admin_key_path.stat().st_mode) != 0o600:
        admin_key_path.chmod(0o600)

    def bootstrap(tx: Transaction) -> bool:
        created = keys.create_first_admin_key(tx)
        if created is None:
            return False
        # Written before the commit: if the commit fails, the next start makes a new key.
        _write_secret_file(admin_key_path, created[1])
        return True

    admin_key_created = await store.write(bootstrap)
    if admin_key_created:
        log.info("created the first admin key", extra={"path": str(admin_key_path)})

    keyring = Keyring(await store.read(lambda tx: tx.signing_keys.all()))
    authenticator = Authenticator(options.clock, keyring)
    authenticator.load(await store.read(lambda tx: tx.api_keys.all()))

    oldest = await store.read(lambda tx: tx.events.oldest_retained())
    head = store.last_sequence
    bus = EventBus(
        head=head,
        compacted_through=head if oldest is None else oldest - 1,
        capacity=options.subscriber_buffer,
    )
    follower = LogFollower(bus, functools.partial(_events_after, store))
    store.on_events = follower.committed
    bus.on_ephemeral = store.share
    open_streams = OpenStreams(options.clock)
    streams = EventStreams(
        store,
        bus,
        options.clock,
        heartbeat_interval=options.heartbeat_interval,
        retention=options.event_retention,
        heartbeat=heartbeat_frame,
        as_customer_sees=as_customer_sees,
        end_stream=open_streams.end,
        stalled_grace=options.stalled_subscriber_grace,
    )
    limiter = RateLimiter(options.channel_message_rate, options.channel_message_burst)

    rates = CallRates(
        options.clock,
        options.token_call_rate,
        options.token_call_burst,
        options.key_call_rate,
        options.key_call_burst,
    )
    visitors = Visitors(options.clock, options.webchat_start_rate, options.webchat_start_burst)
    # One pipeline for every call, whichever transport it comes on.
    pipeline = CallPipeline(
        authenticator,
        rates,
        open_streams,
        visitors,
        None if metrics is None else metrics.record_call,
    )
    server = grpc.aio.server(
        interceptors=[RpcInterceptor(pipeline)],
        options=[
            ("grpc.max_receive_message_length", MAX_REQUEST_BYTES),
            # gRPC sheds calls that wait for a handler beyond 1,000 (more and more of them,
            # all of them beyond 3,000) with CANCELLED. When a server restarts, every agent
            # and web customer it served reconnects at once: room for them to queue.
            ("grpc.server.max_pending_requests", MAX_PENDING_CALLS),
            ("grpc.server.max_pending_requests_hard_limit", 2 * MAX_PENDING_CALLS),
        ],
    )
    dispatcher = OutboundDispatcher(store, options.clock)
    store.on_changed["deliveries"] = dispatcher.poke
    sender = WebhookSender(store, options.clock)
    store.on_changed["webhooks"] = sender.poke
    bot_calls = BotCalls(store, options.clock)
    store.on_changed["bot_calls"] = bot_calls.poke
    methods = register_services(
        server,
        Calls(store),
        limiter=limiter,
        streams=streams,
        clock=options.clock,
        outbound=dispatcher,
        authenticator=authenticator,
        open_streams=open_streams,
        visitors=visitors,
    )
    timers = TimerService(
        store,
        options.clock,
        {
            **tasks.TIMER_HANDLERS,
            **reservations.TIMER_HANDLERS,
            **janitor.TIMER_HANDLERS,
            **bot_engine.TIMER_HANDLERS,
        },
    )
    store.on_changed["timers"] = timers.poke
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    enable_reflection(server, (*SERVICE_NAMES, health.SERVICE_NAME))
    try:
        if options.tls is None:
            port = server.add_insecure_port(options.listen)
        else:
            port = server.add_secure_port(options.listen, options.tls.server_credentials())
    except RuntimeError as error:
        await sender.close()
        await bot_calls.close()
        await store.close()
        hint = " (or the TLS certificate and key are unusable)" if options.tls else ""
        raise OSError(f"cannot listen on {options.listen}{hint}: {error}") from error
    http = None
    if options.http_listen is not None:
        host, http_port = parse_listen(options.http_listen)
        try:
            http = HttpEndpoint(
                browser_app(methods, pipeline, options.web_root),
                host,
                http_port,
                None if options.tls is None else options.tls.ssl_context(),
            )
        except OSError as error:
            await server.stop(None)
            await sender.close()
            await bot_calls.close()
            await store.close()
            raise OSError(
                f"cannot listen on {options.http_listen} (--http-listen): {error.strerror or error}"
            ) from error
    endpoint = None
    if metrics is not None and options.metrics_listen is not None:
        metrics.watch(gauge_reader(store, streams, dispatcher))
        try:
            endpoint = MetricsEndpoint(options.metrics_listen, metrics.registry)
        except OSError as error:
            await server.stop(None)
            if http is not None:
                await http.stop(None)
            await sender.close()
            await bot_calls.close()
            await store.close()
            raise OSError(
                f"cannot serve metrics on {options.metrics_listen}: {error.strerror or error}"
            ) from error
    return RelaydeskServer(
        server=server,
        port=port,
        store=store,
        streams=streams,
        health=health_servicer,
        admin_key_path=admin_key_path,
        admin_key_created=admin_key_created,
        maintenance_interval=options.maintenance_interval,
        timers=timers,
        outbound=dispatcher,
        webhooks=sender,
        bot_calls=bot_calls,
        open_streams=open_streams,
        other_servers=OtherServers(store, bus, follower, authenticator),
        pipeline=pipeline,
        metrics=endpoint,
        http=http,
    )
