"""FlowService end to end: CRUD, the one-enabled-flow rule, masks, etags, webhook secrets."""

from __future__ import annotations

import datetime as dt

import grpc
from google.protobuf import field_mask_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import common_pb2, flow_pb2
from relaydesk.v1 import flow_service_pb2 as pb
from tests.support import (
    Harness,
    default_workflow,
    detail,
    expect_error,
    reason,
    task_flow,
)

NOT_FOUND_NAME = "flows/FO" + "f" * 32


async def create(rd: Client, flow: flow_pb2.Flow) -> pb.CreateFlowResponse:
    return await rd.flows.CreateFlow(pb.CreateFlowRequest(flow=flow))


async def test_create_then_get_returns_the_same_flow_with_defaults(
    rd: Client, harness: Harness
) -> None:
    created = (await create(rd, task_flow())).flow
    assert created.name.startswith("flows/FO")
    assert len(created.name) == len("flows/") + 34
    assert created.etag
    assert created.create_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert created.update_time == created.create_time
    # Documented defaults are filled in and visible.
    assert created.task.task_channel == "chat"
    assert created.task.timeout.ToTimedelta() == dt.timedelta(hours=24)
    assert created.janitor_enabled is True
    assert created.session_ttl.ToTimedelta() == dt.timedelta(0)

    got = (await rd.flows.GetFlow(pb.GetFlowRequest(name=created.name))).flow
    assert got == created


async def test_get_unknown_flow_is_not_found_with_resource_info(rd: Client) -> None:
    error = await expect_error(
        rd.flows.GetFlow(pb.GetFlowRequest(name=NOT_FOUND_NAME)), grpc.StatusCode.NOT_FOUND
    )
    info = detail(error, error_details_pb2.ResourceInfo)
    assert info.resource_name == NOT_FOUND_NAME
    assert info.resource_type == "relaydesk.v1.Flow"
    assert reason(error) == "FLOW_NOT_FOUND"


async def test_empty_or_malformed_name_is_invalid_argument(rd: Client) -> None:
    for name in ("", "flows/", "flows/123", "channels/FO" + "0" * 32, "flows/FO" + "0" * 31):
        error = await expect_error(
            rd.flows.GetFlow(pb.GetFlowRequest(name=name)), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert detail(error, error_details_pb2.BadRequest).field_violations[0].field == "name"


async def test_second_enabled_flow_for_an_address_is_already_exists_naming_the_first(
    rd: Client,
) -> None:
    first = (await create(rd, task_flow("+15550100"))).flow
    error = await expect_error(create(rd, task_flow("+15550100")), grpc.StatusCode.ALREADY_EXISTS)
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    assert reason(error) == "FLOW_ADDRESS_TAKEN"

    # Disabled flows for the same address are fine (e.g. outbound-only flows) ...
    await create(rd, task_flow("+15550100", enabled=False))
    # ... as are the same identity on another channel type, and another identity.
    await create(rd, task_flow("+15550100", common_pb2.CHANNEL_TYPE_WHATSAPP))
    await create(rd, task_flow("+15550101"))
    listed = await rd.flows.ListFlows(pb.ListFlowsRequest(contact_identity="+15550100"))
    assert len(listed.flows) == 3


async def test_web_flows_with_an_empty_identity_are_unique_too(rd: Client) -> None:
    await create(rd, task_flow("", common_pb2.CHANNEL_TYPE_WEB))
    await expect_error(
        create(rd, task_flow("", common_pb2.CHANNEL_TYPE_WEB)), grpc.StatusCode.ALREADY_EXISTS
    )
    await create(rd, task_flow("web:support", common_pb2.CHANNEL_TYPE_WEB))


async def test_enabling_a_second_flow_by_update_is_already_exists_and_changes_nothing(
    rd: Client,
) -> None:
    await create(rd, task_flow("+15550100"))
    spare = (await create(rd, task_flow("+15550100", enabled=False))).flow
    error = await expect_error(
        rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=spare.name, enabled=True),
                update_mask=field_mask_pb2.FieldMask(paths=["enabled"]),
            )
        ),
        grpc.StatusCode.ALREADY_EXISTS,
    )
    assert reason(error) == "FLOW_ADDRESS_TAKEN"
    after = (await rd.flows.GetFlow(pb.GetFlowRequest(name=spare.name))).flow
    assert after == spare


async def test_update_with_mask_changes_only_the_named_fields(rd: Client, harness: Harness) -> None:
    created = (await create(rd, task_flow())).flow
    harness.clock.advance(dt.timedelta(seconds=5))
    patch = flow_pb2.Flow(
        name=created.name,
        display_name="renamed",
        contact_identity="+19999999",  # not in the mask: must not change
        task=flow_pb2.TaskIntegration(priority=7),
    )
    updated = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=patch,
                update_mask=field_mask_pb2.FieldMask(paths=["display_name", "task.priority"]),
            )
        )
    ).flow
    assert updated.display_name == "renamed"
    assert updated.contact_identity == created.contact_identity
    assert updated.task.priority == 7
    assert updated.task.workflow == default_workflow()  # the rest of the integration is kept
    assert updated.etag != created.etag
    assert updated.update_time.ToDatetime(dt.UTC) == harness.clock.now()
    assert updated.create_time == created.create_time


