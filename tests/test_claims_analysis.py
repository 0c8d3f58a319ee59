"""The claims analysis: attribution, claim scoring, one code per phrase, the seed."""

from __future__ import annotations

import pytest

from editlint.config import Config
from editlint.document import parse
from editlint.engine import Linter
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.rules.claims import analysis as an
from editlint.rules.claims import summarise
from editlint.rules.claims.analysis import claims_analysis, writer_voice
from editlint.rules.claims.scoring import DAMPER_WEIGHTS, SIGNAL_WEIGHTS, Signals, score

CODES = ["CIT001", "CIT002", "CIT003", "BAL003", "BAL004"]


def lint(text: str, path: str = "draft.md", select=CODES, rules=None):
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config(rules=rules or {}))
    return Linter(host, registry, config, select=list(select)).check(parse(text, path))


def facts_of(text: str, path: str = "draft.txt"):
    doc = parse(text, path)
    return doc, claims_analysis(doc).sentences


def attribution(text: str):
    """(kind, actor) of the first attribution of the first sentence."""
    doc, sentences = facts_of(text)
    atts = sentences[0].attributions
    return (atts[0].kind, atts[0].actor) if atts else None


# -- attribution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Reuters reported that the deal collapsed.", ("named", "Reuters")),
        ("The Pentagon has announced it will withdraw 5,000 troops.", ("named", "Pentagon")),
        ("He said the talks would resume.", ("named", "he")),
        ("According to the foreign ministry, 40 people died.", ("named", "the foreign ministry")),
        ("Per reporting by Alalam News, the talks stalled.", ("named", "Alalam News")),
        ("The ministry's statement put the toll at 40.", ("named", "ministry")),
        ("Reuters' report put the toll at 40.", ("named", "Reuters")),
        ("Mortgage approvals fell, official Bank of England figures showed.", ("named", "Bank of England")),
        ("Prices will rise, said analyst Orin Vale of Barclays.", ("named", "Orin Vale of Barclays")),
        ("Sources said 300 troops had moved.", ("vague", "sources")),
        ("Two senior officials said 40 people died.", ("vague", "two senior officials")),
        ("According to multiple reports published on 2 May, 40 people died.", ("vague", "multiple reports")),
        ("It is understood that the minister resigned.", ("vague", "it is understood")),
        ("The envoy is said to have fled to Dubai.", ("vague", "is said")),
        ("Critics argue the deal rewards Tehran.", ("group", "critics")),
        ("Many believe the war is lost.", ("group", "many")),
        ("Observers in Gölcük believe the shipyard is unsafe.", ("group", "observers in gölcük")),
        ("The plan is widely seen as a climbdown.", ("group", "is widely seen")),
        ("I think the figures are wrong.", ("writer", "i")),
        ("Research group Halvorsen Data estimates sales will reach 200,000 in 2025.", ("named", "Halvorsen Data")),
        ("She noted the levy would cost Gölcük’s yards £4m a year.", ("named", "she")),
        ("Growth will slow to 1.1% next year, the central bank forecast.", ("named", "the central bank")),
        ("Some authors have suggested that the yard was never profitable.", ("group", "some authors")),
        ("The yard is considered by many to be unsafe.", ("group", "considered by many")),
        ("The envoy is also alleged to have fled to Dubai.", ("vague", "is also alleged")),
        ("The envoy is believed to have fled to Dubai.", ("group", "is believed")),
        ("UKIP officials said the count was wrong.", ("named", "UKIP")),
        ("In a report published in July the committee stated that 40 yards closed.", ("named", "the committee")),
    ],
)
def test_attribution_kinds(text, expected):
    assert attribution(text) == expected


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Forty people died ([report](https://www.presstv.ir/Detail/1)).", "presstv.ir"),
        ("Forty people died ([report](presstv.ir/Detail/1)).", "presstv.ir"),
        ("Forty people died ([report](presstv.ir?id=1)).", "presstv.ir"),
        ("Forty people died ([notes](#toll)).", "#toll"),
        ("Forty people died.[^1]\n\n[^1]: Ministry figures.", "footnote"),
    ],
)
def test_link_attribution_names_the_host(text, actor):
    doc = parse(text, "draft.md")
    atts = claims_analysis(doc).sentences[0].attributions
    assert [(a.kind, a.actor, a.verb) for a in atts][:1] == [("named", actor, "link")]


