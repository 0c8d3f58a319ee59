"""The evaluation command's framework: metrics, corpus discovery, README update.

Scorer-specific logic is tested beside each family (tests/test_eval_*.py);
none of these tests needs the shared corpora.
"""

from __future__ import annotations

import json

import pytest

from editlint.eval import EvalLinter, Result, headlines, render, run
from editlint.eval.__main__ import END, START, main, update_readme
from editlint.eval.metrics import Counts, average_precision, best_threshold


class TestCounts:
    def test_precision_recall_f1(self):
        c = Counts()
        for predicted, actual in [(True, True), (True, True), (True, False), (False, True), (False, False)]:
            c.add(predicted, actual)
        assert (c.tp, c.fp, c.fn, c.tn) == (2, 1, 1, 1)
        assert c.precision == pytest.approx(2 / 3)
        assert c.recall == pytest.approx(2 / 3)
        assert c.f1 == pytest.approx(2 / 3)

    def test_empty_counts_are_zero_not_errors(self):
        assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


class TestAveragePrecision:
    def test_perfect_and_reversed_rankings(self):
        assert average_precision([0.9, 0.8, 0.1, 0.0], [True, True, False, False]) == 1.0
        # positives ranked 3rd and 4th: (1/3 + 2/4) / 2
        assert average_precision([0.0, 0.1, 0.8, 0.9], [True, True, False, False]) == pytest.approx((1 / 3 + 2 / 4) / 2)

    def test_ties_count_at_the_end_of_the_group(self):
        # all tied: precision at the group's end is 2/4 for both positives
        assert average_precision([0.5] * 4, [True, False, True, False]) == pytest.approx(0.5)

    def test_no_positives(self):
        assert average_precision([0.3, 0.2], [False, False]) == 0.0


def test_best_threshold_respects_minimum_precision():
    scores = [0.9, 0.8, 0.7, 0.6, 0.2]
    labels = [True, False, True, True, False]
    threshold, counts = best_threshold(scores, labels)
    assert threshold == 0.6 and counts.tp == 3 and counts.fp == 1
    threshold, counts = best_threshold(scores, labels, min_precision=0.9)
    assert threshold == 0.9 and counts.precision == 1.0


def test_missing_corpora_are_reported_as_skipped(tmp_path):
    results = run(tmp_path, only=["claimbuster"])
    assert [(r.corpus, r.metric) for r in results] == [("claimbuster.jsonl", "skipped")]
    assert str(tmp_path) in results[0].note


def test_eval_linter_lints_records_as_documents():
    lint = EvalLinter()
    found = lint.lint("Talks on SaudiIsraeli ties resumed.", select=["NAM001"])
    assert [d.code for d in found] == ["NAM001"]
    assert lint.lint("Plain text.", select=["NAM001"]) == []


def test_headlines_and_rendering():
    results = [
        Result("claimbuster.jsonl", "CIT001", "at min-confidence 0.4: F1", "0.700"),
        Result("claimbuster.jsonl", "CIT001", "not a headline", "1"),
    ]
    assert [r.metric for r in headlines(results)] == ["at min-confidence 0.4: F1"]
    table = render(results, "markdown").splitlines()
    assert table[0] == "| corpus | rule | metric | value | note |"
    assert table[2] == "| claimbuster.jsonl | CIT001 | at min-confidence 0.4: F1 | 0.700 |  |"
    assert json.loads(render(results, "json"))[1]["metric"] == "not a headline"


def test_update_readme_replaces_only_the_marked_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{START}\nold\n{END}\noutro\n", encoding="utf-8")
    update_readme(readme, "new table")
    assert readme.read_text(encoding="utf-8") == f"intro\n{START}\nnew table\n{END}\noutro\n"


def test_command_writes_readme_and_full_table(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {"id": "1", "text": "The tax rose by 12 percent in 2019.", "label": "CFS", "spans": [], "meta": {}}
    (corpus / "claimbuster.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(f"{START}\n{END}\n", encoding="utf-8")
    assert main(["--corpus-dir", str(corpus), "--only", "claimbuster", "--update-readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "| claimbuster.jsonl | CIT001 | at min-confidence 0.4: precision | 1.000 |" in text
    assert (tmp_path / "docs" / "evaluation.md").read_text(encoding="utf-8").startswith("# Evaluation figures")
