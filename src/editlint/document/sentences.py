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

_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]»]*(\s+)(?=[\"'“‘(\[«]*(\w))")
# The same for a text without "!", "?" and "…" (most news copy): a literal
# first character lets re jump from one full stop to the next, several
# times faster than testing every character against a set.
_DOT_BOUNDARY = re.compile(r"\.\.*[\"'”’)\]»]*(\s+)(?=[\"'“‘(\[«]*(\w))")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[«]*([\w’'-]+)")
_DOTTED = re.compile(r"(?:\w\.){2,}$|\w\.\w$")
# What the word before a full stop says, looked up once: 1, always an
# abbreviation; 2, one before a number ("No. 10"); 3, "etc." and "et al.",
# which end a sentence when a typical opener follows.
_ABBREVIATION_KIND = {
    **{w: 1 for w in ABBREVIATIONS},
    **{w: 2 for w in _NUMBER_ABBREVIATIONS},
    "etc": 3,
    "al": 3,
}
# Build tuples without a Python-level NamedTuple.__new__ call (hot path).
_new = tuple.__new__


def _next_word(text: str, dot: int, end: int) -> str:
    nxt = _NEXT_WORD.match(text, dot + 1, end)
    return nxt.group(1) if nxt else ""


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Return True if the period at ``dot`` belongs to an abbreviation."""
    # The word runs back to the last space, line break or "(" (within 40
    # characters); look for the space first and the others only if needed.
    lo = dot - 40 if dot > 40 else 0
    space = text.rfind(" ", lo, dot)
    word = text[space + 1 : dot + 1]
    if "\n" in word or "(" in word:
        space = max(space, text.rfind("\n", lo, dot), text.rfind("(", lo, dot))
        word = text[space + 1 : dot + 1]
    word = word.lstrip("\"'“‘([")
    bare = word[:-1]
    if not bare:
        return False
    kind = _ABBREVIATION_KIND.get(bare)
    if kind is None:
        if "." in bare and _DOTTED.search(word):
            kind = 3
        else:
            # an initial: "J. K. Rowling", "George W. Bush"
            return len(bare) == 1 and bare.isupper()
    if kind == 1:
        return True
    if kind == 2:
        return _next_word(text, dot, end)[:1].isdigit()
    return _next_word(text, dot, end) not in SENTENCE_OPENERS


def _boundaries(text: str, start: int, end: int):
    find = text.find
    if find("!", start, end) == -1 and find("?", start, end) == -1 and find("…", start, end) == -1:
        return _DOT_BOUNDARY.finditer(text, start, end)
    return _BOUNDARY.finditer(text, start, end)


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Split ``text[start:end]`` (a block of the prose view) into sentence spans."""
    spans: list[Span] = []
    pos = start
    for m in _boundaries(text, start, end):
        first = m.group(2)
        if not (first.isupper() or first.isdigit()):
            continue
        a, stop = m.span(1)  # the sentence ends where the white space after it starts
        if a - m.start() == 1 and text[a - 1] == "." and _is_abbreviation(text, a - 1, end):
            continue
        if pos == start:
            _append(text, pos, a, spans)
        else:  # pos follows white space and ``a`` follows punctuation: nothing to strip
            spans.append(_new(Span, (pos, a)))
        pos = stop
    _append(text, pos, end, spans)
    return spans


def _append(text: str, a: int, b: int, spans: list[Span]) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped:
        a += len(piece) - len(piece.lstrip())
        spans.append(_new(Span, (a, a + len(stripped))))


def split_sentences(doc) -> list[Sentence]:
    """Return the sentences of every body block of ``doc``."""
    out: list[Sentence] = []
    prose = doc.prose
    for i, block in enumerate(doc.blocks):
        if block.kind in BODY_KINDS:
            out.extend([_new(Sentence, (span, i)) for span in sentence_spans(prose, block.span.start, block.span.end)])
    return out
