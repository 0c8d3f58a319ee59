"""The lines of a draft that its findings touch: enough to show them without the draft.

Output needs, for each finding, the line and column of its span and of its
fix's edits, the text it flags (SARIF fingerprints, baselines) and the
source line it starts on (``full``'s code frames). A :class:`SourceLines`
keeps exactly the lines those spans cover, with their offsets and numbers,
and the positions of the spans' ends, so a cached result can be printed
without reading the file again and gives the same output as the text it
was taken from (the result cache stores it; see :mod:`editlint.cache`).

The positions answer the one-line formats (``concise``, ``json``,
``github``) on their own; the lines, stored apart, are read only when a
format shows text (``full``, ``sarif``, baselines).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterable

from editlint.document.span import LineIndex, Position

_new = tuple.__new__


class SourceLines:
    """Some lines of a text: line numbers, start offsets and contents.

    Contents exclude the ``\\n`` that ends a line (a ``\\r`` before it is
    kept, as in the text). Every offset asked for must lie on a kept line (or
    be clamped to the text's ``length`` as :class:`LineIndex` does);
    :meth:`position`, :meth:`line_text` and :meth:`slice` return None
    otherwise, and callers fall back to the text.

    ``known`` maps offsets to their positions (the findings' span ends);
    lines may be loaded on first need (``load`` returns ``(numbers,
    starts, lines)`` or None when they are not available).
    """

    __slots__ = ("length", "numbers", "starts", "lines", "known", "_load")

    def __init__(
        self,
        length: int,
        numbers: list[int] | None,
        starts: list[int] | None,
        lines: list[str] | None,
        known: dict[int, Position] | None = None,
        load: Callable[[], tuple[list[int], list[int], list[str]] | None] | None = None,
    ) -> None:
        self.length = length
        self.numbers = numbers
        self.starts = starts
        self.lines = lines
        self.known = known
        self._load = load

    @classmethod
    def covering(cls, text: str, spans: Iterable[tuple[int, int]], index: LineIndex | None = None) -> SourceLines:
        """The lines of ``text`` that ``spans`` (start, end offsets) touch, first to last line of each."""
        index = index or LineIndex(text)
        line_starts = index.line_starts
        length = len(text)
        wanted: set[int] = set()
        known: dict[int, Position] = {}
        last = len(line_starts)
        for start, end in spans:
            start = 0 if start < 0 else length if start > length else start
            end = 0 if end < 0 else length if end > length else end
            if end < start:
                start, end = end, start
            first = bisect_right(line_starts, start)
            stop = bisect_right(line_starts, end)
            wanted.update(range(first, stop + 1))
            known[start] = _new(Position, (first, start - line_starts[first - 1] + 1))
            known[end] = _new(Position, (stop, end - line_starts[stop - 1] + 1))
        numbers = sorted(wanted)
        starts = [line_starts[n - 1] for n in numbers]
        lines = [text[line_starts[n - 1] : line_starts[n] - 1] if n < last else text[line_starts[n - 1] :] for n in numbers]
        return cls(length, numbers, starts, lines, known)

    # -- what output asks for ------------------------------------------------------------
    def _ready(self) -> bool:
        """Load the lines if they are not here yet; False when they cannot be."""
        if self.lines is None:
            load, self._load = self._load, None
            loaded = load() if load is not None else None
            self.numbers, self.starts, self.lines = loaded if loaded is not None else ([], [], [])
        return bool(self.lines)

    def _line_of(self, offset: int) -> int:
        """Index (into the kept lines) of the line holding ``offset``, or -1."""
        if self.lines is None and not self._ready():
            return -1
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset <= self.starts[i] + len(self.lines[i]):
            return i
        return -1

    def position(self, offset: int) -> Position | None:
        """The 1-based position of ``offset`` (clamped to the text), as :meth:`LineIndex.position`."""
        offset = 0 if offset < 0 else self.length if offset > self.length else offset
        known = self.known
        if known is not None:
            found = known.get(offset)
            if found is not None:
                return found
        i = self._line_of(offset)
        if i < 0:
            return None
        return _new(Position, (self.numbers[i], offset - self.starts[i] + 1))

    def line_text(self, line: int) -> str | None:
        """The 1-based ``line`` without its line ending, as :meth:`LineIndex.line_span` cuts it."""
        if self.lines is None and not self._ready():
            return None
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
    def positions_list(self) -> list[int]:
        """``[length, offset1, line1, column1, offset2, …]``: the known positions (JSON-ready)."""
        out = [self.length]
        for offset, (line, column) in (self.known or {}).items():
            out += (offset, line, column)
        return out

    def lines_list(self) -> list:
        """``[n1, start1, text1, n2, …]``: the kept lines (JSON-ready; loads them if needed)."""
        self._ready()
        out: list = []
        for n, s, t in zip(self.numbers or (), self.starts or (), self.lines or ()):
            out += (n, s, t)
        return out

    def to_list(self) -> list:
        """``[length, n1, start1, text1, n2, …]`` (JSON-ready)."""
        return [self.length, *self.lines_list()]

    @classmethod
    def from_list(cls, raw: list) -> SourceLines:
        """Inverse of :meth:`to_list`; raises ``ValueError`` on malformed input."""
        length = raw[0]
        if type(length) is not int:
            raise ValueError("malformed source lines")
        return cls(length, *parse_lines(raw[1:]))

    @classmethod
    def from_parts(cls, positions: list, load: Callable[[], tuple[list[int], list[int], list[str]] | None] | None) -> SourceLines:
        """From :meth:`positions_list` and a loader of the lines; raises ``ValueError`` on malformed input."""
        length = positions[0]
        offsets, lines_, columns = positions[1::3], positions[2::3], positions[3::3]
        if not (type(length) is int and len(offsets) == len(lines_) == len(columns) and _INT.issuperset(map(type, positions))):
            raise ValueError("malformed positions")
        known = {o: _new(Position, (n, c)) for o, n, c in zip(offsets, lines_, columns)}
        return cls(length, None, None, None, known, load)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceLines):
            return NotImplemented
        self._ready()
        other._ready()
        return (self.length, self.numbers, self.starts, self.lines) == (other.length, other.numbers, other.starts, other.lines)

    def __repr__(self) -> str:
        shown = "not loaded" if self.lines is None else f"lines {self.numbers}"
        return f"<SourceLines of a text of {self.length} characters: {shown}>"


def parse_lines(raw: list) -> tuple[list[int], list[int], list[str]]:
    """``(numbers, starts, lines)`` from :meth:`SourceLines.lines_list`; raises ``ValueError`` on malformed input."""
    numbers, starts, lines = raw[0::3], raw[1::3], raw[2::3]
    if not (
        len(numbers) == len(starts) == len(lines)
        and _INT.issuperset(map(type, numbers))
        and _INT.issuperset(map(type, starts))
        and _STR.issuperset(map(type, lines))
    ):
        raise ValueError("malformed source lines")
    return numbers, starts, lines


_INT, _STR = frozenset({int}), frozenset({str})


def spans_of(diagnostics: Iterable) -> list[tuple[int, int]]:
    """The spans output needs for ``diagnostics``: each finding's, and each fix edit's."""
    out: list[tuple[int, int]] = []
    for d in diagnostics:
        out.append((d.span[0], d.span[1]))
        if d.fix is not None:
            out.extend((e.start, e.end) for e in d.fix.edits)
    return out
