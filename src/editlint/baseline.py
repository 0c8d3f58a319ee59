"""Baseline files: accept the findings of an existing archive.

``editlint --write-baseline .editlint-baseline.json archive/`` records every
current finding; later runs with ``--baseline`` (or ``baseline = "…"`` in
config) hide those and report only new ones. A finding is identified by its
file (relative path), rule and the text it flags, not its line, so edits
elsewhere in a draft do not resurrect it; each identity is counted, so a
second copy of the same problem in the same file is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from editlint.errors import UsageError

VERSION = 1


def _identity(path: str, code: str, flagged: str) -> str:
    rel = Path(os.path.relpath(path)).as_posix() if path != "-" else "-"
    snippet = " ".join(flagged.split())
    return f"{rel}\t{code}\t{snippet}"


def _flagged(f):
    """``text[start:end]`` of a file result (its text, or its cached lines)."""
    if f.text is None and getattr(f, "excerpt", None) is not None:
        from editlint.output.base import Locator

        return Locator(f).snippet
    text = f.text or ""
    return lambda start, end: text[start:end]


def _identities(report) -> Counter:
    found: Counter = Counter()
    for f in report.files:
        flagged = _flagged(f)
        for d in f.diagnostics:
            found[_identity(f.path, d.code, flagged(d.span.start, d.span.end))] += 1
    return found


def write(path: Path, report) -> int:
    found = _identities(report)
    payload = {"version": VERSION, "findings": dict(sorted(found.items()))}
    try:
        path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write baseline {str(path)!r}: {exc.strerror or exc}") from None
    return sum(found.values())


def apply(path: Path, report) -> None:
    """Drop findings recorded in the baseline at ``path`` from ``report``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        allowance = Counter(data["findings"])
    except FileNotFoundError:
        raise UsageError(f"baseline file {str(path)!r} does not exist") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"baseline file {str(path)!r} is not a valid editlint baseline ({exc})") from None
    for f in report.files:
        kept = []
        flagged = _flagged(f)
        for d in f.diagnostics:
            key = _identity(f.path, d.code, flagged(d.span.start, d.span.end))
            if allowance[key] > 0:
                allowance[key] -= 1
            else:
                kept.append(d)
        f.diagnostics = kept
