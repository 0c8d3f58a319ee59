"""Subcommands other than linting: ``rules``, ``explain``, ``--show-config``, ``--changed``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import TextIO

from editlint.errors import UsageError
from editlint.exitcodes import ExitCode


def _registry(config_path: str | None = None):
    from editlint.runner import RunOptions, Session

    session = Session(RunOptions(config_path=Path(config_path) if config_path else None))
    config_file = session.config_file_for(Path.cwd())
    return session.linter(config_file)


def _sub_args(argv: list[str], prog: str, positional: str | None = None):
    from editlint.cli import _Parser

    p = _Parser(prog=f"editlint {prog}")
    if positional:
        p.add_argument(positional)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--config", default=None)
    return p.parse_args(argv)


def list_rules(argv: list[str], out: TextIO) -> int:
    """``editlint rules``: every rule with its code, name, severity and source."""
    args = _sub_args(argv, "rules")
    linter = _registry(args.config)
    enabled = {r.code for r in linter.rules}
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": str(r.severity),
            "enabled": r.code in enabled,
            "source": r.source,
            "summary": r.summary(),
        }
        for r in linter.registry
    ]
    if args.format == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
        return int(ExitCode.OK)
    width = max((len(r["name"]) for r in rows), default=10)
    for r in rows:
        state = "" if r["enabled"] else "  (off by default)"
        out.write(f"{r['code']:<7} {r['name']:<{width}}  {r['severity']:<7}  {r['source']}{state}\n")
    return int(ExitCode.OK)


def explain(argv: list[str], out: TextIO) -> int:
    """``editlint explain CODE``: the rule's documentation."""
    args = _sub_args(argv, "explain", "code")
    linter = _registry(args.config)
    rule = linter.registry.get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r}{linter.registry.hint(args.code)}")
    if args.format == "json":
        json.dump(
            {"code": rule.code, "name": rule.name, "severity": str(rule.severity), "source": rule.source,
             "options": rule.default_options(), "documentation": rule.documentation()},
            out, indent=2, default=str,
        )
        out.write("\n")
        return int(ExitCode.OK)
    lines = [f"# {rule.code} {rule.name}", ""]
    lines.append(f"Severity: {rule.severity}. Source: {rule.source}." + ("" if rule.default_enabled else " Off by default: enable with --extend-select."))
    options = rule.default_options()
    if options:
        lines.append("Options: " + ", ".join(f"{k} = {json.dumps(v, default=str)}" for k, v in options.items()) + ".")
    lines += ["", rule.documentation(), ""]
    text = "\n".join(lines)
    if hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.markdown import Markdown

        Console(file=out).print(Markdown(text))
    else:
        out.write(text)
    return int(ExitCode.OK)


def show_config(session, paths: list[str], out: TextIO) -> int:
    """``--show-config``: the settings that apply to the first path."""
    target = Path(paths[0])
    config_file = session.config_file_for(target)
    linter = session.linter(config_file)
    c = linter.config
    data = {
        "config-file": str(c.path) if c.path else None,
        "root": str(c.root),
        "select": list(c.select) if c.select is not None else None,
        "extend-select": list(c.extend_select),
        "ignore": list(c.ignore),
        "fail-on": c.fail_on,
        "exclude": list(c.exclude) + list(c.extend_exclude),
        "per-file-ignores": {g: list(codes) for g, codes in c.per_file_ignores},
        "packs": [str(p) for p in c.packs],
        "encoding": c.encoding,
        "cache-dir": str(c.cache_dir) if c.cache_dir else None,
        "baseline": str(c.baseline) if c.baseline else None,
        "rules": {code: dict(opts) for code, opts in c.rules.items()},
        "settings": dict(c.settings),
        "enabled-rules": [r.code for r in linter.rules],
    }
    json.dump(data, out, indent=2, default=str)
    out.write("\n")
    return int(ExitCode.OK)


def changed_files(base: str) -> set[str]:
    """Absolute paths of files changed against git ``base`` (plus untracked ones)."""

    def git(*args: str) -> list[str]:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, check=True)
        except FileNotFoundError:
            raise UsageError("--changed needs git, which is not installed") from None
        except subprocess.CalledProcessError as exc:
            raise UsageError(f"--changed: git {' '.join(args)} failed: {exc.stderr.strip().splitlines()[-1] if exc.stderr.strip() else exc}") from None
        return [line for line in done.stdout.splitlines() if line]

    top = git("rev-parse", "--show-toplevel")[0]
    names = git("diff", "--name-only", "--diff-filter=ACMR", base) + git("ls-files", "--others", "--exclude-standard")
    return {os.path.abspath(os.path.join(top, n)) for n in names}
