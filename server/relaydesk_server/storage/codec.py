"""How domain values are written to columns and read back (the same on both engines)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any


@functools.lru_cache(maxsize=256)
def ts_to_db(value: dt.datetime) -> str:
    # Fixed-width UTC text: sorts and compares correctly as plain strings.
    # (isoformat and fromisoformat are C code; strftime/strptime cost far more.)
    # Cached: a unit of work writes its one `now` into many rows.
    utc = value.astimezone(dt.UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def ts_from_db(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def opt_ts_to_db(value: dt.datetime | None) -> str | None:
    return None if value is None else ts_to_db(value)


def opt_ts_from_db(value: str | None) -> dt.datetime | None:
    return None if value is None else ts_from_db(value)


def duration_to_db(value: dt.timedelta) -> int:
    return value // dt.timedelta(microseconds=1)


def duration_from_db(value: int) -> dt.timedelta:
    return dt.timedelta(microseconds=value)


def json_to_db(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def json_from_db(value: str) -> Any:
    return json.loads(value)
