"""BAL002/BAL005 helpers (voice, actor resolution), fixes and the seed draft."""

from __future__ import annotations

import pytest

from editlint.config import Config
from editlint.diagnostic import Applicability
from editlint.document import parse
from editlint.engine import Linter
from editlint.fixes import apply_fixes
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.rules.framing import AsymmetricLabels, LoadedLanguage, american_spelling, match_case
from editlint.rules.framing import voice
from editlint.rules.framing.labels import default_tables, find_label_uses, resolve_actor


def lint(text: str, select=("BAL002", "BAL005"), path="draft.md", options=None):
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config(rules=options or {}))
    doc = parse(text, path)
    return doc, Linter(host, registry, config, select=list(select)).check(doc).diagnostics


def span_of(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


# -- whose voice ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word, quoted",
    [
        ("Blair 'sorry' over rules", "sorry", True),
        ("They called it 'a draconian law' on Monday.", "draconian", True),
        ("Zarif's draconian plan and Ali's", "draconian", False),
        ("The Joneses' draconian plan", "draconian", False),
        ("It's a draconian plan, isn't it", "draconian", False),
    ],
)
def test_straight_single_quotes(text, word, quoted):
    doc = parse(text, "a.md")
    assert voice.in_single_quotes(doc, *span_of(text, word)) is quoted


def test_attribution_levels():
    text = "Critics said the law was draconian. What Tehran calls the Zionist regime replied. The Zionist regime, officials said, replied."
    doc = parse(text, "a.md")
    draconian = span_of(text, "draconian")
    assert voice.is_attributed(doc, *draconian, "speech")
    assert not voice.is_attributed(doc, *draconian, "naming")
    assert not voice.is_attributed(doc, *draconian, "none")
    assert voice.is_attributed(doc, *span_of(text, "Zionist regime"), "naming")
    # indirect speech does not license a partisan label
    assert not voice.is_attributed(doc, *span_of(text, "Zionist regime", 1), "naming")


def test_so_called_is_not_a_naming_cue():
    text = "The so-called reform camp backed the draconian plan."
    doc = parse(text, "a.md")
    assert not voice.is_attributed(doc, *span_of(text, "draconian"), "speech")


def test_names_and_sentence_starts():
    text = "She starred in Shameless. Shameless behaviour followed.\n\n# Shameless Plan\n"
    doc = parse(text, "a.md")
    assert voice.looks_like_name(doc, *span_of(text, "Shameless"), "shameless")
    assert not voice.looks_like_name(doc, *span_of(text, "Shameless", 1), "shameless")
    assert not voice.looks_like_name(doc, *span_of(text, "Shameless", 2), "shameless")  # headline case
    assert not voice.looks_like_name(doc, *span_of(text, "Shameless"), "Shameless")  # a name in the lexicon


def test_sentence_span_is_the_sentence_or_the_heading():
    text = "# A headline here\n\nFirst one. Second one is here.\n"
    doc = parse(text, "a.md")
    s = voice.sentence_span(doc, *span_of(text, "is"))
    assert text[s.start : s.end] == "Second one is here."
    h = voice.sentence_span(doc, *span_of(text, "headline"))
    assert text[h.start : h.end] == "A headline here"


def test_match_case_and_spelling():
    assert match_case("criticised", "Slammed") == "Criticised"
    assert match_case("criticised", "SLAMMED") == "CRITICISED"
    assert match_case("criticised", "slammed") == "criticised"
    assert american_spelling("criticised, organisation, recognising") == "criticized, organization, recognizing"
    assert american_spelling("advised, raised") == "advised, raised"


# -- actors (BAL005) -------------------------------------------------------------


@pytest.mark.parametrize(
    "tokens, actor, historical",
    [
        (["Iranian"], "Iran", False),
        (["Tehran's"], "Iran", False),
        (["The", "North", "Korean"], "North Korea", False),
        (["U.S."], "United States", False),
        (["Bashar", "al-Assad's"], "Syria", True),
        (["Nazi"], "Nazi", True),
        (["Maduro"], "Venezuela", False),
        (["Erdoğan"], "Turkey", False),
        (["Ruritanian"], "Ruritanian", False),
        (["The"], None, False),
    ],
)
def test_resolve_actor(tokens, actor, historical):
    assert resolve_actor(tokens, default_tables()) == (actor, historical)


def test_label_uses():
    text = "The sanctions regime and the regime in Tehran; Israel's government; the former Iraqi regime; the government of the day."
    doc = parse(text, "a.md")
    uses = find_label_uses(doc, default_tables())
    assert [(u.phrase(doc), u.actor, u.loaded, u.historical) for u in uses] == [
        ("regime in Tehran", "Iran", True, False),
        ("Israel's government", "Israel", False, False),
        ("Iraqi regime", "Iraq", True, True),
    ]


# -- diagnostics -------------------------------------------------------------------


def test_loaded_language_diagnostic_carries_a_display_only_suggestion():
    text = "The senator slammed the plan."
    doc, found = lint(text, ["BAL002"])
    (d,) = found
    assert d.fix.applicability is Applicability.DISPLAY
    assert d.fix.edits[0].replacement == "criticised"
    assert d.data["entry"] == "slam" and d.data["category"] == "emotive-verb"
    assert d.confidence == pytest.approx(0.85)
    assert apply_fixes(text, found, unsafe=True) == (text, 0)


def test_no_suggestion_edit_when_the_lexicon_gives_advice_only():
    _, (d,) = lint("The outrageous plan passed.", ["BAL002"])
    assert d.fix is None and "attribute the judgement" in d.message


def test_bal005_suggests_government():
    text = "The Iranian regime rejected what the US administration offered."
    doc, (d,) = lint(text, ["BAL005"])
    assert text[d.span.start : d.span.end] == "Iranian regime"
    assert d.fix.applicability is Applicability.DISPLAY and d.fix.edits[0].replacement == "government"
    assert d.data == {"actor": "Iran", "label": "regime", "other_actor": "United States", "other_label": "administration"}


def test_rules_are_registered_with_their_defaults():
    assert LoadedLanguage.default_enabled and LoadedLanguage.skip_quotes
    assert AsymmetricLabels.default_enabled and str(AsymmetricLabels.severity) == "info"


# -- the seed draft -------------------------------------------------------------------


def test_seed_never_gets_bal002_inside_quotes(seed_text):
    doc, found = lint(seed_text, ["BAL002"], path="seed.txt", options={"BAL002": {"min-confidence": 0.0}})
    assert all(not doc.in_quote(d.span) for d in found)


def test_seed_findings(seed_text):
    """The seed's framing problem is its sourcing, not its vocabulary.

    BAL002 reports one ascribed emotion ("governments ... have privately
    fretted", unsourced); BAL005 stays silent: the seed names no government a
    regime (its "sanctions regime" is the technical sense).
    """
    doc, found = lint(seed_text, path="seed.txt")
    assert [(d.code, seed_text[d.span.start : d.span.end]) for d in found] == [("BAL002", "fretted")]
