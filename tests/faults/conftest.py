"""The fault suite's one knob: `--faults=short` (what CI runs: `make faults-short`) or
`--faults=full` (`make faults`), and the figures each case reports at the end of the run."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

Figures = Callable[..., None]
_FIGURES = pytest.StashKey[list[tuple[str, dict[str, object]]]]()


@dataclasses.dataclass(frozen=True)
class Size:
    """How hard each case pushes."""

    name: str
    # Crash durability: how many times the server is killed with SIGKILL under load.
    kills: int
    # Resume: how many events the cut-and-resumed subscribers read.
    resume_events: int
    # Slow consumer: how long one subscriber reads nothing (None: until it is cut), the
    # server's --subscriber-buffer, and whether the others' p99 bound is asserted (timing
    # ratios are noise on a 2-core machine over a few seconds; the full run is long enough).
    stall_seconds: float | None
    subscriber_buffer: int
    assert_p99: bool
    # Outages: how long the webhook receiver is down, on the server's clock.
    webhook_outage: dt.timedelta
    conversations: int
    # Graceful shutdown: how many SIGTERMs under load.
    shutdowns: int
    # Fuzzing: examples per RPC.
    fuzz_examples: int
    # The per-test timeout, in seconds.
    timeout: float


SIZES = {
    "short": Size(
        name="short",
        kills=5,
        resume_events=10_000,
        stall_seconds=None,
        subscriber_buffer=1_000,
        assert_p99=False,
        webhook_outage=dt.timedelta(minutes=3),
        conversations=6,
        shutdowns=2,
        fuzz_examples=40,
        timeout=180,
    ),
    "full": Size(
        name="full",
        kills=100,
        resume_events=100_000,
        stall_seconds=60,
        subscriber_buffer=10_000,
        assert_p99=True,
        webhook_outage=dt.timedelta(minutes=10),
        conversations=20,
        shutdowns=10,
        fuzz_examples=300,
        timeout=1800,
    ),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--faults",
        choices=sorted(SIZES),
        default="short",
        help="the fault suite's size: short (CI) or full (default: short)",
    )


def _size(config: pytest.Config) -> Size:
    return SIZES[config.getoption("--faults")]


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_FIGURES] = []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    timeout = _size(config).timeout
    for item in items:
        if item.get_closest_marker("faults") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(timeout))


@pytest.fixture(scope="session")
def size(pytestconfig: pytest.Config) -> Size:
    return _size(pytestconfig)


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Figures:
    """`figures(label=value, …)`: what this case measured, printed at the end of the run."""

    def record(**values: object) -> None:
        request.config.stash[_FIGURES].append((request.node.name, values))

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    recorded = terminalreporter.config.stash.get(_FIGURES, [])
    if not recorded:
        return
    terminalreporter.section(f"fault suite figures ({_size(terminalreporter.config).name})")
    for test, values in recorded:
        shown = ", ".join(f"{key}={_shown(value)}" for key, value in values.items())
        terminalreporter.write_line(f"{test}: {shown}")


def _shown(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)
