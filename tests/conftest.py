"""A real relaydesk server on an ephemeral loopback port, over a temporary database."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from relaydesk.client import Client
from relaydesk_server.clock import ManualClock
from tests.postgres_cluster import PostgresCluster, PostgresUnavailable
from tests.support import (
    Harness,
    HttpService,
    client_for,
    create_default_workflow,
    start_server,
)

HarnessFactory = Callable[..., Awaitable[Harness]]


BACKENDS = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("RELAYDESK_TEST_BACKEND", "sqlite"),
        help="the database the `harness` servers run on: sqlite (the default) or postgresql, "
        "a PostgreSQL of the tests' own (env RELAYDESK_TEST_BACKEND)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--backend") != "postgresql":
        return
    skip = pytest.mark.skip(reason="reads the SQLite file itself")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A PostgreSQL cluster of the tests' own, on loopback, for the whole session (skips
    where the machine has no PostgreSQL server programs)."""
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as error:
        pytest.skip(str(error))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database of that cluster, dropped after the test."""
    url = postgres_cluster.new_database()
    yield url
    postgres_cluster.drop_database(url)


@pytest.fixture(autouse=True)
def _no_credential_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clients made without a credential stay anonymous, whatever the shell exports
    (the client reads RELAYDESK_TOKEN when given none)."""
    monkeypatch.delenv("RELAYDESK_TOKEN", raising=False)


@pytest.fixture
async def harness_factory(
    tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[HarnessFactory]:
    """Starts servers with non-default options: `await harness_factory(subscriber_buffer=5)`.
    With `--backend=postgresql`, each on a fresh database of the tests' PostgreSQL."""
    started: list[Harness] = []
    databases: list[str] = []
    cluster: PostgresCluster | None = None
    if request.config.getoption("--backend") == "postgresql":
        cluster = request.getfixturevalue("postgres_cluster")

    async def start(**options: Any) -> Harness:
        clock = ManualClock()
        if cluster is not None and "database_url" not in options:
            databases.append(cluster.new_database())
            options["database_url"] = databases[-1]
        data_dir = tmp_path / f"data{len(started)}"
        running = await start_server(data_dir, clock, **options)
        admin_key = (data_dir / "admin.key").read_text().strip()
        client = client_for(f"127.0.0.1:{running.port}", admin_key)
        h = Harness(data_dir, clock, running, admin_key, client, options)
        started.append(h)
        await create_default_workflow(client)
        return h

    yield start
    for h in started:
        await h.client.close()
        await h.running.stop(grace=None)
    for url in databases:
        assert cluster is not None
        cluster.drop_database(url)


@pytest.fixture
async def harness(harness_factory: HarnessFactory) -> Harness:
    """A server with default options."""
    return await harness_factory()


@pytest.fixture
def rd(harness: Harness) -> Client:
    """A client authenticated with the first admin key."""
    return harness.client


@pytest.fixture
async def http_service() -> AsyncIterator[HttpService]:
    """A real local HTTP service on loopback (see support.HttpService), closed after the test."""
    service = HttpService(asyncio.get_running_loop())
    yield service
    service.close()
