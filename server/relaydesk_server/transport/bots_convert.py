"""Bot: proto ↔ domain (API §7, §11). The definition's rules are the domain's
(`bots.validate_definition`); this adds what only the proto can get wrong (a
state without a step, a malformed duration) and fills in the documented defaults."""

from __future__ import annotations

import datetime as dt

from google.protobuf import duration_pb2

from relaydesk.v1 import bot_pb2
from relaydesk_server.domain import bots
from relaydesk_server.domain.bots_model import (
    Bot,
    BotDefinition,
    BotSpec,
    BotState,
    EndStep,
    HttpRequestStep,
    SendMessageStep,
    SendToAgentStep,
    SetVariablesStep,
    SplitCase,
    SplitStep,
    Step,
    WaitForReplyStep,
)
from relaydesk_server.domain.flows_model import DEFAULT_TASK_CHANNEL
from relaydesk_server.transport.convert import duration, stamp
from relaydesk_server.transport.validation import MAX_DISPLAY_NAME, Violations

UPDATABLE = frozenset({"display_name", "definition"})
OUTPUT_ONLY = frozenset({"name", "create_time", "update_time", "etag"})

STEP_KINDS = ", ".join(bots.STEP_FIELDS.values())


def bot_spec_from_proto(message: bot_pb2.Bot, prefix: str = "bot") -> BotSpec:
    """The spec a client asked for; INVALID_ARGUMENT listing every offending field."""
    violations = Violations()
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    definition = _definition_from_proto(violations, message.definition, f"{prefix}.definition")
    violations.items += bots.validate_definition(definition, f"{prefix}.definition")
    violations.raise_if_any()
    return BotSpec(display_name=message.display_name, definition=definition)


def _definition_from_proto(
    violations: Violations, message: bot_pb2.BotDefinition, prefix: str
) -> BotDefinition:
    states = []
    for i, state in enumerate(message.states):
        step = _step_from_proto(violations, state, f"{prefix}.states[{i}]")
        states.append(BotState(name=state.name, step=step))
    return BotDefinition(initial_state=message.initial_state, states=tuple(states))


def _timeout(violations: Violations, value: duration_pb2.Duration, field: str) -> dt.timedelta:
    if (value.seconds < 0 < value.nanos) or (value.nanos < 0 < value.seconds):
        violations.add(field, "seconds and nanos must have the same sign")
        return bots.DEFAULT_WAIT
    return value.ToTimedelta()


def _step_from_proto(violations: Violations, state: bot_pb2.BotState, prefix: str) -> Step:
    kind = state.WhichOneof("step")
    if kind == "send_message":
        return SendMessageStep(body=state.send_message.body, next=state.send_message.next)
    if kind == "wait_for_reply":
        wait = state.wait_for_reply
        timeout = bots.DEFAULT_WAIT
        if wait.HasField("timeout"):
            timeout = _timeout(violations, wait.timeout, f"{prefix}.wait_for_reply.timeout")
        return WaitForReplyStep(
            body=wait.body,
            timeout=timeout,
            save_as=wait.save_as,
            next=wait.next,
            on_timeout=wait.on_timeout,
        )
    if kind == "split":
        return SplitStep(
            cases=tuple(SplitCase(c.condition, c.next) for c in state.split.cases),
            default_next=state.split.default_next,
        )
    if kind == "set_variables":
        return SetVariablesStep(
            values=dict(state.set_variables.values), next=state.set_variables.next
        )
    if kind == "http_request":
        http = state.http_request
        return HttpRequestStep(
            method=http.method.strip().upper() or bots.DEFAULT_METHOD,
            url=http.url,
            body=http.body,
            save_as=http.save_as,
            next=http.next,
            on_failure=http.on_failure,
        )
    if kind == "send_to_agent":
        agent = state.send_to_agent
        return SendToAgentStep(
            workflow=agent.workflow,
            task_channel=agent.task_channel or DEFAULT_TASK_CHANNEL,
            priority=agent.priority,
            attributes=dict(agent.attributes),
        )
    if kind == "end":
        return EndStep(close_channel=state.end.close_channel)
    violations.add(prefix, f"required: one step ({STEP_KINDS})")
    # A stand-in keeps the state's name known, so that nothing else is reported
    # for it; the request fails anyway.
    return EndStep()


def _state_to_proto(state: BotState) -> bot_pb2.BotState:
    message = bot_pb2.BotState(name=state.name)
    match state.step:
        case SendMessageStep() as step:
            message.send_message.CopyFrom(bot_pb2.SendMessageStep(body=step.body, next=step.next))
        case WaitForReplyStep() as step:
            message.wait_for_reply.CopyFrom(
                bot_pb2.WaitForReplyStep(
                    body=step.body,
                    timeout=duration(step.timeout),
                    save_as=step.save_as,
                    next=step.next,
                    on_timeout=step.on_timeout,
                )
            )
        case SplitStep() as step:
            message.split.CopyFrom(
                bot_pb2.SplitStep(
                    cases=[
                        bot_pb2.SplitCase(condition=c.condition, next=c.next) for c in step.cases
                    ],
                    default_next=step.default_next,
                )
            )
        case SetVariablesStep() as step:
            message.set_variables.CopyFrom(
                bot_pb2.SetVariablesStep(values=step.values, next=step.next)
            )
        case HttpRequestStep() as step:
            message.http_request.CopyFrom(
                bot_pb2.HttpRequestStep(
                    method=step.method,
                    url=step.url,
                    body=step.body,
                    save_as=step.save_as,
                    next=step.next,
                    on_failure=step.on_failure,
                )
            )
        case SendToAgentStep() as step:
            message.send_to_agent.CopyFrom(
                bot_pb2.SendToAgentStep(
                    workflow=step.workflow,
                    task_channel=step.task_channel,
                    priority=step.priority,
                    attributes=step.attributes,
                )
            )
        case EndStep() as step:
            message.end.CopyFrom(bot_pb2.EndStep(close_channel=step.close_channel))
    return message


def definition_to_proto(definition: BotDefinition) -> bot_pb2.BotDefinition:
    return bot_pb2.BotDefinition(
        initial_state=definition.initial_state,
        states=[_state_to_proto(state) for state in definition.states],
    )


def bot_spec_to_proto(spec: BotSpec) -> bot_pb2.Bot:
    return bot_pb2.Bot(
        display_name=spec.display_name, definition=definition_to_proto(spec.definition)
    )


def bot_to_proto(bot: Bot) -> bot_pb2.Bot:
    message = bot_spec_to_proto(bot.spec)
    stamp(message, bot)
    return message
