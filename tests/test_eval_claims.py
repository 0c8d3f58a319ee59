"""Scoring logic of the ClaimBuster and CoNLL-2010 evaluations, on records written here."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from editlint.eval import EvalLinter, claimbuster, conll2010


@dataclass
class Found:
    code: str
    confidence: float | None = None


class StubLinter:
    """Answers lint() from a table: text -> diagnostics; records the calls."""

    def __init__(self, table):
        self.table = table
        self.calls = []

    def lint(self, text, select, *, options=None, settings=None, path="record.txt"):
        self.calls.append((text, tuple(select), options))
        return [d for d in self.table.get(text, []) if d.code in select]


def test_record_score_takes_the_best_cit001_confidence():
    assert claimbuster.record_score([Found("CIT001", 0.3), Found("CIT001", 0.7), Found("CIT002", 0.9)]) == 0.7
    assert claimbuster.record_score([]) == 0.0


def test_counts_at_a_threshold():
    counts = claimbuster.counts_at([0.9, 0.5, 0.2, 0.0], [True, False, True, False], 0.4)
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 1, 1, 1)
    everything = claimbuster.counts_at([0.9, 0.5, 0.2, 0.0], [True, False, True, False], 0.0)
    assert (everything.tp, everything.fp, everything.fn, everything.tn) == (2, 1, 0, 1)  # score 0 never fires


def test_claimbuster_evaluate_on_written_records():
    records = [
        {"text": "We cut taxes by $500bn.", "label": "CFS", "meta": {"sentence_id": 2}},
        {"text": "Thank you for the question.", "label": "NCS", "meta": {"sentence_id": 3}},
        {"text": "I think we can do better.", "label": "NCS", "meta": {"sentence_id": 4}},
        {"text": "Unemployment fell to 4%.", "label": "CFS", "meta": {"sentence_id": 5}},
    ]
    lint = StubLinter(
        {
            "We cut taxes by $500bn.": [Found("CIT001", 0.9)],
            "I think we can do better.": [Found("CIT001", 0.2)],
            "Unemployment fell to 4%.": [Found("CIT001", 0.3)],
        }
    )
    results = {r.metric: r for r in claimbuster.evaluate(records, lint)}
    threshold = claimbuster.default_threshold()
    assert all(call[2] == {"CIT001": {"min-confidence": 0.0}} for call in lint.calls)
    key = f"at min-confidence {threshold:g}:"
    if 0.3 < threshold <= 0.9:
        assert results[f"{key} precision"].value == "1.000"
        assert results[f"{key} recall"].value == "0.500"
    # ranking: 0.9 (CFS), 0.3 (CFS), 0.2 (NCS), 0 (NCS): perfect
    assert results["average precision (min-confidence 0)"].value == "1.000"
    assert results["best-F1 threshold"].value == "0.3"
    assert "even half" in " ".join(results) and "odd half (held out)" in " ".join(results)


def test_claimbuster_default_threshold_is_the_rules():
    from editlint.rules.claims.rules import UncitedClaim

    assert claimbuster.default_threshold() == UncitedClaim.options["min-confidence"]


def test_conll_fired_and_tally():
    assert conll2010.fired([Found("BAL003"), Found("CIT001"), Found("BAL004")], conll2010.CODES) == {"BAL003", "BAL004"}
    counts = conll2010.tally([({"BAL003"}, True), ({"BAL004"}, False), (set(), True), ({"BAL003", "BAL004"}, True)])
    assert (counts["all"].tp, counts["all"].fp, counts["all"].fn) == (2, 1, 1)
    assert (counts["BAL003"].tp, counts["BAL003"].fp) == (2, 0)
    assert (counts["BAL004"].tp, counts["BAL004"].fp, counts["BAL004"].fn) == (1, 1, 2)


def test_conll_evaluate_reports_combined_each_code_and_defaults():
    records = [
        {"text": "Critics say it is the best.", "label": "uncertain"},
        {"text": "It may well be older.", "label": "uncertain"},
        {"text": "The river is 40 km long.", "label": "certain"},
        {"text": "The town might be older.", "label": "certain"},
    ]
    lint = StubLinter(
        {
            "Critics say it is the best.": [Found("BAL003")],
            "It may well be older.": [Found("BAL004")],
            "The town might be older.": [Found("BAL004")],
        }
    )
    results = conll2010.evaluate(records, lint)
    rows = {(r.rule, r.metric): r.value for r in results}
    assert rows[("BAL003+BAL004", "uncertain precision")] == "0.667"
    assert rows[("BAL003+BAL004", "uncertain recall")] == "1.000"
    assert rows[("BAL003", "alone precision")] == "1.000"
    assert rows[("BAL004", "alone recall")] == "0.500"
    # the sentence-level run sets min-sentences = 1; the default run does not
    assert any(options == conll2010.SENTENCE_LEVEL for _, _, options in lint.calls)
    assert any(options is None and select == ("BAL004",) for _, select, options in lint.calls)
    assert rows[("BAL004", "at defaults (min-sentences 3)")].startswith("fires on 2 of 4")  # the stub ignores options


def test_conll_bal004_defaults_never_fire_on_one_sentence():
    """With the real rules, a one-sentence record is never a speculative paragraph."""
    lint = EvalLinter()
    text = "The town could be older than the castle, and it might have been founded earlier."
    assert not lint.lint(text, ["BAL004"])
    assert [d.code for d in lint.lint(text, ["BAL004"], options=conll2010.SENTENCE_LEVEL)] == ["BAL004"]


@pytest.mark.parametrize("module", [claimbuster, conll2010])
def test_scorers_name_their_corpus(module):
    assert module.CORPUS.endswith(".jsonl")
