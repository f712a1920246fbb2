"""Access tokens (API §10): signed, expiring credentials for people, not services.

A token is a JWT (HS256) signed with the installation's key. A customer token
names the one channel it may act in. Expiry is checked against the server's
clock, so it follows the same time as everything else.
"""

from __future__ import annotations

import datetime as dt

import jwt

from relaydesk_server.domain.errors import Unauthenticated
from relaydesk_server.domain.keys_model import Principal, Role

ISSUER = "relaydesk"
DEFAULT_TOKEN_TTL = dt.timedelta(hours=1)
_ALGORITHM = "HS256"


def looks_like_token(credential: str) -> bool:
    return credential.count(".") == 2


def mint(
    signing_key: str,
    identity: str,
    role: Role,
    now: dt.datetime,
    ttl: dt.timedelta = DEFAULT_TOKEN_TTL,
    channel: str | None = None,
) -> str:
    claims: dict[str, object] = {
        "iss": ISSUER,
        "sub": identity,
        "role": role.value,
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
    }
    if channel is not None:
        claims["channel"] = channel
    return jwt.encode(claims, signing_key, algorithm=_ALGORITHM)


def _invalid() -> Unauthenticated:
    return Unauthenticated("invalid credentials", reason="CREDENTIALS_INVALID")


def principal_of(signing_key: str, token: str, now: dt.datetime) -> Principal:
    try:
        claims = jwt.decode(
            token,
            signing_key,
            algorithms=[_ALGORITHM],
            issuer=ISSUER,
            # Expiry is checked below, on the server's clock.
            options={"verify_exp": False, "require": ["exp", "sub", "role", "iss"]},
        )
    except jwt.InvalidTokenError as error:
        raise _invalid() from error
    if now.timestamp() >= claims["exp"]:
        raise Unauthenticated("the access token has expired", reason="TOKEN_EXPIRED")
    try:
        role = Role(claims["role"])
    except ValueError as error:
        raise _invalid() from error
    if role not in (Role.AGENT, Role.CUSTOMER):
        raise _invalid()
    identity = str(claims["sub"])
    channel = claims.get("channel")
    return Principal(
        role=role,
        subject=f"{role.value.lower()}:{identity}",
        identity=identity,
        channel=str(channel) if channel is not None else None,
    )
