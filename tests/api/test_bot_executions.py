"""Bot executions end to end (API §7, §8, §9): a customer writes in over SMS, a flow's bot
greets, asks, branches on the answer with CEL, calls a real local HTTP service and hands over
to an agent, who sees the whole transcript; replies, timeouts and HTTP outcomes move it on,
a runaway loop fails it cleanly, a restart resumes it, and a survey runs after the agent.

The bot's messages are read from a real StreamOutbound gateway stream (acknowledged one by
one, as a channel's deliveries leave in order). Time moves only with the harness clock (and
timers fire with `tick`); what the server does in the background (HTTP calls) is awaited on
the event log with an `asyncio.timeout` bound, never after a pause.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, json_format
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import (
    bot_pb2,
    channel_pb2,
    common_pb2,
    event_pb2,
    execution_pb2,
    flow_pb2,
    member_pb2,
    message_pb2,
    session_pb2,
    task_pb2,
)
from relaydesk.v1 import bot_service_pb2 as pb
from relaydesk.v1 import channel_service_pb2 as channels_pb
from relaydesk.v1 import engagement_service_pb2 as engagements_pb
from relaydesk.v1 import flow_service_pb2 as flows_pb
from relaydesk.v1 import task_service_pb2 as tasks_pb
from tests.conftest import HarnessFactory
from tests.support import (
    Harness,
    HttpReply,
    HttpService,
    accept,
    access_token,
    ack,
    add_member,
    all_executions,
    all_tasks,
    attributes,
    bot_flow,
    create_flow,
    customer_writes,
    default_workflow,
    detail,
    events_until_idle,
    expect_error,
    get_channel,
    get_execution,
    get_session,
    get_task,
    greeter_bot,
    members,
    messages,
    new_bot,
    new_worker,
    next_delivery,
    open_outbound,
    reason,
    reservations,
    set_activity,
    subscribe,
    survey_flow,
    tick,
)

WAIT = 10  # seconds: an upper bound on waiting for the server, never a pause
CUSTOMER = "+15551234"
CONTACT = "+15550100"
AGENT = "alice"

SMS = common_pb2.CHANNEL_TYPE_SMS
RUNNING = execution_pb2.EXECUTION_STATUS_ACTIVE
ENDED = execution_pb2.EXECUTION_STATUS_ENDED
FAILED = execution_pb2.EXECUTION_STATUS_FAILED
ACTIVE = channel_pb2.CHANNEL_STATE_ACTIVE
INACTIVE = channel_pb2.CHANNEL_STATE_INACTIVE
CLOSED = session_pb2.SESSION_STATUS_CLOSED
INBOUND = message_pb2.MESSAGE_DIRECTION_INBOUND
OUTBOUND = message_pb2.MESSAGE_DIRECTION_OUTBOUND
BOT_ROLE = member_pb2.MEMBER_ROLE_BOT
CREATED_EVENT = event_pb2.EVENT_TYPE_EXECUTION_CREATED
UPDATED_EVENT = event_pb2.EVENT_TYPE_EXECUTION_UPDATED
EXECUTION_EVENTS = [CREATED_EVENT, UPDATED_EVENT]
MEMBER_JOINED = event_pb2.EVENT_TYPE_MEMBER_JOINED
MEMBER_LEFT = event_pb2.EVENT_TYPE_MEMBER_LEFT


# -- bots, one step at a time ---------------------------------------------------------


def bot(display_name: str, *states: bot_pb2.BotState) -> bot_pb2.Bot:
    """A bot of `states`, starting at the first."""
    return greeter_bot(display_name, initial_state=states[0].name, states=list(states))


def say(name: str, body: str, next: str) -> bot_pb2.BotState:
    return bot_pb2.BotState(name=name, send_message=bot_pb2.SendMessageStep(body=body, next=next))


def ask(
    name: str, body: str, next: str, *, save_as: str = "", timeout: int = 300, on_timeout: str = ""
) -> bot_pb2.BotState:
    return bot_pb2.BotState(
        name=name,
        wait_for_reply=bot_pb2.WaitForReplyStep(
            body=body,
            timeout=duration_pb2.Duration(seconds=timeout),
            save_as=save_as,
            next=next,
            on_timeout=on_timeout,
        ),
    )


def split(name: str, default_next: str, *cases: tuple[str, str]) -> bot_pb2.BotState:
    """A split trying `(condition, next)` cases in order."""
    return bot_pb2.BotState(
        name=name,
        split=bot_pb2.SplitStep(
            cases=[bot_pb2.SplitCase(condition=c, next=n) for c, n in cases],
            default_next=default_next,
        ),
    )


def set_vars(name: str, next: str, **values: str) -> bot_pb2.BotState:
    return bot_pb2.BotState(
        name=name, set_variables=bot_pb2.SetVariablesStep(values=values, next=next)
    )


def call(name: str, url: str, next: str, **fields: Any) -> bot_pb2.BotState:
    return bot_pb2.BotState(
        name=name, http_request=bot_pb2.HttpRequestStep(url=url, next=next, **fields)
    )


def to_agent(name: str, **fields: Any) -> bot_pb2.BotState:
    fields.setdefault("workflow", default_workflow())
    return bot_pb2.BotState(name=name, send_to_agent=bot_pb2.SendToAgentStep(**fields))


def end(name: str, *, close_channel: bool = False) -> bot_pb2.BotState:
    return bot_pb2.BotState(name=name, end=bot_pb2.EndStep(close_channel=close_channel))


async def running_on_sms(rd: Client, *states: bot_pb2.BotState) -> bot_pb2.Bot:
    """A bot of `states`, run by an enabled SMS flow on CONTACT."""
    created = await new_bot(rd, bot("bot", *states))
    await create_flow(rd, bot_flow(created.name, CONTACT))
    return created


# -- reading executions back ------------------------------------------------------------


def outcomes(execution: execution_pb2.Execution) -> list[tuple[str, str]]:
    """The step log as (state, outcome) pairs."""
    return [(step.state, step.outcome) for step in execution.steps]


def variables(execution: execution_pb2.Execution) -> dict[str, Any]:
    return json_format.MessageToDict(execution.variables)


async def only_execution(rd: Client, channel: str) -> execution_pb2.Execution:
    """The channel's one execution (there must be exactly one)."""
    found = await all_executions(rd, channel=channel)
    assert len(found) == 1, found
    return found[0]


