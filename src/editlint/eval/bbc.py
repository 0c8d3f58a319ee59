"""False flags per 100,000 words on professionally edited copy (2,225 BBC articles).

BBC News articles (Greene & Cunningham, 2006) have been through a news desk,
so nearly everything a rule reports on them is a false flag, or at best a
matter of house style. Two groups of figures:

* the names rules: NAM001 errors and warnings and NAM002 warnings per 100k
  words (the aim for NAM001 errors is at most 1);
* every default rule with the provenance family (``PRV``) switched off,
  since BBC articles carry no source footers: flags per 100k words per rule
  and severity, and the wall time of that pass (parse included).

Every article is linted as its own document (path ``article.txt``: plain
text). Counting is done by :func:`tally` and :func:`rates`, unit-tested on
diagnostics written for the tests.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from editlint.eval import Result

CORPUS = "bbc_news.jsonl"
NAME_RULES = ("NAM001", "NAM002")
#: Rule families left out of the all-rules pass (BBC copy has no footers).
EXCLUDED_FAMILIES = ("PRV", "EL")
_WORDS = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Words as whitespace-separated tokens."""
    return len(_WORDS.findall(text))


def tally(diagnostics: Iterable[Any]) -> Counter:
    """Count diagnostics by ``(code, severity)``."""
    return Counter((d.code, str(d.severity)) for d in diagnostics)


def per_100k(count: int, words: int) -> float:
    return 100_000 * count / words if words else 0.0


def rates(counts: Mapping[tuple[str, str], int], words: int) -> dict[tuple[str, str], float]:
    """Flags per 100,000 words for each ``(code, severity)``."""
    return {key: per_100k(n, words) for key, n in sorted(counts.items())}


def default_codes(exclude: Sequence[str] = EXCLUDED_FAMILIES) -> list[str]:
    """The codes of the rules enabled by default, minus the excluded families."""
    from editlint.config import Config
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    registry, _ = build_registry(get_plugin_host(load_entrypoints=False), Config())
    return [r.code for r in registry.enabled(None) if not r.code.startswith(tuple(exclude))]


def evaluate(records, lint, corpus_dir=None) -> list[Result]:
    texts = [r["text"] for r in records]
    words = sum(count_words(t) for t in texts)
    results: list[Result] = []
    add = lambda rule, metric, value, note="": results.append(Result(CORPUS, rule, metric, value, note))  # noqa: E731

    names = Counter()
    examples: dict[tuple[str, str], Counter] = {}
    for text in texts:
        for d in lint.lint(text, list(NAME_RULES), path="article.txt"):
            key = (d.code, str(d.severity))
            names[key] += 1
            examples.setdefault(key, Counter())[text[d.span.start : d.span.end]] += 1
    for code, severity in (("NAM001", "error"), ("NAM001", "warning"), ("NAM002", "warning")):
        n = names[(code, severity)]
        top = ", ".join(f"{w} ({c})" for w, c in examples.get((code, severity), Counter()).most_common(5))
        add(f"{code} {severity}s", "flags per 100k words", f"{per_100k(n, words):.2f}", f"{n} in {words} words" + (f"; most frequent: {top}" if top else ""))

    codes = default_codes()
    started = time.perf_counter()
    everything = Counter()
    for text in texts:
        everything.update(tally(lint.lint(text, codes, path="article.txt")))
    elapsed = time.perf_counter() - started
    total = sum(everything.values())
    add("default rules, PRV off", "flags per 100k words", f"{per_100k(total, words):.1f}", f"{len(codes)} rules, {total} flags; {elapsed:.1f} s wall for {len(texts)} articles, parse included")
    for (code, severity), value in rates(everything, words).items():
        add("default rules, PRV off", f"{code} {severity}s per 100k words", f"{value:.2f}", f"{everything[(code, severity)]} flags")
    return results
