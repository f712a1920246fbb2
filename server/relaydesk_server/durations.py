"""Durations as people write them on a command line: `90s`, `1h30m`, `7d`, `250ms`."""

from __future__ import annotations

import datetime as dt
import re

_UNITS = {
    "ms": dt.timedelta(milliseconds=1),
    "s": dt.timedelta(seconds=1),
    "m": dt.timedelta(minutes=1),
    "h": dt.timedelta(hours=1),
    "d": dt.timedelta(days=1),
}
_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d)")


def parse_duration(text: str) -> dt.timedelta:
    """`1h30m` → 1:30:00. Raises ValueError on anything else."""
    text = text.strip()
    position, total = 0, dt.timedelta(0)
    for match in _PART.finditer(text):
        if match.start() != position:
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        position = match.end()
    if not text or position != len(text):
        raise ValueError(
            f"{text!r} is not a duration (a number and a unit: ms, s, m, h, d; e.g. 1h30m)"
        )
    return total
