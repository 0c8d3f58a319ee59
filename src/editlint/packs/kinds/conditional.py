"""The ``conditional`` kind: if one pattern appears, another must too."""

from __future__ import annotations

from typing import Any, Iterator

from editlint.diagnostic import Diagnostic
from editlint.document import Document, Span
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import Key, PackRule, SpecError, _overlaps, _shown
from editlint.packs.patterns import (
    PatternError,
    compile_user,
    timed_finditer,
)


class ConditionalRule(PackRule):
    """If one pattern appears, another must too (e.g. an acronym's definition)."""

    kind = "conditional"
    PLACEHOLDERS = ("match", "key")
    KEYS = (
        Key("if", "string", required=True, doc="The pattern that needs something else; its first group, if any, is the key."),
        Key("then", "string", required=True, doc="The pattern that must also appear; with a group, it must capture the same key."),
        Key("before", "bool", True, doc="The `then` match must come before the `if` match (defined before use)."),
    )

    def setup(self, values: dict[str, Any]) -> None:
        for key in ("if", "then"):
            try:
                compiled = compile_user(values[key], values["ignore-case"])  # always timed
            except PatternError as exc:
                raise SpecError(key, str(exc), values[key]) from None
            if compiled.fullmatch("") is not None:
                raise SpecError(key, f"pattern {values[key]!r} matches the empty string", values[key])
            setattr(self, f"{key}_re", compiled)
        self.keyed = self.if_re.groups > 0
        if self.keyed and self.then_re.groups == 0:
            raise SpecError("then", "'if' captures a key, so 'then' must capture it too (add a group)", values["then"])

    def flags(self) -> str:
        v = self.values
        order = " earlier in the same unit" if v["before"] else " in the same unit"
        if self.keyed:
            return (
                f"Each key captured by `{v['if']}` that is not captured by `{v['then']}`{order}. "
                "Only the first use of each key is flagged; matches of `if` inside a `then` match "
                "(the definition itself) do not count."
            )
        return f"`{v['if']}` when `{v['then']}` does not appear{order}. Only the first match is flagged."

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        check_quotes = self.skip_quoted and bool(doc.quotes)
        for unit in _scopes.units(doc, self.scopes):
            defined: dict[str | None, int] = {}
            then_spans: list[Span] = []
            for span in unit:
                for m in timed_finditer(self.then_re, doc.prose, span, deadline):
                    then_spans.append(m.span)
                    key = self.normalize(m.group(1) or "") if self.keyed else None
                    defined.setdefault(key, m.start())
            then_starts = [s.start for s in then_spans]
            reported: set[str | None] = set()
            for span in unit:
                for m in timed_finditer(self.if_re, doc.prose, span, deadline):
                    if _overlaps(then_spans, then_starts, m.span):
                        continue
                    if check_quotes and doc.in_quote(m.span):
                        continue
                    key = self.normalize(m.group(1) or "") if self.keyed else None
                    if key in reported or self.excepted(m.group(1) if self.keyed else m.group()):
                        continue
                    where = defined.get(key)
                    if where is not None and (not self.values["before"] or where < m.start()):
                        continue
                    reported.add(key)
                    shown = m.group(1) if self.keyed else m.group()
                    yield self.hit(doc, m.span, {"match": _shown(m.group()), "key": _shown(shown or "")})
