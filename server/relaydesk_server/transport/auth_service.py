"""AuthService handlers: API keys, access tokens and the token-signing key."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from relaydesk.v1 import api_key_pb2, auth_service_pb2_grpc, common_pb2
from relaydesk.v1 import auth_service_pb2 as pb
from relaydesk_server.domain import keys, tokens
from relaydesk_server.domain.channels import resolve_channel
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.keys import Authenticator
from relaydesk_server.domain.keys_model import ApiKey, Role
from relaydesk_server.domain.names import API_KEY, parse_channel_ref
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.transport.channels_convert import check_identity
from relaydesk_server.transport.convert import enum_from_proto, enum_to_proto, timestamp
from relaydesk_server.transport.mechanics import Calls, next_page_token, page_request
from relaydesk_server.transport.streams import OpenStreams
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, Violations, duration_from_proto

if TYPE_CHECKING:
    from relaydesk_server.clock import Clock
    from relaydesk_server.transport.context import Context

_KEY_ROLES = (Role.ADMIN, Role.SERVICE)
_TOKEN_ROLES = (Role.AGENT, Role.CUSTOMER)


def api_key_to_proto(key: ApiKey) -> api_key_pb2.ApiKey:
    return api_key_pb2.ApiKey(
        name=key.name,
        display_name=key.display_name,
        role=enum_to_proto(common_pb2.Role, "ROLE", key.role),  # type: ignore[arg-type]
        create_time=timestamp(key.create_time),
        update_time=timestamp(key.update_time),
    )


def _role(
    violations: Violations, number: int, allowed: tuple[Role, ...], field: str
) -> Role | None:
    role = enum_from_proto(Role, "ROLE", common_pb2.Role, number)
    if role not in allowed:
        names = " or ".join(r.value for r in allowed)
        violations.add(field, f"required: {names}")
        return None
    return role


def _without_secret(response: pb.CreateApiKeyResponse) -> pb.CreateApiKeyResponse:
    # What a request_id retry replays: the secret is never stored, not even there.
    return pb.CreateApiKeyResponse(api_key=response.api_key)


class AuthServicer(auth_service_pb2_grpc.AuthServiceServicer):
    def __init__(
        self, calls: Calls, clock: Clock, authenticator: Authenticator, streams: OpenStreams
    ) -> None:
        self._calls = calls
        self._clock = clock
        self._authenticator = authenticator
        self._streams = streams

    async def CreateApiKey(
        self, request: pb.CreateApiKeyRequest, context: Context
    ) -> pb.CreateApiKeyResponse:
        violations = Violations()
        role = None
        if violations.required(request.HasField("api_key"), "api_key"):
            role = _role(violations, request.api_key.role, _KEY_ROLES, "api_key.role")
            violations.max_length(
                request.api_key.display_name, MAX_DISPLAY_NAME, "api_key.display_name"
            )
        violations.raise_if_any()
        assert role is not None  # a missing or wrong role was a violation
        created: list[ApiKey] = []

        def create(tx: Transaction) -> pb.CreateApiKeyResponse:
            key, secret = keys.create_api_key(tx, request.api_key.display_name, role)
            created.append(key)
            return pb.CreateApiKeyResponse(api_key=api_key_to_proto(key), secret=secret)

        response = await self._calls.write(
            request, pb.CreateApiKeyResponse, create, stored=_without_secret
        )
        for key in created:  # committed: the secret works from now on
            self._authenticator.added(key)
        return response

    async def ListApiKeys(
        self, request: pb.ListApiKeysRequest, context: Context
    ) -> pb.ListApiKeysResponse:
        page = page_request(request.page_size, request.page_token, ())
        result = await self._calls.read(lambda tx: keys.list_api_keys(tx, page))
        return pb.ListApiKeysResponse(
            api_keys=[api_key_to_proto(key) for key in result.items],
            next_page_token=next_page_token(result, ()),
        )

    async def DeleteApiKey(
        self, request: pb.DeleteApiKeyRequest, context: Context
    ) -> pb.DeleteApiKeyResponse:
        key_id = API_KEY.parse(request.name, "name")
        deleted: list[ApiKey] = []

        def delete(tx: Transaction) -> pb.DeleteApiKeyResponse:
            deleted.append(keys.delete_api_key(tx, key_id))
            return pb.DeleteApiKeyResponse()

        response = await self._calls.write(request, pb.DeleteApiKeyResponse, delete)
        for key in deleted:  # committed: the secret stops working, open streams end
            self._authenticator.removed(key)
            self._streams.revoke(key.name)
        return response

    async def CreateAccessToken(
        self, request: pb.CreateAccessTokenRequest, context: Context
    ) -> pb.CreateAccessTokenResponse:
        violations = Violations()
        check_identity(violations, request.identity, "identity")
        role = _role(violations, request.role, _TOKEN_ROLES, "role")
        ttl = tokens.DEFAULT_TOKEN_TTL
        if request.HasField("ttl") and (request.ttl.seconds or request.ttl.nanos):
            ttl = duration_from_proto(
                violations,
                request.ttl,
                "ttl",
                minimum=tokens.MIN_TOKEN_TTL,
                maximum=tokens.MAX_TOKEN_TTL,
            )
        channel_ref = None
        if role is Role.CUSTOMER:
            if violations.required(request.channel, "channel", "a customer token's channel"):
                channel_ref = parse_channel_ref(request.channel, "channel")
        elif request.channel:
            violations.add("channel", "only a CUSTOMER token is scoped to a channel")
        violations.raise_if_any()
        assert role is not None

        channel = None
        if channel_ref is not None:
            ref = channel_ref

            def canonical(tx: Transaction) -> str:
                try:
                    return resolve_channel(tx, ref).name
                except NotFound as missing:
                    raise FailedPrecondition.one(
                        "REFERENCE",
                        request.channel,
                        f"{request.channel} does not exist",
                        reason="CHANNEL_NOT_FOUND",
                    ) from missing

            channel = await self._calls.read(canonical)
        now = self._clock.now()
        token = tokens.mint(
            self._authenticator.keyring, request.identity, role, now, ttl, channel=channel
        )
        expire = dt.datetime.fromtimestamp(tokens.expiry(now, ttl), dt.UTC)
        return pb.CreateAccessTokenResponse(token=token, expire_time=timestamp(expire))

    async def RotateSigningKey(
        self, request: pb.RotateSigningKeyRequest, context: Context
    ) -> pb.RotateSigningKeyResponse:
        rotated: list[list[tokens.SigningKey]] = []

        def rotate(tx: Transaction) -> pb.RotateSigningKeyResponse:
            new, verifying = keys.rotate_signing_key(tx)
            rotated.append(verifying)
            return pb.RotateSigningKeyResponse(
                key_id=new.id, previous_key_retire_time=timestamp(tx.now() + tokens.MAX_TOKEN_TTL)
            )

        response = await self._calls.write(request, pb.RotateSigningKeyResponse, rotate)
        for verifying in rotated:
            self._authenticator.keyring.replace(verifying)
        return response
