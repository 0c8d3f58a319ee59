"""``python -m editlint.eval``: print the evaluation figures."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from editlint.eval import DEFAULT_CORPUS_DIR, SCORERS, headlines, render, run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m editlint.eval", description=__doc__)
    p.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS_DIR, help=f"folder of the JSONL corpora (default: {DEFAULT_CORPUS_DIR})")
    p.add_argument("--only", action="append", default=[], choices=[s.rsplit(".", 1)[-1] for s in SCORERS], help="score only this corpus (repeatable)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--limit", type=int, help="score only the first N records of each corpus")
    p.add_argument(
        "--update-readme",
        type=Path,
        metavar="README",
        help="also write the headline figures between the evaluation markers of README, and every figure to docs/evaluation.md beside it",
    )
    args = p.parse_args(argv)
    started = time.perf_counter()
    results = run(args.corpus_dir, args.only, args.limit)
    print(render(results, args.format))
    elapsed = time.perf_counter() - started
    print(f"\n(evaluated in {elapsed:.1f} s)", file=sys.stderr)
    if args.update_readme:
        stamp = f"_Produced by `python -m editlint.eval --update-readme README.md` on {date.today().isoformat()}._"
        update_readme(args.update_readme, f"{stamp}\n\n{render(headlines(results), 'markdown')}")
        full = args.update_readme.parent / "docs" / "evaluation.md"
        full.parent.mkdir(exist_ok=True)
        full.write_text(
            f"# Evaluation figures\n\n{stamp}\nCorpora: `{args.corpus_dir}` (see its README).\n\n{render(results, 'markdown')}\n",
            encoding="utf-8",
        )
    return 0


START, END = "<!-- eval:start -->", "<!-- eval:end -->"


def update_readme(path: Path, block: str) -> None:
    """Replace the text between the evaluation markers of ``path`` with ``block``."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{path}: no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
