"""Where a single draft's cold start goes: phases and rules, median of fresh processes.

    .venv/bin/python benchmarks/coldstart.py [DRAFT] [--runs 7]

Each run is a new ``python`` process that lints DRAFT (default: the shared
seed draft) through ``editlint.cli.main(["--no-cache", DRAFT])``, as the
``editlint`` command does, and reports CPU time (``time.process_time``) per
phase: imports of the core, the plugin host (importing every rule module),
the registry (rule objects and the bundled pack), linting (every rule's first
run: data loading, pattern compiling, then the work) and output; then each
rule's share of linting. Interpreter start-up (~15 ms) comes on top. Run it
twice after a change: the first run fills the prepared-data and program
caches (see ``editlint.prepared`` and ``editlint._recache``).

For the end-to-end figure against proselint, use ``benchmarks/bench.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

DEFAULT_SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "000_5e0464b434412781.txt"

CHILD = r"""
import io, json, sys, time
T = time.process_time
draft = sys.argv[1]
out = {}
t0 = T()
import editlint.cli as C
import editlint.engine as E
import editlint.runner as R
out["import core"] = T() - t0
rules = {}
def timed(name, func):
    def wrapper(*args, **kwargs):
        start = T()
        try:
            return func(*args, **kwargs)
        finally:
            out[name] = out.get(name, 0.0) + T() - start
    return wrapper
R.get_plugin_host = timed("plugin host (rule modules)", R.get_plugin_host)
R.build_registry = timed("registry (rules, packs)", R.build_registry)
E.Linter.check = timed("lint (first run of every rule)", E.Linter.check)
C._write_report = timed("output", C._write_report)
run_rule = E.Linter._run_rule
def run_rule_timed(self, rule, doc, *rest):
    start = T()
    try:
        return run_rule(self, rule, doc, *rest)
    finally:
        rules[rule.code] = rules.get(rule.code, 0.0) + T() - start
E.Linter._run_rule = run_rule_timed
saved = sys.stdout
sys.stdout = io.StringIO()
try:
    C.main(["--no-cache", draft])
finally:
    sys.stdout = saved
out["total in process"] = T() - t0
print(json.dumps({"phases": out, "rules": rules}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.draft.is_file():
        print(f"no such draft: {args.draft}", file=sys.stderr)
        return 2
    phases: dict[str, list[float]] = {}
    rules: dict[str, list[float]] = {}
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", CHILD, str(args.draft)], capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        for name, value in result["phases"].items():
            phases.setdefault(name, []).append(value)
        for code, value in result["rules"].items():
            rules.setdefault(code, []).append(value)
    print(f"{args.draft.name}: CPU ms, median of {args.runs} fresh processes\n")
    for name, values in phases.items():
        print(f"{statistics.median(values) * 1000:8.1f}  {name}")
    print("\nrules (first run, >= 0.5 ms):")
    for code, values in sorted(rules.items(), key=lambda kv: -statistics.median(kv[1])):
        if statistics.median(values) >= 0.0005:
            print(f"{statistics.median(values) * 1000:8.1f}  {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
