"""Running bots (API §7): an execution walks its bot's states in a conversation.

Every move of an execution happens inside one unit of work with what caused it
(the customer's message, a timer, an HTTP call's outcome), and its effects (a
bot message, a task) commit together with the state it reached: a restart
resumes exactly where the last commit left it, and no message is sent twice
or skipped. An execution stops moving when it waits: for the customer's reply
(`wait_for_reply`, with a stored timer for its timeout) or for an HTTP call,
which the server makes outside the unit of work (`BotCalls`) and whose outcome
comes back as another. A run of more than 100 states without waiting fails
the execution, so a loop in a definition cannot hold a conversation.

A channel has at most one ACTIVE execution: while it runs or waits, the
customer's messages go to it. The bot is a member of the conversation while
its execution is ACTIVE (its messages are OUTBOUND, so gateways and web
customers get them as an agent's), and leaves it when it ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any
from urllib.parse import urlsplit

from relaydesk_server.domain import access, channels, executions, tasks
from relaydesk_server.domain.bots_model import (
    MAX_STEPS_WITHOUT_WAITING,
    Bot,
    BotState,
    EndStep,
    Execution,
    ExecutionFilter,
    ExecutionStatus,
    ExecutionStep,
    HttpCall,
    HttpOutcome,
    HttpRequestStep,
    SendMessageStep,
    SendToAgentStep,
    SetVariablesStep,
    SplitStep,
    WaitForReplyStep,
)
from relaydesk_server.domain.channels_model import (
    PRE_ENGAGEMENT,
    Channel,
    MemberRole,
    Message,
    MessageDirection,
    NewMessage,
)
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.errors import FailedPrecondition, NotFound
from relaydesk_server.domain.events_model import DomainEvent, EventType
from relaydesk_server.domain.flows_model import DEFAULT_TASK_CHANNEL
from relaydesk_server.domain.keys_model import Principal
from relaydesk_server.domain.names import BOT, CHANNEL, EXECUTION
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.ratelimit import RateLimiter
from relaydesk_server.domain.tasks_model import DEFAULT_TASK_TIMEOUT, NewTask
from relaydesk_server.domain.templates import Condition, EvaluationError, Template

log = logging.getLogger(__name__)

# A bot's messages are bounded by the step limit, not by the channel's rate.
_BOT_MESSAGES = RateLimiter(rate=1e9, burst=10**9)


class _Run:
    """An execution being moved: a mutable working copy, saved once at the end."""

    def __init__(self, execution: Execution) -> None:
        assert execution.definition is not None
        self.execution = execution
        self.definition = execution.definition
        self.variables = dict(execution.variables)
        self.outputs = dict(execution.outputs)
        self.steps = list(execution.steps)
        self.trigger = dict(execution.trigger)
        self.state = execution.current_state
        self.status = execution.status
        self.reason = execution.reason
        # Whether the channel closes once the execution stops (an `end` step's wish).
        self.close_channel = False
        # Expressions of the current state that failed while it ran (a hole is
        # then written as empty text, a condition counts as false).
        self.problems: list[str] = []

    def enter(self, tx: Transaction, state: str) -> None:
        self.state = state
        self.steps.append(ExecutionStep(state, tx.now()))

    def outcome(self, outcome: str, output: Any) -> None:
        # The step log also says what went wrong, for the operator reading it.
        problems = self.note_problems()
        self.steps[-1] = dataclasses.replace(
            self.steps[-1], outcome="; ".join([outcome, *problems])
        )
        self.outputs[self.state] = output

    def note_problems(self) -> list[str]:
        """Logs what failed in the current state, and forgets it; returns it."""
        problems, self.problems = self.problems, []
        if problems:
            log.warning(
                "bot expressions failed",
                extra={"execution": self.execution.name, "state": self.state, "errors": problems},
            )
        return problems

    def render(self, source: str, context: dict[str, Any]) -> str:
        return Template(source).render(context, self.problems)

    def holds(self, condition: str, context: dict[str, Any]) -> bool:
        try:
            return Condition(condition).holds(context)
        except EvaluationError as error:
            self.problems.append(str(error))
            return False

    @property
    def waiting(self) -> bool:
        """Whether the current state is still running (waiting for a reply or a call)."""
        return (
            bool(self.steps) and self.steps[-1].state == self.state and not self.steps[-1].outcome
        )

    def result(self) -> Execution:
        return dataclasses.replace(
            self.execution,
            current_state=self.state,
            status=self.status,
            reason=self.reason,
            variables=self.variables,
            outputs=self.outputs,
            steps=tuple(self.steps),
            trigger=self.trigger,
        )


def _message_context(message: Message) -> dict[str, Any]:
    return {"body": message.body, "author": message.author, "channel": message.channel_name}


def _context(run: _Run, channel: Channel) -> dict[str, Any]:
    channel_type = channel.spec.channel_type
    return {
        "trigger": {"message": run.trigger},
        "channel": {
            "attributes": channel.spec.attributes,
            "customer_address": channel.spec.customer_address or "",
            "channel_type": f"CHANNEL_TYPE_{channel_type.value}" if channel_type else "",
        },
        "vars": run.variables,
        "steps": run.outputs,
    }


def _channel(tx: Transaction, execution: Execution) -> Channel:
    channel = tx.channels.get(execution.channel_id)
    assert channel is not None  # executions go with their channel
    return channel


# -- starting ----------------------------------------------------------------


def start(
    tx: Transaction,
    bot: Bot,
    channel: Channel,
    trigger: Message | None,
    *,
    after_task: str | None = None,
) -> Execution:
    """Runs `bot` in the conversation, unless an execution is active there already
    (which is returned: there is never a second)."""
    running = tx.executions.active_of_channel(channel.id)
    if running is not None:
        return running
    now = tx.now()
    definition = bot.spec.definition
    execution = Execution(
        id=tx.new_id(EXECUTION),
        bot_id=bot.id,
        channel_id=channel.id,
        status=ExecutionStatus.ACTIVE,
        current_state=definition.initial_state,
        create_time=now,
        update_time=now,
        definition=definition,
        trigger=_message_context(trigger) if trigger is not None else {},
        after_task=after_task,
    )
    tx.executions.insert(execution)
    tx.events.append(DomainEvent(EventType.EXECUTION_CREATED, execution))
    channels.join(tx, channel.name, bot.name, MemberRole.BOT)
    run = _Run(execution)
    return _go(tx, run, definition.initial_state)


def customer_spoke(tx: Transaction, channel: Channel, message: Message) -> bool:
    """The customer wrote in `channel`; whether an ACTIVE execution took it (when it
    waits for a reply, the reply moves it on; otherwise the message just joins
    the conversation, and no other execution starts)."""
    execution = tx.executions.active_of_channel(channel.id)
    if execution is None:
        return False
    run = _Run(execution)
    state = run.definition.state(run.state)
    if run.waiting and state is not None and isinstance(state.step, WaitForReplyStep):
        step = state.step
        tx.timers.cancel(executions.REPLY_TIMER, execution.id)
        run.trigger = _message_context(message)
        if step.save_as:
            run.variables[step.save_as] = message.body
        run.outcome("replied", {"body": message.body, "message": message.name})
        _go(tx, run, step.next)
    return True


# -- the states --------------------------------------------------------------


def _go(tx: Transaction, run: _Run, state_name: str) -> Execution:
    """Enters `state_name` and moves on until the execution waits or stops; saves it."""
    name: str | None = state_name
    moved = 0
    while name:
        if moved >= MAX_STEPS_WITHOUT_WAITING:
            return _fail(
                tx,
                run,
                f"more than {MAX_STEPS_WITHOUT_WAITING} states in a row without waiting "
                f"(last: {run.state!r})",
            )
        state = run.definition.state(name)
        if state is None:
            return _fail(tx, run, f"the state {name!r} does not exist")
        run.enter(tx, name)
        moved += 1
        name = _execute(tx, run, state)
        if run.status is not ExecutionStatus.ACTIVE:
            return _finished(tx, run)
    run.note_problems()
    return executions.save(tx, run.result())


def _execute(tx: Transaction, run: _Run, state: BotState) -> str | None:
    """Does one state's step; the next state, or None when the execution waits or ended."""
    channel = _channel(tx, run.execution)
    context = _context(run, channel)
    step = state.step
    match step:
        case SendMessageStep():
            sent = _say(tx, run, channel, run.render(step.body, context))
            run.outcome("sent", {"message": sent.name if sent else ""})
            return step.next
        case WaitForReplyStep():
            if step.body:
                _say(tx, run, channel, run.render(step.body, context))
            tx.timers.schedule(executions.REPLY_TIMER, run.execution.id, tx.now() + step.timeout)
            return None
        case SplitStep():
            for number, case in enumerate(step.cases):
                if run.holds(case.condition, context):
                    run.outcome(f"case {number}", {"case": number})
                    return case.next
            run.outcome("default", {"case": "default"})
            return step.default_next
        case SetVariablesStep():
            values = {key: run.render(text, context) for key, text in step.values.items()}
            run.variables.update(values)
            run.outcome("set", values)
            return step.next
        case HttpRequestStep():
            url = run.render(step.url, context)
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
                return _call_failed(run, step, f"{url!r} is not an absolute http(s) URL", 0)
            tx.executions.queue_call(
                HttpCall(
                    execution_id=run.execution.id,
                    state=state.name,
                    method=step.method,
                    url=url,
                    body=run.render(step.body, context) if step.body else "",
                )
            )
            return None
        case SendToAgentStep():
            task = _hand_over(tx, run, channel, step, context)
            run.outcome(task.name, {"task": task.name})
            run.status = ExecutionStatus.ENDED
            run.reason = f"handed to an agent: {task.name}"
            return None
        case EndStep():
            run.outcome("ended", {"close_channel": step.close_channel})
            run.status = ExecutionStatus.ENDED
            run.reason = f"ended at {state.name!r}"
            # The channel closes (as CloseChannel does) once the execution has stopped.
            run.close_channel = step.close_channel
            return None
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def _say(tx: Transaction, run: _Run, channel: Channel, body: str) -> Message | None:
    if not body or not channel.is_active:
        return None
    return channels.append_message(
        tx,
        _BOT_MESSAGES,
        channel,
        BOT.name(run.execution.bot_id),
        MessageDirection.OUTBOUND,
        NewMessage(body=body),
    )


