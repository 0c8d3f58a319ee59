"""A result cache keyed by file identity, configuration and editlint version.

One JSON file per (editlint version, configuration, rule set, plugins) key
holds the results of every file linted with that key; an entry is reused
while the file's size, modification time and path are unchanged. An entry
also keeps the line and column of its findings' ends, and a second file
(``….lines.json``) the lines they touch
(:class:`~editlint.excerpt.SourceLines`), so a second run on an unchanged
archive prints its report without reading the drafts again; the lines are
read only by formats that show text. Saving merges with what other
processes wrote meanwhile and replaces each file atomically, so concurrent
runs are safe (the last writer wins per entry; a lines entry is used only
while its file's size and time match). The files are plain JSON (no
pickle, no code): a damaged or foreign file is ignored.

The location is ``.editlint_cache/`` beside the configuration file (or in
the current folder), ``cache-dir`` in config, or ``EDITLINT_CACHE_DIR``.

Format (``"format": 3``): the strings that repeat across findings (codes,
names, messages, help, notes, sources) are stored once, in ``"strings"``,
and so are the findings' ``data`` values, in ``"data"``; entries refer to
them by index. The tables only grow between compactions, so entries
written by other processes stay valid when a process appends its own; they
are rebuilt when most of them is no longer used. An entry is
``[size, mtime_ns, findings, summary, positions]`` with one finding per list::

    [code, name, severity, message, start, end, confidence, fix, help, notes, source, data]

(``fix``: null or ``[applicability, title, [[start, end, replacement], ...]]``;
string fields are indices into ``strings``, ``data`` an index into ``data``
or null; ``positions``: :meth:`~editlint.excerpt.SourceLines.positions_list`
or null). The lines file maps the same paths to ``[size, mtime_ns, lines]``
(:meth:`~editlint.excerpt.SourceLines.lines_list`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from editlint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from editlint.document.span import Span
from editlint.excerpt import SourceLines, parse_lines

CACHE_DIRNAME = ".editlint_cache"
#: Version of the file layout (part of the cache key).
CACHE_FORMAT = 3

_SEVERITY = {s.value: s for s in Severity}
_APPLICABILITY = {a.value: a for a in Applicability}
_new = tuple.__new__


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    """A diagnostic as plain JSON-ready data (the cache's logical form)."""
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
    """Inverse of :func:`diagnostic_to_dict`."""
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


class CachedResult(NamedTuple):
    """A file's results as read back from the cache."""

    diagnostics: list[Diagnostic]
    summary: dict[str, Any]
    lines: SourceLines | None


class _Pending(NamedTuple):
    """An entry put in this run, encoded when saved (against the table on disk then)."""

    size: int
    mtime: int
    diagnostics: list[Diagnostic]
    summary: dict[str, Any]
    lines: SourceLines | None


class ResultCache:
    """Cached results of one configuration key."""

    def __init__(self, directory: Path, key: str) -> None:
        self.file = directory / f"results-{key}.json"
        self.lines_file = directory / f"results-{key}.lines.json"
        self.dirty: dict[str, _Pending] = {}
        self._folders: dict[str, str] = {}  # folder as written -> absolute
        self.strings, self.values, self.entries = _read(self.file)
        self._lines: dict[str, list] | None = None  # read on first need

    def identity(self, path: Path) -> tuple[str, int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return _absolute(os.fspath(path), self._folders), st.st_size, st.st_mtime_ns

    def get(self, path: Path, display: str | None = None) -> CachedResult | None:
        """The cached results of ``path`` while it is unchanged, else None.

        ``display`` is the path the diagnostics carry (default ``str(path)``).
        """
        ident = self.identity(path)
        if ident is None:
            return None
        entry = self.entries.get(ident[0])
        if not entry or entry[0] != ident[1] or entry[1] != ident[2]:
            return None
        try:
            return self._decode(entry, str(path) if display is None else display, ident)
        except Exception:  # a damaged entry is a miss: the file is linted again
            return None

    def put(self, path: Path, diagnostics: list[Diagnostic], summary: dict[str, Any], lines: SourceLines | None = None) -> None:
        ident = self.identity(path)
        if ident is None:
            return
        self.dirty[ident[0]] = _Pending(ident[1], ident[2], list(diagnostics), summary, lines)

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by editlint\n*\n", encoding="utf-8")
            # merge with entries other processes saved meanwhile: their
            # entries keep their indices, ours are encoded against their table
            strings, values, entries = _read(self.file)
            table = _Table(strings, values)
            for name, pending in self.dirty.items():
                try:  # data that JSON cannot hold is not cached
                    if pending.summary:
                        json.dumps(pending.summary)
                    entries[name] = table.entry(pending)
                except (TypeError, ValueError):
                    continue
            strings, values, entries = _compact(table.strings, table.values, entries)
            lines = _read_lines(self.lines_file)
            for name, pending in self.dirty.items():
                if name in entries and pending.lines is not None:
                    lines[name] = [pending.size, pending.mtime, pending.lines.lines_list()]
                else:
                    lines.pop(name, None)
            lines = {name: entry for name, entry in lines.items() if name in entries}
            # lines first: an entry whose lines are missing or stale only means a read of its file
            _write_json(self.lines_file, {"format": CACHE_FORMAT, "entries": lines})
            _write_json(self.file, {"format": CACHE_FORMAT, "strings": strings, "data": values, "entries": entries})
            self.dirty.clear()
        except (OSError, TypeError, ValueError):
            pass  # a read-only checkout still lints; it just does not cache

    # -- decoding -------------------------------------------------------------------------------
    def _lines_of(self, name: str, size: int, mtime: int) -> tuple[list[int], list[int], list[str]] | None:
        """The lines kept for a file (read from the lines file on first need), if they match it."""
        if self._lines is None:
            self._lines = _read_lines(self.lines_file)
        entry = self._lines.get(name)
        if not entry or entry[0] != size or entry[1] != mtime:
            return None
        try:
            return parse_lines(entry[2])
        except (TypeError, ValueError, IndexError):
            return None

    def _decode(self, entry: list, path: str, ident: tuple[str, int, int]) -> CachedResult:
        strings = self.strings
        values = self.values
        out: list[Diagnostic] = []
        append = out.append
        for code, name, severity, message, start, end, confidence, fix, help_, notes, source, data in entry[2]:
            if fix is not None:
                applicability, title, edits = fix
                fix = _new(Fix, (tuple([_new(Edit, (a, b, c)) for a, b, c in edits]), _APPLICABILITY[applicability], strings[title]))
            if type(start) is not int or type(end) is not int:
                raise ValueError("malformed span")
            append(
                _new(
                    Diagnostic,
                    (
                        strings[code],
                        strings[name],
                        _SEVERITY[severity],
                        strings[message],
                        _new(Span, (start, end)),
                        path,
                        confidence,
                        fix,
                        None if help_ is None else strings[help_],
                        tuple([strings[n] for n in notes]) if notes else (),
                        strings[source],
                        None if data is None else (dict(data) if type(data := values[data]) is dict else data),
                    ),
                )
            )
        summary, positions = entry[3], entry[4]
        if type(summary) is not dict:
            raise ValueError("malformed summary")
        if positions is None:
            return CachedResult(out, summary, None)

        def load(lines_of=self._lines_of, ident=ident):
            return lines_of(*ident)

        return CachedResult(out, summary, SourceLines.from_parts(positions, load))

    def _data_of(self, index: int) -> Any:
        """A finding's ``data`` (each finding gets its own top-level dict)."""
        value = self.values[index]
        return dict(value) if type(value) is dict else value


def _absolute(path: str, folders: dict[str, str]) -> str:
    """``os.path.abspath(path)``, with each folder's absolute path worked out once."""
    head, sep, name = path.rpartition(os.sep)
    if not sep or not name or name in (".", "..") or (os.altsep and os.altsep in path):
        return os.path.abspath(path)
    folder = folders.get(head)
    if folder is None:
        folder = folders[head] = os.path.abspath(head or os.sep)
    return os.path.join(folder, name)


def _write_json(file: Path, payload: dict) -> None:
    """Write ``payload`` to ``file`` atomically (a name unique to this process, then a rename)."""
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        # ASCII (non-ASCII escaped): decoding the file then costs a third less;
        # dumps (one pass of the C encoder) rather than dump (many small writes)
        handle.write(json.dumps(payload, separators=(",", ":")))
    os.replace(tmp, file)


def _read_lines(file: Path) -> dict[str, list]:
    """The entries of a lines file; empty when absent or not ours."""
    try:
        with open(file, encoding="utf-8") as handle:
            raw = json.load(handle)
        entries = raw["entries"]
        if raw.get("format") == CACHE_FORMAT and type(entries) is dict:
            return entries
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def _read(file: Path) -> tuple[list[str], list[Any], dict[str, list]]:
    """The string and data tables and the entries of a cache file; empty when absent or not ours."""
    try:
        with open(file, encoding="utf-8") as handle:
            raw = json.load(handle)
        strings, values, entries = raw["strings"], raw["data"], raw["entries"]
        if raw.get("format") == CACHE_FORMAT and type(strings) is list and type(values) is list and type(entries) is dict:
            return strings, values, entries
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return [], [], {}


#: Equal keys mean equal values, of the same types (a repr is quicker than JSON here).
_data_key = repr
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class _Table:
    """Appends strings and data values to their tables, each once."""

    def __init__(self, strings: list[str], values: list[Any] = ()) -> None:
        self.strings = list(strings)
        self._index: dict[str, int] = {}
        for i, s in enumerate(self.strings):
            self._index.setdefault(s, i)
        self.values = list(values)
        self._value_index: dict[str, int] = {}
        for i, v in enumerate(self.values):
            self._value_index.setdefault(_data_key(v), i)

    def value(self, data: Any) -> int:
        key = _data_key(data)
        i = self._value_index.get(key)
        if i is None:
            # stored as JSON reads it back (raises TypeError for data JSON cannot hold)
            stored = json.loads(_ENCODE(data))
            i = self._value_index[key] = len(self.values)
            self.values.append(stored)
        return i

    def __call__(self, value: str) -> int:
        i = self._index.get(value)
        if i is None:
            i = self._index[value] = len(self.strings)
            self.strings.append(value)
        return i

    def entry(self, pending: _Pending) -> list:
        s = self
        findings = []
        for d in pending.diagnostics:
            fix = None
            if d.fix is not None:
                fix = [d.fix.applicability.value, s(d.fix.title), [[e.start, e.end, e.replacement] for e in d.fix.edits]]
            data = None if d.data is None else s.value(d.data)
            findings.append(
                [
                    s(d.code),
                    s(d.name),
                    int(d.severity),
                    s(d.message),
                    d.span[0],
                    d.span[1],
                    d.confidence,
                    fix,
                    None if d.help is None else s(d.help),
                    [s(n) for n in d.notes],
                    s(d.source),
                    data,
                ]
            )
        positions = None if pending.lines is None else pending.lines.positions_list()
        return [pending.size, pending.mtime, findings, pending.summary, positions]


def _indices(finding: list) -> list[int]:
    code, name, _, message, _, _, _, fix, help_, notes, source, _ = finding
    out = [code, name, message, source, *notes]
    if fix is not None:
        out.append(fix[1])
    if help_ is not None:
        out.append(help_)
    return out


def _compact(strings: list[str], values: list[Any], entries: dict[str, list]) -> tuple[list[str], list[Any], dict[str, list]]:
    """Drop the strings and data no entry uses any more, once they are most of their tables."""
    used: set[int] = set()
    used_values: set[int] = set()
    try:
        for entry in entries.values():
            for finding in entry[2]:
                used.update(_indices(finding))
                if finding[11] is not None:
                    used_values.add(finding[11])
    except (TypeError, ValueError, IndexError):
        return strings, values, entries  # a foreign entry: leave the tables as they are
    if len(strings) <= 2 * len(used) + 1024 and len(values) <= 2 * len(used_values) + 1024:
        return strings, values, entries
    order, value_order = sorted(used), sorted(used_values)
    remap = {old: new for new, old in enumerate(order)}
    value_remap = {old: new for new, old in enumerate(value_order)}

    out: dict[str, list] = {}
    for name, entry in entries.items():
        findings = []
        for code, nm, severity, message, start, end, confidence, fix, help_, notes, source, data in entry[2]:
            if fix is not None:
                fix = [fix[0], remap[fix[1]], fix[2]]
            findings.append(
                [
                    remap[code], remap[nm], severity, remap[message], start, end, confidence, fix,
                    None if help_ is None else remap[help_], [remap[n] for n in notes], remap[source],
                    None if data is None else value_remap[data],
                ]
            )  # fmt: skip
        out[name] = [entry[0], entry[1], findings, entry[3], entry[4]]
    return [strings[i] for i in order], [values[i] for i in value_order], out
