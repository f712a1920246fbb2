"""The `relaydesk` admin verbs: each talks to a running server through the Python client.

    relaydesk flows list | get NAME | create --json-body JSON | update NAME --json-body JSON
                         | delete NAME          (and the same for workers, queues, workflows, bots)
    relaydesk keys list | create --role admin|service [--display-name D] | delete NAME
    relaydesk token --identity ID --role agent|customer [--channel C] [--ttl 1h]
    relaydesk tail [--after N] [--channels C …] [--types T …]
    relaydesk send CHANNEL BODY [--as IDENTITY] [--internal]
    relaydesk deliver --channel-type sms --from ADDR --to CONTACT --body TEXT [--id ID]

Every verb takes the connection options (`--server`, `--token`, the TLS flags) and `--json`.
Output is a table (or protobuf JSON with `--json`); an error status exits 1 with the status
and its details on stderr, a usage error exits 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import datetime as dt
import functools
import json
import os
import signal
import sys
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import grpc
import grpc.aio
from google.protobuf import duration_pb2, json_format
from google.protobuf.descriptor import EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message
from google.rpc import error_details_pb2

from relaydesk.client import Client, connect, error_details
from relaydesk.v1 import (
    api_key_pb2,
    auth_service_pb2,
    bot_pb2,
    bot_service_pb2,
    channel_service_pb2,
    common_pb2,
    event_pb2,
    event_service_pb2,
    flow_pb2,
    flow_service_pb2,
    gateway_service_pb2,
    message_pb2,
    queue_pb2,
    worker_pb2,
    workflow_pb2,
    workforce_service_pb2,
)
from relaydesk_server.arguments import UsageError, env, read_file
from relaydesk_server.durations import parse_duration

DEFAULT_SERVER = "127.0.0.1:50051"
# The first admin key of a server started in the working directory with the defaults.
DEFAULT_TOKEN_FILE = Path("data") / "admin.key"
CALL_TIMEOUT = 30.0  # seconds, for each unary call
PAGE_SIZE = 1000

EXIT_OK = 0
EXIT_ERROR = 1  # the server answered with an error status, or could not be reached
EXIT_USAGE = 2  # argparse's own code for a bad command line
EXIT_INTERRUPTED = 130

Handler = Callable[[Client, argparse.Namespace], Awaitable[int]]


# -- values as table cells ---------------------------------------------------------

Cell = Callable[[Message], str]


def _enum_label(enum: EnumDescriptor, number: int) -> str:
    """`CHANNEL_TYPE_SMS` → `SMS`; the UNSPECIFIED value is `-`."""
    if number == 0:
        return "-"
    value = enum.values_by_number.get(number)
    if value is None:
        return str(number)
    return value.name.removeprefix(_enum_prefix(enum))


def _enum_prefix(enum: EnumDescriptor) -> str:
    return enum.values_by_number[0].name.removesuffix("UNSPECIFIED")


def _time(value: Any) -> str:
    return str(value.ToDatetime(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _format(message: Message, field: Any) -> str:
    """A field's value as a cell (`field` is its FieldDescriptor)."""
    value = getattr(message, field.name)
    if field.is_repeated:  # repeated fields and maps: how many
        return str(len(value))
    if field.enum_type is not None:
        return _enum_label(field.enum_type, value)
    if field.message_type is not None:
        if not message.HasField(field.name):
            return "-"
        full_name = field.message_type.full_name
        if full_name == "google.protobuf.Timestamp":
            return _time(value)
        if full_name == "google.protobuf.Duration":
            return str(value.ToJsonString())
        return json_format.MessageToJson(value, indent=None)
    if field.type == FieldDescriptor.TYPE_BOOL:
        return "yes" if value else "no"
    text = str(value)
    return text or "-"


def _field(path: str) -> Cell:
    """The cell of a field, by its dotted path (`message.name`, `definition.states`)."""
    *parents, last = path.split(".")

    def cell(message: Message) -> str:
        for part in parents:
            message = getattr(message, part)
        return _format(message, message.DESCRIPTOR.fields_by_name[last])

    return cell


def _which(oneof: str) -> Cell:
    """The name of the member of a oneof that is set (`task`, `bot`, `webhook`)."""
    return lambda message: message.WhichOneof(oneof) or "-"


