"""The chart of a run, drawn from its JSON document: every throughput ratio against its
target, the unary calls' latency percentiles, and the delivery latency.

    python -m benchmarks.chart RESULTS.json CHART.png

draws it again from a JSON file that `python -m benchmarks` wrote. Drawn with matplotlib's
Agg renderer and its bundled font, at a fixed size, with no date or version in the file,
so the same figures give the same picture.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

_MET, _MISSED, _NO_TARGET = "#2e7d32", "#c62828", "#90a4ae"
_BARE, _RELAYDESK = "#90a4ae", "#1565c0"
_PERCENTILES = ("50", "90", "99")
_PERCENTILE_COLOURS = ("#90caf9", "#1e88e5", "#0d47a1")

# Short names for the rows the chart shows (the table's own are longer).
_LABELS = {
    "unary.writer_hop_vs_echo": "writer hop / echo (the hop alone)",
    "unary.process_hop_vs_echo": "writer process hop / echo",
    "unary.send_message_vs_echo": "SendMessage / echo",
    "unary.send_message_vs_writer_hop": "SendMessage / writer hop",
    "unary.deliver_inbound_vs_echo": "DeliverInbound, new conversation / echo",
    "unary.deliver_inbound_vs_writer_hop": "DeliverInbound, new conversation / writer hop",
    "unary.metrics_cost": "SendMessage, metrics on / off",
    "unary.twin_difference": "SendMessage, a second identical server / the first",
    "routing.burst_vs_echo": "burst offers/s / echo calls/s",
}

# The unary sides' names under their bars.
_SIDES = {
    "echo": "echo",
    "writer_hop": "writer hop",
    "process_hop": "writer process\nhop",
    "send_message": "SendMessage",
    "send_message_metrics_on": "SendMessage\nmetrics on",
    "send_message_twin": "SendMessage\n2nd server",
    "deliver_inbound": "DeliverInbound\nnew conversation",
}

_STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # bundled with matplotlib: the same glyphs everywhere
    "font.size": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "relaydesk",
}


def _finite(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None


def _ratio_target(values: Mapping[str, Any]) -> float | None:
    """A row's target as a minimum ratio to its baseline, or None."""
    target = values.get("target")
    if not target:
        return None
    if target["kind"] == "ratio_at_least":
        return float(target["value"])
    if target["kind"] == "cost_at_most":
        return 1.0 - float(target["value"])
    return None


def _ratios(ax: Axes, rows: Sequence[Mapping[str, Any]], title: str) -> None:
    shown = [
        row
        for row in rows
        if row["values"]["unit"] == "per_second" and _finite(row["values"]["ratio"]) is not None
    ]
    labels = [_LABELS.get(row["key"], row["figure"]) for row in shown]
    ratios = [float(row["values"]["ratio"]) for row in shown]
    targets = [_ratio_target(row["values"]) for row in shown]
    colours = [
        _NO_TARGET if row["values"]["met"] is None else _MET if row["values"]["met"] else _MISSED
        for row in shown
    ]
    positions = list(range(len(shown)))
    ax.barh(positions, ratios, color=colours, height=0.6)
    right = max([1.1, *ratios, *(t for t in targets if t is not None)]) * 1.25
    for position, row, ratio, target in zip(positions, shown, ratios, targets, strict=True):
        text = f"{ratio:.2f}" if target is None else f"{ratio:.2f}   target {row['target']}"
        end = ratio if target is None else max(ratio, target)
        ax.text(end + right * 0.012, position, text, va="center", fontsize=8)
        if target is not None:
            ax.plot([target, target], [position - 0.4, position + 0.4], color="black", lw=2)
    ax.axvline(1.0, color="black", lw=0.8, ls=":")
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, right)
    ax.set_xlabel("ratio to the bare grpc.aio baseline of the same run (1 = as fast)")
    ax.set_title(
        f"{title}\nblack tick: the target; green: met, red: missed, grey: no target",
        loc="left",
    )


def _bar_labels(ax: Axes, xs: Sequence[float], heights: Sequence[float]) -> None:
    for x, height in zip(xs, heights, strict=True):
        ax.text(
            x,
            height,
            f"{height:.0f}" if height >= 10 else f"{height:.1f}",
            ha="center",
            va="bottom",
            fontsize=7,
        )


