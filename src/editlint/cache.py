"""A result cache keyed by file identity, configuration and editlint version.

One JSON file per (editlint version, configuration, rule set, plugins) key
holds the results of every file linted with that key; an entry is reused
while the file's size, modification time and path are unchanged, so a
second run on an unchanged archive reads no drafts at all. Saving merges
with what other processes wrote meanwhile and replaces the file atomically,
so concurrent runs are safe (the last writer wins per entry).

The location is ``.editlint_cache/`` beside the configuration file (or in
the current folder), ``cache-dir`` in config, or ``EDITLINT_CACHE_DIR``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from editlint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from editlint.document.span import Span

CACHE_DIRNAME = ".editlint_cache"


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "title": d.fix.title,
            "edits": [[e.start, e.end, e.replacement] for e in d.fix.edits],
        }
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.name,
        "message": d.message,
        "span": [d.span.start, d.span.end],
        "confidence": d.confidence,
        "fix": fix,
        "help": d.help,
        "notes": list(d.notes),
        "source": d.source,
        "data": d.data or {},
    }


def diagnostic_from_dict(raw: dict[str, Any], path: str) -> Diagnostic:
    fix = None
    if raw.get("fix"):
        f = raw["fix"]
        fix = Fix(tuple(Edit(a, b, c) for a, b, c in f["edits"]), Applicability(f["applicability"]), f.get("title", ""))
    return Diagnostic(
        code=raw["code"],
        name=raw["name"],
        severity=Severity[raw["severity"]],
        message=raw["message"],
        span=Span(*raw["span"]),
        path=path,
        confidence=raw.get("confidence"),
        fix=fix,
        help=raw.get("help"),
        notes=tuple(raw.get("notes", ())),
        source=raw.get("source", "editlint"),
        data=raw.get("data") or {},
    )


class ResultCache:
    """Cached results of one configuration key."""

    def __init__(self, directory: Path, key: str) -> None:
        self.file = directory / f"results-{key}.json"
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty: dict[str, dict[str, Any]] = {}
        try:
            self.entries = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def identity(path: Path) -> tuple[str, int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return os.path.abspath(path), st.st_size, st.st_mtime_ns

    def get(self, path: Path) -> dict[str, Any] | None:
        ident = self.identity(path)
        if ident is None:
            return None
        entry = self.entries.get(ident[0])
        if entry and entry.get("size") == ident[1] and entry.get("mtime") == ident[2]:
            return entry
        return None

    def put(self, path: Path, diagnostics: list[Diagnostic], summary: dict[str, Any]) -> None:
        ident = self.identity(path)
        if ident is None:
            return
        entry = {
            "size": ident[1],
            "mtime": ident[2],
            "diagnostics": [diagnostic_to_dict(d) for d in diagnostics],
            "summary": summary,
        }
        self.entries[ident[0]] = self.dirty[ident[0]] = entry

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by editlint\n*\n", encoding="utf-8")
            try:  # merge with entries other processes saved meanwhile
                on_disk = json.loads(self.file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                on_disk = {}
            on_disk.update(self.dirty)
            # a name unique to this process, then an atomic rename
            tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump(on_disk, handle, separators=(",", ":"))
            os.replace(tmp, self.file)
            self.dirty.clear()
        except OSError:
            pass  # a read-only checkout still lints; it just does not cache
