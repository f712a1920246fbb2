"""Outcomes of measurements, and the table they are printed as."""

from __future__ import annotations

import dataclasses
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeAlias, TypeVar

import grpc
import grpc.aio

from benchmarks.children import ServerFailed
from benchmarks.load import StepFailed

T = TypeVar("T")

NOT_AVAILABLE = "not available yet (UNIMPLEMENTED)"


@dataclasses.dataclass(frozen=True)
class Failure:
    """Why a figure is missing."""

    text: str
    unimplemented: bool = False


Outcome: TypeAlias = T | Failure


def failure_of(error: BaseException, timeout_s: float) -> Failure:
    """What to print for a measurement that raised `error`."""
    leaves = _leaves(error)
    for leaf in leaves:
        if isinstance(leaf, grpc.aio.AioRpcError) and leaf.code() == grpc.StatusCode.UNIMPLEMENTED:
            return Failure(NOT_AVAILABLE, unimplemented=True)
    leaf = leaves[0]
    if isinstance(leaf, grpc.aio.AioRpcError):
        text = f"{leaf.code().name}: {leaf.details()}"
    elif isinstance(leaf, StepFailed | ServerFailed):
        text = str(leaf)
    elif isinstance(leaf, TimeoutError):
        text = f"did not finish within {timeout_s:.0f} s"
    else:
        traceback.print_exception(leaf, file=sys.stderr)
        text = f"{type(leaf).__name__}: {leaf}"
    return Failure(f"failed: {text}")


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


@dataclasses.dataclass(frozen=True)
class Row:
    figure: str
    relaydesk: str
    baseline: str
    ratio: str
    target: str
    result: str


def _shown(outcome: float | Failure, unit: Callable[[float], str]) -> str:
    return outcome.text if isinstance(outcome, Failure) else unit(outcome)


def at_least_ratio_row(
    figure: str,
    relaydesk: float | Failure,
    baseline: float | Failure,
    unit: Callable[[float], str],
    minimum: float,
) -> Row:
    """A figure that should be at least `minimum` times its baseline."""
    ratio, result = "-", ""
    if not isinstance(relaydesk, Failure) and not isinstance(baseline, Failure):
        value = relaydesk / baseline
        ratio = f"{value:.2f}"
        result = "meets" if value >= minimum else "MISSES"
    return Row(
        figure, _shown(relaydesk, unit), _shown(baseline, unit), ratio, f"≥ {minimum:.2f}", result
    )


def cost_row(
    figure: str,
    relaydesk: float | Failure,
    baseline: float | Failure,
    unit: Callable[[float], str],
    maximum_cost: float,
) -> Row:
    """A throughput that may cost at most `maximum_cost` (a fraction) of its baseline's: the
    cost is 1 - relaydesk/baseline (below 0 when it came out faster, which is noise)."""
    ratio, result = "-", ""
    if not isinstance(relaydesk, Failure) and not isinstance(baseline, Failure) and baseline > 0:
        value = relaydesk / baseline
        ratio = f"{value:.3f} (cost {(1 - value) * 100:.1f} %)"
        result = "meets" if 1 - value <= maximum_cost else "MISSES"
    return Row(
        figure,
        _shown(relaydesk, unit),
        _shown(baseline, unit),
        ratio,
        f"cost ≤ {maximum_cost * 100:g} %",
        result,
    )


def at_most_row(
    figure: str,
    relaydesk: float | Failure,
    baseline: float | Failure,
    unit: Callable[[float], str],
    maximum: float | None,
) -> Row:
    """A figure that should be at most `maximum` (None: no target); ratio relaydesk/base."""
    ratio, result = "-", ""
    if not isinstance(relaydesk, Failure) and not isinstance(baseline, Failure) and baseline > 0:
        ratio = f"{relaydesk / baseline:.2f}"
    if maximum is not None and not isinstance(relaydesk, Failure):
        result = "meets" if relaydesk <= maximum else "MISSES"
    target = "-" if maximum is None else f"≤ {unit(maximum)}"
    return Row(figure, _shown(relaydesk, unit), _shown(baseline, unit), ratio, target, result)


def absolute_row(
    figure: str, relaydesk: float | Failure, unit: Callable[[float], str], maximum: float
) -> Row:
    """A figure with a target of its own and no baseline counterpart."""
    result = ""
    if not isinstance(relaydesk, Failure):
        result = "meets" if relaydesk <= maximum else "MISSES"
    return Row(figure, _shown(relaydesk, unit), "-", "-", f"≤ {unit(maximum)}", result)


def per_second(value: float) -> str:
    return f"{value:,.0f}/s"


def milliseconds(value: float) -> str:
    return f"{value:.1f} ms"


def milliseconds_fine(value: float) -> str:
    return f"{value:.3f} ms"


def seconds(value: float) -> str:
    return f"{value:.1f} s"


def mebibytes(value: float) -> str:
    return f"{value:.0f} MiB"


HEADINGS = Row("figure", "relaydesk", "baseline (bare grpc.aio)", "ratio", "target", "result")


def table(rows: Sequence[Row]) -> str:
    """A plain text table: one line per row, columns padded to their widest cell."""
    cells = [dataclasses.astuple(row) for row in (HEADINGS, *rows)]
    widths = [max(len(str(line[column])) for line in cells) for column in range(len(cells[0]))]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