def _hand_over(
    tx: Transaction, run: _Run, channel: Channel, step: SendToAgentStep, context: dict[str, Any]
) -> Any:
    given = {key: run.render(text, context) for key, text in step.attributes.items()}
    attributes = {**tasks.conversation_attributes(channel, channel.spec.display_name, given)}
    attributes["vars"] = dict(run.variables)
    pre_engagement = channel.spec.attributes.get(PRE_ENGAGEMENT)
    if pre_engagement is not None:
        attributes[PRE_ENGAGEMENT] = pre_engagement
    return tasks.start_for_conversation(
        tx,
        NewTask(
            workflow=step.workflow,
            task_channel=step.task_channel or DEFAULT_TASK_CHANNEL,
            priority=step.priority,
            timeout=DEFAULT_TASK_TIMEOUT,
            attributes=attributes,
            channel=channel.name,
        ),
    )


# -- waiting's ends ----------------------------------------------------------


def reply_timeout(tx: Transaction, execution_id: str) -> None:
    """Timer: the customer did not reply in time."""
    execution = tx.executions.get(execution_id)
    if execution is None or not execution.is_active:
        return
    run = _Run(execution)
    state = run.definition.state(run.state)
    if not (run.waiting and state is not None and isinstance(state.step, WaitForReplyStep)):
        return
    run.outcome("timeout", {"timeout": True})
    if state.step.on_timeout:
        _go(tx, run, state.step.on_timeout)
        return
    run.status = ExecutionStatus.ENDED
    run.reason = f"no reply within {state.step.timeout} at {state.name!r}"
    _finished(tx, run)


