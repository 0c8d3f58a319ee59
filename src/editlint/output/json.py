"""``--format json``: one object, a public contract (version 1).

::

    {"version": 1,
     "diagnostics": [{"path", "code", "name", "severity", "message",
                      "line", "column", "end_line", "end_column",
                      "offset", "end_offset", "confidence", "fix",
                      "help", "notes", "source", "data"}, ...],
     "summary": {"files", "diagnostics", "by_severity", "by_code", "fixed",
                 "fixable", "input_errors", "skipped", "plugin_errors",
                 "documents": {path: {...}}}}

Lines and columns are 1-based, columns count Unicode code points, ends are
exclusive; ``offset``/``end_offset`` are code-point offsets into the file
(BOM excluded). ``fix`` is null or ``{"applicability", "title", "edits":
[{"line", "column", "end_line", "end_column", "offset", "end_offset",
"content"}]}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from editlint.output.base import Formatter, Locator, counts

if TYPE_CHECKING:
    from editlint.diagnostic import Diagnostic
    from editlint.runner import RunReport

SCHEMA_VERSION = 1


def diagnostic_json(d: Diagnostic, locator: Locator) -> dict[str, Any]:
    start, end = locator.start(d), locator.end(d)
    fix = None
    if d.fix is not None:
        edits = []
        for e in d.fix.edits:
            a, b = locator.position(e.start), locator.position(e.end)
            edits.append(
                {
                    "line": a.line,
                    "column": a.column,
                    "end_line": b.line,
                    "end_column": b.column,
                    "offset": e.start,
                    "end_offset": e.end,
                    "content": e.replacement,
                }
            )
        fix = {"applicability": d.fix.applicability.value, "title": d.fix.title, "edits": edits}
    return {
        "path": d.path,
        "code": d.code,
        "name": d.name,
        "severity": str(d.severity),
        "message": d.message,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "offset": d.span.start,
        "end_offset": d.span.end,
        "confidence": d.confidence,
        "fix": fix,
        "help": d.help,
        "notes": list(d.notes),
        "source": d.source,
        "data": d.data or {},
    }


def report_json(report: RunReport) -> dict[str, Any]:
    diagnostics = []
    documents = {}
    for result in report.files:
        locator = Locator(result)
        diagnostics.extend(diagnostic_json(d, locator) for d in result.diagnostics)
        if result.summary:
            documents[result.path] = {k: v for k, v in result.summary.items() if k != "fixed_text"}
    summary = counts(report)
    summary["documents"] = documents
    return {"version": SCHEMA_VERSION, "diagnostics": diagnostics, "summary": summary}


class JsonFormatter(Formatter):
    name = "json"
    accepts_excerpts = True
    needs_text = True

    def write(self, report: RunReport) -> None:
        json.dump(report_json(report), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
