"""Keep compiled regular-expression programs between runs (command line only).

Why: compiling patterns is the largest single cost of linting one draft.
``re`` parses and translates a pattern to its matching-engine program in
pure Python, about 2 ms for a 1,000-character alternation; the rule modules
and packs compile some 170 patterns, ~40 ms of a ~250 ms run. The program
is a pure function of the pattern text, the flags and the Python build, so
it can be kept on disk and handed straight to the engine next time.

How: :func:`install` wraps ``re._compiler.compile``, the function
``re.compile`` calls on a miss of its in-memory cache. A known pattern gets
its stored program through ``_sre.compile`` (the C constructor
``re._compiler.compile`` itself ends with); an unknown one is parsed and
translated by the same internal steps ``re`` uses, so its errors and its
behaviour are exactly ``re``'s, and its program is kept. :func:`save` writes
the programs at the end of the run.

This relies on private parts of CPython's ``re`` (the module attribute
``re._compiler.compile``, ``_parser.parse``, ``_compiler._code`` and the
signature of ``_sre.compile``), hence the guards:

* only CPython 3.11 to 3.13, whose ``re`` internals it was written and
  tested against (``tests/test_coldstart_recache.py``); elsewhere
  :func:`install` does nothing;
* entries are keyed by the full Python version and ``_sre.MAGIC`` (the
  engine's program format), and each program is checked by ``_sre.compile``
  itself, which validates programs; a program it refuses is compiled anew;
* the file is :mod:`marshal` of plain data (strings, bytes, ints, lists,
  tuples, dicts), so reading it never runs code; a corrupt or foreign file
  is ignored;
* programs unused for :data:`KEEP_SAVES` saves are dropped, so patterns
  built for a single text (or by older versions) do not pile up;
* any unexpected failure falls back to ``re``'s own compile;
* the library API (:func:`editlint.lint_text`) never installs it: only the
  ``editlint`` command, which owns its process.

It shares the prepared-data folder and its switch (``EDITLINT_NO_DATA_CACHE=1``
turns both off; see :mod:`editlint.prepared`).
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

#: Python versions whose ``re`` internals this module matches.
SUPPORTED = ((3, 11), (3, 12), (3, 13))
#: Bumped when the file layout changes.
FORMAT = 2
#: Programs not used in this many saves are dropped (patterns built for one
#: text, patterns of older versions): the file stays small and quick to load.
KEEP_SAVES = 8

_state: _Cache | None = None


class _Cache:
    def __init__(self, file: Any, key: tuple[Any, ...], generation: int, programs: dict[tuple[str, int], list[Any]]) -> None:
        self.file = file
        self.key = key
        self.generation = generation
        # (pattern, flags) -> [generation last used, flags, code as bytes, groups, groupindex, indexgroup]
        self.programs = programs
        self.used: set[tuple[str, int]] = set()
        self.added = 0
        self.original: Any = None


def install() -> bool:
    """Serve ``re`` compiles from the program cache.

    Returns True when this call installed it (then the caller calls
    :func:`save` and :func:`uninstall` when done), False when it was already
    installed or cannot be (another Python, the cache switched off).
    """
    global _state
    if _state is not None:
        return False
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in SUPPORTED:
        return False
    from editlint.prepared import cache_dir

    folder = cache_dir()
    if folder is None:
        return False
    try:
        import _sre
        from array import array
        from re import _compiler, _parser

        original = _compiler.compile
        parse, code_of, debug_flag, sre_compile = _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG, _sre.compile
        if array("I").itemsize != _sre.CODESIZE:
            return False
        key = (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)
    except (ImportError, AttributeError):
        return False
    file = folder / f"re-programs-{_sre.MAGIC}-{sys.version_info[0]}{sys.version_info[1]}.marshal"
    generation, programs = 0, {}
    try:
        with open(file, "rb") as handle:
            stored_key, stored_generation, stored = marshal.loads(handle.read())
        if stored_key == key and type(stored) is dict and type(stored_generation) is int:
            generation, programs = stored_generation, stored
    except Exception:  # missing, corrupt or foreign: start empty
        pass
    cache = _Cache(file, key, generation, programs)

    def compile(p: Any, flags: int = 0) -> Any:
        if type(p) is not str or type(flags) is not int or flags & debug_flag:
            return original(p, flags)
        entry = (p, flags)
        programs = cache.programs
        program = programs.get(entry)
        if program is not None:
            try:
                code = array("I")
                code.frombytes(program[2])
                compiled = sre_compile(p, program[1], code.tolist(), *program[3:])
            except Exception:  # not a valid program for this engine: compile anew
                del programs[entry]
            else:
                cache.used.add(entry)
                return compiled
        # re._compiler.compile, step by step, keeping the program
        parsed = parse(p, flags)
        code = code_of(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        compiled = sre_compile(p, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        programs[entry] = [0, int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)]
        cache.used.add(entry)
        cache.added += 1
        return compiled

    cache.original = original
    _compiler.compile = compile
    _state = cache
    return True


def active() -> bool:
    """True while the program cache serves ``re`` (then compiling a known pattern is nearly free)."""
    return _state is not None


def transient(pattern: str, flags: int = 0) -> Any:
    """Compile a pattern made for one text only, without keeping its program.

    Patterns assembled per document (the outlet names or lexicon forms one
    draft can contain) would otherwise fill the cache with entries no other
    run asks for.
    """
    state = _state
    if state is None:
        import re

        return re.compile(pattern, flags)
    return state.original(pattern, flags)


def save() -> None:
    """Write the programs if this run compiled new ones (never raises).

    Each save is a generation: the programs this run used are marked with
    it, and those unused for :data:`KEEP_SAVES` generations are dropped.
    """
    cache = _state
    if cache is None or not cache.added:
        return
    generation = cache.generation + 1
    programs = {}
    for entry, program in cache.programs.items():
        if entry in cache.used:
            program[0] = generation
        if program[0] > generation - KEEP_SAVES:
            programs[entry] = program
    try:
        blob = marshal.dumps((cache.key, generation, programs))
    except ValueError:
        return
    tmp = cache.file.with_name(f".{cache.file.name}.{os.getpid()}.tmp")
    try:
        cache.file.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, cache.file)
        cache.added, cache.generation, cache.programs = 0, generation, programs
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def uninstall() -> None:
    """Restore ``re``'s own compile (patterns compiled meanwhile stay valid)."""
    global _state
    if _state is not None:
        from re import _compiler

        _compiler.compile = _state.original
        _state = None
