"""The formatter interface and helpers shared by the formats."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TextIO

from editlint.diagnostic import Diagnostic, Severity
from editlint.document.span import LineIndex, Position

if TYPE_CHECKING:
    from editlint.runner import FileResult, RunReport


@dataclass
class FormatOptions:
    """How the user asked output to look."""

    color: bool = False
    statistics: bool = False
    quiet: bool = False
    show_fixes: bool = True
    width: int = 100
    unsafe_fixes: bool = False


class Formatter:
    """Base class: subclasses render a whole :class:`RunReport` to a stream.

    Output is always in ``(path, offset, code)`` order, so CI logs and
    snapshots are stable.
    """

    name: ClassVar[str] = ""
    #: Whether this format needs file texts (code frames).
    needs_text: ClassVar[bool] = False

    def __init__(self, stream: TextIO, options: FormatOptions | None = None) -> None:
        self.stream = stream
        self.options = options or FormatOptions()

    def write(self, report: RunReport) -> None:
        raise NotImplementedError


class Locator:
    """Line/column for a file's diagnostics, derived from its text."""

    def __init__(self, result: FileResult) -> None:
        self.text = result.text or ""
        self.index = LineIndex(self.text)

    def start(self, d: Diagnostic) -> Position:
        return self.index.position(d.span.start)

    def end(self, d: Diagnostic) -> Position:
        return self.index.position(d.span.end)

    def line_text(self, line: int) -> str:
        return self.text[slice(*self.index.line_span(line, self.text))]


def positions(result: FileResult):
    """Yield ``(diagnostic, start, end)`` for a file's diagnostics."""
    locator = Locator(result)
    for d in result.diagnostics:
        yield d, locator.start(d), locator.end(d)


def counts(report: RunReport) -> dict:
    by_severity = Counter(str(d.severity) for d in report.diagnostics)
    by_code = Counter(d.code for d in report.diagnostics)
    return {
        "files": len(report.files),
        "diagnostics": sum(by_severity.values()),
        "by_severity": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
        "by_code": dict(sorted(by_code.items())),
        "fixed": sum(f.fixed for f in report.files),
        "fixable": sum(1 for d in report.diagnostics if d.fix is not None and d.fix.applicability.value == "safe"),
        "input_errors": report.errors,
        "skipped": [f"{s.path}: {s.reason}" for s in report.skipped],
        "plugin_errors": report.plugin_errors,
    }


SEVERITY_WORD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
