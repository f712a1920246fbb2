"""FlowService handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import flow_service_pb2 as pb
from relaydesk.v1 import flow_service_pb2_grpc
from relaydesk_server.domain import flows
from relaydesk_server.domain.flows_model import FlowFilter
from relaydesk_server.domain.names import FLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.transport import flows_convert as convert
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class FlowServicer(flow_service_pb2_grpc.FlowServiceServicer):
    def __init__(self, calls: Calls) -> None:
        self._calls = calls

    async def CreateFlow(
        self, request: pb.CreateFlowRequest, context: Context
    ) -> pb.CreateFlowResponse:
        spec = convert.flow_spec_from_proto(request.flow)
        return await self._calls.write(
            request,
            pb.CreateFlowResponse,
            lambda tx: convert.create_response(flows.create_flow(tx, spec)),
        )

    async def GetFlow(self, request: pb.GetFlowRequest, context: Context) -> pb.GetFlowResponse:
        flow_id = FLOW.parse(request.name, "name")
        flow = await self._calls.read(lambda tx: flows.get_flow(tx, flow_id))
        return pb.GetFlowResponse(flow=convert.flow_to_proto(flow))

    async def ListFlows(
        self, request: pb.ListFlowsRequest, context: Context
    ) -> pb.ListFlowsResponse:
        violations = Violations()
        channel_type = None
        if request.channel_type:
            channel_type = convert.check_channel_type(
                violations, request.channel_type, "channel_type"
            )
        violations.raise_if_any()
        flow_filter = FlowFilter(
            channel_type=channel_type, contact_identity=request.contact_identity or None
        )
        filters = (request.channel_type, request.contact_identity)
        page = page_request(request.page_size, request.page_token, filters)
        result = await self._calls.read(lambda tx: flows.list_flows(tx, flow_filter, page))
        return pb.ListFlowsResponse(
            flows=[convert.flow_to_proto(flow) for flow in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateFlow(
        self, request: pb.UpdateFlowRequest, context: Context
    ) -> pb.UpdateFlowResponse:
        flow_id = FLOW.parse(request.flow.name, "flow.name")

        change = masked_change(
            request.flow,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.flow_spec_to_proto,
            from_proto=lambda _, merged: convert.flow_spec_from_proto(merged),
            updatable=convert.UPDATABLE,
            output_only=convert.OUTPUT_ONLY,
        )

        return await self._calls.write(
            request,
            pb.UpdateFlowResponse,
            lambda tx: convert.update_response(
                flows.update_flow(tx, flow_id, request.flow.etag or None, change)
            ),
        )

    async def DeleteFlow(
        self, request: pb.DeleteFlowRequest, context: Context
    ) -> pb.DeleteFlowResponse:
        flow_id = FLOW.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteFlowResponse:
            flows.delete_flow(tx, flow_id, force=request.force)
            return pb.DeleteFlowResponse()

        return await self._calls.write(request, pb.DeleteFlowResponse, delete)

    async def RotateWebhookSecret(
        self, request: pb.RotateWebhookSecretRequest, context: Context
    ) -> pb.RotateWebhookSecretResponse:
        flow_id = FLOW.parse(request.name, "name")
        return await self._calls.write(
            request,
            pb.RotateWebhookSecretResponse,
            lambda tx: convert.rotate_response(flows.rotate_webhook_secret(tx, flow_id)),
        )
