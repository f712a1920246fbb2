"""Bot templates and conditions in CEL (API §7).

A template is text with `{{ CEL expression }}` holes: `Hello {{ vars.name }}`.
Text outside the holes is literal; each hole is compiled when the bot is saved
(`template_error`) and evaluated when a step runs (`Template.render`). A split
condition is one CEL expression that must yield a bool (`Condition.holds`).

Expressions see what the caller puts in the context: for bots, `trigger`,
`channel`, `vars` and `steps`. Besides CEL's own functions they may use the
cel-go extension libraries (`lowerAscii`, `split`, `math.greatest`, ...).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from typing import Any

import cel
from cel.stdlib import add_stdlib_to_context

OPEN = "{{"
CLOSE = "}}"


class EvaluationError(Exception):
    """An expression failed at run time, or a condition did not yield a bool.

    The message names the expression; a bot execution that meets one fails
    with it as its reason.
    """


class CompileError(ValueError):
    """A template or condition that does not compile; the message says where and why."""


@dataclasses.dataclass(frozen=True)
class _Hole:
    expression: str
    program: cel.Program


def _parse(source: str) -> list[str | _Hole]:
    """The literal texts and compiled holes of `source`, in order; CompileError if malformed."""
    parts: list[str | _Hole] = []
    position = 0
    number = 0
    while True:
        start = source.find(OPEN, position)
        if start < 0:
            if position < len(source):
                parts.append(source[position:])
            return parts
        if start > position:
            parts.append(source[position:start])
        end = source.find(CLOSE, start + len(OPEN))
        if end < 0:
            raise CompileError(f"the '{{{{' at offset {start} is never closed by '}}}}'")
        number += 1
        expression = source[start + len(OPEN) : end].strip()
        where = f"hole {number} at offset {start}"
        if not expression:
            raise CompileError(
                f"{where} is empty: write a CEL expression between '{{{{' and '}}}}'"
            )
        try:
            program = cel.compile(expression)
        except ValueError as error:
            raise CompileError(f"{where} ({{{{ {expression} }}}}): {error}") from None
        parts.append(_Hole(expression, program))
        position = end + len(CLOSE)


def template_error(source: str) -> str | None:
    """Why `source` is not a template (the offending hole and the compiler's message), or None."""
    try:
        _parse(source)
    except CompileError as error:
        return str(error)
    return None


def condition_error(source: str) -> str | None:
    """Why `source` is not a CEL expression (the compiler's message), or None."""
    if not source.strip():
        return "empty: a CEL expression yielding a bool is required"
    try:
        cel.compile(source)
    except ValueError as error:
        return str(error)
    return None


def _cel_context(context: dict[str, Any]) -> cel.Context:
    result = cel.Context()
    add_stdlib_to_context(result)
    result.update(context)
    return result


def _evaluate(program: cel.Program, expression: str, context: cel.Context) -> Any:
    try:
        return program.execute(context)
    except Exception as error:  # the library raises KeyError, TypeError, RuntimeError, ...
        detail = f"no such key {error}" if isinstance(error, KeyError) else str(error)
        raise EvaluationError(f"{expression!r} failed: {detail}") from error


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.timedelta):
        return f"{value.total_seconds():g}s"
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return str(value)


def _json(value: Any) -> str:
    # CEL maps come back in no particular order: sort their keys, so that the
    # same value always reads the same (unless the keys are of mixed types).
    try:
        return json.dumps(
            value, separators=(",", ":"), ensure_ascii=False, sort_keys=True, default=_json_default
        )
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def as_text(value: Any) -> str:
    """A hole's value as text: strings as they are, null as nothing, booleans as
    `true`/`false`, numbers as JSON, lists and maps as compact JSON."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, list, dict)):
        return _json(value)
    text: str = _json_default(value)
    return text


class Template:
    """Text with `{{ CEL expression }}` holes, compiled once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts = _parse(source)

    @property
    def is_literal(self) -> bool:
        """Whether the template has no holes (it renders to its source)."""
        return not any(isinstance(part, _Hole) for part in self._parts)

    def render(self, context: dict[str, Any], errors: list[str] | None = None) -> str:
        """The text with each hole replaced by its value. A hole that fails raises
        EvaluationError; or, given `errors`, is written as empty text and its
        error added there."""
        if self.is_literal:
            return self.source
        variables = _cel_context(context)
        out = []
        for part in self._parts:
            if not isinstance(part, _Hole):
                out.append(part)
                continue
            try:
                out.append(as_text(_evaluate(part.program, part.expression, variables)))
            except EvaluationError as error:
                if errors is None:
                    raise
                errors.append(str(error))
        return "".join(out)


class Condition:
    """A CEL expression that must yield a bool, compiled once."""

    def __init__(self, source: str) -> None:
        error = condition_error(source)
        if error is not None:
            raise CompileError(error)
        self.source = source.strip()
        self._program = cel.compile(self.source)

    def holds(self, context: dict[str, Any]) -> bool:
        """Whether the condition is true; EvaluationError if it fails or is not a bool."""
        value = _evaluate(self._program, self.source, _cel_context(context))
        if not isinstance(value, bool):
            raise EvaluationError(
                f"{self.source!r} yielded {as_text(value) or 'null'} "
                f"({type(value).__name__}), not a bool"
            )
        return value
