"""AuthService (API §10): API keys, access tokens, the signing key, the per-credential rate."""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import sqlite3

import grpc
import jwt
import pytest
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import api_key_pb2, common_pb2, event_service_pb2, flow_service_pb2
from relaydesk.v1 import auth_service_pb2 as pb
from relaydesk.v1 import channel_service_pb2 as channels_pb
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    access_token,
    add_member,
    detail,
    expect_error,
    new_channel,
    reason,
    send,
    violated_fields,
)

WAIT = 10.0


async def create_key(
    rd: Client, role: int, display_name: str = "", **fields: str
) -> pb.CreateApiKeyResponse:
    request = pb.CreateApiKeyRequest(
        api_key=api_key_pb2.ApiKey(role=role, display_name=display_name),  # type: ignore[arg-type]
        **fields,
    )
    return await rd.auth.CreateApiKey(request)


def list_flows(client: Client) -> object:
    return client.flows.ListFlows(flow_service_pb2.ListFlowsRequest())


def token_request(**fields: object) -> pb.CreateAccessTokenRequest:
    return pb.CreateAccessTokenRequest(**fields)  # type: ignore[arg-type]


async def read_until_it_ends(stream: object) -> None:
    async with asyncio.timeout(WAIT):
        while True:
            await stream.read()  # type: ignore[attr-defined]


# -- API keys ----------------------------------------------------------------


async def test_a_service_key_is_shown_once_works_at_once_and_is_stored_only_as_a_hash(
    harness: Harness,
) -> None:
    rd = harness.client
    created = await create_key(rd, common_pb2.ROLE_SERVICE, "sms gateway", request_id="k-1")
    assert created.secret
    assert created.api_key.name.startswith("apiKeys/KY")
    assert created.api_key.role == common_pb2.ROLE_SERVICE
    assert created.api_key.display_name == "sms gateway"

    service = harness.connect(created.secret)
    try:
        await list_flows(service)  # type: ignore[misc]
        # Key management is for admins only.
        error = await expect_error(
            service.auth.ListApiKeys(pb.ListApiKeysRequest()), grpc.StatusCode.PERMISSION_DENIED
        )
        assert reason(error) == "ROLE_NOT_ALLOWED"
    finally:
        await service.close()

    listed = (await rd.auth.ListApiKeys(pb.ListApiKeysRequest())).api_keys
    assert [k.name for k in listed][-1] == created.api_key.name
    assert listed[0].role == common_pb2.ROLE_ADMIN

    # A retry answers with the same key but not the secret, which is written nowhere.
    again = await create_key(rd, common_pb2.ROLE_SERVICE, "sms gateway", request_id="k-1")
    assert again.api_key == created.api_key
    assert again.secret == ""
    database = b"".join(
        path.read_bytes()
        for path in harness.data_dir.iterdir()
        if path.name.startswith("relaydesk")
    )
    assert created.secret.encode() not in database
    await harness.restart()
    restarted = harness.connect(created.secret)
    try:
        await list_flows(restarted)  # type: ignore[misc]
    finally:
        await restarted.close()


async def test_api_keys_are_for_admins_and_services_only(rd: Client) -> None:
    for role in (common_pb2.ROLE_AGENT, common_pb2.ROLE_CUSTOMER, common_pb2.ROLE_UNSPECIFIED):
        error = await expect_error(create_key(rd, role), grpc.StatusCode.INVALID_ARGUMENT)
        assert violated_fields(error) == {"api_key.role"}
    error = await expect_error(
        rd.auth.CreateApiKey(pb.CreateApiKeyRequest()), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"api_key"}
    error = await expect_error(
        create_key(rd, common_pb2.ROLE_SERVICE, "x" * 257), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"api_key.display_name"}
    assert len((await rd.auth.ListApiKeys(pb.ListApiKeysRequest())).api_keys) == 1


