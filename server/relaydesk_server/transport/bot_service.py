"""BotService handlers: bots, and their executions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relaydesk.v1 import bot_service_pb2 as pb
from relaydesk.v1 import bot_service_pb2_grpc
from relaydesk_server.domain import bot_engine, bots
from relaydesk_server.domain.bots_model import ExecutionFilter
from relaydesk_server.domain.names import BOT, CHANNEL, parse_execution_name
from relaydesk_server.domain.ports import Transaction
from relaydesk_server.transport import bots_convert as convert
from relaydesk_server.transport.channels_convert import check_reason
from relaydesk_server.transport.context import caller
from relaydesk_server.transport.executions_convert import (
    execution_status_from_proto,
    execution_to_proto,
)
from relaydesk_server.transport.mechanics import (
    Calls,
    masked_change,
    next_page_token,
    page_request,
)
from relaydesk_server.transport.validation import Violations

if TYPE_CHECKING:
    from relaydesk_server.transport.context import Context


class BotServicer(bot_service_pb2_grpc.BotServiceServicer):
    def __init__(self, calls: Calls) -> None:
        self._calls = calls

    async def CreateBot(
        self, request: pb.CreateBotRequest, context: Context
    ) -> pb.CreateBotResponse:
        spec = convert.bot_spec_from_proto(request.bot)
        return await self._calls.write(
            request,
            pb.CreateBotResponse,
            lambda tx: pb.CreateBotResponse(bot=convert.bot_to_proto(bots.create_bot(tx, spec))),
        )

    async def GetBot(self, request: pb.GetBotRequest, context: Context) -> pb.GetBotResponse:
        bot_id = BOT.parse(request.name, "name")
        bot = await self._calls.read(lambda tx: bots.get_bot(tx, bot_id))
        return pb.GetBotResponse(bot=convert.bot_to_proto(bot))

    async def ListBots(self, request: pb.ListBotsRequest, context: Context) -> pb.ListBotsResponse:
        page = page_request(request.page_size, request.page_token, ())
        result = await self._calls.read(lambda tx: bots.list_bots(tx, page))
        return pb.ListBotsResponse(
            bots=[convert.bot_to_proto(bot) for bot in result.items],
            next_page_token=next_page_token(result, ()),
        )

    async def UpdateBot(
        self, request: pb.UpdateBotRequest, context: Context
    ) -> pb.UpdateBotResponse:
        bot_id = BOT.parse(request.bot.name, "bot.name")
        change = masked_change(
            request.bot,
            request.update_mask,
            request.HasField("update_mask"),
            to_proto=convert.bot_spec_to_proto,
            from_proto=lambda _, merged: convert.bot_spec_from_proto(merged),
            updatable=convert.UPDATABLE,
            output_only=convert.OUTPUT_ONLY,
        )
        return await self._calls.write(
            request,
            pb.UpdateBotResponse,
            lambda tx: pb.UpdateBotResponse(
                bot=convert.bot_to_proto(
                    bots.update_bot(tx, bot_id, request.bot.etag or None, change)
                )
            ),
        )

    async def DeleteBot(
        self, request: pb.DeleteBotRequest, context: Context
    ) -> pb.DeleteBotResponse:
        bot_id = BOT.parse(request.name, "name")

        def delete(tx: Transaction) -> pb.DeleteBotResponse:
            bots.delete_bot(tx, bot_id)
            return pb.DeleteBotResponse()

        return await self._calls.write(request, pb.DeleteBotResponse, delete)

    # -- executions ------------------------------------------------------------

    async def GetExecution(
        self, request: pb.GetExecutionRequest, context: Context
    ) -> pb.GetExecutionResponse:
        bot_id, execution_id = parse_execution_name(request.name, "name")
        principal = caller()
        execution = await self._calls.read(
            lambda tx: bot_engine.get_execution(tx, principal, bot_id, execution_id)
        )
        return pb.GetExecutionResponse(execution=execution_to_proto(execution))

    async def ListExecutions(
        self, request: pb.ListExecutionsRequest, context: Context
    ) -> pb.ListExecutionsResponse:
        bot_id = None
        if request.parent and request.parent != "bots/-":
            bot_id = BOT.parse(request.parent, "parent")
        channel_id = CHANNEL.parse(request.channel, "channel") if request.channel else None
        violations = Violations()
        status = execution_status_from_proto(violations, request.status, "status")
        violations.raise_if_any()
        execution_filter = ExecutionFilter(bot_id=bot_id, channel_id=channel_id, status=status)
        filters = (request.parent, request.channel, request.status)
        page = page_request(request.page_size, request.page_token, filters)
        result = await self._calls.read(
            lambda tx: bot_engine.list_executions(tx, execution_filter, page)
        )
        return pb.ListExecutionsResponse(
            executions=[execution_to_proto(e) for e in result.items],
            next_page_token=next_page_token(result, filters),
        )

    async def EndExecution(
        self, request: pb.EndExecutionRequest, context: Context
    ) -> pb.EndExecutionResponse:
        bot_id, execution_id = parse_execution_name(request.name, "name")
        violations = Violations()
        check_reason(violations, request.reason)
        violations.raise_if_any()
        principal = caller()
        return await self._calls.write(
            request,
            pb.EndExecutionResponse,
            lambda tx: pb.EndExecutionResponse(
                execution=execution_to_proto(
                    bot_engine.end_execution(tx, principal, bot_id, execution_id, request.reason)
                )
            ),
        )
