"""Lint many files: configuration per file, cache, parallel workers, fixes.

The CLI is a thin layer over :class:`Session`; :func:`editlint.lint_text`
is the one-document shortcut.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from editlint._version import __version__
from editlint.config import Config, find_config_file, load_config
from editlint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from editlint.document.span import Span
from editlint.document import parse
from editlint.engine import Linter
from editlint.errors import BinaryFileError, InputError
from editlint.excerpt import SourceLines, spans_of
from editlint.files import Skipped, Source, decode, discover, read_source
from editlint.fixes import apply_fixes, write_atomic
from editlint.plugins import PluginHost, get_plugin_host
from editlint.registry import RuleRegistry, build_registry, check_selectors, settings_schema

if TYPE_CHECKING:
    from editlint.cache import CachedResult, ResultCache

#: How many times fixes are re-applied until the text is stable.
MAX_FIX_PASSES = 10
#: Below this many files, workers cost more than they save.
PARALLEL_MIN_FILES = 16


@dataclass
class RunOptions:
    """What the command line (or an API caller) asks for."""

    config_path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    use_cache: bool = True
    jobs: int | None = None
    encoding: str | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    keep_text: bool = True
    debug: bool = False
    isolated: bool = False  # ignore config files
    plugins: tuple[str, ...] = ()  # importable modules loaded as plugins (``-p``)
    summaries: bool = True  # collect document summaries (JSON, --statistics)
    #: A cached result may carry only the lines its findings touch instead of
    #: the file's text (enough for the built-in formats: see editlint.excerpt),
    #: so an unchanged file is not read again.
    excerpts: bool = False
    #: The process ends after this run (the command line): objects made while
    #: reading cached results are handed to ``gc.freeze()`` instead of being
    #: walked again and again by the cyclic collector.
    short_lived: bool = False


@dataclass
class FileResult:
    """The outcome for one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    fixed: int = 0
    internal_error: bool = False
    cached: bool = False
    diff: str | None = None
    fail_threshold: Severity | None = Severity.ERROR
    binary: bool = False
    #: The lines the findings touch (set when results are cached; a cached
    #: result may have these instead of ``text``).
    excerpt: SourceLines | None = None
    #: Reads ``text`` when a formatter needs more than ``excerpt`` (cached results).
    text_loader: Callable[[], str] | None = field(default=None, repr=False, compare=False)


@dataclass
class RunReport:
    """Everything a formatter needs about a run."""

    files: list[FileResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    plugin_errors: list[str] = field(default_factory=list)
    registry: RuleRegistry | None = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]


