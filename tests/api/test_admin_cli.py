"""The admin verbs of `relaydesk`, each run as a real process against a real server."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

import grpc
import pytest

from relaydesk.client import connect
from relaydesk.v1 import (
    bot_service_pb2,
    event_pb2,
    flow_service_pb2,
    member_pb2,
    message_pb2,
    workforce_service_pb2,
)
from relaydesk_server.app import RelaydeskServer
from relaydesk_server.clock import ManualClock
from tests.api import test_transport_security as tls
from tests.support import (
    Harness,
    add_member,
    all_channels,
    create_flow,
    default_workflow,
    expect_error,
    get_channel,
    messages,
    new_channel,
    new_queue,
    send,
    start_server,
    subscribe,
    task_flow,
)

TIMEOUT = 30  # seconds: an upper bound on one command, never a pause
MISSING_FLOW = "flows/FO" + "0" * 32

# The test certificates (a CA, a server certificate for 127.0.0.1, a client certificate).
pki = tls.pki


@dataclasses.dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def _environment(**extra: str) -> dict[str, str]:
    """This process's environment without RELAYDESK_* settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELAYDESK_")}
    return {**env, **extra}


async def cli(
    *args: str,
    stdin: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Ran:
    """Runs `relaydesk ARGS…` to its end."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd,
        env=env if env is not None else _environment(),
    )
    out, err = await asyncio.wait_for(
        process.communicate(None if stdin is None else stdin.encode()), TIMEOUT
    )
    assert process.returncode is not None
    return Ran(process.returncode, out.decode(), err.decode())


async def admin(harness: Harness, *args: str, stdin: str | None = None) -> Ran:
    """Runs `relaydesk ARGS…` against the harness's server with its admin key."""
    return await cli(*args, "--server", harness.target, "--token", harness.admin_key, stdin=stdin)


def ok(ran: Ran) -> Ran:
    assert ran.code == 0, ran.err
    return ran


def table(ran: Ran) -> list[dict[str, str]]:
    """The rows of a printed table by column header; lines after it (`secret: …`) are not rows.

    Columns start where their header does: headers are two or more spaces apart.
    """
    lines = ok(ran).out.splitlines()
    header = lines[0]
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=  ))[^ ]", header)]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    names = [header[a:b].strip() for a, b in bounds]
    rows = []
    for line in lines[1:]:
        if re.match(r"[a-z_]+: ", line):
            break
        rows.append({n: line[a:b].strip() for n, (a, b) in zip(names, bounds, strict=True)})
    return rows


# -- configuration: flows, workers, queues, workflows, bots --------------------------


async def test_flows_every_verb_in_both_forms(harness: Harness) -> None:
    rd = harness.client
    body = json.dumps(
        {
            "displayName": "Support SMS",
            "channelType": "CHANNEL_TYPE_SMS",
            "contactIdentity": "+15550100",
            "enabled": True,
            "task": {"workflow": default_workflow()},
        }
    )
    created = ok(await admin(harness, "flows", "create", "--json-body", body, "--json")).json()
    name = created["flow"]["name"]
    stored = (await rd.flows.GetFlow(flow_service_pb2.GetFlowRequest(name=name))).flow
    assert stored.display_name == "Support SMS"
    assert stored.contact_identity == "+15550100"

    [row] = table(await admin(harness, "flows", "get", name))
    assert row == {
        "NAME": name,
        "DISPLAY NAME": "Support SMS",
        "CHANNEL TYPE": "SMS",
        "CONTACT IDENTITY": "+15550100",
        "ENABLED": "yes",
        "INTEGRATION": "task",
    }
    got = ok(await admin(harness, "flows", "get", name, "--json")).json()
    assert got["flow"]["etag"] == stored.etag

    listed = ok(await admin(harness, "flows", "list", "--json")).json()
    assert [f["name"] for f in listed["flows"]] == [name]
    assert [r["NAME"] for r in table(await admin(harness, "flows", "list"))] == [name]
    assert table(await admin(harness, "flows", "list", "--channel-type", "whatsapp")) == []

    updated = await admin(
        harness,
        "flows",
        "update",
        name,
        "--json-body",
        '{"displayName": "Renamed", "contactIdentity": "+15550999"}',
        "--update-mask",
        "display_name",
    )
    [row] = table(updated)
    assert (row["DISPLAY NAME"], row["CONTACT IDENTITY"]) == ("Renamed", "+15550100")

    deleted = ok(await admin(harness, "flows", "delete", name))
    assert name in deleted.out
    await expect_error(
        rd.flows.GetFlow(flow_service_pb2.GetFlowRequest(name=name)), grpc.StatusCode.NOT_FOUND
    )


