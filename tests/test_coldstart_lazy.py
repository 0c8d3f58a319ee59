"""Cold start: work put off until a draft needs it gives the answers of the general code."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from editlint.config import Config
from editlint.document import parse
from editlint.engine import Linter
from editlint.packs import loader
from editlint.packs.patterns import trusted_patterns
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.rules.names import tokens

regex = pytest.importorskip("regex")

# -- names: the re patterns for covered text equal the regex patterns ------------------------


def _covered_alphabet() -> list[str]:
    chars = [chr(c) for lo, hi in tokens.COVERED for c in range(lo, hi + 1)]
    return [c for c in chars if c not in "\r\n"]


def test_every_covered_character_is_classed_as_regex_does():
    fast = tokens.PATTERNS.fast()
    full = [regex.compile(p) for p in (tokens.NAME_TOKEN, tokens.CAMEL, tokens.CAMEL_PART)]
    for ch in _covered_alphabet():
        for pair in (ch + "a", "A" + ch, ch + ch + "a", "Ab" + ch + "Cd", ch + "bCd"):
            assert fast[0].findall(pair) == full[0].findall(pair), repr(pair)
            assert bool(fast[1].fullmatch(pair)) == bool(full[1].fullmatch(pair)), repr(pair)
            assert fast[2].findall(pair) == full[2].findall(pair), repr(pair)


def test_random_covered_texts_tokenise_alike():
    rnd = random.Random(11)
    alphabet = _covered_alphabet()
    common = list("AaBbZzÉéÖöŁłĞğǅǆ'’- .,;") + ["Mc", "Al-", "’s "]
    fast = tokens.PATTERNS.fast()
    full = [regex.compile(p) for p in (tokens.NAME_TOKEN, tokens.CAMEL, tokens.CAMEL_PART)]
    for _ in range(3000):
        text = "".join(rnd.choice(common) if rnd.random() < 0.7 else rnd.choice(alphabet) for _ in range(rnd.randint(1, 40)))
        assert fast[0].findall(text) == full[0].findall(text)
        assert fast[2].findall(text) == full[2].findall(text)
        assert bool(fast[1].fullmatch(text)) == bool(full[1].fullmatch(text))


def test_uncovered_text_goes_to_regex():
    assert tokens.PATTERNS.for_text("Tehran Gölcük") is tokens.PATTERNS.fast()
    for text in ("Αθήνα", "Москва", "Zarif\u0301", "日本"):
        assert tokens.PATTERNS.for_text(text) is tokens.PATTERNS.full()


# -- packs: bundled rules set up on first use behave as when set up at load ---------------------


def _bundled_rules(trusted: bool):
    host = get_plugin_host(load_entrypoints=False)
    kinds = loader.rule_kinds(host)
    out = {}
    for _, folder in loader.pack_folders(host, Config()):
        for path in loader.iter_rule_files(folder):
            if trusted:
                with trusted_patterns():
                    rule = loader.load_rule_file(path, kinds)
            else:
                rule = loader.load_rule_file(path, kinds)  # every pattern compiled and checked now
            out[rule.code] = rule
    return out


def test_bundled_rules_pass_the_strict_checks_and_match_their_deferred_selves():
    strict, deferred = _bundled_rules(False), _bundled_rules(True)
    assert strict.keys() == deferred.keys() and len(strict) >= 10
    drafts = [
        "The the deal.TK was signed by the U.S. and the US. XX people organised, organized.\n",
        "Colour and color; per cent 10-20 apples, five 5 children aged 3 to 4. The EU said.\n",
        "“Quoted” and \"straight\" quotes; FIXME [citation needed] lorem ipsum. Super Bowl XX.\n",
    ]
    for text in drafts:
        for path in ("a.md", "a.txt"):
            doc = parse(text, path)
            for code, rule in strict.items():
                got = [(d.span, d.message, d.fix) for d in deferred[code].check(doc)]
                assert got == [(d.span, d.message, d.fix) for d in rule.check(doc)], code
    for code, rule in strict.items():
        assert deferred[code].documentation() == rule.documentation()


def test_a_bad_user_pattern_is_still_reported_when_the_pack_loads(tmp_path):
    from editlint.errors import PackError

    (tmp_path / "bad.toml").write_text('code = "DSK001"\nname = "bad"\nextends = "existence"\nmessage = "m"\npatterns = ["(unclosed"]\n')
    host = get_plugin_host(load_entrypoints=False)
    with pytest.raises(PackError, match="bad.toml"):
        build_registry(host, Config(packs=[tmp_path]))


# -- the command on a plain draft never imports regex ----------------------------------------------


def test_a_plain_draft_is_linted_without_importing_regex(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Sources said 300 troops left Gölcük on Tuesday. The U.S. said the the deal was “done”.\n", encoding="utf-8")
    script = (
        "import sys, io\n"
        "from editlint.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"main(['--no-cache', '--fail-on', 'never', {str(draft)!r}])\n"
        "sys.stdout = sys.__stdout__\n"
        "print('regex' in sys.modules)\n"
    )
    # the first run fills the prepared-data cache (which asks regex for its classes once)
    subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", done.stderr


def test_linting_with_and_without_the_shortcuts_agrees():
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config())
    linter = Linter(host, registry, config, select=["ALL"])
    text = "Zarif’s envoy met Mohammad JavadZarif in Αθήνα. The the deal.\n\nGölcük’s mayor and Golcuk officials said so.\n"
    before = [(d.code, d.span, d.message) for d in linter.check(parse(text, "a.md")).diagnostics]
    fast = tokens.PATTERNS._fast
    try:
        tokens.PATTERNS._fast = tuple(regex.compile(p) for p in (tokens.NAME_TOKEN, tokens.CAMEL, tokens.CAMEL_PART))
        after = [(d.code, d.span, d.message) for d in linter.check(parse(text, "a.md")).diagnostics]
    finally:
        tokens.PATTERNS._fast = fast
    assert before == after


# -- the gazetteer's word list: binary search until many lookups, then a set ------------------------


def test_word_list_answers_as_a_set():
    from editlint.rules.names.gazetteer import WordList, base_gazetteer

    words = frozenset(base_gazetteer().common)
    rnd = random.Random(5)
    sample = rnd.sample(sorted(words), 400)
    probes = sample + [w + "s" for w in sample] + [w[:-1] for w in sample] + [w.capitalize() for w in sample[:50]]
    probes += ["", "\n", "a\nb", min(words), max(words), "zzzzzz", "Ä", 42, None]
    searching = WordList(WordList.join(words))
    searching._budget = 10**9  # never switch to the set
    hashing = WordList(WordList.join(words))
    hashing.as_set()
    for probe in probes:
        expected = probe in words
        assert (probe in searching) == expected, probe
        assert (probe in hashing) == expected, probe
    assert searching == words and words == searching and len(searching) == len(words) and set(searching) == words
    tiny = WordList(WordList.join(["b", "a", "c"]))
    assert [w in tiny for w in ("a", "b", "c", "d", "")] == [True, True, True, False, False]
    assert not ("a" in WordList(WordList.join([])))


def test_word_list_builds_its_set_after_many_lookups():
    from editlint.rules.names.gazetteer import WordList

    words = WordList(WordList.join(f"w{i}" for i in range(100)))
    for i in range(WordList.SET_AFTER + 5):
        assert (f"w{i % 150}" in words) == (i % 150 < 100)
    assert words._set is not None
