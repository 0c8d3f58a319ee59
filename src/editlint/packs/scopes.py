"""Scopes: the parts of a draft a pack rule reads.

A scope turns a document into *units*. A unit is a tuple of spans read
together: matches never cross from one span into the next, but counts
(``occurrence``), majorities (``consistency``), conditions
(``conditional``) and statistics (``metric``) are taken per unit.

=============  ==================================================  ==========
scope          units                                               spans
=============  ==================================================  ==========
``document``   the whole draft (headings and body)                 one per block
``body``       the body (paragraphs, list items, quotes, tables)   one per block
``heading``    each heading                                        one
``title``      the first heading, if the draft opens with one      one
``paragraph``  each paragraph                                      one
``list_item``  each list item                                      one
``blockquote`` each block quote                                    one
``table``      each table                                          one
``block``      each prose block (any of the above)                 one
``sentence``   each sentence of the body                           one
``footer``     the sources section (heading "Sources",             one per block
               "Provenance", "References"…), heading excluded
=============  ==================================================  ==========

Code, HTML, front matter, URLs and Markdown markup are never part of a
scope: rules read the prose view.
"""

from __future__ import annotations

import re
from typing import Callable

from editlint.document import BODY_KINDS, HEADING, PROSE_KINDS, Document, Span

Unit = tuple[Span, ...]

_FOOTER_TITLE = re.compile(
    r"\b(?:sources?|provenance|references?|citations?|credits?|bibliography|further reading)\b", re.IGNORECASE
)


def _blocks(kinds: frozenset[str]) -> Callable[[Document], list[Unit]]:
    def units(doc: Document) -> list[Unit]:
        return [(b.span,) for b in doc.blocks if b.kind in kinds]

    return units


def _joined(kinds: frozenset[str]) -> Callable[[Document], list[Unit]]:
    def units(doc: Document) -> list[Unit]:
        spans = tuple(b.span for b in doc.blocks if b.kind in kinds)
        return [spans] if spans else []

    return units


def _title(doc: Document) -> list[Unit]:
    for block in doc.blocks:
        if block.kind in PROSE_KINDS:
            return [(block.span,)] if block.kind == HEADING else []
    return []


def _sentences(doc: Document) -> list[Unit]:
    return [(s.span,) for s in doc.sentences]


def _footer(doc: Document) -> list[Unit]:
    for section in reversed(doc.sections):
        if section.heading is not None and _FOOTER_TITLE.search(section.title):
            spans = tuple(b.span for b in section.blocks if b.kind in PROSE_KINDS)
            return [spans] if spans else []
    return []


SCOPES: dict[str, Callable[[Document], list[Unit]]] = {
    "document": _joined(PROSE_KINDS),
    "body": _joined(BODY_KINDS),
    "heading": _blocks(frozenset({HEADING})),
    "title": _title,
    "paragraph": _blocks(frozenset({"paragraph"})),
    "list_item": _blocks(frozenset({"list_item"})),
    "blockquote": _blocks(frozenset({"blockquote"})),
    "table": _blocks(frozenset({"table"})),
    "block": _blocks(PROSE_KINDS),
    "sentence": _sentences,
    "footer": _footer,
}
#: Scopes whose units are made of several blocks.
MULTI_BLOCK = frozenset({"document", "body", "footer"})


def units(doc: Document, scopes: tuple[str, ...]) -> list[Unit]:
    """Return the units of ``scopes`` in ``doc`` (computed once per document; do not modify)."""
    if len(scopes) == 1:  # the common case: the shared list itself
        return doc.derived(("pack-scope", scopes[0]), SCOPES[scopes[0]])
    out: list[Unit] = []
    for scope in scopes:
        out.extend(doc.derived(("pack-scope", scope), SCOPES[scope]))
    return out


def spans_of(doc: Document, scopes: tuple[str, ...]) -> list[Span]:
    """Every span of every unit of ``scopes``, in document order, without repeats (shared; do not modify)."""
    return doc.derived(("pack-spans", scopes), lambda d: _spans(d, scopes))


def _spans(doc: Document, scopes: tuple[str, ...]) -> list[Span]:
    if len(scopes) == 1:
        return [s for unit in units(doc, scopes) for s in unit]
    seen = {s for unit in units(doc, scopes) for s in unit}
    return sorted(seen)