async def execution_reaching(
    rd: Client, channel: str, wanted: Callable[[execution_pb2.Execution], bool]
) -> execution_pb2.Execution:
    """The first execution in `channel` to reach `wanted`, as the event log tells it (a
    replay from the start, then live): a wait for what the server does in the background."""
    stream = subscribe(rd, after_sequence=0, channels=[channel], types=EXECUTION_EVENTS)
    try:
        async with asyncio.timeout(WAIT):
            while True:
                response = await stream.read()
                assert response is not grpc.aio.EOF, "the event stream ended"
                if wanted(response.event.execution):
                    return response.event.execution  # type: ignore[no-any-return]
    finally:
        stream.cancel()


def stopped(execution: execution_pb2.Execution) -> bool:
    return execution.status != RUNNING


async def bot_says(rd: Client, stream: Any) -> str:
    """The body of the next message the gateway stream hands out (to CUSTOMER), acknowledged
    so that the channel's next one can leave."""
    delivery = await next_delivery(stream, WAIT)
    assert delivery.customer_address == CUSTOMER
    await ack(rd, delivery.id)
    return delivery.body


def transcript(listed: list[message_pb2.Message]) -> list[tuple[str, int, str]]:
    return [(m.author, m.direction, m.body) for m in listed]


async def available_agent(rd: Client, identity: str = AGENT) -> str:
    worker = await new_worker(rd, identity)
    await set_activity(rd, worker, "Available")
    return worker


async def assign(rd: Client, task: str, worker: str) -> None:
    """Accepts the task's one offer, which must be to `worker`."""
    [offer] = await reservations(rd, task)
    assert offer.worker == worker
    await accept(rd, offer.name)


async def complete(rd: Client, task: str) -> task_pb2.Task:
    return (await rd.tasks.CompleteTask(tasks_pb.CompleteTaskRequest(name=task))).task


# -- the whole conversation -------------------------------------------------------------


async def test_a_bot_greets_asks_branches_looks_up_the_order_and_hands_over(
    harness: Harness, http_service: HttpService
) -> None:
    rd = harness.client
    http_service.answer(
        "POST", "/orders/A-17", HttpReply.json({"status": "shipped", "eta": "Friday"})
    )
    order_bot = await running_on_sms(
        rd,
        say("greet", "Hi {{ trigger.message.author }}! I can look up your order.", "ask"),
        ask("ask", "What is your order number?", "route", save_as="order", on_timeout="bye"),
        split("route", "handover", ("vars.order.startsWith('A-')", "lookup")),
        call(
            "lookup",
            http_service.url("/orders/{{ vars.order }}"),
            "tell",
            method="POST",
            body='{"order": "{{ vars.order }}", "from": "{{ trigger.message.author }}"}',
            save_as="found",
            on_failure="handover",
        ),
        say("tell", "Your order {{ vars.order }} is {{ vars.found.status }}.", "handover"),
        to_agent("handover", priority=3, attributes={"topic": "order {{ vars.order }}"}),
        end("bye"),
    )
    alice = await available_agent(rd)
    stream = open_outbound(rd, SMS)

    first = await customer_writes(rd, "hi")
    channel = first.channel
    assert await bot_says(rd, stream) == f"Hi {CUSTOMER}! I can look up your order."
    assert await bot_says(rd, stream) == "What is your order number?"
    execution = await only_execution(rd, channel)
    assert execution.name.startswith(f"{order_bot.name}/executions/")
    assert (execution.bot, execution.status, execution.current_state) == (
        order_bot.name,
        RUNNING,
        "ask",
    )
    assert outcomes(execution) == [("greet", "sent"), ("ask", "")]  # still waiting
    assert all(s.enter_time == execution.create_time for s in execution.steps)
    assert (await members(rd, channel))[order_bot.name].role == BOT_ROLE
    assert await all_tasks(rd) == []

    await customer_writes(rd, "A-17")
    await execution_reaching(rd, channel, stopped)
    lookup = await http_service.next()
    assert (lookup.method, lookup.path) == ("POST", "/orders/A-17")
    assert lookup.headers["content-type"] == "application/json"
    assert lookup.json() == {"order": "A-17", "from": CUSTOMER}
    assert await bot_says(rd, stream) == "Your order A-17 is shipped."

    [task] = await all_tasks(rd)
    execution = await get_execution(rd, execution.name)
    assert execution.status == ENDED
    assert execution.reason == f"handed to an agent: {task.name}"
    assert execution.current_state == "handover"
    assert outcomes(execution) == [
        ("greet", "sent"),
        ("ask", "replied"),
        ("route", "case 0"),
        ("lookup", "success"),
        ("tell", "sent"),
        ("handover", task.name),
    ]
    saved = {"order": "A-17", "found": {"status": "shipped", "eta": "Friday"}}
    assert variables(execution) == saved
    assert order_bot.name not in await members(rd, channel)  # the bot left

    assert attributes(task) == {
        "channel": channel,
        "channel_type": "CHANNEL_TYPE_SMS",
        "customer_address": CUSTOMER,
        "display_name": CUSTOMER,
        "vars": saved,
        "topic": "order A-17",
    }
    assert (task.priority, task.task_channel, task.workflow) == (3, "chat", default_workflow())
    assert (await get_channel(rd, channel)).task == task.name

    # The agent who accepts sees the whole conversation, bot and all.
    await assign(rd, task.name, alice)
    agent = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    try:
        seen = await messages(agent, channel)
    finally:
        await agent.close()
    assert transcript(seen) == [
        (CUSTOMER, INBOUND, "hi"),
        (order_bot.name, OUTBOUND, f"Hi {CUSTOMER}! I can look up your order."),
        (order_bot.name, OUTBOUND, "What is your order number?"),
        (CUSTOMER, INBOUND, "A-17"),
        (order_bot.name, OUTBOUND, "Your order A-17 is shipped."),
    ]
    assert http_service.requests.empty()  # one call, made once
    stream.cancel()


