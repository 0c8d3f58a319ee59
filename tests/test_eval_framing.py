"""Scoring logic of the BABE and WikiNPOV evaluations, on records written here."""

from __future__ import annotations

import pytest

from editlint.eval import EvalLinter
from editlint.eval import babe, wiki_npov
from editlint.eval.metrics import Counts


def test_macro_f1_averages_both_classes():
    c = Counts(tp=8, fp=2, fn=2, tn=8)
    assert babe.macro_f1(c) == pytest.approx(0.8)
    only_negatives_right = Counts(tp=0, fp=0, fn=10, tn=10)
    assert babe.macro_f1(only_negatives_right) == pytest.approx((0 + 2 * 0.5 * 1 / 1.5) / 2)


def test_sentence_counts_follow_the_threshold():
    items = [
        babe.Scored(True, [babe.Finding(0, 3, 0.9)]),
        babe.Scored(True, [babe.Finding(0, 3, 0.5)]),
        babe.Scored(False, [babe.Finding(0, 3, 0.55)]),
        babe.Scored(False, []),
    ]
    assert babe.sentence_counts(items, 0.5) == Counts(tp=2, fp=1, fn=0, tn=1)
    assert babe.sentence_counts(items, 0.6) == Counts(tp=1, fp=0, fn=1, tn=2)
    rows = dict(babe.curve_rows(items, [0.5, 0.6]))
    assert rows["curve min-confidence=0.6"].startswith("P=1.000 R=0.500")


def test_word_level_hit_rate_and_span_precision():
    items = [
        # two annotated words, one covered; two spans, one on a word
        babe.Scored(True, [babe.Finding(0, 5, 0.9), babe.Finding(20, 25, 0.9)], [(0, 5), (10, 14)]),
        # a finding below the threshold does not count
        babe.Scored(True, [babe.Finding(0, 4, 0.3)], [(0, 4)]),
        # sentences without annotations are left out of both figures
        babe.Scored(False, [babe.Finding(0, 4, 0.9)], []),
    ]
    words = babe.word_level(items, 0.5)
    assert (words.words, words.words_hit, words.spans, words.spans_on_word) == (3, 1, 2, 1)
    assert words.hit_rate == pytest.approx(1 / 3) and words.span_precision == pytest.approx(0.5)


def test_annotated_words_are_checked_against_the_text():
    record = {
        "text": "Officials slammed the outrageous plan.",
        "spans": [
            {"start": 10, "end": 17, "label": "biased_word", "text": "slammed"},
            {"start": 0, "end": 5, "label": "biased_word", "text": "outrageous"},  # wrong offsets
            {"start": 0, "end": 3, "label": "biased_word", "text": "missing"},
            {"start": 0, "end": 3, "label": "other", "text": "Off"},
        ],
    }
    spans, lost = babe.annotated_words(record)
    assert spans == [(10, 17), (22, 32)] and lost == 1


class FakeDiagnostic:
    def __init__(self, code, start, end, confidence):
        from editlint.document import Span

        self.code, self.span, self.confidence = code, Span(start, end), confidence


class FakeLint:
    """Reports BAL002 on 'slammed' (0.85) and 'so-called' (0.5), BAL003 on 'critics say'."""

    def __init__(self):
        self.calls = []

    def lint(self, text, select, *, options=None, settings=None, path="record.txt"):
        self.calls.append((tuple(select), options))
        out = []
        for word, code, conf in (("slammed", "BAL002", 0.85), ("so-called", "BAL002", 0.5), ("critics say", "BAL003", None)):
            at = text.lower().find(word)
            if at != -1 and code in select:
                out.append(FakeDiagnostic(code, at, at + len(word), conf))
        return out


BABE_RECORDS = [
    {"text": "Officials slammed the plan.", "label": "Biased", "spans": [{"start": 10, "end": 17, "label": "biased_word", "text": "slammed"}]},
    {"text": "The so-called plan passed.", "label": "Biased", "spans": [{"start": 4, "end": 13, "label": "biased_word", "text": "so-called"}]},
    {"text": "The plan passed on Monday.", "label": "Biased", "spans": []},
    {"text": "Officials slammed the door.", "label": "Non-biased", "spans": []},
    {"text": "The plan passed.", "label": "Non-biased", "spans": []},
    {"text": "Nobody agreed on this one.", "label": "No agreement", "spans": []},
]


