"""Flow: proto ↔ domain, with the field validation of API §1 and §11."""

from __future__ import annotations

import datetime as dt

from relaydesk.v1 import common_pb2, flow_pb2, flow_service_pb2
from relaydesk_server.domain.flows_model import (
    DEFAULT_WEBHOOK_RETRY_COUNT,
    MAX_ALLOWED_ORIGINS,
    ORIGIN_RULE,
    BotIntegration,
    ChannelType,
    Flow,
    FlowSpec,
    FlowWithSecret,
    Integration,
    TaskIntegration,
    WebhookIntegration,
    parse_origin,
)
from relaydesk_server.domain.names import BOT
from relaydesk_server.domain.sessions_model import MAX_SESSION_TTL
from relaydesk_server.transport.convert import (
    duration,
    enum_from_proto,
    enum_to_proto,
    stamp,
)
from relaydesk_server.transport.task_settings import check_task_settings
from relaydesk_server.transport.validation import (
    MAX_DISPLAY_NAME,
    MAX_IDENTITY,
    Violations,
    check_http_url,
    duration_from_proto,
)

MAX_FLOW_BYTES = 64 * 1024
MAX_WEBHOOK_RETRIES = 10

UPDATABLE = frozenset(
    {
        "display_name",
        "channel_type",
        "contact_identity",
        "enabled",
        "long_lived",
        "janitor_enabled",
        "session_ttl",
        "allowed_origins",
        "task",
        "task.workflow",
        "task.task_channel",
        "task.priority",
        "task.timeout",
        "task.create_on_customer_reply",
        "task.after_task_bot",
        "bot",
        "bot.bot",
        "webhook",
        "webhook.url",
        "webhook.retry_count",
    }
)
OUTPUT_ONLY = frozenset({"name", "create_time", "update_time", "etag"})


def channel_type_from_proto(number: int) -> ChannelType | None:
    return enum_from_proto(ChannelType, "CHANNEL_TYPE", common_pb2.ChannelType, number)


def channel_type_to_proto(value: ChannelType) -> int:
    return enum_to_proto(common_pb2.ChannelType, "CHANNEL_TYPE", value)


def check_channel_type(violations: Violations, number: int, field: str) -> ChannelType | None:
    if number == common_pb2.CHANNEL_TYPE_UNSPECIFIED:
        violations.add(field, "required")
        return None
    value = channel_type_from_proto(number)
    if value is None:
        violations.add(field, f"unknown channel type {number}")
    return value


def flow_spec_from_proto(message: flow_pb2.Flow, prefix: str = "flow") -> FlowSpec:
    """The spec a client asked for; INVALID_ARGUMENT listing every malformed field."""
    violations = Violations()
    channel_type = check_channel_type(violations, message.channel_type, f"{prefix}.channel_type")
    if channel_type is not None and channel_type is not ChannelType.WEB:
        violations.required(message.contact_identity, f"{prefix}.contact_identity")
    violations.max_length(message.contact_identity, MAX_IDENTITY, f"{prefix}.contact_identity")
    violations.max_length(message.display_name, MAX_DISPLAY_NAME, f"{prefix}.display_name")
    session_ttl = duration_from_proto(
        violations,
        message.session_ttl,
        f"{prefix}.session_ttl",
        minimum=dt.timedelta(seconds=1),
        maximum=MAX_SESSION_TTL,
        allow_zero=True,
    )
    allowed_origins = _allowed_origins(violations, message, channel_type, prefix)
    integration = _integration_from_proto(violations, message, prefix)
    violations.check(
        message.ByteSize() <= MAX_FLOW_BYTES, prefix, f"a flow is at most {MAX_FLOW_BYTES} bytes"
    )
    violations.raise_if_any()
    assert channel_type is not None
    assert integration is not None
    return FlowSpec(
        channel_type=channel_type,
        contact_identity=message.contact_identity,
        integration=integration,
        display_name=message.display_name,
        enabled=message.enabled,
        long_lived=message.long_lived,
        janitor_enabled=message.janitor_enabled if message.HasField("janitor_enabled") else True,
        session_ttl=session_ttl,
        allowed_origins=allowed_origins,
    )