async def test_update_without_mask_applies_populated_fields(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    updated = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(flow=flow_pb2.Flow(name=created.name, long_lived=True))
        )
    ).flow
    assert updated.long_lived is True
    assert updated.display_name == created.display_name
    assert updated.enabled is True  # unpopulated (false) fields are left alone


async def test_update_can_clear_a_field_when_the_mask_names_it(rd: Client) -> None:
    created = (await create(rd, task_flow(janitor_enabled=False))).flow
    assert created.janitor_enabled is False
    updated = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name),
                update_mask=field_mask_pb2.FieldMask(paths=["janitor_enabled", "enabled"]),
            )
        )
    ).flow
    assert updated.janitor_enabled is True  # unset means true
    assert updated.enabled is False


async def test_update_mask_naming_output_only_or_unknown_fields_is_invalid(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    for path in ("create_time", "etag", "name", "no_such_field", "task.no_such_field"):
        error = await expect_error(
            rd.flows.UpdateFlow(
                pb.UpdateFlowRequest(
                    flow=flow_pb2.Flow(name=created.name),
                    update_mask=field_mask_pb2.FieldMask(paths=[path]),
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert detail(error, error_details_pb2.BadRequest).field_violations[0].field == (
            "update_mask.paths[0]"
        )


async def test_stale_etag_is_aborted_and_the_current_etag_works(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    mask = field_mask_pb2.FieldMask(paths=["display_name"])
    first = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name, display_name="one", etag=created.etag),
                update_mask=mask,
            )
        )
    ).flow
    error = await expect_error(
        rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name, display_name="two", etag=created.etag),
                update_mask=mask,
            )
        ),
        grpc.StatusCode.ABORTED,
    )
    assert reason(error) == "ETAG_MISMATCH"
    assert (await rd.flows.GetFlow(pb.GetFlowRequest(name=created.name))).flow.display_name == "one"
    second = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name, display_name="two", etag=first.etag),
                update_mask=mask,
            )
        )
    ).flow
    assert second.display_name == "two"


async def test_update_revalidates_the_merged_flow(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    error = await expect_error(
        rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name, contact_identity=""),
                update_mask=field_mask_pb2.FieldMask(paths=["contact_identity"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert detail(error, error_details_pb2.BadRequest).field_violations[0].field == (
        "flow.contact_identity"
    )


async def test_update_and_delete_of_unknown_flow_are_not_found(rd: Client) -> None:
    await expect_error(
        rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(flow=flow_pb2.Flow(name=NOT_FOUND_NAME, display_name="x"))
        ),
        grpc.StatusCode.NOT_FOUND,
    )
    await expect_error(
        rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=NOT_FOUND_NAME)), grpc.StatusCode.NOT_FOUND
    )


