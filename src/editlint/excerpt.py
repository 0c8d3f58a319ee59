"""The lines of a draft that its findings touch: enough to show them without the draft.

Output needs, for each finding, the line and column of its span and of its
fix's edits, the text it flags (SARIF fingerprints, baselines) and the
source line it starts on (``full``'s code frames). A :class:`SourceLines`
keeps exactly the lines those spans cover, with their offsets and numbers,
so a cached result can be printed without reading the file again and gives
the same output as the text it was taken from (the result cache stores it;
see :mod:`editlint.cache`).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from editlint.document.span import LineIndex, Position

_new = tuple.__new__


class SourceLines:
    """Some lines of a text: line numbers, start offsets and contents.

    Contents exclude the ``\\n`` that ends a line (a ``\\r`` before it is
    kept, as in the text). Every offset asked for must lie on a kept line (or
    be clamped to the text's ``length`` as :class:`LineIndex` does);
    :meth:`position`, :meth:`line_text` and :meth:`slice` return None
    otherwise, and callers fall back to the text.
    """

    __slots__ = ("length", "numbers", "starts", "lines")

    def __init__(self, length: int, numbers: list[int], starts: list[int], lines: list[str]) -> None:
        self.length = length
        self.numbers = numbers
        self.starts = starts
        self.lines = lines

    @classmethod
    def covering(cls, text: str, spans: Iterable[tuple[int, int]], index: LineIndex | None = None) -> SourceLines:
        """The lines of ``text`` that ``spans`` (start, end offsets) touch, first to last line of each."""
        index = index or LineIndex(text)
        line_starts = index.line_starts
        length = len(text)
        wanted: set[int] = set()
        last = len(line_starts)
        for start, end in spans:
            start = 0 if start < 0 else length if start > length else start
            end = 0 if end < 0 else length if end > length else end
            if end < start:
                start, end = end, start
            first = bisect_right(line_starts, start)
            stop = bisect_right(line_starts, end)
            wanted.update(range(first, stop + 1))
        numbers = sorted(wanted)
        starts = [line_starts[n - 1] for n in numbers]
        lines = [text[line_starts[n - 1] : line_starts[n] - 1] if n < last else text[line_starts[n - 1] :] for n in numbers]
        return cls(length, numbers, starts, lines)

    # -- what output asks for ------------------------------------------------------------
    def _line_of(self, offset: int) -> int:
        """Index (into the kept lines) of the line holding ``offset``, or -1."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset <= self.starts[i] + len(self.lines[i]):
            return i
        return -1

    def position(self, offset: int) -> Position | None:
        """The 1-based position of ``offset`` (clamped to the text), as :meth:`LineIndex.position`."""
        offset = 0 if offset < 0 else self.length if offset > self.length else offset
        starts = self.starts
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset > starts[i] + len(self.lines[i]):
            return None
        return _new(Position, (self.numbers[i], offset - starts[i] + 1))

    def line_text(self, line: int) -> str | None:
        """The 1-based ``line`` without its line ending, as :meth:`LineIndex.line_span` cuts it."""
        i = bisect_right(self.numbers, line) - 1
        if i < 0 or self.numbers[i] != line:
            return None
        text = self.lines[i]
        return text[:-1] if text.endswith("\r") else text

    def slice(self, start: int, end: int) -> str | None:
        """``text[start:end]``, when the kept lines hold all of it."""
        length = self.length
        start = 0 if start < 0 else length if start > length else start
        end = 0 if end < 0 else length if end > length else end
        if end <= start:
            return "" if self._line_of(start) >= 0 else None
        i, j = self._line_of(start), self._line_of(end)
        if i < 0 or j < 0 or self.numbers[j] - self.numbers[i] != j - i:
            return None  # a line in between is missing
        if i == j:
            base = self.starts[i]
            return self.lines[i][start - base : end - base]
        joined = "\n".join(self.lines[i : j + 1])
        base = self.starts[i]
        return joined[start - base : end - base]

    # -- storage ---------------------------------------------------------------------------
    def to_list(self) -> list:
        """``[length, n1, start1, text1, n2, …]`` (JSON-ready)."""
        out: list = [self.length]
        for n, s, t in zip(self.numbers, self.starts, self.lines):
            out += (n, s, t)
        return out

    @classmethod
    def from_list(cls, raw: list) -> SourceLines:
        """Inverse of :meth:`to_list`; raises ``ValueError`` on malformed input."""
        length = raw[0]
        numbers, starts, lines = raw[1::3], raw[2::3], raw[3::3]
        if not (
            type(length) is int
            and len(numbers) == len(starts) == len(lines)
            and _INT.issuperset(map(type, numbers))
            and _INT.issuperset(map(type, starts))
            and _STR.issuperset(map(type, lines))
        ):
            raise ValueError("malformed source lines")
        return cls(length, numbers, starts, lines)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceLines):
            return NotImplemented
        return (self.length, self.numbers, self.starts, self.lines) == (other.length, other.numbers, other.starts, other.lines)

    def __repr__(self) -> str:
        return f"<SourceLines {len(self.lines)} of a text of {self.length} characters: lines {self.numbers}>"


_INT, _STR = frozenset({int}), frozenset({str})


def spans_of(diagnostics: Iterable) -> list[tuple[int, int]]:
    """The spans output needs for ``diagnostics``: each finding's, and each fix edit's."""
    out: list[tuple[int, int]] = []
    for d in diagnostics:
        out.append((d.span[0], d.span[1]))
        if d.fix is not None:
            out.extend((e.start, e.end) for e in d.fix.edits)
    return out
