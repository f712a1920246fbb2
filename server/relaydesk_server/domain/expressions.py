"""Routing expressions in CEL (queues' target_workers, workflow filters and targets).

An empty expression means `true`. Expressions are compiled when they are
saved, so a typo is refused then rather than found while routing; an
expression that fails while evaluating (a missing attribute, say) is false,
but never silently: each failure is counted per expression (`failures`, which
the metrics show) and logged with the expression and what it was evaluated
for, at most once a minute per expression, so one worker lacking an attribute
does not flood the log.
"""

from __future__ import annotations

import collections
import functools
import logging
import time
from typing import Any

import cel

log = logging.getLogger(__name__)


def compile_error(source: str) -> str | None:
    """The compiler's message when `source` is not a CEL expression, else None."""
    if not source.strip():
        return None
    try:
        cel.compile(source)
    except ValueError as error:
        return str(error)
    return None


# Evaluation failures so far, by expression source.
failures: collections.Counter[str] = collections.Counter()
_LOG_EVERY = 60.0  # seconds between log lines about one expression
_last_logged: dict[str, float] = {}


def _failed(source: str, about: str, error: Exception) -> None:
    failures[source] += 1
    now = time.monotonic()
    if now - _last_logged.get(source, -_LOG_EVERY) < _LOG_EVERY:
        return
    _last_logged[source] = now
    log.warning(
        "a routing expression failed and counts as no match",
        extra={
            "expression": source,
            "about": about,
            "error": f"{type(error).__name__}: {error}",
            "failures": failures[source],
        },
    )


class Expression:
    def __init__(self, source: str) -> None:
        self.source = source
        self._program = cel.compile(source) if source.strip() else None

    def matches(self, context: dict[str, Any], about: str = "") -> bool:
        """Whether the expression is true in `context`; `about` names what it was
        evaluated for (a task and a worker), for the log when it fails."""
        if self._program is None:
            return True
        try:
            return self._program.execute(context) is True
        except Exception as error:  # the library raises several kinds
            _failed(self.source, about, error)
            return False


@functools.lru_cache(maxsize=4096)
def compiled(source: str) -> Expression:
    """`source` compiled once: routing evaluates the few expressions saved in queues and
    workflows again and again, and compiling costs far more than evaluating."""
    return Expression(source)


def worker_context(identity: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """What `worker` means in an expression (API §13)."""
    return {"worker": {"identity": identity, "attributes": attributes}}
