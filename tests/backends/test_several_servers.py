"""Several servers on one PostgreSQL behave, to every client, as one (API §15)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import psycopg
import pytest

from relaydesk.client import Client
from relaydesk.v1 import (
    api_key_pb2,
    auth_service_pb2,
    channel_service_pb2,
    common_pb2,
    event_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    reservation_pb2,
)
from relaydesk_server.clock import ManualClock
from relaydesk_server.domain.channels_model import Channel, ChannelSpec, ChannelState
from relaydesk_server.domain.names import CHANNEL, RandomIds
from relaydesk_server.storage.postgres.engine import PostgresEngine
from relaydesk_server.storage.sql import EVERYTHING
from relaydesk_server.storage.store import Store, StoreTransaction
from tests.support import (
    Cluster,
    HttpService,
    add_member,
    all_tasks,
    by_worker,
    client_for,
    create_task,
    default_workflow,
    encode_sequence,
    events_until_error,
    gather_limited,
    get_channel,
    load,
    log_channel_events,
    new_channel,
    new_worker,
    reason,
    reservations,
    routing_to,
    send,
    set_activity,
    start_cluster,
    subscribe,
    task_flow,
)

WAIT = 30.0
PENDING = reservation_pb2.RESERVATION_STATUS_PENDING
TIMEOUT = reservation_pb2.RESERVATION_STATUS_TIMEOUT


def new_store(url: str, *, poll_interval: float = 1.0) -> Store:
    return Store(
        PostgresEngine(url, poll_interval=poll_interval),
        ManualClock(),
        RandomIds(),
        event_encoder=encode_sequence,
    )


@pytest.fixture
async def stores(postgres_url: str) -> AsyncIterator[list[Store]]:
    """Two stores on one database: the storage of two servers."""
    opened = [new_store(postgres_url) for _ in range(2)]
    for store in opened:
        store.open()
    yield opened
    for store in opened:
        await store.close()


@pytest.fixture
async def cluster(tmp_path: Path, postgres_url: str) -> AsyncIterator[Cluster]:
    running = await start_cluster(
        tmp_path, postgres_url, heartbeat_interval=dt.timedelta(milliseconds=200)
    )
    yield running
    await running.stop()


# The store.


async def test_two_writers_number_events_without_gaps_in_commit_order(stores: list[Store]) -> None:
    """Any snapshot of the log, taken while two servers write, is 1..n: no sequence
    commits before a smaller one."""
    writing = True
    snapshots: list[list[int]] = []

    async def watch() -> None:
        while writing:
            events, _ = await stores[0].read(lambda tx: tx.events.read(0, [], [], 10_000))
            snapshots.append([event.sequence for event in events])

    watcher = asyncio.ensure_future(watch())
    written = await asyncio.gather(
        *(stores[i % 2].write(log_channel_events(3)) for i in range(300))
    )
    writing = False
    await watcher

    assert sorted(itertools.chain(*written)) == list(range(1, 901))
    for sequences in written:  # a write's events are consecutive
        assert sequences == list(range(sequences[0], sequences[0] + 3))
    assert len(snapshots) > 1
    for sequences in snapshots:
        assert sequences == list(range(1, len(sequences) + 1))
    events, _ = await stores[1].read(lambda tx: tx.events.read(0, [], [], 10_000))
    assert [event.data for event in events] == [str(s).encode() for s in range(1, 901)]
    assert {await store.read(lambda tx: tx.events.last_sequence()) for store in stores} == {900}


async def test_a_writer_sees_what_another_server_wrote_since_its_own_last_write(
    stores: list[Store],
) -> None:
    """What a writer keeps in memory (here, its channel cache) is read again when another
    server wrote in between."""
    first, second = stores

    def make_channel(tx: StoreTransaction) -> str:
        now = tx.now()
        channel = Channel(tx.new_id(CHANNEL), ChannelSpec(), ChannelState.ACTIVE, now, now)
        tx.channels.insert(channel)
        return channel.id

    channel_id = await first.write(make_channel)

    def next_index(tx: StoreTransaction) -> int:
        channel = tx.channels.get(channel_id)
        assert channel is not None
        return channel.next_message_index

    assert await first.write(next_index) == 0  # now in the first writer's cache

    def bump(tx: StoreTransaction) -> None:
        channel = tx.channels.get(channel_id)
        assert channel is not None
        tx.channels.update_counters(dataclasses.replace(channel, next_message_index=5))

    await second.write(bump)
    assert await first.write(next_index) == 5


async def test_a_server_hears_of_another_servers_commits(
    stores: list[Store], postgres_url: str
) -> None:
    """By the commit's notice: the listening store never polls, so nothing else could tell
    it that events were written."""
    listening = new_store(postgres_url, poll_interval=3600)
    listening.open()
    heard: asyncio.Queue[frozenset[str]] = asyncio.Queue()
    watching = asyncio.ensure_future(
        listening.watch_other_servers(heard.put_nowait, lambda event: None)
    )
    try:
        async with asyncio.timeout(WAIT):
            assert await heard.get() == EVERYTHING  # once listening: it cannot know more
            await stores[0].write(log_channel_events(1))
            assert await heard.get() == frozenset({"events"})
    finally:
        watching.cancel()
        await listening.close()


# The servers.


async def test_a_write_on_one_server_is_read_on_the_others(cluster: Cluster) -> None:
    channel = await new_channel(cluster.clients[0], display_name="shared")
    for client in cluster.clients[1:]:
        assert (await get_channel(client, channel.name)).display_name == "shared"


async def admin_events(call: grpc.aio.UnaryStreamCall, messages: int) -> list[event_pb2.Event]:  # type: ignore[type-arg]
    """Every event of an admin's stream (heartbeats left out) until `messages` MESSAGE_ADDED."""
    events: list[event_pb2.Event] = []
    async with asyncio.timeout(WAIT):
        while sum(e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED for e in events) < messages:
            response = await call.read()
            assert response is not grpc.aio.EOF, f"the stream ended after {len(events)} events"
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                events.append(response.event)
    return events


