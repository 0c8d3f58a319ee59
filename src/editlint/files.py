"""Find the drafts to lint and read them safely.

Folders are searched for ``*.md``, ``*.markdown`` and ``*.txt``; ``exclude``
globs and the default excludes (``.git``, ``node_modules``…) prune the
walk. Reading is strict: invalid UTF-8 is an error naming the byte offset,
never a guess, and a file with NUL bytes is binary.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from editlint.errors import BinaryFileError, InputError

SUFFIXES = (".md", ".markdown", ".txt")


class Source(NamedTuple):
    """A decoded file: its text without BOM, and how to write it back."""

    path: str
    text: str
    bom: bool
    encoding: str
    raw: bytes  # the bytes read, to check the file is unchanged before writing fixes


class Skipped(NamedTuple):
    """A file found while walking a folder that was not linted, and why."""

    path: str
    reason: str


class Excluder:
    """Match paths against exclude globs, by name or by path relative to ``root``.

    The globs are compiled once into one regular expression; matching uses
    string operations only (no ``stat`` or ``resolve`` per file).
    """

    def __init__(self, patterns: Iterable[str], root: Path) -> None:
        import re

        names, paths = [], []
        for pattern in patterns:
            pattern = pattern.rstrip("/")
            if not pattern:
                continue
            names.append(fnmatch.translate(pattern))
            paths.append(fnmatch.translate(pattern))
            paths.append(fnmatch.translate(pattern + "/*"))
        self._name = re.compile("|".join(names)) if names else None
        self._path = re.compile("|".join(paths)) if paths else None
        self.root = os.path.abspath(root)

    def __call__(self, path: str, absolute: str | None = None) -> bool:
        """Whether ``path`` is excluded (``absolute``: its absolute form, when the caller has it)."""
        if self._name is None:
            return False
        name = os.path.basename(path)
        if self._name.match(name):
            return True
        if absolute is None:
            absolute = os.path.abspath(path)
        prefix = self.root + os.sep
        rel = absolute[len(prefix) :] if absolute.startswith(prefix) else absolute
        return bool(self._path.match(rel.replace(os.sep, "/")))


def discover(paths: Iterable[str], excludes: Iterable[str], root: Path, *, force_exclude: bool = False) -> Iterator[Path | Skipped]:
    """Yield the files to lint under ``paths``, in a stable order.

    Files named explicitly are always linted (as with ruff, unless
    ``force_exclude``); folders are walked with excludes applied.
    """
    excluded = Excluder(excludes, root)
    for given in paths:
        p = Path(given)
        if p.is_dir():
            child = _child_maker(p)
            folder = str(p)
            for item in _walk(folder, excluded):
                if isinstance(item, Skipped):
                    yield item
                else:
                    yield child(item)
        elif force_exclude and excluded(str(p)):
            continue
        else:
            yield p


def _child_maker(top: Path):
    """``Path(item)`` for the items ``_walk`` yields under ``top``, without parsing each again.

    ``Path._make_child_relpath`` (CPython 3.11-3.12, what ``iterdir`` uses)
    appends a name to a parsed path; elsewhere, or for items in subfolders,
    ``Path(item)``.
    """
    make = getattr(top, "_make_child_relpath", None)
    if make is None:
        return Path
    prefix = str(top) + os.sep
    if prefix == os.sep + os.sep or prefix == "." + os.sep:
        return Path  # "/" or ".": str() of a child differs from the walked string

    def child(item: str) -> Path:
        if item.startswith(prefix):
            name = item[len(prefix) :]
            if name and os.sep not in name and (not os.altsep or os.altsep not in name):
                made = make(name)
                if str(made) == item:
                    return made
        return Path(item)

    return child


def _walk(folder: str, excluded: Excluder) -> Iterator[str | Skipped]:
    entries: list[tuple[str, str, bool]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_dir = False
                entries.append((entry.name, entry.path, is_dir))
    except OSError as exc:
        yield Skipped(folder, f"cannot read folder: {exc.strerror or exc}")
        return
    absolute = os.path.abspath(folder)
    for name, path, is_dir in sorted(entries):
        if excluded(path, os.path.join(absolute, name)):
            continue
        if is_dir:
            yield from _walk(path, excluded)
        elif name.lower().endswith(SUFFIXES):
            yield path


def decode(raw: bytes, path: str, encoding: str = "utf-8") -> tuple[str, bool]:
    """Decode ``raw``; return ``(text without BOM, had_bom)`` or raise InputError."""
    wide = encoding.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32"))
    if not wide and b"\x00" in raw:
        raise BinaryFileError(f"{path}: binary file (contains NUL bytes); not a draft")
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
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{name}: broken symbolic link") from None
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        # asked only now, not with a stat before every read (a folder fails to
        # open: IsADirectoryError, or PermissionError on Windows)
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a file") from None
        if isinstance(exc, PermissionError):
            raise InputError(f"{name}: permission denied") from None
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    text, bom = decode(raw, name, encoding)
    return Source(name, text, bom, encoding, raw)
