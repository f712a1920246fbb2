"""The rules of proxy sessions (API §3). Each public function is one unit of work,
or a step of one (`open_session`, `record_interaction`, `end_for_channel`).

A session maps (customer address, contact identity) to one channel while it
is active: OPEN until the first message crosses it, then IN_PROGRESS, until
it is CLOSED (by a client, its expiry, its channel closing, the janitor) or
FAILED (its channel deleted). At most one session per pair and per channel is
active; the database enforces it too.

Interactions move `last_interaction_time` and the expiry like counters: they
do not change the session's etag nor emit an event, except the first, which
moves an OPEN session to IN_PROGRESS.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from relaydesk_server.domain import access
from relaydesk_server.domain.channels_model import Channel, Message, MessageDirection
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
)
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.flows_model import Flow
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import CHANNEL, FLOW, PARTICIPANT, SESSION
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.sessions_model import (
    Interaction,
    Session,
    SessionFilter,
    SessionStatus,
)

EXPIRY_TIMER = "session-expiry"


def resolve_session(tx: Transaction, ref: str) -> Session:
    """The session named by id or unique name."""
    session = tx.sessions.get(ref) if SESSION.is_id(ref) else tx.sessions.find_by_unique_name(ref)
    if session is None:
        raise NotFound(SESSION.type_name, SESSION.name(ref), reason="SESSION_NOT_FOUND")
    return session


def list_sessions(
    tx: Transaction, session_filter: SessionFilter, page: PageRequest
) -> Page[Session]:
    return tx.sessions.list(session_filter, page)


def read_session(tx: Transaction, principal: Principal, ref: str) -> Session:
    """A session, for staff; for an agent, one of a channel it is a member of."""
    found = tx.sessions.get(ref) if SESSION.is_id(ref) else tx.sessions.find_by_unique_name(ref)
    return access.found_or_denied(
        principal,
        found,
        lambda session: access.is_member(tx, principal, session.channel_id),
        "session",
        lambda: NotFound(SESSION.type_name, SESSION.name(ref), reason="SESSION_NOT_FOUND"),
    )


def list_interactions(
    tx: Transaction, principal: Principal, ref: str, page: PageRequest
) -> Page[Interaction]:
    return tx.sessions.interactions(read_session(tx, principal, ref).id, page)


def _refuse_second(tx: Transaction, channel: Channel, flow: Flow, unique_name: str | None) -> None:
    existing = tx.sessions.find_active(
        channel.spec.customer_address, flow.spec.contact_identity
    ) or tx.sessions.active_of_channel(channel.id)
    if existing is not None:
        raise AlreadyExists(
            SESSION.type_name,
            existing.name,
            f"{existing.name} is already active for {existing.customer_address!r} and "
            f"{existing.contact_identity!r} on {existing.channel_name}",
            reason="SESSION_EXISTS",
        )
    if unique_name is not None:
        taken = tx.sessions.find_by_unique_name(unique_name)
        if taken is not None:
            raise AlreadyExists(
                SESSION.type_name,
                taken.name,
                f"{taken.name} already has the unique name {unique_name!r}",
                reason="SESSION_UNIQUE_NAME_TAKEN",
            )


def _expiry(session: Session) -> dt.datetime | None:
    return session.idle_since + session.ttl if session.ttl else session.expire_time


def _schedule_expiry(tx: Transaction, session: Session) -> None:
    if session.expire_time is None:
        tx.timers.cancel(EXPIRY_TIMER, session.id)
    else:
        tx.timers.schedule(EXPIRY_TIMER, session.id, session.expire_time)


def new_session(
    tx: Transaction,
    channel_id: str,
    flow: Flow,
    customer_address: str,
    *,
    ttl: dt.timedelta | None = None,
    unique_name: str | None = None,
    display_name: str = "",
) -> Session:
    """A session ready to open (not yet stored), for a channel that may not exist yet."""
    now = tx.now()
    session = Session(
        id=tx.new_id(SESSION),
        channel_id=channel_id,
        flow=flow.name,
        customer_address=customer_address,
        contact_identity=flow.spec.contact_identity,
        customer_display_name=display_name,
        status=SessionStatus.OPEN,
        ttl=flow.spec.session_ttl if ttl is None else ttl,
        unique_name=unique_name,
        customer_participant_id=tx.new_id(PARTICIPANT),
        channel_participant_id=tx.new_id(PARTICIPANT),
        create_time=now,
        update_time=now,
    )
    return dataclasses.replace(session, expire_time=_expiry(session))


def store_new(tx: Transaction, session: Session) -> Session:
    """Stores a session made by `new_session` once its channel names it."""
    tx.sessions.insert(session)
    _schedule_expiry(tx, session)
    tx.events.append(DomainEvent(EventType.SESSION_CREATED, session))
    return session


def create_session(
    tx: Transaction,
    channel_ref: str,
    *,
    ttl: dt.timedelta | None,
    unique_name: str | None,
) -> Session:
    channel = (
        tx.channels.get(channel_ref)
        if CHANNEL.is_id(channel_ref)
        else tx.channels.find_by_unique_name(channel_ref)
    )
    if channel is None:
        raise FailedPrecondition.one(
            "REFERENCE",
            CHANNEL.name(channel_ref),
            f"{CHANNEL.name(channel_ref)} does not exist",
            reason="CHANNEL_NOT_FOUND",
        )
    if not channel.is_active:
        raise FailedPrecondition.one(
            "STATE", channel.name, f"{channel.name} is INACTIVE", reason="CHANNEL_INACTIVE"
        )
    if not channel.spec.customer_address:
        raise FailedPrecondition.one(
            "CUSTOMER_ADDRESS",
            channel.name,
            f"{channel.name} has no customer_address to map",
            reason="CHANNEL_WITHOUT_CUSTOMER",
        )
    flow = tx.flows.get(FLOW.parse(channel.spec.flow, "flow")) if channel.spec.flow else None
    if flow is None:
        raise FailedPrecondition.one(
            "FLOW",
            channel.name,
            f"{channel.name} has no flow, or its flow no longer exists",
            reason="FLOW_NOT_FOUND",
        )
    _refuse_second(tx, channel, flow, unique_name)
    session = new_session(
        tx, channel.id, flow, channel.spec.customer_address, ttl=ttl, unique_name=unique_name
    )
    _point_channel(tx, channel, session.name)
    return store_new(tx, session)


def _point_channel(tx: Transaction, channel: Channel, session: str | None) -> None:
    """Sets which session is the channel's active one."""
    if channel.session == session:
        return
    updated = dataclasses.replace(
        channel, session=session, update_time=tx.now(), revision=channel.revision + 1
    )
    tx.channels.update(updated)
    tx.events.append(DomainEvent(EventType.CHANNEL_UPDATED, updated))


