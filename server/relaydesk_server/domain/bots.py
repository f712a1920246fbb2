"""The rules of bots (API §7): their definitions, and who may refer to them.

Each function taking a Transaction is one unit of work. `validate_definition`
is the one place a definition's rules live; the transport calls it on every
create and update (with the paths of the request's fields) before the domain
stores anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from relaydesk_server.domain.bots_model import (
    Bot,
    BotDefinition,
    BotSpec,
    EndStep,
    HttpRequestStep,
    SendMessageStep,
    SendToAgentStep,
    SetVariablesStep,
    SplitStep,
    Step,
    WaitForReplyStep,
)
from relaydesk_server.domain.common import Page, PageRequest, check_etag
from relaydesk_server.domain.errors import (
    FailedPrecondition,
    FieldViolation,
    NotFound,
    PreconditionViolation,
)
from relaydesk_server.domain.flows_model import TASK_CHANNEL_PATTERN, TASK_CHANNEL_RULE
from relaydesk_server.domain.names import BOT, WORKFLOW
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.templates import condition_error, template_error

MAX_DEFINITION_BYTES = 64 * 1024
MAX_STATE_NAME = 256
MIN_WAIT = dt.timedelta(seconds=1)
MAX_WAIT = dt.timedelta(days=7)
DEFAULT_WAIT = dt.timedelta(hours=1)
DEFAULT_METHOD = "GET"
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
IDENTIFIER_RULE = "letters, digits and '_', not starting with a digit"

# The proto oneof field of each step kind: the path segment of its fields.
STEP_FIELDS: dict[type[Step], str] = {
    SendMessageStep: "send_message",
    WaitForReplyStep: "wait_for_reply",
    SplitStep: "split",
    SetVariablesStep: "set_variables",
    HttpRequestStep: "http_request",
    SendToAgentStep: "send_to_agent",
    EndStep: "end",
}


# -- CRUD -----------------------------------------------------------------------------


def get_bot(tx: Transaction, bot_id: str) -> Bot:
    bot = tx.bots.get(bot_id)
    if bot is None:
        raise NotFound(BOT.type_name, BOT.name(bot_id), reason="BOT_NOT_FOUND")
    return bot


def list_bots(tx: Transaction, page: PageRequest) -> Page[Bot]:
    return tx.bots.list(page)


def create_bot(tx: Transaction, spec: BotSpec) -> Bot:
    """Stores a bot whose definition passed `validate_definition`."""
    _check_references(tx, spec.definition)
    now = tx.now()
    bot = Bot(id=tx.new_id(BOT), spec=spec, create_time=now, update_time=now)
    tx.bots.insert(bot)
    return bot


def update_bot(
    tx: Transaction, bot_id: str, etag: str | None, change: Callable[[BotSpec], BotSpec]
) -> Bot:
    """Applies `change` (which validates what it returns) to the stored spec; `etag`,
    when given, must be the stored one. Running executions keep their own copy of
    the definition they started with."""
    current = get_bot(tx, bot_id)
    check_etag(current.etag, etag, current.name)
    spec = change(current.spec)
    _check_references(tx, spec.definition)
    updated = dataclasses.replace(
        current, spec=spec, update_time=tx.now(), revision=current.revision + 1
    )
    tx.bots.update(updated)
    return updated


def delete_bot(tx: Transaction, bot_id: str) -> None:
    """Deletes a bot no flow runs, with its executions; none may be ACTIVE."""
    bot = get_bot(tx, bot_id)
    users = tx.flows.using_bot(bot.name)
    if users:
        raise FailedPrecondition(
            [_in_use(bot.name, flow, field) for flow, field in users], reason="BOT_IN_USE"
        )
    running = tx.executions.active_of_bot(bot_id)
    if running is not None:
        raise FailedPrecondition.one(
            "STATE",
            running.name,
            f"{running.name} is ACTIVE in {running.channel_name}: end it first",
            reason="BOT_RUNNING",
        )
    tx.executions.delete_of_bot(bot_id)
    tx.bots.delete(bot_id)


def _in_use(bot: str, flow: str, field: str) -> PreconditionViolation:
    when = "on its new conversations" if field == "bot.bot" else "after its tasks complete"
    return PreconditionViolation(
        "IN_USE", flow, f"{flow} runs {bot} {when} ({field}); change or delete the flow first"
    )


def _check_references(tx: Transaction, definition: BotDefinition) -> None:
    for i, state in enumerate(definition.states):
        step = state.step
        if isinstance(step, SendToAgentStep):
            path = f"bot.definition.states[{i}].send_to_agent.workflow"
            workflow_id = WORKFLOW.parse(step.workflow, path)
            if tx.workflows.get(workflow_id) is None:
                raise FailedPrecondition.one(
                    "REFERENCE",
                    step.workflow,
                    f"{step.workflow} (the workflow of state {state.name!r}) does not exist",
                    reason="WORKFLOW_NOT_FOUND",
                )


# -- validation -------------------------------------------------------------------------


def validate_definition(
    definition: BotDefinition, prefix: str = "bot.definition"
) -> list[FieldViolation]:
    """Every rule a definition breaks, each with the path of the offending field
    (`bot.definition.states[3].split.cases[1].condition`)."""
    check = _Checker(prefix)
    known = {state.name for state in definition.states}
    if check.required(definition.initial_state, "initial_state", "the name of the first state"):
        check.that(
            definition.initial_state in known,
            "initial_state",
            f"{definition.initial_state!r} names no state",
        )
    check.that(bool(definition.states), "states", "required: at least one state")
    seen: set[str] = set()
    for i, state in enumerate(definition.states):
        at = f"states[{i}]"
        if check.required(state.name, f"{at}.name", "a state name"):
            if len(state.name) > MAX_STATE_NAME:
                check.add(
                    f"{at}.name", f"at most {MAX_STATE_NAME} characters, got {len(state.name)}"
                )
            elif IDENTIFIER.fullmatch(state.name) is None:
                check.add(f"{at}.name", f"{state.name!r} is not a state name: {IDENTIFIER_RULE}")
            if state.name in seen:
                check.add(f"{at}.name", f"another state is already named {state.name!r}")
            seen.add(state.name)
        _check_step(check, state.step, f"{at}.{STEP_FIELDS[type(state.step)]}", known)
    size = definition_size(definition)
    check.that(
        size <= MAX_DEFINITION_BYTES,
        "",
        f"a bot definition is at most {MAX_DEFINITION_BYTES} bytes of JSON, got {size}",
    )
    return check.violations


def definition_size(definition: BotDefinition) -> int:
    """The definition's size as JSON, in UTF-8 bytes."""
    document = dataclasses.asdict(definition)
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False, default=str)
    return len(text.encode())


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


