"""The rules of conversations (API §2). Each function is one unit of work in a Transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from relaydesk_server.domain import access, executions, outbound, sessions
from relaydesk_server.domain.channels_model import (
    SYSTEM_AUTHOR,
    Channel,
    ChannelFilter,
    ChannelKind,
    ChannelSpec,
    ChannelState,
    Delivery,
    DeliveryStatus,
    Member,
    MemberRole,
    Message,
    MessageDirection,
    NewMessage,
)
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from relaydesk_server.domain.events_model import DomainEvent, EventType, Typing
from relaydesk_server.domain.flows_model import Flow
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.names import CHANNEL, FLOW, MEMBER, MESSAGE
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.domain.sessions_model import SessionStatus

MAX_MEMBERS = 1000


# -- lookups -----------------------------------------------------------------


def resolve_channel(tx: Transaction, ref: str) -> Channel:
    """The channel named by id or unique name."""
    channel = tx.channels.get(ref) if CHANNEL.is_id(ref) else tx.channels.find_by_unique_name(ref)
    if channel is None:
        raise NotFound(CHANNEL.type_name, CHANNEL.name(ref), reason="CHANNEL_NOT_FOUND")
    return channel


def _membership(tx: Transaction, principal: Principal, channel: Channel) -> Member | None:
    if principal.identity is None:
        return None
    return tx.members.find(channel.id, principal.identity)


def _channel_for(tx: Transaction, principal: Principal, ref: str) -> Channel:
    """The channel named by `ref`; a person asking for a missing one is told no more
    than it would be about someone else's."""
    try:
        return resolve_channel(tx, ref)
    except NotFound:
        if principal.is_privileged:
            raise
        raise access.denied("channel") from None


def _readable(tx: Transaction, principal: Principal, ref: str) -> Channel:
    channel = _channel_for(tx, principal, ref)
    access.require_read(principal, channel, _membership(tx, principal, channel))
    return channel


def _writable(tx: Transaction, principal: Principal, ref: str) -> tuple[Channel, Member | None]:
    channel = _channel_for(tx, principal, ref)
    membership = _membership(tx, principal, channel)
    access.require_write(principal, channel, membership)
    return channel, membership


def _require_active(channel: Channel) -> None:
    if not channel.is_active:
        raise FailedPrecondition.one(
            "STATE",
            channel.name,
            f"{channel.name} is INACTIVE: its conversation is closed",
            reason="CHANNEL_INACTIVE",
        )


# -- channels ----------------------------------------------------------------


def get_channel(tx: Transaction, principal: Principal, ref: str) -> Channel:
    return access.as_customer_sees(principal, _readable(tx, principal, ref))


def list_channels(
    tx: Transaction, principal: Principal, channel_filter: ChannelFilter, page: PageRequest
) -> Page[Channel]:
    if principal.role is Role.CUSTOMER:
        if principal.channel is None:
            return Page([], None)
        channel = tx.channels.get(CHANNEL.parse(principal.channel, "channel"))
        if channel is None or not access.can_read(
            principal, channel, _membership(tx, principal, channel)
        ):
            return Page([], None)
        return Page([access.as_customer_sees(principal, channel)], None)
    if not principal.is_privileged:
        # An agent lists the conversations it takes part in.
        channel_filter = dataclasses.replace(channel_filter, member_identity=principal.identity)
    return tx.channels.list(channel_filter, page)


def _check_unique_name(tx: Transaction, spec: ChannelSpec, channel_id: str | None) -> None:
    if spec.unique_name is None:
        return
    other = tx.channels.find_by_unique_name(spec.unique_name)
    if other is not None and other.id != channel_id:
        raise AlreadyExists(
            CHANNEL.type_name,
            other.name,
            f"the unique name {spec.unique_name!r} is taken by {other.name}",
            reason="CHANNEL_UNIQUE_NAME_TAKEN",
        )


