"""Scoring helpers for the evaluation command (unit-tested on small records)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass
class Counts:
    """Binary confusion counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Average precision of a ranking (scikit-learn's definition, no interpolation).

    Items are ranked by descending score; ties are broken by keeping the
    input order stable, and unscored items should be given score 0.
    """
    positives = sum(1 for label in labels if label)
    if positives == 0:
        return 0.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    i = 0
    seen = 0
    # group ties: precision is taken at the end of each tied group (as sklearn does)
    while i < len(order):
        j = i
        group_hits = 0
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            group_hits += 1 if labels[order[j]] else 0
            j += 1
        seen += j - i
        hits += group_hits
        total += group_hits * (hits / seen)
        i = j
    return total / positives


def best_threshold(scores: Sequence[float], labels: Sequence[bool], min_precision: float = 0.0) -> tuple[float, Counts]:
    """The threshold with the best F1 among those reaching ``min_precision``."""
    best = (0.0, Counts())
    best_f1 = -1.0
    for t in sorted(set(scores)):
        c = Counts()
        for s, label in zip(scores, labels):
            c.add(s >= t, label)
        if c.precision >= min_precision and c.f1 > best_f1:
            best, best_f1 = (t, c), c.f1
    return best


def fmt(value: float) -> str:
    return f"{value:.3f}"


def rows_for(name: str, counts: Counts) -> list[tuple[str, str]]:
    return [
        (f"{name} precision", fmt(counts.precision)),
        (f"{name} recall", fmt(counts.recall)),
        (f"{name} F1", fmt(counts.f1)),
        (f"{name} n", f"tp={counts.tp} fp={counts.fp} fn={counts.fn} tn={counts.tn}"),
    ]


def spans_overlap(a: tuple[int, int], b: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in b)
