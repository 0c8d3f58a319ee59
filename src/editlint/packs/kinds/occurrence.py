"""The ``occurrence`` kind: a minimum or maximum count of a pattern in a scope."""

from __future__ import annotations

from typing import Any, Iterator

from editlint.diagnostic import Diagnostic
from editlint.document import Document
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import (
    _CONTEXT_KEYS,
    Key,
    PackRule,
    SpecError,
    _describe_matcher,
    _matcher,
    _shown,
    _unit_span,
)


class OccurrenceRule(PackRule):
    """Flag a scope where a pattern occurs too often or too rarely."""

    kind = "occurrence"
    PLACEHOLDERS = ("count", "max", "min", "match")
    DEFAULT_SCOPE = "sentence"
    KEYS = (
        Key("tokens", "strings", (), doc="Words or phrases to count, matched literally as whole words."),
        Key("patterns", "strings", (), doc="Regular expressions to count."),
        Key("max", "int", None, doc="Flag a unit with more than this many matches."),
        Key("min", "int", None, doc="Flag a unit with fewer than this many matches."),
        *_CONTEXT_KEYS,
    )

    def setup(self, values: dict[str, Any]) -> None:
        lo, hi = values["min"], values["max"]
        if lo is None and hi is None:
            raise SpecError("extends", "an occurrence rule needs 'max', 'min' or both")
        for key in ("min", "max"):
            if values[key] is not None and values[key] < 0:
                raise SpecError(key, f"'{key}' must not be negative (got {values[key]})")
        if lo is not None and hi is not None and lo > hi:
            raise SpecError("min", f"'min' ({lo}) is greater than 'max' ({hi})")
        self.matcher = _matcher(values, values["tokens"], values["patterns"])

    def flags(self) -> str:
        lo, hi = self.values["min"], self.values["max"]
        bounds = " and ".join(b for b in (f"more than {hi}" if hi is not None else "", f"fewer than {lo}" if lo is not None else "") if b)
        unit = ", ".join(f"`{s}`" for s in self.scopes)
        return (
            f"A {unit} unit with {bounds} matches of: "
            + _describe_matcher(self.values, self.values["tokens"], self.values["patterns"])
            + " A single-block unit (a sentence, paragraph, heading…) is flagged whole; in a "
            "multi-block unit (`document`, `body`, `footer`) the first match over the maximum is "
            "flagged, or the unit's first block when there are too few."
        )

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        lo, hi = self.values["min"], self.values["max"]
        multi = any(s in _scopes.MULTI_BLOCK for s in self.scopes)
        for unit in _scopes.units(doc, self.scopes):
            found = list(self.matches(doc, self.matcher, unit, deadline))
            count = len(found)
            values = {"count": count, "max": hi, "min": lo, "match": ""}
            if hi is not None and count > hi:
                excess = found[hi]
                values["match"] = _shown(excess.group())
                span = excess.span if multi else _unit_span(unit)
                yield self.hit(doc, span, values)
            elif lo is not None and count < lo:
                yield self.hit(doc, unit[0], values)
