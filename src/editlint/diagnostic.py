"""Diagnostics, severities and fixes: the values rules produce.

Diagnostics are plain immutable values; rendering them is the formatters'
job. A diagnostic holds a span of offsets; line and column are derived when
it is shown.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

from editlint.document.span import Span


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so ``>=`` compares gravity."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Return the severity named ``value`` (case-insensitive)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"expected one of error, warning, info (not {value!r})") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(str, enum.Enum):
    """How safe a fix is, as ruff grades them.

    * ``safe``: keeps the meaning; applied by ``--fix``.
    * ``unsafe``: probably right but may change meaning; needs ``--unsafe-fixes``.
    * ``display``: shown as a suggestion only, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    def __str__(self) -> str:
        return self.value


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Fix(NamedTuple):
    """One or more edits applied together, with a safety grade."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    title: str = ""

    @classmethod
    def replace(cls, span: Span, replacement: str, *, safe: bool = True, title: str = "") -> Fix:
        """A fix that replaces one span."""
        grade = Applicability.SAFE if safe else Applicability.UNSAFE
        return cls((Edit(span.start, span.end, replacement),), grade, title)


class Diagnostic(NamedTuple):
    """A finding of one rule at one span of one document.

    Attributes:
        code: the rule's code (``NAM001``).
        name: the rule's slug (``merged-proper-noun``).
        severity: the effective severity (after config overrides).
        message: one sentence for the person reading it.
        span: character offsets into the document's text (BOM excluded).
        path: the document's display path.
        confidence: how sure the rule is, in [0, 1], where it can say.
        fix: an optional fix.
        help: a suggestion shown under the finding (``help:``).
        notes: extra lines shown as ``note:``.
        source: the plugin the rule came from (``editlint`` for built-ins).
        data: machine-readable extras for JSON/SARIF consumers.
    """

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    path: str = "-"
    confidence: float | None = None
    fix: Fix | None = None
    help: str | None = None
    notes: tuple[str, ...] = ()
    source: str = "editlint"
    data: dict[str, Any] | None = None

    def with_(self, **changes: Any) -> Diagnostic:
        """Return a copy with some fields changed."""
        return self._replace(**changes)

    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.code, self.span.end, self.message)
