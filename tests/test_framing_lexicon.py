"""The loaded-language lexicon: data file checks, compilation and matching."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.rules.framing.lexicon import (
    Category,
    Lexicon,
    LexiconError,
    build_lexicon,
    compile_forms,
    custom_entries,
    default_entries,
    load_data,
    normalize,
    parse_lexicon,
    trie_regex,
)

CATEGORY = Category("custom", "loaded word", "speech")


def forms_found(lexicon: Lexicon, text: str) -> list[str]:
    return [text[h.start : h.end] for h in lexicon.finditer(text)]


# -- the bundled data file ------------------------------------------------------


def test_bundled_lexicon_loads_and_is_substantial():
    categories, entries = default_entries()
    assert len(entries) >= 90
    assert sum(len(e.forms) for e in entries) >= 500
    assert {"emotive-verb", "doubt-verb", "partisan-label", "emotive-label", "emotive-adjective", "euphemism"} <= set(categories)


def test_every_entry_cites_guidance_and_explains_itself():
    _, entries = default_entries()
    for entry in entries:
        assert entry.source, f"{entry.id} has no source"
        assert entry.note, f"{entry.id} has no note"
        assert 0 < entry.confidence <= 1


def test_no_form_belongs_to_two_entries_and_no_replacement_is_the_form_itself():
    _, entries = default_entries()
    lexicon = Lexicon(list(entries))  # raises on a duplicate form
    assert len(lexicon.by_form) == sum(len(e.forms) for e in entries)
    for entry in entries:
        for form, replacement in entry.forms.items():
            assert replacement is None or normalize(replacement) != form, (entry.id, form)


def test_regime_alone_is_not_in_the_lexicon():
    """Bare "regime" is BAL005's business (asymmetry), not a blanket BAL002 flag."""
    _, entries = default_entries()
    forms = {f for e in entries for f in e.forms}
    assert "regime" not in forms and "zionist regime" in forms


def test_label_tables_are_present():
    labels = load_data()["labels"]
    assert "regime" in labels["loaded"] and "government" in labels["neutral"]
    assert labels["actors"]["tehran"] == labels["actors"]["iranian"] == "Iran"


# -- validation -------------------------------------------------------------------

BASE = {"categories": {"emotive-verb": {"label": "loaded verb", "attribution": "none"}}, "sources": {"s": "a guide"}}


def entry(**overrides):
    raw = {"id": "slam", "category": "emotive-verb", "forms": {"slammed": "criticised"}, "source": "s", "note": "why"}
    raw.update(overrides)
    return {**BASE, "entry": [raw]}


def test_a_valid_entry_parses():
    _, entries = parse_lexicon(entry(**{"unless-next": ["into"]}))
    assert entries[0].forms == {"slammed": "criticised"}
    assert entries[0].attribution == "none"
    assert entries[0].unless_next.match(" into a wall")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"category": "nope"}, "unknown category"),
        ({"forms": {"slammed": ""}}, "need a 'suggest'"),
        ({"forms": []}, "needs 'forms'"),
        ({"confidence": 1.5}, "confidence"),
        ({"source": "elsewhere"}, "unknown source"),
        ({"colour": "red"}, "unknown keys"),
        ({"attribution": "sometimes"}, "attribution"),
        ({"unless-next": "into"}, "list of strings"),
    ],
)
def test_malformed_entries_are_rejected_with_their_name(overrides, message):
    with pytest.raises(LexiconError, match=message) as info:
        parse_lexicon(entry(**overrides))
    assert "'slam'" in str(info.value)


def test_duplicate_ids_and_forms_are_rejected():
    data = entry()
    data["entry"].append(dict(data["entry"][0]))
    with pytest.raises(LexiconError, match="duplicate id"):
        parse_lexicon(data)
    data["entry"][1] = {**data["entry"][0], "id": "other"}
    _, entries = parse_lexicon(data)
    with pytest.raises(LexiconError, match="appears in entries"):
        Lexicon(entries)


# -- compilation ------------------------------------------------------------------


def test_normalize_unifies_case_space_hyphens_and_apostrophes():
    assert normalize("  Lashed\n  OUT ") == "lashed out"
    assert normalize("so\u2011called") == "so-called"
    assert normalize("mullahs\u2019 regime") == "mullahs' regime"


