"""Scoring logic of the names evaluations, on records written for these tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from editlint.eval import bbc
from editlint.eval import merged_propernouns as mp


@dataclass
class D:
    """A diagnostic reduced to what scoring reads."""

    span: tuple[int, int]
    severity: str
    data: dict = field(default_factory=dict)
    code: str = "NAM001"


def rec(text, *spans):
    out = []
    for label, word, correction in spans:
        start = text.index(word)
        item = {"start": start, "end": start + len(word), "label": label, "text": word}
        if correction:
            item["correction"] = correction
        out.append(item)
    return {"text": text, "spans": out}


POS, DNF = mp.POSITIVE, mp.DO_NOT_FLAG


def test_case_stats_decide_ordinary_words_from_text():
    stats = mp.CaseStats()
    stats.add_text("The short term plan. A long term view. Officials met Kestrel Varga.\nShort answers help. Kestrel said no.")
    assert stats.is_common("Term") and stats.is_common("short")
    assert not stats.is_common("Kestrel")  # only ever capitalised mid-sentence
    assert not stats.is_common("Varga")  # never seen in lower case


def test_categorize():
    stats = mp.CaseStats()
    stats.add_text("a short term deal in the long term, the high speed line")
    cats = {"Saudi": {"demonym"}, "Israeli": {"demonym"}, "Kilroy": set(), "Silk": set()}.get
    assert mp.categorize("Short-Term", stats, lambda p: set()) == "common"
    assert mp.categorize("Anti-Saudi", stats, lambda p: {"demonym"}) == "common"
    assert mp.categorize("Saudi-Israeli", stats, lambda p: cats(p, set())) == "entity"
    assert mp.categorize("Kilroy-Silk", stats, lambda p: cats(p, set())) == "proper"


def test_score_counts_hits_false_flags_and_do_not_flag_names():
    records = [
        rec("Talks on SaudiIsraeli ties.", (POS, "SaudiIsraeli", "Saudi-Israeli")),
        rec("More SaudiIsraeli news.", (POS, "SaudiIsraeli", "Saudi-Israeli")),
        rec("The BaskinRobbins shop.", (POS, "BaskinRobbins", "Baskin-Robbins")),
        rec("Shares in TalkTalk rose.", (DNF, "TalkTalk", None)),
        rec("Shares in GameCube fell.", (DNF, "GameCube", None)),
    ]
    diags = [
        [D((9, 21), "error", {"suggestion": "Saudi-Israeli"})],
        [],
        [D((4, 17), "warning", {"suggestion": "Baskin–Robbins"})],
        [D((10, 18), "warning")],
        [],
    ]
    t = mp.score(records, diags)
    assert (t["error"].tp, t["error"].fp) == (1, 0)
    assert (t["warning"].tp, t["warning"].fp) == (1, 1)
    assert (t["any"].tp, t["any"].fp) == (2, 1)
    assert t["warning"].dnf_flagged == {"TalkTalk"} and not t["error"].dnf_flagged
    assert t["any"].suggestion_ok == 2  # an en dash counts as the hyphen it stands for
    # dedup: "Saudi-Israeli" found in one of its two records counts 0.5, once
    assert mp.dedup_recall(t["error"].found) == (pytest.approx((0.5 + 0.0) / 2), 2)
    assert mp.dedup_recall(t["any"].found, ["Saudi-Israeli", "Baskin-Robbins"]) == (pytest.approx(0.75), 2)


def test_positives_inside_quotes_are_also_counted_apart():
    records = [rec('"SaudiIsraeli ties," she said.', (POS, "SaudiIsraeli", "Saudi-Israeli"))]
    t = mp.score(records, [[]], quoted=[[(0, 19)]])
    assert t["any"].found == {"Saudi-Israeli": [False]}
    assert t["any"].found_unquoted == {}


def test_report_rows():
    records = [
        rec("Talks on SaudiIsraeli ties.", (POS, "SaudiIsraeli", "Saudi-Israeli")),
        rec("The ShortTerm plan.", (POS, "ShortTerm", "Short-Term")),
        rec("Shares in TalkTalk rose.", (DNF, "TalkTalk", None)),
    ]
    t = mp.score(records, [[D((9, 21), "error", {"suggestion": "Saudi-Israeli"})], [], []])
    rows = {(r.rule, r.metric): r.value for r in mp.report(records, t, {"Saudi-Israeli": "entity", "Short-Term": "common"})}
    assert rows[("NAM001 errors", "recall, places/nations/organisations (dedup)")] == "1.000"
    assert rows[("NAM001 errors", "recall, common-word/prefix compounds (dedup, reported apart)")] == "0.000"
    assert rows[("NAM001 errors", "precision (per diagnostic)")] == "1.000"
    assert rows[("NAM001 warnings", "do-not-flag names flagged")] == "0.000"


def test_bbc_rates_and_tally():
    diags = [D((0, 1), "error"), D((2, 3), "warning"), D((4, 5), "warning", code="NAM002")]
    counts = bbc.tally(diags)
    assert counts == Counter({("NAM001", "error"): 1, ("NAM001", "warning"): 1, ("NAM002", "warning"): 1})
    assert bbc.rates(counts, 50_000)[("NAM002", "warning")] == pytest.approx(2.0)
    assert bbc.per_100k(3, 0) == 0.0
    assert bbc.count_words("Two  words\nand three") == 4


def test_bbc_default_codes_leave_provenance_out():
    codes = bbc.default_codes()
    assert "NAM001" in codes and "NAM002" in codes
    assert not any(c.startswith(("PRV", "EL")) for c in codes)