class _Checker:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.violations: list[FieldViolation] = []

    def add(self, path: str, description: str) -> None:
        field = f"{self.prefix}.{path}" if path else self.prefix
        self.violations.append(FieldViolation(field, description))

    def that(self, ok: bool, path: str, description: str) -> None:
        if not ok:
            self.add(path, description)

    def required(self, value: object, path: str, what: str) -> bool:
        if not value:
            self.add(path, f"required: {what}")
            return False
        return True

    def target(self, value: str, path: str, known: set[str], *, required: bool) -> None:
        """A `next`-like field: required or optional, and naming a state when set."""
        if not value:
            if required:
                self.add(path, "required: the name of the state to go to")
            return
        self.that(value in known, path, f"{value!r} names no state")

    def template(self, source: str, path: str) -> None:
        error = template_error(source)
        if error is not None:
            self.add(path, f"not a valid template: {error}")

    def identifier(self, value: str, path: str) -> None:
        if value:
            self.that(
                IDENTIFIER.fullmatch(value) is not None,
                path,
                f"{value!r} is not a variable name: {IDENTIFIER_RULE}",
            )


def _check_step(check: _Checker, step: Step, at: str, known: set[str]) -> None:
    match step:
        case SendMessageStep():
            if check.required(step.body, f"{at}.body", "the message text, a template"):
                check.template(step.body, f"{at}.body")
            check.target(step.next, f"{at}.next", known, required=True)
        case WaitForReplyStep():
            check.template(step.body, f"{at}.body")
            check.that(
                MIN_WAIT <= step.timeout <= MAX_WAIT,
                f"{at}.timeout",
                "must be between 1s and 7d",
            )
            check.identifier(step.save_as, f"{at}.save_as")
            check.target(step.next, f"{at}.next", known, required=True)
            check.target(step.on_timeout, f"{at}.on_timeout", known, required=False)
        case SplitStep():
            for j, case in enumerate(step.cases):
                error = condition_error(case.condition)
                if error is not None:
                    check.add(f"{at}.cases[{j}].condition", f"not a valid CEL expression: {error}")
                check.target(case.next, f"{at}.cases[{j}].next", known, required=True)
            check.target(step.default_next, f"{at}.default_next", known, required=True)
        case SetVariablesStep():
            check.required(step.values, f"{at}.values", "at least one variable")
            for key, value in step.values.items():
                path = f"{at}.values[{key}]"
                if IDENTIFIER.fullmatch(key) is None:
                    check.add(path, f"{key!r} is not a variable name: {IDENTIFIER_RULE}")
                check.template(value, path)
            check.target(step.next, f"{at}.next", known, required=True)
        case HttpRequestStep():
            check.that(
                step.method in HTTP_METHODS,
                f"{at}.method",
                f"{step.method!r} is not one of {', '.join(HTTP_METHODS)}",
            )
            if check.required(step.url, f"{at}.url", "an http or https URL, a template"):
                check.template(step.url, f"{at}.url")
                if "{{" not in step.url:
                    check.that(
                        _is_http_url(step.url),
                        f"{at}.url",
                        f"{step.url!r} is not an absolute http or https URL",
                    )
            check.template(step.body, f"{at}.body")
            check.identifier(step.save_as, f"{at}.save_as")
            check.target(step.next, f"{at}.next", known, required=True)
            check.target(step.on_failure, f"{at}.on_failure", known, required=False)
        case SendToAgentStep():
            if check.required(step.workflow, f"{at}.workflow", "a workflow name"):
                check.that(
                    WORKFLOW.is_name(step.workflow),
                    f"{at}.workflow",
                    WORKFLOW.malformed(step.workflow),
                )
            check.that(
                TASK_CHANNEL_PATTERN.fullmatch(step.task_channel) is not None,
                f"{at}.task_channel",
                TASK_CHANNEL_RULE,
            )
            check.that(step.priority >= 0, f"{at}.priority", "must not be negative")
            for key, value in step.attributes.items():
                path = f"{at}.attributes[{key}]"
                check.that(bool(key), path, "an attribute needs a name")
                check.template(value, path)
        case EndStep():
            pass