# Each resource: a body to create it with, as protobuf JSON.
def _bodies(queue: str) -> dict[str, dict[str, Any]]:
    return {
        "workers": {"identity": "alice", "displayName": "Alice", "capacities": {"chat": 2}},
        "queues": {"displayName": "Billing", "targetWorkers": "true", "order": "QUEUE_ORDER_LIFO"},
        "workflows": {"displayName": "Billing first", "defaultQueue": queue},
        "bots": {
            "displayName": "greeter",
            "definition": {
                "initialState": "hello",
                "states": [
                    {"name": "hello", "sendMessage": {"body": "Hi!", "next": "bye"}},
                    {"name": "bye", "end": {}},
                ],
            },
        },
    }


async def _get(harness: Harness, command: str, name: str) -> Any:
    """The resource `name` of `command`'s kind, read through the API."""
    rd = harness.client
    if command == "workers":
        request: Any = workforce_service_pb2.GetWorkerRequest(name=name)
        return (await rd.workforce.GetWorker(request)).worker
    if command == "queues":
        return (await rd.workforce.GetQueue(workforce_service_pb2.GetQueueRequest(name=name))).queue
    if command == "workflows":
        request = workforce_service_pb2.GetWorkflowRequest(name=name)
        return (await rd.workforce.GetWorkflow(request)).workflow
    return (await rd.bots.GetBot(bot_service_pb2.GetBotRequest(name=name))).bot


@pytest.mark.parametrize("command", ["workers", "queues", "workflows", "bots"])
async def test_resources_create_get_list_update_delete(
    command: str, harness: Harness, tmp_path: Path
) -> None:
    queue = await new_queue(harness.client)
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(_bodies(queue)[command]))

    # The body from a file, a table back.
    [row] = table(await admin(harness, command, "create", "--json-body", f"@{body_file}"))
    name = row["NAME"]
    assert name.startswith(command + "/")
    assert row["DISPLAY NAME"] == _bodies(queue)[command]["displayName"]
    await _get(harness, command, name)  # it exists

    listed = ok(await admin(harness, command, "list", "--json")).json()
    assert name in {item["name"] for item in listed[command]}
    assert name in {r["NAME"] for r in table(await admin(harness, command, "list"))}
    [row] = table(await admin(harness, command, "get", name.partition("/")[2]))  # just the id
    assert row["NAME"] == name

    # The body from stdin, JSON back.
    changed = await admin(
        harness,
        command,
        "update",
        name,
        "--json-body",
        "-",
        "--json",
        stdin='{"displayName": "changed"}',
    )
    response = ok(changed).json()
    assert response[command.removesuffix("s")]["displayName"] == "changed"
    assert (await _get(harness, command, name)).display_name == "changed"

    assert ok(await admin(harness, command, "delete", name, "--json")).json() == {}
    with pytest.raises(grpc.aio.AioRpcError) as gone:
        await _get(harness, command, name)
    assert gone.value.code() == grpc.StatusCode.NOT_FOUND


async def test_keys_create_list_delete(harness: Harness) -> None:
    created = ok(
        await admin(harness, "keys", "create", "--role", "service", "--display-name", "crm")
    )
    [row] = table(created)
    assert (row["DISPLAY NAME"], row["ROLE"]) == ("crm", "SERVICE")
    [secret] = [
        line.removeprefix("secret: ")
        for line in created.out.splitlines()
        if line.startswith("secret: ")
    ]
    async with connect(harness.target, secret) as crm:
        await crm.flows.ListFlows(flow_service_pb2.ListFlowsRequest())

    listed = ok(await admin(harness, "keys", "list", "--json")).json()
    assert {k["displayName"]: k["role"] for k in listed["apiKeys"]} == {
        "first admin key": "ROLE_ADMIN",
        "crm": "ROLE_SERVICE",
    }
    ok(await admin(harness, "keys", "delete", row["NAME"]))
    async with connect(harness.target, secret) as crm:
        await expect_error(
            crm.flows.ListFlows(flow_service_pb2.ListFlowsRequest()),
            grpc.StatusCode.UNAUTHENTICATED,
        )
    ran = await admin(harness, "keys", "create", "--role", "agent")
    assert ran.code == 2
    assert "--role" in ran.err


