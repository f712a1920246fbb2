"""A small hand-written client over the generated relaydesk.v1 stubs.

    async with relaydesk.client.connect("127.0.0.1:50051", credential) as rd:
        response = await rd.flows.ListFlows(flow_service_pb2.ListFlowsRequest())

The credential (an API key secret or an access token) is sent as
`authorization: Bearer <credential>` on every call.
"""

from __future__ import annotations

from relaydesk.client._client import Client, connect, error_details

__all__ = ["Client", "connect", "error_details"]
