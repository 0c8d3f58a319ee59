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
    #: Whether it reads results only through :class:`Locator`, so a cached
    #: result may carry only the lines its findings touch (``FileResult.excerpt``)
    #: instead of the file's text.
    accepts_excerpts: ClassVar[bool] = False

    def __init__(self, stream: TextIO, options: FormatOptions | None = None) -> None:
        self.stream = stream
        self.options = options or FormatOptions()

    def write(self, report: RunReport) -> None:
        raise NotImplementedError


class Locator:
    """Line/column and source text for a file's diagnostics.

    Built from the file's text, or, for a cached result, from the lines its
    findings touch (:class:`~editlint.excerpt.SourceLines`): both give the
    same answers. Should an excerpt lack a line (it never does for what the
    built-in formats ask), the result's ``text_loader`` reads the file.
    """

    def __init__(self, result: FileResult) -> None:
        self._result = result
        self.excerpt = None
        text = result.text
        if text is None and getattr(result, "excerpt", None) is not None:
            self.excerpt = result.excerpt
            self._text: str | None = None
            self._index: LineIndex | None = None
        else:
            self._text = text or ""
            self._index = LineIndex(self._text)

    # -- the text, read only when the excerpt cannot answer --------------------------------
    @property
    def text(self) -> str:
        if self._text is None:
            self._load()
        return self._text  # type: ignore[return-value]

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._load()
        return self._index  # type: ignore[return-value]

    def _load(self) -> None:
        loader = getattr(self._result, "text_loader", None)
        self._text = (loader() if loader is not None else None) or ""
        self._index = LineIndex(self._text)
        self.excerpt = None

    @property
    def has_text(self) -> bool:
        """Whether the file has any text (code frames are shown only then)."""
        if self.excerpt is not None:
            return self.excerpt.length > 0
        return bool(self.text)

    # -- positions and snippets ----------------------------------------------------------------
    def position(self, offset: int) -> Position:
        if self.excerpt is not None:
            found = self.excerpt.position(offset)
            if found is not None:
                return found
        return self.index.position(offset)

    def start(self, d: Diagnostic) -> Position:
        return self.position(d.span.start)

    def end(self, d: Diagnostic) -> Position:
        return self.position(d.span.end)

    def line_text(self, line: int) -> str:
        if self.excerpt is not None:
            found = self.excerpt.line_text(line)
            if found is not None:
                return found
        return self.text[slice(*self.index.line_span(line, self.text))]

    def snippet(self, start: int, end: int) -> str:
        """``text[start:end]``."""
        if self.excerpt is not None:
            found = self.excerpt.slice(start, end)
            if found is not None:
                return found
        return self.text[start:end]


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