def create_channel(tx: Transaction, principal: Principal, spec: ChannelSpec) -> Channel:
    _check_unique_name(tx, spec, None)
    if spec.flow is not None:
        flow = tx.flows.get(FLOW.parse(spec.flow, "channel.flow"))
        if flow is None:
            raise FailedPrecondition.one(
                "REFERENCE", spec.flow, f"{spec.flow} does not exist", reason="FLOW_NOT_FOUND"
            )
        if spec.channel_type is None:
            spec = dataclasses.replace(spec, channel_type=flow.spec.channel_type)
    now = tx.now()
    channel = Channel(
        id=tx.new_id(CHANNEL),
        spec=spec,
        state=ChannelState.ACTIVE,
        create_time=now,
        update_time=now,
    )
    tx.channels.insert(channel)
    tx.events.append(DomainEvent(EventType.CHANNEL_CREATED, channel))
    if principal.role is Role.AGENT and principal.identity is not None:
        channel = _add_member(tx, channel, principal.identity, MemberRole.AGENT)[0]
    return channel


def open_for_customer(
    tx: Transaction,
    flow: Flow,
    customer_address: str,
    display_name: str,
    *,
    kept: Channel | None = None,
    channel_id: str | None = None,
    session: str | None = None,
    attributes: dict[str, Any] | None = None,
    long_lived: bool | None = None,
) -> Channel:
    """A customer's new conversation on a flow (the server's own move): `kept`, a
    long-lived channel, made ACTIVE again with its history; else a new channel,
    long-lived as the flow says unless `long_lived` says otherwise."""
    now = tx.now()
    if kept is not None:
        spec = (
            kept.spec
            if attributes is None
            else dataclasses.replace(kept.spec, attributes=attributes)
        )
        channel = dataclasses.replace(
            kept,
            spec=spec,
            state=ChannelState.ACTIVE,
            session=session,
            close_time=None,
            close_reason="",
            update_time=now,
            revision=kept.revision + 1,
        )
        tx.channels.update(channel)
        tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, channel))
        return channel
    channel = Channel(
        id=channel_id or tx.new_id(CHANNEL),
        spec=ChannelSpec(
            display_name=display_name or customer_address,
            kind=ChannelKind.PRIVATE,
            flow=flow.name,
            channel_type=flow.spec.channel_type,
            customer_address=customer_address,
            long_lived=flow.spec.long_lived if long_lived is None else long_lived,
            attributes=attributes or {},
        ),
        state=ChannelState.ACTIVE,
        session=session,
        create_time=now,
        update_time=now,
    )
    tx.channels.insert(channel)
    tx.events.append(DomainEvent(EventType.CHANNEL_CREATED, channel))
    return channel


def update_channel(
    tx: Transaction,
    principal: Principal,
    ref: str,
    etag: str | None,
    change: Callable[[ChannelSpec], ChannelSpec],
) -> Channel:
    current, _ = _writable(tx, principal, ref)
    check_etag(current.etag, etag, current.name)
    spec = change(current.spec)
    _check_unique_name(tx, spec, current.id)
    updated = dataclasses.replace(
        current, spec=spec, update_time=tx.now(), revision=current.revision + 1
    )
    tx.channels.update(updated)
    tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))
    return updated


def close_channel(tx: Transaction, principal: Principal, ref: str, reason: str) -> Channel:
    channel, _ = _writable(tx, principal, ref)
    _require_active(channel)
    return close(tx, channel, reason)


def close(tx: Transaction, channel: Channel, reason: str) -> Channel:
    """Ends an ACTIVE channel's conversation (also used by the server on its own);
    its session, if any, is CLOSED with the same reason, and a task awaiting the
    customer's reply will not come."""
    sessions.end_for_channel(tx, channel, SessionStatus.CLOSED, reason)
    tx.reply_tasks.delete(channel.id)
    stopped = executions.stop_on_close(tx, channel.id, f"the conversation was closed: {reason}")
    if stopped is not None:
        leave(tx, channel.name, stopped.bot_name)
    now = tx.now()
    closed = dataclasses.replace(
        channel,
        state=ChannelState.INACTIVE,
        session=None,
        close_time=now,
        close_reason=reason,
        update_time=now,
        revision=channel.revision + 1,
    )
    tx.channels.update(closed)
    tx.events.append(DomainEvent(EventType.CHANNEL_CLOSED, closed))
    return closed