# -- errors -------------------------------------------------------------------------


async def test_an_error_exits_1_with_its_status_and_details(harness: Harness) -> None:
    ran = await admin(harness, "flows", "get", MISSING_FLOW)
    assert ran.code == 1
    assert ran.out == ""
    first, *details = ran.err.splitlines()
    assert first.startswith("error: NOT_FOUND: ")
    assert "  reason: FLOW_NOT_FOUND (relaydesk.dev)" in details
    assert f"  resource: relaydesk.v1.Flow {MISSING_FLOW}" in details

    ran = await admin(harness, "flows", "get", MISSING_FLOW, "--json")
    assert ran.code == 1
    error = json.loads(ran.err)
    assert error["code"] == "NOT_FOUND"
    by_type = {d["@type"].rpartition("/")[2]: d for d in error["details"]}
    assert by_type["google.rpc.ResourceInfo"]["resourceName"] == MISSING_FLOW
    assert by_type["google.rpc.ErrorInfo"] == {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "FLOW_NOT_FOUND",
        "domain": "relaydesk.dev",
    }


async def test_field_violations_are_listed(harness: Harness) -> None:
    ran = await admin(harness, "flows", "create", "--json-body", '{"displayName": "x"}')
    assert ran.code == 1
    lines = ran.err.splitlines()
    assert lines[0].startswith("error: INVALID_ARGUMENT: ")
    assert any(line.startswith("  flow.channel_type: ") for line in lines)
    assert any(line.startswith("  flow.integration: ") for line in lines)
    assert ok(await admin(harness, "flows", "list", "--json")).json() == {}


async def test_a_failed_precondition_names_it(harness: Harness) -> None:
    channel = await new_channel(harness.client)
    ran = await admin(harness, "send", channel.name, "hi", "--as", "stranger")
    assert ran.code == 1
    assert ran.err.startswith("error: FAILED_PRECONDITION: ")
    assert "  precondition: " in ran.err


@pytest.mark.parametrize(
    "body", ['{"bogus": 1}', "not json", '{"channelType": "CHANNEL_TYPE_PIGEON"}', "@/no/such"]
)
async def test_a_bad_json_body_is_a_usage_error(body: str, harness: Harness) -> None:
    ran = await admin(harness, "flows", "create", "--json-body", body)
    assert ran.code == 2
    assert "usage:" in ran.err
    assert "--json-body" in ran.err
    assert ok(await admin(harness, "flows", "list", "--json")).json() == {}


@pytest.mark.parametrize(
    "args",
    [
        ["flows", "get"],
        ["flows", "rename", "x"],
        ["keys", "get", "apiKeys/x"],
        ["token", "--identity", "a", "--role", "admin"],
        ["token", "--identity", "a", "--role", "agent", "--ttl", "soon"],
        ["tail", "--after", "-1"],
        ["tail", "--types", "nothing_happened"],
        ["deliver", "--channel-type", "pigeon", "--from", "a", "--to", "b", "--body", "c"],
        ["flows", "list", "--tls-cert", "client.crt"],
    ],
)
async def test_bad_command_lines_are_usage_errors(args: list[str], harness: Harness) -> None:
    ran = await admin(harness, *args)
    assert ran.code == 2, ran.err
    assert "usage:" in ran.err


async def test_an_unreachable_server_or_no_credential_exits_1(
    harness: Harness, tmp_path: Path
) -> None:
    ran = await cli("flows", "list", "--server", harness.target, cwd=tmp_path)
    assert ran.code == 1
    assert ran.err.startswith("error: UNAUTHENTICATED: ")
    ran = await cli("flows", "list", "--server", "127.0.0.1:1", "--token", "x", cwd=tmp_path)
    assert ran.code == 1
    assert ran.err.startswith("error: UNAVAILABLE: ")


