"""Who may call what (API §10): one entry per RPC, checked before any handler runs.

Each entry names the roles that may call the RPC and, where agents or
customers may, what they may touch. That second part is enforced by the
domain functions the handler calls (`domain/access.py` holds the rules), since
only they see the resource; this table is what a reader checks them against.

Admins may call everything. Services may call everything but key management.
Visitors (callers without a credential, API §14) may call only what names them,
and only where the RPC admits their request (StartWebchat: an enabled WEB flow);
any other call without a credential is UNAUTHENTICATED.
An RPC missing from this table is refused to everyone: a new RPC is closed
until someone decides who may call it.
"""

from __future__ import annotations

import dataclasses

from relaydesk_server.domain.errors import PermissionDenied
from relaydesk_server.domain.keys_model import Principal, Role

A, S, G, C, V = Role.ADMIN, Role.SERVICE, Role.AGENT, Role.CUSTOMER, Role.VISITOR


@dataclasses.dataclass(frozen=True)
class Entry:
    roles: frozenset[Role]
    # What an agent or a customer may touch through this RPC ("" for staff-only RPCs).
    scope: str = ""


def _entry(*roles: Role, scope: str = "") -> Entry:
    return Entry(frozenset(roles), scope)


ADMIN_ONLY = _entry(A)
STAFF = _entry(A, S)

_MEMBER_CHANNELS = "agents: channels they are members of"
_OWN_CHANNEL = "customers: the one channel of their token, as its member"

