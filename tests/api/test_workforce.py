"""WorkforceService: activities (with the four defaults) and workers."""

from __future__ import annotations

import datetime as dt

import grpc
from google.protobuf import field_mask_pb2, struct_pb2
from google.rpc import error_details_pb2

from relaydesk.client import Client
from relaydesk.v1 import activity_pb2, event_pb2, worker_pb2
from relaydesk.v1 import event_service_pb2 as events_pb
from relaydesk.v1 import workforce_service_pb2 as pb
from tests.support import Harness, detail, expect_error, reason, violated_fields


async def activities(rd: Client) -> dict[str, activity_pb2.Activity]:
    listed = await rd.workforce.ListActivities(pb.ListActivitiesRequest())
    return {a.display_name: a for a in listed.activities}


async def new_worker(rd: Client, identity: str, **fields: object) -> worker_pb2.Worker:
    request = pb.CreateWorkerRequest(worker=worker_pb2.Worker(identity=identity, **fields))  # type: ignore[arg-type]
    return (await rd.workforce.CreateWorker(request)).worker


async def test_the_four_default_activities_exist_from_the_first_start(rd: Client) -> None:
    defaults = await activities(rd)
    assert {name: a.available for name, a in defaults.items()} == {
        "Offline": False,
        "Available": True,
        "Unavailable": False,
        "Break": False,
    }


