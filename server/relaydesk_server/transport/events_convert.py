"""Events on the wire: each is encoded once, when it is logged."""

from __future__ import annotations

import dataclasses
import datetime as dt

from relaydesk.v1 import event_pb2
from relaydesk_server.domain.access import HIDDEN_FROM_CUSTOMERS
from relaydesk_server.domain.bots_model import Execution
from relaydesk_server.domain.channels_model import Channel, Member, Message
from relaydesk_server.domain.events_model import DomainEvent, EventType, LoggedEvent, Typing
from relaydesk_server.domain.sessions_model import Session
from relaydesk_server.domain.tasks_model import Reservation, Task
from relaydesk_server.domain.workforce_model import Worker
from relaydesk_server.transport import (
    channels_convert,
    executions_convert,
    sessions_convert,
    tasks_convert,
    workforce_convert,
)
from relaydesk_server.transport.convert import enum_from_proto, enum_to_proto, timestamp


def event_type_to_proto(value: EventType) -> int:
    return enum_to_proto(event_pb2.EventType, "EVENT_TYPE", value)


def event_type_from_proto(number: int) -> EventType | None:
    return enum_from_proto(EventType, "EVENT_TYPE", event_pb2.EventType, number)


def encode_event(sequence: int, now: dt.datetime, event: DomainEvent) -> bytes:
    message = event_pb2.Event(
        sequence=sequence,
        create_time=timestamp(now),
        type=event_type_to_proto(event.type),  # type: ignore[arg-type]
    )
    payload = event.payload
    if isinstance(payload, Message):
        message.message.CopyFrom(channels_convert.message_to_proto(payload))
    elif isinstance(payload, Member):
        message.member.CopyFrom(channels_convert.member_to_proto(payload))
    elif isinstance(payload, Channel):
        message.channel.CopyFrom(channels_convert.channel_to_proto(payload))
    elif isinstance(payload, Worker):
        message.worker.CopyFrom(workforce_convert.worker_to_proto(payload))
    elif isinstance(payload, Task):
        message.task.CopyFrom(tasks_convert.task_to_proto(payload, now))
    elif isinstance(payload, Reservation):
        message.reservation.CopyFrom(tasks_convert.reservation_to_proto(payload))
    elif isinstance(payload, Session):
        message.session.CopyFrom(sessions_convert.session_to_proto(payload))
    elif isinstance(payload, Execution):
        message.execution.CopyFrom(executions_convert.execution_to_proto(payload))
    return message.SerializeToString()


def as_customer_sees(event: LoggedEvent) -> bytes:
    """The frame of a member or channel event without what customers never see
    (access.HIDDEN_FROM_CUSTOMERS); the shared frame everyone else gets is left
    as it is."""
    message = event_pb2.Event.FromString(event.data)
    kind = message.WhichOneof("payload")
    if kind not in HIDDEN_FROM_CUSTOMERS:
        return event.frame
    payload = getattr(message, kind)
    for field in HIDDEN_FROM_CUSTOMERS[kind]:
        payload.ClearField(field)
    return dataclasses.replace(event, data=message.SerializeToString()).frame


def typing_event(typing: Typing, now: dt.datetime) -> LoggedEvent:
    data = event_pb2.Event(
        sequence=0,
        create_time=timestamp(now),
        type=event_pb2.EVENT_TYPE_TYPING,
        typing=event_pb2.Typing(channel=typing.channel, identity=typing.identity),
    ).SerializeToString()
    return LoggedEvent(0, EventType.TYPING, typing.channel, now, data)


def heartbeat_frame(head: int, now: dt.datetime) -> bytes:
    data = event_pb2.Event(
        sequence=head,
        create_time=timestamp(now),
        type=event_pb2.EVENT_TYPE_HEARTBEAT,
        heartbeat=event_pb2.Heartbeat(server_time=timestamp(now)),
    ).SerializeToString()
    return LoggedEvent(head, EventType.HEARTBEAT, None, now, data).frame
