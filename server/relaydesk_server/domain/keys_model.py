"""API keys and the principals that credentials resolve to."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from relaydesk_server.domain.names import API_KEY


class Role(enum.Enum):
    ADMIN = "ADMIN"
    SERVICE = "SERVICE"
    AGENT = "AGENT"
    CUSTOMER = "CUSTOMER"
    # No credential: a visitor of a public web page, admitted only where the policy
    # says so (StartWebchat on an enabled WEB flow, API §14). Never stored nor minted.
    VISITOR = "VISITOR"


@dataclasses.dataclass(frozen=True)
class ApiKey:
    id: str
    display_name: str
    role: Role
    # SHA-256 of the secret: secrets are 256 random bits, so a slow hash adds nothing.
    secret_hash: str
    create_time: dt.datetime
    update_time: dt.datetime

    @property
    def name(self) -> str:
        return API_KEY.name(self.id)


@dataclasses.dataclass(frozen=True)
class Principal:
    """Who is calling: resolved from the credential of each call."""

    role: Role
    # Scopes request_id idempotency and audit lines: the API key's name, or the token's identity.
    subject: str
    identity: str | None = None
    channel: str | None = None
    # When an access token stops being accepted; None for API keys.
    expire_time: dt.datetime | None = None

    @property
    def is_privileged(self) -> bool:
        return self.role in (Role.ADMIN, Role.SERVICE)
