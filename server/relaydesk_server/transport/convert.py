"""Conversions shared by every resource: times, enums."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TypeVar

from google.protobuf import duration_pb2, timestamp_pb2
from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

E = TypeVar("E", bound=enum.Enum)


def timestamp(value: dt.datetime) -> timestamp_pb2.Timestamp:
    result = timestamp_pb2.Timestamp()
    result.FromDatetime(value)
    return result


def duration(value: dt.timedelta) -> duration_pb2.Duration:
    result = duration_pb2.Duration()
    result.FromTimedelta(value)
    return result


def enum_to_proto(proto_enum: EnumTypeWrapper, prefix: str, value: enum.Enum) -> int:
    """Domain `ChannelType.SMS` → proto `CHANNEL_TYPE_SMS`."""
    return proto_enum.Value(f"{prefix}_{value.value}")


def enum_from_proto(
    domain_enum: type[E], prefix: str, proto_enum: EnumTypeWrapper, number: int
) -> E | None:
    """Proto enum number → domain member; None for UNSPECIFIED or an unknown number."""
    try:
        proto_name = proto_enum.Name(number)
    except ValueError:
        return None
    try:
        return domain_enum(proto_name.removeprefix(f"{prefix}_"))
    except ValueError:
        return None
