"""Access tokens (API §10): signed, expiring credentials for people, not services.

A token is a JWT (HS256) signed with the installation's current signing key,
named by the token's `kid` header. Rotating the key makes a new current key;
the previous ones keep verifying the tokens they signed until those expire, so
a rotation never logs anyone out. A customer token names the one channel it
may act in. Expiry is checked against the server's clock, so it follows the
same time as everything else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import secrets

import jwt

from relaydesk_server.domain.errors import Unauthenticated
from relaydesk_server.domain.keys_model import Principal, Role

ISSUER = "relaydesk"
DEFAULT_TOKEN_TTL = dt.timedelta(hours=1)
MIN_TOKEN_TTL = dt.timedelta(seconds=1)
MAX_TOKEN_TTL = dt.timedelta(hours=24)
_ALGORITHM = "HS256"
# The key an installation had before keys had ids; tokens without `kid` were signed by it.
LEGACY_KEY_ID = "initial"


@dataclasses.dataclass(frozen=True)
class SigningKey:
    id: str
    secret: str
    create_time: dt.datetime
    # Set once a newer key replaced it: after this, tokens it signed have all expired.
    retire_time: dt.datetime | None = None


def new_signing_key(now: dt.datetime) -> SigningKey:
    return SigningKey(id=secrets.token_hex(8), secret=secrets.token_urlsafe(32), create_time=now)


def rotate(keys: list[SigningKey], now: dt.datetime) -> tuple[SigningKey, list[SigningKey]]:
    """A new current key, and the older keys with their retire times set."""
    retire = now + MAX_TOKEN_TTL
    retired = [
        key if key.retire_time is not None else dataclasses.replace(key, retire_time=retire)
        for key in keys
    ]
    return new_signing_key(now), retired


class Keyring:
    """The signing keys a server mints and verifies with; replaced whole on rotation."""

    def __init__(self, keys: list[SigningKey]) -> None:
        self.replace(keys)

    def replace(self, keys: list[SigningKey]) -> None:
        current = [key for key in keys if key.retire_time is None]
        if len(current) != 1:
            raise ValueError(f"expected one current signing key, found {len(current)}")
        self.current = current[0]
        self._by_id = {key.id: key for key in keys}

    def verifying_key(self, key_id: str, now: dt.datetime) -> SigningKey | None:
        key = self._by_id.get(key_id)
        if key is None or (key.retire_time is not None and now >= key.retire_time):
            return None
        return key


def looks_like_token(credential: str) -> bool:
    return credential.count(".") == 2


def mint(
    keyring: Keyring,
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
        "exp": expiry(now, ttl),
    }
    if channel is not None:
        claims["channel"] = channel
    key = keyring.current
    return jwt.encode(claims, key.secret, algorithm=_ALGORITHM, headers={"kid": key.id})


def expiry(now: dt.datetime, ttl: dt.timedelta) -> int:
    """The `exp` claim (whole seconds, rounded up so a token never lives shorter than asked)."""
    return math.ceil((now + ttl).timestamp())


def _invalid() -> Unauthenticated:
    return Unauthenticated("invalid credentials", reason="CREDENTIALS_INVALID")


def principal_of(keyring: Keyring, token: str, now: dt.datetime) -> Principal:
    try:
        key_id = jwt.get_unverified_header(token).get("kid")
    except jwt.InvalidTokenError as error:
        raise _invalid() from error
    key = keyring.verifying_key(LEGACY_KEY_ID if key_id is None else str(key_id), now)
    if key is None:
        raise _invalid()
    try:
        claims = jwt.decode(
            token,
            key.secret,
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
    if (role is Role.CUSTOMER) != (channel is not None):
        raise _invalid()
    return Principal(
        role=role,
        subject=f"{role.value.lower()}:{identity}",
        identity=identity,
        channel=str(channel) if channel is not None else None,
        expire_time=dt.datetime.fromtimestamp(claims["exp"], dt.UTC),
    )