@pytest.mark.parametrize(
    "text",
    [
        "The firm added 300 jobs in May.",  # "added" with an object is an event
        "London may find itself isolated.",  # "find" with a name but no statement
        "Multiple reports were published on Friday.",  # "reports" is a noun
        "The United States imposed sanctions in 2018.",  # "States" is a name
        "That said, the deal survived.",  # a discourse marker
        "They hope to publish the data in June.",  # an infinitive
        "The economic figures come on the back of increased fears of a slowdown.",  # "fears" is a noun
        "The firm added 300 jobs and was bought in May.",  # an object, then a second verb
        "The weather forecast is for rain on Tuesday.",  # a noun
    ],
)
def test_not_attributions(text):
    assert attribution(text) is None


def test_carry_forward_distance_and_breaks():
    _, sentences = facts_of("Reuters reported the deal. It moves 5,000 troops. It costs $2bn. It ends in 2027. However, Berlin paid $1bn.")
    assert [f.carry for f in sentences] == [0, 1, 2, 3, None]
    assert sentences[2].covered(2) and not sentences[3].covered(2)


def test_carry_stops_at_the_paragraph():
    _, sentences = facts_of("Reuters reported the deal.\n\nIt moves 5,000 troops.\n")
    assert sentences[1].carry is None


# -- claim scoring -----------------------------------------------------------------------


def test_score_combines_signals_and_dampers():
    figure = Signals()
    figure.add("number")
    stronger = Signals(figure.mask)
    stronger.add("actor")
    stronger.add("event")
    damped = Signals(stronger.mask)
    damped.damp("prescription")
    assert 0 < score(figure) < score(stronger) <= 1
    assert score(damped) < score(stronger)
    assert score(Signals(stronger.mask, question=True)) == 0.0
    assert score(Signals()) == 0.0
    named_only = Signals()
    named_only.add("actor")
    assert score(named_only) == 0.0  # a name alone is not a claim candidate


def test_every_signal_and_damper_has_a_weight_and_a_bit():
    for name in SIGNAL_WEIGHTS:
        s = Signals()
        s.add(name)
        assert s.found == {name}
    for name in DAMPER_WEIGHTS:
        s = Signals()
        s.damp(name)
        assert s.dampers == {name}


@pytest.mark.parametrize(
    "text, low",
    [
        ("Did the army move 5,000 troops in 2024?", True),
        ("Washington should send $6bn before the talks resume.", True),
        ("If the talks collapse, Tehran would enrich to 90% within weeks.", True),
        ("The drawdown could cost the German economy $1bn a year.", True),
        ("What is clear is that the gap gave commentators a window.", True),
        ("The army moved 5,000 troops to the border in 2024.", False),
        ("Inflation rose to 4.2% in March, the highest since 1991.", False),
    ],
)
def test_claims_and_not_claims(text, low):
    _, sentences = facts_of(text)
    assert (sentences[0].confidence < 0.4) is low


@pytest.mark.parametrize(
    "text, signal, found",
    [
        ("Nadia Kovač became the first woman to run the Gölcük shipyard.", "record", True),
        ("Exports reached a record high in March.", "record", True),
        ("The yard has never made a profit.", "record", True),
        ("Number one, the yard needs a buyer.", "record", False),  # a list, not a rank
        ("World number one Ana Kovač won again.", "record", False),  # a title
        ("She scored in the first half.", "record", False),
        ("Fifty-five countries signed the accord.", "count", True),
        ("A third of the yard's workers lost their jobs.", "count", True),
        ("Turnout was fifty per cent.", "percent", True),
        ("Fewer people work at the yard now.", "trend", True),
        ("Fewer people worked at the yard in the 1990s.", "trend", False),
        ("The yard has cut its workforce.", "perfect", True),
        ("The yard closed a dock and has grown since.", "perfect", False),  # the simple past already counts
        ("Officials from Berlin, Paris and Rome backed the plan.", "actors", True),
        ("Berlin backed the plan.", "actors", False),
        # plans and forecasts damp as the future
        ("Interest rates are set to rise for the fourth time in five months.", "future", True),
        ("The board is expected to meet on Monday to discuss the £790m offer.", "future", True),
        ("The talent show is to return for a second series in 2026.", "future", True),
        ("The single is on course to reach number one on Sunday.", "future", True),
        ("The board met on Monday to discuss the £790m offer.", "future", False),
        ("The set of 12 stamps sold out in 2024.", "future", False),
    ],
)
def test_claim_signals_and_dampers(text, signal, found):
    _, sentences = facts_of(text)
    signals = sentences[0].signals
    assert (signal in signals.found | signals.dampers) is found