words = st.lists(st.text(alphabet="abcde -'", min_size=1, max_size=6).map(str.strip).filter(bool), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(words, st.text(alphabet="abcde -'", max_size=8))
def test_trie_regex_matches_exactly_its_forms(forms, probe):
    forms = sorted({normalize(f) for f in forms if normalize(f)})
    pattern = re.compile(f"(?:{trie_regex(forms)})")
    for form in forms:
        text = form.replace("-", "\u2010")  # any hyphen matches "-"
        assert pattern.fullmatch(text), (forms, form)
    probe = normalize(probe)
    assert bool(pattern.fullmatch(probe)) == (probe in forms)


def test_whole_words_only_and_longest_form_wins():
    lexicon = Lexicon(custom_entries({"savage": "", "savage cuts": "deep cuts", "rant": "speech"}, CATEGORY))
    assert forms_found(lexicon, "Savage cuts; grant a warrant; rants; rant-free; a rant.") == ["Savage cuts", "rant"]
    assert forms_found(lexicon, "savage\ncuts") == ["savage\ncuts"]


def test_forms_after_an_opening_quote_or_inside_a_compound_are_skipped():
    lexicon = Lexicon(custom_entries({"terrorist": "militant"}, CATEGORY))
    assert forms_found(lexicon, "anti-terrorist 'terrorist' \"terrorist\" (terrorist) terrorist") == ["terrorist", "terrorist"]


def test_offsets_survive_text_whose_lower_case_is_longer():
    # "İ".lower() is two code points: the case-insensitive pattern takes over.
    lexicon = Lexicon(custom_entries({"slammed": "criticised"}, CATEGORY))
    text = "İstanbul's mayor slammed it; İ slammed"
    assert [text[h.start : h.end] for h in lexicon.finditer(text)] == ["slammed", "slammed"]


def test_a_form_may_open_the_text_or_a_window():
    lexicon = Lexicon(custom_entries({"slammed": "criticised"}, CATEGORY))
    text = "slammed, then slammed"
    assert [(h.start, h.end) for h in lexicon.finditer(text)] == [(0, 7), (14, 21)]
    assert [(h.start, h.end) for h in lexicon.finditer(text, 14)] == [(14, 21)]


def test_context_conditions():
    lexicon = build_lexicon(0.0)
    assert forms_found(lexicon, "The car slammed into a wall.") == []
    assert forms_found(lexicon, "She slammed the plan.") == ["slammed"]
    assert forms_found(lexicon, "The group claimed responsibility.") == []
    assert forms_found(lexicon, "The group claimed that it won.") == ["claimed"]
    assert forms_found(lexicon, "He denied claims that he lied, and Mr Ng's claim that it works.") == []
    assert forms_found(lexicon, "It was a backstreet abortionist.") == []
    assert forms_found(lexicon, "He faces terrorist offences; suspected terrorists fled.") == []


def test_compile_forms_gives_a_lower_case_and_a_case_blind_pattern():
    lower, any_case = compile_forms(["slammed"])
    assert lower.search(" slammed") and not lower.search(" SLAMMED")
    assert any_case.search(" SLAMMED")


# -- options ------------------------------------------------------------------------


def test_min_confidence_filters_entries():
    everything, default = build_lexicon(0.0), build_lexicon(0.6)
    assert len(default) < len(everything)
    assert all(e.confidence >= 0.6 for e in default.entries)
    assert "claimed" in everything.by_form and "claimed" not in default.by_form


def test_disable_by_id_or_by_form():
    by_id = build_lexicon(0.0, frozenset({"slam"}))
    assert "slammed" not in by_id.by_form and "slams" not in by_id.by_form
    by_form = build_lexicon(0.0, frozenset({"Slammed"}))
    assert "slammed" not in by_form.by_form and "slams" in by_form.by_form


def test_user_terms_extend_and_replace_bundled_forms():
    lexicon = build_lexicon(0.6, extra=(("slammed", "hit out at"), ("hardliner", "")))
    assert lexicon.by_form["slammed"].forms["slammed"] == "hit out at"
    assert lexicon.by_form["slams"].id == "slam"  # the rest of the entry stays
    assert lexicon.by_form["hardliner"].suggest


def test_ignored_categories():
    lexicon = build_lexicon(0.0, ignored_categories=frozenset({"emotive-verb"}))
    assert all(e.category.name != "emotive-verb" for e in lexicon.entries)
    with pytest.raises(LexiconError, match="unknown categories \\['emotive-verbs'\\]"):
        build_lexicon(0.0, ignored_categories=frozenset({"emotive-verbs"}))


def test_custom_terms_must_map_to_strings():
    with pytest.raises(LexiconError, match="must be a string"):
        custom_entries({"tirade": 3}, CATEGORY)
