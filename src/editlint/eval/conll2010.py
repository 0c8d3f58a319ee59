"""BAL003 + BAL004 on the CoNLL-2010 Wikipedia uncertainty sample.

Each record is one Wikipedia sentence labelled ``uncertain`` (it holds a
weasel word or a hedge) or ``certain``. A sentence is predicted uncertain
when BAL003 (weasel attribution) or BAL004 (speculation) reports anything
in it; the figures are given for the two codes together and for each alone.

BAL004 judges paragraphs: by default it needs three sentences
(``min-sentences = 3``), so on these one-sentence records it never fires,
which is reported as such. What it builds on, and what the corpus
annotates, is the sentence-level hedge signal; that is scored by running
BAL004 with ``min-sentences = 1`` (a one-sentence paragraph is then
speculative when its sentence hedges without attribution). The combined
figure uses that setting and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from editlint.eval import EvalLinter, Result
from editlint.eval.metrics import Counts, fmt, rows_for

CORPUS = "conll2010_wiki_uncertainty.jsonl"
POSITIVE = "uncertain"
CODES = ("BAL003", "BAL004")
#: BAL004 at sentence level: a one-sentence paragraph can be speculative.
SENTENCE_LEVEL = {"BAL004": {"min-sentences": 1}}


def fired(diagnostics: Iterable[Any], codes: Iterable[str]) -> set[str]:
    """The codes among ``codes`` that reported something."""
    wanted = set(codes)
    return {d.code for d in diagnostics if d.code in wanted}


def tally(predictions: Iterable[tuple[set[str], bool]]) -> dict[str, Counts]:
    """Confusion counts for the codes together (``all``) and each alone."""
    counts = {"all": Counts(), **{code: Counts() for code in CODES}}
    for codes, label in predictions:
        counts["all"].add(bool(codes), label)
        for code in CODES:
            counts[code].add(code in codes, label)
    return counts


def evaluate(records: list[dict[str, Any]], lint: EvalLinter, corpus_dir: Path | None = None) -> list[Result]:
    sentence_level: list[tuple[set[str], bool]] = []
    default_bal004 = Counts()
    for record in records:
        label = record.get("label") == POSITIVE
        text = record["text"]
        found = fired(lint.lint(text, list(CODES), options=SENTENCE_LEVEL, path="record.txt"), CODES)
        sentence_level.append((found, label))
        default_bal004.add(bool(fired(lint.lint(text, ["BAL004"], path="record.txt"), ["BAL004"])), label)
    counts = tally(sentence_level)
    out: list[Result] = []
    note = "fire = BAL003 or BAL004 (BAL004 min-sentences = 1)"
    out += [Result(CORPUS, "BAL003+BAL004", metric, value, note if metric.endswith(" n") else "") for metric, value in rows_for("uncertain", counts["all"])]
    out += [Result(CORPUS, "BAL003", metric, value) for metric, value in rows_for("alone", counts["BAL003"])]
    out += [Result(CORPUS, "BAL004", metric, value, "min-sentences = 1") for metric, value in rows_for("alone", counts["BAL004"])]
    out.append(
        Result(
            CORPUS,
            "BAL004",
            "at defaults (min-sentences 3)",
            f"fires on {default_bal004.tp + default_bal004.fp} of {default_bal004.total}",
            "one-sentence records are never a speculative paragraph",
        )
    )
    only_bal003 = sum(1 for codes, label in sentence_level if label and codes == {"BAL003"})
    only_bal004 = sum(1 for codes, label in sentence_level if label and codes == {"BAL004"})
    out.append(Result(CORPUS, "BAL003+BAL004", "true positives found by one code only", f"BAL003 {only_bal003}, BAL004 {only_bal004}", f"recall {fmt(counts['all'].recall)}"))
    return out
