"""Prepared data: bundled data files, parsed once and kept between runs.

Reading the bundled data (the outlet registry, the loaded-language lexicon,
the names gazetteer) from its readable TOML and text sources costs tens of
milliseconds per process, a large share of a single draft's cold start.
:func:`load` keeps the parsed form in a small cache file and reads it back
in a fraction of that time::

    from editlint.prepared import load

    data = load("lexicon", [path], lambda: tomllib.loads(path.read_text()))

Safety rules, since the cache is a file anyone could edit:

* the format is :mod:`marshal` of plain data (dicts, lists, tuples, sets,
  strings, numbers): loading it never runs code, unlike pickle;
* an entry is used only when its key matches exactly: the editlint
  version, the Python bytecode tag, the cache name, and the path, size and
  modification time of every source file and of the module that builds the
  data (so editing the parsing code in a checkout invalidates it too);
* anything unreadable, corrupt or stale is ignored and rebuilt, and a cache
  folder that cannot be written (read-only home, CI sandbox) only means the
  data is parsed again next time: it never fails a lint.

Location: ``$EDITLINT_DATA_CACHE_DIR``, else ``data/`` in ``$EDITLINT_CACHE_DIR``
(the result cache's folder, when that variable is set), else
``$XDG_CACHE_HOME/editlint`` (``~/.cache/editlint``; ``%LOCALAPPDATA%\\editlint``
on Windows).
``EDITLINT_NO_DATA_CACHE=1`` turns it off. It is separate from the result
cache (``--no-cache`` is about results; prepared data cannot change them).
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from editlint._version import __version__

T = TypeVar("T")

#: Bumped when the layout of cache files changes.
FORMAT = 1


def cache_dir() -> Path | None:
    """The folder holding prepared data, or None when disabled or unknown."""
    env = os.environ
    if env.get("EDITLINT_NO_DATA_CACHE"):
        return None
    explicit = env.get("EDITLINT_DATA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    results = env.get("EDITLINT_CACHE_DIR")
    if results:  # one folder for all of editlint's caches (CI, tests)
        return Path(results) / "data"
    base = env.get("XDG_CACHE_HOME") or (env.get("LOCALAPPDATA") if sys.platform == "win32" else None)
    if not base:
        home = env.get("HOME") or env.get("USERPROFILE")
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "editlint"


def _stamp(path: str | os.PathLike[str]) -> tuple[str, int, int]:
    st = os.stat(path)
    return (os.fspath(path), st.st_size, st.st_mtime_ns)


def load(
    name: str,
    sources: Iterable[str | os.PathLike[str]],
    build: Callable[[], T],
    *,
    builder: str | os.PathLike[str] | None = None,
) -> T:
    """Return ``build()``, from the cache when its sources are unchanged.

    Args:
        name: the cache's name (a file-name-safe word, e.g. ``"outlets"``).
        sources: the files ``build`` reads; a change to any of them (size or
            modification time) rebuilds the data.
        build: returns the data: plain values only (see the module docs).
        builder: the Python file whose code shapes the data (usually the
            caller's ``__file__``); its edits invalidate the cache too.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        files = [*sources, *([builder] if builder else [])]
        key = (FORMAT, __version__, sys.implementation.cache_tag, marshal.version, name, tuple(_stamp(f) for f in files))
    except OSError:
        return build()  # a missing source: let build() report it
    file = folder / f"{name}-{_digest(key)}.marshal"
    try:
        with open(file, "rb") as handle:
            stored_key, data = marshal.loads(handle.read())
        if stored_key == key:
            return data
    except Exception:  # missing, truncated, corrupt or foreign: rebuild
        pass
    data = build()
    _save(file, name, key, data)
    return data


def dedupe(data: Any) -> Any:
    """Return ``data`` with equal strings and equal frozensets made one object.

    :mod:`marshal` writes an object met twice as a back-reference, so data
    with many repeated values (country names, category sets) gets smaller
    and loads faster. Lists, tuples, dicts, sets and frozensets are copied.
    """
    seen: dict[Any, Any] = {}

    def walk(x: Any) -> Any:
        kind = type(x)
        if kind is str:
            return seen.setdefault(x, x)
        if kind is tuple:
            return tuple(walk(y) for y in x)
        if kind is list:
            return [walk(y) for y in x]
        if kind is dict:
            return {walk(k): walk(v) for k, v in x.items()}
        if kind is frozenset:
            return seen.setdefault(x, frozenset(walk(y) for y in x))
        if kind is set:
            return {walk(y) for y in x}
        return x

    return walk(data)


def digest(blob: bytes, size: int = 10) -> str:
    """A stable hexadecimal digest of ``blob`` (``2 * size`` characters), for cache keys.

    BLAKE2b from its own small C module: ``hashlib`` loads OpenSSL (~2.5 ms
    of a run that reads its results from the cache).
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python without it
        import hashlib

        return hashlib.sha256(blob).hexdigest()[: 2 * size]
    return blake2b(blob, digest_size=size).hexdigest()


def _digest(key: tuple[Any, ...]) -> str:
    # zlib is a small C module; hashlib would cost more than it saves here.
    import zlib

    return f"{zlib.crc32(repr(key).encode('utf-8', 'surrogatepass')):08x}"


def _save(file: Path, name: str, key: tuple[Any, ...], data: Any) -> None:
    try:
        blob = marshal.dumps((key, data))
    except ValueError:  # not plain data: never cache it
        return
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, file)  # atomic: concurrent runs never see half a file
        for old in file.parent.glob(f"{name}-*.marshal"):
            digest = old.name[len(name) + 1 : -len(".marshal")]
            if old.name != file.name and len(digest) == 8:  # an earlier version of this data: stale now
                old.unlink(missing_ok=True)
    except OSError:  # read-only or full: parse again next time
        try:
            os.unlink(tmp)
        except OSError:
            pass
