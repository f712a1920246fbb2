"""Channels, members and messages in SQLite.

These sit on the hot path of every message, so they use plain parameterised
statements rather than sqlite-utils' table helpers, which inspect the schema
on each call.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from relaydesk_server.domain.channels_model import (
    Channel,
    ChannelFilter,
    ChannelKind,
    ChannelSpec,
    ChannelState,
    Delivery,
    DeliveryStatus,
    Media,
    Member,
    MemberRole,
    Message,
    MessageDirection,
)
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.storage.codec import (
    json_from_db,
    json_to_db,
    opt_ts_from_db,
    opt_ts_to_db,
    ts_from_db,
    ts_to_db,
)
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import first_row
from relaydesk_server.storage.sql import Db

_CHANNEL_COLUMNS = (
    "id, unique_name, display_name, kind, state, flow, channel_type, customer_address, "
    "long_lived, attributes, session, task, member_count, message_count, "
    "next_message_index, close_time, close_reason, create_time, update_time, revision"
)


def _channel_values(c: Channel) -> tuple[Any, ...]:
    s = c.spec
    return (
        c.id,
        s.unique_name,
        s.display_name,
        s.kind.value,
        c.state.value,
        s.flow,
        s.channel_type.value if s.channel_type else None,
        s.customer_address,
        int(s.long_lived),
        json_to_db(s.attributes),
        c.session,
        c.task,
        c.member_count,
        c.message_count,
        c.next_message_index,
        opt_ts_to_db(c.close_time),
        c.close_reason,
        ts_to_db(c.create_time),
        ts_to_db(c.update_time),
        c.revision,
    )


def _channel_from_row(row: dict[str, Any]) -> Channel:
    return Channel(
        id=row["id"],
        spec=ChannelSpec(
            unique_name=row["unique_name"],
            display_name=row["display_name"],
            kind=ChannelKind(row["kind"]),
            flow=row["flow"],
            channel_type=ChannelType(row["channel_type"]) if row["channel_type"] else None,
            customer_address=row["customer_address"],
            long_lived=bool(row["long_lived"]),
            attributes=json_from_db(row["attributes"]),
        ),
        state=ChannelState(row["state"]),
        session=row["session"],
        task=row["task"],
        member_count=row["member_count"],
        message_count=row["message_count"],
        next_message_index=row["next_message_index"],
        close_time=opt_ts_from_db(row["close_time"]),
        close_reason=row["close_reason"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlChannelRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, channel_id: str) -> Channel | None:
        row = first_row(self._db, "SELECT * FROM channels WHERE id = ?", [channel_id])
        return _channel_from_row(row) if row else None

    def find_by_unique_name(self, unique_name: str) -> Channel | None:
        row = first_row(self._db, "SELECT * FROM channels WHERE unique_name = ?", [unique_name])
        return _channel_from_row(row) if row else None

    def list(self, channel_filter: ChannelFilter, page: PageRequest) -> Page[Channel]:
        where: list[str] = []
        params: list[Any] = []
        if channel_filter.state is not None:
            where.append("state = ?")
            params.append(channel_filter.state.value)
        if channel_filter.flow is not None:
            where.append("flow = ?")
            params.append(channel_filter.flow)
        if channel_filter.customer_address is not None:
            where.append("customer_address = ?")
            params.append(channel_filter.customer_address)
        if channel_filter.member_identity is not None:
            where.append("id IN (SELECT channel_id FROM members WHERE identity = ?)")
            params.append(channel_filter.member_identity)
        return page_query(self._db, "channels", where, params, page, _channel_from_row)

    def active_for_flow(self, flow: str) -> Sequence[Channel]:
        rows = self._db.query(
            "SELECT * FROM channels WHERE flow = ? AND state = ? ORDER BY rowid",
            [flow, ChannelState.ACTIVE.value],
        )
        return [_channel_from_row(row) for row in rows]

    def latest_for_customer(self, flow: str, customer_address: str) -> Channel | None:
        """The customer's latest channel on a flow."""
        row = first_row(
            self._db,
            "SELECT * FROM channels WHERE flow = ? AND customer_address = ? "
            "ORDER BY rowid DESC LIMIT 1",
            [flow, customer_address],
        )
        return _channel_from_row(row) if row else None

    def kept_for_customer(self, flow: str, customer_address: str) -> Channel | None:
        """The customer's latest long-lived channel on a flow."""
        row = first_row(
            self._db,
            "SELECT * FROM channels WHERE flow = ? AND customer_address = ? AND long_lived = 1 "
            "ORDER BY rowid DESC LIMIT 1",
            [flow, customer_address],
        )
        return _channel_from_row(row) if row else None

    def insert(self, channel: Channel) -> None:
        self._db.execute(
            f"INSERT INTO channels ({_CHANNEL_COLUMNS}) VALUES ({', '.join('?' * 20)})",
            _channel_values(channel),
        )

    def update(self, channel: Channel) -> None:
        columns = _CHANNEL_COLUMNS.split(", ")[1:]
        assignments = ", ".join(f"{column} = ?" for column in columns)
        values = _channel_values(channel)
        self._db.execute(
            f"UPDATE channels SET {assignments} WHERE id = ?", (*values[1:], values[0])
        )

    def update_counters(self, channel: Channel) -> None:
        self._db.execute(
            "UPDATE channels SET member_count = ?, message_count = ?, next_message_index = ? "
            "WHERE id = ?",
            (channel.member_count, channel.message_count, channel.next_message_index, channel.id),
        )

    def delete(self, channel_id: str) -> None:
        # Members and messages go with it (ON DELETE CASCADE).
        self._db.execute("DELETE FROM channels WHERE id = ?", [channel_id])


