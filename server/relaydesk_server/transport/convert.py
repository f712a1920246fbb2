"""Conversions shared by every resource: times, enums."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any, Protocol, TypeVar

from google.protobuf import duration_pb2, timestamp_pb2

from relaydesk_server.transport.validation import Violations

E = TypeVar("E", bound=enum.Enum)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def timestamp(value: dt.datetime) -> timestamp_pb2.Timestamp:
    # Timestamp.FromDatetime is pure Python and costly on hot paths.
    seconds, micros = divmod((value - _EPOCH) // _MICROSECOND, 1_000_000)
    return timestamp_pb2.Timestamp(seconds=seconds, nanos=micros * 1000)


def duration(value: dt.timedelta) -> duration_pb2.Duration:
    result = duration_pb2.Duration()
    result.FromTimedelta(value)
    return result


@functools.cache
def _numbers(proto_enum: Any, prefix: str) -> dict[str, int]:
    return {name.removeprefix(f"{prefix}_"): number for name, number in proto_enum.items()}


def enum_to_proto(proto_enum: Any, prefix: str, value: enum.Enum) -> int:
    """Domain `ChannelType.SMS` → proto `CHANNEL_TYPE_SMS`."""
    return _numbers(proto_enum, prefix)[value.value]


def enum_from_proto(domain_enum: type[E], prefix: str, proto_enum: Any, number: int) -> E | None:
    """Proto enum number → domain member; None for UNSPECIFIED or an unknown number."""
    try:
        proto_name = proto_enum.Name(number)
    except ValueError:
        return None
    try:
        return domain_enum(proto_name.removeprefix(f"{prefix}_"))
    except ValueError:
        return None


def enum_filter(
    violations: Violations,
    domain_enum: type[E],
    prefix: str,
    proto_enum: Any,
    number: int,
    field: str,
) -> E | None:
    """A List filter's enum: UNSPECIFIED (0) means no filter; an unknown number is a
    violation of `field`."""
    if number == 0:
        return None
    value = enum_from_proto(domain_enum, prefix, proto_enum, number)
    if value is None:
        violations.add(field, f"unknown {prefix.lower().replace('_', ' ')} {number}")
    return value


class _Resource(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def etag(self) -> str: ...
    @property
    def create_time(self) -> dt.datetime: ...
    @property
    def update_time(self) -> dt.datetime: ...


def stamp(message: Any, resource: _Resource) -> None:
    """Sets what every resource message carries: name, create and update time, etag."""
    message.name = resource.name
    message.create_time.CopyFrom(timestamp(resource.create_time))
    message.update_time.CopyFrom(timestamp(resource.update_time))
    message.etag = resource.etag
