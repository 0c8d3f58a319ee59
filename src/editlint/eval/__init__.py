"""The evaluation command: per-rule precision/recall/F1 on labelled corpora.

``python -m editlint.eval [--corpus-dir DIR] [--only NAME ...] [--format text|markdown|json]``

Each corpus is scored by one module listed in :data:`SCORERS`; a module
names its corpus file (``CORPUS``) and implements
``evaluate(records, lint) -> list[Result]``. Every record is linted as its
own document. Corpora that are absent are reported as skipped, so the
command (and the test suite) works without them.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

#: Scorer modules, in report order.
SCORERS: tuple[str, ...] = (
    "editlint.eval.claimbuster",
    "editlint.eval.conll2010",
    "editlint.eval.merged_propernouns",
    "editlint.eval.bbc",
    "editlint.eval.babe",
    "editlint.eval.wiki_npov",
)
#: The figures the README's summary table shows: (corpus, rule, metric).
HEADLINES: tuple[tuple[str, str, str], ...] = (
    ("claimbuster.jsonl", "CIT001", "at min-confidence 0.4: precision"),
    ("claimbuster.jsonl", "CIT001", "at min-confidence 0.4: recall"),
    ("claimbuster.jsonl", "CIT001", "at min-confidence 0.4: F1"),
    ("claimbuster.jsonl", "CIT001", "average precision (min-confidence 0)"),
    ("conll2010_wiki_uncertainty.jsonl", "BAL003+BAL004", "uncertain precision"),
    ("conll2010_wiki_uncertainty.jsonl", "BAL003+BAL004", "uncertain recall"),
    ("conll2010_wiki_uncertainty.jsonl", "BAL003+BAL004", "uncertain F1"),
    ("merged_propernouns.jsonl", "NAM001 errors", "precision (per diagnostic)"),
    ("merged_propernouns.jsonl", "NAM001 errors", "do-not-flag names flagged"),
    ("merged_propernouns.jsonl", "NAM001 errors", "recall, places/nations/organisations (dedup)"),
    ("merged_propernouns.jsonl", "NAM001 errors+warnings", "recall, places/nations/organisations (dedup)"),
    ("merged_propernouns.jsonl", "NAM001 errors+warnings", "recall, proper-noun compounds (dedup)"),
    ("merged_propernouns.jsonl", "NAM001 errors+warnings", "precision (per diagnostic)"),
    ("bbc_news.jsonl", "NAM001 errors", "flags per 100k words"),
    ("bbc_news.jsonl", "NAM002 warnings", "flags per 100k words"),
    ("babe.jsonl", "BAL002", "sentence precision"),
    ("babe.jsonl", "BAL002", "sentence recall"),
    ("babe.jsonl", "BAL002", "sentence F1"),
    ("babe.jsonl", "BAL002", "sentence macro-F1"),
    ("babe.jsonl", "BAL002", "word hit rate"),
    ("wiki_npov.jsonl", "BAL002", "sentence precision"),
    ("wiki_npov.jsonl", "BAL003", "sentence precision"),
    ("wiki_npov.jsonl", "BAL002+BAL003", "sentence precision"),
    ("wiki_npov.jsonl", "BAL002+BAL003", "sentence recall"),
    ("wiki_npov.jsonl", "BAL002+BAL003", "precision at equal prevalence"),
)
#: Where the dev corpora live relative to the project root.
DEFAULT_CORPUS_DIR = Path("..") / "shared" / "corpus" / "dev"


@dataclass
class Result:
    """One figure of the evaluation."""

    corpus: str
    rule: str
    metric: str
    value: str
    note: str = ""


@dataclass
class EvalLinter:
    """Lint records as separate documents with a chosen rule set and options."""

    plugins: Sequence[object] = ()
    _cache: dict[Any, Any] = field(default_factory=dict)

    def linter(self, select: Sequence[str], options: dict[str, dict[str, Any]] | None = None, settings: dict[str, Any] | None = None):
        key = (tuple(select), json.dumps(options or {}, sort_keys=True), json.dumps(settings or {}, sort_keys=True))
        if key not in self._cache:
            from editlint.config import Config
            from editlint.engine import Linter
            from editlint.plugins import get_plugin_host
            from editlint.registry import build_registry

            host = get_plugin_host(load_entrypoints=False, extra=self.plugins)
            registry, config = build_registry(host, Config(rules=options or {}, settings=settings or {}))
            self._cache[key] = Linter(host, registry, config, select=list(select))
        return self._cache[key]

    def lint(self, text: str, select: Sequence[str], *, options=None, settings=None, path: str = "record.txt"):
        from editlint.document import parse

        return self.linter(select, options, settings).check(parse(text, path)).diagnostics


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def run(corpus_dir: Path, only: Iterable[str] = (), limit: int | None = None) -> list[Result]:
    """Score every available corpus; return the figures."""
    only = set(only)
    results: list[Result] = []
    lint = EvalLinter()
    for name in SCORERS:
        short = name.rsplit(".", 1)[-1]
        if only and short not in only:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        path = corpus_dir / module.CORPUS
        if not path.is_file():
            results.append(Result(module.CORPUS, "-", "skipped", "-", f"{path} not found"))
            continue
        records = list(read_jsonl(path))
        if limit:
            records = records[:limit]
        results.extend(module.evaluate(records, lint, corpus_dir=corpus_dir))
    return results


def headlines(results: list[Result]) -> list[Result]:
    """The results named in :data:`HEADLINES`, in that order (missing ones left out)."""
    by_key = {(r.corpus, r.rule, r.metric): r for r in results}
    return [by_key[k] for k in HEADLINES if k in by_key]


def render(results: list[Result], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([r.__dict__ for r in results], indent=2)
    if fmt == "markdown":
        lines = ["| corpus | rule | metric | value | note |", "|---|---|---|---|---|"]
        lines += [f"| {r.corpus} | {r.rule} | {r.metric} | {r.value} | {r.note} |" for r in results]
        return "\n".join(lines)
    width = max((len(r.metric) for r in results), default=10)
    lines = []
    last = None
    for r in results:
        if (r.corpus, r.rule) != last:
            lines.append(f"\n{r.corpus} — {r.rule}")
            last = (r.corpus, r.rule)
        lines.append(f"  {r.metric:<{width}}  {r.value}" + (f"   ({r.note})" if r.note else ""))
    return "\n".join(lines).lstrip("\n")