class CachedChannelRepository(SqlChannelRepository):
    """The writer's channels, with the rows it has read or written kept in memory.

    The writer is the only thread that changes channels, so what it last wrote
    is what is stored, provided a rolled-back unit of work forgets what it
    touched: `rolled_back()` does that, `committed()` keeps it.
    """

    MAX_ENTRIES = 20_000

    def __init__(self, db: Db) -> None:
        super().__init__(db)
        self._cache: OrderedDict[str, Channel] = OrderedDict()
        self._touched: set[str] = set()

    def _remember(self, channel: Channel) -> None:
        self._cache[channel.id] = channel
        self._cache.move_to_end(channel.id)
        if len(self._cache) > self.MAX_ENTRIES:
            self._cache.popitem(last=False)

    def get(self, channel_id: str) -> Channel | None:
        cached = self._cache.get(channel_id)
        if cached is not None:
            return cached
        channel = super().get(channel_id)
        if channel is not None:
            self._remember(channel)
        return channel

    def insert(self, channel: Channel) -> None:
        super().insert(channel)
        self._touched.add(channel.id)
        self._remember(channel)

    def update(self, channel: Channel) -> None:
        super().update(channel)
        self._touched.add(channel.id)
        self._remember(channel)

    def update_counters(self, channel: Channel) -> None:
        super().update_counters(channel)
        self._touched.add(channel.id)
        self._remember(channel)

    def delete(self, channel_id: str) -> None:
        super().delete(channel_id)
        self._touched.add(channel_id)
        self._cache.pop(channel_id, None)

    def committed(self) -> None:
        self._touched.clear()

    def rolled_back(self) -> None:
        for channel_id in self._touched:
            self._cache.pop(channel_id, None)
        self._touched.clear()

    def forget_all(self) -> None:
        self._cache.clear()
        self._touched.clear()


def _member_from_row(row: dict[str, Any]) -> Member:
    return Member(
        id=row["id"],
        channel_id=row["channel_id"],
        identity=row["identity"],
        role=MemberRole(row["role"]),
        display_name=row["display_name"],
        last_read_index=row["last_read_index"],
        attributes=json_from_db(row["attributes"]),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlMemberRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, channel_id: str, member_id: str) -> Member | None:
        row = first_row(
            self._db,
            "SELECT * FROM members WHERE id = ? AND channel_id = ?",
            [member_id, channel_id],
        )
        return _member_from_row(row) if row else None

    def find(self, channel_id: str, identity: str) -> Member | None:
        row = first_row(
            self._db,
            "SELECT * FROM members WHERE channel_id = ? AND identity = ?",
            [channel_id, identity],
        )
        return _member_from_row(row) if row else None

    def list(self, channel_id: str, page: PageRequest) -> Page[Member]:
        return page_query(
            self._db, "members", ["channel_id = ?"], [channel_id], page, _member_from_row
        )

    def insert(self, member: Member) -> None:
        self._db.execute(
            "INSERT INTO members (id, channel_id, identity, role, display_name, "
            "last_read_index, attributes, create_time, update_time, revision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                member.id,
                member.channel_id,
                member.identity,
                member.role.value,
                member.display_name,
                member.last_read_index,
                json_to_db(member.attributes),
                ts_to_db(member.create_time),
                ts_to_db(member.update_time),
                member.revision,
            ),
        )

    def update(self, member: Member) -> None:
        self._db.execute(
            "UPDATE members SET role = ?, display_name = ?, last_read_index = ?, "
            "attributes = ?, update_time = ?, revision = ? WHERE id = ?",
            (
                member.role.value,
                member.display_name,
                member.last_read_index,
                json_to_db(member.attributes),
                ts_to_db(member.update_time),
                member.revision,
                member.id,
            ),
        )

    def delete(self, channel_id: str, member_id: str) -> None:
        self._db.execute(
            "DELETE FROM members WHERE id = ? AND channel_id = ?", [member_id, channel_id]
        )


