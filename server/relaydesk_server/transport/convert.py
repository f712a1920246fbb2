"""Conversions shared by every resource: times, enums."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, TypeVar

from google.protobuf import duration_pb2, timestamp_pb2

E = TypeVar("E", bound=enum.Enum)


def timestamp(value: dt.datetime) -> timestamp_pb2.Timestamp:
    result = timestamp_pb2.Timestamp()
    result.FromDatetime(value)
    return result


def duration(value: dt.timedelta) -> duration_pb2.Duration:
    result = duration_pb2.Duration()
    result.FromTimedelta(value)
    return result


def enum_to_proto(proto_enum: Any, prefix: str, value: enum.Enum) -> int:
    """Domain `ChannelType.SMS` → proto `CHANNEL_TYPE_SMS`."""
    number: int = proto_enum.Value(f"{prefix}_{value.value}")
    return number


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
