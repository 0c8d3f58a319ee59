"""The ``consistency`` kind: one of two spellings per document."""

from __future__ import annotations

from typing import Any, Iterator

from editlint.diagnostic import Diagnostic, Fix
from editlint.document import Document, Span
from editlint.document import words as _words
from editlint.packs import literals as _literals
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import (
    _FIX_KEY_DOC,
    Key,
    PackRule,
    SpecError,
    _matcher,
    _needle,
    _shown,
    adjust_case,
)
from editlint.packs.patterns import (
    Shifted,
    compile_user,
)


class ConsistencyRule(PackRule):
    """Flag the minority spelling when a draft mixes variants."""

    kind = "consistency"
    PLACEHOLDERS = ("match", "preferred", "variant", "majority", "count")
    KEYS = (
        Key("variants", "strings", required=True, doc="Names of the variants, e.g. `[\"British\", \"American\"]`."),
        Key("forms", "rows", required=True, doc="Rows of equivalent forms, one per variant in `variants` order; `\"\"` where a variant has none."),
        Key("regex", "bool", False, doc="The forms are regular expressions (then no fix is offered)."),
        Key("fix", "string", "unsafe", doc=_FIX_KEY_DOC, choices=("safe", "unsafe", "none")),
    )

    def setup(self, values: dict[str, Any]) -> None:
        variants: list[str] = values["variants"]
        rows: list[list[str]] = values["forms"]
        if len(variants) < 2 or len(set(variants)) != len(variants):
            raise SpecError("variants", "'variants' needs two or more distinct names")
        if not rows:
            raise SpecError("forms", "'forms' is empty")
        for i, row in enumerate(rows):
            if len(row) != len(variants):
                raise SpecError("forms", f"row {i + 1} of 'forms' has {len(row)} forms for {len(variants)} variants", _needle(row))
        cells = [(r, v, cell) for r, row in enumerate(rows) for v, cell in enumerate(row) if cell]
        self.rows = rows
        self.variants = variants
        # run() scans only units where two variants may occur, which the
        # per-variant needles settle: the matcher needs no prefilter of its own.
        self._cells = cells
        # Prefilters, computed on first use: needles per variant, and the
        # variants looked up in the document's word index.
        self._needles: dict[int, list[str] | None] = {}
        self._plans: dict[int, tuple | None] = {}
        self._word_variants: dict[bytes, set[int]] | None = None
        self._by_words: set[int] = set()
        if values["regex"]:
            self.matcher = _matcher(values, (), [cell for _, _, cell in cells], patterns_key="forms", prefilter=False)
            self.cells = [(compile_user(cell, values["ignore-case"], values["engine"]), r, v) for r, v, cell in cells]
        else:
            self.index: dict[str, tuple[int, list[int]]] = {}
            for r, v, cell in cells:
                key = self.normalize(cell)
                variant, found_rows = self.index.setdefault(key, (v, []))
                if variant != v:
                    raise SpecError("forms", f"{cell!r} is listed under two variants ({variants[variant]!r} and {variants[v]!r})", cell)
                found_rows.append(r)
            self.matcher = _matcher(values, list(dict.fromkeys(cell for _, _, cell in cells)), (), tokens_key="forms", prefilter=False)

    def flags(self) -> str:
        names = " / ".join(self.variants)
        sample = "; ".join(" / ".join(f"`{c}`" for c in row if c) for row in self.rows[:8])
        more = " …" if len(self.rows) > 8 else ""
        return (
            f"A draft that mixes variants ({names}): the variant used most in each scope unit wins "
            f"(on a tie, the one used first) and every use of another variant is flagged. "
            f"Forms: {sample}{more}."
        )

    def fix_safety(self) -> str:
        if self.values["regex"] or self.values["fix"] == "none":
            return ""
        return (
            f"The fix replaces the form with its counterpart in the majority variant and is marked "
            f"{self.values['fix']}: the majority is not always the house choice."
        )

    def classify(self, m: Shifted) -> tuple[int, int | None]:
        """Return ``(variant, row)`` of a match (row None when ambiguous)."""
        if not self.values["regex"]:
            variant, rows = self.index[self.normalize(m.group())]
            return variant, rows[0] if len(rows) == 1 else None
        piece, pos, end = m.m.string, m.m.start(), m.m.end()
        for compiled, r, v in self.cells:
            cm = compiled.match(piece, pos)
            if cm is not None and cm.end() == end:
                return v, r
        return -1, None  # pragma: no cover - the alternation matched one of them

    def _forms_of(self, variant: int) -> list[str]:
        return [cell for _, w, cell in self._cells if w == variant]

    def variant_needles(self) -> list[list[str] | None]:
        """Per variant, strings one of which each of its forms contains (None: unknown)."""
        return [self._needles_of(variant) for variant in range(len(self.variants))]

    def _needles_of(self, variant: int) -> list[str] | None:
        if variant not in self._needles:
            forms = self._forms_of(variant)
            if self.values["regex"]:
                needles = _literals.combine(_literals.pattern_needles(f, engine=self.values["engine"], ignore_case=self.ignore_case) for f in forms)
            else:
                needles = _literals.token_needles(forms, self.ignore_case) if forms else []
            self._needles[variant] = needles
            self._plans[variant] = None if needles is None else _literals.prepare(needles)
        return self._needles[variant]

    def _word_lookup(self) -> dict[bytes, set[int]]:
        """Plain words of the long variants and the variants they belong to."""
        if self._word_variants is None:
            # Long lists of plain words are looked up in the document's word
            # index instead of searched for: one pass over its words, however
            # long the lists.
            self._word_variants = {}
            if not self.values["regex"]:
                for variant in range(len(self.variants)):
                    forms = self._forms_of(variant)
                    plain = [_words.plain_word(f) for f in forms] if len(forms) > _literals.MAX_NEEDLES else [None]
                    if all(plain):
                        self._by_words.add(variant)
                        for word in plain:
                            self._word_variants.setdefault(word, set()).add(variant)
        return self._word_variants

    def _mixed(self, doc: Document, prose: str, unit: tuple[Span, ...]) -> bool:
        """False when at most one variant can occur in ``unit``: nothing to report there."""
        lo, hi = unit[0].start, unit[-1].end
        lookup = self._word_lookup()
        found: set[int] | None = None
        if lookup:
            index = _words.letter_words(doc)
            if index is not None:  # the words of the whole draft: a superset of the unit's
                found = set()
                for word in lookup.keys() & index.words:
                    found |= lookup[word]
        present = 0
        for variant in range(len(self.variants)):
            if found is not None and variant in self._by_words:
                hit = variant in found
            else:
                self._needles_of(variant)
                plan = self._plans[variant]
                hit = plan is None or not _literals.absent(prose, plan, lo, hi)
            if hit:
                present += 1
                if present > 1:
                    return True
        return False

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        grade = self.values["fix"]
        prose = doc.prose
        for unit in _scopes.units(doc, self.scopes):
            # Most drafts use one variant only: a few str.find calls settle it.
            if not self._mixed(doc, prose, unit):
                continue
            found = [(m, *self.classify(m)) for m in self.matches(doc, self.matcher, unit, deadline)]
            counts: dict[int, int] = {}
            for _, v, _ in found:
                counts[v] = counts.get(v, 0) + 1
            if len(counts) < 2:
                continue
            first_use = {}
            for i, (_, v, _) in enumerate(found):
                first_use.setdefault(v, i)
            winner = max(counts, key=lambda v: (counts[v], -first_use[v]))
            for m, v, r in found:
                if v == winner:
                    continue
                counterpart = self.rows[r][winner] if r is not None else ""
                values = {
                    "match": _shown(m.group()),
                    "preferred": counterpart or self.variants[winner],
                    "variant": self.variants[v],
                    "majority": self.variants[winner],
                    "count": counts[winner],
                }
                fix = None
                if counterpart and not self.values["regex"] and grade != "none":
                    suggestion = adjust_case(m.group(), counterpart, self.ignore_case, False)
                    fix = Fix.replace(m.span, suggestion, safe=grade == "safe", title=f"Replace with '{suggestion}'")
                yield self.hit(doc, m.span, values, fix)
