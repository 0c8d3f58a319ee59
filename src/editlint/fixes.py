"""Apply fixes without ever losing text.

Only whole fixes are applied (all of a fix's edits or none), in document
order, skipping any fix that overlaps one already taken; edits inside quoted
speech were already stripped by the engine. Line endings inserted by a fix
follow the document's own. Files are written atomically (a temporary file in
the same folder, then a rename), with the BOM and encoding they had, and
only if the file on disk is still the one that was read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from editlint.diagnostic import Applicability, Diagnostic, Fix
from editlint.errors import InputError


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    """Return True if ``fix`` may be applied under the given safety setting."""
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    """Return ``(new text, number of fixes applied)``."""
    newline = "\r\n" if "\r\n" in text else "\n"
    chosen: list[Fix] = []
    taken_end = -1
    candidates = sorted(
        (d.fix for d in diagnostics if allowed(d.fix, unsafe)),
        key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits)),
    )
    seen: set[tuple] = set()
    for fix in candidates:
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        key = tuple((e.start, e.end, e.replacement) for e in edits)
        if key in seen:
            continue  # two rules proposing the same edit
        if edits[0].start < taken_end or _self_overlapping(edits):
            continue
        seen.add(key)
        chosen.append(fix)
        taken_end = max(taken_end, edits[-1].end)
    if not chosen:
        return text, 0
    pieces: list[str] = []
    last = 0
    for fix in chosen:
        for e in sorted(fix.edits, key=lambda e: (e.start, e.end)):
            pieces.append(text[last : e.start])
            replacement = e.replacement
            if newline == "\r\n":
                replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
            pieces.append(replacement)
            last = e.end
    pieces.append(text[last:])
    return "".join(pieces), len(chosen)


def _self_overlapping(edits: list) -> bool:
    return any(a.end > b.start for a, b in zip(edits, edits[1:]))


def write_atomic(path: Path, text: str, *, bom: bool, encoding: str, expected: bytes) -> None:
    """Write ``text`` to ``path`` atomically if the file still holds the bytes ``expected``."""
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot re-read before writing fixes: {exc.strerror or exc}") from None
    if current != expected:
        raise InputError(f"{path}: changed on disk since it was read; fixes not written")
    codec = "utf-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig") else encoding
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(codec)
    folder = path.parent
    mode = path.stat().st_mode & 0o7777
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".editlint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
