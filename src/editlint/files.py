"""Find the drafts to lint and read them safely.

Folders are searched for ``*.md``, ``*.markdown`` and ``*.txt``; ``exclude``
globs and the default excludes (``.git``, ``node_modules``…) prune the
walk. Reading is strict: invalid UTF-8 is an error naming the byte offset,
never a guess, and a file with NUL bytes is binary.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from editlint.errors import InputError

SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Source:
    """A decoded file: its text without BOM, and how to write it back."""

    path: str
    text: str
    bom: bool
    encoding: str
    raw_size: int
    raw_hash: str


@dataclass(frozen=True)
class Skipped:
    """A file found while walking a folder that was not linted, and why."""

    path: str
    reason: str


def is_excluded(path: Path, patterns: Iterable[str], root: Path) -> bool:
    """Return True if ``path`` matches an exclude glob (by name or relative path)."""
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
            return True
    return False


def discover(paths: Iterable[str], excludes: Iterable[str], root: Path, *, force_exclude: bool = False) -> Iterator[Path | Skipped]:
    """Yield the files to lint under ``paths``, in a stable order.

    Files named explicitly are always linted (as with ruff, unless
    ``force_exclude``); folders are walked with excludes applied.
    """
    excludes = tuple(excludes)
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p, excludes, root)
        elif force_exclude and is_excluded(p, excludes, root):
            continue
        else:
            yield p


def _walk(folder: Path, excludes: tuple[str, ...], root: Path) -> Iterator[Path | Skipped]:
    entries: list[tuple[str, Path, bool]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_dir = False
                entries.append((entry.name, Path(entry.path), is_dir))
    except OSError as exc:
        yield Skipped(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for name, path, is_dir in sorted(entries):
        if is_excluded(path, excludes, root):
            continue
        if is_dir:
            yield from _walk(path, excludes, root)
        elif name.lower().endswith(SUFFIXES):
            yield path


def decode(raw: bytes, path: str, encoding: str = "utf-8") -> tuple[str, bool]:
    """Decode ``raw``; return ``(text without BOM, had_bom)`` or raise InputError."""
    wide = encoding.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32"))
    if not wide and b"\x00" in raw:
        raise InputError(f"{path}: binary file (contains NUL bytes); not a draft")
    bom = raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:] if bom else raw
    codec = "utf-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig") else encoding
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise InputError(
            f"{path}: invalid {exc.encoding.upper()} at byte {offset} (0x{body[exc.start]:02x}); "
            "use --encoding to name the file's encoding"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    return text, bom


def read_source(path: Path, encoding: str = "utf-8") -> Source:
    """Read and decode a file, raising :class:`InputError` with a one-line reason."""
    import hashlib

    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a file")
        raw = path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{name}: broken symbolic link") from None
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    text, bom = decode(raw, name, encoding)
    return Source(name, text, bom, encoding, len(raw), hashlib.sha256(raw).hexdigest())
