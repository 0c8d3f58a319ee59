"""Human-readable formats: ``full`` (code frames) and ``concise`` (one line each).

``full`` shows, for each finding, a header ``path:line:col CODE [severity]
message``, the source line with the span underlined, and ``help:``/``note:``
lines, like ruff and rustc. Colour comes from rich, and only on a terminal
(never with ``NO_COLOR``); plain output does not import rich at all.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from editlint.diagnostic import Applicability, Diagnostic, Severity
from editlint.output.base import SEVERITY_WORD, Formatter, Locator, counts

if TYPE_CHECKING:
    from editlint.runner import FileResult, RunReport

#: Characters of context kept on each side of a span in a long line.
CONTEXT = 32

STYLES = {
    "path": "bold",
    "code": "bold",
    "error": "bold red",
    "warning": "bold yellow",
    "info": "bold cyan",
    "gutter": "blue",
    "caret.error": "red",
    "caret.warning": "yellow",
    "caret.info": "cyan",
    "help": "green",
    "note": "dim",
    "summary": "bold",
}

Segment = tuple[str, str]  # (text, style name or "")


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (wide East Asian characters count 2)."""
    if text.isascii():  # no combining or wide characters
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut a long line around ``[start, end)``; return (excerpt, start, end) in it."""
    line = line.replace("\t", " ")
    if cell_width(line) <= width:
        return line, start, end
    a = max(0, start - CONTEXT)
    b = min(len(line), max(end, start + 1) + CONTEXT)
    if b - a > width:
        b = a + width
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(line) else ""
    excerpt = prefix + line[a:b] + suffix
    shift = len(prefix) - a
    return excerpt, start + shift, min(end, b) + shift


def severity_label(d: Diagnostic) -> str:
    return str(d.severity)


def fix_marker(d: Diagnostic) -> str:
    if d.fix is None:
        return ""
    return " [*]" if d.fix.applicability is Applicability.SAFE else ""


def header(d: Diagnostic, line: int, column: int) -> list[Segment]:
    conf = f" (confidence {d.confidence:.2f})" if d.confidence is not None else ""
    sev = severity_label(d)
    return [
        (f"{d.path}:{line}:{column}", "path"),
        (" ", ""),
        (d.code, "code"),
        (fix_marker(d), ""),
        (" ", ""),
        (f"[{sev}]", sev),
        (f" {d.message}{conf}", ""),
    ]


def frame(d: Diagnostic, locator: Locator, width: int) -> list[list[Segment]]:
    """The excerpt lines under a header: gutter, source line, carets, help, notes."""
    start, end = locator.start(d), locator.end(d)
    lines: list[list[Segment]] = []
    if locator.has_text:
        src = locator.line_text(start.line)
        s = start.column - 1
        e = end.column - 1 if end.line == start.line else len(src)
        gutter_w = len(str(start.line))
        excerpt, s2, e2 = _window(src, s, max(e, s), width - gutter_w - 3)
        carets = "^" * max(1, cell_width(excerpt[s2:e2]))
        pad = " " * cell_width(excerpt[:s2])
        blank = " " * gutter_w
        sev = severity_label(d)
        lines.append([(f"{blank} |", "gutter")])
        lines.append([(f"{start.line} | ", "gutter"), (excerpt, "")])
        tail = f" (to line {end.line})" if end.line > start.line else ""
        lines.append([(f"{blank} | ", "gutter"), (pad + carets, f"caret.{sev}"), (tail, "note")])
    for text, style in _help_lines(d):
        lines.append([(text, style)])
    return lines


def _help_lines(d: Diagnostic) -> Iterable[Segment]:
    if d.help:
        for i, line in enumerate(d.help.splitlines()):
            yield (("help: " if i == 0 else "      ") + line, "help")
    if d.fix is not None and d.fix.edits:
        title = d.fix.title or _describe_fix(d)
        if d.fix.applicability is Applicability.SAFE:
            yield (f"fix: {title} (safe: applied by --fix)", "help")
        elif d.fix.applicability is Applicability.UNSAFE:
            yield (f"fix: {title} (unsafe: applied by --unsafe-fixes; check the meaning)", "help")
        else:
            yield (f"suggestion: {title}", "help")
    for note in d.notes:
        yield (f"note: {note}", "note")


def _describe_fix(d: Diagnostic) -> str:
    e = d.fix.edits[0]
    return f"replace with {e.replacement!r}" if e.replacement else "remove"


def summary_line(report: RunReport) -> str:
    c = counts(report)
    n = c["diagnostics"]
    files = c["files"]
    file_word = "file" if files == 1 else "files"
    if n == 0:
        line = f"All checks passed ({files} {file_word})."
    else:
        parts = [f"{v} {k}{'s' if v != 1 and k != 'info' else ''}" for k, v in c["by_severity"].items() if v]
        line = f"Found {n} diagnostic{'s' if n != 1 else ''} ({', '.join(parts)}) in {files} {file_word}."
    if c["fixed"]:
        line += f" Fixed {c['fixed']}."
    if c["fixable"]:
        line += f" {c['fixable']} fixable with --fix."
    return line


def statistics_lines(report: RunReport) -> list[list[Segment]]:
    lines: list[list[Segment]] = []
    by_code = Counter(d.code for d in report.diagnostics)
    meta = {d.code: d for d in report.diagnostics}
    fixable = Counter(d.code for d in report.diagnostics if d.fix is not None and d.fix.applicability is Applicability.SAFE)
    width = max((len(d.name) for d in meta.values()), default=0)  # columns line up whatever the slugs
    for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        d = meta[code]
        mark = "[*]" if fixable[code] else "   "
        lines.append([(f"{n:>5}  ", ""), (f"{code:<7}", "code"), (f" {mark} ", ""), (f"{d.name:<{width}}", ""), (f" {d.severity}", str(d.severity))])
    for result in report.files:
        if result.summary:
            lines.append([(f"{result.path}:", "path")])
            for key, value in result.summary.items():
                if key == "fixed_text":
                    continue
                lines.append([(f"  {key}: {_short(value)}", "")])
    return lines


def _short(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


class _TextFormatter(Formatter):
    """Writes segments, through rich when colour is on."""

    def _emit(self, lines: Iterable[list[Segment]]) -> None:
        if not self.options.color:
            for segments in lines:
                self.stream.write("".join(t for t, _ in segments) + "\n")
            return
        from rich.console import Console
        from rich.text import Text

        console = Console(file=self.stream, force_terminal=True, highlight=False, soft_wrap=True, width=self.options.width)
        for segments in lines:
            text = Text()
            for t, style in segments:
                text.append(t, style=STYLES.get(style, ""))
            console.print(text)

    def _tail(self, report: RunReport) -> list[list[Segment]]:
        out: list[list[Segment]] = []
        if self.options.statistics:
            out.extend(statistics_lines(report))
        if not self.options.quiet:
            out.append([(summary_line(report), "summary")])
        return out


class FullFormatter(_TextFormatter):
    """Code frames with underlined spans, help and notes (the default)."""

    name = "full"
    accepts_excerpts = True
    needs_text = True

    def write(self, report: RunReport) -> None:
        lines: list[list[Segment]] = []
        for result in report.files:
            locator = Locator(result)
            for d in result.diagnostics:
                start = locator.start(d)
                lines.append(header(d, start.line, start.column))
                lines.extend(frame(d, locator, self.options.width))
                lines.append([])
        lines.extend(self._tail(report))
        self._emit(lines)


class ConciseFormatter(_TextFormatter):
    """One line per finding: ``path:line:col: CODE [severity] message``."""

    name = "concise"
    accepts_excerpts = True

    def write(self, report: RunReport) -> None:
        if not self.options.color:  # plain text: one string per finding, no segments
            out: list[str] = []
            append = out.append
            for result in report.files:
                if not result.diagnostics:
                    continue
                position = Locator(result).position if result.text is not None or result.excerpt is not None else None
                for d in result.diagnostics:
                    if position is not None:
                        line, column = position(d.span.start)
                        where = f"{d.path}:{line}:{column}"
                    else:
                        where = f"{d.path}:{d.span.start}"
                    mark = "" if d.fix is None else fix_marker(d)
                    append(f"{where}: {d.code}{mark} [{SEVERITY_WORD[d.severity]}] {d.message}\n")
            self.stream.write("".join(out))
            self._emit(self._tail(report))
            return
        lines: list[list[Segment]] = []
        for result in report.files:
            locator = Locator(result) if result.text is not None or result.excerpt is not None else None
            for d in result.diagnostics:
                pos = locator.start(d) if locator else None
                where = f"{d.path}:{pos.line}:{pos.column}" if pos else f"{d.path}:{d.span.start}"
                sev = str(d.severity)
                lines.append([(where, "path"), (": ", ""), (d.code, "code"), (fix_marker(d), ""), (" ", ""), (f"[{sev}]", sev), (f" {d.message}", "")])
        lines.extend(self._tail(report))
        self._emit(lines)


__all__ = ["ConciseFormatter", "FullFormatter", "Severity"]
