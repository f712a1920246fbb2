"""Sessions: proto ↔ domain, with the checks of API §3 and §11."""

from __future__ import annotations

import dataclasses
import datetime as dt

from relaydesk.v1 import common_pb2, message_pb2, session_pb2
from relaydesk_server.domain.names import CHANNEL, SESSION
from relaydesk_server.domain.sessions_model import (
    MAX_SESSION_TTL,
    Interaction,
    Participant,
    Session,
    SessionStatus,
)
from relaydesk_server.transport.convert import (
    duration,
    enum_filter,
    enum_to_proto,
    stamp,
    timestamp,
)
from relaydesk_server.transport.validation import (
    MAX_UNIQUE_NAME,
    Violations,
    duration_from_proto,
)

SESSION_UPDATABLE = frozenset({"ttl", "expire_time"})
SESSION_OUTPUT_ONLY = frozenset(
    {
        "name",
        "unique_name",
        "status",
        "mode",
        "channel",
        "flow",
        "close_reason",
        "last_interaction_time",
        "participants",
        "create_time",
        "update_time",
        "etag",
    }
)


@dataclasses.dataclass(frozen=True)
class NewSession:
    channel_ref: str
    ttl: dt.timedelta | None
    unique_name: str | None


def check_ttl(violations: Violations, message: session_pb2.Session, field: str) -> dt.timedelta:
    return duration_from_proto(
        violations,
        message.ttl,
        field,
        minimum=dt.timedelta(seconds=1),
        maximum=MAX_SESSION_TTL,
        allow_zero=True,
    )


def new_session_from_proto(message: session_pb2.Session) -> NewSession:
    violations = Violations()
    channel_ref = ""
    if violations.required(message.channel, "session.channel", "the channel's name"):
        collection, _, channel_ref = message.channel.partition("/")
        violations.check(
            collection == CHANNEL.collection and bool(channel_ref) and "/" not in channel_ref,
            "session.channel",
            f"{message.channel!r} is not a channel name",
        )
    if message.unique_name:
        violations.max_length(message.unique_name, MAX_UNIQUE_NAME, "session.unique_name")
        violations.check(
            "/" not in message.unique_name, "session.unique_name", "must not contain '/'"
        )
        violations.check(
            not SESSION.is_id(message.unique_name),
            "session.unique_name",
            "must not look like a session id (KC and 32 hex digits)",
        )
    ttl = check_ttl(violations, message, "session.ttl") if message.HasField("ttl") else None
    violations.raise_if_any()
    return NewSession(channel_ref, ttl, message.unique_name or None)


def edited_session(current: Session, merged: session_pb2.Session) -> Session:
    violations = Violations()
    ttl = check_ttl(violations, merged, "session.ttl")
    violations.raise_if_any()
    expire_time = merged.expire_time.ToDatetime(dt.UTC) if merged.HasField("expire_time") else None
    return dataclasses.replace(current, ttl=ttl, expire_time=expire_time)


def session_status_from_proto(
    violations: Violations, number: int, field: str
) -> SessionStatus | None:
    return enum_filter(
        violations, SessionStatus, "SESSION_STATUS", session_pb2.SessionStatus, number, field
    )


def participant_to_proto(participant: Participant) -> session_pb2.Participant:
    return session_pb2.Participant(
        name=participant.name,
        identifier=participant.identifier,
        proxy_identifier=participant.proxy_identifier,
        display_name=participant.display_name,
        create_time=timestamp(participant.create_time),
        update_time=timestamp(participant.create_time),
    )


def session_to_proto(session: Session) -> session_pb2.Session:
    message = session_pb2.Session(
        unique_name=session.unique_name or "",
        status=enum_to_proto(  # type: ignore[arg-type]
            session_pb2.SessionStatus, "SESSION_STATUS", session.status
        ),
        mode=session_pb2.SESSION_MODE_MESSAGE_ONLY,
        channel=session.channel_name,
        flow=session.flow,
        ttl=duration(session.ttl),
        close_reason=session.close_reason,
        participants=[participant_to_proto(p) for p in session.participants],
    )
    if session.expire_time is not None:
        message.expire_time.CopyFrom(timestamp(session.expire_time))
    if session.last_interaction_time is not None:
        message.last_interaction_time.CopyFrom(timestamp(session.last_interaction_time))
    stamp(message, session)
    return message


def interaction_to_proto(interaction: Interaction) -> session_pb2.Interaction:
    message = session_pb2.Interaction(
        message=interaction.message,
        direction=enum_to_proto(  # type: ignore[arg-type]
            message_pb2.MessageDirection, "MESSAGE_DIRECTION", interaction.direction
        ),
        create_time=timestamp(interaction.create_time),
    )
    if interaction.delivery_status is not None:
        message.delivery_status = enum_to_proto(  # type: ignore[assignment]
            common_pb2.DeliveryStatus, "DELIVERY_STATUS", interaction.delivery_status
        )
    return message
