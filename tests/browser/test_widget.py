"""The webchat widget (`/widget/relaydesk-chat.js`) embedded in a shop's page served
from another origin, in Chromium: a visitor starts a chat without any credential and
writes, an agent answers (through the Python client), the visitor sees the agent typing
and the answer live, a reload returns to the same conversation, and the visitor is told
when the conversation has ended."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import grpc
from playwright.async_api import BrowserContext, Page, expect

from relaydesk.client import Client
from relaydesk.v1 import (
    channel_service_pb2,
    common_pb2,
    event_pb2,
    flow_pb2,
    member_pb2,
    task_service_pb2,
)
from tests.browser.conftest import Screenshot
from tests.support import (
    Agent,
    Harness,
    HttpReply,
    HttpService,
    accept,
    all_channels,
    create_flow,
    get_channel,
    get_task,
    messages,
    new_agent,
    offer_to,
    routing_to,
    send,
    set_activity,
    subscribe,
)

# A shop's page: the two lines that embed the widget, and styles of its own that must
# not reach the widget's insides.
SHOP = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Acme Outdoor</title>
    <style>
      body {{ font: 18px Georgia, serif; color: #5a3a1a; background: #fbf7f0; margin: 40px; }}
      button {{ background: rgb(255, 0, 0); font-size: 30px; }}
    </style>
  </head>
  <body>
    <h1>Acme Outdoor</h1>
    <p>Tents, stoves and boots for every season.</p>
    <script type="module" src="{server}/widget/relaydesk-chat.js"></script>
    <relaydesk-chat flow="{flow}" server="{server}"></relaydesk-chat>
  </body>
</html>
"""

QUESTION = "Do you ship to Norway?"
ANSWER = "We do: three to five days, free above 50 euros."


async def web_flow(rd: Client) -> tuple[str, Agent]:
    """An enabled WEB flow whose chats go to a queue of their own, and an Available agent."""
    workflow = await routing_to(rd, display_name="website")
    flow = await create_flow(
        rd,
        flow_pb2.Flow(
            display_name="website chat",
            channel_type=common_pb2.CHANNEL_TYPE_WEB,
            enabled=True,
            task=flow_pb2.TaskIntegration(workflow=workflow),
        ),
    )
    agent = await new_agent(rd, "web-agent")
    await set_activity(rd, agent.worker, "Available")
    return flow.name, agent


async def open_shop(page: Page, shop: HttpService, server: str, flow: str) -> None:
    shop.answer(
        "GET", "/", HttpReply(200, SHOP.format(server=server, flow=flow).encode(), "text/html")
    )
    await page.goto(shop.url("/"))


async def start_chat(page: Page, name: str, first: str) -> None:
    """Opens the widget, starts a chat as `name`, and writes `first`."""
    await page.get_by_test_id("chat-launcher").click()
    await page.get_by_label("Your name").fill(name)
    await page.get_by_role("button", name="Start chat").click()
    composer = page.get_by_label("Your message")
    await composer.fill(first)
    await page.get_by_role("button", name="Send", exact=True).click()
    await expect(page.get_by_test_id("chat-message").filter(has_text=first)).to_have_count(1)
    await expect(composer).to_have_value("")


async def take_the_chat(harness: Harness, agent: Agent, offers: Any) -> tuple[Client, str]:
    """The agent accepts the chat offered on `offers`: its client and the channel."""
    offer = await offer_to(offers, agent.worker, within=15)
    desk = harness.connect(agent.token)
    await accept(desk, offer.name)
    return desk, (await get_task(harness.client, offer.task)).channel


