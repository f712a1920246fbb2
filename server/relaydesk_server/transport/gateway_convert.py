"""Gateway traffic: proto ↔ domain, with the checks of API §4 and §11."""

from __future__ import annotations

import datetime as dt

from relaydesk.v1 import common_pb2
from relaydesk.v1 import gateway_service_pb2 as pb
from relaydesk_server.domain.channels_model import DeliveryStatus
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.inbound import Inbound
from relaydesk_server.domain.outbound_model import Leased
from relaydesk_server.transport.channels_convert import (
    check_body,
    media_from_proto,
    media_to_proto,
)
from relaydesk_server.transport.convert import enum_from_proto, timestamp
from relaydesk_server.transport.flows_convert import channel_type_to_proto, check_channel_type
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, MAX_IDENTITY, Violations

MAX_EXTERNAL_ID = 256
MAX_PROVIDER_MESSAGE_ID = 256
MAX_ERROR = 1024
_ACKNOWLEDGED = (
    DeliveryStatus.SENT,
    DeliveryStatus.DELIVERED,
    DeliveryStatus.READ,
    DeliveryStatus.FAILED,
)


def channel_types_from_proto(numbers: list[int]) -> list[ChannelType]:
    violations = Violations()
    types = [
        check_channel_type(violations, n, f"channel_types[{i}]") for i, n in enumerate(numbers)
    ]
    violations.raise_if_any()
    return [t for t in types if t is not None]


def ack_from_proto(request: pb.AckOutboundRequest) -> DeliveryStatus:
    violations = Violations()
    violations.required(request.id, "id", "the delivery's id")
    status = enum_from_proto(
        DeliveryStatus, "DELIVERY_STATUS", common_pb2.DeliveryStatus, request.status
    )
    violations.check(status in _ACKNOWLEDGED, "status", "must be SENT, DELIVERED, READ or FAILED")
    violations.max_length(
        request.provider_message_id, MAX_PROVIDER_MESSAGE_ID, "provider_message_id"
    )
    violations.max_length(request.error, MAX_ERROR, "error")
    violations.raise_if_any()
    assert status is not None
    return status


def delivery_to_proto(leased: Leased) -> common_pb2.OutboundDelivery:
    delivery = leased.delivery
    message = common_pb2.OutboundDelivery(
        id=delivery.id,
        message=leased.message_name,
        channel_type=channel_type_to_proto(delivery.channel_type),  # type: ignore[arg-type]
        customer_address=delivery.customer_address,
        contact_identity=delivery.contact_identity,
        body=leased.body,
        media=[media_to_proto(m) for m in leased.media],
        attempt=delivery.attempt,
    )
    if delivery.lease_expire_time is not None:
        message.lease_expire_time.CopyFrom(timestamp(delivery.lease_expire_time))
    return message


def inbound_from_proto(request: pb.DeliverInboundRequest) -> Inbound:
    violations = Violations()
    channel_type = check_channel_type(violations, request.channel_type, "channel_type")
    for value, field in (
        (request.customer_address, "customer_address"),
        (request.contact_identity, "contact_identity"),
    ):
        if violations.required(value, field):
            violations.max_length(value, MAX_IDENTITY, field)
    if violations.required(request.external_id, "external_id", "the provider's message id"):
        violations.max_length(request.external_id, MAX_EXTERNAL_ID, "external_id")
    check_body(violations, request.body, "body")
    media = media_from_proto(violations, request.media, "media")
    if not request.body and not request.media:
        violations.add("body", "a message needs a body, media, or both")
    violations.max_length(request.display_name, MAX_DISPLAY_NAME, "display_name")
    violations.raise_if_any()
    assert channel_type is not None
    receive_time = (
        request.receive_time.ToDatetime(dt.UTC) if request.HasField("receive_time") else None
    )
    return Inbound(
        channel_type=channel_type,
        customer_address=request.customer_address,
        contact_identity=request.contact_identity,
        external_id=request.external_id,
        body=request.body,
        media=media,
        receive_time=receive_time,
        display_name=request.display_name,
    )
