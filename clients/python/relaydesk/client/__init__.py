"""The Python client of relaydesk: the generated relaydesk.v1 stubs behind one channel,
with what every caller needs around them.

    from relaydesk.client import connect
    from relaydesk.v1 import flow_pb2, flow_service_pb2

    async with connect("127.0.0.1:50051") as rd:        # credential from $RELAYDESK_TOKEN
        response = await rd.flows.GetFlow(flow_service_pb2.GetFlowRequest(name=name))
        async for flow in rd.items(rd.flows.ListFlows, flow_service_pb2.ListFlowsRequest(),
                                   flow_pb2.Flow):
            ...
        async for event in rd.subscribe(after_sequence=cursor):
            ...

Every unary call gets the credential (`authorization: Bearer …`), a deadline (30 s unless
the call or `connect(timeout=…)` says otherwise), a fresh `request_id` when it is a write
that takes one and leaves it empty, and retries with backoff on UNAVAILABLE when repeating
it is harmless (reads, and writes with a request id). Failures are raised as
`RelaydeskError`, with their details decoded. `relaydesk.client.sync` is the blocking twin.
"""

from __future__ import annotations

from relaydesk.client._client import Client, Subscription, connect
from relaydesk.client._errors import CursorExpired, RelaydeskError, error_details
from relaydesk.client._policy import DEFAULT_TIMEOUT, NO_RETRY, Backoff, RetryPolicy

__all__ = [
    "DEFAULT_TIMEOUT",
    "NO_RETRY",
    "Backoff",
    "Client",
    "CursorExpired",
    "RelaydeskError",
    "RetryPolicy",
    "Subscription",
    "connect",
    "error_details",
]
