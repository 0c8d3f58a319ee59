"""Regular expressions compiled on first use.

Compiling a pattern costs far more than most single uses of it: a
1,000-character alternation takes ~2 ms in ``re``'s pure-Python compiler.
A rule module that compiles all its patterns at import makes every run pay
for patterns that only some drafts need (a provenance footer, a quote, a
state-media mention). :func:`lazy` returns a stand-in that compiles on its
first call::

    _REPORTED = lazy(r"\\b(?:reported|said)\\b", re.IGNORECASE)
    ...
    if _REPORTED.search(text):     # compiled here, once per process

Use it for module-level patterns whose use depends on the document; a
pattern every document needs gains nothing from it.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Iterator


class LazyPattern:
    """A :class:`re.Pattern` stand-in that compiles on first use.

    It offers the methods rules use (``match``, ``search``, ``fullmatch``,
    ``finditer``, ``findall``, ``sub``, ``subn``, ``split``) with the same
    arguments, plus ``pattern``, ``flags`` and ``compiled`` (the real
    pattern, for hot loops that want to skip the indirection).
    """

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.compiled.split(string, maxsplit)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """Return a pattern compiled with :func:`re.compile` on its first use."""
    return LazyPattern(pattern, flags)


__all__ = ["LazyPattern", "lazy"]