def claim_calls(tx: Transaction, hold: dt.timedelta, limit: int) -> list[HttpCall]:
    """The queued HTTP calls to make now, held for the caller for `hold`: whichever servers
    look, each call goes to one of them (to another only once the hold has run out)."""
    return list(tx.executions.claim_calls(tx.now(), tx.now() + hold, limit))


def call_done(tx: Transaction, call: HttpCall, outcome: HttpOutcome) -> None:
    """An http_request step's call came back (or failed)."""
    if not tx.executions.drop_call(call.execution_id):
        return  # the execution was stopped meanwhile
    execution = tx.executions.get(call.execution_id)
    if execution is None or not execution.is_active:
        return
    run = _Run(execution)
    state = run.definition.state(run.state)
    if not (run.waiting and state is not None and isinstance(state.step, HttpRequestStep)):
        return
    step = state.step
    error = outcome.error
    if not error and not 200 <= outcome.status < 300:
        error = f"the answer's status was {outcome.status}"
    if not error and step.save_as and not outcome.is_json:
        error = "the answer is not JSON"
    if error:
        following = _call_failed(run, step, error, outcome.status)
        if run.status is ExecutionStatus.ACTIVE and following:
            _go(tx, run, following)
        else:
            _finished(tx, run)
        return
    if step.save_as:
        run.variables[step.save_as] = outcome.body
    run.outcome("success", {"status_code": outcome.status, "body": outcome.body})
    _go(tx, run, step.next)