async def test_a_visitor_chats_with_an_agent_live(
    harness_factory: Any, page: Page, http_service: HttpService, screenshot: Screenshot
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    rd = harness.client
    flow, agent = await web_flow(rd)
    offers = subscribe(rd, types=[event_pb2.EVENT_TYPE_RESERVATION_CREATED])
    await offers.initial_metadata()
    await page.set_viewport_size({"width": 900, "height": 720})
    await open_shop(page, http_service, harness.http_url, flow)

    launcher = page.get_by_test_id("chat-launcher")
    await expect(launcher).to_be_visible()
    # The shop's button styles do not reach inside the widget.
    await expect(launcher).not_to_have_css("background-color", "rgb(255, 0, 0)")
    await start_chat(page, "Dana", QUESTION)

    desk, channel = await take_the_chat(harness, agent, offers)
    offers.cancel()
    horizons = subscribe(rd, channels=[channel], types=[event_pb2.EVENT_TYPE_MEMBER_UPDATED])
    await horizons.initial_metadata()
    try:
        await desk.channels.SendTyping(channel_service_pb2.SendTypingRequest(parent=channel))
        await expect(page.get_by_test_id("chat-typing")).to_have_text(re.compile("is typing"))
        answer = await send(desk, channel, ANSWER)
        shown = page.get_by_test_id("chat-message").filter(has_text=ANSWER)
        await expect(shown).to_have_attribute("data-direction", "outbound")
        await expect(page.get_by_test_id("chat-typing")).to_have_text("")
        await expect(page.get_by_test_id("chat-message")).to_have_count(2)
        await screenshot(page, "widget.png")
        # The panel is open, so the visitor has read the answer: its read horizon moves.
        await customer_read(horizons, answer.index)
        assert [m.body for m in await messages(rd, channel)] == [QUESTION, ANSWER]

        # The agent completes the task: the janitor closes the conversation.
        task = await desk.tasks.CompleteTask(
            task_service_pb2.CompleteTaskRequest(name=(await get_channel(rd, channel)).task)
        )
        assert task.task.name
        await expect(page.get_by_test_id("chat-ended")).to_be_visible()
        await expect(page.get_by_label("Your message")).to_have_count(0)
    finally:
        horizons.cancel()
        await desk.close()


async def customer_read(call: Any, index: int, within: float = 10) -> None:
    """Waits on a MEMBER_UPDATED stream until the customer has read through `index`."""
    async with asyncio.timeout(within):
        while True:
            response = await call.read()
            assert response is not grpc.aio.EOF, "the event stream ended"
            member = response.event.member
            if member.role == member_pb2.MEMBER_ROLE_CUSTOMER and member.last_read_index >= index:
                return


async def test_a_reload_returns_the_visitor_to_the_same_conversation(
    harness_factory: Any, page: Page, http_service: HttpService
) -> None:
    harness = await harness_factory(http_listen="127.0.0.1:0")
    rd = harness.client
    flow, agent = await web_flow(rd)
    offers = subscribe(rd, types=[event_pb2.EVENT_TYPE_RESERVATION_CREATED])
    await offers.initial_metadata()
    await open_shop(page, http_service, harness.http_url, flow)
    await start_chat(page, "Eli", QUESTION)
    desk, channel = await take_the_chat(harness, agent, offers)
    offers.cancel()
    try:
        await send(desk, channel, ANSWER)
        chat = page.get_by_test_id("chat-message")
        await expect(chat).to_have_count(2)

        await page.reload()
        # Back in the same conversation: its history, read again, and live again.
        await expect(chat).to_have_count(2)
        await expect(chat.filter(has_text=QUESTION)).to_have_count(1)
        await expect(chat.filter(has_text=ANSWER)).to_have_count(1)
        kept = await page.evaluate(
            "Object.entries(localStorage).filter(([k]) => k.startsWith('relaydesk-chat|'))"
        )
        assert len(kept) == 1, kept
        assert json.loads(kept[0][1])["channel"] == channel

        await page.get_by_label("Your message").fill("Great, thank you!")
        await page.get_by_role("button", name="Send", exact=True).click()
        await expect(chat.filter(has_text="Great, thank you!")).to_have_count(1)
        await send(desk, channel, "You are welcome.")
        await expect(chat.filter(has_text="You are welcome.")).to_have_count(1)
        await expect(chat).to_have_count(4)
    finally:
        await desk.close()
    assert [c.name for c in await all_channels(rd, flow=flow)] == [channel]
    assert [m.body for m in await messages(rd, channel)] == [
        QUESTION,
        ANSWER,
        "Great, thank you!",
        "You are welcome.",
    ]


async def test_an_agent_answers_a_web_chat_from_the_desktop(
    harness_factory: Any, page: Page, other_context: BrowserContext, http_service: HttpService
) -> None:
    """Both apps at once, each in a browser context of its own: the agent sees the
    visitor typing and the visitor's read horizon, and the visitor sees the agent's
    answer and that it was read."""
    harness = await harness_factory(http_listen="127.0.0.1:0")
    rd = harness.client
    flow, agent = await web_flow(rd)
    desk, visitor = page, await other_context.new_page()
    await desk.goto(f"{harness.http_url}/")
    await desk.get_by_label("Agent token").fill(agent.token)
    await desk.get_by_role("button", name="Sign in").click()
    await expect(desk.get_by_text("Waiting for the next conversation.")).to_be_visible()

    await open_shop(visitor, http_service, harness.http_url, flow)
    await start_chat(visitor, "Fran", QUESTION)
    await desk.get_by_test_id("offer").get_by_role("button", name="Accept").click()
    conversation = desk.get_by_test_id("conversation")
    await expect(conversation.get_by_test_id("conversation-title")).to_have_text("Fran")
    await expect(conversation.get_by_test_id("message-body")).to_have_text([QUESTION])
    # The agent has read the question (UpdateReadHorizon): the visitor sees it.
    await expect(visitor.get_by_test_id("chat-seen")).to_be_visible()

    await visitor.get_by_label("Your message").press_sequentially("Also")
    await expect(desk.get_by_test_id("typing-indicator")).to_have_text("Fran is typing…")

    await desk.get_by_label("Reply to Fran").fill(ANSWER)
    await desk.get_by_role("button", name="Send", exact=True).click()
    await expect(visitor.get_by_test_id("chat-message").filter(has_text=ANSWER)).to_have_count(1)
    # The visitor's panel is open: the answer is read, and the agent sees that.
    await expect(conversation.get_by_test_id("read-receipt")).to_have_count(1)
    await expect(
        conversation.get_by_test_id("message")
        .filter(has_text=ANSWER)
        .get_by_test_id("read-receipt")
    ).to_be_visible()
