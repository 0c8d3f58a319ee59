"""Inline suppression comments.

* ``<!-- editlint-disable CODE[,CODE] -->`` … ``<!-- editlint-enable CODE -->``
  switch rules off for a region (to the end of the document without an enable);
* ``<!-- editlint-disable-next-line CODE -->`` covers the next non-blank line;
* ``<!-- editlint-disable-file CODE -->`` covers the whole document.

Without codes, a comment means every rule. Codes may be full codes, prefixes
(``PRV``) or slugs (``merged-proper-noun``). The same comments work in
``.txt`` files on a line of their own. A suppression that suppresses nothing
is reported as ``EL002 unused-suppression``.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from editlint.diagnostic import Diagnostic
from editlint.document import Document, Span

_DIRECTIVE = re.compile(
    r"<!--\s*editlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    re.IGNORECASE,
)


class Suppression:
    """One code (or all codes, ``selector=None``) switched off over ``region``."""

    __slots__ = ("selector", "comment", "region", "used")

    def __init__(self, selector: str | None, comment: Span, region: Span) -> None:
        self.selector, self.comment, self.region = selector, comment, region
        self.used = False


class Suppressions:
    """The suppressions of a document; each remembers whether it was used."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Suppression] = []

    def covers(self, diagnostic: Diagnostic, matches: Callable[[str | None, str], bool]) -> bool:
        hit = False
        for s in self.items:
            if s.region.start <= diagnostic.span.start < s.region.end and matches(s.selector, diagnostic.code):
                s.used = True
                hit = True
        return hit


def _codes(raw: str) -> list[str | None]:
    codes = [c for c in re.split(r"[\s,]+", raw.strip()) if c]
    return codes or [None]


def parse_suppressions(doc: Document) -> Suppressions:
    """Read the suppression comments of ``doc``."""
    out = Suppressions()
    open_regions: dict[str | None, list[Span]] = {}
    text = doc.text
    end_of_doc = len(text)
    for comment in doc.comments:
        m = _DIRECTIVE.fullmatch(text, comment.start, comment.end)
        if not m:
            m = _DIRECTIVE.search(text, comment.start, comment.end)
            if not m:
                continue
        kind = m.group(1).lower()
        codes = _codes(m.group(2))
        if kind == "disable-file":
            out.items.extend(Suppression(c, comment, Span(0, end_of_doc)) for c in codes)
        elif kind == "disable-next-line":
            region = _next_line(text, comment.end)
            out.items.extend(Suppression(c, comment, region) for c in codes)
        elif kind == "disable":
            for c in codes:
                open_regions.setdefault(c, []).append(comment)
        else:  # enable
            for c in codes:
                targets = [c] if c is not None else list(open_regions)
                for key in targets:
                    for start in open_regions.pop(key, []):
                        out.items.append(Suppression(key, start, Span(start.end, comment.start)))
    for key, starts in open_regions.items():
        out.items.extend(Suppression(key, s, Span(s.end, end_of_doc)) for s in starts)
    return out


def _next_line(text: str, offset: int) -> Span:
    """The span of the first non-blank line after the line containing ``offset``."""
    nl = text.find("\n", offset)
    while nl != -1:
        start = nl + 1
        nl = text.find("\n", start)
        end = len(text) if nl == -1 else nl
        if text[start:end].strip():
            return Span(start, end)
    return Span(len(text), len(text))


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    suppressions: Suppressions,
    matches: Callable[[str | None, str], bool],
) -> list[Diagnostic]:
    """Drop suppressed diagnostics, marking the suppressions that were used."""
    if not suppressions.items:
        return list(diagnostics)
    return [d for d in diagnostics if not suppressions.covers(d, matches)]
