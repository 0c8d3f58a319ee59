"""Prefilters of pack rules never change a finding.

Needles (strings every match contains), the document's word index and the
``repetition`` kind's test only let a rule skip texts where its pattern
cannot match; these tests check that on generated drafts against the same
rules run without them.
"""

from __future__ import annotations

import re
import time

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import Span, parse
from editlint.document import words as words_module
from editlint.packs import literals
from editlint.packs.kinds import ConsistencyRule, RepetitionRule, SubstitutionRule
from editlint.packs.kinds.substitution import _NOT_CAPITALISED, _REPEATED
from editlint.packs.patterns import Matcher

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = st.sampled_from(
    [
        " ", "  ", "\n", "\t", "\u00a0", ".", ". ", ", ", "!", "?", "'", "’", "\"", "“", "”", "(", ")", "-", "—", "_", "2", "5m",
        "the", "The", "THE", "then", "a", "A", "had", "colour", "Colour", "color", "colours", "organise", "organize",
        "TK", "TKTK", "TODO", "XX", "xx", "U.S.", "US", "UK", "Gölcük", "É", "é", "ß", "µ", "²", "ſ", "ı", "İ", "Ελλάδα", "σ", "ς",
        "K", "\u212a", "k", "lorem", "ipsum", "[citation needed]", "Bora", "bora",
    ]
)
TEXTS = st.lists(FRAGMENTS, max_size=30).map("".join)
DEADLINE = 1e12


# -- needles ----------------------------------------------------------------------------------


def test_token_needles_keep_the_shortest_of_nested_tokens():
    assert literals.token_needles(["TODO", "TKTK", "TK"]) == ["TK", "TODO"]
    assert literals.token_needles(["lorem ipsum", "[citation needed]"]) == ["lorem", "[citation"]
    assert literals.token_needles(["TODO"], ignore_case=True) is None


def test_a_long_token_list_is_covered_by_a_bigram():
    words = [f"{stem}iz{end}" for stem in ("organ", "real", "agon", "modern", "critic", "apolog", "emphas") for end in ("e", "ed", "ing")]
    needles = literals.token_needles(words)
    assert needles is not None and len(needles) == 1 and all(needles[0] in w for w in words)


@pytest.mark.parametrize(
    ("pattern", "engine", "needles"),
    [
        (r"\bTK\b(?![ \t]+Maxx)", "regex", ["TK"]),
        (r"(?<!\p{Lu}[\w.]*[ \t])\bX{2,4}\b", "regex", ["XX"]),
        (r"colou?r", "re", ["colo"]),
        (r"foo|bar", "re", ["bar", "foo"]),
        (r"[“”]", "re", ["“", "”"]),
        (r"’(?<=\w’)(?=\w)", "re", ["’"]),
        (r"\p{Lu}X", "regex", None),  # \p outside a lookaround: regex-only syntax
        (r"(?i)abc", "re", None),
        (r"ab(?i:c)", "re", ["ab"]),
        (r"abc{e<=1}", "regex", None),  # fuzzy matching
        (r"[[:alpha:]]x", "regex", None),
        (r"(?|a|b)", "regex", None),
        (r"\w+", "re", None),
        (r"(\s)([^\W\d_])\2", "re", None),
    ],
)
def test_pattern_needles(pattern, engine, needles):
    assert literals.pattern_needles(pattern, engine=engine) == needles


SOUND_PATTERNS = [
    (r"\bTK\b(?![ \t]+Maxx)", "regex"),
    (r"(?<!\p{Lu}[\w.]*[ \t])\bX{2,4}\b", "regex"),
    (r"\bx{2,4}\b", "regex"),
    (r"colou?rs?", "re"),
    (r"(?:the|a)\s+col(?:ou|o)r", "re"),
    (r"U\.[SK]\.", "re"),
    (r"[“”]|\"", "re"),
    (r"’(?<=\w’)(?=\w)", "re"),
    (r"(?:ab)+c?d", "re"),
]


@SETTINGS
@given(TEXTS)
def test_a_text_that_matches_contains_a_needle(text):
    for pattern, engine in SOUND_PATTERNS:
        needles = literals.pattern_needles(pattern, engine=engine)
        assert needles is not None, pattern
        found = (regex.search(pattern, text, regex.V0) if engine == "regex" else re.search(pattern, text)) is not None
        if found:
            assert any(n in text for n in needles), (pattern, text)
        assert literals.absent(text, literals.prepare(needles), 0, len(text)) == (not any(n in text for n in needles))


