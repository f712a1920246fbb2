"""Bot templates (`{{ CEL }}` holes in text) and split conditions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from relaydesk_server.domain.templates import (
    CompileError,
    Condition,
    EvaluationError,
    Template,
    condition_error,
    template_error,
)

CONTEXT: dict[str, Any] = {
    "trigger": {"message": {"body": "I want an AGENT", "author": "+15550100", "channel": "c"}},
    "channel": {"attributes": {"tier": "gold"}, "customer_address": "+15550100"},
    "vars": {"name": "Ada", "order": "A-17", "count": 3, "ratio": 0.5, "none": None},
    "steps": {"lookup": {"status_code": 200, "body": {"items": [1, 2], "ok": True}}},
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", ""),
        ("plain text, no holes", "plain text, no holes"),
        ("Hello {{ vars.name }}!", "Hello Ada!"),
        ("{{vars.name}}{{vars.order}}", "AdaA-17"),
        ("order {{ vars.order }} for {{ channel.attributes.tier }}", "order A-17 for gold"),
        ("{{ vars.count }} items", "3 items"),
        ("{{ vars.count + 1 }}", "4"),
        ("{{ vars.ratio }}", "0.5"),
        ("{{ vars.none }}", ""),
        ("{{ true }}/{{ 1 > 2 }}", "true/false"),
        ("{{ steps.lookup.body }}", '{"items":[1,2],"ok":true}'),
        ("{{ steps.lookup.body.items }}", "[1,2]"),
        ("{{ {'b': 1, 'a': [true, null]} }}", '{"a":[true,null],"b":1}'),
        ("{{ [1, 'x', 2.5] }}", '[1,"x",2.5]'),
        ("{{ trigger.message.body.lowerAscii() }}", "i want an agent"),
        ("{{ size(vars.name) }}", "3"),
        ("a } b }} c { d", "a } b }} c { d"),
        ("{{ 'é' }} ✓", "é ✓"),
    ],
)
def test_render(source: str, expected: str) -> None:
    assert template_error(source) is None
    assert Template(source).render(CONTEXT) == expected


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("Hello {{ vars.name", "offset 6 is never closed"),
        ("{{ vars.name }} and {{", "offset 20 is never closed"),
        ("x {{ }} y", "hole 1 at offset 2 is empty"),
        ("{{ vars.a }} {{ vars.b + }}", "hole 2 at offset 13 ({{ vars.b + }})"),
        ("{{ vars.b + }}", "Syntax error"),
    ],
)
def test_compile_errors_name_the_hole(source: str, fragment: str) -> None:
    error = template_error(source)
    assert error is not None
    assert fragment in error
    with pytest.raises(CompileError):
        Template(source)


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("Hi {{ vars.missing }}", "vars.missing"),
        ("{{ 1 / 0 }}", "1 / 0"),
        ("{{ nosuch(1) }}", "nosuch(1)"),
        ("{{ vars.name + 1 }}", "vars.name + 1"),
    ],
)
def test_evaluation_errors_raise_naming_the_expression(source: str, fragment: str) -> None:
    template = Template(source)
    with pytest.raises(EvaluationError, match=re.escape(fragment)):
        template.render(CONTEXT)


def test_a_map_with_keys_of_mixed_types_is_still_json() -> None:
    assert Template("{{ {1: 'x', 'a': 'y'} }}").render(CONTEXT) in (
        '{"1":"x","a":"y"}',
        '{"a":"y","1":"x"}',
    )


def test_a_literal_template_needs_no_context() -> None:
    template = Template("no holes here")
    assert template.is_literal
    assert template.render({}) == "no holes here"
    assert not Template("{{ 1 }}").is_literal


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("trigger.message.body.lowerAscii().contains('agent')", True),
        ("vars.count > 5", False),
        ("channel.attributes.tier == 'gold' && steps.lookup.status_code == 200", True),
        ("has(vars.missing)", False),
        ("  true  ", True),
    ],
)
def test_conditions(source: str, expected: bool) -> None:
    assert condition_error(source) is None
    assert Condition(source).holds(CONTEXT) is expected


def test_condition_errors() -> None:
    assert "Syntax error" in (condition_error("vars.count >") or "")
    assert condition_error("") is not None
    assert condition_error("   ") is not None
    with pytest.raises(CompileError):
        Condition("(")
    with pytest.raises(EvaluationError, match=r"vars\.missing"):
        Condition("vars.missing == 1").holds(CONTEXT)
    with pytest.raises(EvaluationError, match="not a bool"):
        Condition("vars.count").holds(CONTEXT)
    with pytest.raises(EvaluationError, match="not a bool"):
        Condition("vars.none").holds(CONTEXT)
