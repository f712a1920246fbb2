"""API keys: creation, the first admin key, and resolving a bearer credential."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from relaydesk_server.clock import Clock
from relaydesk_server.domain import tokens
from relaydesk_server.domain.errors import Unauthenticated
from relaydesk_server.domain.keys_model import ApiKey, Principal, Role
from relaydesk_server.domain.names import API_KEY
from relaydesk_server.domain.ports import Transaction

SECRET_PREFIX = "rdk_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_key(tx: Transaction, display_name: str, role: Role) -> tuple[ApiKey, str]:
    """Creates a key; the secret is returned here and never stored."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = tx.now()
    key = ApiKey(
        id=tx.new_id(API_KEY),
        display_name=display_name,
        role=role,
        secret_hash=hash_secret(secret),
        create_time=now,
        update_time=now,
    )
    tx.api_keys.insert(key)
    return key, secret


def create_first_admin_key(tx: Transaction) -> tuple[ApiKey, str] | None:
    """On a database without keys, creates the admin key; else None."""
    if tx.api_keys.all():
        return None
    return create_api_key(tx, "first admin key", Role.ADMIN)


class Authenticator:
    """Resolves bearer credentials to principals: API keys from an in-memory copy
    of the key table, access tokens by their signature.

    The copy is loaded at start (keys are only created at first start in this
    version), so authenticating a call never touches the database.
    """

    def __init__(self, clock: Clock, signing_key: str) -> None:
        self._by_hash: dict[str, ApiKey] = {}
        self._clock = clock
        self.signing_key = signing_key

    def load(self, keys: list[ApiKey]) -> None:
        self._by_hash = {key.secret_hash: key for key in keys}

    def authenticate(self, authorization: str | None) -> Principal:
        if not authorization:
            raise Unauthenticated(
                "missing credentials: send the metadata `authorization: Bearer <credential>`",
                reason="CREDENTIALS_MISSING",
            )
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() != "bearer" or not credential.strip():
            raise Unauthenticated(
                "malformed credentials: expected `authorization: Bearer <credential>`",
                reason="CREDENTIALS_MALFORMED",
            )
        credential = credential.strip()
        if tokens.looks_like_token(credential):
            return tokens.principal_of(self.signing_key, credential, self._clock.now())
        digest = hash_secret(credential)
        key = self._by_hash.get(digest)
        # compare_digest keeps the final comparison constant-time.
        if key is None or not hmac.compare_digest(key.secret_hash, digest):
            raise Unauthenticated("invalid credentials", reason="CREDENTIALS_INVALID")
        return Principal(role=key.role, subject=key.name)
