"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other tools.

Paths are relative to the current folder under ``%SRCROOT%``; columns are
Unicode code points (``columnKind: unicodeCodePoints``). Every result has a
``partialFingerprints`` entry computed from the rule, the file and the
flagged text (not its line), so re-runs and edits elsewhere in a draft do
not open duplicate alerts.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editlint._version import __version__
from editlint.diagnostic import Severity
from editlint.output.base import Formatter, Locator

if TYPE_CHECKING:
    from editlint.diagnostic import Diagnostic
    from editlint.runner import RunReport

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://example.invalid/editlint"


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = path
    if rel.startswith(".."):
        return Path(os.path.abspath(path)).as_uri()
    return Path(rel).as_posix()


def fingerprint(d: Diagnostic, text: str, occurrence: int, *, flagged: str | None = None) -> str:
    """The result's stable identity; ``flagged`` is ``text[start:end]`` when the caller has it."""
    if flagged is None:
        flagged = text[d.span.start : d.span.end]
    snippet = " ".join(flagged.split())
    blob = f"{d.code}\0{_uri(d.path)}\0{snippet}\0{occurrence}".encode()
    return hashlib.sha256(blob).hexdigest()[:32]


def _region(locator: Locator, start: int, end: int) -> dict[str, int]:
    a, b = locator.position(start), locator.position(end)
    region = {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column}
    if (b.line, b.column) <= (a.line, a.column):
        region["endColumn"] = a.column + 1 if b.line == a.line else b.column
    return region


def _rule_descriptor(rule, code: str, name: str) -> dict[str, Any]:
    if rule is None:
        return {"id": code, "name": name, "shortDescription": {"text": name}}
    doc = rule.documentation()
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": rule.summary() or name},
        "fullDescription": {"text": rule.summary() or name},
        "help": {"text": doc or name, "markdown": doc or name},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["editorial", code.rstrip("0123456789").lower()], "source": rule.source},
    }


def report_sarif(report: RunReport) -> dict[str, Any]:
    registry = report.registry
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    results = []
    for file in report.files:
        locator = Locator(file)
        seen: Counter = Counter()
        for d in file.diagnostics:
            if d.code not in rule_index:
                rule_index[d.code] = len(rules)
                rules.append(_rule_descriptor(registry.rules.get(d.code) if registry else None, d.code, d.name))
            flagged = locator.snippet(d.span.start, d.span.end)
            snippet_key = (d.code, flagged)
            occurrence = seen[snippet_key]
            seen[snippet_key] += 1
            result: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": LEVEL[d.severity],
                "message": {"text": d.message + (f" Help: {d.help}" if d.help else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"},
                            "region": _region(locator, d.span.start, d.span.end),
                        }
                    }
                ],
                "partialFingerprints": {"editlintFingerprint/v1": fingerprint(d, "", occurrence, flagged=flagged)},
            }
            if d.confidence is not None:
                result["rank"] = round(d.confidence * 100, 1)
                result["properties"] = {"confidence": d.confidence}
            if d.fix is not None:
                result["fixes"] = [
                    {
                        "description": {"text": d.fix.title or f"{d.fix.applicability.value} fix"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"},
                                "replacements": [
                                    {
                                        "deletedRegion": _region(locator, e.start, e.end),
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    notifications = [
        {"level": "error", "message": {"text": message}} for message in [*report.errors, *report.plugin_errors]
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "editlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not any(f.internal_error for f in report.files) and not report.plugin_errors,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifFormatter(Formatter):
    name = "sarif"
    accepts_excerpts = True
    needs_text = True

    def write(self, report: RunReport) -> None:
        json.dump(report_sarif(report), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
