"""Bots (API §7): a state machine of steps that talks with a customer before, or
after, an agent; and its executions, one run of a bot on one conversation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from relaydesk_server.domain.common import etag_of
from relaydesk_server.domain.names import BOT, CHANNEL, EXECUTION

# A run of this many steps without waiting for the customer or the network fails.
MAX_STEPS_WITHOUT_WAITING = 100


@dataclasses.dataclass(frozen=True)
class SendMessageStep:
    body: str  # a template
    next: str


@dataclasses.dataclass(frozen=True)
class WaitForReplyStep:
    timeout: dt.timedelta
    next: str
    body: str = ""  # a template, sent before waiting when not empty
    save_as: str = ""  # the variable that keeps the reply's text
    on_timeout: str = ""  # the state after the timeout; empty: the execution ends


@dataclasses.dataclass(frozen=True)
class SplitCase:
    condition: str  # a CEL boolean
    next: str


@dataclasses.dataclass(frozen=True)
class SplitStep:
    cases: tuple[SplitCase, ...]
    default_next: str


@dataclasses.dataclass(frozen=True)
class SetVariablesStep:
    values: dict[str, str]  # variable → template
    next: str


@dataclasses.dataclass(frozen=True)
class HttpRequestStep:
    method: str
    url: str  # a template
    next: str
    body: str = ""  # a template
    save_as: str = ""  # the variable that keeps the parsed JSON answer
    on_failure: str = ""  # the state after an error; empty: the execution fails


@dataclasses.dataclass(frozen=True)
class SendToAgentStep:
    workflow: str
    task_channel: str = ""
    priority: int = 0
    attributes: dict[str, str] = dataclasses.field(default_factory=dict)  # key → template


@dataclasses.dataclass(frozen=True)
class EndStep:
    close_channel: bool = False


Step = (
    SendMessageStep
    | WaitForReplyStep
    | SplitStep
    | SetVariablesStep
    | HttpRequestStep
    | SendToAgentStep
    | EndStep
)


@dataclasses.dataclass(frozen=True)
class BotState:
    name: str
    step: Step


@dataclasses.dataclass(frozen=True)
class BotDefinition:
    initial_state: str
    states: tuple[BotState, ...]

    def state(self, name: str) -> BotState | None:
        return next((s for s in self.states if s.name == name), None)


@dataclasses.dataclass(frozen=True)
class BotSpec:
    display_name: str
    definition: BotDefinition


@dataclasses.dataclass(frozen=True)
class Bot:
    id: str
    spec: BotSpec
    create_time: dt.datetime
    update_time: dt.datetime
    revision: int = 1

    @property
    def name(self) -> str:
        return BOT.name(self.id)

    @property
    def etag(self) -> str:
        return etag_of(self.id, self.revision)


class ExecutionStatus(enum.Enum):
    ACTIVE = "ACTIVE"
    ENDED = "ENDED"
    FAILED = "FAILED"


@dataclasses.dataclass(frozen=True)
class ExecutionStep:
    state: str
    enter_time: dt.datetime
    outcome: str = ""


@dataclasses.dataclass(frozen=True)
class Execution:
    id: str
    bot_id: str
    channel_id: str
    status: ExecutionStatus
    current_state: str
    create_time: dt.datetime
    update_time: dt.datetime
    variables: dict[str, Any] = dataclasses.field(default_factory=dict)
    steps: tuple[ExecutionStep, ...] = ()
    reason: str = ""
    # The definition the execution runs: the bot's as it was when it started,
    # so an update of the bot never changes a conversation half-way.
    definition: BotDefinition | None = None
    # What expressions see as `trigger.message`: the customer message that
    # started the execution or was its last reply.
    trigger: dict[str, Any] = dataclasses.field(default_factory=dict)
    # What expressions see as `steps.<state>`: each state's output.
    outputs: dict[str, Any] = dataclasses.field(default_factory=dict)
    # For a bot run after an agent (a survey): the completed task whose
    # attributes get the variables, and the conversation closes after it.
    after_task: str | None = None
    revision: int = 1

    @property
    def name(self) -> str:
        return f"{BOT.name(self.bot_id)}/{EXECUTION.name(self.id)}"

    @property
    def bot_name(self) -> str:
        return BOT.name(self.bot_id)

    @property
    def channel_name(self) -> str:
        return CHANNEL.name(self.channel_id)

    @property
    def is_active(self) -> bool:
        return self.status is ExecutionStatus.ACTIVE


@dataclasses.dataclass(frozen=True)
class HttpCall:
    """An http_request step's call, waiting for the server to make it (outside the
    unit of work that reached the step, which must not wait on the network)."""

    execution_id: str
    state: str
    method: str
    url: str
    body: str


@dataclasses.dataclass(frozen=True)
class HttpOutcome:
    """What a call gave: a status and its body (parsed when it is JSON, else its
    text), or the error that kept it from answering."""

    status: int = 0
    body: Any = None
    is_json: bool = True
    error: str = ""


@dataclasses.dataclass(frozen=True)
class ExecutionFilter:
    bot_id: str | None = None
    channel_id: str | None = None
    status: ExecutionStatus | None = None
