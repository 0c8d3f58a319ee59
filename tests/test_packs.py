"""Declarative packs: every kind through a demo pack, the loader's errors, timeouts, the bundled pack."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from editlint.config import Config
from editlint.errors import PackError, PluginError
from editlint.document import Span
from editlint.packs.kinds import BUILTIN_KINDS, COMMON_KEYS, adjust_case
from editlint.packs.loader import load_rule_file
from editlint.packs.patterns import Matcher, trie_source
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.resources import rules_dir
from editlint.testing import case_params, check_case, check_pack, lint_text

ROOT = Path(__file__).resolve().parent.parent
DEMO = Path(__file__).parent / "packs" / "demo"


# -- the demo pack: one or more rules of every kind, tested like a pack author would ----------


def test_demo_pack_is_valid_and_documented():
    rules = check_pack(DEMO)
    assert {r.kind for r in rules} == set(BUILTIN_KINDS)


@pytest.mark.parametrize("case", case_params(DEMO / "cases"))
def test_demo_pack_case(case):
    check_case(case)


def test_bundled_pack_is_valid_and_documented():
    rules = check_pack(rules_dir() / "house-style")
    assert all(r.code.startswith("STY") for r in rules)


def test_every_key_of_every_kind_is_documented_in_the_pack_readme():
    readme = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    for key in COMMON_KEYS:
        assert f"`{key.name}`" in readme, key.name
    for name, cls in BUILTIN_KINDS.items():
        assert f"`{name}`" in readme, name
        for key in cls.KEYS:
            assert f"`{key.name}`" in readme, f"{name}: {key.name}"


def test_style_preferences_are_off_by_default():
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config())
    off = {r.code for r in registry if not r.default_enabled}
    assert {"STY008", "STY009", "STY010", "RDB001"} <= off
    assert not off & {"STY001", "STY002", "STY003", "STY004", "STY005", "STY006", "STY007", "STY011", "RDB002"}
    assert registry.get("STY002").source == "editlint:house-style"


# -- errors: one line, naming file, line and key ------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = 'code = "TST001"\nname = "bad-words"\nextends = "existence"\nmessage = "avoid {match}"\n'


def _load(path: Path):
    return load_rule_file(path, BUILTIN_KINDS)


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        (GOOD + 'tokens = ["x"\n', 5, "invalid TOML"),
        (GOOD + 'tokens = ["x"]\ntokenz = ["y"]\n', 6, "unknown key 'tokenz' for kind 'existence' (did you mean 'tokens'?)"),
        (GOOD + 'tokens = ["x"]\npatterns = [\n  "ok",\n  "(unclosed",\n]\n', 8, "invalid regular expression '(unclosed'"),
        (GOOD + 'max = "3"\ntokens = ["x"]\n', None, "unknown key 'max'"),
        (GOOD.replace("{match}", "{matsh}") + 'tokens = ["x"]\n', 4, "unknown placeholder {matsh} in message (did you mean 'match'?)"),
        (GOOD + 'tokens = ["x"]\nseverity = "fatal"\n', 6, "'severity' must be one of error, warning, info"),
        (GOOD + 'tokens = ["x"]\nscope = "paragraphs"\n', 6, "unknown scope 'paragraphs' (did you mean 'paragraph'?)"),
        (GOOD.replace('"existence"', '"existance"') + 'tokens = ["x"]\n', 3, "unknown kind 'existance' in key 'extends' (did you mean 'existence'?)"),
        (GOOD, 3, "nothing to match"),
        (GOOD.replace("TST001", "TST1") + 'tokens = ["x"]\n', 1, "invalid code 'TST1'"),
        (GOOD + "patterns = ['a*']\n", 5, "matches the empty string"),
        (GOOD.replace('"existence"', '"occurrence"') + "patterns = ['a']\n", 3, "needs 'max', 'min' or both"),
        (GOOD.replace('"existence"', '"metric"').replace("{match}", "{value}") + 'formula = "words / sentance"\ncondition = "> 2"\n', 5, "unknown variable 'sentance' in formula (did you mean 'sentences'?)"),
        (GOOD.replace('"existence"', '"metric"').replace("{match}", "{value}") + 'formula = "__import__(1)"\ncondition = "> 2"\n', 5, "unsupported expression"),
        (GOOD.replace('"existence"', '"consistency"') + 'variants = ["a", "b"]\nforms = [["x", "y"], ["z"]]\n', 6, "row 2 of 'forms' has 1 forms for 2 variants"),
        (GOOD.replace('"existence"', '"conditional"') + "if = '([A-Z]+)'\nthen = 'defined'\n", 6, "'then' must capture it too"),
        (GOOD + "tokens = ['x']\nnot-preceded-by = ['(a)']\n", 6, "must not contain capturing groups"),
    ],
)
def test_invalid_rule_file_names_file_line_and_key(tmp_path, body, line, needle):
    path = _write(tmp_path, "rule.toml", body)
    with pytest.raises(PackError) as info:
        _load(path)
    message = str(info.value)
    assert "\n" not in message
    assert needle in message
    assert message.startswith(f"{path}:{line}: " if line else f"{path}")
    if "key" in message:
        assert re.search(r"key '[\w-]+'", message)


def test_duplicate_codes_across_packs_name_both_files(tmp_path):
    a = _write(tmp_path / "a", "one.toml", GOOD + 'tokens = ["x"]\n')
    b = _write(tmp_path / "b", "two.toml", GOOD.replace("bad-words", "other-words") + 'tokens = ["y"]\n')
    host = get_plugin_host(load_entrypoints=False)
    with pytest.raises(PackError) as info:
        build_registry(host, Config(packs=(a.parent, b.parent)))
    assert str(a) in str(info.value) and str(b) in str(info.value) and "defined twice" in str(info.value)


def test_cli_reports_a_bad_pack_with_exit_2(tmp_path, run_cli):
    _write(tmp_path / "desk", "rule.toml", GOOD.replace('"existence"', '"existance"') + 'tokens = ["x"]\n')
    (tmp_path / "editlint.toml").write_text('packs = ["desk"]\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text("Text.\n", encoding="utf-8")
    result = run_cli("--config", str(tmp_path / "editlint.toml"), str(tmp_path / "draft.md"))
    assert result.code == 2
    assert "rule.toml:3: unknown kind 'existance'" in result.err
    assert "did you mean 'existence'?" in result.err


def test_missing_pack_folder_names_the_config_line(tmp_path, run_cli):
    config = tmp_path / "editlint.toml"
    config.write_text('fail-on = "error"\npacks = ["nowhere"]\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text("Text.\n", encoding="utf-8")
    result = run_cli("--config", str(config), str(tmp_path / "draft.md"))
    assert result.code == 2
    assert f"{config}:2: pack folder not found" in result.err


def test_a_kind_that_is_not_a_packrule_is_a_plugin_error():
    from editlint.hookspecs import hookimpl

    class Plugin:
        @hookimpl
        def editlint_rule_kinds(self):
            return {"weird": dict}

    host = get_plugin_host(load_entrypoints=False, extra=[Plugin()])
    with pytest.raises(PluginError, match="not a PackRule subclass"):
        build_registry(host, Config())


# -- catastrophic patterns: a warning, never a hang ------------------------------------------


def test_catastrophic_pattern_times_out_as_el003_and_the_run_goes_on(tmp_path):
    _write(tmp_path / "p", "slow.toml", GOOD + "patterns = ['(a|a)+$']\n")
    _write(tmp_path / "p", "other.toml", GOOD.replace("TST001", "TST002").replace("bad-words", "other") + 'tokens = ["fine"]\n')
    text = "This is fine.\n\n" + "a" * 5000 + "!\n"
    start = time.monotonic()
    found = lint_text(text, ["TST", "EL003"], packs=[tmp_path / "p"], settings={"pack-regex-timeout": 0.05})
    assert time.monotonic() - start < 3
    codes = [d.code for d in found]
    assert "EL003" in codes and "TST002" in codes
    el003 = next(d for d in found if d.code == "EL003")
    assert "TST001" in el003.message and "timed out" in el003.message


def test_nested_quantifier_on_a_run_of_as_finishes(tmp_path):
    _write(tmp_path / "p", "nested.toml", GOOD + "patterns = ['(a+)+$']\n")
    start = time.monotonic()
    found = lint_text("a" * 5000 + "\n", ["TST", "EL003"], packs=[tmp_path / "p"])
    assert time.monotonic() - start < 3
    assert [d.code for d in found] == ["TST001"]


# -- matching machinery ------------------------------------------------------------------------


def test_trie_source_matches_the_same_words():
    words = ["colour", "colours", "coloured", "color", "cold"]
    pattern = re.compile(rf"\b(?:{trie_source(words)})\b")
    assert pattern.findall("colour colours coloured color cold colder") == words


@pytest.mark.parametrize("ignore_case", [False, True])
def test_aho_corasick_and_regex_trie_agree(ignore_case):
    pytest.importorskip("ahocorasick")
    words = [f"w{i}ord" for i in range(30)] + ["grey", "greyer", "gray", "US"]
    text = "A grey, greyer W3ord; w12ord-w5ord xw1ord w29ordx. GREY US USA BUS grayer gray_ grey."
    spans = [Span(0, len(text))]
    fast = Matcher(words, ignore_case=ignore_case)
    slow = Matcher(words, ignore_case=ignore_case, accelerate=False)
    assert fast.automaton is not None and slow.automaton is None
    got = [(m.start(), m.end()) for m in fast.finditer(text, spans, time.monotonic() + 1)]
    want = [(m.start(), m.end()) for m in slow.finditer(text, spans, time.monotonic() + 1)]
    assert got == want and got


def test_matches_do_not_cross_blocks():
    found = lint_text("The talks ended with the\n\nthe deal signed.\n", ["STY002"])
    assert found == []


@pytest.mark.parametrize(
    ("found", "suggestion", "ignore_case", "start", "expected"),
    [
        ("Utilize", "use", True, False, "Use"),
        ("UTILIZE", "use", True, False, "USE"),
        ("utilize", "use", True, False, "use"),
        ("3", "three", False, True, "Three"),
        ("color", "colour", False, False, "colour"),
    ],
)
def test_adjust_case(found, suggestion, ignore_case, start, expected):
    assert adjust_case(found, suggestion, ignore_case, start) == expected


def test_pack_rule_options_extend_exceptions():
    found = lint_text("A grey sky and a gray sea, grey again.", ["DMO005"], packs=[DEMO], options={"DMO005": {"extend-exceptions": ["gray"]}})
    assert found == []


def test_explain_shows_generated_documentation(run_cli):
    result = run_cli("explain", "STY002")
    assert result.code == 0
    assert "## Why it matters" in result.out and "rules/house-style/doubled-word.toml" in result.out