def _unary_latency(ax: Axes, unary: Mapping[str, Any], concurrency: int) -> None:
    keys = [key for key, side in unary.items() if "median" in side]
    sides = [unary[key] for key in keys]
    width = 0.8 / len(_PERCENTILES)
    for index, (percent, colour) in enumerate(zip(_PERCENTILES, _PERCENTILE_COLOURS, strict=True)):
        xs = [position + (index - 1) * width for position in range(len(sides))]
        heights = [_finite(side["median"]["latency_ms"].get(percent)) or 0.0 for side in sides]
        ax.bar(xs, heights, width=width, color=colour, label=f"p{percent}")
        _bar_labels(ax, xs, heights)
    ax.set_xticks(range(len(sides)), [_SIDES.get(key, unary[key]["label"]) for key in keys])
    ax.set_ylabel("ms")
    ax.legend(frameon=False, loc="upper left")
    ax.set_title(f"Unary call latency, {concurrency} in flight (ghz, medians)", loc="left")


def _delivery_latency(ax: Axes, rows: Sequence[Mapping[str, Any]], title: str) -> None:
    by_key = {row["key"]: row["values"] for row in rows}
    width = 0.38
    for index, (side, colour, label) in enumerate(
        (("baseline", _BARE, "bare grpc.aio"), ("measured", _RELAYDESK, "relaydesk"))
    ):
        heights = [
            _finite(by_key.get(f"delivery_latency.{p}", {}).get(side)) or 0.0
            for p in ("p50", "p99")
        ]
        xs = [position + (index - 0.5) * width for position in range(2)]
        ax.bar(xs, heights, width=width, color=colour, label=label)
        _bar_labels(ax, xs, heights)
    target = by_key.get("delivery_latency.p99", {}).get("target")
    if target:
        ax.plot(
            [0.55, 1.45],
            [target["value"]] * 2,
            color="black",
            lw=2,
            label=f"p99 target ≤ {target['value']:g} ms",
        )
    ax.set_xticks([0, 1], ["p50", "p99"])
    ax.set_ylabel("ms")
    ax.legend(frameon=False, loc="upper left")
    ax.set_title(title, loc="left")


def _rounds(count: int) -> str:
    return "1 round" if count == 1 else f"{count} rounds"


def render(doc: Mapping[str, Any], path: Path) -> None:
    """Draws the chart of the run `doc` (what `python -m benchmarks` writes as JSON) as a
    PNG at `path`."""
    run, about, settings = doc["run"], doc["machine"], doc["settings"]
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(12, 9.5), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        # Two rows laid out apart, so that the ratios' long labels leave the row below alone.
        rows = figure.add_gridspec(2, 1, height_ratios=(1.15, 1))
        top, bottom = figure.add_subfigure(rows[0]), figure.add_subfigure(rows[1])
        _ratios(
            top.add_subplot(),
            doc["rows"],
            f"Throughput ratios: medians of {_rounds(settings['unary_rounds'])} (unary calls) "
            f"and {_rounds(settings['rounds'])} (fan-out)",
        )
        columns = bottom.add_gridspec(1, 2, width_ratios=(2.4, 1))
        _unary_latency(bottom.add_subplot(columns[0]), doc["unary"], settings["concurrency"])
        _delivery_latency(
            bottom.add_subplot(columns[1]),
            doc["rows"],
            f"Delivery latency, {settings['latency_rate']:g} msg/s\n"
            f"to {settings['latency_subscribers']} subscribers",
        )
        before, after = about["load_average_before"][0], about["load_average_after"][0]
        figure.suptitle(
            f"relaydesk benchmarks, {run['label']} run of {run['started'][:10]}: "
            f"{about['cpu_model']}, {about['cores']} cores, Python {about['python']}, "
            f"grpcio {about['grpcio']}, ghz {about['ghz']}; load average {before:.2f} before, "
            f"{after:.2f} after\n{run['command']}",
            fontsize=10,
        )
        figure.savefig(path, format="png", metadata={"Software": None})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.chart",
        description="Draws the chart of a run from its JSON file.",
    )
    parser.add_argument("results", type=Path, help="a JSON file of python -m benchmarks")
    parser.add_argument("chart", type=Path, help="the PNG to write")
    args = parser.parse_args(argv)
    render(json.loads(args.results.read_text()), args.chart)


if __name__ == "__main__":
    main()