def _media_to_db(media: tuple[Media, ...]) -> str:
    return json_to_db(
        [
            {
                "content_type": m.content_type,
                "url": m.url,
                "size_bytes": m.size_bytes,
                "filename": m.filename,
            }
            for m in media
        ]
    )


def _delivery_to_db(delivery: Delivery | None) -> str | None:
    if delivery is None:
        return None
    return json_to_db(
        {
            "status": delivery.status.value,
            "update_time": ts_to_db(delivery.update_time),
            "error": delivery.error,
            "provider_message_id": delivery.provider_message_id,
        }
    )


def _delivery_from_db(text: str | None) -> Delivery | None:
    if text is None:
        return None
    data = json_from_db(text)
    return Delivery(
        status=DeliveryStatus(data["status"]),
        update_time=ts_from_db(data["update_time"]),
        error=data["error"],
        provider_message_id=data["provider_message_id"],
    )


def _message_from_row(row: dict[str, Any]) -> Message:
    return Message(
        id=row["id"],
        channel_id=row["channel_id"],
        index=row["idx"],
        author=row["author"],
        direction=MessageDirection(row["direction"]),
        body=row["body"],
        attributes=json_from_db(row["attributes"]),
        media=tuple(Media(**m) for m in json_from_db(row["media"])),
        delivery=_delivery_from_db(row["delivery"]),
        edited=bool(row["edited"]),
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


class SqlMessageRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, channel_id: str, message_id: str) -> Message | None:
        row = first_row(
            self._db,
            "SELECT * FROM messages WHERE id = ? AND channel_id = ?",
            [message_id, channel_id],
        )
        return _message_from_row(row) if row else None

    def list(
        self, channel_id: str, after_index: int | None, descending: bool, page: PageRequest
    ) -> Page[Message]:
        where: list[str] = ["channel_id = ?"]
        params: list[object] = [channel_id]
        if after_index is not None:
            where.append("idx < ?" if descending else "idx > ?")
            params.append(after_index)
        return page_query(
            self._db,
            "messages",
            where,
            params,
            page,
            _message_from_row,
            position="idx",
            descending=descending,
        )

    def insert(self, message: Message) -> None:
        created = ts_to_db(message.create_time)
        updated = created if message.update_time == message.create_time else None
        self._db.execute(
            "INSERT INTO messages (id, channel_id, idx, author, direction, body, attributes, "
            "media, delivery, edited, create_time, update_time, revision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message.id,
                message.channel_id,
                message.index,
                message.author,
                message.direction.value,
                message.body,
                json_to_db(message.attributes),
                _media_to_db(message.media),
                _delivery_to_db(message.delivery),
                int(message.edited),
                created,
                updated or ts_to_db(message.update_time),
                message.revision,
            ),
        )

    def update(self, message: Message) -> None:
        self._db.execute(
            "UPDATE messages SET body = ?, attributes = ?, delivery = ?, edited = ?, "
            "update_time = ?, revision = ? WHERE id = ?",
            (
                message.body,
                json_to_db(message.attributes),
                _delivery_to_db(message.delivery),
                int(message.edited),
                ts_to_db(message.update_time),
                message.revision,
                message.id,
            ),
        )

    def delete(self, channel_id: str, message_id: str) -> None:
        self._db.execute(
            "DELETE FROM messages WHERE id = ? AND channel_id = ?", [message_id, channel_id]
        )