async def test_expressions_that_fail_at_run_time_are_named_in_the_step_log(
    harness: Harness,
) -> None:
    rd = harness.client
    await running_on_sms(
        rd,
        say("greet", "Hello {{ vars.name }}!", "route"),
        split("route", "bye", ("vars.tier == 'gold'", "vip")),
        end("vip"),
        end("bye"),
    )
    stream = open_outbound(rd, SMS)
    first = await customer_writes(rd, "hi")
    assert await bot_says(rd, stream) == "Hello !"  # the failed hole is written as nothing
    execution = await only_execution(rd, first.channel)
    assert execution.status == ENDED
    assert execution.reason == "ended at 'bye'"
    [greet, route, bye] = execution.steps
    assert greet.outcome.startswith("sent; 'vars.name' failed: ")
    assert route.outcome.startswith("default; ")  # the failing case counts as false
    assert "vars.tier == 'gold'" in route.outcome
    assert "failed" in route.outcome
    assert (bye.state, bye.outcome) == ("bye", "ended")
    stream.cancel()


# -- waiting for the customer -----------------------------------------------------------


async def test_an_unanswered_question_takes_the_timeout_branch_on_the_servers_clock(
    harness: Harness,
) -> None:
    rd = harness.client
    asker = await running_on_sms(
        rd,
        ask("ask", "What is your order number?", "thanks", save_as="order", on_timeout="nudge"),
        say("thanks", "Thanks!", "bye"),
        say("nudge", "No answer? Write again anytime.", "close"),
        end("close", close_channel=True),
        end("bye"),
    )
    stream = open_outbound(rd, SMS)
    first = await customer_writes(rd, "hi")
    assert await bot_says(rd, stream) == "What is your order number?"
    asked_at = harness.clock.now()

    await tick(harness, dt.timedelta(seconds=299))
    execution = await only_execution(rd, first.channel)
    assert (execution.status, outcomes(execution)) == (RUNNING, [("ask", "")])

    await tick(harness, dt.timedelta(seconds=1))
    execution = await get_execution(rd, execution.name)
    assert execution.status == ENDED
    assert outcomes(execution) == [("ask", "timeout"), ("nudge", "sent"), ("close", "ended")]
    assert execution.steps[1].enter_time.ToDatetime(dt.UTC) == asked_at + dt.timedelta(seconds=300)
    assert variables(execution) == {}
    assert await bot_says(rd, stream) == "No answer? Write again anytime."
    # end with close_channel closes the conversation as CloseChannel does.
    channel = await get_channel(rd, first.channel)
    assert channel.state == INACTIVE
    assert (await get_session(rd, first.session)).status == CLOSED
    assert asker.name not in await members(rd, first.channel)
    stream.cancel()


async def test_a_timeout_without_on_timeout_ends_the_execution_and_the_next_message_starts_anew(
    harness: Harness,
) -> None:
    rd = harness.client
    asker = await running_on_sms(rd, ask("ask", "Anything else?", "bye", timeout=60), end("bye"))
    first = await customer_writes(rd, "hi")
    await tick(harness, dt.timedelta(seconds=60))
    execution = await only_execution(rd, first.channel)
    assert execution.status == ENDED
    assert execution.reason.startswith("no reply within ")
    assert outcomes(execution) == [("ask", "timeout")]
    assert asker.name not in await members(rd, first.channel)
    assert (await get_channel(rd, first.channel)).state == ACTIVE  # only the bot is done

    again = await customer_writes(rd, "hello?")
    assert again.channel == first.channel
    executions = await all_executions(rd, channel=first.channel)
    assert [(e.status, e.current_state) for e in executions] == [
        (ENDED, "ask"),
        (RUNNING, "ask"),
    ]
    assert (await members(rd, first.channel))[asker.name].role == BOT_ROLE


