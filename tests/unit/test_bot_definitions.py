"""Bot definitions without a server: the JSON form storage keeps (bots and executions), and
`validate_definition` called directly by the domain's other callers."""

from __future__ import annotations

import datetime as dt

from relaydesk_server.domain.bots import validate_definition
from relaydesk_server.domain.bots_model import (
    BotDefinition,
    BotState,
    EndStep,
    HttpRequestStep,
    SendMessageStep,
    SendToAgentStep,
    SetVariablesStep,
    SplitCase,
    SplitStep,
    WaitForReplyStep,
)
from relaydesk_server.storage.bots_repo import definition_from_json, definition_to_json

WORKFLOW = "workflows/WW" + "0" * 32

EVERY_STEP = BotDefinition(
    initial_state="hello",
    states=(
        BotState("hello", SendMessageStep(body="Hi {{ vars.name }}", next="ask")),
        BotState(
            "ask",
            WaitForReplyStep(
                timeout=dt.timedelta(minutes=5, microseconds=7),
                next="vars",
                body="Order?",
                save_as="order",
                on_timeout="bye",
            ),
        ),
        BotState("vars", SetVariablesStep(values={"a": "{{ 1 }}", "b": ""}, next="route")),
        BotState(
            "route",
            SplitStep(cases=(SplitCase("vars.a == '1'", "call"),), default_next="agent"),
        ),
        BotState(
            "call",
            HttpRequestStep(
                method="PUT",
                url="https://x.example.com/{{ vars.order }}",
                next="agent",
                body="{}",
                save_as="answer",
                on_failure="bye",
            ),
        ),
        BotState(
            "agent",
            SendToAgentStep(
                workflow=WORKFLOW, task_channel="voice", priority=3, attributes={"k": "v"}
            ),
        ),
        BotState("bye", EndStep(close_channel=True)),
    ),
)


def test_json_round_trip_keeps_every_step() -> None:
    text = definition_to_json(EVERY_STEP)
    assert definition_from_json(text) == EVERY_STEP
    assert definition_to_json(definition_from_json(text)) == text


def test_validate_definition_with_another_prefix() -> None:
    assert validate_definition(EVERY_STEP) == []
    broken = BotDefinition(
        initial_state="hello",
        states=(
            BotState("hello", SendMessageStep(body="{{", next="gone")),
            BotState("hello", EndStep()),
        ),
    )
    fields = [v.field for v in validate_definition(broken, "execution.definition")]
    assert fields == [
        "execution.definition.states[0].send_message.body",
        "execution.definition.states[0].send_message.next",
        "execution.definition.states[1].name",
    ]