async def test_activities_crud_and_rules(rd: Client) -> None:
    created = (
        await rd.workforce.CreateActivity(
            pb.CreateActivityRequest(activity=activity_pb2.Activity(display_name="Training"))
        )
    ).activity
    assert created.available is False
    renamed = (
        await rd.workforce.UpdateActivity(
            pb.UpdateActivityRequest(
                activity=activity_pb2.Activity(name=created.name, display_name="Coaching"),
                update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
            )
        )
    ).activity
    assert renamed.display_name == "Coaching"
    error = await expect_error(
        rd.workforce.UpdateActivity(
            pb.UpdateActivityRequest(
                activity=activity_pb2.Activity(name=created.name, available=True),
                update_mask=field_mask_pb2.FieldMask(paths=["available"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"activity.available"}
    await rd.workforce.DeleteActivity(pb.DeleteActivityRequest(name=created.name))
    await expect_error(
        rd.workforce.GetActivity(pb.GetActivityRequest(name=created.name)),
        grpc.StatusCode.NOT_FOUND,
    )


async def test_offline_and_activities_in_use_cannot_be_deleted(rd: Client) -> None:
    defaults = await activities(rd)
    error = await expect_error(
        rd.workforce.DeleteActivity(pb.DeleteActivityRequest(name=defaults["Offline"].name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "ACTIVITY_IS_OFFLINE"
    await new_worker(rd, "alice", activity=defaults["Break"].name)
    error = await expect_error(
        rd.workforce.DeleteActivity(pb.DeleteActivityRequest(name=defaults["Break"].name)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "ACTIVITY_IN_USE"


async def test_a_new_worker_starts_offline_and_becomes_available(
    rd: Client, harness: Harness
) -> None:
    defaults = await activities(rd)
    skills = struct_pb2.Struct()
    skills.update({"skills": ["sms", "billing"], "languages": ["en", "fr"]})
    worker = await new_worker(rd, "alice", attributes=skills, capacities={"chat": 3})
    assert worker.activity == defaults["Offline"].name
    assert worker.available is False
    assert worker.capacities == {"chat": 3}
    assert list(worker.attributes["skills"]) == ["sms", "billing"]
    harness.clock.advance(dt.timedelta(minutes=1))
    moved = (
        await rd.workforce.SetWorkerActivity(
            pb.SetWorkerActivityRequest(name=worker.name, activity=defaults["Available"].name)
        )
    ).worker
    assert moved.available is True
    assert moved.activity_change_time.ToDatetime(dt.UTC) == harness.clock.now()
    got = (await rd.workforce.GetWorker(pb.GetWorkerRequest(name=worker.name))).worker
    assert got == moved
    available = await rd.workforce.ListWorkers(
        pb.ListWorkersRequest(activity=defaults["Available"].name)
    )
    assert [w.name for w in available.workers] == [worker.name]
    offline = await rd.workforce.ListWorkers(
        pb.ListWorkersRequest(activity=defaults["Offline"].name)
    )
    assert offline.workers == []


async def test_worker_identity_is_unique_reserved_and_immutable(rd: Client) -> None:
    first = await new_worker(rd, "alice")
    error = await expect_error(new_worker(rd, "alice"), grpc.StatusCode.ALREADY_EXISTS)
    assert detail(error, error_details_pb2.ResourceInfo).resource_name == first.name
    for identity in ("", "system", "a" * 257):
        error = await expect_error(new_worker(rd, identity), grpc.StatusCode.INVALID_ARGUMENT)
        assert violated_fields(error) == {"worker.identity"}
    error = await expect_error(
        rd.workforce.UpdateWorker(
            pb.UpdateWorkerRequest(
                worker=worker_pb2.Worker(name=first.name, identity="bob"),
                update_mask=field_mask_pb2.FieldMask(paths=["identity"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"worker.identity"}


async def test_worker_validation(rd: Client) -> None:
    big = struct_pb2.Struct()
    big.update({"x": "y" * 16 * 1024})
    cases = {
        "worker.capacities['chat']": {"capacities": {"chat": -1}},
        "worker.capacities['Chat Room']": {"capacities": {"Chat Room": 1}},
        "worker.attributes": {"attributes": big},
        "worker.display_name": {"display_name": "d" * 257},
    }
    for field, fields in cases.items():
        error = await expect_error(
            new_worker(rd, "alice", **fields), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert violated_fields(error) == {field}
    error = await expect_error(
        new_worker(rd, "alice", activity="activities/WA" + "0" * 32),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert reason(error) == "ACTIVITY_NOT_FOUND"
    listed = await rd.workforce.ListWorkers(pb.ListWorkersRequest())
    assert listed.workers == []


async def test_update_worker_spec_and_activity_together(rd: Client) -> None:
    defaults = await activities(rd)
    worker = await new_worker(rd, "alice")
    updated = (
        await rd.workforce.UpdateWorker(
            pb.UpdateWorkerRequest(
                worker=worker_pb2.Worker(
                    name=worker.name,
                    display_name="Alice",
                    capacities={"chat": 2, "sms": 1},
                    activity=defaults["Available"].name,
                    etag=worker.etag,
                ),
                update_mask=field_mask_pb2.FieldMask(
                    paths=["display_name", "capacities", "activity"]
                ),
            )
        )
    ).worker
    assert updated.display_name == "Alice"
    assert updated.capacities == {"chat": 2, "sms": 1}
    assert updated.available is True
    await expect_error(
        rd.workforce.UpdateWorker(
            pb.UpdateWorkerRequest(
                worker=worker_pb2.Worker(name=worker.name, display_name="x", etag=worker.etag),
                update_mask=field_mask_pb2.FieldMask(paths=["display_name"]),
            )
        ),
        grpc.StatusCode.ABORTED,
    )
    await expect_error(
        rd.workforce.UpdateWorker(
            pb.UpdateWorkerRequest(
                worker=worker_pb2.Worker(name=worker.name),
                update_mask=field_mask_pb2.FieldMask(paths=["available"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )


async def test_worker_changes_are_events(rd: Client) -> None:
    defaults = await activities(rd)
    worker = await new_worker(rd, "alice")
    await rd.workforce.SetWorkerActivity(
        pb.SetWorkerActivityRequest(name=worker.name, activity=defaults["Available"].name)
    )
    await rd.workforce.DeleteWorker(pb.DeleteWorkerRequest(name=worker.name))
    await expect_error(
        rd.workforce.GetWorker(pb.GetWorkerRequest(name=worker.name)), grpc.StatusCode.NOT_FOUND
    )
    call = rd.events.Subscribe(events_pb.SubscribeRequest(after_sequence=0))
    received = [(await call.read()).event for _ in range(3)]
    call.cancel()
    assert [e.type for e in received] == [
        event_pb2.EVENT_TYPE_WORKER_CREATED,
        event_pb2.EVENT_TYPE_WORKER_UPDATED,
        event_pb2.EVENT_TYPE_WORKER_DELETED,
    ]
    assert received[1].worker.available is True
    assert all(e.worker.name == worker.name for e in received)