def _allowed_origins(
    violations: Violations,
    message: flow_pb2.Flow,
    channel_type: ChannelType | None,
    prefix: str,
) -> tuple[str, ...]:
    """The origins a WEB flow allows, as browsers send them (duplicates dropped)."""
    field = f"{prefix}.allowed_origins"
    if not message.allowed_origins:
        return ()
    if channel_type is not None and channel_type is not ChannelType.WEB:
        violations.add(field, "only WEB flows take allowed_origins")
        return ()
    violations.check(
        len(message.allowed_origins) <= MAX_ALLOWED_ORIGINS,
        field,
        f"at most {MAX_ALLOWED_ORIGINS} origins",
    )
    origins: list[str] = []
    for i, text in enumerate(message.allowed_origins):
        origin = parse_origin(text)
        if origin is None:
            violations.add(f"{field}[{i}]", f"{text!r} is not {ORIGIN_RULE}")
        elif origin not in origins:
            origins.append(origin)
    return tuple(origins)


def _integration_from_proto(
    violations: Violations, message: flow_pb2.Flow, prefix: str
) -> Integration | None:
    kind = message.WhichOneof("integration")
    if kind == "task":
        task = message.task
        settings = check_task_settings(violations, task, f"{prefix}.task")
        if task.after_task_bot:
            _check_bot_name(violations, task.after_task_bot, f"{prefix}.task.after_task_bot")
        return TaskIntegration(
            workflow=settings.workflow,
            task_channel=settings.task_channel,
            priority=settings.priority,
            timeout=settings.timeout,
            create_on_customer_reply=task.create_on_customer_reply,
            after_task_bot=task.after_task_bot or None,
        )
    if kind == "bot":
        _check_bot_name(violations, message.bot.bot, f"{prefix}.bot.bot")
        return BotIntegration(bot=message.bot.bot)
    if kind == "webhook":
        webhook = message.webhook
        check_http_url(violations, webhook.url, f"{prefix}.webhook.url")
        retry_count = DEFAULT_WEBHOOK_RETRY_COUNT
        if webhook.HasField("retry_count"):
            retry_count = webhook.retry_count
            violations.check(
                0 <= retry_count <= MAX_WEBHOOK_RETRIES,
                f"{prefix}.webhook.retry_count",
                f"must be between 0 and {MAX_WEBHOOK_RETRIES}",
            )
        return WebhookIntegration(url=webhook.url, retry_count=retry_count)
    violations.add(f"{prefix}.integration", "required: one of task, bot or webhook")
    return None


def _check_bot_name(violations: Violations, name: str, field: str) -> None:
    if violations.required(name, field, "a bot name"):
        violations.check(BOT.is_name(name), field, BOT.malformed(name))


def flow_spec_to_proto(spec: FlowSpec) -> flow_pb2.Flow:
    message = flow_pb2.Flow(
        display_name=spec.display_name,
        channel_type=channel_type_to_proto(spec.channel_type),  # type: ignore[arg-type]
        contact_identity=spec.contact_identity,
        enabled=spec.enabled,
        long_lived=spec.long_lived,
        janitor_enabled=spec.janitor_enabled,
        session_ttl=duration(spec.session_ttl),
        allowed_origins=spec.allowed_origins,
    )
    match spec.integration:
        case TaskIntegration() as task:
            message.task.CopyFrom(
                flow_pb2.TaskIntegration(
                    workflow=task.workflow,
                    task_channel=task.task_channel,
                    priority=task.priority,
                    timeout=duration(task.timeout),
                    create_on_customer_reply=task.create_on_customer_reply,
                    after_task_bot=task.after_task_bot or "",
                )
            )
        case BotIntegration() as bot:
            message.bot.CopyFrom(flow_pb2.BotIntegration(bot=bot.bot))
        case WebhookIntegration() as webhook:
            message.webhook.CopyFrom(
                flow_pb2.WebhookIntegration(url=webhook.url, retry_count=webhook.retry_count)
            )
    return message


def flow_to_proto(flow: Flow) -> flow_pb2.Flow:
    message = flow_spec_to_proto(flow.spec)
    stamp(message, flow)
    return message


def create_response(result: FlowWithSecret) -> flow_service_pb2.CreateFlowResponse:
    return flow_service_pb2.CreateFlowResponse(
        flow=flow_to_proto(result.flow), webhook_secret=result.webhook_secret or ""
    )


def update_response(result: FlowWithSecret) -> flow_service_pb2.UpdateFlowResponse:
    return flow_service_pb2.UpdateFlowResponse(
        flow=flow_to_proto(result.flow), webhook_secret=result.webhook_secret or ""
    )


def rotate_response(result: FlowWithSecret) -> flow_service_pb2.RotateWebhookSecretResponse:
    return flow_service_pb2.RotateWebhookSecretResponse(
        flow=flow_to_proto(result.flow), webhook_secret=result.webhook_secret or ""
    )