def test_first_person_commitments_are_not_claims():
    _, sentences = facts_of("We propose a £4m levy on the yards.")
    assert "first-person-opinion" in sentences[0].signals.dampers
    _, sentences = facts_of("We saw support for the £4m levy fall.")
    assert "first-person-opinion" not in sentences[0].signals.dampers


def test_quoted_figures_are_not_the_writers():
    _, sentences = facts_of('"We lost 700,000 jobs in 2009 alone," a voter shouted.')
    assert not sentences[0].numbers and sentences[0].confidence < 0.4


def test_writer_voice_blanks_quotes_and_keeps_offsets():
    doc = parse("He said: “We moved 5,000 troops.” Then he left.\n", "a.txt")
    voice = writer_voice(doc)
    assert len(voice) == len(doc.text)
    assert "5,000" not in voice and "Then he left." in voice


def test_epistemic_may_only():
    _, general = facts_of("Symptoms may include a mild fever.")
    _, speculative = facts_of("The envoy may have left Vienna already.")
    _, month = facts_of("The envoys met in May.")
    assert not general[0].hedges and speculative[0].hedges and not month[0].hedges
    _, identity = facts_of("One of the carvings may be the oldest image of the Moon.")
    assert identity[0].hedges


def test_seems_with_an_adjective_of_likelihood_hedges():
    _, sentences = facts_of("It seems probable that the raven died out in 1948.")
    assert sentences[0].hedges
    _, sentences = facts_of("The raven seems tame.")
    assert not sentences[0].hedges


# -- one code per phrase, one analysis per document --------------------------------------------

DRAFT = """Sources said 300 troops moved to the border on Tuesday. Critics argue the deployment is reckless.
Many believe the talks are over. Reports suggest the deal collapsed in May 2026.

The US keeps 35,000 troops in Germany. "We will not move them," the minister said.

The talks could collapse. Tehran might enrich further. Washington would likely respond.
"""


def test_a_phrase_gets_one_code_and_its_sentence_no_cit001():
    diagnostics = lint(DRAFT).diagnostics
    by_sentence: dict[int, set[str]] = {}
    doc = parse(DRAFT, "draft.md")
    starts = [s.span for s in doc.sentences]
    for d in diagnostics:
        for i, span in enumerate(starts):
            if span.start <= d.span.start < span.end:
                by_sentence.setdefault(i, set()).add(d.code)
    for codes in by_sentence.values():
        assert not {"CIT002", "BAL003"} <= codes
        if codes & {"CIT002", "BAL003"}:
            assert "CIT001" not in codes
    found = [d.code for d in diagnostics]
    assert found.count("CIT002") == 2 and found.count("BAL003") == 2
    assert "CIT001" in found and "BAL004" in found


def test_the_analysis_runs_once_per_document(monkeypatch):
    calls = []
    real = an._analyse
    monkeypatch.setattr(an, "_analyse", lambda doc: calls.append(doc) or real(doc))
    lint(DRAFT)
    assert len(calls) == 1


def test_cit001_confidence_and_signals_in_data():
    [d] = [d for d in lint("The US keeps 35,000 troops in Germany.\n").diagnostics if d.code == "CIT001"]
    assert d.confidence == d.data["confidence"] and 0.4 <= d.confidence <= 1
    assert "number" in d.data["signals"]


def test_min_confidence_zero_reports_every_candidate():
    text = "Germany is an ally. Envoys from Vienna visited Berlin.\n"
    default = [d for d in lint(text).diagnostics if d.code == "CIT001"]
    everything = [d for d in lint(text, rules={"CIT001": {"min-confidence": 0.0}}).diagnostics if d.code == "CIT001"]
    assert len(everything) > len(default)
    assert all(d.confidence > 0 for d in everything)


# -- the document summary ------------------------------------------------------------------------


