"""The agent desktop (`/` of the browser endpoint) in Chromium: an agent signs in with
its token, goes Available, takes a customer's SMS from offer to completion, and keeps
following its events across a dropped connection, missing and repeating nothing."""

from __future__ import annotations

import re
import socket
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Page, expect

from relaydesk.v1 import common_pb2, event_pb2, task_pb2
from tests.browser.conftest import Screenshot
from tests.support import (
    EXAMPLE_CONTACT,
    TcpProxy,
    accept,
    ack,
    agent_with_sms_flow,
    all_tasks,
    customer_writes,
    next_delivery,
    offer_to,
    open_outbound,
    set_activity,
    subscribe,
)

CUSTOMER = "+15557000"
QUESTION = "Hello, my order #1042 has not arrived yet."
REPLY = "Sorry about that: it left our warehouse this morning."


async def sign_in(page: Page, base_url: str, token: str) -> None:
    """Opens the desktop at `base_url`, signs in with `token`, and waits until it is live."""
    await page.goto(f"{base_url}/")
    await page.get_by_label("Agent token").fill(token)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_test_id("connection-status")).to_have_text("Live")


async def test_an_agent_takes_an_sms_conversation_from_offer_to_completion(
    harness_factory: Any, page: Page, screenshot: Screenshot
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    rd = harness.client
    agent = await agent_with_sms_flow(rd)
    outbound = open_outbound(rd, common_pb2.CHANNEL_TYPE_SMS)
    try:
        await sign_in(page, harness.http_url, agent.token)
        await expect(page.get_by_test_id("agent-identity")).to_have_text(agent.identity)
        await page.get_by_label("Activity").select_option(label="Available")
        await expect(page.get_by_text("Waiting for the next conversation.")).to_be_visible()

        await customer_writes(rd, QUESTION, customer=CUSTOMER, contact=EXAMPLE_CONTACT)
        offer = page.get_by_test_id("offer")
        await expect(offer).to_contain_text(CUSTOMER)
        await expect(offer.get_by_test_id("offer-time-left")).to_have_text(
            re.compile(r"\d+:\d\d left")
        )
        await offer.get_by_role("button", name="Accept").click()

        conversation = page.get_by_test_id("conversation")
        await expect(conversation.get_by_test_id("conversation-title")).to_have_text(CUSTOMER)
        question = conversation.get_by_test_id("message").filter(has_text=QUESTION)
        await expect(question).to_have_count(1)
        await expect(question).to_have_attribute("data-direction", "inbound")

        composer = page.get_by_label(re.compile("^Reply to"))
        await composer.fill(REPLY)
        await composer.press("Enter")
        await expect(composer).to_have_value("")
        delivery = await next_delivery(outbound)
        assert (delivery.body, delivery.customer_address) == (REPLY, CUSTOMER)
        await ack(rd, delivery.id)
        reply = conversation.get_by_test_id("message").filter(has_text=REPLY)
        await expect(reply).to_contain_text("Delivered")  # MESSAGE_UPDATED, live
        await screenshot(page, "desktop.png")

        await page.get_by_role("button", name="Complete").click()
        await expect(page.get_by_test_id("no-conversation")).to_be_visible()
        await expect(page.get_by_test_id("conversation-item")).to_have_count(0)
    finally:
        outbound.cancel()
    tasks = await all_tasks(rd, worker=agent.worker)
    assert [task.status for task in tasks] == [task_pb2.TASK_STATUS_COMPLETED]


def closed_port() -> str:
    """HOST:PORT on loopback where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"


async def test_the_desktop_resumes_its_events_after_a_dropped_connection(
    harness_factory: Any, page: Page
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    rd = harness.client
    agent = await agent_with_sms_flow(rd)
    await set_activity(rd, agent.worker, "Available")
    offers = subscribe(rd, types=[event_pb2.EVENT_TYPE_RESERVATION_CREATED])
    await offers.initial_metadata()
    try:
        await customer_writes(rd, "first", customer=CUSTOMER, contact=EXAMPLE_CONTACT)
        await accept(rd, (await offer_to(offers, agent.worker)).name)
    finally:
        offers.cancel()

    # The browser reaches the endpoint through a proxy the test can starve and cut.
    endpoint = urlsplit(harness.http_url).netloc
    proxy = await TcpProxy(endpoint).start()
    try:
        await sign_in(page, f"http://{proxy.target}", agent.token)
        bodies = page.get_by_test_id("conversation").get_by_test_id("message-body")
        await expect(bodies.filter(has_text="first")).to_have_count(1)

        # The stream goes deaf (the server's events stop reaching the page), then
        # the connection drops and, for a while, the server cannot be reached.
        proxy.hold_replies()
        await customer_writes(rd, "second", customer=CUSTOMER, contact=EXAMPLE_CONTACT)
        proxy.upstream = closed_port()
        proxy.cut()
        status = page.get_by_test_id("connection-status")
        await expect(status).to_have_text("Reconnecting…")
        await customer_writes(rd, "third", customer=CUSTOMER, contact=EXAMPLE_CONTACT)

        proxy.upstream = endpoint
        await expect(status).to_have_text("Live")
        for body in ("first", "second", "third"):
            await expect(bodies.filter(has_text=re.compile(f"^{body}$"))).to_have_count(1)
        await expect(bodies).to_have_count(3)
        assert proxy.connections > 1  # it did connect again

        # A reload keeps the agent signed in (the tab's session storage) and reads it all again.
        await page.reload()
        await expect(status).to_have_text("Live")
        await expect(bodies).to_have_count(3)
    finally:
        await proxy.close()
