"""Start-up shortcuts give the answers of the code they shortcut.

* the outlet and lexicon patterns compiled for one text (only the names or
  forms whose first word the text contains) find what the whole pattern finds;
* NAM's pure-Python edit test and ratio bound agree with rapidfuzz;
* ``Gazetteer.is_plain_word`` agrees with ``plain_words``;
* the ASCII shortcuts of ``squash`` and ``cell_width``;
* lazy patterns, and ``Rule.prepare`` before a folder of drafts.
"""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import parse
from editlint.outlets import OutletRegistry, _load_bundled, normalize_name, squash
from editlint.rules.framing.lexicon import Lexicon, default_entries

# Written for these tests: outlet names in every shape the pattern must tell apart.
DRAFTS = [
    "Reuters reported on Monday that talks had stalled, and AP said the same.",
    "According to Tasnim news agency and the Tehran Times, officials met.\n\nAl-Alam and Alalam News repeated it.",
    "Michael Bloomberg spoke; Bloomberg News did not. The Reuters Institute disagreed.",
    "Sky News Arabia, then Sky News, then sky news; Al Jazeera English and al jazeera.",
    "The Guardian Council met. The Guardian reported. Guardian readers wrote in.",
    "dpa and i24NEWS carried it; DPA too. AFP’s tally, Al‐Arabiya’s tally.",
    "Press TV, Press Association, PressTV. New York Times and the New Yorker.",
    "Gölcük officials told RIA Novosti; Zarif’s aides told ИТАР-ТАСС and TASS.",
    "   \n\nA\tB  C\n",
]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.replace(" ", "\n"), text.replace(" ", "  "), text.replace("'", "’")]


@pytest.fixture(scope="module")
def registries():
    base = _load_bundled()
    full = OutletRegistry(base)
    full._compiled()
    return OutletRegistry(base), full


def _scan(registry, text, weak):
    doc = parse(text, "d.txt")
    out = []
    for block in doc.blocks:
        out.append(list(registry.scan(doc.prose, block.span.start, block.span.end, weak=weak)))
    out.append(list(registry.scan(doc.prose, weak=weak)))
    return out


def test_outlet_patterns_for_one_text_find_what_the_whole_pattern_finds(registries):
    pruned, full = registries
    names = [n for o in _load_bundled() for n in o.names]
    texts = [v for d in DRAFTS for v in _variants(d)]
    texts += [" ".join(names[i : i + 40]) for i in range(0, len(names), 40)]
    texts += ["x".join(names[:300]), ", the ".join(names[300:600]), "\n".join(n.upper() for n in names[600:900])]
    for text in texts:
        pruned.PRUNED_LIMIT = 10**9  # never fall back to the whole pattern here
        for weak in (False, True):
            assert _scan(pruned, text, weak) == _scan(full, text, weak), text[:80]
    assert pruned._full is None and len(pruned._pruned) > 1


def test_outlet_pattern_switches_to_the_whole_pattern_after_many_texts():
    registry = OutletRegistry(_load_bundled())
    names = [n for o in _load_bundled() for n in o.names]
    for i in range(0, len(names), 25):
        list(registry.scan(" ".join(names[i : i + 25])))
        if registry._full is not None:
            break
    assert registry._full is not None and not registry._pruned


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Reuters", "AP", "Al", "Alam", "-", "’", "'", " ", "\n", "News", "news", "Sky", "Arabia", "x", "The", "the", "Times", ".", "Tasnim", "dpa", "i24NEWS", "TASS"]), max_size=14))
def test_outlet_pattern_equivalence_on_generated_text(registries, pieces):
    pruned, full = registries
    text = "".join(pieces)
    pruned.PRUNED_LIMIT = 10**9
    for weak in (False, True):
        assert list(pruned.scan(text, weak=weak)) == list(full.scan(text, weak=weak))


@pytest.fixture(scope="module")
def lexicons():
    _, entries = default_entries()
    full = Lexicon(list(entries))
    full.patterns
    return Lexicon(list(entries)), full, entries


def _hits(lexicon, text, start=0, end=None):
    return [(h.start, h.end, h.form, h.entry.id) for h in lexicon.finditer(text, start, end)]