def test_babe_scores_at_threshold_zero_and_skips_no_agreement():
    lint = FakeLint()
    items, lost = babe.score_records(BABE_RECORDS, lint)
    assert len(items) == 5 and lost == 0
    assert all(options == {"BAL002": {"min-confidence": 0.0}} for _, options in lint.calls)
    assert babe.sentence_counts(items, 0.6) == Counts(tp=1, fp=1, fn=2, tn=1)
    assert babe.sentence_counts(items, 0.0) == Counts(tp=2, fp=1, fn=1, tn=1)


def test_babe_evaluate_reports_the_default_threshold_and_the_curve():
    results = {r.metric: r for r in babe.evaluate(BABE_RECORDS, FakeLint())}
    assert babe.default_threshold() == 0.6
    assert results["sentence precision"].value == "0.500"
    assert results["sentence recall"].value == "0.333"
    assert results["word hit rate"].value == "0.500"
    assert results["word span precision"].value == "1.000"
    assert results["sentences flagged"].value == "2 of 5"
    assert "curve min-confidence=0.5" in results


def test_balanced_precision_reweights_negatives():
    # 10 positives (8 found), 100 negatives (10 flagged): P = 8/18, balanced = 0.8/(0.8+0.1)
    c = Counts(tp=8, fn=2, fp=10, tn=90)
    assert c.precision == pytest.approx(8 / 18)
    assert wiki_npov.balanced_precision(c) == pytest.approx(0.8 / 0.9)
    assert wiki_npov.balanced_precision(Counts()) == 0.0


NPOV_RECORDS = [
    {"text": "Officials slammed the plan.", "label": "biased", "meta": {"subset": "statements_biased"}},
    {"text": "Critics say it failed.", "label": "biased", "meta": {"subset": "statements_biased"}},
    {"text": "The so-called plan passed.", "label": "biased", "meta": {"subset": "statements_biased"}},
    {"text": "It rained.", "label": "neutral", "meta": {"subset": "featured"}},
    {"text": "Critics say the door slammed.", "label": "neutral", "meta": {"subset": "featured"}},
    {"text": "The plan passed.", "label": "neutral", "meta": {"subset": "cw-hard"}},
]


def test_wiki_npov_tally_per_code_combined_and_subsets():
    preds = wiki_npov.predictions(NPOV_RECORDS, FakeLint(), ["BAL002", "BAL003"])
    counts, subsets = wiki_npov.tally(wiki_npov.at_threshold(preds, {"BAL002": 0.6}), ["BAL002", "BAL003"])
    assert counts["BAL002"] == Counts(tp=1, fp=1, fn=2, tn=2)
    assert counts["BAL003"] == Counts(tp=1, fp=1, fn=2, tn=2)
    assert counts["BAL002+BAL003"] == Counts(tp=2, fp=1, fn=1, tn=2)
    assert subsets == {"featured": {"n": 2, "BAL002": 1, "BAL003": 1, "BAL002+BAL003": 1}, "cw-hard": {"n": 1, "BAL002": 0, "BAL003": 0, "BAL002+BAL003": 0}}
    # with a lower BAL002 threshold the so-called sentence counts
    counts, _ = wiki_npov.tally(wiki_npov.at_threshold(preds, {"BAL002": 0.5}), ["BAL002"])
    assert counts == {"BAL002": Counts(tp=2, fp=1, fn=1, tn=2)}


def test_wiki_npov_evaluate_end_to_end_with_the_real_rules():
    """A real run on records written here (no corpus needed)."""
    records = [
        {"text": "The senator slammed the draconian bill.", "label": "biased", "meta": {"subset": "statements_biased"}},
        {"text": "The bill passed on Tuesday.", "label": "neutral", "meta": {"subset": "featured"}},
    ]
    results = wiki_npov.evaluate(records, EvalLinter())
    bal002 = {r.metric: r.value for r in results if r.rule == "BAL002"}
    assert bal002["sentence precision"] == "1.000" and bal002["sentence recall"] == "1.000"
    assert bal002["false alarms on featured"] == "0.000"


def test_babe_evaluate_end_to_end_with_the_real_rule():
    records = [
        {"text": "The senator slammed the bill.", "label": "Biased", "spans": [{"start": 12, "end": 19, "label": "biased_word", "text": "slammed"}]},
        {"text": "The senator opposed the bill.", "label": "Non-biased", "spans": []},
    ]
    results = {r.metric: r.value for r in babe.evaluate(records, EvalLinter())}
    assert results["sentence F1"] == "1.000" and results["word hit rate"] == "1.000"
