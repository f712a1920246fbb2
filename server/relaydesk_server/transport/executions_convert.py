"""Bot executions between domain and proto."""

from __future__ import annotations

from relaydesk.v1 import execution_pb2
from relaydesk_server.domain.bots_model import Execution, ExecutionStatus
from relaydesk_server.transport.channels_convert import dict_to_struct
from relaydesk_server.transport.convert import enum_filter, enum_to_proto, timestamp
from relaydesk_server.transport.validation import Violations


def execution_to_proto(execution: Execution) -> execution_pb2.Execution:
    message = execution_pb2.Execution(
        name=execution.name,
        bot=execution.bot_name,
        channel=execution.channel_name,
        status=enum_to_proto(  # type: ignore[arg-type]
            execution_pb2.ExecutionStatus, "EXECUTION_STATUS", execution.status
        ),
        current_state=execution.current_state,
        steps=[
            execution_pb2.ExecutionStep(
                state=step.state, enter_time=timestamp(step.enter_time), outcome=step.outcome
            )
            for step in execution.steps
        ],
        reason=execution.reason,
        create_time=timestamp(execution.create_time),
        update_time=timestamp(execution.update_time),
    )
    message.variables.CopyFrom(dict_to_struct(execution.variables))
    return message


def execution_status_from_proto(
    violations: Violations, number: int, field: str
) -> ExecutionStatus | None:
    return enum_filter(
        violations,
        ExecutionStatus,
        "EXECUTION_STATUS",
        execution_pb2.ExecutionStatus,
        number,
        field,
    )