def _table(columns: Sequence[tuple[str, Cell]], rows: Sequence[Message]) -> str:
    cells = [[header for header, _ in columns]]
    cells += [[cell(row).replace("\n", " ") for _, cell in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(
        "  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    )


def _json(message: Message, *, indent: int | None = 2) -> str:
    return json_format.MessageToJson(message, indent=indent)


# -- what each resource is ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Option:
    """A flag that sets one field of the resource a `create` makes (instead of --json-body)."""

    flag: str
    field: str
    kwargs: dict[str, Any]


@dataclasses.dataclass(frozen=True)
class Resource:
    """One collection of configuration, and how its verbs map onto its RPCs."""

    command: str  # the verb: `relaydesk flows …`
    kind: str  # the RPCs are Create{kind}, Get{kind}, List{kind}s, Update{kind}, Delete{kind}
    field: str  # the resource's field in requests and responses; field + "s" in List*Response
    collection: str  # a NAME without a slash is an id in this collection
    message: type[Message]
    requests: ModuleType  # the service's *_pb2 module, holding the request messages
    stub: Callable[[Client], Any]
    columns: tuple[tuple[str, Cell], ...]
    actions: tuple[str, ...] = ("list", "get", "create", "update", "delete")
    list_filters: tuple[str, ...] = ()  # fields of the List*Request that get a flag each
    create_options: tuple[Option, ...] = ()  # when set, `create` takes these, not --json-body
    shown_once: tuple[str, ...] = ()  # response fields printed under the table (secrets)

    def rpc(self, client: Client, action: str) -> Any:
        method = f"{action.capitalize()}{self.kind}" + ("s" if action == "list" else "")
        return getattr(self.stub(client), method)

    def request(self, action: str, **fields: Any) -> Any:
        name = f"{action.capitalize()}{self.kind}{'s' if action == 'list' else ''}Request"
        return getattr(self.requests, name)(**fields)

    def name(self, text: str) -> str:
        return text if "/" in text else f"{self.collection}/{text}"


def _enum_type(enum: Any) -> EnumDescriptor:
    descriptor: EnumDescriptor = enum.DESCRIPTOR
    return descriptor


RESOURCES = (
    Resource(
        command="flows",
        kind="Flow",
        field="flow",
        collection="flows",
        message=flow_pb2.Flow,
        requests=flow_service_pb2,
        stub=lambda client: client.flows,
        columns=(
            ("NAME", _field("name")),
            ("DISPLAY NAME", _field("display_name")),
            ("CHANNEL TYPE", _field("channel_type")),
            ("CONTACT IDENTITY", _field("contact_identity")),
            ("ENABLED", _field("enabled")),
            ("INTEGRATION", _which("integration")),
        ),
        list_filters=("channel_type", "contact_identity"),
        shown_once=("webhook_secret",),
    ),
    Resource(
        command="workers",
        kind="Worker",
        field="worker",
        collection="workers",
        message=worker_pb2.Worker,
        requests=workforce_service_pb2,
        stub=lambda client: client.workforce,
        columns=(
            ("NAME", _field("name")),
            ("IDENTITY", _field("identity")),
            ("DISPLAY NAME", _field("display_name")),
            ("ACTIVITY", _field("activity")),
            ("AVAILABLE", _field("available")),
        ),
        list_filters=("activity",),
    ),
    Resource(
        command="queues",
        kind="Queue",
        field="queue",
        collection="queues",
        message=queue_pb2.Queue,
        requests=workforce_service_pb2,
        stub=lambda client: client.workforce,
        columns=(
            ("NAME", _field("name")),
            ("DISPLAY NAME", _field("display_name")),
            ("ORDER", _field("order")),
            ("MAX RESERVED", _field("max_reserved_workers")),
            ("TARGET WORKERS", _field("target_workers")),
        ),
    ),
    Resource(
        command="workflows",
        kind="Workflow",
        field="workflow",
        collection="workflows",
        message=workflow_pb2.Workflow,
        requests=workforce_service_pb2,
        stub=lambda client: client.workforce,
        columns=(
            ("NAME", _field("name")),
            ("DISPLAY NAME", _field("display_name")),
            ("DEFAULT QUEUE", _field("default_queue")),
            ("FILTERS", _field("filters")),
            ("RESERVATION TIMEOUT", _field("reservation_timeout")),
        ),
    ),
    Resource(
        command="bots",
        kind="Bot",
        field="bot",
        collection="bots",
        message=bot_pb2.Bot,
        requests=bot_service_pb2,
        stub=lambda client: client.bots,
        columns=(
            ("NAME", _field("name")),
            ("DISPLAY NAME", _field("display_name")),
            ("INITIAL STATE", _field("definition.initial_state")),
            ("STATES", _field("definition.states")),
        ),
    ),
    Resource(
        command="keys",
        kind="ApiKey",
        field="api_key",
        collection="apiKeys",
        message=api_key_pb2.ApiKey,
        requests=auth_service_pb2,
        stub=lambda client: client.auth,
        columns=(
            ("NAME", _field("name")),
            ("DISPLAY NAME", _field("display_name")),
            ("ROLE", _field("role")),
            ("CREATED", _field("create_time")),
        ),
        actions=("list", "create", "delete"),
        create_options=(
            Option(
                "--role",
                "role",
                {
                    "required": True,
                    "type": lambda text: _enum_value(
                        _enum_type(common_pb2.Role), text, allowed=("admin", "service")
                    ),
                    "metavar": "admin|service",
                    "help": "what the key may do",
                },
            ),
            Option("--display-name", "display_name", {"default": "", "help": "a label"}),
        ),
        shown_once=("secret",),
    ),
)


def _enum_choices(enum: EnumDescriptor) -> list[str]:
    prefix = _enum_prefix(enum)
    return [v.name.removeprefix(prefix).lower() for v in enum.values if v.number != 0]


def _enum_value(enum: EnumDescriptor, text: str, *, allowed: Sequence[str] = ()) -> int:
    """`sms`, `SMS` or `CHANNEL_TYPE_SMS` → CHANNEL_TYPE_SMS's number."""
    choices = list(allowed) or _enum_choices(enum)
    short = text.strip().upper().removeprefix(_enum_prefix(enum)).lower()
    if short not in choices:
        raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(choices)}")
    number: int = enum.values_by_name[_enum_prefix(enum) + short.upper()].number
    return number


def _enum_arg(enum: EnumDescriptor, *, allowed: Sequence[str] = ()) -> Callable[[str], int]:
    def parse(text: str) -> int:
        return _enum_value(enum, text, allowed=allowed)

    return parse


def _body_arg(message_type: type[Message]) -> Callable[[str], Message]:
    """Reads --json-body: JSON itself, `@FILE`, or `-` for stdin, parsed as protobuf JSON."""

    def parse(text: str) -> Message:
        if text == "-":
            text = sys.stdin.read()
        elif text.startswith("@"):
            try:
                text = Path(text[1:]).read_text()
            except OSError as error:
                raise argparse.ArgumentTypeError(
                    f"cannot read {text[1:]}: {error.strerror or error}"
                ) from error
        message = message_type()
        try:
            json_format.Parse(text, message)
        except json_format.ParseError as error:
            raise argparse.ArgumentTypeError(
                f"not a {message_type.DESCRIPTOR.full_name} in protobuf JSON: {error}"
            ) from error
        return message

    return parse


# -- resource verbs ----------------------------------------------------------------


async def _list(resource: Resource, client: Client, args: argparse.Namespace) -> int:
    request = resource.request("list", page_size=PAGE_SIZE)
    for field in resource.list_filters:
        value = getattr(args, field)
        if value is not None:
            setattr(request, field, value)
    items: list[Message] = []
    while True:
        response = await resource.rpc(client, "list")(request, timeout=CALL_TIMEOUT)
        items += getattr(response, resource.field + "s")
        if not response.next_page_token:
            break
        request.page_token = response.next_page_token
    if args.json:
        everything = type(response)()
        getattr(everything, resource.field + "s").extend(items)
        print(_json(everything))
    else:
        print(_table(resource.columns, items))
    return EXIT_OK


def _print_one(resource: Resource, response: Message, as_json: bool) -> None:
    if as_json:
        print(_json(response))
        return
    print(_table(resource.columns, [getattr(response, resource.field)]))
    for field in resource.shown_once:
        if field not in response.DESCRIPTOR.fields_by_name:  # only some responses carry it
            continue
        value = getattr(response, field)
        if value:
            print(f"{field}: {value}")


async def _get(resource: Resource, client: Client, args: argparse.Namespace) -> int:
    request = resource.request("get", name=resource.name(args.name))
    response = await resource.rpc(client, "get")(request, timeout=CALL_TIMEOUT)
    _print_one(resource, response, args.json)
    return EXIT_OK


async def _create(resource: Resource, client: Client, args: argparse.Namespace) -> int:
    if resource.create_options:
        body = resource.message(
            **{o.field: getattr(args, o.field) for o in resource.create_options}
        )
    else:
        body = args.json_body
    request = resource.request("create", **{resource.field: body}, request_id=args.request_id)
    response = await resource.rpc(client, "create")(request, timeout=CALL_TIMEOUT)
    _print_one(resource, response, args.json)
    return EXIT_OK


async def _update(resource: Resource, client: Client, args: argparse.Namespace) -> int:
    body = args.json_body
    body.name = resource.name(args.name)
    request = resource.request("update", **{resource.field: body}, request_id=args.request_id)
    if args.update_mask is not None:
        paths = [path.strip() for path in args.update_mask.split(",")]
        request.update_mask.paths.extend(path for path in paths if path)
    response = await resource.rpc(client, "update")(request, timeout=CALL_TIMEOUT)
    _print_one(resource, response, args.json)
    return EXIT_OK


async def _delete(resource: Resource, client: Client, args: argparse.Namespace) -> int:
    name = resource.name(args.name)
    request = resource.request("delete", name=name, request_id=args.request_id)
    if getattr(args, "force", False):
        request.force = True
    response = await resource.rpc(client, "delete")(request, timeout=CALL_TIMEOUT)
    print(_json(response) if args.json else f"deleted {name}")
    return EXIT_OK


ActionHandler = Callable[[Resource, Client, argparse.Namespace], Awaitable[int]]
_ACTIONS: dict[str, tuple[ActionHandler, str]] = {
    "list": (_list, "list them all"),
    "get": (_get, "show one"),
    "create": (_create, "create one"),
    "update": (_update, "change one"),
    "delete": (_delete, "delete one"),
}


def _add_resource(
    verbs: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    resource: Resource,
) -> None:
    noun = verbs.add_parser(
        resource.command,
        help=f"{'|'.join(resource.actions)} {resource.command}",
        description=f"Manage {resource.command} on a running server.",
    )
    actions = noun.add_subparsers(dest="action", required=True, metavar="ACTION")
    request_type = resource.message.DESCRIPTOR.full_name
    for action in resource.actions:
        handler, summary = _ACTIONS[action]
        parser = actions.add_parser(action, parents=[common], help=summary)
        if action in ("get", "update", "delete"):
            parser.add_argument(
                "name", metavar="NAME", help=f"{resource.collection}/ID (or just the ID)"
            )
        if action == "list":
            fields = resource.request("list").DESCRIPTOR.fields_by_name
            for field in resource.list_filters:
                descriptor = fields[field]
                flag = "--" + field.replace("_", "-")
                if descriptor.enum_type is not None:
                    choices = "|".join(_enum_choices(descriptor.enum_type))
                    parser.add_argument(
                        flag, type=_enum_arg(descriptor.enum_type), metavar=choices, help="filter"
                    )
                else:
                    parser.add_argument(flag, help="filter")
        if action == "create" and resource.create_options:
            for option in resource.create_options:
                parser.add_argument(option.flag, dest=option.field, **option.kwargs)
        elif action in ("create", "update"):
            parser.add_argument(
                "--json-body",
                required=True,
                type=_body_arg(resource.message),
                metavar="JSON|@FILE|-",
                help=f"the {request_type} as protobuf JSON, or @FILE holding it, or - for stdin",
            )
        if action == "update":
            parser.add_argument(
                "--update-mask",
                metavar="FIELD,…",
                help="the fields to change (default: every field the body sets; * for all)",
            )
        if action == "delete" and "force" in resource.request("delete").DESCRIPTOR.fields_by_name:
            parser.add_argument("--force", action="store_true", help="delete even when in use")
        if action in ("create", "update", "delete"):
            parser.add_argument(
                "--request-id", default="", help="makes a retry of this call harmless"
            )
        parser.set_defaults(
            run=run, handler=functools.partial(handler, resource), usage_error=parser.error
        )


# -- token, send, deliver ----------------------------------------------------------


def _duration(text: str) -> duration_pb2.Duration:
    try:
        value = parse_duration(text)
    except (ValueError, OverflowError) as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    duration = duration_pb2.Duration()
    duration.FromTimedelta(value)
    return duration


async def _token(client: Client, args: argparse.Namespace) -> int:
    request = auth_service_pb2.CreateAccessTokenRequest(
        identity=args.identity, role=args.role, channel=args.channel or ""
    )
    if args.ttl is not None:
        request.ttl.CopyFrom(args.ttl)
    response = await client.auth.CreateAccessToken(request, timeout=CALL_TIMEOUT)
    print(_json(response) if args.json else response.token)
    return EXIT_OK


_MESSAGE_COLUMNS: tuple[tuple[str, Cell], ...] = (
    ("NAME", _field("name")),
    ("INDEX", _field("index")),
    ("AUTHOR", _field("author")),
    ("DIRECTION", _field("direction")),
    ("BODY", _field("body")),
)


def _channel_name(text: str) -> str:
    return text if "/" in text else f"channels/{text}"


async def _send(client: Client, args: argparse.Namespace) -> int:
    body = sys.stdin.read() if args.body == "-" else args.body
    request = channel_service_pb2.SendMessageRequest(
        parent=_channel_name(args.channel),
        body=body,
        author=args.author or "",
        internal=args.internal,
        request_id=args.request_id,
    )
    response = await client.channels.SendMessage(request, timeout=CALL_TIMEOUT)
    message: message_pb2.Message = response.message
    print(_json(response) if args.json else _table(_MESSAGE_COLUMNS, [message]))
    return EXIT_OK


_DELIVERED_COLUMNS: tuple[tuple[str, Cell], ...] = (
    ("MESSAGE", _field("message.name")),
    ("CHANNEL", _field("channel")),
    ("SESSION", _field("session")),
    ("DUPLICATE", _field("duplicate")),
)


async def _deliver(client: Client, args: argparse.Namespace) -> int:
    request = gateway_service_pb2.DeliverInboundRequest(
        channel_type=args.channel_type,
        customer_address=args.customer_address,
        contact_identity=args.contact_identity,
        body=args.body,
        external_id=args.external_id or f"relaydesk-cli-{uuid.uuid4().hex}",
        display_name=args.display_name or "",
    )
    response = await client.gateway.DeliverInbound(request, timeout=CALL_TIMEOUT)
    print(_json(response) if args.json else _table(_DELIVERED_COLUMNS, [response]))
    return EXIT_OK


# -- tail --------------------------------------------------------------------------


@dataclasses.dataclass
class _Cursor:
    """The sequence everything up to which was printed (or filtered out); None before any."""

    after: int | None


class _StreamEnded(Exception):
    def __init__(self, error: grpc.aio.AioRpcError | None) -> None:
        super().__init__()
        self.error = error


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _event_summary(event: event_pb2.Event) -> str:
    kind = event.WhichOneof("payload")
    if kind is None:
        return ""
    payload = getattr(event, kind)
    if kind == "message":
        return f"{payload.name} {payload.author or '-'}: {_one_line(payload.body)}"
    if kind == "typing":
        return f"{payload.channel} {payload.identity}"
    parts = [payload.name]
    fields = payload.DESCRIPTOR.fields_by_name
    for field in ("identity", "role", "status", "state", "activity"):
        if field in fields:
            parts.append(f"{field}={_format(payload, fields[field])}")
    return " ".join(parts)


def _event_line(event: event_pb2.Event) -> str:
    kind = _enum_label(_enum_type(event_pb2.EventType), event.type)
    return f"{event.sequence}  {_time(event.create_time)}  {kind}  {_event_summary(event)}"


def _tail_filters(args: argparse.Namespace) -> tuple[list[str], list[int]]:
    channels = [_channel_name(c) for text in args.channels for c in text.split(",") if c]
    types: list[int] = []
    for text in args.types:
        for name in filter(None, text.split(",")):
            try:
                types.append(_enum_value(_enum_type(event_pb2.EventType), name))
            except argparse.ArgumentTypeError as error:
                args.usage_error(f"argument --types: {error}")
    return channels, types


async def _follow(client: Client, args: argparse.Namespace, cursor: _Cursor) -> None:
    channels, types = _tail_filters(args)
    while True:
        request = event_service_pb2.SubscribeRequest(
            channels=channels,
            types=types,  # type: ignore[arg-type]
            include_typing=args.include_typing,
        )
        if cursor.after is not None:
            request.after_sequence = cursor.after
        call = client.events.Subscribe(request)
        try:
            async for response in call:
                event: event_pb2.Event = response.event
                if event.type == event_pb2.EVENT_TYPE_HEARTBEAT:
                    # Everything up to the heartbeat's sequence was delivered or filtered out.
                    if cursor.after is None or event.sequence > cursor.after:
                        cursor.after = event.sequence
                    continue
                print(_json(event, indent=None) if args.json else _event_line(event), flush=True)
                if event.sequence:
                    cursor.after = event.sequence
        except grpc.aio.AioRpcError as error:
            if cursor.after is not None and _reason(error) == "SUBSCRIBER_TOO_SLOW":
                continue  # cut for falling behind: carry on from the cursor
            raise _StreamEnded(error) from error
        raise _StreamEnded(None)


def _reason(error: grpc.aio.AioRpcError) -> str:
    for detail in error_details(error):
        if isinstance(detail, error_details_pb2.ErrorInfo):
            return str(detail.reason)
    return ""


def _resume_hint(cursor: _Cursor) -> str:
    return "" if cursor.after is None else f"resume with --after {cursor.after}"


async def _tail(client: Client, args: argparse.Namespace) -> int:
    cursor = _Cursor(args.after)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    follow = asyncio.create_task(_follow(client, args, cursor))
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({follow, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if not follow.done():  # interrupted: the normal way to end a tail
        follow.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await follow
        if cursor.after is not None:
            print(f"stopped; {_resume_hint(cursor)}", file=sys.stderr)
        return EXIT_OK
    stopped.cancel()
    try:
        follow.result()
    except _StreamEnded as ended:
        hint = _resume_hint(cursor)
        if ended.error is None:
            _print_failure("the server ended the stream", args.json, hint, cursor)
        else:
            _report_error(ended.error, args.json, resume_after=cursor.after)
            if hint and not args.json:
                print(hint, file=sys.stderr)
    return EXIT_ERROR


def _print_failure(message: str, as_json: bool, hint: str, cursor: _Cursor) -> None:
    if as_json:
        failure: dict[str, Any] = {"message": message}
        if cursor.after is not None:
            failure["resumeAfter"] = cursor.after
        print(json.dumps(failure), file=sys.stderr)
    else:
        print(f"error: {message}" + (f"; {hint}" if hint else ""), file=sys.stderr)


# -- errors ------------------------------------------------------------------------


def _detail_lines(detail: Any, said: str) -> list[str]:
    """A detail of an error as lines; `said` is the status message (not repeated)."""

    def line(label: str, *parts: str, description: str = "") -> str:
        text = " ".join(p for p in (label, *parts) if p)
        return text + (f": {description}" if description and description != said else "")

    if isinstance(detail, error_details_pb2.ErrorInfo):
        metadata = [f"{k}={v}" for k, v in sorted(detail.metadata.items())]
        return [line("reason:", detail.reason, f"({detail.domain})", *metadata)]
    if isinstance(detail, error_details_pb2.BadRequest):
        return [f"{v.field}: {v.description}" for v in detail.field_violations]
    if isinstance(detail, error_details_pb2.ResourceInfo):
        return [
            line(
                "resource:",
                detail.resource_type,
                detail.resource_name,
                description=detail.description,
            )
        ]
    if isinstance(detail, error_details_pb2.PreconditionFailure):
        return [
            line("precondition:", v.type, v.subject, description=v.description)
            for v in detail.violations
        ]
    if isinstance(detail, error_details_pb2.RetryInfo):
        return [f"retry after: {detail.retry_delay.ToJsonString()}"]
    if isinstance(detail, error_details_pb2.QuotaFailure):
        return [line("quota:", v.subject, description=v.description) for v in detail.violations]
    return [f"detail: {getattr(detail, 'type_url', type(detail).__name__)}"]


def _detail_json(detail: Any) -> dict[str, Any]:
    if isinstance(detail, Message) and detail.DESCRIPTOR.full_name != "google.protobuf.Any":
        return {
            "@type": f"type.googleapis.com/{detail.DESCRIPTOR.full_name}",
            **json_format.MessageToDict(detail),
        }
    return {"@type": getattr(detail, "type_url", "")}


def _report_error(
    error: grpc.aio.AioRpcError, as_json: bool, *, resume_after: int | None = None
) -> None:
    code = error.code().name
    message = error.details() or ""
    details = error_details(error)
    if as_json:
        report: dict[str, Any] = {
            "code": code,
            "message": message,
            "details": [_detail_json(d) for d in details],
        }
        if resume_after is not None:
            report["resumeAfter"] = resume_after
        print(json.dumps(report, indent=2), file=sys.stderr)
        return
    print(f"error: {code}: {message}", file=sys.stderr)
    for detail in details:
        for line in _detail_lines(detail, message):
            print(f"  {line}", file=sys.stderr)


# -- connecting --------------------------------------------------------------------


def _credential(args: argparse.Namespace) -> str | None:
    if args.token:
        return str(args.token)
    from_env = os.environ.get("RELAYDESK_TOKEN", "").strip()
    if from_env:
        return from_env
    try:
        return DEFAULT_TOKEN_FILE.read_text().strip() or None
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UsageError(
            f"no --token or RELAYDESK_TOKEN, and {DEFAULT_TOKEN_FILE} cannot be read: "
            f"{error.strerror or error}"
        ) from error


def _channel_credentials(args: argparse.Namespace) -> grpc.ChannelCredentials | None:
    if (args.tls_cert is None) != (args.tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together: give both or neither")
    if not (args.tls or args.tls_ca or args.tls_cert or args.tls_server_name):
        return None
    return grpc.ssl_channel_credentials(
        root_certificates=None if args.tls_ca is None else read_file("--tls-ca", args.tls_ca),
        private_key=None if args.tls_key is None else read_file("--tls-key", args.tls_key),
        certificate_chain=None if args.tls_cert is None else read_file("--tls-cert", args.tls_cert),
    )


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    connection = common.add_argument_group("connection")
    connection.add_argument(
        "--server",
        metavar="HOST:PORT",
        default=env("server", DEFAULT_SERVER),
        help="the server (env RELAYDESK_SERVER; default %(default)s)",
    )
    connection.add_argument(
        "--token",
        help="an API key secret or access token (env RELAYDESK_TOKEN; default: "
        f"the contents of ./{DEFAULT_TOKEN_FILE} when it exists)",
    )
    connection.add_argument(
        "--tls", action="store_true", help="connect with TLS, trusting the system's CAs"
    )
    connection.add_argument(
        "--tls-ca",
        type=Path,
        metavar="FILE",
        default=env("tls-ca", "") or None,
        help="connect with TLS, trusting the PEM CA certificates in FILE (env RELAYDESK_TLS_CA)",
    )
    connection.add_argument(
        "--tls-cert",
        type=Path,
        metavar="FILE",
        help="mutual TLS: this client's PEM certificate chain (with --tls-key)",
    )
    connection.add_argument(
        "--tls-key", type=Path, metavar="FILE", help="mutual TLS: the unencrypted PEM private key"
    )
    connection.add_argument(
        "--tls-server-name",
        metavar="NAME",
        help="the name the server's certificate must carry, when not the host of --server",
    )
    common.add_argument(
        "--json", action="store_true", help="print protobuf JSON instead of a table"
    )
    return common


def run(args: argparse.Namespace) -> int:
    """Runs the admin verb `args` was parsed for; returns the exit code."""
    try:
        credential = _credential(args)
        credentials = _channel_credentials(args)
    except UsageError as error:
        _usage(args, str(error))
    options = []
    if args.tls_server_name:
        options.append(("grpc.ssl_target_name_override", args.tls_server_name))
    handler: Handler = args.handler

    async def call() -> int:
        async with connect(
            args.server, credential, channel_credentials=credentials, options=options
        ) as client:
            try:
                return await handler(client, args)
            except grpc.aio.AioRpcError as error:
                _report_error(error, args.json)
                return EXIT_ERROR

    try:
        return asyncio.run(call())
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `relaydesk tail | head`: the reader is done
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _usage(args: argparse.Namespace, message: str) -> NoReturn:
    args.usage_error(message)  # prints the usage and exits with status 2
    raise SystemExit(EXIT_USAGE)


def add_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the admin verbs to the `relaydesk` command's subparsers."""
    common = _common_options()
    for resource in RESOURCES:
        _add_resource(verbs, common, resource)

    token = verbs.add_parser(
        "token", parents=[common], help="mint an access token for an agent or a customer"
    )
    token.add_argument("--identity", required=True, help="the agent's or customer's identity")
    token.add_argument(
        "--role",
        required=True,
        type=_enum_arg(_enum_type(common_pb2.Role), allowed=("agent", "customer")),
        metavar="agent|customer",
    )
    token.add_argument("--channel", help="the one channel a customer token reaches")
    token.add_argument("--ttl", type=_duration, help="how long it is valid (default 1h; max 24h)")
    token.set_defaults(run=run, handler=_token, usage_error=token.error)

    tail = verbs.add_parser(
        "tail",
        parents=[common],
        help="print live events until interrupted",
        description="Prints each event on a line (a JSON object with --json) until interrupted; "
        "--after N resumes after sequence N (0: from the very beginning).",
    )
    tail.add_argument("--after", type=_sequence, metavar="N", help="replay after sequence N")
    tail.add_argument(
        "--channels",
        nargs="+",
        action="extend",
        default=[],
        metavar="CHANNEL",
        help="only these channels' events",
    )
    types = ", ".join(
        t
        for t in _enum_choices(_enum_type(event_pb2.EventType))
        if t not in ("typing", "heartbeat")
    )
    tail.add_argument(
        "--types",
        nargs="+",
        action="extend",
        default=[],
        metavar="TYPE",
        help=f"only events of these types ({types})",
    )
    tail.add_argument("--include-typing", action="store_true", help="also print TYPING events")
    tail.set_defaults(run=run, handler=_tail, usage_error=tail.error)

    send = verbs.add_parser("send", parents=[common], help="post a message in a channel")
    send.add_argument("channel", metavar="CHANNEL", help="channels/ID (or just the ID)")
    send.add_argument("body", metavar="BODY", help="the text, or - to read it from stdin")
    send.add_argument(
        "--as",
        dest="author",
        metavar="IDENTITY",
        help="the author: a member of the channel (default: system)",
    )
    send.add_argument("--internal", action="store_true", help="keep it from the customer")
    send.add_argument("--request-id", default="", help="makes a retry of this call harmless")
    send.set_defaults(run=run, handler=_send, usage_error=send.error)

    deliver = verbs.add_parser(
        "deliver", parents=[common], help="deliver an inbound message as a gateway would"
    )
    channel_types = _enum_type(common_pb2.ChannelType)
    deliver.add_argument(
        "--channel-type",
        required=True,
        type=_enum_arg(channel_types),
        metavar="|".join(_enum_choices(channel_types)),
    )
    deliver.add_argument(
        "--from", dest="customer_address", required=True, metavar="ADDR", help="the customer"
    )
    deliver.add_argument(
        "--to",
        dest="contact_identity",
        required=True,
        metavar="CONTACT",
        help="the flow's contact identity",
    )
    deliver.add_argument("--body", required=True, help="the text")
    deliver.add_argument(
        "--id",
        dest="external_id",
        metavar="EXTERNAL_ID",
        help="the provider's message id, the idempotency key (default: a new one)",
    )
    deliver.add_argument("--display-name", help="the customer's name")
    deliver.set_defaults(run=run, handler=_deliver, usage_error=deliver.error)


def _sequence(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a sequence number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value
