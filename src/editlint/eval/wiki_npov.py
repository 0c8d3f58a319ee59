"""WikiNPOV: BAL002 and BAL003 on Wikipedia sentences (Hube and Fetahu, 2019).

Records are sentences that Wikipedia editors changed for violating the
neutral point of view (``biased``) and neutral sentences from three
sources: featured articles, hard negatives from the same articles, and a
type-balanced sample (``meta.subset``). A sentence is predicted biased when
the rule reports anything in it. Reported per code (BAL002 loaded language,
BAL003 weasel attribution, whichever are registered) and for both combined:

* precision, recall, F1 at the corpus's own prevalence (about one biased
  sentence in six, so precision here is lower than on a balanced set);
* precision at equal prevalence: negatives re-weighted to the number of
  positives, comparable with BABE's roughly balanced classes;
* the false-alarm rate on each neutral subset.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from editlint.eval import Result
from editlint.eval.metrics import Counts, fmt, rows_for

CORPUS = "wiki_npov.jsonl"
CODES = ("BAL002", "BAL003")
POSITIVE, NEGATIVE = "biased", "neutral"


class Prediction(NamedTuple):
    """A labelled record and the best confidence per code reported on it."""

    biased: bool
    subset: str
    best: dict[str, float]


def available_codes(codes: Sequence[str] = CODES) -> list[str]:
    """The codes among ``codes`` that some plugin registers."""
    from editlint.config import Config
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    registry, _ = build_registry(get_plugin_host(load_entrypoints=False), Config())
    return [c for c in codes if c in registry.rules]


def balanced_precision(counts: Counts) -> float:
    """Precision if there were as many negatives as positives.

    The false-positive rate is kept and applied to ``tp + fn`` negatives:
    ``P = TPR / (TPR + FPR)``.
    """
    positives, negatives = counts.tp + counts.fn, counts.fp + counts.tn
    if not positives or not negatives:
        return 0.0
    tpr, fpr = counts.tp / positives, counts.fp / negatives
    return tpr / (tpr + fpr) if tpr + fpr else 0.0


def tally(predictions: Iterable[tuple[bool, str, frozenset[str]]], codes: Sequence[str]) -> tuple[dict[str, Counts], dict[str, dict[str, int]]]:
    """Count per code and combined (``+``-joined key).

    ``predictions`` yields ``(is_biased, subset, codes reported)``. Returns
    the confusion counts by code (and combined, for several codes) and, for neutral subsets, ``{subset:
    {"n": records, code: false alarms}}``.
    """
    combined = "+".join(codes) if len(codes) > 1 else None
    counts = {key: Counts() for key in [*codes, combined] if key}
    subsets: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for biased, subset, found in predictions:
        for code in codes:
            counts[code].add(code in found, biased)
        hit = bool(found & set(codes))
        if combined:
            counts[combined].add(hit, biased)
        if not biased:
            subsets[subset]["n"] += 1
            for code in codes:
                subsets[subset][code] += code in found
            if combined:
                subsets[subset][combined] += hit
    return counts, {k: dict(v) for k, v in subsets.items()}


def predictions(records: Iterable[Mapping[str, Any]], lint, codes: Sequence[str]) -> list[Prediction]:
    """Lint each labelled record once with all ``codes``.

    BAL002 runs at ``min-confidence`` 0 and keeps the best confidence per
    record, so thresholds can be applied afterwards (the curve); the other
    codes run with their defaults.
    """
    options = {"BAL002": {"min-confidence": 0.0}} if "BAL002" in codes else None
    out = []
    for record in records:
        label = record.get("label")
        if label not in (POSITIVE, NEGATIVE):
            continue
        best: dict[str, float] = {}
        for d in lint.lint(record["text"], list(codes), options=options):
            if d.code in codes:
                conf = 1.0 if d.confidence is None else d.confidence
                best[d.code] = max(best.get(d.code, 0.0), conf)
        out.append(Prediction(label == POSITIVE, str(record.get("meta", {}).get("subset", "")), best))
    return out


def at_threshold(preds: Iterable[Prediction], thresholds: Mapping[str, float]):
    """``tally`` input: the codes each record gets with per-code confidence thresholds."""
    for p in preds:
        yield p.biased, p.subset, frozenset(c for c, conf in p.best.items() if conf >= thresholds.get(c, 0.0))


def evaluate(records: list[dict[str, Any]], lint, corpus_dir=None) -> list[Result]:
    from editlint.eval.babe import CURVE, default_threshold

    codes = available_codes()
    if not codes:
        return [Result(CORPUS, "-", "skipped", "-", "neither BAL002 nor BAL003 is registered")]
    missing = [c for c in CODES if c not in codes]
    preds = predictions(records, lint, codes)
    default = {"BAL002": default_threshold()}
    counts, subsets = tally(at_threshold(preds, default), codes)
    results: list[Result] = []
    for key, c in counts.items():
        note = "default options"
        results.extend(Result(CORPUS, key, metric, value, note) for metric, value in rows_for("sentence", c))
        prevalence = (c.tp + c.fn) / c.total if c.total else 0.0
        results.append(Result(CORPUS, key, "precision at equal prevalence", fmt(balanced_precision(c)), f"corpus prevalence {prevalence:.2f}"))
        for subset, row in sorted(subsets.items()):
            results.append(Result(CORPUS, key, f"false alarms on {subset}", fmt(row.get(key, 0) / row["n"]) if row["n"] else "-", f"{row.get(key, 0)} of {row['n']}"))
        if key == "BAL002":
            for t in CURVE:
                c = tally(at_threshold(preds, {"BAL002": t}), ["BAL002"])[0]["BAL002"]
                value = f"P={fmt(c.precision)} R={fmt(c.recall)} F1={fmt(c.f1)} P(equal prevalence)={fmt(balanced_precision(c))}"
                results.append(Result(CORPUS, "BAL002", f"curve min-confidence={t:g}", value))
    if missing:
        results.append(Result(CORPUS, "+".join(CODES), "not scored", ", ".join(missing), "not registered yet"))
    return results
