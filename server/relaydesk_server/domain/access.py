"""Who may read and write a conversation (API §2, §10).

Admins and services may do everything. Agents act in channels they are members
of (and read public ones); a customer acts only in the one channel its
credential is scoped to, as a member of it.
"""

from __future__ import annotations

from relaydesk_server.domain.channels_model import Channel, ChannelKind, Member
from relaydesk_server.domain.errors import PermissionDenied
from relaydesk_server.domain.keys_model import Principal, Role


def _denied() -> PermissionDenied:
    # Never a hint whether the resource exists.
    return PermissionDenied(
        "the caller may not do this on this channel", reason="CHANNEL_ACCESS_DENIED"
    )


def can_read(principal: Principal, channel: Channel, membership: Member | None) -> bool:
    if principal.is_privileged:
        return True
    if principal.role is Role.CUSTOMER:
        return principal.channel == channel.name and membership is not None
    return membership is not None or channel.spec.kind is ChannelKind.PUBLIC


def require_read(principal: Principal, channel: Channel, membership: Member | None) -> None:
    if not can_read(principal, channel, membership):
        raise _denied()


def require_write(principal: Principal, channel: Channel, membership: Member | None) -> None:
    if principal.is_privileged:
        return
    if principal.role is Role.CUSTOMER and principal.channel != channel.name:
        raise _denied()
    if membership is None:
        raise _denied()


# What people (agents and customers, on access tokens) may call: the
# conversation RPCs, where every call is then checked against the channel.
# Admins and services may call everything; people get PERMISSION_DENIED elsewhere.
PERSON_METHODS = frozenset(
    f"/relaydesk.v1.ChannelService/{name}"
    for name in (
        "GetChannel",
        "ListChannels",
        "ListMembers",
        "SendMessage",
        "GetMessage",
        "ListMessages",
        "UpdateReadHorizon",
        "SendTyping",
    )
)


def require_callable(principal: Principal, method: str) -> None:
    """Whether the caller's role may call `method` at all (API §10)."""
    if not principal.is_privileged and method not in PERSON_METHODS:
        raise PermissionDenied(
            f"a {principal.role.value.lower()} credential may not call {method}",
            reason="ROLE_NOT_ALLOWED",
        )


def require_privileged(principal: Principal) -> None:
    if not principal.is_privileged:
        raise PermissionDenied(
            "only admin and service credentials may do this", reason="PRIVILEGED_ONLY"
        )