def test_lexicon_patterns_for_one_text_find_what_the_whole_pattern_finds(lexicons):
    pruned, full, entries = lexicons
    forms = [w for e in entries for w in e.written.values()]
    drafts = [
        "Critics slammed the so-called reform; the regime’s hardliners cracked down.",
        "He claimed that the plan would fail, and slammed into a wall. Terrorists and anti-terrorist units.",
        "(slammed) «slammed» 'slammed' “slammed” slammed, slammed. SLAMMED İstanbul slammed",
    ]
    texts = [v for d in drafts for v in _variants(d)]
    texts += [" ".join(forms[i : i + 30]) for i in range(0, len(forms), 30)]
    texts += ["(".join(forms), "  ".join(forms).upper(), " ".join(f.replace("-", "\u2010").replace("'", "\u2019") for f in forms)]
    for text in texts:
        pruned.PRUNED_LIMIT = 10**9
        assert _hits(pruned, text) == _hits(full, text), text[:80]
        if len(text) > 40:
            assert _hits(pruned, text, 7, len(text) - 9) == _hits(full, text, 7, len(text) - 9)
    assert pruned._patterns is None and len(pruned._pruned) > 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["slammed", "so", "-", "called", "\u2010", " ", "\n", "regime", "'", "\u2019", "s", "(", ",", "claimed", "that", "İ", "x"]), max_size=14))
def test_lexicon_pattern_equivalence_on_generated_text(lexicons, pieces):
    pruned, full, _ = lexicons
    text = "".join(pieces)
    pruned.PRUNED_LIMIT = 10**9
    assert _hits(pruned, text) == _hits(full, text)


# -- names --------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcé", max_size=7), st.text(alphabet="abcé", max_size=7))
def test_one_edit_agrees_with_rapidfuzz(a, b):
    from rapidfuzz.distance import OSA, Levenshtein

    from editlint.rules.names.spelling import TRANSPOSITION, one_edit

    edit = one_edit(a, b)
    assert bool(edit) == (OSA.distance(a, b) == 1)
    if edit:
        assert (edit == TRANSPOSITION) == (Levenshtein.distance(a, b) == 2)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AaBbCcDe", min_size=1, max_size=12), st.text(alphabet="AaBbCcDe", min_size=1, max_size=12))
def test_ratio_bound_never_rules_out_a_near_match(a, b):
    from rapidfuzz import fuzz

    from editlint.rules.names.merged import _may_reach_ratio

    if fuzz.ratio(a, b) >= 90:
        assert _may_reach_ratio(a, b, 90)


@pytest.mark.parametrize("loaded", [False, True], ids=["bound first", "rapidfuzz loaded"])
def test_near_allowlisted_agrees_with_rapidfuzz(loaded, monkeypatch):
    import types

    from rapidfuzz import fuzz, process

    from editlint.rules.names import merged
    from editlint.rules.names.gazetteer import base_gazetteer

    if not loaded:  # as in a fresh process, where the bound decides most tokens alone
        monkeypatch.setattr(merged, "sys", types.SimpleNamespace(modules={}))
    gaz = base_gazetteer()
    tokens = ["DaimlerChrylser", "YouTbue", "PayPall", "SaudiIsraeli", "FrancoGerman", *sorted(gaz.allow)[:50]]
    for token in tokens:
        expected = process.extractOne(token, gaz.allow, scorer=fuzz.ratio, score_cutoff=90.0) is not None
        assert merged._near_allowlisted(token, gaz) == expected, token


def test_is_plain_word_agrees_with_plain_words():
    from editlint.rules.names.gazetteer import Gazetteer, base_gazetteer

    gaz = base_gazetteer()
    assert gaz.common_is_simple  # the bundled list is a-z words
    sample = sorted(gaz.common)[::97]
    tokens = {w.capitalize() for w in sample} | {w.upper() for w in sample} | set(sample) | set(list(gaz.words)[:300])
    tokens |= {"However", "Turkey", "March", "K\u212aing", "İstanbul", "Ǆungla", "Officials", "SaudiIsraeli"}
    for token in tokens:
        assert gaz.is_plain_word(token) == (token in gaz.plain_words), token
    odd = Gazetteer(gaz.words, gaz.compounds, gaz.allow, frozenset({"straße", "Mixed", "ok"}), gaz.variants)
    assert not odd.common_is_simple and odd._simple_common is False
    for token in ("Straße", "Mixed", "Ok", "OK"):
        assert odd.is_plain_word(token) == (token in odd.plain_words)


