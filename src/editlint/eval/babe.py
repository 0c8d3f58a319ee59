"""BABE: BAL002 on expert-labelled news sentences (Spinde et al., 2021).

Each record is a sentence labelled ``Biased`` or ``Non-biased`` by experts
(``No agreement`` records are skipped), with the words that carry the bias
as ``biased_word`` spans. Reported:

* sentence level: a sentence is predicted biased when BAL002 reports
  anything in it. Precision, recall, F1 of the Biased class, and macro-F1
  (the mean of both classes' F1, the measure of the published models), at
  the rule's default ``min-confidence`` and along a curve of thresholds
  (each finding carries its entry's confidence, so one run at threshold 0
  gives the whole curve);
* word level: the share of annotated biased words that a BAL002 span
  covers (hit rate), and the share of BAL002 spans in annotated sentences
  that cover an annotated word (span precision).

The scoring functions take plain values so they are unit-tested on records
written for the tests (``tests/test_eval_framing.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from editlint.eval import Result
from editlint.eval.metrics import Counts, fmt, rows_for, spans_overlap

CORPUS = "babe.jsonl"
RULE = "BAL002"
POSITIVE, NEGATIVE = "Biased", "Non-biased"
#: Thresholds shown on the precision/recall curve.
CURVE = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


@dataclass
class Finding:
    """A finding reduced to what scoring needs."""

    start: int
    end: int
    confidence: float


@dataclass
class Scored:
    """One labelled record and what the rule found in it."""

    positive: bool
    findings: list[Finding] = field(default_factory=list)
    words: list[tuple[int, int]] = field(default_factory=list)  # annotated biased words

    def predicted(self, threshold: float) -> bool:
        return any(f.confidence >= threshold for f in self.findings)


def default_threshold(code: str = RULE) -> float:
    """The rule's default ``min-confidence``."""
    from editlint.rules.framing import LoadedLanguage

    return float(LoadedLanguage.options["min-confidence"]) if code == RULE else 0.0


def sentence_counts(items: Iterable[Scored], threshold: float) -> Counts:
    """Confusion counts of the positive class at ``threshold``."""
    counts = Counts()
    for item in items:
        counts.add(item.predicted(threshold), item.positive)
    return counts


def macro_f1(counts: Counts) -> float:
    """The mean of the positive and the negative class's F1."""
    negative = Counts(tp=counts.tn, fp=counts.fn, fn=counts.fp, tn=counts.tp)
    return (counts.f1 + negative.f1) / 2


@dataclass
class WordLevel:
    """Word-level agreement between findings and annotated biased words."""

    words: int = 0
    words_hit: int = 0
    spans: int = 0
    spans_on_word: int = 0

    @property
    def hit_rate(self) -> float:
        return self.words_hit / self.words if self.words else 0.0

    @property
    def span_precision(self) -> float:
        return self.spans_on_word / self.spans if self.spans else 0.0


def word_level(items: Iterable[Scored], threshold: float) -> WordLevel:
    """Hit rate over annotated words; span precision over sentences that have annotations."""
    out = WordLevel()
    for item in items:
        if not item.words:
            continue
        spans = [(f.start, f.end) for f in item.findings if f.confidence >= threshold]
        out.words += len(item.words)
        out.words_hit += sum(1 for w in item.words if spans_overlap(w, spans))
        out.spans += len(spans)
        out.spans_on_word += sum(1 for s in spans if spans_overlap(s, item.words))
    return out


def annotated_words(record: dict[str, Any]) -> tuple[list[tuple[int, int]], int]:
    """The record's biased-word spans, checked against its text.

    Returns the spans and the number of annotations that could not be
    placed: an offset whose text differs from the annotated word is looked
    up in the sentence (first case-insensitive occurrence) instead.
    """
    text = record.get("text", "")
    lowered = text.lower()
    out: list[tuple[int, int]] = []
    lost = 0
    for span in record.get("spans", []):
        if span.get("label") not in (None, "biased_word"):
            continue
        word = str(span.get("text", ""))
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and text[start:end].lower() == word.lower() and word:
            out.append((start, end))
            continue
        at = lowered.find(word.lower()) if word else -1
        if at == -1:
            lost += 1
        else:
            out.append((at, at + len(word)))
    return out, lost


def curve_rows(items: Sequence[Scored], thresholds: Iterable[float] = CURVE) -> list[tuple[str, str]]:
    """``(metric, value)`` rows of the precision/recall curve."""
    rows = []
    for t in thresholds:
        c = sentence_counts(items, t)
        rows.append((f"curve min-confidence={t:g}", f"P={fmt(c.precision)} R={fmt(c.recall)} F1={fmt(c.f1)} flagged={c.tp + c.fp}"))
    return rows


def score_records(records: Iterable[dict[str, Any]], lint, code: str = RULE) -> tuple[list[Scored], int]:
    """Lint every labelled record with ``code`` at threshold 0; skip unlabelled ones."""
    items: list[Scored] = []
    lost = 0
    options = {code: {"min-confidence": 0.0}}
    for record in records:
        label = record.get("label")
        if label not in (POSITIVE, NEGATIVE):
            continue
        words, missing = annotated_words(record)
        lost += missing
        findings = [
            Finding(d.span.start, d.span.end, d.confidence if d.confidence is not None else 1.0)
            for d in lint.lint(record["text"], [code], options=options)
            if d.code == code
        ]
        items.append(Scored(label == POSITIVE, findings, words))
    return items, lost


def evaluate(records: list[dict[str, Any]], lint, corpus_dir=None) -> list[Result]:
    items, lost = score_records(records, lint)
    threshold = default_threshold()
    counts = sentence_counts(items, threshold)
    note = f"min-confidence={threshold:g} (default)"
    results = [Result(CORPUS, RULE, metric, value, note) for metric, value in rows_for("sentence", counts)]
    results.append(Result(CORPUS, RULE, "sentence macro-F1", fmt(macro_f1(counts)), "published transformers: ~0.80"))
    results.append(Result(CORPUS, RULE, "sentences flagged", f"{counts.tp + counts.fp} of {counts.total}", f"{sum(i.positive for i in items)} labelled Biased"))
    words = word_level(items, threshold)
    results.append(Result(CORPUS, RULE, "word hit rate", fmt(words.hit_rate), f"{words.words_hit} of {words.words} annotated biased words covered"))
    results.append(
        Result(CORPUS, RULE, "word span precision", fmt(words.span_precision), f"{words.spans_on_word} of {words.spans} spans in annotated sentences")
    )
    if lost:
        results.append(Result(CORPUS, RULE, "annotations not placed", str(lost), "word not found in its sentence"))
    results.extend(Result(CORPUS, RULE, metric, value) for metric, value in curve_rows(items))
    return results