async def test_delete_frees_the_address_for_a_new_enabled_flow(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    await rd.flows.DeleteFlow(pb.DeleteFlowRequest(name=created.name))
    await expect_error(
        rd.flows.GetFlow(pb.GetFlowRequest(name=created.name)), grpc.StatusCode.NOT_FOUND
    )
    await create(rd, task_flow())


async def test_webhook_secret_is_shown_on_create_and_rotate_only(rd: Client) -> None:
    flow = flow_pb2.Flow(
        channel_type=common_pb2.CHANNEL_TYPE_CUSTOM,
        contact_identity="crm",
        enabled=True,
        webhook=flow_pb2.WebhookIntegration(url="https://crm.example/hooks/relaydesk"),
    )
    created = await create(rd, flow)
    assert created.webhook_secret.startswith("whsec_")
    assert created.flow.webhook.retry_count == 3  # the documented default
    rotated = await rd.flows.RotateWebhookSecret(
        pb.RotateWebhookSecretRequest(name=created.flow.name)
    )
    assert rotated.webhook_secret.startswith("whsec_")
    assert rotated.webhook_secret != created.webhook_secret
    got = await rd.flows.GetFlow(pb.GetFlowRequest(name=created.flow.name))
    assert created.webhook_secret not in str(got)
    assert rotated.webhook_secret not in str(got)


async def test_rotating_the_secret_of_a_task_flow_is_failed_precondition(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    error = await expect_error(
        rd.flows.RotateWebhookSecret(pb.RotateWebhookSecretRequest(name=created.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert detail(error, error_details_pb2.PreconditionFailure).violations[0].subject == (
        created.name
    )
    assert reason(error) == "NOT_A_WEBHOOK_FLOW"


async def test_turning_a_flow_into_a_webhook_flow_returns_a_secret(rd: Client) -> None:
    created = (await create(rd, task_flow())).flow
    updated = await rd.flows.UpdateFlow(
        pb.UpdateFlowRequest(
            flow=flow_pb2.Flow(
                name=created.name, webhook=flow_pb2.WebhookIntegration(url="http://localhost:9/x")
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["webhook"]),
        )
    )
    assert updated.webhook_secret.startswith("whsec_")
    assert updated.flow.WhichOneof("integration") == "webhook"
    again = await rd.flows.UpdateFlow(
        pb.UpdateFlowRequest(
            flow=flow_pb2.Flow(name=updated.flow.name, display_name="same kind"),
            update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
        )
    )
    assert again.webhook_secret == ""


async def test_a_flow_naming_a_missing_bot_is_failed_precondition(rd: Client) -> None:
    missing = "bots/BT" + "0" * 32
    bot_flow = flow_pb2.Flow(
        channel_type=common_pb2.CHANNEL_TYPE_SMS,
        contact_identity="+15550100",
        bot=flow_pb2.BotIntegration(bot=missing),
    )
    survey_flow = task_flow()
    survey_flow.task.after_task_bot = missing
    for flow in (bot_flow, survey_flow):
        error = await expect_error(create(rd, flow), grpc.StatusCode.FAILED_PRECONDITION)
        assert reason(error) == "BOT_NOT_FOUND"
        assert detail(error, error_details_pb2.PreconditionFailure).violations[0].subject == missing
    assert (await rd.flows.ListFlows(pb.ListFlowsRequest())).flows == []


async def test_list_filters_by_channel_type_and_identity(rd: Client) -> None:
    await create(rd, task_flow("+15550100"))
    await create(rd, task_flow("whatsapp:+15550100", common_pb2.CHANNEL_TYPE_WHATSAPP))
    await create(rd, task_flow("+15550101"))
    sms = await rd.flows.ListFlows(pb.ListFlowsRequest(channel_type=common_pb2.CHANNEL_TYPE_SMS))
    assert {f.contact_identity for f in sms.flows} == {"+15550100", "+15550101"}
    both = await rd.flows.ListFlows(
        pb.ListFlowsRequest(channel_type=common_pb2.CHANNEL_TYPE_SMS, contact_identity="+15550101")
    )
    assert [f.contact_identity for f in both.flows] == ["+15550101"]


async def test_a_web_flow_keeps_its_allowed_origins_as_browsers_send_them(
    rd: Client, harness: Harness
) -> None:
    flow = task_flow(
        "web:shop",
        common_pb2.CHANNEL_TYPE_WEB,
        allowed_origins=[
            "HTTPS://Shop.Example.com:443",
            "https://shop.example.com",
            "http://localhost:8080",
            "http://[::1]:80",
        ],
    )
    created = (await create(rd, flow)).flow
    # Lowercase, without a default port, each once, in the order given.
    assert list(created.allowed_origins) == [
        "https://shop.example.com",
        "http://localhost:8080",
        "http://[::1]",
    ]
    updated = (
        await rd.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name, allowed_origins=["https://www.example.org"]),
                update_mask=field_mask_pb2.FieldMask(paths=["allowed_origins"]),
            )
        )
    ).flow
    assert list(updated.allowed_origins) == ["https://www.example.org"]
    await harness.restart()
    got = (await harness.client.flows.GetFlow(pb.GetFlowRequest(name=created.name))).flow
    assert list(got.allowed_origins) == ["https://www.example.org"]
    # Clearing them opens the flow to every page again.
    cleared = (
        await harness.client.flows.UpdateFlow(
            pb.UpdateFlowRequest(
                flow=flow_pb2.Flow(name=created.name),
                update_mask=field_mask_pb2.FieldMask(paths=["allowed_origins"]),
            )
        )
    ).flow
    assert list(cleared.allowed_origins) == []


async def test_a_flow_that_stops_being_a_web_flow_must_drop_its_allowed_origins(
    rd: Client,
) -> None:
    flow = task_flow("web:shop", common_pb2.CHANNEL_TYPE_WEB, allowed_origins=["https://a.example"])
    created = (await create(rd, flow)).flow
    change = pb.UpdateFlowRequest(
        flow=flow_pb2.Flow(
            name=created.name, channel_type=common_pb2.CHANNEL_TYPE_SMS, contact_identity="+1555"
        ),
        update_mask=field_mask_pb2.FieldMask(paths=["channel_type", "contact_identity"]),
    )
    error = await expect_error(rd.flows.UpdateFlow(change), grpc.StatusCode.INVALID_ARGUMENT)
    assert reason(error) == "INVALID_ARGUMENT"
    change.update_mask.paths.append("allowed_origins")
    updated = (await rd.flows.UpdateFlow(change)).flow
    assert updated.channel_type == common_pb2.CHANNEL_TYPE_SMS
    assert list(updated.allowed_origins) == []
