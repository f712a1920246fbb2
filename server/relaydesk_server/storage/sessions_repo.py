"""Sessions and their interactions in SQLite."""

from __future__ import annotations

from typing import Any

from relaydesk_server.domain.channels_model import DeliveryStatus, Message, MessageDirection
from relaydesk_server.domain.common import Page, PageRequest
from relaydesk_server.domain.flows_model import ChannelType
from relaydesk_server.domain.sessions_model import (
    Interaction,
    Session,
    SessionFilter,
    SessionStatus,
)
from relaydesk_server.storage.codec import (
    duration_from_db,
    duration_to_db,
    opt_ts_from_db,
    opt_ts_to_db,
    ts_from_db,
    ts_to_db,
)
from relaydesk_server.storage.paging import page_query
from relaydesk_server.storage.rows import fetch_one
from relaydesk_server.storage.sql import Db

_ACTIVE = "status IN ('OPEN', 'IN_PROGRESS')"


def _from_row(row: dict[str, Any]) -> Session:
    return Session(
        id=row["id"],
        unique_name=row["unique_name"],
        channel_id=row["channel_id"],
        flow=row["flow"],
        customer_address=row["customer_address"],
        contact_identity=row["contact_identity"],
        customer_display_name=row["customer_display_name"],
        status=SessionStatus(row["status"]),
        ttl=duration_from_db(row["ttl_us"]),
        expire_time=opt_ts_from_db(row["expire_time"]),
        close_reason=row["close_reason"],
        last_interaction_time=opt_ts_from_db(row["last_interaction_time"]),
        customer_participant_id=row["customer_participant_id"],
        channel_participant_id=row["channel_participant_id"],
        create_time=ts_from_db(row["create_time"]),
        update_time=ts_from_db(row["update_time"]),
        revision=row["revision"],
    )


def _to_row(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "unique_name": session.unique_name,
        "channel_id": session.channel_id,
        "flow": session.flow,
        "customer_address": session.customer_address,
        "contact_identity": session.contact_identity,
        "customer_display_name": session.customer_display_name,
        "status": session.status.value,
        "ttl_us": duration_to_db(session.ttl),
        "expire_time": opt_ts_to_db(session.expire_time),
        "close_reason": session.close_reason,
        "last_interaction_time": opt_ts_to_db(session.last_interaction_time),
        "customer_participant_id": session.customer_participant_id,
        "channel_participant_id": session.channel_participant_id,
        "create_time": ts_to_db(session.create_time),
        "update_time": ts_to_db(session.update_time),
        "revision": session.revision,
    }


def _interaction_from_row(row: dict[str, Any]) -> Interaction:
    status = row["delivery_status"]
    return Interaction(
        message=f"channels/{row['channel_id']}/messages/{row['message_id']}",
        direction=MessageDirection(row["direction"]),
        delivery_status=DeliveryStatus(status) if status else None,
        create_time=ts_from_db(row["create_time"]),
    )


class SqlSessionRepository:
    def __init__(self, db: Db) -> None:
        self._db = db

    def get(self, session_id: str) -> Session | None:
        return fetch_one(self._db, "SELECT * FROM sessions WHERE id = ?", [session_id], _from_row)

    def find_by_unique_name(self, unique_name: str) -> Session | None:
        return fetch_one(
            self._db, "SELECT * FROM sessions WHERE unique_name = ?", [unique_name], _from_row
        )

    def find_active(self, customer_address: str, contact_identity: str) -> Session | None:
        return fetch_one(
            self._db,
            f"SELECT * FROM sessions WHERE customer_address = ? AND contact_identity = ? "
            f"AND {_ACTIVE}",
            [customer_address, contact_identity],
            _from_row,
        )

    def active_of_channel(self, channel_id: str) -> Session | None:
        return fetch_one(
            self._db,
            f"SELECT * FROM sessions WHERE channel_id = ? AND {_ACTIVE}",
            [channel_id],
            _from_row,
        )

    def list(self, session_filter: SessionFilter, page: PageRequest) -> Page[Session]:
        where: list[str] = []
        params: list[Any] = []
        f = session_filter
        if f.status is not None:
            where.append("status = ?")
            params.append(f.status.value)
        if f.identifier is not None:
            # Either participant: the customer's address, or the channel's name.
            where.append("(customer_address = ? OR 'channels/' || channel_id = ?)")
            params += [f.identifier, f.identifier]
        if f.proxy_identifier is not None:
            where.append("contact_identity = ?")
            params.append(f.proxy_identifier)
        if f.channel_id is not None:
            where.append("channel_id = ?")
            params.append(f.channel_id)
        return page_query(self._db, "sessions", where, params, page, _from_row)

    def insert(self, session: Session) -> None:
        self._db.insert("sessions", _to_row(session))

    def update(self, session: Session) -> None:
        self._db.update("sessions", session.id, _to_row(session))

    def add_interaction(self, session_id: str, message: Message) -> None:
        self._db.execute(
            "INSERT INTO interactions (session_id, channel_id, message_id, direction, "
            "create_time) VALUES (?, ?, ?, ?, ?)",
            (
                session_id,
                message.channel_id,
                message.id,
                message.direction.value,
                ts_to_db(message.create_time),
            ),
        )

    def interactions(self, session_id: str, page: PageRequest) -> Page[Interaction]:
        table = (
            f"(SELECT i.*, {self._db.dialect.json_text('m.delivery', ['status'])} "
            "AS delivery_status "
            "FROM interactions i LEFT JOIN messages m ON m.id = i.message_id)"
        )
        return page_query(
            self._db,
            table,
            ["session_id = ?"],
            [session_id],
            page,
            _interaction_from_row,
            position="id",
        )


class SqlInboundLog:
    def __init__(self, db: Db) -> None:
        self._db = db

    def find(self, channel_type: ChannelType, external_id: str) -> tuple[str, str, str] | None:
        row = self._db.execute(
            "SELECT channel_id, message_id, session_id FROM inbound_ids "
            "WHERE channel_type = ? AND external_id = ?",
            (channel_type.value, external_id),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def record(
        self,
        channel_type: ChannelType,
        external_id: str,
        channel_id: str,
        message_id: str,
        session_id: str,
    ) -> None:
        self._db.execute(
            "INSERT INTO inbound_ids (channel_type, external_id, channel_id, message_id, "
            "session_id) VALUES (?, ?, ?, ?, ?)",
            (channel_type.value, external_id, channel_id, message_id, session_id),
        )
