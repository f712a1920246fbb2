"""Gateway traffic: proto ↔ domain, with the checks of API §4 and §11."""

from __future__ import annotations

import datetime as dt

from relaydesk.v1 import gateway_service_pb2 as pb
from relaydesk_server.domain.inbound import Inbound
from relaydesk_server.transport.channels_convert import check_body, media_from_proto
from relaydesk_server.transport.flows_convert import check_channel_type
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, MAX_IDENTITY, Violations

MAX_EXTERNAL_ID = 256


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