async def test_deleting_a_key_stops_it_at_once_and_ends_its_open_streams(
    harness: Harness,
) -> None:
    rd = harness.client
    await new_channel(rd, display_name="something to replay")
    created = await create_key(rd, common_pb2.ROLE_SERVICE)
    service = harness.connect(created.secret)
    try:
        stream = service.events.Subscribe(event_service_pb2.SubscribeRequest(after_sequence=0))
        async with asyncio.timeout(WAIT):
            first = await stream.read()  # the stream is open: it replays the log
        assert first.event.sequence >= 1
        await rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name=created.api_key.name))

        with pytest.raises(grpc.aio.AioRpcError) as ended:
            await read_until_it_ends(stream)
        assert ended.value.code() == grpc.StatusCode.UNAUTHENTICATED
        assert reason(ended.value) == "CREDENTIALS_REVOKED"

        error = await expect_error(list_flows(service), grpc.StatusCode.UNAUTHENTICATED)
        assert reason(error) == "CREDENTIALS_INVALID"
    finally:
        await service.close()
    error = await expect_error(
        rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name=created.api_key.name)),
        grpc.StatusCode.NOT_FOUND,
    )
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == created.api_key.name


async def test_the_last_admin_key_cannot_be_deleted(harness: Harness) -> None:
    rd = harness.client
    first = (await rd.auth.ListApiKeys(pb.ListApiKeysRequest())).api_keys[0]
    error = await expect_error(
        rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name=first.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "LAST_ADMIN_KEY"
    # With a second admin key, the first can go: an admin may delete the key it calls with.
    second = await create_key(rd, common_pb2.ROLE_ADMIN)
    await rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name=first.name))
    await expect_error(list_flows(rd), grpc.StatusCode.UNAUTHENTICATED)
    other = harness.connect(second.secret)
    try:
        await list_flows(other)  # type: ignore[misc]
    finally:
        await other.close()
    await expect_error(
        rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name="apiKeys/nope")),
        grpc.StatusCode.UNAUTHENTICATED,
    )


