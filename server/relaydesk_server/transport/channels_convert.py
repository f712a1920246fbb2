"""Channels, members and messages: proto ↔ domain, with the checks of API §2 and §11."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from google.protobuf import json_format, struct_pb2

from relaydesk.v1 import channel_pb2, common_pb2, member_pb2, message_pb2
from relaydesk_server.domain.channels_model import (
    SYSTEM_AUTHOR,
    Channel,
    ChannelKind,
    ChannelSpec,
    ChannelState,
    Delivery,
    Media,
    Member,
    MemberRole,
    Message,
    NewMessage,
)
from relaydesk_server.domain.names import CHANNEL, FLOW
from relaydesk_server.transport.convert import (
    enum_filter,
    enum_from_proto,
    enum_to_proto,
    stamp,
    timestamp,
)
from relaydesk_server.transport.flows_convert import channel_type_from_proto, channel_type_to_proto
from relaydesk_server.transport.validation import (
    MAX_DISPLAY_NAME,
    MAX_IDENTITY,
    MAX_UNIQUE_NAME,
    Violations,
    check_http_url,
)

MAX_BODY_BYTES = 32 * 1024
MAX_MESSAGE_ATTRIBUTES = 4 * 1024
MAX_CHANNEL_ATTRIBUTES = 16 * 1024
MAX_MEMBER_ATTRIBUTES = 16 * 1024
MAX_MEDIA = 10
MAX_REASON = 1024
CONTENT_TYPE = re.compile(r"[A-Za-z0-9][\w.+-]*/[\w.+-]+(;.*)?")

CHANNEL_UPDATABLE = frozenset({"unique_name", "display_name", "type", "long_lived", "attributes"})
CHANNEL_OUTPUT_ONLY = frozenset(
    {
        "name",
        "state",
        "session",
        "task",
        "member_count",
        "message_count",
        "last_message_index",
        "close_time",
        "close_reason",
        "create_time",
        "update_time",
        "etag",
    }
)
MESSAGE_UPDATABLE = frozenset({"body", "attributes"})
MESSAGE_OUTPUT_ONLY = frozenset(
    {
        "name",
        "index",
        "author",
        "direction",
        "delivery",
        "edited",
        "create_time",
        "update_time",
        "etag",
    }
)


# -- shared ------------------------------------------------------------------


def struct_to_dict(value: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(value)


def dict_to_struct(value: dict[str, Any]) -> struct_pb2.Struct:
    result = struct_pb2.Struct()
    result.update(value)
    return result


def check_attributes(
    violations: Violations, value: struct_pb2.Struct, limit: int, field: str
) -> dict[str, Any]:
    if not value.fields:
        return {}
    data = struct_to_dict(value)
    size = len(json.dumps(data, separators=(",", ":")).encode())
    violations.check(size <= limit, field, f"at most {limit} bytes of JSON, got {size}")
    return data


def check_reason(violations: Violations, reason: str) -> None:
    violations.max_length(reason, MAX_REASON, "reason")


# -- channels ----------------------------------------------------------------


def _kind_from_proto(number: int) -> ChannelKind | None:
    if number == channel_pb2.CHANNEL_KIND_UNSPECIFIED:
        return ChannelKind.PRIVATE
    return enum_from_proto(ChannelKind, "CHANNEL_KIND", channel_pb2.ChannelKind, number)


def channel_state_from_proto(
    violations: Violations, number: int, field: str
) -> ChannelState | None:
    return enum_filter(
        violations, ChannelState, "CHANNEL_STATE", channel_pb2.ChannelState, number, field
    )


def _check_unique_name(violations: Violations, value: str, field: str) -> None:
    violations.max_length(value, MAX_UNIQUE_NAME, field)
    violations.check("/" not in value, field, "must not contain '/'")
    violations.check(
        not CHANNEL.is_id(value), field, "must not look like a channel id (CH and 32 hex digits)"
    )


def channel_spec_from_proto(message: channel_pb2.Channel, prefix: str = "channel") -> ChannelSpec:
    violations = Violations()
    if message.unique_name:
        _check_unique_name(violations, message.unique_name, f"{prefix}.unique_name")
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    kind = _kind_from_proto(message.type)
    if kind is None:
        violations.add(f"{prefix}.type", f"unknown channel kind {message.type}")
    if message.flow:
        violations.check(FLOW.is_name(message.flow), f"{prefix}.flow", FLOW.malformed(message.flow))
    channel_type = None
    if message.channel_type:
        channel_type = channel_type_from_proto(message.channel_type)
        if channel_type is None:
            violations.add(f"{prefix}.channel_type", f"unknown channel type {message.channel_type}")
    violations.max_length(message.customer_address, MAX_IDENTITY, f"{prefix}.customer_address")
    attributes = check_attributes(
        violations, message.attributes, MAX_CHANNEL_ATTRIBUTES, f"{prefix}.attributes"
    )
    violations.raise_if_any()
    return ChannelSpec(
        unique_name=message.unique_name or None,
        display_name=message.display_name,
        kind=kind or ChannelKind.PRIVATE,
        flow=message.flow or None,
        channel_type=channel_type,
        customer_address=message.customer_address,
        long_lived=message.long_lived,
        attributes=attributes,
    )


def channel_spec_to_proto(spec: ChannelSpec) -> channel_pb2.Channel:
    message = channel_pb2.Channel(
        unique_name=spec.unique_name or "",
        display_name=spec.display_name,
        type=enum_to_proto(channel_pb2.ChannelKind, "CHANNEL_KIND", spec.kind),  # type: ignore[arg-type]
        flow=spec.flow or "",
        customer_address=spec.customer_address,
        long_lived=spec.long_lived,
        attributes=dict_to_struct(spec.attributes),
    )
    if spec.channel_type is not None:
        message.channel_type = channel_type_to_proto(spec.channel_type)  # type: ignore[assignment]
    return message


def channel_to_proto(channel: Channel) -> channel_pb2.Channel:
    message = channel_spec_to_proto(channel.spec)
    stamp(message, channel)
    message.state = enum_to_proto(channel_pb2.ChannelState, "CHANNEL_STATE", channel.state)  # type: ignore[assignment]
    message.session = channel.session or ""
    message.task = channel.task or ""
    message.member_count = channel.member_count
    message.message_count = channel.message_count
    if channel.last_message_index is not None:
        message.last_message_index = channel.last_message_index
    if channel.close_time is not None:
        message.close_time.CopyFrom(timestamp(channel.close_time))
    message.close_reason = channel.close_reason
    return message


# -- members -----------------------------------------------------------------


def check_identity(violations: Violations, identity: str, field: str) -> None:
    if violations.required(identity, field):
        violations.max_length(identity, MAX_IDENTITY, field)
        violations.check(identity != SYSTEM_AUTHOR, field, "'system' is reserved")


def member_from_proto(
    message: member_pb2.Member, prefix: str = "member"
) -> tuple[str, MemberRole, str, dict[str, Any]]:
    violations = Violations()
    check_identity(violations, message.identity, f"{prefix}.identity")
    role = None
    if message.role == member_pb2.MEMBER_ROLE_UNSPECIFIED:
        violations.add(f"{prefix}.role", "required")
    else:
        role = enum_from_proto(MemberRole, "MEMBER_ROLE", member_pb2.MemberRole, message.role)
        if role is None:
            violations.add(f"{prefix}.role", f"unknown role {message.role}")
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    attributes = check_attributes(
        violations, message.attributes, MAX_MEMBER_ATTRIBUTES, f"{prefix}.attributes"
    )
    violations.raise_if_any()
    assert role is not None
    return message.identity, role, message.display_name, attributes


def member_to_proto(member: Member) -> member_pb2.Member:
    message = member_pb2.Member(
        name=member.name,
        identity=member.identity,
        role=enum_to_proto(member_pb2.MemberRole, "MEMBER_ROLE", member.role),  # type: ignore[arg-type]
        display_name=member.display_name,
        attributes=dict_to_struct(member.attributes),
        create_time=timestamp(member.create_time),
        update_time=timestamp(member.update_time),
        etag=member.etag,
    )
    if member.last_read_index is not None:
        message.last_read_index = member.last_read_index
    return message


# -- messages ----------------------------------------------------------------


def check_body(violations: Violations, body: str, field: str) -> None:
    size = len(body.encode())
    violations.check(
        size <= MAX_BODY_BYTES, field, f"at most {MAX_BODY_BYTES} bytes of UTF-8, got {size}"
    )


def media_from_proto(violations: Violations, items: Any, field: str) -> tuple[Media, ...]:
    violations.check(len(items) <= MAX_MEDIA, field, f"at most {MAX_MEDIA} attachments")
    media = []
    for i, item in enumerate(items):
        where = f"{field}[{i}]"
        if violations.required(item.content_type, f"{where}.content_type", "a MIME type"):
            violations.check(
                CONTENT_TYPE.fullmatch(item.content_type) is not None,
                f"{where}.content_type",
                f"{item.content_type!r} is not a MIME type",
            )
        check_http_url(violations, item.url, f"{where}.url")
        violations.check(item.size_bytes >= 0, f"{where}.size_bytes", "must not be negative")
        violations.max_length(item.filename, MAX_DISPLAY_NAME, f"{where}.filename")
        media.append(Media(item.content_type, item.url, item.size_bytes, item.filename))
    return tuple(media)


def new_message_from_request(request: Any) -> NewMessage:
    """A SendMessageRequest's message (the parent is checked by the caller)."""
    violations = Violations()
    check_body(violations, request.body, "body")
    attributes = check_attributes(
        violations, request.attributes, MAX_MESSAGE_ATTRIBUTES, "attributes"
    )
    media = media_from_proto(violations, request.media, "media")
    if not request.body and not request.media:
        violations.add("body", "a message needs a body, media, or both")
    if request.author:
        violations.max_length(request.author, MAX_IDENTITY, "author")
    violations.raise_if_any()
    return NewMessage(
        body=request.body,
        attributes=attributes,
        media=media,
        internal=request.internal,
        author=request.author or None,
    )


