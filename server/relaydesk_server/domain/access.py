"""What agents and customers may touch (API §9, §10): the resource half of the
policy whose role half is `domain/policy.py`.

Admins and services may do everything. Agents act only as themselves: their
worker, the offers made to them, the tasks they hold, the channels they are
members of (and they read public ones). A customer acts only in the one channel
its credential is scoped to, as a member of it.

A person is never told whether something it may not see exists: asking for a
missing resource and for someone else's answer the same PERMISSION_DENIED.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from relaydesk_server.domain.channels_model import Channel, ChannelKind, Member
from relaydesk_server.domain.errors import InvalidArgument, NotFound, PermissionDenied
from relaydesk_server.domain.keys_model import Principal, Role
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.tasks_model import Reservation, Task
from relaydesk_server.domain.workforce_model import Worker

T = TypeVar("T")
R = TypeVar("R", Channel, Member)


def _denied() -> PermissionDenied:
    return denied("channel")


def can_read(principal: Principal, channel: Channel, membership: Member | None) -> bool:
    if principal.is_privileged:
        return True
    if principal.role is Role.CUSTOMER:
        return principal.channel == channel.name and membership is not None
    return membership is not None or channel.spec.kind is ChannelKind.PUBLIC


def require_read(principal: Principal, channel: Channel, membership: Member | None) -> None:
    if not can_read(principal, channel, membership):
        raise _denied()


def require_write(principal: Principal, channel: Channel, membership: Member | None) -> None:
    if principal.is_privileged:
        return
    if principal.role is Role.CUSTOMER and principal.channel != channel.name:
        raise _denied()
    if membership is None:
        raise _denied()


# What a customer never sees of the resources it may read, by resource: the
# business's notes on members, and the routing behind its channel. The names are
# the fields' names in both the domain models and the protos, so the RPCs
# (`as_customer_sees`) and the event stream (transport/events_convert.py) hide
# the same fields.
HIDDEN_FROM_CUSTOMERS: dict[str, tuple[str, ...]] = {
    "member": ("attributes",),
    "channel": ("task", "session"),
}
_EMPTY: dict[str, Any] = {"attributes": {}, "task": None, "session": None}


def as_customer_sees(principal: Principal, resource: R) -> R:
    """`resource` as `principal` may see it: whole for everyone but customers."""
    if principal.role is not Role.CUSTOMER:
        return resource
    kind = "member" if isinstance(resource, Member) else "channel"
    hidden = {field: _EMPTY[field] for field in HIDDEN_FROM_CUSTOMERS[kind]}
    return dataclasses.replace(resource, **hidden)


def denied(kind: str) -> PermissionDenied:
    """The one answer for a `kind` resource a person may not see, or that does not exist."""
    return PermissionDenied(
        f"the caller may not do this on this {kind}", reason=f"{kind.upper()}_ACCESS_DENIED"
    )


def acting_agent(principal: Principal, named: str) -> str:
    """Whom a call that acts for an agent acts for: an agent itself (naming no one
    else); staff, the agent they name."""
    if principal.is_privileged:
        if not named:
            raise InvalidArgument.field(
                "agent_identity", "required: the agent an admin or service acts for"
            )
        return named
    if principal.role is not Role.AGENT or principal.identity is None:
        raise PermissionDenied("only agents act for themselves", reason="ROLE_NOT_ALLOWED")
    if named and named != principal.identity:
        raise PermissionDenied(
            "an agent acts only for itself, not for another agent", reason="ACTS_ONLY_AS_ITSELF"
        )
    return principal.identity


def own_worker(tx: Transaction, principal: Principal) -> Worker | None:
    """The worker an agent acts as: the one whose identity is the token's."""
    if principal.role is not Role.AGENT or principal.identity is None:
        return None
    return tx.workers.find_by_identity(principal.identity)


def is_own_worker(tx: Transaction, principal: Principal, worker: Worker) -> bool:
    if principal.is_privileged:
        return True
    mine = own_worker(tx, principal)
    return mine is not None and mine.id == worker.id


def is_member(tx: Transaction, principal: Principal, channel_id: str) -> bool:
    """Staff count as members of every channel; a person is one if it joined it."""
    if principal.is_privileged:
        return True
    return (
        principal.identity is not None
        and tx.members.find(channel_id, principal.identity) is not None
    )


def holds_task(tx: Transaction, principal: Principal, task: Task) -> bool:
    """Whether the caller may act on `task`: staff on any, an agent on one assigned to it."""
    if principal.is_privileged:
        return True
    mine = own_worker(tx, principal)
    return mine is not None and task.worker == mine.name


def may_read_task(tx: Transaction, principal: Principal, task: Task) -> bool:
    """Staff read any task; an agent one assigned to it or offered to it (to decide)."""
    if holds_task(tx, principal, task):
        return True
    mine = own_worker(tx, principal)
    return mine is not None and any(
        r.worker_id == mine.id for r in tx.reservations.of_task(task.id)
    )


def owns_reservation(tx: Transaction, principal: Principal, reservation: Reservation) -> bool:
    if principal.is_privileged:
        return True
    mine = own_worker(tx, principal)
    return mine is not None and reservation.worker_id == mine.id


def found_or_denied(
    principal: Principal,
    found: T | None,
    allowed: Callable[[T], bool],
    kind: str,
    missing: Callable[[], NotFound],
) -> T:
    """`found` if it exists and the caller may touch it. Otherwise staff learn that
    it is missing (`missing()`), and a person gets the same denial whether it is
    missing or someone else's."""
    if found is not None and allowed(found):
        return found
    if principal.is_privileged and found is None:
        raise missing()
    raise denied(kind)
