"""Find quoted speech: "…", “…” and ‘…’.

Quoted speech is attributed to its speaker, not the writer's own framing,
and must never be rewritten, so rules and fixes skip it.

* Straight double quotes pair up in order within a block, except that a mark
  with white space before it and a word after it opens a quotation: met
  inside an open one, it ends that quotation (just before the mark) and opens
  the next. Quotations of several paragraphs run into one block
  (``"One. "Two. "Three."``) then stay in step instead of swapping speech
  and the writer's voice.
* Curly double quotes pair an opening “ with the next closing ”.
* Curly single quotes: an opening ‘ after a space, bracket or dash pairs
  with the next ’ that is not followed by a letter, so apostrophes
  ("Zarif’s", "don’t") never close a quote.

A quote left open at the end of a block runs to the block's end: in news
copy a quotation spanning paragraphs leaves the closing mark off all but the
last of them.
"""

from __future__ import annotations

import re

from editlint.document.model import PROSE_KINDS
from editlint.document.span import Span

_MARKS = re.compile(r"[\"“”‘]")
_OPENING_CONTEXT = frozenset(" \t\r\n([{—–-/:;,")
_new = tuple.__new__  # a Span without NamedTuple.__new__'s Python frame


def quote_spans(text: str, start: int, end: int) -> list[Span]:
    """Return quote spans in ``text[start:end]``."""
    find = text.find
    if find("“", start, end) == -1 and find("‘", start, end) == -1:
        # Only straight quotes can open (a lone ” never does): pair them up
        # with str.find, much faster than testing every character.
        return _straight_spans(text, start, end)
    return _marked_spans(text, start, end)


def _marked_spans(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    i = start
    while True:
        m = _MARKS.search(text, i, end)
        if not m:
            break
        mark = m.group()
        pos = m.start()
        if mark == "”":  # a stray closing mark
            i = pos + 1
            continue
        if mark == "‘":
            before = text[pos - 1] if pos > start else " "
            if before not in _OPENING_CONTEXT and before not in "\"“":
                i = pos + 1
                continue
            close = _closing_single(text, pos + 1, end)
        elif mark == "“":
            close = text.find("”", pos + 1, end)
        else:
            close, reopens = _straight_close(text, pos, end)
            if reopens:
                spans.append(Span(pos, close))
                i = close
                continue
        stop = end if close == -1 else close + 1
        spans.append(Span(pos, stop))
        i = stop
    return spans


def _opens(text: str, i: int, end: int) -> bool:
    """A straight mark with white space before it and a word after it opens a quotation."""
    return i > 0 and text[i - 1].isspace() and i + 1 < end and not text[i + 1].isspace()


def _straight_close(text: str, i: int, end: int) -> tuple[int, bool]:
    """The mark ending the straight quotation opened at ``i``: (index, whether it opens the next)."""
    close = text.find('"', i + 1, end)
    if close == -1:
        return -1, False
    return close, _opens(text, close, end)


def _straight_spans(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    find = text.find
    i = find('"', start, end)
    while i != -1:
        close, reopens = _straight_close(text, i, end)
        if close == -1:
            spans.append(_new(Span, (i, end)))
            break
        if reopens:  # an opening mark: the open quotation ends before it
            spans.append(_new(Span, (i, close)))
            i = close
            continue
        spans.append(_new(Span, (i, close + 1)))
        i = find('"', close + 1, end)
    return spans


def _closing_single(text: str, i: int, end: int) -> int:
    while True:
        j = text.find("’", i, end)
        if j == -1:
            return -1
        after = text[j + 1] if j + 1 < end else " "
        if not after.isalpha():
            return j
        i = j + 1


def find_quotes(doc) -> list[Span]:
    """Return the quote spans of every prose block of ``doc``, sorted."""
    out: list[Span] = []
    prose = doc.prose
    for block in doc.blocks:
        if block.kind in PROSE_KINDS:
            out.extend(quote_spans(prose, block.span.start, block.span.end))
    return out