# -- calling out ------------------------------------------------------------------------


def refused_url() -> str:
    """A loopback URL where nothing listens: a port just bound, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/status"


# How a call fails: the local service's answer (None: the URL refuses connections), and the
# start of the error the execution reports.
FAILURES = {
    "a 503": (HttpReply(503, b'{"error": "down"}'), "the answer's status was 503"),
    "a 404": (None, "the answer's status was 404"),
    "not JSON": (HttpReply(200, b"<p>fine</p>", "text/html"), "the answer is not JSON"),
    "refused": (None, "ConnectError"),
}


def failing_url(http_service: HttpService, failure: str) -> str:
    """Where a call fails as FAILURES[failure] says."""
    reply, _ = FAILURES[failure]
    if failure == "refused":
        return refused_url()
    if reply is not None:
        http_service.answer("GET", "/status", reply)
    return http_service.url("/status")  # without a reply: no such route, 404


@pytest.mark.parametrize("failure", list(FAILURES))
async def test_a_failing_http_call_takes_on_failure(
    harness: Harness, http_service: HttpService, failure: str
) -> None:
    rd = harness.client
    await running_on_sms(
        rd,
        call("lookup", "{{ trigger.message.body }}", "ok", save_as="status", on_failure="sorry"),
        say("ok", "All good: {{ vars.status }}", "bye"),
        say("sorry", "Lookups are down, sorry.", "bye"),
        end("bye"),
    )
    stream = open_outbound(rd, SMS)
    first = await customer_writes(rd, failing_url(http_service, failure))
    execution = await execution_reaching(rd, first.channel, stopped)
    assert execution.status == ENDED, execution.reason
    assert outcomes(execution) == [("lookup", "failure"), ("sorry", "sent"), ("bye", "ended")]
    assert variables(execution) == {}
    assert await bot_says(rd, stream) == "Lookups are down, sorry."
    if failure != "refused":
        assert (await http_service.next()).method == "GET"
    stream.cancel()


@pytest.mark.parametrize("failure", list(FAILURES))
async def test_a_failing_http_call_without_on_failure_fails_the_execution_naming_the_error(
    harness: Harness, http_service: HttpService, failure: str
) -> None:
    rd = harness.client
    # With save_as, an answer that is not JSON is a failure too (without, its text is
    # the step's body).
    caller = await running_on_sms(
        rd,
        call("lookup", "{{ trigger.message.body }}", "tell", save_as="status"),
        say("tell", "Status: {{ steps.lookup.body }}", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, failing_url(http_service, failure))
    execution = await execution_reaching(rd, first.channel, stopped)
    assert execution.status == FAILED
    _, error = FAILURES[failure]
    assert execution.reason.startswith(f"lookup: the HTTP request failed: {error}")
    assert outcomes(execution) == [("lookup", "failure")]
    assert caller.name not in await members(rd, first.channel)
    assert (await get_channel(rd, first.channel)).state == ACTIVE
    assert [m.direction for m in await messages(rd, first.channel)] == [INBOUND]


async def test_an_answer_that_is_not_json_is_the_steps_text_when_nothing_saves_it(
    harness: Harness, http_service: HttpService
) -> None:
    rd = harness.client
    http_service.answer("GET", "/motd", HttpReply(200, b"Open until 6pm", "text/plain"))
    await running_on_sms(
        rd,
        call("motd", http_service.url("/motd"), "tell"),
        say("tell", "Today: {{ steps.motd.body }} ({{ steps.motd.status_code }})", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, "hours?")
    execution = await execution_reaching(rd, first.channel, stopped)
    assert execution.status == ENDED, execution.reason
    assert outcomes(execution) == [("motd", "success"), ("tell", "sent"), ("bye", "ended")]
    bot_messages = [m.body for m in await messages(rd, first.channel) if m.direction == OUTBOUND]
    assert bot_messages == ["Today: Open until 6pm (200)"]


async def test_a_2xx_answer_without_a_body_is_a_success_saving_null(
    harness: Harness, http_service: HttpService
) -> None:
    rd = harness.client
    http_service.answer("DELETE", "/holds/7", 204)
    await running_on_sms(
        rd,
        call("release", http_service.url("/holds/7"), "tell", method="DELETE", save_as="gone"),
        say("tell", "Released ({{ vars.gone == null }}).", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, "release my hold")
    execution = await execution_reaching(rd, first.channel, stopped)
    assert execution.status == ENDED, execution.reason
    assert outcomes(execution) == [("release", "success"), ("tell", "sent"), ("bye", "ended")]
    assert variables(execution) == {"gone": None}
    request = await http_service.next()
    assert (request.method, request.path, request.body) == ("DELETE", "/holds/7", b"")
    assert "content-type" not in request.headers  # no body, no content type
    bot_messages = [m.body for m in await messages(rd, first.channel) if m.direction == OUTBOUND]
    assert bot_messages == ["Released (true)."]


async def test_a_call_made_by_a_server_that_restarts_is_made_again_and_moves_on_once(
    harness: Harness, http_service: HttpService
) -> None:
    rd = harness.client
    http_service.answer("GET", "/slow", HttpReply.json({"ok": True}))
    gate = http_service.hold("GET", "/slow")
    await running_on_sms(
        rd,
        call("lookup", http_service.url("/slow"), "tell", save_as="answer"),
        say("tell", "ok={{ vars.answer.ok }}", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, "hi")
    assert (await http_service.next()).path == "/slow"  # in flight, held
    await harness.restart()
    rd = harness.client
    assert (await http_service.next()).path == "/slow"  # made again by the new server
    gate.set()
    execution = await execution_reaching(rd, first.channel, stopped)
    assert execution.status == ENDED, execution.reason
    assert outcomes(execution) == [("lookup", "success"), ("tell", "sent"), ("bye", "ended")]
    bot_messages = [m.body for m in await messages(rd, first.channel) if m.direction == OUTBOUND]
    assert bot_messages == ["ok=true"]


# -- runaway bots -----------------------------------------------------------------------


async def test_a_100_step_loop_fails_cleanly_and_the_customer_still_reaches_an_agent(
    harness: Harness,
) -> None:
    rd = harness.client
    looper = await running_on_sms(
        rd,
        split("route", "spin", ("trigger.message.body == 'agent'", "handover")),
        set_vars("spin", "route", turns="more"),
        to_agent("handover"),
    )
    alice = await available_agent(rd)
    first = await customer_writes(rd, "hi")
    execution = await only_execution(rd, first.channel)
    assert execution.status == FAILED
    assert execution.reason.startswith("more than 100 states in a row without waiting")
    assert len(execution.steps) == 100
    assert outcomes(execution)[:3] == [("route", "default"), ("spin", "set"), ("route", "default")]
    assert looper.name not in await members(rd, first.channel)
    assert (await get_channel(rd, first.channel)).state == ACTIVE
    assert await all_tasks(rd) == []

    # The customer asks for an agent: a new execution of the flow's bot hands over.
    again = await customer_writes(rd, "agent")
    assert again.channel == first.channel
    old, new = await all_executions(rd, channel=first.channel)
    assert old.name == execution.name
    [task] = await all_tasks(rd)
    assert (new.status, new.reason) == (ENDED, f"handed to an agent: {task.name}")
    assert outcomes(new) == [("route", "case 0"), ("handover", task.name)]
    assert (await get_channel(rd, first.channel)).task == task.name
    await assign(rd, task.name, alice)
    assert AGENT in await members(rd, first.channel)


# -- a restart in the middle ------------------------------------------------------------


async def test_a_restart_while_waiting_for_a_reply_resumes_without_repeating_the_question(
    harness: Harness,
) -> None:
    rd = harness.client
    await running_on_sms(
        rd,
        ask("ask", "What is your name?", "thank", save_as="name"),
        say("thank", "Thanks {{ vars.name }}!", "bye"),
        end("bye"),
    )
    stream = open_outbound(rd, SMS)
    first = await customer_writes(rd, "hi")
    assert await bot_says(rd, stream) == "What is your name?"
    before = await only_execution(rd, first.channel)

    await harness.restart()
    rd = harness.client
    stream = open_outbound(rd, SMS)
    execution = await get_execution(rd, before.name)
    assert execution == before  # still ACTIVE at "ask", unchanged
    asked = [m for m in await messages(rd, first.channel) if m.direction == OUTBOUND]
    assert [m.body for m in asked] == ["What is your name?"]

    await customer_writes(rd, "Ann")
    # The next delivery is the thanks: the question was not queued again.
    assert await bot_says(rd, stream) == "Thanks Ann!"
    execution = await get_execution(rd, before.name)
    assert execution.status == ENDED
    assert outcomes(execution) == [("ask", "replied"), ("thank", "sent"), ("bye", "ended")]
    assert variables(execution) == {"name": "Ann"}
    assert [m.body for m in await messages(rd, first.channel)] == [
        "hi",
        "What is your name?",
        "Ann",
        "Thanks Ann!",
    ]
    stream.cancel()


async def test_a_reply_timer_survives_a_restart(harness: Harness) -> None:
    rd = harness.client
    await running_on_sms(
        rd,
        ask("ask", "Still there?", "bye", timeout=120, on_timeout="later"),
        say("later", "Talk later!", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, "hi")
    await harness.restart()
    rd = harness.client
    await tick(harness, dt.timedelta(seconds=119))
    assert (await only_execution(rd, first.channel)).status == RUNNING
    await tick(harness, dt.timedelta(seconds=1))
    execution = await only_execution(rd, first.channel)
    assert execution.status == ENDED
    assert outcomes(execution) == [("ask", "timeout"), ("later", "sent"), ("bye", "ended")]
    assert [m.body for m in await messages(rd, first.channel)] == [
        "hi",
        "Still there?",
        "Talk later!",
    ]


# -- a customer writing fast ------------------------------------------------------------


async def test_a_customer_writing_fast_never_starts_a_second_execution(
    harness: Harness, http_service: HttpService
) -> None:
    rd = harness.client
    http_service.answer("GET", "/profile", HttpReply.json({"tier": "gold"}))
    gate = http_service.hold("GET", "/profile")
    await running_on_sms(
        rd,
        call("lookup", http_service.url("/profile"), "ask", save_as="profile"),
        ask("ask", "Anything else?", "handover", save_as="more"),
        to_agent("handover"),
    )

    async def burst(prefix: str) -> list[str]:
        bodies = [f"{prefix} {i}" for i in range(6)]
        delivered = await asyncio.gather(*(customer_writes(rd, body) for body in bodies))
        assert len({d.channel for d in delivered}) == 1
        return bodies

    async def active_ones() -> list[execution_pb2.Execution]:
        return await all_executions(rd, channel=channel, status=RUNNING)

    # Six first messages at once: one conversation, one execution, one call.
    await burst("first")
    [channel] = {m.channel for m in await all_executions(rd)}
    [execution] = await active_ones()
    assert (await http_service.next()).path == "/profile"
    # More while the call is out: they join the conversation, nothing else starts.
    await burst("while calling")
    assert [e.name for e in await active_ones()] == [execution.name]
    assert http_service.requests.empty()
    assert outcomes(await get_execution(rd, execution.name)) == [("lookup", "")]

    gate.set()
    await execution_reaching(rd, channel, lambda e: e.current_state == "ask")
    assert [e.name for e in await active_ones()] == [execution.name]
    # A burst while it waits for a reply: the first one is the reply, the rest join.
    sent = await burst("reply")
    done = await get_execution(rd, execution.name)
    assert done.status == ENDED
    assert [e.name for e in await all_executions(rd, channel=channel)] == [execution.name]
    listed = await messages(rd, channel)
    question = next(m.index for m in listed if m.body == "Anything else?")
    first_after = next(m for m in listed if m.index > question and m.direction == INBOUND)
    assert first_after.body in sent
    assert variables(done) == {"profile": {"tier": "gold"}, "more": first_after.body}
    assert sum(m.direction == INBOUND for m in listed) == 18
    assert len(await all_tasks(rd)) == 1


# -- events -----------------------------------------------------------------------------


async def test_execution_events_reach_admins_and_agents_while_members(
    harness_factory: HarnessFactory,
) -> None:
    harness = await harness_factory(heartbeat_interval=dt.timedelta(milliseconds=50))
    rd = harness.client
    asker = await running_on_sms(
        rd,
        ask("one", "First question?", "two"),
        ask("two", "Second question?", "bye"),
        end("bye"),
    )
    first = await customer_writes(rd, "hi")
    joined = await add_member(rd, first.channel, AGENT)
    await customer_writes(rd, "answer one")
    await rd.channels.RemoveMember(channels_pb.RemoveMemberRequest(name=joined.name))
    await customer_writes(rd, "answer two")
    head = harness.running.streams.bus.head

    watched = [*EXECUTION_EVENTS, MEMBER_JOINED, MEMBER_LEFT]
    admin_stream = subscribe(rd, after_sequence=0, types=watched)
    everything = await events_until_idle(admin_stream, head)
    admin_stream.cancel()
    seen = [
        (e.type, e.execution.status, e.execution.current_state)
        for e in everything
        if e.type in EXECUTION_EVENTS
    ]
    assert seen[0] == (CREATED_EVENT, RUNNING, "one")
    assert seen[-1] == (UPDATED_EVENT, ENDED, "bye")
    assert (UPDATED_EVENT, RUNNING, "two") in seen
    assert {e.execution.name for e in everything if e.type in EXECUTION_EVENTS} == {
        (await only_execution(rd, first.channel)).name
    }
    assert all(e.execution.bot == asker.name for e in everything if e.type in EXECUTION_EVENTS)

    # The agent sees them while it is a member of the conversation, not before nor after.
    alice_in = next(
        e.sequence for e in everything if e.type == MEMBER_JOINED and e.member.identity == AGENT
    )
    alice_out = next(
        e.sequence for e in everything if e.type == MEMBER_LEFT and e.member.identity == AGENT
    )
    expected = [
        e.sequence
        for e in everything
        if e.type in EXECUTION_EVENTS and alice_in < e.sequence < alice_out
    ]
    assert expected  # the reply moved it while the agent was there
    agent = harness.connect(await access_token(rd, AGENT, common_pb2.ROLE_AGENT))
    try:
        agent_stream = subscribe(agent, after_sequence=0, types=EXECUTION_EVENTS)
        agent_seen = await events_until_idle(agent_stream, head)
        agent_stream.cancel()
    finally:
        await agent.close()
    assert [e.sequence for e in agent_seen] == expected
    assert all(e.execution.current_state == "two" for e in agent_seen)


# -- operators: ending executions, deleting bots ------------------------------------------


async def test_end_execution_frees_the_conversation_and_then_the_bot_can_be_deleted(
    harness: Harness,
) -> None:
    rd = harness.client
    asker = await new_bot(rd, bot("asker", ask("ask", "Yes?", "bye"), end("bye")))
    flow = await create_flow(rd, bot_flow(asker.name, CONTACT))
    first = await customer_writes(rd, "hi")
    execution = await only_execution(rd, first.channel)
    assert await all_executions(rd, parent=asker.name) == [execution]
    assert await all_executions(rd, parent="bots/-", status=RUNNING) == [execution]
    assert await all_executions(rd, status=ENDED) == []

    # The flow now runs another bot; the running execution still holds this one.
    other = await new_bot(rd, bot("other", end("bye")))
    await rd.flows.UpdateFlow(
        flows_pb.UpdateFlowRequest(
            flow=flow_pb2.Flow(name=flow.name, bot=flow_pb2.BotIntegration(bot=other.name)),
            update_mask=field_mask_pb2.FieldMask(paths=["bot.bot"]),
        )
    )
    delete = pb.DeleteBotRequest(name=asker.name)
    error = await expect_error(rd.bots.DeleteBot(delete), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "BOT_RUNNING"
    assert detail(error, error_details_pb2.PreconditionFailure).violations[0].subject == (
        execution.name
    )

    harness.clock.advance(dt.timedelta(seconds=5))
    ended = (
        await rd.bots.EndExecution(pb.EndExecutionRequest(name=execution.name, reason="stuck"))
    ).execution
    assert (ended.status, ended.reason, ended.current_state) == (ENDED, "stuck", "ask")
    assert ended.update_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert await get_execution(rd, execution.name) == ended
    assert asker.name not in await members(rd, first.channel)
    assert (await get_channel(rd, first.channel)).state == ACTIVE
    error = await expect_error(
        rd.bots.EndExecution(pb.EndExecutionRequest(name=execution.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "ILLEGAL_TRANSITION"

    await rd.bots.DeleteBot(delete)
    await expect_error(get_execution(rd, execution.name), grpc.StatusCode.NOT_FOUND)
    assert await all_executions(rd, channel=first.channel) == []


# -- after the agent: a survey ----------------------------------------------------------


def survey(timeout: int = 3600, *, close_channel: bool = False) -> bot_pb2.Bot:
    return bot(
        "survey",
        set_vars("start", "rate", survey="csat"),
        ask("rate", "How did we do, 1 to 5?", "thanks", save_as="rating", timeout=timeout),
        say("thanks", "Thanks for your {{ vars.rating }}!", "bye"),
        end("bye", close_channel=close_channel),
    )


async def conversation_with_an_agent(rd: Client, survey_bot: str) -> tuple[str, str, str]:
    """A customer's conversation on a task flow with `survey_bot` after its task, its task
    accepted by AGENT; returns the channel, the session and the task."""
    await create_flow(rd, survey_flow(survey_bot, CONTACT))
    alice = await available_agent(rd)
    first = await customer_writes(rd, "my order is late")
    [task] = await all_tasks(rd)
    await assign(rd, task.name, alice)
    assert AGENT in await members(rd, first.channel)
    return first.channel, first.session, task.name


@pytest.mark.parametrize("close_channel", [False, True], ids=["end", "end closing the channel"])
async def test_a_survey_after_the_task_lands_its_answer_on_the_task_then_the_conversation_closes(
    harness: Harness, close_channel: bool
) -> None:
    rd = harness.client
    surveyor = await new_bot(rd, survey(close_channel=close_channel))
    stream = open_outbound(rd, SMS)
    channel, session, task = await conversation_with_an_agent(rd, surveyor.name)

    await complete(rd, task)
    assert await bot_says(rd, stream) == "How did we do, 1 to 5?"
    present = await members(rd, channel)
    assert AGENT not in present
    assert present[surveyor.name].role == BOT_ROLE
    conversation = await get_channel(rd, channel)
    assert (conversation.state, conversation.task) == (ACTIVE, "")
    execution = await only_execution(rd, channel)
    assert (execution.bot, execution.status, execution.current_state) == (
        surveyor.name,
        RUNNING,
        "rate",
    )
    assert (await get_task(rd, task)).status == task_pb2.TASK_STATUS_COMPLETED

    await customer_writes(rd, "5")
    assert await bot_says(rd, stream) == "Thanks for your 5!"
    execution = await get_execution(rd, execution.name)
    assert execution.status == ENDED
    assert outcomes(execution) == [
        ("start", "set"),
        ("rate", "replied"),
        ("thanks", "sent"),
        ("bye", "ended"),
    ]
    assert attributes(await get_task(rd, task))["after_task"] == {
        "survey": "csat",
        "rating": "5",
    }
    assert (await get_channel(rd, channel)).state == INACTIVE
    assert (await get_session(rd, session)).status == CLOSED
    assert surveyor.name not in await members(rd, channel)
    stream.cancel()


async def test_a_customer_who_never_answers_the_survey_is_closed_by_its_timeout(
    harness: Harness,
) -> None:
    rd = harness.client
    surveyor = await new_bot(rd, survey(timeout=600))
    channel, session, task = await conversation_with_an_agent(rd, surveyor.name)
    await complete(rd, task)
    await tick(harness, dt.timedelta(seconds=599))
    assert (await get_channel(rd, channel)).state == ACTIVE
    await tick(harness, dt.timedelta(seconds=1))
    execution = await only_execution(rd, channel)
    assert execution.status == ENDED
    assert execution.reason.startswith("no reply within ")
    assert attributes(await get_task(rd, task))["after_task"] == {"survey": "csat"}
    assert (await get_channel(rd, channel)).state == INACTIVE
    assert (await get_session(rd, session)).status == CLOSED


async def test_a_canceled_task_does_not_start_the_survey(harness: Harness) -> None:
    rd = harness.client
    surveyor = await new_bot(rd, survey())
    await create_flow(rd, survey_flow(surveyor.name, CONTACT))
    first = await customer_writes(rd, "hello")
    [task] = await all_tasks(rd)
    await rd.tasks.CancelTask(tasks_pb.CancelTaskRequest(name=task.name, reason="spam"))
    assert await all_executions(rd) == []
    assert (await get_channel(rd, first.channel)).state == INACTIVE
    assert "after_task" not in attributes(await get_task(rd, task.name))


# -- more ways in and out ---------------------------------------------------------------


async def test_closing_the_channel_ends_the_execution_and_the_bot_leaves(harness: Harness) -> None:
    rd = harness.client
    asker = await running_on_sms(rd, ask("ask", "Yes?", "bye", timeout=60), end("bye"))
    first = await customer_writes(rd, "hi")
    await rd.channels.CloseChannel(channels_pb.CloseChannelRequest(name=first.channel))
    execution = await only_execution(rd, first.channel)
    assert execution.status == ENDED
    assert execution.reason.startswith("the conversation was closed")
    assert (await get_session(rd, first.session)).status == CLOSED
    # Its reply timer went with it: the timeout changes nothing.
    await tick(harness, dt.timedelta(seconds=60))
    assert await get_execution(rd, execution.name) == execution
    assert asker.name not in await members(rd, first.channel)


async def test_a_web_chat_bot_sees_the_pre_engagement_and_hands_it_over(harness: Harness) -> None:
    rd = harness.client
    topic = "{{ channel.attributes.pre_engagement.topic }}"
    helper = await new_bot(
        rd,
        bot(
            "web",
            split(
                "route",
                "bye",
                ("channel.attributes.pre_engagement.topic == 'billing'", "greet"),
            ),
            say("greet", "Hi! A {{ channel.channel_type }} billing question?", "handover"),
            to_agent("handover", attributes={"topic": topic}),
            end("bye"),
        ),
    )
    flow = await create_flow(
        rd,
        flow_pb2.Flow(
            display_name="widget",
            channel_type=common_pb2.CHANNEL_TYPE_WEB,
            contact_identity="site-widget",
            enabled=True,
            bot=flow_pb2.BotIntegration(bot=helper.name),
        ),
    )
    request = engagements_pb.StartWebchatRequest(flow=flow.name, identity="v1", display_name="Ann")
    request.pre_engagement.update({"topic": "billing"})
    started = await rd.engagements.StartWebchat(request)
    channel = started.channel.name
    visitor = harness.connect(started.customer_token)
    try:
        await visitor.channels.SendMessage(
            channels_pb.SendMessageRequest(parent=channel, body="my bill is wrong")
        )
        seen = transcript(await messages(visitor, channel))
    finally:
        await visitor.close()
    assert seen == [
        ("v1", INBOUND, "my bill is wrong"),
        (helper.name, OUTBOUND, "Hi! A CHANNEL_TYPE_WEB billing question?"),
    ]
    [task] = await all_tasks(rd)
    execution = await only_execution(rd, channel)
    assert (execution.status, execution.reason) == (ENDED, f"handed to an agent: {task.name}")
    assert attributes(task) == {
        "channel": channel,
        "channel_type": "CHANNEL_TYPE_WEB",
        "customer_address": "v1",
        "display_name": "Ann",
        "pre_engagement": {"topic": "billing"},
        "vars": {},
        "topic": "billing",
    }


async def test_step_outputs_are_what_the_contract_documents(
    harness: Harness, http_service: HttpService
) -> None:
    """bot.proto: send_message gives `steps.<state>.message` (the sent message's name),
    wait_for_reply `steps.<state>.body` and `.message` (the reply's text and name), and
    http_request `steps.<state>.status_code` and `.body`."""
    rd = harness.client
    http_service.answer("GET", "/order", HttpReply.json({"state": "packed"}, status=201))
    await running_on_sms(
        rd,
        say("greet", "Hello!", "ask"),
        ask("ask", "Your order?", "lookup"),
        call("lookup", http_service.url("/order"), "report"),
        say(
            "report",
            "{{ steps.greet.message }}|{{ steps.ask.body }}|{{ steps.ask.message }}"
            "|{{ steps.lookup.status_code }}|{{ steps.lookup.body.state }}",
            "bye",
        ),
        end("bye"),
    )
    first = await customer_writes(rd, "hi")
    reply = await customer_writes(rd, "A-17")
    execution = await execution_reaching(rd, first.channel, stopped)
    listed = await messages(rd, first.channel)
    greeting = next(m for m in listed if m.body == "Hello!")
    assert listed[-1].body == f"{greeting.name}|A-17|{reply.message.name}|201|packed"
    assert outcomes(execution)[3] == ("report", "sent")  # no expression failed
