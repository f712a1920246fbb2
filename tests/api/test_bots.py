"""BotService end to end: bots' CRUD, their validation (every rule with the exact path of the
offender), and the flows that run them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import bot_pb2, flow_pb2, flow_service_pb2, workforce_service_pb2
from relaydesk.v1 import bot_service_pb2 as pb
from tests.support import (
    Harness,
    bot_flow,
    create_flow,
    default_workflow,
    detail,
    expect_error,
    greeter_bot,
    new_bot,
    reason,
    survey_flow,
    task_flow,
    violated_fields,
)

MISSING_BOT = "bots/BT" + "f" * 32
MISSING_WORKFLOW = "workflows/WW" + "f" * 32
D = "bot.definition"


def seconds(value: int, nanos: int = 0) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=value, nanos=nanos)


def order_bot(workflow: str) -> bot_pb2.Bot:
    """A bot using every kind of step, with every field set as it reads back."""
    return bot_pb2.Bot(
        display_name="orders",
        definition=bot_pb2.BotDefinition(
            initial_state="greet",
            states=[
                bot_pb2.BotState(
                    name="greet",
                    send_message=bot_pb2.SendMessageStep(
                        body="Hi {{ trigger.message.author }}! I can look up your order.",
                        next="ask",
                    ),
                ),
                bot_pb2.BotState(
                    name="ask",
                    wait_for_reply=bot_pb2.WaitForReplyStep(
                        body="What is your order number?",
                        timeout=seconds(300),
                        save_as="order",
                        next="remember",
                        on_timeout="bye",
                    ),
                ),
                bot_pb2.BotState(
                    name="remember",
                    set_variables=bot_pb2.SetVariablesStep(
                        values={
                            "order": "{{ vars.order.trim() }}",
                            "tier": "{{ channel.attributes.tier }}",
                        },
                        next="route",
                    ),
                ),
                bot_pb2.BotState(
                    name="route",
                    split=bot_pb2.SplitStep(
                        cases=[
                            bot_pb2.SplitCase(
                                condition="trigger.message.body.lowerAscii() == 'agent'",
                                next="handover",
                            ),
                            bot_pb2.SplitCase(condition="size(vars.order) > 0", next="lookup"),
                        ],
                        default_next="handover",
                    ),
                ),
                bot_pb2.BotState(
                    name="lookup",
                    http_request=bot_pb2.HttpRequestStep(
                        method="POST",
                        url="https://orders.example.com/orders/{{ vars.order }}",
                        body='{"order": "{{ vars.order }}", "in": "{{ trigger.message.channel }}"}',
                        save_as="status",
                        next="handover",
                        on_failure="handover",
                    ),
                ),
                bot_pb2.BotState(
                    name="handover",
                    send_to_agent=bot_pb2.SendToAgentStep(
                        workflow=workflow,
                        task_channel="chat",
                        priority=2,
                        attributes={"topic": "order {{ vars.order }}", "tier": "{{ vars.tier }}"},
                    ),
                ),
                bot_pb2.BotState(name="bye", end=bot_pb2.EndStep(close_channel=True)),
            ],
        ),
    )


async def create(rd: Client, bot: bot_pb2.Bot, **fields: str) -> bot_pb2.Bot:
    return (await rd.bots.CreateBot(pb.CreateBotRequest(bot=bot, **fields))).bot


async def get(rd: Client, name: str) -> bot_pb2.Bot:
    return (await rd.bots.GetBot(pb.GetBotRequest(name=name))).bot


async def update(rd: Client, bot: bot_pb2.Bot, *paths: str) -> bot_pb2.Bot:
    request = pb.UpdateBotRequest(bot=bot)
    if paths:
        request.update_mask.CopyFrom(field_mask_pb2.FieldMask(paths=list(paths)))
    return (await rd.bots.UpdateBot(request)).bot


# -- CRUD -----------------------------------------------------------------------------


async def test_a_bot_with_every_step_kind_round_trips_exactly(rd: Client, harness: Harness) -> None:
    sent = order_bot(default_workflow())
    created = await create(rd, sent)
    assert created.name.startswith("bots/BT")
    assert len(created.name) == len("bots/") + 34
    assert created.etag
    assert created.create_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert created.update_time == created.create_time
    assert created.display_name == sent.display_name
    assert created.definition == sent.definition
    assert await get(rd, created.name) == created


async def test_documented_defaults_are_filled_in(rd: Client) -> None:
    bot = order_bot(default_workflow())
    states = bot.definition.states
    states[1].wait_for_reply.ClearField("timeout")
    states[4].http_request.method = "patch"
    states[5].send_to_agent.task_channel = ""
    created = await create(rd, bot)
    states = created.definition.states
    assert states[1].wait_for_reply.timeout.ToTimedelta() == dt.timedelta(hours=1)
    assert states[4].http_request.method == "PATCH"  # upper-cased on the way in
    assert states[5].send_to_agent.task_channel == "chat"
    states[4].http_request.method = ""
    updated = await update(rd, bot_pb2.Bot(name=created.name, definition=created.definition))
    assert updated.definition.states[4].http_request.method == "GET"


async def test_get_unknown_or_malformed_names(rd: Client) -> None:
    error = await expect_error(get(rd, MISSING_BOT), grpc.StatusCode.NOT_FOUND)
    info = detail(error, error_details_pb2.ResourceInfo)
    assert (info.resource_type, info.resource_name) == ("relaydesk.v1.Bot", MISSING_BOT)
    assert reason(error) == "BOT_NOT_FOUND"
    for name in ("", "bots/", "bots/BT123", "flows/BT" + "0" * 32, "bots/FO" + "0" * 32):
        error = await expect_error(get(rd, name), grpc.StatusCode.INVALID_ARGUMENT)
        assert violated_fields(error) == {"name"}


async def test_list_pages_oldest_first(rd: Client) -> None:
    names = [(await new_bot(rd, greeter_bot(f"bot {i}"))).name for i in range(5)]
    listed: list[str] = []
    token = ""
    pages = 0
    while True:
        page = await rd.bots.ListBots(pb.ListBotsRequest(page_size=2, page_token=token))
        listed += [bot.name for bot in page.bots]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert listed == names
    assert pages == 3
    everything = await rd.bots.ListBots(pb.ListBotsRequest())
    assert [bot.display_name for bot in everything.bots] == [f"bot {i}" for i in range(5)]
    error = await expect_error(
        rd.bots.ListBots(pb.ListBotsRequest(page_size=-1)), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"page_size"}


async def test_create_is_idempotent_by_request_id(rd: Client) -> None:
    first = await create(rd, greeter_bot(), request_id="make-greeter")
    again = await create(rd, greeter_bot(), request_id="make-greeter")
    assert again == first
    assert len((await rd.bots.ListBots(pb.ListBotsRequest())).bots) == 1
    error = await expect_error(
        create(rd, greeter_bot("other"), request_id="make-greeter"),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"request_id"}


async def test_update_with_a_mask_changes_only_the_named_fields(
    rd: Client, harness: Harness
) -> None:
    created = await new_bot(rd)
    harness.clock.advance(dt.timedelta(seconds=5))
    replacement = order_bot(default_workflow()).definition
    renamed = await update(
        rd,
        bot_pb2.Bot(name=created.name, display_name="renamed", definition=replacement),
        "display_name",
    )
    assert renamed.display_name == "renamed"
    assert renamed.definition == created.definition
    assert renamed.etag != created.etag
    assert renamed.update_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert renamed.create_time == created.create_time

    # The definition is replaced whole.
    redefined = await update(
        rd, bot_pb2.Bot(name=created.name, definition=replacement, etag=renamed.etag), "definition"
    )
    assert redefined.definition == replacement
    assert redefined.display_name == "renamed"
    assert await get(rd, created.name) == redefined

    # Without a mask, the populated fields.
    relabeled = await update(rd, bot_pb2.Bot(name=created.name, display_name="again"))
    assert relabeled.display_name == "again"
    assert relabeled.definition == replacement


async def test_update_refusals_change_nothing(rd: Client) -> None:
    created = await new_bot(rd)
    stale = await update(rd, bot_pb2.Bot(name=created.name, display_name="v2"))
    error = await expect_error(
        update(rd, bot_pb2.Bot(name=created.name, display_name="v3", etag=created.etag)),
        grpc.StatusCode.ABORTED,
    )
    assert reason(error) == "ETAG_MISMATCH"
    broken = greeter_bot().definition
    broken.initial_state = "nowhere"
    error = await expect_error(
        update(rd, bot_pb2.Bot(name=created.name, definition=broken), "definition"),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"bot.definition.initial_state"}
    for paths, field in (
        (["etag"], "update_mask.paths[0]"),
        (["display_name", "definition.initial_state"], "update_mask.paths[1]"),
    ):
        error = await expect_error(
            update(rd, bot_pb2.Bot(name=created.name, display_name="x"), *paths),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {field}
    assert await get(rd, created.name) == stale
    await expect_error(
        update(rd, bot_pb2.Bot(name=MISSING_BOT, display_name="x")), grpc.StatusCode.NOT_FOUND
    )
    error = await expect_error(
        update(rd, bot_pb2.Bot(display_name="x")), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"bot.name"}


async def test_delete(rd: Client) -> None:
    created = await new_bot(rd)
    await rd.bots.DeleteBot(pb.DeleteBotRequest(name=created.name))
    await expect_error(get(rd, created.name), grpc.StatusCode.NOT_FOUND)
    await expect_error(
        rd.bots.DeleteBot(pb.DeleteBotRequest(name=created.name)), grpc.StatusCode.NOT_FOUND
    )
    error = await expect_error(
        rd.bots.DeleteBot(pb.DeleteBotRequest()), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"name"}


# -- validation ---------------------------------------------------------------------------

Edit = Callable[[bot_pb2.Bot], None]


def states(bot: bot_pb2.Bot) -> list[bot_pb2.BotState]:
    return list(bot.definition.states)


def add_state(**fields: object) -> Edit:
    return lambda bot: bot.definition.states.append(bot_pb2.BotState(**fields))  # type: ignore[arg-type]


def set_initial(value: str) -> Edit:
    return lambda bot: setattr(bot.definition, "initial_state", value)


def no_states(bot: bot_pb2.Bot) -> None:
    del bot.definition.states[:]


def edit_step(index: int, kind: str, **fields: object) -> Edit:
    def apply(bot: bot_pb2.Bot) -> None:
        step = getattr(bot.definition.states[index], kind)
        for field, value in fields.items():
            if isinstance(value, duration_pb2.Duration):
                getattr(step, field).CopyFrom(value)
            elif isinstance(value, dict):
                getattr(step, field).clear()
                getattr(step, field).update(value)
            else:
                setattr(step, field, value)

    return apply


def edit_case(case: int, **fields: str) -> Edit:
    def apply(bot: bot_pb2.Bot) -> None:
        for field, value in fields.items():
            setattr(bot.definition.states[3].split.cases[case], field, value)

    return apply


INVALID: list[tuple[str, Edit, set[str]]] = [
    ("no initial state", set_initial(""), {f"{D}.initial_state"}),
    ("initial state names no state", set_initial("welcome"), {f"{D}.initial_state"}),
    ("no states", no_states, {f"{D}.states", f"{D}.initial_state"}),
    ("state without a name", add_state(end=bot_pb2.EndStep()), {f"{D}.states[7].name"}),
    (
        "duplicate state name",
        add_state(name="greet", end=bot_pb2.EndStep()),
        {f"{D}.states[7].name"},
    ),
    (
        "state name of 257",
        add_state(name="s" * 257, end=bot_pb2.EndStep()),
        {f"{D}.states[7].name"},
    ),
    (
        "state name not an identifier",
        add_state(name="ask-again", end=bot_pb2.EndStep()),
        {f"{D}.states[7].name"},
    ),
    ("state without a step", add_state(name="lonely"), {f"{D}.states[7]"}),
    # send_message
    (
        "send_message without body",
        edit_step(0, "send_message", body=""),
        {f"{D}.states[0].send_message.body"},
    ),
    (
        "send_message with an unclosed hole",
        edit_step(0, "send_message", body="Hi {{ vars.name"),
        {f"{D}.states[0].send_message.body"},
    ),
    (
        "send_message with a hole that does not compile",
        edit_step(0, "send_message", body="Hi {{ vars.name + }}"),
        {f"{D}.states[0].send_message.body"},
    ),
    (
        "send_message without next",
        edit_step(0, "send_message", next=""),
        {f"{D}.states[0].send_message.next"},
    ),
    (
        "send_message next names no state",
        edit_step(0, "send_message", next="nowhere"),
        {f"{D}.states[0].send_message.next"},
    ),
    # wait_for_reply
    (
        "wait_for_reply timeout of 0",
        edit_step(1, "wait_for_reply", timeout=seconds(0)),
        {f"{D}.states[1].wait_for_reply.timeout"},
    ),
    (
        "wait_for_reply timeout below 1 s",
        edit_step(1, "wait_for_reply", timeout=seconds(0, 999_000_000)),
        {f"{D}.states[1].wait_for_reply.timeout"},
    ),
    (
        "wait_for_reply timeout above 7 d",
        edit_step(1, "wait_for_reply", timeout=seconds(7 * 86400 + 1)),
        {f"{D}.states[1].wait_for_reply.timeout"},
    ),
    (
        "wait_for_reply negative timeout",
        edit_step(1, "wait_for_reply", timeout=seconds(-60)),
        {f"{D}.states[1].wait_for_reply.timeout"},
    ),
    (
        "wait_for_reply timeout with mixed signs",
        edit_step(1, "wait_for_reply", timeout=seconds(60, -5)),
        {f"{D}.states[1].wait_for_reply.timeout"},
    ),
    (
        "wait_for_reply body that does not compile",
        edit_step(1, "wait_for_reply", body="{{ ) }}"),
        {f"{D}.states[1].wait_for_reply.body"},
    ),
    (
        "wait_for_reply save_as not an identifier",
        edit_step(1, "wait_for_reply", save_as="1st"),
        {f"{D}.states[1].wait_for_reply.save_as"},
    ),
    (
        "wait_for_reply without next",
        edit_step(1, "wait_for_reply", next=""),
        {f"{D}.states[1].wait_for_reply.next"},
    ),
    (
        "wait_for_reply on_timeout names no state",
        edit_step(1, "wait_for_reply", on_timeout="later"),
        {f"{D}.states[1].wait_for_reply.on_timeout"},
    ),
    # set_variables
    (
        "set_variables without values",
        edit_step(2, "set_variables", values={}),
        {f"{D}.states[2].set_variables.values"},
    ),
    (
        "set_variables value that does not compile",
        edit_step(2, "set_variables", values={"order": "{{ vars.order.( }}", "ok": "x"}),
        {f"{D}.states[2].set_variables.values[order]"},
    ),
    (
        "set_variables key not an identifier",
        edit_step(2, "set_variables", values={"order-id": "x"}),
        {f"{D}.states[2].set_variables.values[order-id]"},
    ),
    (
        "set_variables next names no state",
        edit_step(2, "set_variables", next="Route"),
        {f"{D}.states[2].set_variables.next"},
    ),
    # split
    (
        "split condition that does not compile",
        edit_case(1, condition="size(vars.order) >"),
        {f"{D}.states[3].split.cases[1].condition"},
    ),
    (
        "split condition empty",
        edit_case(0, condition="  "),
        {f"{D}.states[3].split.cases[0].condition"},
    ),
    (
        "split case without next",
        edit_case(1, next=""),
        {f"{D}.states[3].split.cases[1].next"},
    ),
    (
        "split case next names no state",
        edit_case(0, next="agent"),
        {f"{D}.states[3].split.cases[0].next"},
    ),
    (
        "split without default_next",
        edit_step(3, "split", default_next=""),
        {f"{D}.states[3].split.default_next"},
    ),
    # http_request
    (
        "http_request unknown method",
        edit_step(4, "http_request", method="FETCH"),
        {f"{D}.states[4].http_request.method"},
    ),
    (
        "http_request without url",
        edit_step(4, "http_request", url=""),
        {f"{D}.states[4].http_request.url"},
    ),
    (
        "http_request url not http",
        edit_step(4, "http_request", url="ftp://orders.example.com/all"),
        {f"{D}.states[4].http_request.url"},
    ),
    (
        "http_request url that does not compile",
        edit_step(4, "http_request", url="https://x.example.com/{{ vars.order"),
        {f"{D}.states[4].http_request.url"},
    ),
    (
        "http_request body that does not compile",
        edit_step(4, "http_request", body="{{ * }}"),
        {f"{D}.states[4].http_request.body"},
    ),
    (
        "http_request save_as not an identifier",
        edit_step(4, "http_request", save_as="vars.status"),
        {f"{D}.states[4].http_request.save_as"},
    ),
    (
        "http_request without next",
        edit_step(4, "http_request", next=""),
        {f"{D}.states[4].http_request.next"},
    ),
    (
        "http_request on_failure names no state",
        edit_step(4, "http_request", on_failure="oops"),
        {f"{D}.states[4].http_request.on_failure"},
    ),
    # send_to_agent
    (
        "send_to_agent without workflow",
        edit_step(5, "send_to_agent", workflow=""),
        {f"{D}.states[5].send_to_agent.workflow"},
    ),
    (
        "send_to_agent workflow not a name",
        edit_step(5, "send_to_agent", workflow="support"),
        {f"{D}.states[5].send_to_agent.workflow"},
    ),
    (
        "send_to_agent bad task channel",
        edit_step(5, "send_to_agent", task_channel="Chat Channel"),
        {f"{D}.states[5].send_to_agent.task_channel"},
    ),
    (
        "send_to_agent negative priority",
        edit_step(5, "send_to_agent", priority=-1),
        {f"{D}.states[5].send_to_agent.priority"},
    ),
    (
        "send_to_agent attribute that does not compile",
        edit_step(5, "send_to_agent", attributes={"topic": "{{ }}"}),
        {f"{D}.states[5].send_to_agent.attributes[topic]"},
    ),
    # the bot as a whole
    (
        "display name of 257",
        lambda bot: setattr(bot, "display_name", "é" * 257),
        {"bot.display_name"},
    ),
    (
        "definition over 64 KiB",
        edit_step(0, "send_message", body="x" * (64 * 1024)),
        {D},
    ),
]


@pytest.mark.parametrize(("edit", "fields"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
async def test_each_rule_names_exactly_its_offender(
    rd: Client, edit: Edit, fields: set[str]
) -> None:
    bot = order_bot(default_workflow())
    edit(bot)
    error = await expect_error(create(rd, bot), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == fields
    # The same rules guard updates.
    created = await new_bot(rd)
    error = await expect_error(
        update(
            rd,
            bot_pb2.Bot(
                name=created.name, display_name=bot.display_name, definition=bot.definition
            ),
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == fields
    assert [b.name for b in (await rd.bots.ListBots(pb.ListBotsRequest())).bots] == [created.name]


async def test_every_offender_is_reported_at_once(rd: Client) -> None:
    bot = order_bot(default_workflow())
    edit_step(0, "send_message", next="nowhere")(bot)
    edit_case(1, condition="((")(bot)
    edit_step(1, "wait_for_reply", timeout=seconds(8 * 86400))(bot)
    error = await expect_error(create(rd, bot), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {
        f"{D}.states[0].send_message.next",
        f"{D}.states[1].wait_for_reply.timeout",
        f"{D}.states[3].split.cases[1].condition",
    }
    violation = next(
        v
        for v in detail(error, error_details_pb2.BadRequest).field_violations
        if v.field.endswith("condition")
    )
    assert "Syntax error" in violation.description  # the compiler's own message


async def test_send_to_agent_needs_an_existing_workflow(rd: Client) -> None:
    error = await expect_error(
        create(rd, order_bot(MISSING_WORKFLOW)), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert reason(error) == "WORKFLOW_NOT_FOUND"
    violation = detail(error, error_details_pb2.PreconditionFailure).violations[0]
    assert violation.subject == MISSING_WORKFLOW
    created = await new_bot(rd)
    error = await expect_error(
        update(
            rd, bot_pb2.Bot(name=created.name, definition=order_bot(MISSING_WORKFLOW).definition)
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "WORKFLOW_NOT_FOUND"
    assert await get(rd, created.name) == created


async def test_a_workflow_a_bot_hands_over_with_cannot_be_deleted(rd: Client) -> None:
    queue = (
        await rd.workforce.ListWorkflows(workforce_service_pb2.ListWorkflowsRequest())
    ).workflows[0]
    bot = await create(rd, order_bot(queue.name))
    error = await expect_error(
        rd.workforce.DeleteWorkflow(workforce_service_pb2.DeleteWorkflowRequest(name=queue.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "WORKFLOW_IN_USE"
    assert bot.name in error.details()
    await rd.bots.DeleteBot(pb.DeleteBotRequest(name=bot.name))
    await rd.workforce.DeleteWorkflow(workforce_service_pb2.DeleteWorkflowRequest(name=queue.name))


# -- flows that run bots ------------------------------------------------------------------


async def test_flows_can_run_an_existing_bot(rd: Client) -> None:
    bot = await new_bot(rd)
    runs = await create_flow(rd, bot_flow(bot.name))
    assert runs.bot.bot == bot.name
    survey = await create_flow(rd, survey_flow(bot.name))
    assert survey.task.after_task_bot == bot.name
    assert survey.task.workflow == default_workflow()
    got = await rd.flows.GetFlow(flow_service_pb2.GetFlowRequest(name=survey.name))
    assert got.flow == survey
    # after_task_bot is its own updatable field: cleared, and set again.
    cleared = await rd.flows.UpdateFlow(
        flow_service_pb2.UpdateFlowRequest(
            flow=flow_pb2.Flow(name=survey.name, task=flow_pb2.TaskIntegration()),
            update_mask=field_mask_pb2.FieldMask(paths=["task.after_task_bot"]),
        )
    )
    assert cleared.flow.task.after_task_bot == ""
    assert cleared.flow.task.workflow == default_workflow()
    error = await expect_error(
        rd.flows.UpdateFlow(
            flow_service_pb2.UpdateFlowRequest(
                flow=flow_pb2.Flow(
                    name=survey.name, task=flow_pb2.TaskIntegration(after_task_bot=MISSING_BOT)
                ),
                update_mask=field_mask_pb2.FieldMask(paths=["task.after_task_bot"]),
            )
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "BOT_NOT_FOUND"
    other = await new_bot(rd, greeter_bot("survey"))
    again = await rd.flows.UpdateFlow(
        flow_service_pb2.UpdateFlowRequest(
            flow=flow_pb2.Flow(
                name=survey.name, task=flow_pb2.TaskIntegration(after_task_bot=other.name)
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["task.after_task_bot"]),
        )
    )
    assert again.flow.task.after_task_bot == other.name


async def test_flows_naming_a_missing_bot_are_refused(rd: Client) -> None:
    for flow in (bot_flow(MISSING_BOT), survey_flow(MISSING_BOT)):
        error = await expect_error(create_flow(rd, flow), grpc.StatusCode.FAILED_PRECONDITION)
        assert reason(error) == "BOT_NOT_FOUND"
    error = await expect_error(
        create_flow(rd, survey_flow("surveys/1")), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert violated_fields(error) == {"flow.task.after_task_bot"}


async def test_a_bot_a_flow_runs_cannot_be_deleted_until_the_flows_go(rd: Client) -> None:
    bot = await new_bot(rd)
    runs = await create_flow(rd, bot_flow(bot.name))
    survey = await create_flow(rd, survey_flow(bot.name))
    unrelated = await create_flow(rd, task_flow("+15550300"))
    delete = pb.DeleteBotRequest(name=bot.name)

    error = await expect_error(rd.bots.DeleteBot(delete), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "BOT_IN_USE"
    violations = detail(error, error_details_pb2.PreconditionFailure).violations
    assert [v.subject for v in violations] == [runs.name, survey.name]
    assert unrelated.name not in error.details()

    await rd.flows.DeleteFlow(flow_service_pb2.DeleteFlowRequest(name=runs.name))
    error = await expect_error(rd.bots.DeleteBot(delete), grpc.StatusCode.FAILED_PRECONDITION)
    assert reason(error) == "BOT_IN_USE"
    assert [v.subject for v in detail(error, error_details_pb2.PreconditionFailure).violations] == [
        survey.name
    ]
    assert (await get(rd, bot.name)).name == bot.name

    await rd.flows.DeleteFlow(flow_service_pb2.DeleteFlowRequest(name=survey.name))
    await rd.bots.DeleteBot(delete)
    await expect_error(get(rd, bot.name), grpc.StatusCode.NOT_FOUND)