def assert_unbroken(events: list[event_pb2.Event], first: int | None = None) -> None:
    sequences = [event.sequence for event in events]
    start = sequences[0] if first is None else first
    assert sequences == list(range(start, start + len(sequences)))


async def test_messages_sent_through_every_server_reach_every_subscriber_in_order_once(
    cluster: Cluster,
) -> None:
    channels = [(await new_channel(cluster.clients[0])).name for _ in range(3)]
    # A subscriber on every server, and one more on a connection of its own.
    extra = client_for(cluster.targets[0], cluster.admin_key)
    listeners = [*cluster.clients, extra]
    calls = [subscribe(client) for client in listeners]
    for call in calls:
        await call.initial_metadata()  # live: nothing sent from here on is missed
    bodies = [f"m{i}" for i in range(300)]
    await gather_limited(
        send(cluster.clients[i % 3], channels[i % 3], body) for i, body in enumerate(bodies)
    )
    try:
        for call in calls:
            events = await admin_events(call, 300)
            assert_unbroken(events)
            sent = [e.message.body for e in events if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED]
            assert sorted(sent) == sorted(bodies)
            for channel in channels:  # each conversation's messages in their index order
                indexes = [
                    e.message.index
                    for e in events
                    if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED
                    and e.message.name.startswith(channel + "/")
                ]
                assert len(indexes) == 100
                assert indexes == sorted(indexes)
        # A replay from the start, on another server, has every event once.
        replay = subscribe(cluster.clients[2], after_sequence=0)
        replayed = await admin_events(replay, 300)
        assert_unbroken(replayed, first=1)
        replay.cancel()
    finally:
        for call in calls:
            call.cancel()
        await extra.close()


