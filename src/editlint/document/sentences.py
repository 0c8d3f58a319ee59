"""Split body blocks into sentences.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes and
brackets after it) followed by white space and the start of a new sentence:
a capital letter, a digit or an opening quote. Abbreviations ("Dr.",
"Jan.", "U.S.", initials) and decimals do not end sentences; a dotted
acronym does end one when the next word is a typical sentence opener
("... troops to the U.S. The decision ...").
"""

from __future__ import annotations

import re

from editlint.document.model import BODY_KINDS, Sentence
from editlint.document.span import Span

# Titles, months, and other abbreviations that are followed by a name or a number.
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Sen Sens Rep Reps Gov Gen Lt Col Maj Capt Cpt Sgt Cpl Pte Adm Cmdr Cdr
    Brig Gens Hon Rev Fr Sr Jr St Ste Mt Ft Pres Supt Insp Det Ald Cllr Amb Dept Univ Assn Bros
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Inc Ltd Co Corp Plc Pty Ave Blvd Rd Hwy Fig Figs Vol Vols Ch Art Sec Para Ed Eds Est Approx
    vs etc cf al approx ca esp incl viz
    """.split()
)
# "No." and "Nos." abbreviate only before a number ("No. 10 Downing Street").
_NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "nos", "p", "pp", "para", "art"})
# After a dotted acronym or "etc.", these words show a new sentence has begun.
SENTENCE_OPENERS = frozenset(
    """
    The A An But And In It Its He She They This That These Those We I There Their His Her Our
    On At As After Before When While If However Meanwhile Yet So Some Many Most Both Such
    """.split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«]*(\w))")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[«]*([\w’'-]+)")
_DOTTED = re.compile(r"(?:\w\.){2,}$|\w\.\w$")


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Return True if the period at ``dot`` belongs to an abbreviation."""
    lo = max(0, dot - 40)
    space = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("(", lo, dot))
    word = text[space + 1 : dot + 1].lstrip("\"'“‘([")
    bare = word[:-1]
    if not bare:
        return False
    nxt = _NEXT_WORD.match(text, dot + 1, end)
    next_word = nxt.group(1) if nxt else ""
    if bare in _NUMBER_ABBREVIATIONS:
        return next_word[:1].isdigit()
    if bare in ("etc", "al") or ("." in bare and _DOTTED.search(word)):
        return next_word not in SENTENCE_OPENERS
    if bare in ABBREVIATIONS:
        return True
    # an initial: "J. K. Rowling", "George W. Bush"
    return len(bare) == 1 and bare.isupper()


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Split ``text[start:end]`` (a block of the prose view) into sentence spans."""
    spans: list[Span] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        first = m.group(1)
        if not (first.isupper() or first.isdigit()):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start(), end):
            continue
        _append(text, pos, m.end(), spans)
        pos = m.end()
    _append(text, pos, end, spans)
    return spans


def _append(text: str, a: int, b: int, spans: list[Span]) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped:
        a += len(piece) - len(piece.lstrip())
        spans.append(Span(a, a + len(stripped)))


def split_sentences(doc) -> list[Sentence]:
    """Return the sentences of every body block of ``doc``."""
    out: list[Sentence] = []
    prose = doc.prose
    for i, block in enumerate(doc.blocks):
        if block.kind in BODY_KINDS:
            out.extend(Sentence(span, i) for span in sentence_spans(prose, block.span.start, block.span.end))
    return out