async def test_malformed_key_names_are_invalid(rd: Client) -> None:
    for name in ("", "apiKeys/", "flows/FO" + "0" * 32, "apiKeys/KY123"):
        error = await expect_error(
            rd.auth.DeleteApiKey(pb.DeleteApiKeyRequest(name=name)),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {"name"}


# -- access tokens -----------------------------------------------------------


async def test_an_agent_token_acts_as_its_identity_until_it_expires(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd, display_name="ops")
    await add_member(rd, channel.name, "alice")
    minted = await rd.auth.CreateAccessToken(
        token_request(identity="alice", role=common_pb2.ROLE_AGENT)
    )
    expected = math.ceil((harness.clock.now() + dt.timedelta(hours=1)).timestamp())
    assert minted.expire_time.seconds == expected
    alice = harness.connect(minted.token)
    try:
        sent = await alice.channels.SendMessage(
            channels_pb.SendMessageRequest(parent=channel.name, body="on it")
        )
        assert sent.message.author == "alice"
        harness.clock.advance(dt.timedelta(hours=1, seconds=1))
        error = await expect_error(
            alice.channels.GetChannel(channels_pb.GetChannelRequest(name=channel.name)),
            grpc.StatusCode.UNAUTHENTICATED,
        )
        assert reason(error) == "TOKEN_EXPIRED"
    finally:
        await alice.close()


async def test_a_token_lives_as_long_as_asked(harness: Harness) -> None:
    rd = harness.client
    ttl = duration_pb2.Duration(seconds=90)
    minted = await rd.auth.CreateAccessToken(
        token_request(identity="alice", role=common_pb2.ROLE_AGENT, ttl=ttl)
    )
    claims = jwt.decode(minted.token, options={"verify_signature": False})
    assert claims["exp"] == int(minted.expire_time.seconds)
    assert claims["sub"] == "alice"
    now = harness.clock.now().timestamp()
    assert 90 <= claims["exp"] - now < 91


async def test_bad_token_requests_name_their_fields(rd: Client) -> None:
    channel = await new_channel(rd, display_name="c")
    cases: list[tuple[dict[str, object], set[str]]] = [
        ({}, {"identity", "role"}),
        ({"identity": "bob", "role": common_pb2.ROLE_ADMIN}, {"role"}),
        ({"identity": "bob", "role": common_pb2.ROLE_SERVICE}, {"role"}),
        ({"identity": "bob", "role": common_pb2.ROLE_CUSTOMER}, {"channel"}),
        (
            {"identity": "bob", "role": common_pb2.ROLE_AGENT, "channel": channel.name},
            {"channel"},
        ),
        ({"identity": "x" * 257, "role": common_pb2.ROLE_AGENT}, {"identity"}),
        ({"identity": "system", "role": common_pb2.ROLE_AGENT}, {"identity"}),
        (
            {"identity": "bob", "role": common_pb2.ROLE_CUSTOMER, "channel": "flows/x"},
            {"channel"},
        ),
    ]
    for ttl in (
        duration_pb2.Duration(nanos=500_000_000),
        duration_pb2.Duration(seconds=24 * 3600 + 1),
        duration_pb2.Duration(seconds=-5),
    ):
        cases.append(({"identity": "bob", "role": common_pb2.ROLE_AGENT, "ttl": ttl}, {"ttl"}))
    for fields, violated in cases:
        error = await expect_error(
            rd.auth.CreateAccessToken(token_request(**fields)), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert violated_fields(error) == violated, fields
    error = await expect_error(
        rd.auth.CreateAccessToken(
            token_request(
                identity="bob", role=common_pb2.ROLE_CUSTOMER, channel="channels/CH" + "0" * 32
            )
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "CHANNEL_NOT_FOUND"


async def test_a_customer_token_names_the_channel_by_its_id(rd: Client) -> None:
    channel = await new_channel(rd, display_name="c", unique_name="order-17")
    token = await access_token(rd, "bob", common_pb2.ROLE_CUSTOMER, "channels/order-17")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["channel"] == channel.name


async def test_forged_and_malformed_credentials_are_unauthenticated(harness: Harness) -> None:
    rd = harness.client
    token = await access_token(rd, "alice", common_pb2.ROLE_AGENT)
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    forged_admin = jwt.encode({**claims, "role": "ADMIN"}, "guess", headers=header)
    wrong_key = jwt.encode(claims, "not-the-key", headers=header)
    unknown_key = jwt.encode(claims, "not-the-key", headers={"kid": "nope"})
    unsigned = jwt.encode(claims, None, algorithm="none")
    for credential in (forged_admin, wrong_key, unknown_key, unsigned, "rdk_guess", "a.b.c"):
        client = harness.connect(credential)
        try:
            error = await expect_error(list_flows(client), grpc.StatusCode.UNAUTHENTICATED)
            assert reason(error) == "CREDENTIALS_INVALID"
        finally:
            await client.close()
    metadata = (("authorization", "Basic abc"),)
    error = await expect_error(
        rd.flows.ListFlows(flow_service_pb2.ListFlowsRequest(), metadata=metadata),
        grpc.StatusCode.UNAUTHENTICATED,
    )
    assert reason(error) == "CREDENTIALS_MALFORMED"


@pytest.mark.sqlite_only
async def test_rotating_the_signing_key_keeps_earlier_tokens_working(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd, display_name="ops")
    await add_member(rd, channel.name, "alice")
    before = await access_token(rd, "alice", common_pb2.ROLE_AGENT)
    rotated = await rd.auth.RotateSigningKey(pb.RotateSigningKeyRequest())
    retire = rotated.previous_key_retire_time.ToDatetime(dt.UTC)
    assert retire == harness.clock.now() + dt.timedelta(hours=24)
    after = await access_token(rd, "alice", common_pb2.ROLE_AGENT)
    assert jwt.get_unverified_header(after)["kid"] == rotated.key_id
    assert jwt.get_unverified_header(before)["kid"] != rotated.key_id

    async def works(token: str) -> None:
        client = harness.connect(token)
        try:
            await client.channels.GetChannel(channels_pb.GetChannelRequest(name=channel.name))
        finally:
            await client.close()

    await works(before)
    await works(after)
    await harness.restart()
    await works(before)
    await works(after)

    # A token the retired key signed, even one claiming a long life, stops working once
    # that key retires.
    conn = sqlite3.connect(harness.data_dir / "relaydesk.db")
    try:
        old_id, old_secret = conn.execute(
            "SELECT id, secret FROM signing_keys WHERE retire_time IS NOT NULL"
        ).fetchone()
    finally:
        conn.close()
    claims = jwt.decode(before, options={"verify_signature": False})
    long_lived = jwt.encode(
        {**claims, "exp": claims["exp"] + 7 * 86400}, old_secret, headers={"kid": old_id}
    )
    await works(long_lived)
    harness.clock.advance(dt.timedelta(hours=24, seconds=1))
    client = harness.connect(long_lived)
    try:
        error = await expect_error(list_flows(client), grpc.StatusCode.UNAUTHENTICATED)
        assert reason(error) == "CREDENTIALS_INVALID"
    finally:
        await client.close()


# -- the per-credential rate -----------------------------------------------------------


async def test_each_token_has_its_own_call_rate(harness_factory: HarnessFactory) -> None:
    harness = await harness_factory(token_call_rate=1.0, token_call_burst=2)
    rd = harness.client
    channel = await new_channel(rd, display_name="ops")
    await add_member(rd, channel.name, "alice")
    await add_member(rd, channel.name, "bob")
    alice = harness.connect(await access_token(rd, "alice", common_pb2.ROLE_AGENT))
    bob = harness.connect(await access_token(rd, "bob", common_pb2.ROLE_AGENT))
    get = channels_pb.GetChannelRequest(name=channel.name)
    try:
        await alice.channels.GetChannel(get)
        await alice.channels.GetChannel(get)
        error = await expect_error(
            alice.channels.GetChannel(get), grpc.StatusCode.RESOURCE_EXHAUSTED
        )
        assert reason(error) == "RATE_LIMITED"
        delay = detail(error, error_details_pb2.RetryInfo).retry_delay.ToTimedelta()
        assert dt.timedelta(0) < delay <= dt.timedelta(seconds=1)
        # Someone else's token, and the admin key, are not slowed by alice's calls.
        await bob.channels.GetChannel(get)
        for _ in range(5):
            await rd.channels.GetChannel(get)
        harness.clock.advance(delay)
        await alice.channels.GetChannel(get)
    finally:
        await alice.close()
        await bob.close()


async def test_a_stream_ends_when_its_token_expires(harness: Harness) -> None:
    rd = harness.client
    channel = await new_channel(rd, display_name="ops")
    await add_member(rd, channel.name, "alice")
    minted = await rd.auth.CreateAccessToken(
        token_request(
            identity="alice", role=common_pb2.ROLE_AGENT, ttl=duration_pb2.Duration(seconds=60)
        )
    )
    alice = harness.connect(minted.token)
    try:
        stream = alice.events.Subscribe(event_service_pb2.SubscribeRequest(after_sequence=0))
        async with asyncio.timeout(WAIT):
            await stream.read()  # its own MEMBER_JOINED: the stream is open
        harness.clock.advance(dt.timedelta(seconds=30))
        await send(rd, channel.name, "still there?")
        async with asyncio.timeout(WAIT):
            still = await stream.read()
        assert still.event.message.body == "still there?"
        harness.clock.advance(dt.timedelta(seconds=31))
        with pytest.raises(grpc.aio.AioRpcError) as ended:
            await read_until_it_ends(stream)
        assert ended.value.code() == grpc.StatusCode.UNAUTHENTICATED
        assert reason(ended.value) == "TOKEN_EXPIRED"
    finally:
        await alice.close()


async def test_api_keys_are_listed_in_pages_oldest_first(rd: Client) -> None:
    created = [
        (await create_key(rd, common_pb2.ROLE_SERVICE, f"gateway {i}")).api_key.name
        for i in range(5)
    ]
    names, token = [], ""
    while True:
        page = await rd.auth.ListApiKeys(pb.ListApiKeysRequest(page_size=2, page_token=token))
        assert len(page.api_keys) <= 2
        names += [key.name for key in page.api_keys]
        token = page.next_page_token
        if not token:
            break
    assert names[1:] == created  # after the first admin key
    error = await expect_error(
        rd.auth.ListApiKeys(pb.ListApiKeysRequest(page_size=-1)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"page_size"}
