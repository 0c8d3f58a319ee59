"""Build the length-preserving prose view.

Masking replaces characters by spaces and keeps line breaks, so offsets and
line numbers in the prose view are those of the source.
"""

from __future__ import annotations

import re
from typing import Iterable

from editlint.document.span import Span

_NON_BREAK = re.compile(r"[^\r\n]+")


def blank(text: str) -> str:
    """Return ``text`` with every character but CR and LF replaced by a space."""
    if not text.strip("\r\n"):  # only line breaks (the gap between two blocks)
        return text
    return _NON_BREAK.sub(lambda m: " " * len(m.group()), text)


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1].end:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end)
        else:
            merged.append(Span(start, end))
    return merged


def build_prose(text: str, keep: Iterable[Span], mask: Iterable[Span]) -> str:
    """Return the prose view: ``keep`` spans visible except where ``mask`` covers them."""
    visible: list[Span] = []
    masks = _merge(mask)
    m = 0
    for start, end in _merge(keep):
        pos = start
        while m < len(masks) and masks[m].end <= pos:
            m += 1
        j = m
        while j < len(masks) and masks[j].start < end:
            if masks[j].start > pos:
                visible.append(Span(pos, masks[j].start))
            pos = max(pos, masks[j].end)
            j += 1
        if pos < end:
            visible.append(Span(pos, end))
    pieces: list[str] = []
    last = 0
    for start, end in visible:
        if start > last:
            pieces.append(blank(text[last:start]))
        pieces.append(text[start:end])
        last = end
    if last < len(text):
        pieces.append(blank(text[last:]))
    return "".join(pieces)