@SETTINGS
@given(TEXTS)
def test_matcher_finds_the_same_with_and_without_its_prefilter(text):
    spans = [Span(0, len(text))] if text else []
    marks = [rf"{re.escape(c)}(?<=[^\W\d_A-Z]{{2}}{re.escape(c)})(?=[A-Z][^\W\d_A-Z])" for c in ".!?"]
    for tokens, patterns, engine, after in [
        (["TODO", "TK", "lorem ipsum", "[citation needed]"], [r"\bX{2,4}\b"], "regex", ()),
        (["US", "UK", "U.S."], [], "re", ()),
        ([], [r"colou?r", r"’(?<=\w’)(?=\w)"], "re", ()),
        ([], marks, "re", [r"[\w.-]*@"]),  # alternatives pruned by their needles
        (["the"], [r"colou?r", r"\d+m"], "re", ()),  # one alternative without needles
    ]:
        fast = Matcher(tokens, patterns, engine=engine, not_followed_by=after)
        slow = Matcher(tokens, patterns, engine=engine, not_followed_by=after, prefilter=False)
        got = [(m.start(), m.end()) for m in fast.finditer(text, spans, time.monotonic() + 5)]
        want = [(m.start(), m.end()) for m in slow.finditer(text, spans, time.monotonic() + 5)]
        assert got == want


# -- the word index ---------------------------------------------------------------------------


def test_punctuation_turned_to_spaces_holds_no_word_character():
    pattern = words_module._PUNCTUATION
    chars = [chr(c) for c in range(0x2000, 0x3001)] + ["\u20ac", "\u2122", "\u2212", "\u3000", "\ufeff"]
    assert not [c for c in chars if pattern.match(c) and re.match(r"\w", c)]


@SETTINGS
@given(TEXTS)
def test_every_whole_word_of_letters_is_in_the_index(text):
    doc = parse(text, "draft.txt")
    index = words_module.letter_words(doc)
    if index is None:
        return
    present = set(index.words)
    for m in re.finditer(r"(?<!\w)[^\W\d_]+(?!\w)", doc.prose):
        assert m.group().lower().encode("latin-1") in present, m.group()


@SETTINGS
@given(TEXTS)
def test_may_repeat_never_misses_a_doubled_word(text):
    for guard in (_NOT_CAPITALISED, ""):
        if re.search(_REPEATED.format(guard=guard), text, re.IGNORECASE if not guard else 0):
            assert words_module.may_repeat(text), text


def _rule(cls, spec):
    base = {"code": "TST001", "name": "test-rule", "message": "'{match}'"}
    return cls({**base, **spec})


@SETTINGS
@given(TEXTS)
def test_repetition_finds_what_the_same_substitution_finds(text):
    doc = parse(text + "\n", "draft.txt")
    for ignore_case in (False, True):
        guard = "" if ignore_case else _NOT_CAPITALISED
        spec = {"ignore-case": ignore_case, "exceptions": ["had had"], "fix": "safe"}
        fast = _rule(RepetitionRule, {"extends": "repetition", **spec})
        slow = _rule(SubstitutionRule, {"extends": "substitution", "regex": True, "engine": "re", "swap": {_REPEATED.format(guard=guard): r"\1\2\3"}, **spec})
        got = [(d.span, d.message, repr(d.fix)) for d in fast.run(doc, DEADLINE)]
        want = [(d.span, d.message, repr(d.fix)) for d in slow.run(doc, DEADLINE)]
        assert got == want


FORMS = [[f"{stem}our", f"{stem}or"] for stem in ("col", "fav", "hon", "lab", "rum", "vap", "arm", "od", "vig", "rig", "tum", "val", "cand")]


@SETTINGS
@given(TEXTS)
def test_consistency_reports_the_same_with_and_without_the_word_index(text):
    doc = parse(text + " honor labour\n", "draft.txt")
    spec = {"extends": "consistency", "variants": ["British", "American"], "forms": FORMS, "message": "'{match}' {variant}"}
    rule = _rule(ConsistencyRule, spec)
    assert len(FORMS) > literals.MAX_NEEDLES
    rule._word_lookup()
    assert rule._by_words == {0, 1}
    got = [(d.span, d.message) for d in rule.run(doc, DEADLINE)]
    rule._mixed = lambda *args: True  # no prefilter: every unit scanned
    want = [(d.span, d.message) for d in rule.run(doc, DEADLINE)]
    assert got == want
