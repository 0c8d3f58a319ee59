"""Spans and positions.

Offsets into the document's text are the truth everywhere in editlint. A
:class:`Span` is a half-open range of character (code point) offsets; a
:class:`Position` is derived from an offset only when something is shown to a
person (formatters, tests).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple


_new = tuple.__new__


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __len__(self) -> int:  # pragma: no cover - trivial
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Return True if ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Return True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


class Position(NamedTuple):
    """A 1-based line and a 1-based column counted in code points."""

    line: int
    column: int


class LineIndex:
    """Convert offsets to line/column with a bisect over line starts.

    Lines end at ``\\n``; a ``\\r`` before it belongs to the line it ends, so
    CRLF and LF files get the same line numbers.
    """

    __slots__ = ("line_starts", "length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts
        self.length = len(text)

    def position(self, offset: int) -> Position:
        """Return the 1-based position of ``offset`` (clamped to the text)."""
        offset = 0 if offset < 0 else self.length if offset > self.length else offset
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        return _new(Position, (line + 1, offset - starts[line] + 1))

    def line_span(self, line: int, text: str) -> Span:
        """Return the span of 1-based ``line`` without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(text)
        if end > start and text[end - 1 : end] == "\r":
            end -= 1
        return Span(start, end)

    def offset(self, line: int, column: int) -> int:
        """Return the offset of a 1-based line and column."""
        return self.line_starts[line - 1] + column - 1

    @property
    def line_count(self) -> int:
        return len(self.line_starts)
