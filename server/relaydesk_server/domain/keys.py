"""API keys and signing keys: creation, deletion, rotation, the first admin key,
and resolving a bearer credential to a principal."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from relaydesk_server.clock import Clock
from relaydesk_server.domain import tokens
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.errors import FailedPrecondition, NotFound, Unauthenticated
from relaydesk_server.domain.keys_model import ApiKey, Principal, Role
from relaydesk_server.domain.names import API_KEY
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.tokens import Keyring, SigningKey

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


def list_api_keys(tx: Transaction, page: PageRequest) -> Page[ApiKey]:
    return tx.api_keys.list(page)


def delete_api_key(tx: Transaction, key_id: str) -> ApiKey:
    """Deletes a key; the installation always keeps one ADMIN key, so it stays manageable."""
    key = tx.api_keys.get(key_id)
    if key is None:
        raise NotFound(API_KEY.type_name, API_KEY.name(key_id), reason="API_KEY_NOT_FOUND")
    if key.role is Role.ADMIN and tx.api_keys.count_role(Role.ADMIN) == 1:
        raise FailedPrecondition.one(
            "LAST_ADMIN_KEY",
            key.name,
            f"{key.name} is the last ADMIN key: create another before deleting it",
            reason="LAST_ADMIN_KEY",
        )
    tx.api_keys.delete(key_id)
    return key


def rotate_signing_key(tx: Transaction) -> tuple[SigningKey, list[SigningKey]]:
    """Makes a new current signing key; returns it and every key still verifying."""
    now = tx.now()
    tx.signing_keys.delete_retired(now)
    new, older = tokens.rotate(tx.signing_keys.all(), now)
    for key in [*older, new]:
        tx.signing_keys.save(key)
    return new, [*older, new]


class Authenticator:
    """Resolves bearer credentials to principals: API keys from an in-memory copy
    of the key table, access tokens by their signature.

    The copy is loaded at start and changed by the key RPCs once their write has
    committed, so authenticating a call never touches the database.
    """

    def __init__(self, clock: Clock, keyring: Keyring) -> None:
        self._by_hash: dict[str, ApiKey] = {}
        self._clock = clock
        self.keyring = keyring

    def load(self, keys: list[ApiKey]) -> None:
        self._by_hash = {key.secret_hash: key for key in keys}

    def added(self, key: ApiKey) -> None:
        self._by_hash[key.secret_hash] = key

    def removed(self, key: ApiKey) -> None:
        self._by_hash.pop(key.secret_hash, None)

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
            return tokens.principal_of(self.keyring, credential, self._clock.now())
        digest = hash_secret(credential)
        key = self._by_hash.get(digest)
        # compare_digest keeps the final comparison constant-time.
        if key is None or not hmac.compare_digest(key.secret_hash, digest):
            raise Unauthenticated("invalid credentials", reason="CREDENTIALS_INVALID")
        return Principal(role=key.role, subject=key.name)