def end_conversation(tx: Transaction, channel: Channel, reason: str) -> Channel:
    """The server ends a conversation: the agents leave, then the channel closes
    (and its session with it)."""
    members = tx.members.list(channel.id, PageRequest(size=MAX_MEMBERS)).items
    for member in members:
        if member.role is MemberRole.AGENT:
            leave(tx, channel.name, member.identity)
    left = tx.channels.get(channel.id)  # with its member count now
    return close(tx, dataclasses.replace(left, task=channel.task) if left else channel, reason)


def delete_channel(tx: Transaction, ref: str) -> None:
    channel = resolve_channel(tx, ref)
    sessions.end_for_channel(tx, channel, SessionStatus.FAILED, "its channel was deleted")
    tx.channels.delete(channel.id)
    tx.events.append(DomainEvent(EventType.CHANNEL_DELETED, channel))


# -- members -----------------------------------------------------------------


def add_customer(tx: Transaction, channel: Channel, identity: str, display_name: str) -> Channel:
    """Makes the customer a member of the channel, if it is not one already."""
    if tx.members.find(channel.id, identity) is not None:
        return channel
    return _add_member(tx, channel, identity, MemberRole.CUSTOMER, display_name)[0]


def _add_member(
    tx: Transaction,
    channel: Channel,
    identity: str,
    role: MemberRole,
    display_name: str = "",
    attributes: dict[str, object] | None = None,
) -> tuple[Channel, Member]:
    _require_active(channel)
    existing = tx.members.find(channel.id, identity)
    if existing is not None:
        raise AlreadyExists(
            MEMBER.type_name,
            existing.name,
            f"{identity!r} is already a member of {channel.name}",
            reason="MEMBER_EXISTS",
        )
    if channel.member_count >= MAX_MEMBERS:
        raise FailedPrecondition.one(
            "LIMIT",
            channel.name,
            f"{channel.name} already has {MAX_MEMBERS} members",
            reason="CHANNEL_FULL",
        )
    now = tx.now()
    member = Member(
        id=tx.new_id(MEMBER),
        channel_id=channel.id,
        identity=identity,
        role=role,
        display_name=display_name,
        attributes=dict(attributes or {}),
        create_time=now,
        update_time=now,
    )
    tx.members.insert(member)
    channel = dataclasses.replace(channel, member_count=channel.member_count + 1)
    tx.channels.update_counters(channel)
    tx.events.append(DomainEvent(EventType.MEMBER_JOINED, member))
    return channel, member


def add_member(
    tx: Transaction,
    principal: Principal,
    ref: str,
    identity: str,
    role: MemberRole,
    display_name: str,
    attributes: dict[str, object],
) -> Member:
    channel, _ = _writable(tx, principal, ref)
    return _add_member(tx, channel, identity, role, display_name, attributes)[1]


def join(tx: Transaction, channel_name: str, identity: str, role: MemberRole) -> None:
    """Makes `identity` a member of an ACTIVE channel, if it is not one already.

    The server's own move (an agent accepting a task): a conversation that
    ended or vanished meanwhile is left alone rather than failing the accept.
    """
    channel = tx.channels.get(channel_name.partition("/")[2])
    if channel is None or not channel.is_active:
        return
    if tx.members.find(channel.id, identity) is None and channel.member_count < MAX_MEMBERS:
        _add_member(tx, channel, identity, role)


def leave(tx: Transaction, channel_name: str, identity: str) -> None:
    """Removes `identity` from a channel, if it is a member (the server's own move)."""
    channel = tx.channels.get(channel_name.partition("/")[2])
    if channel is None:
        return
    member = tx.members.find(channel.id, identity)
    if member is not None:
        _remove_member(tx, channel, member)


def list_members(
    tx: Transaction, principal: Principal, ref: str, page: PageRequest
) -> Page[Member]:
    channel = _readable(tx, principal, ref)
    result = tx.members.list(channel.id, page)
    return Page([access.as_customer_sees(principal, m) for m in result.items], result.next_after)


def _member(tx: Transaction, channel: Channel, member_id: str) -> Member:
    member = tx.members.get(channel.id, member_id)
    if member is None:
        name = f"{channel.name}/members/{member_id}"
        raise NotFound(MEMBER.type_name, name, reason="MEMBER_NOT_FOUND")
    return member


