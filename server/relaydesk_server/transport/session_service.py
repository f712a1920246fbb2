"""SessionService handlers: proxy sessions, their participants and interactions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import session_service_pb2 as pb
from relaydesk.v1 import session_service_pb2_grpc
from relaydesk_server.domain import sessions
from relaydesk_server.domain.common import Page
from relaydesk_server.domain.names import SESSION, parse_channel_ref, parse_ref
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.domain.sessions_model import Participant, SessionFilter
from relaydesk_server.transport import sessions_convert as convert
from relaydesk_server.transport.channels_convert import check_reason
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class SessionServicer(session_service_pb2_grpc.SessionServiceServicer):
    def __init__(self, calls: Calls) -> None:
        self._calls = calls

    async def CreateSession(
        self, request: pb.CreateSessionRequest, context: Context
    ) -> pb.CreateSessionResponse:
        new = convert.new_session_from_proto(request.session)
        return await self._calls.write(
            request,
            pb.CreateSessionResponse,
            lambda tx: pb.CreateSessionResponse(
                session=convert.session_to_proto(
                    sessions.create_session(
                        tx, new.channel_ref, ttl=new.ttl, unique_name=new.unique_name
                    )
                )
            ),
        )

    async def GetSession(
        self, request: pb.GetSessionRequest, context: Context
    ) -> pb.GetSessionResponse:
        ref = parse_ref(SESSION, request.name, "name")
        principal = caller()
        session = await self._calls.read(lambda tx: sessions.read_session(tx, principal, ref))
        return pb.GetSessionResponse(session=convert.session_to_proto(session))

    async def ListSessions(
        self, request: pb.ListSessionsRequest, context: Context
    ) -> pb.ListSessionsResponse:
        violations = Violations()
        status = convert.session_status_from_proto(violations, request.status, "status")
        violations.raise_if_any()
        channel_id = parse_channel_ref(request.channel, "channel") if request.channel else None
        session_filter = SessionFilter(
            status=status,
            identifier=request.identifier or None,
            proxy_identifier=request.proxy_identifier or None,
            channel_id=channel_id,
        )
        filters = (request.status, request.identifier, request.proxy_identifier, request.channel)
        page = page_request(request.page_size, request.page_token, filters)
        result = await self._calls.read(lambda tx: sessions.list_sessions(tx, session_filter, page))
        return pb.ListSessionsResponse(
            sessions=[convert.session_to_proto(s) for s in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def UpdateSession(
        self, request: pb.UpdateSessionRequest, context: Context
    ) -> pb.UpdateSessionResponse:
        ref = parse_ref(SESSION, request.session.name, "session.name")
        change = masked_change(
            request.session,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.session_to_proto,
            from_proto=convert.edited_session,
            updatable=convert.SESSION_UPDATABLE,
            output_only=convert.SESSION_OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateSessionResponse,
            lambda tx: pb.UpdateSessionResponse(
                session=convert.session_to_proto(
                    sessions.update_session(tx, ref, request.session.etag or None, change)
                )
            ),
        )

    async def CloseSession(
        self, request: pb.CloseSessionRequest, context: Context
    ) -> pb.CloseSessionResponse:
        ref = parse_ref(SESSION, request.name, "name")
        violations = Violations()
        check_reason(violations, request.reason)
        violations.raise_if_any()
        return await self._calls.write(
            request,
            pb.CloseSessionResponse,
            lambda tx: pb.CloseSessionResponse(
                session=convert.session_to_proto(sessions.close_session(tx, ref, request.reason))
            ),
        )

    async def ListParticipants(
        self, request: pb.ListParticipantsRequest, context: Context
    ) -> pb.ListParticipantsResponse:
        ref = parse_ref(SESSION, request.parent, "parent")
        filters = (request.parent,)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()
        session = await self._calls.read(lambda tx: sessions.read_session(tx, principal, ref))
        # The two participants, positions 1 and 2.
        start = page.after or 0
        shown = list(session.participants[start : start + page.size])
        end = start + len(shown)
        result: Page[Participant] = Page(shown, end if end < 2 else None)
        return pb.ListParticipantsResponse(
            participants=[convert.participant_to_proto(p) for p in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def ListInteractions(
        self, request: pb.ListInteractionsRequest, context: Context
    ) -> pb.ListInteractionsResponse:
        ref = parse_ref(SESSION, request.parent, "parent")
        filters = (request.parent,)
        page = page_request(request.page_size, request.page_token, filters)
        principal = caller()

        def read(tx: Transaction) -> pb.ListInteractionsResponse:
            result = sessions.list_interactions(tx, principal, ref, page)
            return pb.ListInteractionsResponse(
                interactions=[convert.interaction_to_proto(i) for i in result.items],
                next_page_token=next_page_token(result, filters),
            )

        return await self._calls.read(read)
