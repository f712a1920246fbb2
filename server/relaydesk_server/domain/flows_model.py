"""The Flow resource: which contact identity reaches the contact center, and how."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from urllib.parse import urlsplit

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.tasks_model import DEFAULT_TASK_TIMEOUT


class ChannelType(enum.Enum):
    WEB = "WEB"
    SMS = "SMS"
    WHATSAPP = "WHATSAPP"
    FACEBOOK = "FACEBOOK"
    LINE = "LINE"
    CUSTOM = "CUSTOM"


DEFAULT_TASK_CHANNEL = "chat"
TASK_CHANNEL_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
TASK_CHANNEL_RULE = "1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit"
DEFAULT_WEBHOOK_RETRY_COUNT = 3
# The pages a WEB flow lets start web chats (API §14).
MAX_ALLOWED_ORIGINS = 50
ORIGIN_RULE = "an origin: http:// or https://, a host and an optional port, and nothing else"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ORIGIN_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\]")


def parse_origin(text: str) -> str | None:
    """The origin `text` names, as browsers send it in `Origin` (`https://example.com`,
    `http://localhost:8080`): lowercase, without a default port. None when `text` is not
    an origin (a path, a query, credentials, another scheme, `null`)."""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if (
        parts.scheme.lower() not in _DEFAULT_PORTS
        or parts.path
        or parts.query
        or parts.fragment
        or "?" in text
        or "#" in text
        or parts.username is not None
        or not _ORIGIN_HOST.fullmatch(host if ":" not in host else f"[{host}]")
    ):
        return None
    scheme = parts.scheme.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


@dataclasses.dataclass(frozen=True)
class TaskIntegration:
    workflow: str
    task_channel: str = DEFAULT_TASK_CHANNEL
    priority: int = 0
    timeout: dt.timedelta = DEFAULT_TASK_TIMEOUT
    create_on_customer_reply: bool = False
    # A bot (`bots/{id}`) run in the conversation once its task is COMPLETED.
    after_task_bot: str | None = None


@dataclasses.dataclass(frozen=True)
class BotIntegration:
    bot: str


@dataclasses.dataclass(frozen=True)
class WebhookIntegration:
    url: str
    retry_count: int = DEFAULT_WEBHOOK_RETRY_COUNT


Integration = TaskIntegration | BotIntegration | WebhookIntegration


def bots_of(integration: Integration) -> list[tuple[str, str]]:
    """The bots an integration runs, each with the field (under `flow.`) that names it."""
    if isinstance(integration, BotIntegration):
        return [("bot.bot", integration.bot)]
    if isinstance(integration, TaskIntegration) and integration.after_task_bot:
        return [("task.after_task_bot", integration.after_task_bot)]
    return []


@dataclasses.dataclass(frozen=True)
class FlowSpec:
    """What a client configures on a flow."""

    channel_type: ChannelType
    contact_identity: str
    integration: Integration
    display_name: str = ""
    enabled: bool = False
    long_lived: bool = False
    janitor_enabled: bool = True
    session_ttl: dt.timedelta = dt.timedelta(0)
    # WEB flows: the origins (as parse_origin writes them) of the pages that may start
    # web chats; empty means any.
    allowed_origins: tuple[str, ...] = ()

    def allows_origin(self, origin: str | None) -> bool:
        """Whether a page of `origin` may start a web chat (None: not sent by a page)."""
        if origin is None or not self.allowed_origins:
            return True
        return parse_origin(origin) in self.allowed_origins


@dataclasses.dataclass(frozen=True)
class Flow:
    id: str
    spec: FlowSpec
    create_time: dt.datetime
    update_time: dt.datetime
    revision: int = 1

    @property
    def name(self) -> str:
        return FLOW.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


@dataclasses.dataclass(frozen=True)
class FlowFilter:
    channel_type: ChannelType | None = None
    contact_identity: str | None = None


@dataclasses.dataclass(frozen=True)
class FlowWithSecret:
    """A flow, with its webhook signing secret when the call reveals it."""

    flow: Flow
    webhook_secret: str | None = None