async def test_a_request_id_retried_on_another_server_is_a_duplicate(cluster: Cluster) -> None:
    channel = (await new_channel(cluster.clients[0])).name
    request = channel_service_pb2.SendMessageRequest(
        parent=channel, body="once", request_id="6b1f3c0e-0000-4000-8000-000000000001"
    )
    first = (await cluster.clients[0].channels.SendMessage(request)).message
    again = (await cluster.clients[1].channels.SendMessage(request)).message
    assert again == first
    listed = await cluster.clients[2].channels.ListMessages(
        channel_service_pb2.ListMessagesRequest(parent=channel)
    )
    assert [m.body for m in listed.messages] == ["once"]


async def test_an_external_id_delivered_again_to_another_server_is_a_duplicate(
    cluster: Cluster,
) -> None:
    flow = task_flow("+15550100")
    await cluster.clients[0].flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
    request = gateway_service_pb2.DeliverInboundRequest(
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        customer_address="+15550199",
        contact_identity="+15550100",
        body="hi",
        external_id="provider-1",
    )
    first = await cluster.clients[1].gateway.DeliverInbound(request)
    again = await cluster.clients[2].gateway.DeliverInbound(request)
    assert not first.duplicate
    assert again.duplicate
    assert again.message == first.message


async def test_tasks_created_through_every_server_are_offered_once_within_capacity(
    cluster: Cluster,
) -> None:
    admin = cluster.clients[0]
    workers = [await new_worker(admin, f"agent{i}") for i in range(6)]
    for i, worker in enumerate(workers):
        await set_activity(cluster.clients[i % 3], worker, "Available")
    tasks = await asyncio.gather(
        *(create_task(cluster.clients[i % 3], default_workflow()) for i in range(18))
    )
    offered: dict[str, list[str]] = {}
    for task in tasks:
        for reservation in await reservations(admin, task.name):
            assert reservation.status == reservation_pb2.RESERVATION_STATUS_PENDING
            offered.setdefault(reservation.worker, []).append(task.name)
    # Six workers with room for one task each: six tasks offered, each to one of them.
    assert sorted(offered) == sorted(workers)
    assert all(len(held) == 1 for held in offered.values())
    for worker in workers:
        assert await load(admin, worker, tasks[0].task_channel) == 1
    assert len(await all_tasks(admin)) == 18


async def list_flows_status(client: Client) -> grpc.StatusCode:
    try:
        await client.flows.ListFlows(flow_service_pb2.ListFlowsRequest())
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK


async def test_a_key_made_on_one_server_opens_the_others(cluster: Cluster) -> None:
    made = await cluster.clients[0].auth.CreateApiKey(
        auth_service_pb2.CreateApiKeyRequest(
            api_key=api_key_pb2.ApiKey(role=common_pb2.ROLE_ADMIN, display_name="ops")
        )
    )
    others = [client_for(target, made.secret) for target in cluster.targets[1:]]
    try:
        for client in others:
            async with asyncio.timeout(WAIT):
                while (code := await list_flows_status(client)) != grpc.StatusCode.OK:
                    # The other servers hear of the key as its write commits.
                    assert code == grpc.StatusCode.UNAUTHENTICATED
                    await asyncio.sleep(0.05)
    finally:
        for client in others:
            await client.close()


async def test_a_reservation_timeout_fires_once_after_its_server_stopped(cluster: Cluster) -> None:
    admin = cluster.clients[1]
    routing = await routing_to(cluster.clients[0], reservation_timeout=30)
    first, second = [await new_worker(admin, identity) for identity in ("first", "second")]
    for worker in (first, second):  # the first is then idle longest
        await set_activity(cluster.clients[0], worker, "Available")
        cluster.clock.advance(dt.timedelta(seconds=1))
    task = await create_task(cluster.clients[0], routing)
    assert await by_worker(admin, task.name) == {first: PENDING}
    # The server that made the offer, and its timer, goes away.
    await cluster.stop_server(0)
    cluster.clock.advance(dt.timedelta(seconds=31))
    await asyncio.gather(*(server.timers.fire_due() for server in cluster.servers[1:]))
    assert await by_worker(admin, task.name) == {first: TIMEOUT, second: PENDING}
    assert len(await reservations(admin, task.name)) == 2
    assert await load(admin, second, task.task_channel) == 1


