"""`relaydesk copy-data` moves a populated SQLite installation onto PostgreSQL: a server
started on the copy answers every read as the old one did, replays the same events under
the same sequences, accepts the old credentials and goes on numbering after them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_service_pb2,
    common_pb2,
    event_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    task_service_pb2,
    workforce_service_pb2,
)
from relaydesk_server.clock import ManualClock
from tests.support import (
    access_token,
    add_member,
    client_for,
    create_default_workflow,
    create_flow,
    events_until_idle,
    log_head,
    new_channel,
    new_worker,
    run_command,
    send,
    set_activity,
    start_server,
    subscribe,
    task_flow,
)

COPY = [sys.executable, "-m", "relaydesk_server.cli", "copy-data"]
HEARTBEAT = dt.timedelta(milliseconds=200)


async def populate(rd: Client) -> str:
    """Conversations, tasks offered to a worker, messages and members; returns an agent's
    access token."""
    await create_default_workflow(rd)
    await create_flow(rd, task_flow("+15550160"))
    worker = await new_worker(rd, "alice")
    await set_activity(rd, worker, "Available")
    for customer in range(3):
        for message in range(4):
            await rd.gateway.DeliverInbound(
                gateway_service_pb2.DeliverInboundRequest(
                    channel_type=common_pb2.CHANNEL_TYPE_SMS,
                    customer_address=f"+1555020{customer}",
                    contact_identity="+15550160",
                    body=f"c{customer} m{message}",
                    external_id=f"c{customer}-m{message}",
                )
            )
    internal = await new_channel(rd, display_name="internal")
    await add_member(rd, internal.name, "alice")
    for i in range(5):
        await send(rd, internal.name, f"note {i}")
    return await access_token(rd, "alice", common_pb2.ROLE_AGENT)


async def everything(rd: Client) -> dict[str, Any]:
    """What the installation answers to every list, and its whole event log."""
    channels = (await rd.channels.ListChannels(channel_service_pb2.ListChannelsRequest())).channels
    messages = {
        c.name: list(
            (
                await rd.channels.ListMessages(
                    channel_service_pb2.ListMessagesRequest(parent=c.name)
                )
            ).messages
        )
        for c in channels
    }
    head = await log_head(rd)
    call = subscribe(rd, after_sequence=0)
    events = await events_until_idle(call, head)
    call.cancel()
    return {
        "channels": list(channels),
        "messages": messages,
        "tasks": list((await rd.tasks.ListTasks(task_service_pb2.ListTasksRequest())).tasks),
        "workers": list(
            (await rd.workforce.ListWorkers(workforce_service_pb2.ListWorkersRequest())).workers
        ),
        "flows": list((await rd.flows.ListFlows(flow_service_pb2.ListFlowsRequest())).flows),
        "events": [e.SerializeToString(deterministic=True) for e in events],
        "head": head,
    }


async def test_copy_data_moves_an_installation_to_postgresql_and_refuses_a_used_target(
    tmp_path: Path, postgres_url: str
) -> None:
    clock = ManualClock()
    data_dir = tmp_path / "data"
    server = await start_server(data_dir, clock, heartbeat_interval=HEARTBEAT)
    admin_key = (data_dir / "admin.key").read_text().strip()
    rd = client_for(f"127.0.0.1:{server.port}", admin_key)
    try:
        token = await populate(rd)
        before = await everything(rd)
    finally:
        await rd.close()
        await server.stop(grace=None)

    source = f"sqlite:///{data_dir / 'relaydesk.db'}"
    code, out, err = await run(source, postgres_url)
    assert code == 0, err
    assert "events:" in out
    assert f"after sequence {before['head']}" in out

    moved = await start_server(
        data_dir, clock, heartbeat_interval=HEARTBEAT, database_url=postgres_url
    )
    rd = client_for(f"127.0.0.1:{moved.port}", admin_key)
    try:
        assert await everything(rd) == before
        # The old access token still opens the conversation its agent is in.
        agent = client_for(f"127.0.0.1:{moved.port}", token)
        mine = await agent.channels.ListChannels(channel_service_pb2.ListChannelsRequest())
        assert [c.display_name for c in mine.channels] == ["internal"]
        await agent.close()
        # Numbering goes on after the copied events.
        call = subscribe(rd, after_sequence=before["head"])
        internal = next(c for c in before["channels"] if c.display_name == "internal")
        await send(rd, internal.name, "after the move")
        response = await call.read()
        while response.event.type == event_pb2.EVENT_TYPE_HEARTBEAT:
            response = await call.read()
        assert response.event.sequence == before["head"] + 1
        call.cancel()
    finally:
        await rd.close()
        await moved.stop(grace=None)

    # The target now holds an installation: a second copy is refused, and changes nothing.
    code, _, err = await run(source, postgres_url)
    assert code == 1
    assert "not empty" in err


async def test_copy_data_names_what_is_wrong_with_its_arguments(
    tmp_path: Path, postgres_url: str
) -> None:
    code, _, err = await run(f"sqlite:///{tmp_path / 'missing.db'}", postgres_url)
    assert (code, err.strip()) == (1, f"error: {tmp_path / 'missing.db'} does not exist")
    code, _, err = await run(postgres_url, postgres_url)
    assert code == 2
    assert "--from must be a SQLite database" in err


async def run(source: str, target: str) -> tuple[int, str, str]:
    return await run_command(*COPY, "--from", source, "--to", target)
