"""Webhooks end to end: a WEBHOOK flow's conversation events reach a real local HTTP
receiver, signed, and survive a receiver that is down for a while and a server restart.

Time moves only with the harness clock; the test waits for the receiver's requests,
and for the sender to have recorded what it sent (`settled`), never for a fixed time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac

import pytest

from relaydesk.client import Client
from relaydesk.v1 import common_pb2, flow_pb2, flow_service_pb2, workforce_service_pb2
from relaydesk.v1 import gateway_service_pb2 as gateway_pb
from tests.support import Harness, HttpRequest, HttpService

CONTACT = "+15550199"


HOOK = "/hook"


@pytest.fixture
def receiver(http_service: HttpService) -> HttpService:
    """The local HTTP service, answering the webhook's POSTs with 200."""
    http_service.answer("POST", HOOK, 200)
    return http_service


async def webhook_flow(rd: Client, url: str, retry_count: int = 3) -> str:
    """A WEBHOOK flow; returns its signing secret."""
    flow = flow_pb2.Flow(
        display_name="hooked",
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        contact_identity=CONTACT,
        enabled=True,
        webhook=flow_pb2.WebhookIntegration(url=url, retry_count=retry_count),
    )
    created = await rd.flows.CreateFlow(flow_service_pb2.CreateFlowRequest(flow=flow))
    return created.webhook_secret


async def inbound(
    rd: Client, external_id: str, body: str = "hello"
) -> gateway_pb.DeliverInboundResponse:
    return await rd.gateway.DeliverInbound(
        gateway_pb.DeliverInboundRequest(
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            customer_address="+15551234",
            contact_identity=CONTACT,
            body=body,
            external_id=external_id,
        )
    )


def signature(request: HttpRequest) -> str:
    return request.headers["x-relaydesk-signature"]


