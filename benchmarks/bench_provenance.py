"""CPU cost of the provenance and sourcing rules (PRV001-PRV004, BAL001, BAL006).

    .venv/bin/python benchmarks/bench_provenance.py [--corpus ../shared/corpus/dev/bbc_news.jsonl] [--footer]

Parses every article with ``editlint.document.parse(text, "a.txt")`` and runs
the family's rules on it, single-threaded, timing parsing and each rule
separately (``time.process_time``). ``--footer`` appends a one-entry
provenance footer to every article, so the footer-dependent rules (PRV003,
PRV004, BAL001) do their full work instead of stopping at "no footer". The
one-time cost of loading the outlet registry and compiling its pattern is
reported apart.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

CODES = ("PRV001", "PRV002", "PRV003", "PRV004", "BAL001", "BAL006")
FOOTER = "\n\nSources\n- https://www.reuters.com/world/example-story\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/dev/bbc_news.jsonl"))
    parser.add_argument("--footer", action="store_true", help="append a provenance footer to every article")
    args = parser.parse_args(argv)

    from editlint.config import Config
    from editlint.document import parse
    from editlint.outlets import get_registry
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    start = time.process_time()
    registry = get_registry()
    registry._compiled()
    setup = time.process_time() - start

    host = get_plugin_host(load_entrypoints=False)
    rules_registry, _ = build_registry(host, Config())
    rules = [rules_registry.rules[c] for c in CODES]
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8") if line.strip()]
    if args.footer:
        texts = [t + FOOTER for t in texts]

    parse_time = 0.0
    per_rule = dict.fromkeys(CODES, 0.0)
    found = dict.fromkeys(CODES, 0)
    for text in texts:
        t0 = time.process_time()
        doc = parse(text, "a.txt")
        parse_time += time.process_time() - t0
        for rule in rules:
            t0 = time.process_time()
            found[rule.code] += sum(1 for _ in rule.check(doc))
            per_rule[rule.code] += time.process_time() - t0
    total = sum(per_rule.values())
    print(f"{len(texts)} documents ({sum(map(len, texts)) / 1e6:.1f} M characters){' with a footer' if args.footer else ''}")
    print(f"registry load + pattern compile (once): {setup * 1000:.0f} ms")
    print(f"parse: {parse_time:.2f} s CPU")
    for code in CODES:
        print(f"  {code}: {per_rule[code] * 1000:6.0f} ms  {found[code]:5d} findings")
    print(f"rules total: {total:.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
