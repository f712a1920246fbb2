"""Three server processes on one PostgreSQL; one is killed with SIGKILL in the middle of
the load. No acknowledged write is lost or doubled (the writers move to another server and
retry with the same request_id), and its subscriber resumes on another server by cursor
with nothing missed, repeated or reordered."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from relaydesk.client import NO_RETRY, Client, RelaydeskError, connect
from relaydesk.v1 import (
    channel_service_pb2,
    common_pb2,
    event_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    message_pb2,
)
from tests.support import HttpService, ServeProcess, messages, new_channel, subscribe

WRITERS = 6
PER_WRITER = 40
KILL_AFTER = 60  # acknowledged writes before the kill
WAIT = 60.0
# A write that fails like this was not applied, or was and will be found by its
# request_id: the writer sends it again, to another server.
TRANSIENT = {
    grpc.StatusCode.UNAVAILABLE,
    grpc.StatusCode.DEADLINE_EXCEEDED,
    grpc.StatusCode.CANCELLED,
}


@pytest.fixture
async def servers(tmp_path: Path, postgres_url: str) -> AsyncIterator[list[ServeProcess]]:
    started: list[ServeProcess] = []
    try:
        for number in range(3):
            server = ServeProcess(
                tmp_path / f"server{number}",
                "--database-url",
                postgres_url,
                "--heartbeat-interval",
                "200ms",
            )
            started.append(await server.start())
        yield started
    finally:
        for server in started:
            await server.close()


def client(server: ServeProcess, key: str) -> Client:
    return connect(server.target, key, request_ids=False, retry=NO_RETRY, timeout=10)


async def test_a_killed_server_loses_no_acknowledged_write_and_its_subscriber_resumes_elsewhere(
    servers: list[ServeProcess],
) -> None:
    key = servers[0].admin_key
    clients = [client(server, key) for server in servers]
    channel = (await new_channel(clients[1])).name
    acknowledged: dict[str, message_pb2.Message] = {}
    enough = asyncio.Event()
    killed = asyncio.Event()

    async def write(writer: int) -> None:
        at = writer % 3
        for i in range(PER_WRITER):
            body = f"w{writer}-{i}"
            request = channel_service_pb2.SendMessageRequest(
                parent=channel, body=body, request_id=str(uuid.uuid4())
            )
            while True:
                try:
                    reply = await clients[at].channels.SendMessage(request)
                    break
                except RelaydeskError as error:
                    if error.code() not in TRANSIENT or not killed.is_set():
                        raise
                    at = (at + 1) % 3 or 1  # never back to the killed server
            acknowledged[body] = reply.message
            if len(acknowledged) >= KILL_AFTER:
                enough.set()

    seen: list[event_pb2.Event] = []

    async def follow() -> None:
        """Reads the first server's stream; when it goes, resumes on the second."""
        call = subscribe(clients[0], after_sequence=0)
        while True:
            try:
                response = await call.read()
            except grpc.aio.AioRpcError as error:
                if error.code() not in TRANSIENT:
                    raise
                response = grpc.aio.EOF
            if response is grpc.aio.EOF:
                assert killed.is_set(), "the stream ended before the kill"
                after = seen[-1].sequence if seen else 0
                call = subscribe(clients[1], after_sequence=after)
                continue
            if response.event.type != event_pb2.EVENT_TYPE_HEARTBEAT:
                seen.append(response.event)
            if written.done() and received_all():
                call.cancel()
                return

    def received_all() -> bool:
        bodies = {e.message.body for e in seen if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED}
        return bodies >= acknowledged.keys()

    written = asyncio.ensure_future(asyncio.gather(*(write(w) for w in range(WRITERS))))
    following = asyncio.ensure_future(follow())
    async with asyncio.timeout(WAIT):
        await enough.wait()
        killed.set()
        await servers[0].kill()
        await written
        await following

    assert len(acknowledged) == WRITERS * PER_WRITER
    # The subscriber: every event once, in order, across the move.
    sequences = [event.sequence for event in seen]
    assert sequences == list(range(1, len(sequences) + 1))
    added = Counter(e.message.body for e in seen if e.type == event_pb2.EVENT_TYPE_MESSAGE_ADDED)
    assert set(added) == set(acknowledged)
    assert set(added.values()) == {1}
    # The conversation, read on the third server: each acknowledged message once, as
    # acknowledged.
    stored = await messages(clients[2], channel)
    assert Counter(m.body for m in stored) == Counter(acknowledged.keys())
    by_body = {m.body: m for m in stored}
    for body, message in acknowledged.items():
        assert by_body[body].name == message.name
        assert by_body[body].index == message.index
    for rd in clients:
        await rd.close()


async def test_a_webhook_posting_in_flight_when_its_server_dies_is_sent_by_another(
    tmp_path: Path, postgres_url: str, http_service: HttpService
) -> None:
    """The posting the dead server was sending waits for its hold to end (the POST
    timeout and a little), then another server sends it; the others follow in order."""
    http_service.answer("POST", "/hook", 200)
    gate = http_service.hold("POST", "/hook")
    first_server = await ServeProcess(tmp_path / "first", "--database-url", postgres_url).start()
    second_server = ServeProcess(tmp_path / "second", "--database-url", postgres_url)
    try:
        rd = client(first_server, first_server.admin_key)
        flow = flow_pb2.Flow(
            display_name="hooked",
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            contact_identity="+15550178",
            enabled=True,
            webhook=flow_pb2.WebhookIntegration(url=http_service.url("/hook")),
        )
        await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
        await rd.gateway.DeliverInbound(
            gateway_service_pb2.DeliverInboundRequest(
                channel_type=common_pb2.CHANNEL_TYPE_SMS,
                customer_address="+15551234",
                contact_identity="+15550178",
                body="hello",
                external_id="e1",
            )
        )
        await rd.close()
        in_flight = await http_service.next()  # held by the receiver, unanswered
        await second_server.start()
        await first_server.kill()
        gate.set()
        async with asyncio.timeout(WAIT):
            again = await http_service.requests.get()
            assert again.body == in_flight.body
            following = await http_service.requests.get()
        assert int(following.json()["sequence"]) > int(in_flight.json()["sequence"])
    finally:
        gate.set()
        await first_server.close()
        await second_server.close()
