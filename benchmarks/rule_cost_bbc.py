"""CPU cost and flag rate of selected rules on the BBC corpus.

    python benchmarks/rule_cost_bbc.py STY RDB002 [--corpus PATH] [--show CODE]

Parses every article once (parse time reported separately), then runs each
selected rule over all of them, single-threaded, and prints per rule: CPU
seconds, diagnostics, and diagnostics per 100,000 words. ``--show CODE``
prints that rule's findings with their text, for reading them by eye.
The corpus is evaluation data: nothing from it belongs in the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from editlint.config import Config
from editlint.document import parse
from editlint.engine import Linter
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "bbc_news.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("select", nargs="+")
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--show", default=None)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8") if line.strip()]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config())
    t = time.process_time()
    docs = [parse(text, "article.txt") for text in texts]
    parse_s = time.process_time() - t
    t = time.process_time()
    for d in docs:  # shared analyses most rules read; timed apart
        d.sentences, d.quotes
    shared_s = time.process_time() - t
    print(f"{len(docs)} articles, {words} words; parse {parse_s:.2f} s, sentences+quotes {shared_s:.2f} s CPU")
    rules = Linter(host, registry, config, select=args.select).rules
    total = 0.0
    for rule in rules:
        t = time.process_time()
        found = [(d, x) for d in docs for x in rule.check(d)]
        spent = time.process_time() - t
        total += spent
        print(f"{rule.code} {rule.name:32s} {spent:6.3f} s  {len(found):5d} flags  {100000 * len(found) / words:6.1f} /100k words")
        if args.show and rule.code == args.show:
            for d, x in found:
                a, b = x.span
                print(f"    {x.message} | …{d.text[max(0, a - 60):a]}[[{d.text[a:b]}]]{d.text[b:b + 40]}…".replace("\n", " "))
    print(f"total {total:.3f} s CPU for {len(rules)} rules")


if __name__ == "__main__":
    main()
