"""Routing expressions in CEL (queues' target_workers, workflow filters and targets).

An empty expression means `true`. Expressions are compiled when they are
saved, so a typo is refused then rather than found while routing; an
expression that fails while evaluating (a missing attribute, say) is false.
"""

from __future__ import annotations

from typing import Any

import cel


def compile_error(source: str) -> str | None:
    """The compiler's message when `source` is not a CEL expression, else None."""
    if not source.strip():
        return None
    try:
        cel.compile(source)
    except ValueError as error:
        return str(error)
    return None


class Expression:
    def __init__(self, source: str) -> None:
        self.source = source
        self._program = cel.compile(source) if source.strip() else None

    def matches(self, context: dict[str, Any]) -> bool:
        if self._program is None:
            return True
        try:
            return self._program.execute(context) is True
        except Exception:
            return False


def worker_context(identity: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """What `worker` means in an expression (API §13)."""
    return {"worker": {"identity": identity, "attributes": attributes}}
