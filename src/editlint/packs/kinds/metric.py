"""The ``metric`` kind: a count or readability formula with a condition."""

from __future__ import annotations

import ast
import math
import operator
import re
from typing import Any, Iterator, Mapping

from editlint.diagnostic import Diagnostic
from editlint.document import Document
from editlint.errors import did_you_mean
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import Key, PackRule, SpecError, _unit_span


#: Variables a metric formula may use.
METRIC_VARIABLES = {
    "words": "words",
    "sentences": "sentences (a heading or list item without end punctuation counts as one)",
    "characters": "letters and digits",
    "letters": "letters",
    "syllables": "syllables (textstat's count: the CMU dictionary, with hyphenation for unknown words)",
    "polysyllables": "words of three or more syllables",
    "long_words": "words of seven letters or more",
    "flesch_kincaid_grade": "Flesch–Kincaid grade level",
    "flesch_reading_ease": "Flesch reading ease (higher is easier)",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG grade",
    "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "automated readability index",
}
_FUNCTIONS = {"min": min, "max": max, "abs": abs, "sqrt": math.sqrt}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.Pow: operator.pow}
_CONDITION = re.compile(r"\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*")
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}


class MetricRule(PackRule):
    """Compute a formula over a scope's counts and flag units where a condition holds."""

    kind = "metric"
    PLACEHOLDERS = ("value", "condition", "words", "sentences")
    DEFAULT_SCOPE = "paragraph"
    KEYS = (
        Key("formula", "string", required=True, doc="An arithmetic expression over the metric variables (`+ - * / **`, numbers, `min`, `max`, `abs`, `sqrt`)."),
        Key("condition", "string", required=True, doc="When to flag: a comparison with a number, e.g. `\"> 12\"`."),
        Key("min-words", "int", 0, doc="Skip units with fewer words (short paragraphs give noisy scores)."),
    )

    def setup(self, values: dict[str, Any]) -> None:
        try:
            tree = ast.parse(values["formula"], mode="eval")
        except SyntaxError as exc:
            raise SpecError("formula", f"invalid formula: {exc.msg}") from None
        self.names: set[str] = set()
        _check_formula(tree.body, self.names)
        self.tree = tree.body
        m = _CONDITION.fullmatch(values["condition"])
        if not m:
            raise SpecError("condition", f"invalid condition {values['condition']!r} (expected e.g. '> 12' or '<= 0.5')")
        self.compare, self.limit = _COMPARE[m.group(1)], float(m.group(2))

    def flags(self) -> str:
        v = self.values
        return f"A unit where `{v['formula']}` is `{v['condition'].strip()}`" + (
            f" (units under {v['min-words']} words are skipped)." if v["min-words"] else "."
        )

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        from editlint.rules.readability import unit_stats

        for unit in _scopes.units(doc, self.scopes):
            stats = unit_stats(doc, unit, skip_quotes=self.skip_quoted, names=self.names)
            if stats["words"] == 0 or stats["words"] < self.values["min-words"]:
                continue
            try:
                value = _evaluate(self.tree, stats)
            except (ZeroDivisionError, OverflowError, ValueError):
                continue
            if self.compare(value, self.limit):
                values = {"value": f"{value:.1f}", "condition": self.values["condition"].strip(), "words": stats["words"], "sentences": stats["sentences"]}
                yield self.hit(doc, _unit_span(unit), values)


def _check_formula(node: ast.AST, names: set[str]) -> None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return
    if isinstance(node, ast.Name):
        if node.id not in METRIC_VARIABLES:
            raise SpecError("formula", f"unknown variable {node.id!r} in formula{did_you_mean(node.id, METRIC_VARIABLES)}", node.id)
        names.add(node.id)
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        _check_formula(node.left, names)
        _check_formula(node.right, names)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        _check_formula(node.operand, names)
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS and not node.keywords:
        for arg in node.args:
            _check_formula(arg, names)
        return
    raise SpecError("formula", f"unsupported expression in formula: {ast.unparse(node)!r} (use numbers, variables, + - * / ** and min/max/abs/sqrt)")


def _evaluate(node: ast.AST, env: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(env[node.id])
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.UnaryOp):
        value = _evaluate(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call):
        return float(_FUNCTIONS[node.func.id](*(_evaluate(a, env) for a in node.args)))
    raise ValueError(node)  # pragma: no cover - rejected by _check_formula
