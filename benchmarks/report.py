"""Outcomes of measurements, and the table they are printed as."""

from __future__ import annotations

import dataclasses
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, TypeVar

import grpc
import grpc.aio

from benchmarks.children import ServerFailed
from benchmarks.load import StepFailed, Unimplemented

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
        if isinstance(leaf, Unimplemented) or (
            isinstance(leaf, grpc.aio.AioRpcError) and leaf.code() == grpc.StatusCode.UNIMPLEMENTED
        ):
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
class Unit:
    """How a figure is shown (`unit(value)`), and its name in the JSON file."""

    name: str
    show: Callable[[float], str]

    def __call__(self, value: float) -> str:
        return self.show(value)


per_second = Unit("per_second", lambda value: f"{value:,.0f}/s")
milliseconds = Unit("ms", lambda value: f"{value:.1f} ms")
milliseconds_fine = Unit("ms", lambda value: f"{value:.3f} ms")
seconds = Unit("s", lambda value: f"{value:.1f} s")
mebibytes = Unit("MiB", lambda value: f"{value:.0f} MiB")
cores = Unit("cores", lambda value: f"{value:.3f}")


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of the table, as printed, and its figures as numbers (`data`, for the JSON
    file and the chart: `measured`, `baseline`, `ratio`, `unit`, `target` (`kind` and
    `value`, or null), `met`, `failure`; null where there is none)."""

    key: str
    figure: str
    measured: str
    baseline: str
    ratio: str
    target: str
    result: str
    data: dict[str, Any]

    def cells(self) -> tuple[str, ...]:
        return (self.figure, self.measured, self.baseline, self.ratio, self.target, self.result)


def _shown(outcome: float | Failure, unit: Unit) -> str:
    return outcome.text if isinstance(outcome, Failure) else unit(outcome)


def _data(
    unit: Unit,
    measured: float | Failure,
    baseline: float | Failure | None,
    ratio: float | None,
    target: tuple[str, float] | None,
    met: bool | None,
) -> dict[str, Any]:
    failures = [side.text for side in (measured, baseline) if isinstance(side, Failure)]
    return {
        "unit": unit.name,
        "measured": None if isinstance(measured, Failure) else measured,
        "baseline": None if baseline is None or isinstance(baseline, Failure) else baseline,
        "ratio": ratio,
        "target": None if target is None else {"kind": target[0], "value": target[1]},
        "met": met,
        "failure": "; ".join(failures) or None,
    }


def _ratio(measured: float | Failure, baseline: float | Failure) -> float | None:
    if isinstance(measured, Failure) or isinstance(baseline, Failure) or baseline <= 0:
        return None
    return measured / baseline


def _result(met: bool | None) -> str:
    return "" if met is None else "meets" if met else "MISSES"


def at_least_ratio_row(
    key: str,
    figure: str,
    measured: float | Failure,
    baseline: float | Failure,
    unit: Unit,
    minimum: float | None,
) -> Row:
    """A figure that should be at least `minimum` times its baseline (None: no target)."""
    ratio = _ratio(measured, baseline)
    met = None if ratio is None or minimum is None else ratio >= minimum
    return Row(
        key,
        figure,
        _shown(measured, unit),
        _shown(baseline, unit),
        "-" if ratio is None else f"{ratio:.2f}",
        "-" if minimum is None else f"≥ {minimum:.2f}",
        _result(met),
        _data(
            unit,
            measured,
            baseline,
            ratio,
            None if minimum is None else ("ratio_at_least", minimum),
            met,
        ),
    )


def cost_row(
    key: str,
    figure: str,
    measured: float | Failure,
    baseline: float | Failure,
    unit: Unit,
    maximum_cost: float | None,
) -> Row:
    """A throughput that may cost at most `maximum_cost` (a fraction; None: no target) of
    its baseline's: the cost is 1 - measured/baseline (below 0 when it came out faster,
    which is noise)."""
    ratio = _ratio(measured, baseline)
    met = None if ratio is None or maximum_cost is None else 1 - ratio <= maximum_cost
    return Row(
        key,
        figure,
        _shown(measured, unit),
        _shown(baseline, unit),
        "-" if ratio is None else f"{ratio:.3f} (cost {(1 - ratio) * 100:.1f} %)",
        "-" if maximum_cost is None else f"cost ≤ {maximum_cost * 100:g} %",
        _result(met),
        _data(
            unit,
            measured,
            baseline,
            ratio,
            None if maximum_cost is None else ("cost_at_most", maximum_cost),
            met,
        ),
    )


def at_most_row(
    key: str,
    figure: str,
    measured: float | Failure,
    baseline: float | Failure,
    unit: Unit,
    maximum: float | None,
) -> Row:
    """A figure that should be at most `maximum` (None: no target); ratio measured/base."""
    ratio = _ratio(measured, baseline)
    met = None if maximum is None or isinstance(measured, Failure) else measured <= maximum
    return Row(
        key,
        figure,
        _shown(measured, unit),
        _shown(baseline, unit),
        "-" if ratio is None else f"{ratio:.2f}",
        "-" if maximum is None else f"≤ {unit(maximum)}",
        _result(met),
        _data(
            unit,
            measured,
            baseline,
            ratio,
            None if maximum is None else ("at_most", maximum),
            met,
        ),
    )


def absolute_row(
    key: str, figure: str, measured: float | Failure, unit: Unit, maximum: float
) -> Row:
    """A figure with a target of its own and no baseline counterpart."""
    met = None if isinstance(measured, Failure) else measured <= maximum
    return Row(
        key,
        figure,
        _shown(measured, unit),
        "-",
        "-",
        f"≤ {unit(maximum)}",
        _result(met),
        _data(unit, measured, None, None, ("at_most", maximum), met),
    )


Percentiles = tuple[float, float]  # (p50, p99), milliseconds


def latency_pair_row(
    key: str, figure: str, measured: Percentiles | Failure, baseline: Percentiles | Failure
) -> Row:
    """Two latency percentiles, p50 and p99, against the baseline's; no target."""

    def shown(side: Percentiles | Failure) -> str:
        return side.text if isinstance(side, Failure) else f"{side[0]:.1f} / {side[1]:.1f} ms"

    ratios: list[float] | None = None
    if not isinstance(measured, Failure) and not isinstance(baseline, Failure):
        ratios = [m / b if b > 0 else float("nan") for m, b in zip(measured, baseline, strict=True)]
    failures = [side.text for side in (measured, baseline) if isinstance(side, Failure)]

    def numbers(side: Percentiles | Failure) -> dict[str, float] | None:
        return None if isinstance(side, Failure) else {"p50": side[0], "p99": side[1]}

    return Row(
        key,
        figure,
        shown(measured),
        shown(baseline),
        "-" if ratios is None else " / ".join(f"{ratio:.2f}" for ratio in ratios),
        "-",
        "",
        {
            "unit": "ms",
            "measured": numbers(measured),
            "baseline": numbers(baseline),
            "ratio": None if ratios is None else {"p50": ratios[0], "p99": ratios[1]},
            "target": None,
            "met": None,
            "failure": "; ".join(failures) or None,
        },
    )


HEADINGS = ("figure", "measured", "baseline (bare grpc.aio)", "ratio", "target", "result")


def table(rows: Sequence[Row]) -> str:
    """A plain text table: one line per row, columns padded to their widest cell."""
    cells = [HEADINGS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADINGS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
