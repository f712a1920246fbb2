"""Ordered, named schema migrations, each applied once in its own transaction.

Applied migrations are recorded in `schema_migrations`; a migration is never
edited once released, only followed by a new one. Each is a list of intentions
(storage/sql.py) that every engine's dialect renders, so both histories are one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from collections.abc import Sequence

from relaydesk_server.domain.names import ACTIVITY, RandomIds
from relaydesk_server.domain.workforce_model import DEFAULT_ACTIVITIES
from relaydesk_server.storage.codec import ts_to_db
from relaydesk_server.storage.sql import (
    AddColumn,
    Column,
    ColumnKind,
    CreateIndex,
    CreateTable,
    Db,
    Seed,
    Sql,
    Step,
    columns,
)


@dataclasses.dataclass(frozen=True)
class Migration:
    name: str
    steps: tuple[Step, ...]


# Column kinds, short: most tables are a long list of them.
TXT: ColumnKind = "text"
INT: ColumnKind = "integer"
BLOB: ColumnKind = "blob"


def _table(
    name: str,
    spec: dict[str, ColumnKind],
    pk: str | tuple[str, ...],
    not_null: Sequence[str] = (),
    references: dict[str, tuple[str, bool]] | None = None,
) -> CreateTable:
    keys = (pk,) if isinstance(pk, str) else pk
    return CreateTable(name, columns(spec, not_null, references), keys)


def _index(table: str, *cols: str, unique: bool = False) -> CreateIndex:
    return CreateIndex(table, cols, unique)


def _cascade(table: str) -> tuple[str, bool]:
    """A reference whose rows go when the row they point to goes."""
    return (table, True)


_INITIAL: tuple[Step, ...] = (
    _table(
        "api_keys",
        {
            "id": TXT,
            "display_name": TXT,
            "role": TXT,
            "secret_hash": TXT,
            "create_time": TXT,
            "update_time": TXT,
        },
        "id",
        ("display_name", "role", "secret_hash", "create_time", "update_time"),
    ),
    _index("api_keys", "secret_hash", unique=True),
    _table(
        "flows",
        {
            "id": TXT,
            "display_name": TXT,
            "channel_type": TXT,
            "contact_identity": TXT,
            "enabled": INT,
            "long_lived": INT,
            "janitor_enabled": INT,
            "session_ttl_us": INT,
            "integration": TXT,  # JSON: {"kind": "task"|"bot"|"webhook", ...}
            "webhook_secret": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
    ),
    # The database itself guarantees one enabled flow per address, whatever
    # the code above it does under concurrency.
    Sql(
        "CREATE UNIQUE INDEX flows_one_enabled_per_address "
        "ON flows (channel_type, contact_identity) WHERE enabled = 1"
    ),
    _index("flows", "channel_type", "contact_identity"),
    # Responses of mutating calls by (caller, request_id), kept 24 h so a retry
    # returns the first response instead of acting twice.
    _table(
        "request_log",
        {"scope": TXT, "request_id": TXT, "fingerprint": TXT, "response": BLOB, "create_time": TXT},
        ("scope", "request_id"),
        ("fingerprint", "response", "create_time"),
    ),
    _index("request_log", "create_time"),
)

_CONVERSATIONS: tuple[Step, ...] = (
    _table(
        "channels",
        {
            "id": TXT,
            "unique_name": TXT,
            "display_name": TXT,
            "kind": TXT,
            "state": TXT,
            "flow": TXT,
            "channel_type": TXT,
            "customer_address": TXT,
            "long_lived": INT,
            "attributes": TXT,
            "session": TXT,
            "task": TXT,
            "member_count": INT,
            "message_count": INT,
            "next_message_index": INT,
            "close_time": TXT,
            "close_reason": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
    ),
    _index("channels", "unique_name", unique=True),
    _index("channels", "flow", "state"),
    _index("channels", "customer_address"),
    _table(
        "members",
        {
            "id": TXT,
            "channel_id": TXT,
            "identity": TXT,
            "role": TXT,
            "display_name": TXT,
            "last_read_index": INT,
            "attributes": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
            "channel_id",
            "identity",
            "role",
            "display_name",
            "attributes",
            "create_time",
            "update_time",
            "revision",
        ),
        {"channel_id": _cascade("channels")},
    ),
    _index("members", "channel_id", "identity", unique=True),
    _index("members", "identity"),
    _table(
        "messages",
        {
            "id": TXT,
            "channel_id": TXT,
            "idx": INT,
            "author": TXT,
            "direction": TXT,
            "body": TXT,
            "attributes": TXT,
            "media": TXT,
            "delivery": TXT,
            "edited": INT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
        {"channel_id": _cascade("channels")},
    ),
    # Per channel, an index is used once: the database refuses a second.
    _index("messages", "channel_id", "idx", unique=True),
    # The event log. On SQLite, AUTOINCREMENT keeps sequences strictly increasing even
    # after compaction empties the table; on PostgreSQL, event_log_head remembers the
    # largest sequence compaction removed. The writer numbers events itself.
    Sql(
        "CREATE TABLE events ("
        " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
        " create_time TEXT NOT NULL,"
        " type TEXT NOT NULL,"
        " channel TEXT,"
        " data BLOB NOT NULL)",
        postgres="CREATE TABLE events ("
        " sequence BIGINT PRIMARY KEY,"
        ' create_time TEXT COLLATE "C" NOT NULL,'
        ' type TEXT COLLATE "C" NOT NULL,'
        ' channel TEXT COLLATE "C",'
        " data BYTEA NOT NULL)",
    ),
    Sql(
        None,
        postgres="CREATE TABLE event_log_head ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " compacted_through BIGINT NOT NULL)",
    ),
    _index("events", "create_time"),
)


def _seed_activities(db: Db, now: dt.datetime) -> None:
    created = ts_to_db(dt.datetime.now(dt.UTC))
    ids = RandomIds()
    for display_name, available in DEFAULT_ACTIVITIES:
        db.insert(
            "activities",
            {
                "id": ids.new_id(ACTIVITY),
                "display_name": display_name,
                "available": int(available),
                "builtin": display_name,
                "create_time": created,
                "update_time": created,
                "revision": 1,
            },
        )


_WORKFORCE: tuple[Step, ...] = (
    _table(
        "activities",
        {
            "id": TXT,
            "display_name": TXT,
            "available": INT,
            "builtin": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        ("display_name", "available", "create_time", "update_time", "revision"),
    ),
    _index("activities", "builtin", unique=True),
    Seed(_seed_activities),
    _table(
        "workers",
        {
            "id": TXT,
            "identity": TXT,
            "display_name": TXT,
            "attributes": TXT,
            "capacities": TXT,
            "activity_id": TXT,
            "activity_change_time": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
            "identity",
            "display_name",
            "attributes",
            "capacities",
            "activity_id",
            "activity_change_time",
            "create_time",
            "update_time",
            "revision",
        ),
        {"activity_id": ("activities", False)},
    ),
    _index("workers", "identity", unique=True),
    _index("workers", "activity_id"),
)

_ROUTING: tuple[Step, ...] = (
    _table(
        "queues",
        {
            "id": TXT,
            "display_name": TXT,
            "target_workers": TXT,
            "ordering": TXT,
            "max_reserved_workers": INT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
            "display_name",
            "target_workers",
            "ordering",
            "max_reserved_workers",
            "create_time",
            "update_time",
            "revision",
        ),
    ),
    _table(
        "workflows",
        {
            "id": TXT,
            "definition": TXT,  # JSON: display name, filters and targets, default queue
            "reservation_timeout_us": INT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        ("definition", "reservation_timeout_us", "create_time", "update_time", "revision"),
    ),
    # Which queues each workflow can send tasks to, so a queue in use is not deleted.
    _table(
        "workflow_queues",
        {"workflow_id": TXT, "queue": TXT},
        ("workflow_id", "queue"),
        references={"workflow_id": _cascade("workflows")},
    ),
    _index("workflow_queues", "queue"),
)

_TIMERS: tuple[Step, ...] = (
    _table(
        "timers", {"kind": TXT, "subject": TXT, "due_time": TXT}, ("kind", "subject"), ("due_time",)
    ),
    _index("timers", "due_time"),
)

_TASKS: tuple[Step, ...] = (
    _table(
        "tasks",
        {
            "id": TXT,
            "workflow": TXT,
            "attributes": TXT,
            "task_channel": TXT,
            "priority": INT,
            "status": TXT,
            "reason": TXT,
            "timeout_us": INT,
            "queue": TXT,
            "channel": TXT,
            "worker": TXT,
            "filter_index": INT,
            "target_index": INT,
            "create_time": TXT,
            "update_time": TXT,
            "end_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
    ),
    _index("tasks", "queue", "status"),
    _index("tasks", "status"),
    _index("tasks", "channel"),
    _index("tasks", "worker"),
)

_RESERVATIONS: tuple[Step, ...] = (
    AddColumn("tasks", Column("transfer_queue", TXT)),
    AddColumn("tasks", Column("transfer_worker", TXT)),
    _table(
        "reservations",
        {
            "id": TXT,
            "task_id": TXT,
            "worker_id": TXT,
            "task_channel": TXT,
            "channel": TXT,
            "status": TXT,
            "transfer": INT,
            "expire_time": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
            "task_id",
            "worker_id",
            "task_channel",
            "status",
            "transfer",
            "expire_time",
            "create_time",
            "update_time",
            "revision",
        ),
        {"task_id": _cascade("tasks")},
    ),
    _index("reservations", "task_id"),
    _index("reservations", "worker_id", "status"),
    _index("reservations", "status"),
)

_SESSIONS: tuple[Step, ...] = (
    _table(
        "sessions",
        {
            "id": TXT,
            "unique_name": TXT,
            "channel_id": TXT,
            "flow": TXT,
            "customer_address": TXT,
            "contact_identity": TXT,
            "customer_display_name": TXT,
            "status": TXT,
            "ttl_us": INT,
            "expire_time": TXT,
            "close_reason": TXT,
            "last_interaction_time": TXT,
            "customer_participant_id": TXT,
            "channel_participant_id": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
    ),
    _index("sessions", "unique_name", unique=True),
    _index("sessions", "channel_id"),
    _index("sessions", "customer_address", "contact_identity"),
    # At most one active session per customer and contact identity, and per
    # channel: the database refuses a second even if a check were missed.
    *(
        Sql(
            f"CREATE UNIQUE INDEX {name} ON sessions ({cols}) "
            "WHERE status IN ('OPEN', 'IN_PROGRESS')"
        )
        for name, cols in (
            ("sessions_active_pair", "customer_address, contact_identity"),
            ("sessions_active_channel", "channel_id"),
        )
    ),
    _table(
        "interactions",
        {
            "id": INT,
            "session_id": TXT,
            "channel_id": TXT,
            "message_id": TXT,
            "direction": TXT,
            "create_time": TXT,
        },
        "id",
        ("session_id", "channel_id", "message_id", "direction", "create_time"),
        {"session_id": _cascade("sessions")},
    ),
    _index("interactions", "session_id", "id"),
    # Provider message ids already delivered: DeliverInbound is idempotent forever.
    _table(
        "inbound_ids",
        {
            "channel_type": TXT,
            "external_id": TXT,
            "channel_id": TXT,
            "message_id": TXT,
            "session_id": TXT,
        },
        ("channel_type", "external_id"),
        ("channel_id", "message_id", "session_id"),
    ),
)

_DELIVERIES: tuple[Step, ...] = (
    _table(
        "deliveries",
        {
            "id": TXT,
            "message_id": TXT,
            "channel_id": TXT,
            "idx": INT,
            "channel_type": TXT,
            "customer_address": TXT,
            "contact_identity": TXT,
            "done": INT,
            "attempt": INT,
            "lease_expire_time": TXT,
            "create_time": TXT,
        },
        "id",
        (
            "message_id",
            "channel_id",
            "idx",
            "channel_type",
            "customer_address",
            "contact_identity",
            "done",
            "attempt",
            "create_time",
        ),
    ),
    # The deliveries still to send, per channel in message order.
    Sql("CREATE INDEX deliveries_open ON deliveries (channel_id, idx) WHERE done = 0"),
    _index("deliveries", "message_id"),
)

_WEBHOOKS: tuple[Step, ...] = (
    # Events of WEBHOOK flows' conversations still to POST (or given up on).
    _table(
        "webhook_outbox",
        {
            "id": INT,
            "flow_id": TXT,
            "sequence": INT,
            "data": BLOB,
            "attempts": INT,
            "next_attempt_time": TXT,
            "done": INT,
            "last_error": TXT,
            "create_time": TXT,
        },
        "id",
        (
            "flow_id",
            "sequence",
            "data",
            "attempts",
            "next_attempt_time",
            "done",
            "last_error",
            "create_time",
        ),
    ),
    Sql("CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_time) WHERE done = 0"),
)


def _seed_token_key(db: Db, now: dt.datetime) -> None:
    db.insert("server_secrets", {"name": "token_signing_key", "value": secrets.token_urlsafe(32)})


# The key access tokens are signed with, made once per installation.
_TOKEN_KEY: tuple[Step, ...] = (
    _table("server_secrets", {"name": TXT, "value": TXT}, "name"),
    Seed(_seed_token_key),
)


def _seed_signing_keys(db: Db, now: dt.datetime) -> None:
    row = db.execute("SELECT value FROM server_secrets WHERE name = 'token_signing_key'").fetchone()
    db.insert(
        "signing_keys",
        {
            "id": "initial",
            "secret": row[0] if row else secrets.token_urlsafe(32),
            "create_time": ts_to_db(dt.datetime.now(dt.UTC)),
            "retire_time": None,
        },
    )
    db.execute("DELETE FROM server_secrets WHERE name = 'token_signing_key'")


# Token-signing keys with ids, so the key can be rotated: the newest has no
# retire_time; older ones verify their tokens until retire_time. The key
# made by 0011 becomes the current one, with the id tokens without `kid` use.
_SIGNING_KEYS: tuple[Step, ...] = (
    _table(
        "signing_keys",
        {"id": TXT, "secret": TXT, "create_time": TXT, "retire_time": TXT},
        "id",
        ("secret", "create_time"),
    ),
    Seed(_seed_signing_keys),
)

# Facts each event is logged with, for people's visibility (domain/visibility.py):
# the identity it is personally about, and whether it is an internal message's.
# Events logged before this migration have neither (NULL): they are about nobody,
# and read back as internal, and no membership span covers them (spans start at
# the MEMBER_JOINED events logged from now on), so people see none of them.
# Members of a channel before this migration therefore see its events once they
# join it again; before it, people could not subscribe at all.
_EVENT_VISIBILITY: tuple[Step, ...] = (
    AddColumn("events", Column("person", TXT), quoted=False),
    AddColumn("events", Column("internal", INT), quoted=False),
    # (An index's entries are in rowid order within a key: by sequence, here.)
    CreateIndex("events", ("channel",), name="events_channel", where="channel IS NOT NULL"),
    CreateIndex("events", ("person",), name="events_person", where="person IS NOT NULL"),
    # Who was a member of which channel over which stretch of the log: from the
    # sequence of its MEMBER_JOINED to that of its MEMBER_LEFT or the channel's
    # CHANNEL_DELETED (NULL while open). Written with the events, in the same
    # transaction; compaction drops the spans closed before what it removes.
    Sql(
        "CREATE TABLE member_spans ("
        " identity TEXT NOT NULL,"
        " joined_sequence INTEGER NOT NULL,"
        " channel TEXT NOT NULL,"
        " left_sequence INTEGER,"
        " PRIMARY KEY (identity, joined_sequence, channel)) WITHOUT ROWID",
        postgres="CREATE TABLE member_spans ("
        ' identity TEXT COLLATE "C" NOT NULL,'
        " joined_sequence BIGINT NOT NULL,"
        ' channel TEXT COLLATE "C" NOT NULL,'
        " left_sequence BIGINT,"
        " PRIMARY KEY (identity, joined_sequence, channel))",
    ),
    CreateIndex(
        "member_spans", ("channel",), name="member_spans_open", where="left_sequence IS NULL"
    ),
)

_OUTBOUND: tuple[Step, ...] = (
    # The worker a task is offered to before its workflow's queue (the agent
    # who started an outbound conversation), while that first offer is open.
    AddColumn("tasks", Column("preferred_worker", TXT), quoted=False),
    # The task an outbound conversation starts on the customer's first reply.
    _table(
        "reply_tasks",
        {"channel_id": TXT, "agent_identity": TXT, "attributes": TXT, "create_time": TXT},
        "channel_id",
        ("agent_identity", "attributes", "create_time"),
        {"channel_id": _cascade("channels")},
    ),
)

_BOTS: tuple[Step, ...] = (
    _table(
        "bots",
        {
            "id": TXT,
            "display_name": TXT,
            "definition": TXT,  # JSON: initial state and states (storage/bots_repo.py)
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        ("display_name", "definition", "create_time", "update_time", "revision"),
    ),
)

# Bot executions: a copy of the definition each runs, where it is, its
# variables and step log. One ACTIVE execution per channel, which the
# database enforces too.
_EXECUTIONS: tuple[Step, ...] = (
    _table(
        "executions",
        {
            "id": TXT,
            "bot_id": TXT,
            "channel_id": TXT,
            "status": TXT,
            "current_state": TXT,
            "variables": TXT,
            "steps": TXT,
            "reason": TXT,
            "definition": TXT,
            "trigger": TXT,
            "outputs": TXT,
            "after_task": TXT,
            "create_time": TXT,
            "update_time": TXT,
            "revision": INT,
        },
        "id",
        (
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
        ),
        {"channel_id": _cascade("channels")},
    ),
    CreateIndex(
        "executions",
        ("channel_id",),
        unique=True,
        name="executions_active_channel",
        where="status = 'ACTIVE'",
    ),
    _index("executions", "bot_id"),
    # The HTTP calls of http_request steps, made by the server outside the unit
    # of work that reached the step; kept until their outcome is recorded.
    _table(
        "bot_http_calls",
        {"execution_id": TXT, "state": TXT, "method": TXT, "url": TXT, "body": TXT},
        "execution_id",
        ("state", "method", "url", "body"),
        {"execution_id": _cascade("executions")},
    ),
)

# The origins of the pages that may start web chats on a WEB flow: a JSON list,
# empty (any page) for every flow so far.
_FLOW_ALLOWED_ORIGINS: tuple[Step, ...] = (
    AddColumn("flows", Column("allowed_origins", TXT, not_null=True), "'[]'", quoted=False),
)

# Postings keep their conversation's order: each waits for the earlier ones of its
# channel. Those queued before this knew no channel, and wait for each other per flow.
_WEBHOOK_ORDER: tuple[Step, ...] = (
    AddColumn("webhook_outbox", Column("channel_id", TXT, not_null=True), "''", quoted=False),
    CreateIndex(
        "webhook_outbox",
        ("flow_id", "channel_id", "id"),
        name="webhook_outbox_by_channel",
        where="done = 0",
    ),
)

# Several servers on one PostgreSQL number events from one counter: the row that
# each writing transaction locks first and updates last (storage/sql.py, "the event
# log"), so sequences commit in order with no gap. `generation` counts the
# transactions that wrote, and `routing_version` those that changed routing's rows
# (workers, queues, workflows, tasks, reservations), so a server can tell what another
# one changed since its own last. SQLite is written by one server only, which numbers
# events itself.
_SHARED_EVENT_HEAD: tuple[Step, ...] = (
    *(
        Sql(
            None,
            postgres=f"ALTER TABLE event_log_head ADD COLUMN {column} BIGINT NOT NULL DEFAULT 0",
        )
        for column in ("last_sequence", "generation", "routing_version")
    ),
    Sql(
        None,
        postgres="INSERT INTO event_log_head (id, compacted_through, last_sequence) "
        "VALUES (1, 0, (SELECT coalesce(max(sequence), 0) FROM events)) "
        "ON CONFLICT (id) DO UPDATE SET last_sequence = greatest("
        "event_log_head.compacted_through, (SELECT coalesce(max(sequence), 0) FROM events))",
    ),
)

# A bot's HTTP call is held by the server making it until its outcome is recorded (or the
# hold runs out, when that server died): one server makes it, whichever servers look.
_BOT_CALL_HOLDS: tuple[Step, ...] = (
    AddColumn("bot_http_calls", Column("hold_until", TXT), quoted=False),
)


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _INITIAL),
    Migration("0002_conversations", _CONVERSATIONS),
    Migration("0003_workforce", _WORKFORCE),
    Migration("0004_routing", _ROUTING),
    Migration("0005_timers", _TIMERS),
    Migration("0006_tasks", _TASKS),
    Migration("0007_reservations", _RESERVATIONS),
    Migration("0008_sessions", _SESSIONS),
    Migration("0009_deliveries", _DELIVERIES),
    Migration("0010_webhooks", _WEBHOOKS),
    Migration("0011_token_key", _TOKEN_KEY),
    Migration("0012_signing_keys", _SIGNING_KEYS),
    Migration("0013_event_visibility", _EVENT_VISIBILITY),
    Migration("0014_outbound", _OUTBOUND),
    Migration("0015_bots", _BOTS),
    Migration("0016_executions", _EXECUTIONS),
    Migration("0017_flow_allowed_origins", _FLOW_ALLOWED_ORIGINS),
    Migration("0018_webhook_order", _WEBHOOK_ORDER),
    Migration("0019_shared_event_head", _SHARED_EVENT_HEAD),
    Migration("0020_bot_call_holds", _BOT_CALL_HOLDS),
]

_SCHEMA_MIGRATIONS = _table("schema_migrations", {"name": TXT, "applied_time": TXT}, "name")


class NewerDatabase(OSError):
    """The database was migrated by a newer relaydesk than this one."""


def apply_migrations(db: Db, now: dt.datetime) -> list[str]:
    """Applies the migrations not yet recorded; returns the names applied.

    A database that already has migrations this server does not know was
    upgraded by a newer relaydesk: it is refused rather than misread. The run holds
    the dialect's migration lock, so of servers starting together one migrates and
    the others find it done.
    """
    with db.dialect.migration_lock(db):
        return _apply(db, now)


def _run(db: Db, steps: Sequence[Step], now: dt.datetime) -> None:
    for step in steps:
        if isinstance(step, Seed):
            step.write(db, now)
        else:
            for statement in db.dialect.render(step):
                db.execute(statement)


def _apply(db: Db, now: dt.datetime) -> list[str]:
    if not db.dialect.table_exists(db, "schema_migrations"):
        _run(db, [_SCHEMA_MIGRATIONS], now)
    applied = {row["name"] for row in db.query("SELECT name FROM schema_migrations")}
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
        db.execute("BEGIN")
        try:
            _run(db, migration.steps, now)
            db.insert("schema_migrations", {"name": migration.name, "applied_time": ts_to_db(now)})
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        newly_applied.append(migration.name)
    return newly_applied