def _illegal(session: Session, action: str) -> FailedPrecondition:
    return FailedPrecondition.one(
        "STATE",
        session.name,
        f"{session.name} is {session.status.value}: it cannot be {action}",
        reason="ILLEGAL_TRANSITION",
    )


def _save(tx: Transaction, session: Session) -> Session:
    saved = dataclasses.replace(session, update_time=tx.now(), revision=session.revision + 1)
    tx.sessions.update(saved)
    tx.events.append(DomainEvent(EventType.SESSION_UPDATED, saved))
    return saved


def update_session(
    tx: Transaction, ref: str, etag: str | None, change: Callable[[Session], Session]
) -> Session:
    """A new `ttl` counts from the last interaction; an `expire_time` is kept as given."""
    current = resolve_session(tx, ref)
    check_etag(current.etag, etag, current.name)
    if not current.status.is_active:
        raise _illegal(current, "updated")
    wanted = change(current)
    updated = current
    if wanted.ttl != current.ttl:
        updated = dataclasses.replace(updated, ttl=wanted.ttl, expire_time=None)
        updated = dataclasses.replace(updated, expire_time=_expiry(updated))
    if wanted.expire_time != current.expire_time:
        if wanted.expire_time is not None and wanted.expire_time <= tx.now():
            raise InvalidArgument.field("session.expire_time", "must be in the future")
        updated = dataclasses.replace(updated, expire_time=wanted.expire_time)
    saved = _save(tx, updated)
    _schedule_expiry(tx, saved)
    return saved


def end(
    tx: Transaction,
    session: Session,
    status: SessionStatus,
    reason: str,
    *,
    detach: bool = True,
) -> Session:
    """Ends an active session; with `detach`, its channel no longer names it
    (without, the caller is changing the channel itself)."""
    tx.timers.cancel(EXPIRY_TIMER, session.id)
    ended = _save(tx, dataclasses.replace(session, status=status, close_reason=reason))
    channel = tx.channels.get(session.channel_id) if detach else None
    if channel is not None and channel.session == session.name:
        _point_channel(tx, channel, None)
    return ended


def close_session(tx: Transaction, ref: str, reason: str) -> Session:
    session = resolve_session(tx, ref)
    if not session.status.is_active:
        raise _illegal(session, "closed")
    return end(tx, session, SessionStatus.CLOSED, reason)


def end_for_channel(tx: Transaction, channel: Channel, status: SessionStatus, reason: str) -> None:
    """The channel is closing (CLOSED) or being deleted (FAILED): so does its session.

    The caller changes the channel itself, so the session is not detached here.
    """
    session = tx.sessions.active_of_channel(channel.id)
    if session is not None:
        end(tx, session, status, reason, detach=False)


def record_interaction(tx: Transaction, channel: Channel, message: Message) -> Session | None:
    """A message crossed the channel's active session, if it has one (returned)."""
    if channel.session is None or message.direction is MessageDirection.INTERNAL:
        return None
    session = tx.sessions.active_of_channel(channel.id)
    if session is None:
        return None
    tx.sessions.add_interaction(session.id, message)
    touched = dataclasses.replace(session, last_interaction_time=message.create_time)
    touched = dataclasses.replace(touched, expire_time=_expiry(touched))
    if session.status is SessionStatus.OPEN:
        touched = _save(tx, dataclasses.replace(touched, status=SessionStatus.IN_PROGRESS))
    else:
        tx.sessions.update(touched)
    if touched.expire_time != session.expire_time:
        _schedule_expiry(tx, touched)
    return touched


def session_expired(tx: Transaction, session_id: str) -> None:
    session = tx.sessions.get(session_id)
    if session is None or not session.status.is_active:
        return
    idle = f"no interaction for {session.ttl}" if session.ttl else "its expire_time passed"
    end(tx, session, SessionStatus.CLOSED, f"expired: {idle}")
