"""Ordered, named schema migrations, each applied once in its own transaction.

Applied migrations are recorded in `schema_migrations`; a migration is never
edited once released, only followed by a new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import sqlite3
from collections.abc import Callable

import sqlite_utils
from sqlite_utils.db import ForeignKey

from relaydesk_server.domain.names import ACTIVITY, RandomIds
from relaydesk_server.domain.workforce_model import DEFAULT_ACTIVITIES
from relaydesk_server.storage.codec import ts_to_db


@dataclasses.dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite_utils.Database], None]


def _initial(db: sqlite_utils.Database) -> None:
    db.create_table(
        "api_keys",
        {
            "id": str,
            "display_name": str,
            "role": str,
            "secret_hash": str,
            "create_time": str,
            "update_time": str,
        },
        pk="id",
        not_null={"display_name", "role", "secret_hash", "create_time", "update_time"},
    )
    db.table("api_keys").create_index(["secret_hash"], unique=True)

    db.create_table(
        "flows",
        {
            "id": str,
            "display_name": str,
            "channel_type": str,
            "contact_identity": str,
            "enabled": int,
            "long_lived": int,
            "janitor_enabled": int,
            "session_ttl_us": int,
            "integration": str,  # JSON: {"kind": "task"|"bot"|"webhook", ...}
            "webhook_secret": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "display_name",
            "channel_type",
            "contact_identity",
            "enabled",
            "long_lived",
            "janitor_enabled",
            "session_ttl_us",
            "integration",
            "create_time",
            "update_time",
            "revision",
        },
    )
    # The database itself guarantees one enabled flow per address, whatever
    # the code above it does under concurrency.
    db.execute(
        "CREATE UNIQUE INDEX flows_one_enabled_per_address "
        "ON flows (channel_type, contact_identity) WHERE enabled = 1"
    )
    db.table("flows").create_index(["channel_type", "contact_identity"])

    # Responses of mutating calls by (caller, request_id), kept 24 h so a retry
    # returns the first response instead of acting twice.
    db.create_table(
        "request_log",
        {
            "scope": str,
            "request_id": str,
            "fingerprint": str,
            "response": bytes,
            "create_time": str,
        },
        pk=("scope", "request_id"),
        not_null={"fingerprint", "response", "create_time"},
    )
    db.table("request_log").create_index(["create_time"])


def _cascade(table: str, column: str, other_table: str) -> ForeignKey:
    """A reference whose rows go when the row they point to goes."""
    return ForeignKey(table, column, other_table, "id", on_delete="CASCADE")


def _conversations(db: sqlite_utils.Database) -> None:
    db.create_table(
        "channels",
        {
            "id": str,
            "unique_name": str,
            "display_name": str,
            "kind": str,
            "state": str,
            "flow": str,
            "channel_type": str,
            "customer_address": str,
            "long_lived": int,
            "attributes": str,
            "session": str,
            "task": str,
            "member_count": int,
            "message_count": int,
            "next_message_index": int,
            "close_time": str,
            "close_reason": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "display_name",
            "kind",
            "state",
            "customer_address",
            "long_lived",
            "attributes",
            "member_count",
            "message_count",
            "next_message_index",
            "close_reason",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.table("channels").create_index(["unique_name"], unique=True)
    db.table("channels").create_index(["flow", "state"])
    db.table("channels").create_index(["customer_address"])

    db.create_table(
        "members",
        {
            "id": str,
            "channel_id": str,
            "identity": str,
            "role": str,
            "display_name": str,
            "last_read_index": int,
            "attributes": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        foreign_keys=[_cascade("members", "channel_id", "channels")],
        not_null={
            "channel_id",
            "identity",
            "role",
            "display_name",
            "attributes",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.table("members").create_index(["channel_id", "identity"], unique=True)
    db.table("members").create_index(["identity"])

    db.create_table(
        "messages",
        {
            "id": str,
            "channel_id": str,
            "idx": int,
            "author": str,
            "direction": str,
            "body": str,
            "attributes": str,
            "media": str,
            "delivery": str,
            "edited": int,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        foreign_keys=[_cascade("messages", "channel_id", "channels")],
        not_null={
            "channel_id",
            "idx",
            "author",
            "direction",
            "body",
            "attributes",
            "media",
            "edited",
            "create_time",
            "update_time",
            "revision",
        },
    )
    # Per channel, an index is used once: the database refuses a second.
    db.table("messages").create_index(["channel_id", "idx"], unique=True)

    # The event log. AUTOINCREMENT keeps sequences strictly increasing even
    # after compaction empties the table, and a rolled-back insert reuses its
    # number, so the log stays gap-free.
    db.execute(
        "CREATE TABLE events ("
        " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
        " create_time TEXT NOT NULL,"
        " type TEXT NOT NULL,"
        " channel TEXT,"
        " data BLOB NOT NULL)"
    )
    db.table("events").create_index(["create_time"])


def _workforce(db: sqlite_utils.Database) -> None:
    db.create_table(
        "activities",
        {
            "id": str,
            "display_name": str,
            "available": int,
            "builtin": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={"display_name", "available", "create_time", "update_time", "revision"},
    )
    db.table("activities").create_index(["builtin"], unique=True)
    now = ts_to_db(dt.datetime.now(dt.UTC))
    ids = RandomIds()
    for display_name, available in DEFAULT_ACTIVITIES:
        db.table("activities").insert(
            {
                "id": ids.new_id(ACTIVITY),
                "display_name": display_name,
                "available": int(available),
                "builtin": display_name,
                "create_time": now,
                "update_time": now,
                "revision": 1,
            }
        )
    db.create_table(
        "workers",
        {
            "id": str,
            "identity": str,
            "display_name": str,
            "attributes": str,
            "capacities": str,
            "activity_id": str,
            "activity_change_time": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        foreign_keys=[("activity_id", "activities", "id")],
        not_null={
            "identity",
            "display_name",
            "attributes",
            "capacities",
            "activity_id",
            "activity_change_time",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.table("workers").create_index(["identity"], unique=True)
    db.table("workers").create_index(["activity_id"])


def _routing(db: sqlite_utils.Database) -> None:
    db.create_table(
        "queues",
        {
            "id": str,
            "display_name": str,
            "target_workers": str,
            "ordering": str,
            "max_reserved_workers": int,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "display_name",
            "target_workers",
            "ordering",
            "max_reserved_workers",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.create_table(
        "workflows",
        {
            "id": str,
            "definition": str,  # JSON: display name, filters and targets, default queue
            "reservation_timeout_us": int,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={"definition", "reservation_timeout_us", "create_time", "update_time", "revision"},
    )
    # Which queues each workflow can send tasks to, so a queue in use is not deleted.
    db.create_table(
        "workflow_queues",
        {"workflow_id": str, "queue": str},
        pk=("workflow_id", "queue"),
        foreign_keys=[_cascade("workflow_queues", "workflow_id", "workflows")],
    )
    db.table("workflow_queues").create_index(["queue"])


def _timers(db: sqlite_utils.Database) -> None:
    db.create_table(
        "timers",
        {"kind": str, "subject": str, "due_time": str},
        pk=("kind", "subject"),
        not_null={"due_time"},
    )
    db.table("timers").create_index(["due_time"])


def _tasks(db: sqlite_utils.Database) -> None:
    db.create_table(
        "tasks",
        {
            "id": str,
            "workflow": str,
            "attributes": str,
            "task_channel": str,
            "priority": int,
            "status": str,
            "reason": str,
            "timeout_us": int,
            "queue": str,
            "channel": str,
            "worker": str,
            "filter_index": int,
            "target_index": int,
            "create_time": str,
            "update_time": str,
            "end_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "workflow",
            "attributes",
            "task_channel",
            "priority",
            "status",
            "reason",
            "timeout_us",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.table("tasks").create_index(["queue", "status"])
    db.table("tasks").create_index(["status"])
    db.table("tasks").create_index(["channel"])
    db.table("tasks").create_index(["worker"])


def _reservations(db: sqlite_utils.Database) -> None:
    db.table("tasks").add_column("transfer_queue", str)
    db.table("tasks").add_column("transfer_worker", str)
    db.create_table(
        "reservations",
        {
            "id": str,
            "task_id": str,
            "worker_id": str,
            "task_channel": str,
            "channel": str,
            "status": str,
            "transfer": int,
            "expire_time": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "task_id",
            "worker_id",
            "task_channel",
            "status",
            "transfer",
            "expire_time",
            "create_time",
            "update_time",
            "revision",
        },
        foreign_keys=[_cascade("reservations", "task_id", "tasks")],
    )
    db.table("reservations").create_index(["task_id"])
    db.table("reservations").create_index(["worker_id", "status"])
    db.table("reservations").create_index(["status"])


def _sessions(db: sqlite_utils.Database) -> None:
    db.create_table(
        "sessions",
        {
            "id": str,
            "unique_name": str,
            "channel_id": str,
            "flow": str,
            "customer_address": str,
            "contact_identity": str,
            "customer_display_name": str,
            "status": str,
            "ttl_us": int,
            "expire_time": str,
            "close_reason": str,
            "last_interaction_time": str,
            "customer_participant_id": str,
            "channel_participant_id": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "channel_id",
            "flow",
            "customer_address",
            "contact_identity",
            "customer_display_name",
            "status",
            "ttl_us",
            "close_reason",
            "customer_participant_id",
            "channel_participant_id",
            "create_time",
            "update_time",
            "revision",
        },
    )
    db.table("sessions").create_index(["unique_name"], unique=True)
    db.table("sessions").create_index(["channel_id"])
    db.table("sessions").create_index(["customer_address", "contact_identity"])
    # At most one active session per customer and contact identity, and per
    # channel: the database refuses a second even if a check were missed.
    for name, columns in (
        ("sessions_active_pair", "customer_address, contact_identity"),
        ("sessions_active_channel", "channel_id"),
    ):
        db.execute(
            f"CREATE UNIQUE INDEX {name} ON sessions ({columns}) "
            "WHERE status IN ('OPEN', 'IN_PROGRESS')"
        )
    db.create_table(
        "interactions",
        {
            "id": int,
            "session_id": str,
            "channel_id": str,
            "message_id": str,
            "direction": str,
            "create_time": str,
        },
        pk="id",
        not_null={"session_id", "channel_id", "message_id", "direction", "create_time"},
        foreign_keys=[_cascade("interactions", "session_id", "sessions")],
    )
    db.table("interactions").create_index(["session_id", "id"])
    # Provider message ids already delivered: DeliverInbound is idempotent forever.
    db.create_table(
        "inbound_ids",
        {
            "channel_type": str,
            "external_id": str,
            "channel_id": str,
            "message_id": str,
            "session_id": str,
        },
        pk=("channel_type", "external_id"),
        not_null={"channel_id", "message_id", "session_id"},
    )


def _deliveries(db: sqlite_utils.Database) -> None:
    db.create_table(
        "deliveries",
        {
            "id": str,
            "message_id": str,
            "channel_id": str,
            "idx": int,
            "channel_type": str,
            "customer_address": str,
            "contact_identity": str,
            "done": int,
            "attempt": int,
            "lease_expire_time": str,
            "create_time": str,
        },
        pk="id",
        not_null={
            "message_id",
            "channel_id",
            "idx",
            "channel_type",
            "customer_address",
            "contact_identity",
            "done",
            "attempt",
            "create_time",
        },
    )
    # The deliveries still to send, per channel in message order.
    db.execute("CREATE INDEX deliveries_open ON deliveries (channel_id, idx) WHERE done = 0")
    db.table("deliveries").create_index(["message_id"])


def _webhooks(db: sqlite_utils.Database) -> None:
    # Events of WEBHOOK flows' conversations still to POST (or given up on).
    db.create_table(
        "webhook_outbox",
        {
            "id": int,
            "flow_id": str,
            "sequence": int,
            "data": bytes,
            "attempts": int,
            "next_attempt_time": str,
            "done": int,
            "last_error": str,
            "create_time": str,
        },
        pk="id",
        not_null={
            "flow_id",
            "sequence",
            "data",
            "attempts",
            "next_attempt_time",
            "done",
            "last_error",
            "create_time",
        },
    )
    db.execute(
        "CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_time) WHERE done = 0"
    )


def _token_key(db: sqlite_utils.Database) -> None:
    # The key access tokens are signed with, made once per installation.
    db.create_table("server_secrets", {"name": str, "value": str}, pk="name")
    db.table("server_secrets").insert(
        {"name": "token_signing_key", "value": secrets.token_urlsafe(32)}
    )


def _signing_keys(db: sqlite_utils.Database) -> None:
    # Token-signing keys with ids, so the key can be rotated: the newest has no
    # retire_time; older ones verify their tokens until retire_time. The key
    # made by 0011 becomes the current one, with the id tokens without `kid` use.
    db.create_table(
        "signing_keys",
        {"id": str, "secret": str, "create_time": str, "retire_time": str},
        pk="id",
        not_null={"secret", "create_time"},
    )
    row = db.execute("SELECT value FROM server_secrets WHERE name = 'token_signing_key'").fetchone()
    db.table("signing_keys").insert(
        {
            "id": "initial",
            "secret": row[0] if row else secrets.token_urlsafe(32),
            "create_time": ts_to_db(dt.datetime.now(dt.UTC)),
            "retire_time": None,
        }
    )
    db.execute("DELETE FROM server_secrets WHERE name = 'token_signing_key'")


def _event_visibility(db: sqlite_utils.Database) -> None:
    # Facts each event is logged with, for people's visibility (domain/visibility.py):
    # the identity it is personally about, and whether it is an internal message's.
    # Events logged before this migration have neither (NULL): they are about nobody,
    # and read back as internal, and no membership span covers them (spans start at
    # the MEMBER_JOINED events logged from now on), so people see none of them.
    # Members of a channel before this migration therefore see its events once they
    # join it again; before it, people could not subscribe at all.
    db.execute("ALTER TABLE events ADD COLUMN person TEXT")
    db.execute("ALTER TABLE events ADD COLUMN internal INTEGER")
    # (An index's entries are in rowid order within a key: by sequence, here.)
    db.execute("CREATE INDEX events_channel ON events (channel) WHERE channel IS NOT NULL")
    db.execute("CREATE INDEX events_person ON events (person) WHERE person IS NOT NULL")
    # Who was a member of which channel over which stretch of the log: from the
    # sequence of its MEMBER_JOINED to that of its MEMBER_LEFT or the channel's
    # CHANNEL_DELETED (NULL while open). Written with the events, in the same
    # transaction; compaction drops the spans closed before what it removes.
    db.execute(
        "CREATE TABLE member_spans ("
        " identity TEXT NOT NULL,"
        " joined_sequence INTEGER NOT NULL,"
        " channel TEXT NOT NULL,"
        " left_sequence INTEGER,"
        " PRIMARY KEY (identity, joined_sequence, channel)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE INDEX member_spans_open ON member_spans (channel) WHERE left_sequence IS NULL"
    )


def _outbound(db: sqlite_utils.Database) -> None:
    # The worker a task is offered to before its workflow's queue (the agent
    # who started an outbound conversation), while that first offer is open.
    db.execute("ALTER TABLE tasks ADD COLUMN preferred_worker TEXT")
    # The task an outbound conversation starts on the customer's first reply.
    db.create_table(
        "reply_tasks",
        {"channel_id": str, "agent_identity": str, "attributes": str, "create_time": str},
        pk="channel_id",
        not_null={"agent_identity", "attributes", "create_time"},
        foreign_keys=[_cascade("reply_tasks", "channel_id", "channels")],
    )


def _bots(db: sqlite_utils.Database) -> None:
    db.create_table(
        "bots",
        {
            "id": str,
            "display_name": str,
            "definition": str,  # JSON: initial state and states (storage/bots_repo.py)
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={"display_name", "definition", "create_time", "update_time", "revision"},
    )


def _executions(db: sqlite_utils.Database) -> None:
    # Bot executions: a copy of the definition each runs, where it is, its
    # variables and step log. One ACTIVE execution per channel, which the
    # database enforces too.
    db.create_table(
        "executions",
        {
            "id": str,
            "bot_id": str,
            "channel_id": str,
            "status": str,
            "current_state": str,
            "variables": str,
            "steps": str,
            "reason": str,
            "definition": str,
            "trigger": str,
            "outputs": str,
            "after_task": str,
            "create_time": str,
            "update_time": str,
            "revision": int,
        },
        pk="id",
        not_null={
            "bot_id",
            "channel_id",
            "status",
            "current_state",
            "variables",
            "steps",
            "reason",
            "definition",
            "trigger",
            "outputs",
            "create_time",
            "update_time",
            "revision",
        },
        foreign_keys=[_cascade("executions", "channel_id", "channels")],
    )
    db.execute(
        "CREATE UNIQUE INDEX executions_active_channel ON executions (channel_id) "
        "WHERE status = 'ACTIVE'"
    )
    db.table("executions").create_index(["bot_id"])
    # The HTTP calls of http_request steps, made by the server outside the unit
    # of work that reached the step; kept until their outcome is recorded.
    db.create_table(
        "bot_http_calls",
        {"execution_id": str, "state": str, "method": str, "url": str, "body": str},
        pk="execution_id",
        not_null={"state", "method", "url", "body"},
        foreign_keys=[_cascade("bot_http_calls", "execution_id", "executions")],
    )


def _flow_allowed_origins(db: sqlite_utils.Database) -> None:
    # The origins of the pages that may start web chats on a WEB flow: a JSON list,
    # empty (any page) for every flow so far.
    db.execute("ALTER TABLE flows ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '[]'")


def _webhook_order(db: sqlite_utils.Database) -> None:
    # Postings keep their conversation's order: each waits for the earlier ones of its
    # channel. Those queued before this knew no channel, and wait for each other per flow.
    db.execute("ALTER TABLE webhook_outbox ADD COLUMN channel_id TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE INDEX webhook_outbox_by_channel ON webhook_outbox (flow_id, channel_id, id) "
        "WHERE done = 0"
    )


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _initial),
    Migration("0002_conversations", _conversations),
    Migration("0003_workforce", _workforce),
    Migration("0004_routing", _routing),
    Migration("0005_timers", _timers),
    Migration("0006_tasks", _tasks),
    Migration("0007_reservations", _reservations),
    Migration("0008_sessions", _sessions),
    Migration("0009_deliveries", _deliveries),
    Migration("0010_webhooks", _webhooks),
    Migration("0011_token_key", _token_key),
    Migration("0012_signing_keys", _signing_keys),
    Migration("0013_event_visibility", _event_visibility),
    Migration("0014_outbound", _outbound),
    Migration("0015_bots", _bots),
    Migration("0016_executions", _executions),
    Migration("0017_flow_allowed_origins", _flow_allowed_origins),
    Migration("0018_webhook_order", _webhook_order),
]


class NewerDatabase(OSError):
    """The database was migrated by a newer relaydesk than this one."""


def apply_migrations(conn: sqlite3.Connection, now: dt.datetime) -> list[str]:
    """Applies the migrations not yet recorded; returns the names applied.

    A database that already has migrations this server does not know was
    upgraded by a newer relaydesk: it is refused rather than misread.
    """
    db = sqlite_utils.Database(conn)
    if "schema_migrations" not in db.table_names():
        db.create_table("schema_migrations", {"name": str, "applied_time": str}, pk="name")
    applied = {row["name"] for row in db.table("schema_migrations").rows}
    unknown = sorted(applied - {migration.name for migration in MIGRATIONS})
    if unknown:
        raise NewerDatabase(
            f"the database was upgraded by a newer relaydesk (it has the migrations "
            f"{', '.join(unknown)}, which this version does not know): run that version, "
            "or restore a backup taken before the upgrade"
        )
    newly_applied = []
    for migration in MIGRATIONS:
        if migration.name in applied:
            continue
        with db.atomic():
            migration.apply(db)
            db.table("schema_migrations").insert(
                {"name": migration.name, "applied_time": ts_to_db(now)}
            )
        newly_applied.append(migration.name)
    return newly_applied