class Session:
    """Linters per configuration, sharing one plugin host."""

    def __init__(self, options: RunOptions | None = None, host: PluginHost | None = None) -> None:
        self.options = options or RunOptions()
        self.host = host or get_plugin_host(extra=_import_plugins(self.options.plugins))
        self._schema = settings_schema(self.host)
        self._linters: dict[Path | None, Linter] = {}
        self._caches: dict[Path | None, ResultCache | None] = {}
        self._config_memo: dict[str, Path | None] = {}
        self._config_by_folder: dict[str, Path | None] = {}
        #: Results are cached: keep the lines their findings touch (see editlint.excerpt).
        self._keep_lines = self.options.use_cache and not self.options.fix and not self.options.diff

    # -- configuration ------------------------------------------------------------
    def config_file_for(self, path: Path, *, is_file: bool | None = None) -> Path | None:
        """The config file that applies to ``path`` (memoised per folder)."""
        if self.options.isolated:
            return None
        if self.options.config_path is not None:
            return self.options.config_path
        if is_file is None:
            is_file = not path.is_dir()
        folder = os.path.dirname(str(path)) or "." if is_file else str(path)
        try:
            return self._config_by_folder[folder]
        except KeyError:
            found = self._config_by_folder[folder] = find_config_file(Path(folder), self._config_memo)
            return found

    def linter(self, config_file: Path | None) -> Linter:
        if config_file not in self._linters:
            config = load_config(config_file, self._schema) if config_file else Config()
            config = config.with_overrides(fail_on=self.options.fail_on, encoding=self.options.encoding)
            registry, config = build_registry(self.host, config)
            check_selectors(registry, config)
            self._linters[config_file] = Linter(
                self.host,
                registry,
                config,
                select=self.options.select,
                extend_select=self.options.extend_select,
                ignore=self.options.ignore,
                debug=self.options.debug,
                summaries=self.options.summaries,
            )
        return self._linters[config_file]

    def cache(self, config_file: Path | None, linter: Linter) -> ResultCache | None:
        if not self.options.use_cache or self.options.fix or self.options.diff:
            return None
        if config_file not in self._caches:
            from editlint.cache import CACHE_DIRNAME, ResultCache

            config = linter.config
            directory = Path(os.environ.get("EDITLINT_CACHE_DIR") or config.cache_dir or (config.root / CACHE_DIRNAME))
            self._caches[config_file] = ResultCache(directory, _cache_key(linter))
        return self._caches[config_file]

    # -- linting --------------------------------------------------------------------
    def lint_source(self, source: Source, linter: Linter, real_path: Path | None = None) -> FileResult:
        """Lint (and fix, if asked) one decoded file."""
        opts = self.options
        text = source.text
        doc = None
        if self.host.has_impls("editlint_parse"):  # a plugin parses documents (else no hook call per file)
            doc = self.host.first("editlint_parse", text=text, path=source.path, config=linter.config)
        if doc is None:
            doc = parse(text, source.path, bom=source.bom)
        report = linter.check(doc)
        fixed = 0
        if opts.fix or opts.diff:
            for _ in range(MAX_FIX_PASSES):
                new_text, n = apply_fixes(text, report.diagnostics, unsafe=opts.unsafe_fixes)
                if n == 0 or new_text == text:
                    break
                text, fixed = new_text, fixed + n
                doc = parse(text, source.path, format=doc.format, bom=source.bom)
                report = linter.check(doc)
        result = FileResult(
            source.path,
            report.diagnostics,
            text if opts.keep_text else None,
            report.summary,
            fixed=fixed,
            internal_error=report.internal_error,
            fail_threshold=linter.config.fail_threshold,
        )
        if self._keep_lines and not fixed:
            result.excerpt = SourceLines.covering(text, spans_of(report.diagnostics), doc.index if doc.text == text else None)
        if fixed and opts.diff:
            import difflib

            result.diff = "".join(
                difflib.unified_diff(
                    source.text.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"a/{source.path.lstrip('/')}",  # as git writes it: "a/tmp/x.md", not "a//tmp/x.md"
                    tofile=f"b/{source.path.lstrip('/')}",
                )
            )
        elif fixed and real_path is not None:
            try:
                write_atomic(real_path, text, bom=source.bom, encoding=source.encoding, expected=source.raw)
            except InputError as exc:
                result.error = str(exc)
                result.fixed = 0
        return result

    def lint_file(self, path: Path) -> FileResult:
        """Read, lint and (maybe) fix one file; input problems become ``error``."""
        linter = self.linter(self.config_file_for(path, is_file=True))
        try:
            source = read_source(path, self.options.encoding or linter.config.encoding)
        except InputError as exc:
            return FileResult(
                str(path), error=str(exc), fail_threshold=linter.config.fail_threshold, binary=isinstance(exc, BinaryFileError)
            )
        return self.lint_source(source, linter, path)

    def lint_stdin(self, data: bytes) -> FileResult:
        name = self.options.stdin_filename or "-"
        probe = Path(name) if self.options.stdin_filename else Path.cwd() / "stdin.md"
        linter = self.linter(self.config_file_for(probe))
        try:
            text, bom = decode(data, name, self.options.encoding or linter.config.encoding)
        except InputError as exc:
            return FileResult(name, error=str(exc), fail_threshold=linter.config.fail_threshold)
        source = Source(name, text, bom, self.options.encoding or "utf-8", data)
        result = self.lint_source(source, linter, None)
        if result.fixed and not self.options.diff:
            result.summary = {**result.summary, "fixed_text": result.text}
        return result

    def run(self, paths: Iterable[str], only: set[str] | None = None) -> RunReport:
        """Lint every file under ``paths`` (only those in ``only``, absolute, if given)."""
        report = RunReport(plugin_errors=list(self.host.load_errors))
        targets: list[Path] = []
        seen: set[str] = set()
        walked: set[str] = set()
        for given in paths:
            root_config = self.config_file_for(Path(given))
            config = self.linter(root_config).config
            excludes = (*config.exclude, *config.extend_exclude)
            given_key = os.path.normpath(given)
            for item in discover([given], excludes, config.root, force_exclude=self.options.force_exclude):
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                key = os.path.normpath(str(item))
                if only is not None and os.path.abspath(key) not in only:
                    continue
                if key not in seen:
                    seen.add(key)
                    targets.append(item)
                    if given_key != key:
                        walked.add(key)
        files = self._lint_many(targets, report)
        # a binary file met while walking a folder is skipped with a notice;
        # named explicitly, it is an input error
        for f in files:
            if f.binary and os.path.normpath(f.path) in walked:
                report.skipped.append(Skipped(f.path, "binary file (contains NUL bytes)"))
        report.files = [f for f in files if not (f.binary and os.path.normpath(f.path) in walked)]
        for cache in self._caches.values():
            if cache is not None:
                cache.save()
        report.registry = next(iter(self._linters.values())).registry if self._linters else None
        report.plugin_errors = list(dict.fromkeys([*report.plugin_errors, *self.host.load_errors]))
        return report

    def _lint_many(self, targets: list[Path], report: RunReport) -> list[FileResult]:
        results: dict[int, FileResult] = {}
        todo: list[tuple[int, Path]] = []
        caches: list[ResultCache | None] = []
        linters: dict[int, Linter] = {}  # those with files to lint
        # Reading the cache builds many small objects that all live to the end
        # of the run: the cyclic collector would only walk them over and over.
        with _collector_paused(freeze=self.options.short_lived):
            for i, path in enumerate(targets):
                config_file = self.config_file_for(path, is_file=True)
                linter = self.linter(config_file)
                cache = self.cache(config_file, linter)
                caches.append(cache)
                entry = cache.get(path) if cache else None
                if entry is not None:
                    results[i] = self._from_cache(path, entry, linter)
                else:
                    todo.append((i, path))
                    linters[id(linter)] = linter
        jobs = self.options.jobs or os.cpu_count() or 1
        if len(todo) >= PARALLEL_MIN_FILES:
            self._prepare_rules(linters)
            if self.options.short_lived:
                # what lives to the end (modules, rules, their data) out of
                # the collector's sight: it is neither walked again by each
                # collection (~0.03 s of a 2,000-draft serial run) nor copied
                # (copy on write) by the workers' collections
                import gc

                gc.freeze()
        if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES and _fork_available():
            for i, result in _parallel(self, todo, jobs):
                results[i] = result
        else:
            for i, path in todo:
                results[i] = self.lint_file(path)
        for i, path in todo:
            result = results[i]
            if result.error or result.internal_error or result.fixed:
                continue
            if caches[i] is not None:
                lines = result.excerpt
                if lines is None and result.text is not None:
                    lines = SourceLines.covering(result.text, spans_of(result.diagnostics))
                caches[i].put(path, result.diagnostics, result.summary, lines)
        return [results[i] for i in range(len(targets))]

    @staticmethod
    def _prepare_rules(linters: dict[int, Linter]) -> None:
        """Let every rule that will run load its data now (see :meth:`Rule.prepare`)."""
        done: set[int] = set()
        for linter in linters.values():
            for rule in linter.rules:
                if id(rule) in done:
                    continue
                done.add(id(rule))
                try:
                    rule.prepare()
                except Exception:  # the rule's first check reports it, with the file it failed on
                    pass

    def _from_cache(self, path: Path, entry: CachedResult, linter: Linter) -> FileResult:
        name = str(path)
        diagnostics = entry.diagnostics
        encoding = self.options.encoding or linter.config.encoding
        text = None
        if self.options.keep_text and diagnostics:
            if self.options.excerpts and entry.lines is not None:
                # the lines the findings touch are enough: the file is not read
                def load(path: Path = path, encoding: str = encoding) -> str:
                    return read_source(path, encoding).text

                return FileResult(
                    name, diagnostics, None, entry.summary, cached=True, fail_threshold=linter.config.fail_threshold, excerpt=entry.lines, text_loader=load
                )
            try:
                text = read_source(path, encoding).text
            except InputError as exc:
                return FileResult(name, error=str(exc), fail_threshold=linter.config.fail_threshold)
        return FileResult(name, diagnostics, text, entry.summary, cached=True, fail_threshold=linter.config.fail_threshold)