def test_summary_counts_actors_and_hedges():
    report = lint("Reuters reported the deal. The Pentagon said it moved 5,000 troops. Sources said 300 more left.\n\nThe talks could collapse.\n")
    summary = report.summary
    assert summary["attributions"]["Reuters"] == 1 and summary["attributions"]["Pentagon"] == 1
    assert summary["attributions"]["unnamed: sources"] == 1
    assert summary["hedged-sentences"] == {"hedged": 1, "sentences": 4, "share": 0.25}


def test_summary_is_absent_when_no_claims_rule_ran():
    doc = parse("Reuters reported the deal.\n", "a.md")
    from editlint.rules.claims import editlint_document_summary

    assert editlint_document_summary(doc, []) is None
    claims_analysis(doc)
    assert editlint_document_summary(doc, []) == summarise(claims_analysis(doc))


# -- the seed draft ---------------------------------------------------------------------------------


def _codes_on(report, doc, needle: str) -> set[str]:
    start = doc.text.index(needle)
    sentence = next(s for s in doc.sentences if s.span.start <= start < s.span.end)
    return {d.code for d in report.diagnostics if sentence.span.start <= d.span.start < sentence.span.end}


def test_seed_three_sentences(seed_text):
    doc = parse(seed_text, "seed.txt")
    report = lint(seed_text, path="seed.txt")
    assert "CIT001" in _codes_on(report, doc, "The US maintains tens of thousands of soldiers")
    assert not _codes_on(report, doc, "Reuters reported that the decision is connected")
    assert not _codes_on(report, doc, "What is clear is that")


SEED_LIKE = """Drawdown and Diplomatic Freeze

According to the Pentagon, 5,000 US troops will leave Germany within a year. Reuters reported that the decision is tied to disputes within NATO over Iran.
What is clear is that the three-week gap gave commentators a window to publish prescriptions.
The US maintains tens of thousands of soldiers across European bases.
"""


def test_seed_like_draft():
    doc = parse(SEED_LIKE, "draft.txt")
    report = lint(SEED_LIKE, path="draft.txt")
    assert "CIT001" in _codes_on(report, doc, "The US maintains tens of thousands")
    assert not _codes_on(report, doc, "Reuters reported that")
    assert not _codes_on(report, doc, "According to the Pentagon")
    assert not _codes_on(report, doc, "What is clear is that")


# -- robustness ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        '"',
        '"Only a quotation that never closes',
        "said said said said.",
        "According to.",
        "Per.",
        "It is.",
        "?" * 50,
        "Sources " * 2000 + "said.",
        "İstanbul’s governor said 40 people died. ﬁgures showed 12% growth.",
    ],
)
def test_odd_drafts_do_not_crash(text):
    report = lint(text, path="draft.txt")
    assert not report.internal_error


def test_the_analysis_does_not_depend_on_hash_order(tmp_path):
    """Cue words come out of sets: the result must not depend on PYTHONHASHSEED."""
    import json
    import os
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT + SEED_LIKE, encoding="utf-8")
    script = (
        "import json, sys\n"
        "from editlint.document import parse\n"
        "from editlint.rules.claims.analysis import claims_analysis\n"
        "doc = parse(open(sys.argv[1], encoding='utf-8').read(), 'draft.txt')\n"
        "an = claims_analysis(doc)\n"
        "print(json.dumps([[f.confidence, f.weasel_code, [[a.kind, a.actor, a.verb, list(a.span)] for a in f.attributions]] for f in an.sentences]))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())


# -- quotations ------------------------------------------------------------------------


def test_flattened_quotation_paragraphs_are_paired_again():
    text = 'He said: "We stay. "We talk to Tehran. "We wait." The talks ended on Friday.'
    doc = parse(text, "draft.txt")
    assert [text[s.start : s.end] for s in an.speech_spans(doc)] == ['"We stay. ', '"We talk to Tehran. ', '"We wait."']
    voice = writer_voice(doc)
    assert "Tehran" not in voice and "The talks ended on Friday." in voice


@pytest.mark.parametrize(
    "text",
    [
        'He said: "We stay," and left. "We talk," she said.',  # pairs correctly already
        'He said: “We stay. "We talk." We wait.',  # curly marks pair by direction: left alone
    ],
)
def test_quotations_that_pair_are_not_paired_again(text):
    doc = parse(text, "draft.txt")
    assert an.speech_spans(doc) == doc.quotes