def remove_member(tx: Transaction, principal: Principal, ref: str, member_id: str) -> None:
    channel, _ = _writable(tx, principal, ref)
    _remove_member(tx, channel, _member(tx, channel, member_id))


def _remove_member(tx: Transaction, channel: Channel, member: Member) -> None:
    tx.members.delete(channel.id, member.id)
    tx.channels.update_counters(dataclasses.replace(channel, member_count=channel.member_count - 1))
    tx.events.append(DomainEvent(EventType.MEMBER_LEFT, member))


def update_read_horizon(
    tx: Transaction, principal: Principal, ref: str, member_id: str, index: int
) -> Member:
    channel = _readable(tx, principal, ref)
    member = _member(tx, channel, member_id)
    if not principal.is_privileged and member.identity != principal.identity:
        raise PermissionDenied(
            "a member moves only its own read horizon", reason="CHANNEL_ACCESS_DENIED"
        )
    last = channel.last_message_index
    if index < 0 or last is None or index > last:
        bound = "the channel has no messages yet" if last is None else f"at most {last}"
        raise InvalidArgument.field("last_read_index", f"must be 0 or more and {bound}")
    if member.last_read_index is not None and index <= member.last_read_index:
        return member  # the horizon never moves backwards
    updated = dataclasses.replace(
        member, last_read_index=index, update_time=tx.now(), revision=member.revision + 1
    )
    tx.members.update(updated)
    tx.events.append(DomainEvent(EventType.MEMBER_UPDATED, updated))
    return updated


# -- messages ----------------------------------------------------------------


def _author_of(
    tx: Transaction,
    principal: Principal,
    channel: Channel,
    membership: Member | None,
    new: NewMessage,
) -> tuple[str, Member | None]:
    if not principal.is_privileged:
        assert membership is not None  # require_write checked it
        if new.author and new.author != membership.identity:
            raise PermissionDenied(
                "members send messages only as themselves", reason="CHANNEL_ACCESS_DENIED"
            )
        if new.internal and principal.role is Role.CUSTOMER:
            raise PermissionDenied(
                "customers cannot send internal messages", reason="CHANNEL_ACCESS_DENIED"
            )
        return membership.identity, membership
    if not new.author or new.author == SYSTEM_AUTHOR:
        return SYSTEM_AUTHOR, None
    author = tx.members.find(channel.id, new.author)
    if author is None:
        raise FailedPrecondition.one(
            "MEMBERSHIP",
            new.author,
            f"{new.author!r} is not a member of {channel.name}",
            reason="AUTHOR_NOT_MEMBER",
        )
    return author.identity, author


def send_message(
    tx: Transaction,
    principal: Principal,
    limiter: RateLimiter,
    ref: str,
    new: NewMessage,
) -> Message:
    channel, membership = _writable(tx, principal, ref)
    _require_active(channel)
    author, author_member = _author_of(tx, principal, channel, membership, new)
    if new.internal:
        direction = MessageDirection.INTERNAL
    elif author_member is not None and author_member.role is MemberRole.CUSTOMER:
        direction = MessageDirection.INBOUND
    else:
        direction = MessageDirection.OUTBOUND
    return append_message(tx, limiter, channel, author, direction, new)


def append_message(
    tx: Transaction,
    limiter: RateLimiter,
    channel: Channel,
    author: str,
    direction: MessageDirection,
    new: NewMessage,
    create_time: dt.datetime | None = None,
) -> Message:
    """Adds a message to an ACTIVE channel, within its write rate; it crosses the
    channel's session, if any."""
    now = tx.now()
    limiter.take(channel.id, now, channel.name)
    # Only messages that leave through a gateway carry a delivery state.
    leaves = direction is MessageDirection.OUTBOUND and channel.session is not None
    message = Message(
        id=tx.new_id(MESSAGE),
        channel_id=channel.id,
        index=channel.next_message_index,
        author=author,
        direction=direction,
        body=new.body,
        attributes=new.attributes,
        media=new.media,
        delivery=Delivery(DeliveryStatus.QUEUED, now) if leaves else None,
        create_time=create_time or now,
        update_time=now,
    )
    tx.messages.insert(message)
    tx.channels.update_counters(
        dataclasses.replace(
            channel,
            next_message_index=channel.next_message_index + 1,
            message_count=channel.message_count + 1,
        )
    )
    tx.events.append(DomainEvent(EventType.MESSAGE_ADDED, message))
    session = sessions.record_interaction(tx, channel, message)
    if leaves and session is not None:
        outbound.queue_delivery(tx, channel, session, message)
    return message