# -- connection options -------------------------------------------------------------


async def test_server_and_token_from_the_environment_or_the_default_key_file(
    harness: Harness, tmp_path: Path
) -> None:
    flow = await create_flow(harness.client, task_flow())
    env = _environment(RELAYDESK_SERVER=harness.target, RELAYDESK_TOKEN=harness.admin_key)
    ran = await cli("flows", "list", "--json", cwd=tmp_path, env=env)
    assert [f["name"] for f in ok(ran).json()["flows"]] == [flow.name]

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "admin.key").write_text(harness.admin_key + "\n")
    env = _environment(RELAYDESK_SERVER=harness.target)
    ran = await cli("flows", "list", "--json", cwd=tmp_path, env=env)
    assert [f["name"] for f in ok(ran).json()["flows"]] == [flow.name]


async def test_mutual_tls(pki: tls.Pki, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    running: RelaydeskServer = await start_server(
        data_dir, ManualClock(), tls=tls.server_tls(pki, mutual=True)
    )
    try:
        key = (data_dir / "admin.key").read_text().strip()
        target = f"127.0.0.1:{running.port}"
        base = ["flows", "list", "--json", "--server", target, "--token", key]
        ca = ["--tls-ca", str(pki.ca.cert_file)]
        client = ["--tls-cert", str(pki.client.cert_file), "--tls-key", str(pki.client.key_file)]
        assert ok(await cli(*base, *ca, *client)).json() == {}
        # Without a client certificate, or trusting another CA, there is no connection.
        assert (await cli(*base, *ca)).code == 1
        other = ["--tls-ca", str(pki.other_ca.cert_file)]
        assert (await cli(*base, *other, *client)).code == 1
        # Plaintext to a TLS server fails too.
        assert (await cli(*base)).code == 1
    finally:
        await running.stop(grace=None)


# -- token, send, deliver -----------------------------------------------------------


async def test_token_mints_a_working_access_token(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "alice")
    agent = ok(await admin(harness, "token", "--identity", "alice", "--role", "agent")).out
    async with connect(harness.target, agent.strip()) as alice:
        assert (await get_channel(alice, channel.name)).name == channel.name

    await add_member(rd, channel.name, "+15551234", role=member_pb2.MEMBER_ROLE_CUSTOMER)
    minted = await admin(
        harness,
        "token",
        "--identity",
        "+15551234",
        "--role",
        "customer",
        "--channel",
        channel.name,
        "--ttl",
        "10m",
        "--json",
    )
    response = ok(minted).json()
    assert set(response) == {"token", "expireTime"}
    async with connect(harness.target, response["token"]) as customer:
        assert (await get_channel(customer, channel.name)).name == channel.name

    ran = await admin(harness, "token", "--identity", "bob", "--role", "customer")
    assert ran.code == 1
    assert ran.err.startswith("error: INVALID_ARGUMENT: ")


async def test_send_posts_a_message_as_an_identity(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    await add_member(rd, channel.name, "alice")
    [row] = table(await admin(harness, "send", channel.name, "hello from alice", "--as", "alice"))
    assert (row["INDEX"], row["AUTHOR"], row["DIRECTION"]) == ("0", "alice", "OUTBOUND")
    sent = ok(
        await admin(harness, "send", channel.name, "-", "--internal", "--json", stdin="a note")
    ).json()
    stored = await messages(rd, channel.name)
    assert [(m.name, m.author, m.body, m.direction) for m in stored] == [
        (row["NAME"], "alice", "hello from alice", message_pb2.MESSAGE_DIRECTION_OUTBOUND),
        (sent["message"]["name"], "system", "a note", message_pb2.MESSAGE_DIRECTION_INTERNAL),
    ]


async def test_deliver_starts_a_conversation_like_a_gateway(harness: Harness) -> None:
    rd = harness.client
    await create_flow(rd, task_flow("+15550100"))
    args = ["deliver", "--channel-type", "sms", "--from", "+15551234", "--to", "+15550100"]
    [row] = table(await admin(harness, *args, "--body", "where is my order?", "--id", "sms-1"))
    assert row["DUPLICATE"] == "no"
    [channel] = await all_channels(rd)
    assert channel.name == row["CHANNEL"]
    assert channel.session == row["SESSION"]
    assert channel.customer_address == "+15551234"
    [message] = await messages(rd, channel.name)
    assert (message.name, message.body, message.author) == (
        row["MESSAGE"],
        "where is my order?",
        "+15551234",
    )
    assert message.direction == message_pb2.MESSAGE_DIRECTION_INBOUND

    again = ok(
        await admin(harness, *args, "--body", "where is my order?", "--id", "sms-1", "--json")
    ).json()
    assert again["duplicate"] is True
    assert again["message"]["name"] == row["MESSAGE"]
    assert len(await messages(rd, channel.name)) == 1


# -- tail ---------------------------------------------------------------------------


async def _events_through(harness: Harness, last_message: str) -> list[event_pb2.Event]:
    """Every event from the beginning up to the MESSAGE_ADDED of `last_message`, via the API."""
    call = subscribe(harness.client, after_sequence=0)
    events: list[event_pb2.Event] = []
    try:
        async with asyncio.timeout(TIMEOUT):
            while True:
                event = (await call.read()).event
                if event.type == event_pb2.EVENT_TYPE_HEARTBEAT:
                    continue
                events.append(event)
                if event.message.name == last_message:
                    return events
    finally:
        call.cancel()


async def _start(harness: Harness, *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        *args,
        "--server",
        harness.target,
        "--token",
        harness.admin_key,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=_environment(),
    )


async def _line(process: asyncio.subprocess.Process) -> str:
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), TIMEOUT)
    assert line, "tail ended"
    return line.decode()


