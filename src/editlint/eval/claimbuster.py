"""CIT001 on ClaimBuster: check-worthy factual sentences of US presidential debates.

Each record is one sentence (``CFS``: check-worthy factual sentence, or
``NCS``). The sentences carry no source footer, so CIT001 firing should match
``CFS``. Every record is linted once with ``min-confidence = 0``, which makes
CIT001 report every candidate with its confidence; the figures at the
default threshold keep the findings at or above the rule's default
``min-confidence`` (the rule itself filters exactly that way).

Reported: precision, recall and F1 at the default threshold, the average
precision of the confidence ranking, and for reference the best-F1
threshold, and the same figures on the halves by ``sentence_id`` parity
(the even half was used to check the weights, the odd half was not).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from editlint.eval import EvalLinter, Result
from editlint.eval.metrics import Counts, average_precision, best_threshold, fmt, rows_for

CORPUS = "claimbuster.jsonl"
CODE = "CIT001"
POSITIVE = "CFS"


def default_threshold() -> float:
    """CIT001's default ``min-confidence``."""
    from editlint.rules.claims.rules import UncitedClaim

    return float(UncitedClaim.options["min-confidence"])


def record_score(diagnostics: Iterable[Any]) -> float:
    """The highest CIT001 confidence among a record's diagnostics (0 when none)."""
    return max((d.confidence or 0.0 for d in diagnostics if d.code == CODE), default=0.0)


def counts_at(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> Counts:
    """Confusion counts when a record fires at ``score >= threshold`` (and > 0)."""
    counts = Counts()
    for score, label in zip(scores, labels):
        counts.add(score > 0 and score >= threshold, label)
    return counts


def figures(scores: Sequence[float], labels: Sequence[bool], threshold: float, *, prefix: str = "") -> list[tuple[str, str, str]]:
    """The metric rows for one set of scored records: ``(metric, value, note)``."""
    at_default = counts_at(scores, labels, threshold)
    rows = [(f"{prefix}{name}", value, "") for name, value in rows_for(f"at min-confidence {threshold:g}:", at_default)]
    rows.append((f"{prefix}average precision (min-confidence 0)", fmt(average_precision(scores, labels)), "ranking by confidence"))
    best_t, best = best_threshold(scores, labels)
    rows.append((f"{prefix}best-F1 threshold", f"{best_t:g}", f"P={fmt(best.precision)} R={fmt(best.recall)} F1={fmt(best.f1)} (reference only)"))
    aim_t, aim = best_threshold(scores, labels, min_precision=0.7)
    rows.append((f"{prefix}best-F1 threshold with precision >= 0.7", f"{aim_t:g}", f"P={fmt(aim.precision)} R={fmt(aim.recall)} F1={fmt(aim.f1)} (reference only)"))
    return rows


def evaluate(records: list[dict[str, Any]], lint: EvalLinter, corpus_dir: Path | None = None) -> list[Result]:
    threshold = default_threshold()
    options = {CODE: {"min-confidence": 0.0}}
    scores: list[float] = []
    labels: list[bool] = []
    halves: list[int] = []
    for record in records:
        found = lint.lint(record["text"], [CODE], options=options, path="record.txt")
        scores.append(record_score(found))
        labels.append(record.get("label") == POSITIVE)
        halves.append(int((record.get("meta") or {}).get("sentence_id", 0)) % 2)
    out = [Result(CORPUS, CODE, metric, value, note) for metric, value, note in figures(scores, labels, threshold)]
    for parity, name in ((0, "even half"), (1, "odd half (held out)")):
        idx = [i for i, h in enumerate(halves) if h == parity]
        if idx and len(idx) < len(records):
            c = counts_at([scores[i] for i in idx], [labels[i] for i in idx], threshold)
            out.append(Result(CORPUS, CODE, f"{name} at min-confidence {threshold:g}", f"P={fmt(c.precision)} R={fmt(c.recall)} F1={fmt(c.f1)}", f"n={len(idx)}"))
    return out