def _call_failed(run: _Run, step: HttpRequestStep, error: str, status: int) -> str | None:
    """An http_request's call failed: its `on_failure` state, or the execution fails."""
    run.outcome("failure", {"status_code": status, "error": error})
    if step.on_failure:
        return step.on_failure
    run.status = ExecutionStatus.FAILED
    run.reason = f"{run.state}: the HTTP request failed: {error}"
    return None


# -- the end -----------------------------------------------------------------


def _fail(tx: Transaction, run: _Run, reason: str) -> Execution:
    if run.steps and not run.steps[-1].outcome:
        run.outcome(reason, {"error": reason})
    run.status = ExecutionStatus.FAILED
    run.reason = reason
    return _finished(tx, run)


def _finished(tx: Transaction, run: _Run) -> Execution:
    """The execution stopped (ENDED or FAILED): it is saved, the bot leaves, and a
    bot run after an agent hands its answers to the task and lets the
    conversation close."""
    stopped = executions.stop(tx, run.result(), run.status, run.reason)
    _after(tx, stopped)
    channel = tx.channels.get(stopped.channel_id)
    if run.close_channel and channel is not None and channel.is_active:
        channels.close(tx, channel, stopped.reason)
    return stopped


def _after(tx: Transaction, stopped: Execution) -> None:
    """The bot leaves; a follow-up bot's answers land on its task, and its
    conversation closes."""
    channels.leave(tx, CHANNEL.name(stopped.channel_id), BOT.name(stopped.bot_id))
    if stopped.after_task is None:
        return
    executions.land_answers(tx, stopped)
    channel = tx.channels.get(stopped.channel_id)
    if channel is not None and channel.is_active:
        outcome = "failed" if stopped.status is ExecutionStatus.FAILED else "ended"
        channels.end_conversation(
            tx, channel, f"{stopped.after_task} was completed; the follow-up bot {outcome}"
        )


# -- the RPCs ----------------------------------------------------------------


def _execution(tx: Transaction, principal: Principal, bot_id: str, execution_id: str) -> Execution:
    name = f"{BOT.name(bot_id)}/{EXECUTION.name(execution_id)}"
    return access.found_or_denied(
        principal,
        tx.executions.get(execution_id),
        lambda found: found.bot_id == bot_id and access.is_member(tx, principal, found.channel_id),
        "execution",
        lambda: NotFound(EXECUTION.type_name, name, reason="EXECUTION_NOT_FOUND"),
    )


def get_execution(
    tx: Transaction, principal: Principal, bot_id: str, execution_id: str
) -> Execution:
    return _execution(tx, principal, bot_id, execution_id)


def list_executions(
    tx: Transaction, execution_filter: ExecutionFilter, page: PageRequest
) -> Page[Execution]:
    bot_id = execution_filter.bot_id
    if bot_id is not None and tx.bots.get(bot_id) is None:
        raise NotFound(BOT.type_name, BOT.name(bot_id), reason="BOT_NOT_FOUND")
    return tx.executions.list(execution_filter, page)


def end_execution(
    tx: Transaction, principal: Principal, bot_id: str, execution_id: str, reason: str
) -> Execution:
    """An operator frees a conversation from an execution (a stuck one, say)."""
    execution = _execution(tx, principal, bot_id, execution_id)
    if not execution.is_active:
        raise FailedPrecondition.one(
            "STATE",
            execution.name,
            f"{execution.name} is {execution.status.value}: it cannot be ended",
            reason="ILLEGAL_TRANSITION",
        )
    stopped = executions.stop(
        tx, execution, ExecutionStatus.ENDED, reason or "ended by an operator"
    )
    _after(tx, stopped)
    return stopped


def parse_outcome(status: int, body: bytes, error: str) -> HttpOutcome:
    """An HTTP answer as an http_request step sees it: the body parsed as JSON when
    it is JSON (an empty one is null), else its text."""
    if error:
        return HttpOutcome(status=status, error=error)
    if not body.strip():
        return HttpOutcome(status=status, body=None)
    text = body.decode(errors="replace")
    try:
        return HttpOutcome(status=status, body=json.loads(text))
    except ValueError:
        return HttpOutcome(status=status, body=text, is_json=False)


TIMER_HANDLERS = {executions.REPLY_TIMER: reply_timeout}