class _collector_paused:
    """Switch the cyclic garbage collector off for a block (if it was on).

    With ``freeze``, what the block made is then moved out of the
    collector's sight (``gc.freeze()``; reference counting still frees it):
    otherwise the first collection after the block walks all of it. Only
    for a process that ends soon, as cyclic garbage alive then is never
    collected.
    """

    def __init__(self, *, freeze: bool = False) -> None:
        self.freeze = freeze

    def __enter__(self) -> None:
        import gc

        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        import gc

        if self.freeze:
            gc.freeze()
        if self.was_enabled:
            gc.enable()


def _import_plugins(names: Iterable[str]) -> list[object]:
    import importlib

    from editlint.errors import UsageError

    modules = []
    for name in names:
        try:
            modules.append(importlib.import_module(name))
        except Exception as exc:
            raise UsageError(f"cannot import plugin module {name!r}: {type(exc).__name__}: {exc}") from None
    return modules


def _cache_key(linter: Linter) -> str:
    import json

    from editlint.cache import CACHE_FORMAT
    from editlint.resources import rules_dir

    stamp = []
    try:
        for p in sorted(rules_dir().rglob("*")):
            if p.is_file():
                st = p.stat()
                stamp.append((p.name, st.st_size, st.st_mtime_ns))
    except OSError:
        pass
    # Files a rule reads besides the draft (e.g. names files named in config).
    for rule in linter.rules:
        for p in getattr(rule, "cache_inputs", lambda: ())():
            try:
                st = os.stat(p)
                stamp.append((str(p), st.st_size, st.st_mtime_ns))
            except OSError:
                stamp.append((str(p), None, None))
    payload = {
        "version": __version__,
        "config": linter.config.fingerprint(),
        "rules": [(r.code, r.source, r.severity.name, sorted(r.option_values.items(), key=str)) for r in linter.rules],
        "plugins": sorted(name for name, _ in linter.host.manager.list_name_plugin()),
        "per_file_ignores": linter.config.per_file_ignores,
        "summaries": linter.summaries,
        "data": stamp,
        "format": CACHE_FORMAT,
    }
    from editlint.prepared import digest

    return digest(json.dumps(payload, sort_keys=True, default=str).encode(), 10)