async def _end(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.kill()
        await process.wait()


async def test_tail_replays_from_the_beginning_then_follows_live(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    sent = [await send(rd, channel.name, f"message {i}") for i in range(3)]
    existing = await _events_through(harness, sent[-1].name)

    process = await _start(harness, "tail", "--after", "0", "--json")
    try:
        printed = [json.loads(await _line(process)) for _ in existing]
        assert [(int(e["sequence"]), e["type"]) for e in printed] == [
            (e.sequence, event_pb2.EventType.Name(e.type)) for e in existing
        ]
        assert [e["message"]["body"] for e in printed if "message" in e] == [
            "message 0",
            "message 1",
            "message 2",
        ]
        live = await send(rd, channel.name, "live one")
        event = json.loads(await _line(process))
        assert (event["type"], event["message"]["name"]) == ("EVENT_TYPE_MESSAGE_ADDED", live.name)

        process.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
        assert process.returncode == 0
        assert f"--after {event['sequence']}" in err.decode()
    finally:
        await _end(process)


async def test_tail_resumes_after_a_cursor_with_filters_as_lines(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd)
    other = await new_channel(rd)
    sent = [await send(rd, channel.name, f"message {i}") for i in range(4)]
    await send(rd, other.name, "elsewhere")
    existing = await _events_through(harness, sent[-1].name)
    second = next(e for e in existing if e.message.name == sent[1].name)

    process = await _start(
        harness,
        "tail",
        "--after",
        str(second.sequence),
        "--channels",
        channel.name,
        "--types",
        "message_added",
    )
    try:
        lines = [await _line(process) for _ in sent[2:]]
        for line, message in zip(lines, sent[2:], strict=True):
            sequence, _, kind, name, rest = line.split(maxsplit=4)
            assert int(sequence) > second.sequence
            assert (kind, name) == ("MESSAGE_ADDED", message.name)
            assert rest.strip() == f"system: {message.body}"
        # Nothing else was printed: the next line is the next message of that channel.
        await send(rd, other.name, "still elsewhere")
        last = await send(rd, channel.name, "live")
        assert last.name in await _line(process)
    finally:
        await _end(process)


async def test_a_request_id_makes_a_retried_create_harmless(harness: Harness) -> None:
    body = '{"displayName": "q"}'
    first = ok(
        await admin(
            harness, "queues", "create", "--json-body", body, "--request-id", "once", "--json"
        )
    ).json()
    again = ok(
        await admin(
            harness, "queues", "create", "--json-body", body, "--request-id", "once", "--json"
        )
    ).json()
    assert first == again
    listed = await harness.client.workforce.ListQueues(workforce_service_pb2.ListQueuesRequest())
    assert sum(q.display_name == "q" for q in listed.queues) == 1
