from __future__ import annotations

import datetime as dt

import pytest

from relaydesk_server.durations import parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", dt.timedelta(seconds=90)),
        ("1h30m", dt.timedelta(hours=1, minutes=30)),
        ("7d", dt.timedelta(days=7)),
        ("250ms", dt.timedelta(milliseconds=250)),
        ("1.5s", dt.timedelta(seconds=1.5)),
        ("0s", dt.timedelta(0)),
    ],
)
def test_parses(text: str, expected: dt.timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "10", "s", "1x", "1h 30m", "-5s", "1hh", "h1"])
def test_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)
