"""Wiring: build the store, the domain services and the gRPC server. No rules live here."""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import grpc.aio
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from relaydesk_server.clock import Clock, SystemClock
from relaydesk_server.domain import keys
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.names import IdSource, RandomIds
from relaydesk_server.storage.store import SqliteTransaction, Store
from relaydesk_server.transport.interceptor import RpcInterceptor
from relaydesk_server.transport.mechanics import Calls
from relaydesk_server.transport.registry import SERVICE_NAMES, register_services

log = logging.getLogger(__name__)

DB_FILE = "relaydesk.db"
ADMIN_KEY_FILE = "admin.key"


@dataclasses.dataclass
class ServerOptions:
    listen: str = "127.0.0.1:50051"
    data_dir: Path = Path("data")
    clock: Clock = dataclasses.field(default_factory=SystemClock)
    ids: IdSource = dataclasses.field(default_factory=RandomIds)


@dataclasses.dataclass
class RelaydeskServer:
    """A built server: `start()` it, then `stop()` it."""

    server: grpc.aio.Server
    port: int
    store: Store
    health: health.aio.HealthServicer
    admin_key_path: Path
    admin_key_created: bool

    async def start(self) -> None:
        await self.server.start()
        for service in ("", *SERVICE_NAMES):
            await self.health.set(service, health_pb2.HealthCheckResponse.SERVING)

    async def stop(self, grace: float | None = 5.0) -> None:
        """Stops taking calls, lets in-flight ones finish within `grace`, then closes storage."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace)
        await self.store.close()


def _write_secret_file(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(secret + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.chmod(path, 0o600)


async def create_server(options: ServerOptions) -> RelaydeskServer:
    """Opens (or creates) the data directory and builds a server bound to `options.listen`."""
    data_dir = options.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(data_dir / DB_FILE, options.clock, options.ids)
    applied = store.open()
    if applied:
        log.info("database migrated", extra={"migrations": applied, "path": str(store.path)})

    admin_key_path = data_dir / ADMIN_KEY_FILE

    def bootstrap(tx: SqliteTransaction) -> bool:
        created = keys.create_first_admin_key(tx)
        if created is None:
            return False
        # Written before the commit: if the commit fails, the next start makes a new key.
        _write_secret_file(admin_key_path, created[1])
        return True

    admin_key_created = await store.write(bootstrap)
    if admin_key_created:
        log.info("created the first admin key", extra={"path": str(admin_key_path)})

    authenticator = Authenticator()
    authenticator.load(await store.read(lambda tx: tx.api_keys.all()))

    server = grpc.aio.server(interceptors=[RpcInterceptor(authenticator)])
    register_services(server, Calls(store))
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        (*SERVICE_NAMES, health.SERVICE_NAME, reflection.SERVICE_NAME), server
    )
    try:
        port = server.add_insecure_port(options.listen)
    except RuntimeError as error:
        await store.close()
        raise OSError(f"cannot listen on {options.listen}: {error}") from error
    return RelaydeskServer(
        server=server,
        port=port,
        store=store,
        health=health_servicer,
        admin_key_path=admin_key_path,
        admin_key_created=admin_key_created,
    )