def test_without_plain_words_is_the_set_difference_on_both_paths():
    from editlint.rules.names.gazetteer import Gazetteer, base_gazetteer

    base = base_gazetteer()
    gaz = Gazetteer(base.words, base.compounds, base.allow, base.common, base.variants, base.common_is_simple)
    tokens = {"However", "Turkey", "Officials", "SaudiIsraeli", "Tehran", "March", "Said", "Garden", "K\u212aing"}
    results = [gaz.without_plain_words(dict.fromkeys(tokens).keys()) for _ in range(6)]
    assert "plain_words" in gaz.__dict__  # built once the first documents are served
    assert all(r == set(tokens) - gaz.plain_words for r in results)
    assert "However" not in results[0] and "Turkey" in results[0]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab _-.é1\n", max_size=12), st.text(alphabet="ab _-.é1", min_size=1, max_size=3))
def test_has_word_agrees_with_the_lookaround_regex(text, needle):
    import re

    from editlint.rules.provenance import _has_word

    assert _has_word(text, needle) == bool(re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text))


# -- ASCII shortcuts ------------------------------------------------------------------------


def _squash_slow(name: str) -> str:
    text = unicodedata.normalize("NFKD", normalize_name(name))
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


@given(st.text(max_size=20))
def test_squash_equals_the_unicode_path(name):
    assert squash(name) == _squash_slow(name)


def test_squash_on_every_ascii_character_and_registry_name():
    names = [chr(i) for i in range(128)] + [n for o in _load_bundled() for n in (*o.names, o.name)]
    names += ["".join(p) for p in itertools.product("a-’ .Ç", repeat=3)]
    assert [squash(n) for n in names] == [_squash_slow(n) for n in names]


@given(st.text(max_size=30))
def test_cell_width_ascii_shortcut(text):
    from editlint.output.text import cell_width

    expected = sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
    assert cell_width(text) == expected


# -- lazy patterns and Rule.prepare ---------------------------------------------------------------


def test_lazy_pattern_compiles_on_first_use_and_behaves_like_re():
    import re

    from editlint.lazyre import lazy

    p = lazy(r"(?P<w>\w+)-(\d)", re.IGNORECASE)
    assert p._compiled is None
    real = re.compile(r"(?P<w>\w+)-(\d)", re.IGNORECASE)
    text = "a-1 B-2 c-x"
    assert p.search(text).span() == real.search(text).span()
    assert p._compiled is not None
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert p.findall(text) == real.findall(text) and p.sub("_", text) == real.sub("_", text)
    assert p.split(text) == real.split(text) and p.subn("_", text) == real.subn("_", text)
    assert p.match(text, 4).group("w") == "B" and p.fullmatch("q-9") and not p.fullmatch("q-9", 0, 2)
    assert p == lazy(r"(?P<w>\w+)-(\d)", re.IGNORECASE) and len({p, lazy(r"(?P<w>\w+)-(\d)", re.IGNORECASE)}) == 1


def test_rules_are_prepared_before_a_folder_of_drafts_not_for_one(tmp_path, monkeypatch):
    from editlint.runner import PARALLEL_MIN_FILES, RunOptions, Session

    prepared: list[str] = []
    original = Session._prepare_rules

    def spy(linters):
        prepared.extend(rule.code for linter in linters.values() for rule in linter.rules)
        original(linters)

    monkeypatch.setattr(Session, "_prepare_rules", staticmethod(spy))
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text("Reuters said so.\n", encoding="utf-8")
    Session(RunOptions(use_cache=False, jobs=1, isolated=True)).run([str(one)])
    assert prepared == []
    many = tmp_path / "many"
    many.mkdir()
    for i in range(PARALLEL_MIN_FILES):
        (many / f"{i}.txt").write_text("Reuters said so.\n", encoding="utf-8")
    Session(RunOptions(use_cache=False, jobs=1, isolated=True)).run([str(many)])
    assert {"BAL001", "BAL002", "BAL006", "NAM001", "PRV003"} <= set(prepared)


def test_prepare_compiles_the_whole_outlet_pattern():
    from editlint.outlets import get_registry
    from editlint.rules.sourcing import UnlabelledStateMedia

    rule = UnlabelledStateMedia()
    rule.prepare()
    assert get_registry()._full is not None
