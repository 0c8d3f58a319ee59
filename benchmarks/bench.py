"""Benchmark editlint against proselint in one run, as ratios.

    python benchmarks/bench.py [--corpus ../shared/corpus/dev/bbc_news.jsonl]
                               [--seed ../shared/seed/000_5e0464b434412781.txt]
                               [--proselint PATH] [--repeat 5]

It writes the BBC articles (one file each) under ``benchmarks/.work/``, then
times, on the same machine and in the same run:

1. the whole corpus, cache off: ``editlint --no-cache DIR`` (all default
   rules, all cores) against ``proselint check DIR -o json``;
2. a single draft, cold start: ``editlint seed.txt`` against ``proselint
   check seed.txt`` (median of ``--repeat`` runs);
3. a second editlint run over the unchanged corpus with the cache, as a
   share of the first (cached) run;
4. the peak memory (max RSS) of the largest editlint process on the corpus.

proselint 0.16.0 is the reference (``pip install proselint==0.16.0``); it is
looked up beside this Python, on PATH, or given with ``--proselint``. Without
it, the editlint figures are printed alone. Timings are wall-clock and noisy:
read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "bbc_news.jsonl"
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_5e0464b434412781.txt"


def write_corpus(corpus: Path, folder: Path) -> int:
    """Write one .txt file per article; return the number of words."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    words = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
            words += len(record["text"].split())
    return words


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``cmd``; return (wall seconds, result)."""
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    return time.perf_counter() - started, done


def peak_rss_kib(cmd: list[str], env: dict[str, str]) -> int:
    """Peak RSS of the largest process of ``cmd`` (measured in a fresh interpreter)."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
    return int(out.stdout.strip() or 0)


def find_proselint(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "proselint"
    return str(beside) if beside.exists() else shutil.which("proselint")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    p.add_argument("--proselint", help="path of the proselint executable (0.16.0)")
    p.add_argument("--repeat", type=int, default=5, help="runs of each cold start (median)")
    p.add_argument("--jobs", type=int, default=None, help="editlint --jobs (default: all cores)")
    args = p.parse_args(argv)

    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    editlint = [sys.executable, "-m", "editlint"]
    exe = Path(sys.executable).parent / "editlint"
    if exe.exists():
        editlint = [str(exe)]
    proselint = find_proselint(args.proselint)
    folder = WORK / "bbc"
    words = write_corpus(args.corpus, folder)
    files = len(list(folder.iterdir()))
    cache_dir = Path(tempfile.mkdtemp(prefix="editlint-bench-cache-"))
    env = {**os.environ, "EDITLINT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    # Python's default: cache bytecode. Some sandboxes set PYTHONDONTWRITEBYTECODE,
    # which makes an editable install recompile every module on every run
    # (a wheel install, like proselint's, is byte-compiled by pip).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    common = [*jobs, "--format", "concise", "--quiet", "--fail-on", "never"]

    print(f"editlint benchmark, {date.today().isoformat()}, {platform.platform()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus: {files} files, {words:,} words ({args.corpus.name})\n")

    # 1. whole corpus, no cache
    corpus_cmd = [*editlint, "--no-cache", *common, str(folder)]
    timed(corpus_cmd, env)  # warm the file system cache
    el_runs = [timed(corpus_cmd, env)[0] for _ in range(3)]
    el_corpus = statistics.median(el_runs)
    peak = peak_rss_kib(corpus_cmd, env)
    print(f"editlint, corpus, --no-cache:   {el_corpus:7.2f} s  (median of 3; peak RSS {peak / 1024:.0f} MiB)")
    pl_corpus = None
    if proselint:
        pl_corpus, done = timed([proselint, "check", str(folder), "-o", "json"], env)
        print(f"proselint, corpus:              {pl_corpus:7.2f} s  (exit {done.returncode})")
        print(f"  -> editlint is {pl_corpus / el_corpus:5.1f}x faster on the corpus (target >= 10x)")

    # 2. cold start on one draft
    if args.seed.is_file():
        seed_cmd = [*editlint, "--no-cache", "--fail-on", "never", str(args.seed)]
        timed(seed_cmd, env)  # write bytecode caches once, as any first run does
        el_cold = statistics.median(timed(seed_cmd, env)[0] for _ in range(args.repeat))
        print(f"\neditlint, one draft, cold:      {el_cold * 1000:7.0f} ms (median of {args.repeat})")
        if proselint:
            timed([proselint, "check", str(args.seed)], env)
            pl_cold = statistics.median(timed([proselint, "check", str(args.seed)], env)[0] for _ in range(args.repeat))
            print(f"proselint, one draft, cold:     {pl_cold * 1000:7.0f} ms")
            print(f"  -> editlint cold start is {pl_cold / el_cold:5.2f}x proselint's speed (target >= 1x, aim < 100 ms)")

    # 3. cache: first run fills it, second run reads it. Only the result cache
    # is emptied: the prepared-data and regex-program caches in the same
    # folder belong to the installation (like bytecode) and are warm by now.
    cache_cmd = [*editlint, *common, str(folder)]
    for stale in cache_dir.glob("results-*.json"):
        stale.unlink()
    first = timed(cache_cmd, env)[0]
    second = statistics.median(timed(cache_cmd, env)[0] for _ in range(3))
    print(f"\neditlint, corpus, cache cold:   {first:7.2f} s")
    print(f"editlint, corpus, cache warm:   {second:7.2f} s  -> {100 * second / first:4.1f}% of the first run (target <= 10%)")
    print(f"\npeak memory of the largest editlint process: {peak / 1024:.0f} MiB (target <= 100 MiB)")
    shutil.rmtree(cache_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