POLICY: dict[str, Entry] = {
    # -- FlowService: configuration, staff only.
    "relaydesk.v1.FlowService/CreateFlow": STAFF,
    "relaydesk.v1.FlowService/GetFlow": STAFF,
    "relaydesk.v1.FlowService/ListFlows": STAFF,
    "relaydesk.v1.FlowService/UpdateFlow": STAFF,
    "relaydesk.v1.FlowService/DeleteFlow": STAFF,
    "relaydesk.v1.FlowService/RotateWebhookSecret": STAFF,
    # -- ChannelService: conversations.
    "relaydesk.v1.ChannelService/CreateChannel": _entry(
        A, S, G, scope="agents: the new channel, which they join"
    ),
    "relaydesk.v1.ChannelService/GetChannel": _entry(
        A, S, G, C, scope=f"{_MEMBER_CHANNELS} (and public ones); {_OWN_CHANNEL}"
    ),
    "relaydesk.v1.ChannelService/ListChannels": _entry(
        A, S, G, C, scope="agents: the channels they are members of; customers: their channel"
    ),
    "relaydesk.v1.ChannelService/UpdateChannel": _entry(A, S, G, scope=_MEMBER_CHANNELS),
    "relaydesk.v1.ChannelService/CloseChannel": _entry(A, S, G, scope=_MEMBER_CHANNELS),
    "relaydesk.v1.ChannelService/DeleteChannel": STAFF,
    "relaydesk.v1.ChannelService/AddMember": _entry(A, S, G, scope=_MEMBER_CHANNELS),
    "relaydesk.v1.ChannelService/ListMembers": _entry(
        A, S, G, C, scope=f"{_MEMBER_CHANNELS}; {_OWN_CHANNEL}, without member attributes"
    ),
    "relaydesk.v1.ChannelService/RemoveMember": _entry(A, S, G, scope=_MEMBER_CHANNELS),
    "relaydesk.v1.ChannelService/UpdateReadHorizon": _entry(
        A, S, G, C, scope="people: their own member, in a channel they may read"
    ),
    "relaydesk.v1.ChannelService/SendMessage": _entry(
        A, S, G, C, scope=f"as themselves: {_MEMBER_CHANNELS}; {_OWN_CHANNEL}; never internal"
    ),
    "relaydesk.v1.ChannelService/GetMessage": _entry(
        A, S, G, C, scope=f"{_MEMBER_CHANNELS}; {_OWN_CHANNEL}, never internal messages"
    ),
    "relaydesk.v1.ChannelService/ListMessages": _entry(
        A, S, G, C, scope=f"{_MEMBER_CHANNELS}; {_OWN_CHANNEL}, never internal messages"
    ),
    "relaydesk.v1.ChannelService/UpdateMessage": _entry(
        A, S, G, scope="agents: their own messages in channels they are members of"
    ),
    "relaydesk.v1.ChannelService/DeleteMessage": _entry(
        A, S, G, scope="agents: their own messages in channels they are members of"
    ),
    "relaydesk.v1.ChannelService/SendTyping": _entry(
        A, S, G, C, scope=f"as themselves: {_MEMBER_CHANNELS}; {_OWN_CHANNEL}"
    ),
    # -- SessionService: proxy sessions; agents read those of their channels.
    "relaydesk.v1.SessionService/CreateSession": STAFF,
    "relaydesk.v1.SessionService/GetSession": _entry(
        A, S, G, scope="agents: sessions of channels they are members of"
    ),
    "relaydesk.v1.SessionService/ListSessions": STAFF,
    "relaydesk.v1.SessionService/UpdateSession": STAFF,
    "relaydesk.v1.SessionService/CloseSession": STAFF,
    "relaydesk.v1.SessionService/ListParticipants": _entry(
        A, S, G, scope="agents: sessions of channels they are members of"
    ),
    "relaydesk.v1.SessionService/ListInteractions": _entry(
        A, S, G, scope="agents: sessions of channels they are members of"
    ),
    # -- GatewayService: channel adapters, service to service.
    "relaydesk.v1.GatewayService/DeliverInbound": STAFF,
    "relaydesk.v1.GatewayService/StreamOutbound": STAFF,
    "relaydesk.v1.GatewayService/AckOutbound": STAFF,
    # -- EngagementService.
    "relaydesk.v1.EngagementService/StartWebchat": _entry(
        A,
        S,
        V,
        scope="visitors (no credential): an enabled WEB flow, from a page it allows, "
        "within a rate of starts per client address, as a new visitor",
    ),
    "relaydesk.v1.EngagementService/StartOutbound": _entry(
        A, S, G, scope="agents: for themselves only"
    ),
    # -- WorkforceService: agents read activities and queues, and act on their own worker.
    "relaydesk.v1.WorkforceService/CreateActivity": STAFF,
    "relaydesk.v1.WorkforceService/GetActivity": _entry(A, S, G, scope="agents: any activity"),
    "relaydesk.v1.WorkforceService/ListActivities": _entry(A, S, G, scope="agents: all"),
    "relaydesk.v1.WorkforceService/UpdateActivity": STAFF,
    "relaydesk.v1.WorkforceService/DeleteActivity": STAFF,
    "relaydesk.v1.WorkforceService/CreateWorker": STAFF,
    "relaydesk.v1.WorkforceService/GetWorker": _entry(A, S, G, scope="agents: their own worker"),
    "relaydesk.v1.WorkforceService/ListWorkers": _entry(
        A, S, G, scope="agents: their own worker only"
    ),
    "relaydesk.v1.WorkforceService/UpdateWorker": STAFF,
    "relaydesk.v1.WorkforceService/DeleteWorker": STAFF,
    "relaydesk.v1.WorkforceService/SetWorkerActivity": _entry(
        A, S, G, scope="agents: their own worker"
    ),
    "relaydesk.v1.WorkforceService/CreateQueue": STAFF,
    "relaydesk.v1.WorkforceService/GetQueue": _entry(A, S, G, scope="agents: any queue"),
    "relaydesk.v1.WorkforceService/ListQueues": _entry(A, S, G, scope="agents: all"),
    "relaydesk.v1.WorkforceService/UpdateQueue": STAFF,
    "relaydesk.v1.WorkforceService/DeleteQueue": STAFF,
    "relaydesk.v1.WorkforceService/GetQueueStatistics": STAFF,
    "relaydesk.v1.WorkforceService/CreateWorkflow": STAFF,
    "relaydesk.v1.WorkforceService/GetWorkflow": STAFF,
    "relaydesk.v1.WorkforceService/ListWorkflows": STAFF,
    "relaydesk.v1.WorkforceService/UpdateWorkflow": STAFF,
    "relaydesk.v1.WorkforceService/DeleteWorkflow": STAFF,
    # -- TaskService: agents act on the tasks they hold and the offers made to them.
    "relaydesk.v1.TaskService/CreateTask": STAFF,
    "relaydesk.v1.TaskService/GetTask": _entry(
        A, S, G, scope="agents: tasks assigned to them or offered to them"
    ),
    "relaydesk.v1.TaskService/ListTasks": _entry(
        A, S, G, scope="agents: the tasks assigned to them"
    ),
    "relaydesk.v1.TaskService/UpdateTask": _entry(A, S, G, scope="agents: tasks assigned to them"),
    "relaydesk.v1.TaskService/CancelTask": STAFF,
    "relaydesk.v1.TaskService/WrapUpTask": _entry(A, S, G, scope="agents: tasks assigned to them"),
    "relaydesk.v1.TaskService/CompleteTask": _entry(
        A, S, G, scope="agents: tasks assigned to them"
    ),
    "relaydesk.v1.TaskService/TransferTask": _entry(
        A, S, G, scope="agents: tasks assigned to them"
    ),
    "relaydesk.v1.TaskService/ListReservations": _entry(
        A, S, G, scope="agents: their own reservations"
    ),
    "relaydesk.v1.TaskService/AcceptReservation": _entry(
        A, S, G, scope="agents: their own reservations"
    ),
    "relaydesk.v1.TaskService/RejectReservation": _entry(
        A, S, G, scope="agents: their own reservations"
    ),
    # -- BotService: configuration and executions, staff only for now.
    "relaydesk.v1.BotService/CreateBot": STAFF,
    "relaydesk.v1.BotService/GetBot": STAFF,
    "relaydesk.v1.BotService/ListBots": STAFF,
    "relaydesk.v1.BotService/UpdateBot": STAFF,
    "relaydesk.v1.BotService/DeleteBot": STAFF,
    "relaydesk.v1.BotService/GetExecution": STAFF,
    "relaydesk.v1.BotService/ListExecutions": STAFF,
    "relaydesk.v1.BotService/EndExecution": STAFF,
    # -- EventService: everyone, each seeing what §9 lets it see (domain/visibility.py).
    "relaydesk.v1.EventService/Subscribe": _entry(
        A, S, G, C, scope="the events of what the caller may read (API §9)"
    ),
    # -- AuthService: keys are the admins' business; services mint people's tokens.
    "relaydesk.v1.AuthService/CreateApiKey": ADMIN_ONLY,
    "relaydesk.v1.AuthService/ListApiKeys": ADMIN_ONLY,
    "relaydesk.v1.AuthService/DeleteApiKey": ADMIN_ONLY,
    "relaydesk.v1.AuthService/RotateSigningKey": ADMIN_ONLY,
    "relaydesk.v1.AuthService/CreateAccessToken": _entry(
        A, S, scope="mints AGENT and CUSTOMER tokens only"
    ),
}

# Keyed by the method path ("/package.Service/Method"): the gRPC path, and the browser
# endpoint's URL path, both as the call pipeline sees them.
_BY_PATH = {f"/{method}": entry for method, entry in POLICY.items()}


def open_to_visitors(method_path: str) -> bool:
    """Whether a caller without a credential may call the RPC at `method_path`."""
    entry = _BY_PATH.get(method_path)
    return entry is not None and Role.VISITOR in entry.roles


def require_callable(principal: Principal, method_path: str) -> None:
    """Whether the caller's role may call the RPC at `method_path` at all."""
    entry = _BY_PATH.get(method_path)
    if entry is None or principal.role not in entry.roles:
        raise PermissionDenied(
            f"a {principal.role.value.lower()} credential may not call {method_path}",
            reason="ROLE_NOT_ALLOWED",
        )