def edited_message(current: Message, merged: message_pb2.Message) -> Message:
    """`current` with the body and attributes of an UpdateMessage's merged message."""
    violations = Violations()
    check_body(violations, merged.body, "message.body")
    attributes = check_attributes(
        violations, merged.attributes, MAX_MESSAGE_ATTRIBUTES, "message.attributes"
    )
    if not merged.body and not current.media:
        violations.add("message.body", "a message needs a body, media, or both")
    violations.raise_if_any()
    return dataclasses.replace(current, body=merged.body, attributes=attributes)


def _delivery_to_proto(delivery: Delivery) -> common_pb2.Delivery:
    return common_pb2.Delivery(
        status=enum_to_proto(common_pb2.DeliveryStatus, "DELIVERY_STATUS", delivery.status),  # type: ignore[arg-type]
        error=delivery.error,
        provider_message_id=delivery.provider_message_id,
        update_time=timestamp(delivery.update_time),
    )


# The last message converted, and its proto. A new message is converted twice
# in a row (for its event, then for the reply); the second time is free. The
# Message is immutable and held here, so an identity match means the same value.
_last_converted: tuple[Message, message_pb2.Message] | None = None


def media_to_proto(media: Media) -> common_pb2.Media:
    return common_pb2.Media(
        content_type=media.content_type,
        url=media.url,
        size_bytes=media.size_bytes,
        filename=media.filename,
    )


def message_to_proto(message: Message) -> message_pb2.Message:
    """The proto of `message`. It may be shared: copy it into a response, never modify it."""
    global _last_converted
    last = _last_converted
    if last is not None and last[0] is message:
        return last[1]
    created = timestamp(message.create_time)
    updated = (
        created if message.update_time == message.create_time else timestamp(message.update_time)
    )
    result = message_pb2.Message(
        name=message.name,
        index=message.index,
        author=message.author,
        body=message.body,
        attributes=dict_to_struct(message.attributes) if message.attributes else None,
        media=[media_to_proto(m) for m in message.media],
        direction=enum_to_proto(  # type: ignore[arg-type]
            message_pb2.MessageDirection, "MESSAGE_DIRECTION", message.direction
        ),
        edited=message.edited,
        create_time=created,
        update_time=updated,
        etag=message.etag,
    )
    if message.delivery is not None:
        result.delivery.CopyFrom(_delivery_to_proto(message.delivery))
    _last_converted = (message, result)
    return result