def verifies(secret: str, request: HttpRequest) -> bool:
    fields = dict(part.split("=", 1) for part in signature(request).split(","))
    expected = hmac.new(
        secret.encode(), f"{fields['t']}.".encode() + request.body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


async def advance(harness: Harness, seconds: float) -> None:
    harness.clock.advance(dt.timedelta(seconds=seconds))


async def test_a_new_conversations_events_arrive_signed_as_json(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    secret = await webhook_flow(rd, receiver.url(HOOK))
    delivered = await inbound(rd, "m1", "I need help")
    requests = [await receiver.next() for _ in range(5)]
    assert all(verifies(secret, r) for r in requests)
    timestamps = {signature(r).split(",")[0] for r in requests}
    assert timestamps == {f"t={int(harness.clock.now().timestamp())}"}
    events = sorted((r.json() for r in requests), key=lambda e: int(e["sequence"]))
    assert [e["type"] for e in events] == [
        "EVENT_TYPE_CHANNEL_CREATED",
        "EVENT_TYPE_SESSION_CREATED",
        "EVENT_TYPE_MEMBER_JOINED",
        "EVENT_TYPE_MESSAGE_ADDED",
        "EVENT_TYPE_SESSION_UPDATED",
    ]
    message = events[3]["message"]
    assert (message["name"], message["body"]) == (delivered.message.name, "I need help")
    # A forged body does not verify.
    assert not verifies(secret, dataclasses.replace(requests[0], body=b'{"forged": true}'))


async def test_a_receiver_that_is_down_for_a_while_gets_every_event_in_order(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    secret = await webhook_flow(rd, receiver.url(HOOK), retry_count=5)
    receiver.answer("POST", HOOK, 503, 503, 200)  # the first posting fails twice
    await inbound(rd, "m1")
    failed = await receiver.next()
    await harness.running.webhooks.settled()
    # The conversation's later events wait behind the failed one, and nothing is
    # retried before its backoff (1 s, then 2 s) has passed.
    assert await harness.running.webhooks.send_due() == 0
    assert receiver.requests.empty()
    await advance(harness, 1)
    assert (await receiver.next()).body == failed.body
    await harness.running.webhooks.settled()
    assert receiver.requests.empty()
    await advance(harness, 2)
    delivered = [await receiver.next() for _ in range(5)]
    await harness.running.webhooks.settled()
    assert delivered[0].body == failed.body
    sequences = [int(r.json()["sequence"]) for r in delivered]
    assert sequences == sorted(set(sequences))
    assert all(verifies(secret, r) for r in delivered)
    # Once delivered, nothing is sent again.
    await advance(harness, 600)
    assert await harness.running.webhooks.send_due() == 0
    assert receiver.requests.empty()


async def test_a_conversation_waiting_for_a_retry_does_not_hold_up_another(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    await webhook_flow(rd, receiver.url(HOOK), retry_count=5)
    receiver.answer("POST", HOOK, 503, 200)
    await inbound(rd, "m1")  # its first posting fails and waits for its retry
    stuck = await receiver.next()
    await harness.running.webhooks.settled()
    await rd.gateway.DeliverInbound(
        gateway_pb.DeliverInboundRequest(
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            customer_address="+15554321",
            contact_identity=CONTACT,
            body="another customer",
            external_id="m2",
        )
    )
    other = [(await receiver.next()).json() for _ in range(5)]
    await harness.running.webhooks.settled()
    assert stuck.json()["channel"]["name"] not in {e.get("channel", {}).get("name") for e in other}
    assert [e["message"]["body"] for e in other if "message" in e] == ["another customer"]
    assert receiver.requests.empty()
    await advance(harness, 1)
    held = [await receiver.next() for _ in range(5)]
    assert held[0].body == stuck.body
    sequences = [int(r.json()["sequence"]) for r in held]
    assert sequences == sorted(set(sequences))


async def test_postings_waiting_for_a_retry_survive_a_restart(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    secret = await webhook_flow(rd, receiver.url(HOOK))
    receiver.answer("POST", HOOK, 500, 200)
    await inbound(rd, "m1")
    failed = await receiver.next()
    await harness.running.webhooks.settled()
    await harness.restart()
    await advance(harness, 1)
    retried = [await receiver.next() for _ in range(5)]
    assert retried[0].body == failed.body
    assert len({r.body for r in retried}) == 5
    assert all(verifies(secret, r) for r in retried)


async def test_a_posting_is_given_up_after_the_flows_retry_count(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    await webhook_flow(rd, receiver.url(HOOK), retry_count=2)
    receiver.answer("POST", HOOK, 500)
    await inbound(rd, "m1")
    first = await receiver.next()
    await harness.running.webhooks.settled()
    for delay in (1, 2):  # the two retries, after 1 s then 2 s
        await advance(harness, delay)
        assert (await receiver.next()).body == first.body
        await harness.running.webhooks.settled()
    # Given up on, it no longer holds up the conversation: the next event goes at once.
    following = await receiver.next()
    assert following.body != first.body
    assert int(following.json()["sequence"]) > int(first.json()["sequence"])


async def test_conversations_of_other_flows_post_nothing(
    harness: Harness, receiver: HttpService
) -> None:
    rd = harness.client
    await webhook_flow(rd, receiver.url(HOOK))
    await rd.flows.CreateFlow(
        flow_service_pb2.CreateFlowRequest(
            flow=flow_pb2.Flow(
                display_name="tasks",
                channel_type=common_pb2.CHANNEL_TYPE_SMS,
                contact_identity="+15550000",
                enabled=True,
                task=flow_pb2.TaskIntegration(workflow=(await _any_workflow(rd))),
            )
        )
    )
    await rd.gateway.DeliverInbound(
        gateway_pb.DeliverInboundRequest(
            channel_type=common_pb2.CHANNEL_TYPE_SMS,
            customer_address="+15559999",
            contact_identity="+15550000",
            body="not for the webhook",
            external_id="other",
        )
    )
    await inbound(rd, "m1", "for the webhook")
    bodies = [(await receiver.next()).json() for _ in range(5)]
    messages = [e["message"]["body"] for e in bodies if "message" in e]
    assert messages == ["for the webhook"]
    await harness.running.webhooks.settled()
    assert await harness.running.webhooks.send_due() == 0


async def _any_workflow(rd: Client) -> str:
    listed = await rd.workforce.ListWorkflows(workforce_service_pb2.ListWorkflowsRequest())
    return listed.workflows[0].name