def _message(tx: Transaction, principal: Principal, channel: Channel, message_id: str) -> Message:
    message = tx.messages.get(channel.id, message_id)
    hidden = (
        message is not None
        and message.direction is MessageDirection.INTERNAL
        and principal.role is Role.CUSTOMER
    )
    if message is None or hidden:
        name = f"{channel.name}/messages/{message_id}"
        raise NotFound(MESSAGE.type_name, name, reason="MESSAGE_NOT_FOUND")
    return message


def get_message(tx: Transaction, principal: Principal, ref: str, message_id: str) -> Message:
    channel = _readable(tx, principal, ref)
    return _message(tx, principal, channel, message_id)


def list_messages(
    tx: Transaction,
    principal: Principal,
    ref: str,
    after_index: int | None,
    descending: bool,
    page: PageRequest,
) -> Page[Message]:
    channel = _readable(tx, principal, ref)
    result = tx.messages.list(channel.id, after_index, descending, page)
    if principal.role is Role.CUSTOMER:
        visible = [m for m in result.items if m.direction is not MessageDirection.INTERNAL]
        result = Page(visible, result.next_after)
    return result


def _editable(
    tx: Transaction, principal: Principal, ref: str, message_id: str
) -> tuple[Channel, Message]:
    channel, membership = _writable(tx, principal, ref)
    message = _message(tx, principal, channel, message_id)
    if not principal.is_privileged and (
        membership is None or message.author != membership.identity
    ):
        raise PermissionDenied(
            "only the author, an admin or a service changes a message",
            reason="CHANNEL_ACCESS_DENIED",
        )
    _require_active(channel)
    return channel, message


def update_message(
    tx: Transaction,
    principal: Principal,
    ref: str,
    message_id: str,
    etag: str | None,
    change: Callable[[Message], Message],
) -> Message:
    _, current = _editable(tx, principal, ref, message_id)
    check_etag(current.etag, etag, current.name)
    changed = change(current)
    updated = dataclasses.replace(
        changed,
        edited=current.edited or changed.body != current.body,
        update_time=tx.now(),
        revision=current.revision + 1,
    )
    tx.messages.update(updated)
    tx.events.append(DomainEvent(EventType.MESSAGE_UPDATED, updated))
    return updated


def delete_message(tx: Transaction, principal: Principal, ref: str, message_id: str) -> None:
    channel, message = _editable(tx, principal, ref, message_id)
    tx.messages.delete(channel.id, message_id)
    tx.channels.update_counters(
        dataclasses.replace(channel, message_count=channel.message_count - 1)
    )
    tx.events.append(DomainEvent(EventType.MESSAGE_DELETED, message))


# -- typing ------------------------------------------------------------------


def typing(tx: Transaction, principal: Principal, ref: str, identity: str) -> Typing:
    """Checks who is typing where; the caller publishes the ephemeral event."""
    channel, membership = _writable(tx, principal, ref)
    _require_active(channel)
    if not principal.is_privileged:
        assert membership is not None
        if identity and identity != membership.identity:
            raise PermissionDenied(
                "members type only as themselves", reason="CHANNEL_ACCESS_DENIED"
            )
        return Typing(channel.name, membership.identity)
    if not identity:
        raise InvalidArgument.field("identity", "required for admin and service callers")
    if tx.members.find(channel.id, identity) is None:
        raise FailedPrecondition.one(
            "MEMBERSHIP",
            identity,
            f"{identity!r} is not a member of {channel.name}",
            reason="TYPIST_NOT_MEMBER",
        )
    return Typing(channel.name, identity)
