"""The ``editlint`` command: a thin layer over :mod:`editlint.runner`.

::

    editlint [OPTIONS] PATH...      lint files and folders (``-`` reads stdin)
    editlint rules [--format json]  list every rule
    editlint explain CODE           print one rule's documentation

Errors are one line on stderr, ``editlint: error: …``; exit codes are
documented in :class:`editlint.exitcodes.ExitCode`.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Mapping, Sequence, TextIO

from editlint._version import __version__
from editlint.errors import EditlintError, UsageError
from editlint.exitcodes import ExitCode

FORMATS = ("full", "concise", "json", "sarif", "github")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing :mod:`shutil`.

    argparse builds a formatter for every ``add_argument`` call, and the
    default one imports shutil (and with it bz2, lzma, fnmatch) just to ask
    for the terminal width: ~3 ms of every run. This asks the same way
    ``shutil.get_terminal_size`` does (``COLUMNS``, then the terminal, then 80).
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="editlint",
        formatter_class=_HelpFormatter,
        description="Editorial linter for newsroom drafts: provenance, uncited claims, mangled names, framing.",
        epilog="Subcommands: 'editlint rules' lists rules, 'editlint explain CODE' documents one.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads stdin")
    out = p.add_argument_group("output")
    out.add_argument("--format", default=None, help=f"output format: {', '.join(FORMATS)} (default: full)")
    out.add_argument("--output-file", "-o", metavar="PATH", help="write the report to PATH instead of stdout")
    out.add_argument("--statistics", action="store_true", help="print counts per rule and document summaries")
    out.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no summary line")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour output (default: auto)")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, action="append", metavar="CODES", help="only these rules (codes, prefixes or slugs, comma-separated)")
    sel.add_argument("--extend-select", type=_csv, action="append", metavar="CODES", help="also these rules")
    sel.add_argument("--ignore", type=_csv, action="append", metavar="CODES", help="leave these rules out")
    sel.add_argument("--fail-on", choices=("error", "warning", "info", "never"), help="lowest severity that fails the run (default: error)")
    fix = p.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (implies --fix)")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="PATH", help="use this config file instead of discovering one")
    cfg.add_argument("--isolated", action="store_true", help="ignore all config files")
    cfg.add_argument("--show-config", action="store_true", help="print the resolved settings and exit")
    cfg.add_argument("--encoding", help="encoding of the drafts (default: utf-8, strict)")
    run = p.add_argument_group("run")
    run.add_argument("--stdin-filename", metavar="NAME", help="the name of the draft read from stdin")
    run.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    run.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    run.add_argument("--changed", nargs="?", const="HEAD", metavar="BASE", help="lint only files changed against git BASE (default HEAD)")
    run.add_argument("--force-exclude", action="store_true", help="apply excludes to files named explicitly too")
    run.add_argument("--baseline", metavar="PATH", help="hide findings recorded in this baseline file")
    run.add_argument("--write-baseline", metavar="PATH", help="record every current finding in PATH and exit 0")
    run.add_argument("--plugin", "-p", action="append", default=[], metavar="MODULE", help="also load this importable module as a plugin (repeatable)")
    run.add_argument("--debug", action="store_true", help="show tracebacks of crashing rules")
    p.add_argument("--version", action="version", version=f"editlint {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    from editlint import _recache

    # compiled regex programs kept between runs: ~40 ms of a single draft's ~250 ms
    recache = _recache.install()
    try:
        if args_list and args_list[0] == "rules":
            from editlint.commands import list_rules

            return list_rules(args_list[1:], sys.stdout)
        if args_list and args_list[0] == "explain":
            from editlint.commands import explain

            return explain(args_list[1:], sys.stdout)
        if args_list and args_list[0] == "check":
            args_list = args_list[1:]
        return _check(build_parser().parse_args(args_list))
    except EditlintError as exc:
        print(f"editlint: error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("editlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return int(ExitCode.OK)
    except Exception as exc:  # the last line of defence: never a traceback without --debug
        if debug:
            raise
        print(f"editlint: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return int(ExitCode.INTERNAL_ERROR)
    finally:
        if recache:
            _recache.save()
            _recache.uninstall()


def _flatten(values: list[list[str]] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(v for group in values for v in group)


def _check(args: argparse.Namespace) -> int:
    from editlint.runner import RunOptions, Session

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (got {args.jobs})")
    if args.config and not Path(args.config).is_file():
        raise UsageError(f"config file {args.config!r} does not exist")
    fmt = args.format or "full"
    options = RunOptions(
        config_path=Path(args.config) if args.config else None,
        select=_flatten(args.select),
        extend_select=_flatten(args.extend_select) or (),
        ignore=_flatten(args.ignore) or (),
        fail_on=args.fail_on,
        fix=args.fix or args.unsafe_fixes,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        use_cache=not args.no_cache,
        jobs=args.jobs,
        encoding=args.encoding,
        stdin_filename=args.stdin_filename,
        force_exclude=args.force_exclude,
        debug=args.debug,
        isolated=args.isolated,
        plugins=tuple(args.plugin),
        short_lived=True,
        # summaries cost time: the plain formats show them only with --statistics
        summaries=args.statistics or fmt not in ("full", "concise", "github"),
    )
    if options.encoding:
        import codecs

        try:
            codecs.lookup(options.encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {options.encoding!r} given to --encoding") from None
    session = Session(options)
    providers: dict[str, Mapping] = {}
    for _, mapping in session.host.each("editlint_formatters"):
        for name in mapping:  # names only: a format's module is imported when chosen
            providers.setdefault(name, mapping)
    if fmt not in providers:
        from editlint.errors import did_you_mean

        raise UsageError(f"unknown format {fmt!r}{did_you_mean(fmt, providers)} (choose from {', '.join(providers)})")
    formatter_cls = providers[fmt][fmt]
    # the built-in formats print cached results from the lines their findings touch
    options.excerpts = bool(getattr(formatter_cls, "accepts_excerpts", False))

    if args.show_config:
        from editlint.commands import show_config

        return show_config(session, args.paths or ["."], sys.stdout)
    if not args.paths:
        raise UsageError("no paths given (try 'editlint draft.md' or 'editlint --help')")

    from editlint.runner import RunReport

    stdin_results = []
    paths = [p for p in args.paths if p != "-"]
    if len(paths) != len(args.paths):
        stdin_results.append(session.lint_stdin(sys.stdin.buffer.read()))
    for p in paths:
        if not os.path.lexists(p):
            raise UsageError(f"{p}: no such file or folder")
    if args.changed:
        from editlint.commands import changed_files

        report = session.run(paths, only=changed_files(args.changed)) if paths else RunReport()
    else:
        report = session.run(paths) if paths else RunReport()
    report.files = stdin_results + report.files
    if report.registry is None:
        report.registry = next(iter(session._linters.values())).registry if session._linters else None

    if args.write_baseline:
        from editlint import baseline as baseline_mod

        count = baseline_mod.write(Path(args.write_baseline), report)
        print(f"editlint: wrote {count} findings to {args.write_baseline}", file=sys.stderr)
        return int(ExitCode.OK)
    baseline_path = args.baseline or _configured_baseline(session)
    if baseline_path:
        from editlint import baseline as baseline_mod

        baseline_mod.apply(Path(baseline_path), report)

    for skipped in report.skipped:
        print(f"editlint: notice: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for error in report.plugin_errors:
        print(f"editlint: error: {error}", file=sys.stderr)
    for error in report.errors:
        print(f"editlint: error: {error}", file=sys.stderr)

    if args.diff:
        diffs = [f.diff for f in report.files if f.diff]
        out = sys.stdout
        for d in diffs:
            out.write(d)
        return int(ExitCode.FINDINGS if diffs else _exit_code(report, threshold_only=False))

    stream_stdout_fixed = options.fix and stdin_results and stdin_results[0].summary.get("fixed_text") is not None
    _write_report(report, fmt, formatter_cls, args, sys.stderr if stream_stdout_fixed else None)
    if stream_stdout_fixed:
        sys.stdout.write(stdin_results[0].summary["fixed_text"])
    return int(_exit_code(report))


def _configured_baseline(session) -> str | None:
    for linter in session._linters.values():
        if linter.config.baseline:
            return str(linter.config.baseline)
    return None


def _write_report(report, fmt: str, formatter_cls, args, stream_override: TextIO | None) -> None:
    from editlint.output.base import FormatOptions

    if args.output_file:
        buffer = io.StringIO()
        stream: TextIO = buffer
    else:
        stream = stream_override or sys.stdout
    color = _use_color(args.color, stream) if not args.output_file else args.color == "always"
    options = FormatOptions(color=color, statistics=args.statistics, quiet=args.quiet, unsafe_fixes=args.unsafe_fixes)
    formatter_cls(stream, options).write(report)
    if args.output_file:
        try:
            Path(args.output_file).write_text(buffer.getvalue(), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write --output-file {args.output_file!r}: {exc.strerror or exc}") from None


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def _exit_code(report, threshold_only: bool = True) -> ExitCode:
    if report.plugin_errors or any(f.internal_error for f in report.files):
        return ExitCode.INTERNAL_ERROR
    if report.errors:
        return ExitCode.USAGE_ERROR
    for f in report.files:
        threshold = f.fail_threshold
        if threshold is not None and any(d.severity >= threshold for d in f.diagnostics):
            return ExitCode.FINDINGS
    return ExitCode.OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