async def test_each_webhook_posting_goes_once_in_order_whichever_server_sends_it(
    cluster: Cluster, http_service: HttpService
) -> None:
    http_service.answer("POST", "/hook", 200)
    flow = flow_pb2.Flow(
        display_name="hooked",
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        contact_identity="+15550177",
        enabled=True,
        webhook=flow_pb2.WebhookIntegration(url=http_service.url("/hook")),
    )
    await cluster.clients[0].flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
    # One customer writes twelve times, each message reaching another server, at once.
    delivered = await asyncio.gather(
        *(
            cluster.clients[i % 3].gateway.DeliverInbound(
                gateway_service_pb2.DeliverInboundRequest(
                    channel_type=common_pb2.CHANNEL_TYPE_SMS,
                    customer_address="+15551234",
                    contact_identity="+15550177",
                    body=f"m{i}",
                    external_id=f"e{i}",
                )
            )
            for i in range(12)
        )
    )
    assert len({response.channel for response in delivered}) == 1  # one conversation
    postings = await cluster.servers[0].store.read(
        lambda tx: tx.db.first("SELECT count(*) AS n FROM webhook_outbox")
    )
    assert postings is not None
    received = [await http_service.next() for _ in range(postings["n"])]
    for server in cluster.servers:
        await server.webhooks.settled()
    assert http_service.requests.empty()  # nothing sent twice
    sequences = [int(request.json()["sequence"]) for request in received]
    assert sequences == sorted(set(sequences))


async def test_a_cursor_compacted_away_by_another_server_is_out_of_range(
    cluster: Cluster,
) -> None:
    channel = await new_channel(cluster.clients[0])
    for body in ("one", "two"):
        await send(cluster.clients[0], channel.name, body)
    cluster.clock.advance(dt.timedelta(days=8))
    await cluster.servers[0].maintain_once()  # compacts; the other servers did not
    for client in cluster.clients[1:]:
        events, error = await events_until_error(subscribe(client, after_sequence=1))
        assert events == []
        assert error.code() == grpc.StatusCode.OUT_OF_RANGE
        assert reason(error) == "CURSOR_EXPIRED"


async def test_the_servers_carry_on_when_postgresql_drops_their_connections(
    cluster: Cluster, postgres_url: str
) -> None:
    channel = (await new_channel(cluster.clients[0])).name
    call = subscribe(cluster.clients[1], channels=[channel])
    await call.initial_metadata()
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        dropped = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name LIKE 'relaydesk%' AND pid <> pg_backend_pid()"
        ).fetchone()
    assert dropped is not None
    assert dropped[0] >= 3 * 3  # every server's writer, readers and listener
    # Writes and reads go on, on new connections, without an error to anyone.
    sent = await send(cluster.clients[0], channel, "after the drop")
    assert (await get_channel(cluster.clients[2], channel)).name == channel
    # The other servers hear of it once their listeners are back.
    async with asyncio.timeout(WAIT):
        while (response := await call.read()).event.type != event_pb2.EVENT_TYPE_MESSAGE_ADDED:
            pass
    assert response.event.message == sent
    call.cancel()


async def test_typing_on_one_server_reaches_subscribers_on_the_others(cluster: Cluster) -> None:
    channel = (await new_channel(cluster.clients[0])).name
    await add_member(cluster.clients[0], channel, "alice")
    calls = [
        subscribe(client, channels=[channel], include_typing=True) for client in cluster.clients
    ]
    for call in calls:
        await call.initial_metadata()
    await cluster.clients[0].channels.SendTyping(
        channel_service_pb2.SendTypingRequest(parent=channel, identity="alice")
    )
    for call in calls:
        async with asyncio.timeout(WAIT):
            while (response := await call.read()).event.type != event_pb2.EVENT_TYPE_TYPING:
                pass
        assert response.event.typing.channel == channel
        assert response.event.typing.identity == "alice"
        call.cancel()