# -- parallel workers (fork: the session is inherited, not rebuilt) ----------------------

_WORKER_SESSION: Session | None = None


def _fork_available() -> bool:
    import multiprocessing

    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def _work(chunk: list[tuple[int, str]]) -> list[tuple[int, FileResult]]:
    assert _WORKER_SESSION is not None
    out = []
    for i, name in chunk:
        result = _WORKER_SESSION.lint_file(Path(name))
        result.diagnostics = [_flat(d) for d in result.diagnostics]
        out.append((i, result))
    return out


# Results travel from workers as pickles. Unpickling a NamedTuple calls its
# Python-level __new__ and an enum member its metaclass: ~4 µs a finding in
# the main process, which shares the cores with the workers. Plain tuples
# (severity as a number) unpickle in C and are rebuilt with tuple.__new__.
_new = tuple.__new__
_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def _flat(d: Diagnostic):
    if type(d) is not Diagnostic or type(d.span) is not Span or (d.fix is not None and type(d.fix) is not Fix):
        return d  # a subclass: pickled as it is
    fix = d.fix
    if fix is not None:
        if any(type(e) is not Edit for e in fix.edits):
            return d
        fix = (tuple(tuple(e) for e in fix.edits), fix.applicability.value, fix.title)
    return (d.code, d.name, int(d.severity), d.message, d.span[0], d.span[1], d.path, d.confidence, fix, d.help, d.notes, d.source, d.data)


def _unflat(x) -> Diagnostic:
    if type(x) is not tuple:
        return x
    code, name, severity, message, start, end, path, confidence, fix, help_, notes, source, data = x
    if fix is not None:
        edits, applicability, title = fix
        fix = _new(Fix, (tuple([_new(Edit, e) for e in edits]), _APPLICABILITIES[applicability], title))
    return _new(Diagnostic, (code, name, _SEVERITIES[severity], message, _new(Span, (start, end)), path, confidence, fix, help_, notes, source, data))


def _parallel(session: Session, todo: list[tuple[int, Path]], jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_SESSION
    _WORKER_SESSION = session  # (a short-lived run has frozen it: see _lint_many)
    ctx = multiprocessing.get_context("fork")
    # small chunks: the workers finish together (a chunk takes ~30 ms)
    size = max(1, min(16, len(todo) // (jobs * 4) or 1))
    chunks = [[(i, str(p)) for i, p in todo[k : k + size]] for k in range(0, len(todo), size)]
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx) as pool:
            for batch in pool.map(_work, chunks):
                for i, result in batch:
                    result.diagnostics = [_unflat(x) for x in result.diagnostics]
                    yield i, result
    finally:
        _WORKER_SESSION = None
