"""``python -m editlint.eval``: print the evaluation figures."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editlint.eval import DEFAULT_CORPUS_DIR, SCORERS, render, run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m editlint.eval", description=__doc__)
    p.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS_DIR, help=f"folder of the JSONL corpora (default: {DEFAULT_CORPUS_DIR})")
    p.add_argument("--only", action="append", default=[], choices=[s.rsplit(".", 1)[-1] for s in SCORERS], help="score only this corpus (repeatable)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--limit", type=int, help="score only the first N records of each corpus")
    args = p.parse_args(argv)
    started = time.perf_counter()
    results = run(args.corpus_dir, args.only, args.limit)
    print(render(results, args.format))
    print(f"\n(evaluated in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
