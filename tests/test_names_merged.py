"""NAM001 merged-proper-noun: verdicts, the seed draft, fixes and config."""

from __future__ import annotations

import json

import pytest

from editlint.diagnostic import Severity
from editlint.document import parse
from editlint.rules.names.gazetteer import base_gazetteer
from editlint.rules.names.merged import judge, split_forms


@pytest.fixture(scope="module")
def gaz():
    return base_gazetteer()


@pytest.mark.parametrize(
    ("token", "severity", "suggestion"),
    [
        ("SaudiIsraeli", Severity.ERROR, "Saudi-Israeli"),
        ("AngloIrish", Severity.ERROR, "Anglo-Irish"),
        ("TurkeyIran", Severity.ERROR, "Turkey-Iran"),  # countries stay names although "turkey" is a word
        ("ConservativeLiberal", Severity.ERROR, "Conservative-Liberal"),
        ("AprilJuly", Severity.ERROR, "April-July"),
        ("JeanPierre", Severity.ERROR, "Jean-Pierre"),
        ("TonyBlair", Severity.ERROR, "Tony Blair"),
        ("NewYork", Severity.ERROR, "New York"),
        ("SchleswigHolstein", Severity.ERROR, "Schleswig-Holstein"),
        ("AlQaeda", Severity.ERROR, "Al-Qaeda"),
        ("AntiAmerican", Severity.ERROR, "Anti-American"),
        ("PanAfrican", Severity.ERROR, "Pan-African"),
        ("BaskinRobbins", Severity.WARNING, "Baskin-Robbins"),
        ("AlGharafa", Severity.WARNING, "Al-Gharafa"),
        ("ExxonSiemens", Severity.WARNING, "Exxon-Siemens"),
    ],
)
def test_verdicts(gaz, token, severity, suggestion):
    verdict = judge(token, gaz)
    assert verdict is not None, token
    assert (verdict.severity, verdict.suggestion, verdict.safe) == (severity, suggestion, False)


@pytest.mark.parametrize(
    "token",
    [
        "PlayStation", "PlayStations", "YouTube", "WikiLeaks", "PayPal", "GlaxoSmithKline",  # allowlist
        "McDonald", "MacArthur", "DiCaprio", "LeBlanc", "DeMille", "VanDyke", "ElBaradei",  # shapes
        "ClearView", "CinemaNow", "GardenParty",  # ordinary words
        "BlackBerry", "KingFisher",  # names that are also ordinary words, and nothing else
        "HiFi", "DoCoMo",  # two-letter parts
        "DaimlerChrylser",  # a misspelt allowlisted brand
    ],
)
def test_real_camelcase_names_are_left_alone(gaz, token):
    assert judge(token, gaz) is None


def test_split_form_in_the_document_makes_a_safe_error(gaz):
    prose = "Robert Kilroy-Silk spoke; later KilroySilk left; Kilroy-Silk again."
    assert split_forms(prose, ["Kilroy", "Silk"]) == {"Kilroy-Silk": 2}
    verdict = judge("KilroySilk", gaz, prose)
    assert (verdict.severity, verdict.suggestion, verdict.safe) == (Severity.ERROR, "Kilroy-Silk", True)


def test_a_spaced_form_is_no_evidence(gaz):
    """'Power Page' beside 'PowerPage' is as often a brand written loosely."""
    assert judge("PowerPage", gaz, "The Power Page site and PowerPage.") is None


def test_en_dash_joiner_only_between_entities(gaz):
    assert judge("SaudiIsraeli", gaz, joiner="–").suggestion == "Saudi–Israeli"
    assert judge("LondonFrankfurt", gaz, joiner="–").suggestion == "London–Frankfurt"
    assert judge("FrancoGerman", gaz, joiner="–").suggestion == "Franco-German"
    assert judge("JeanPierre", gaz, joiner="–").suggestion == "Jean-Pierre"


def test_warnings_can_be_switched_off(gaz):
    assert judge("BaskinRobbins", gaz, warn_unknown=False) is None
    assert judge("SaudiIsraeli", gaz, warn_unknown=False).severity == Severity.ERROR


_LINTERS: dict = {}


def _lint(text, path="draft.md", **kwargs):
    from editlint.config import Config
    from editlint.engine import Linter
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    key = repr(sorted(kwargs.items()))
    if key not in _LINTERS:
        host = get_plugin_host(load_entrypoints=False)
        registry, config = build_registry(host, Config(**kwargs))
        _LINTERS[key] = Linter(host, registry, config, select=["NAM"])
    return _LINTERS[key].check(parse(text, path)).diagnostics


def test_seed_gives_exactly_one_merged_name(seed_text):
    """The seed draft: one NAM001 at "SaudiIsraeli", suggesting "Saudi-Israeli", and no NAM002."""
    found = _lint(seed_text, "seed.txt")
    assert [(d.code, seed_text[d.span.start : d.span.end]) for d in found] == [("NAM001", "SaudiIsraeli")]
    (d,) = found
    assert d.severity == Severity.ERROR
    assert d.message == "merged proper noun 'SaudiIsraeli': did you mean 'Saudi-Israeli'?"
    assert d.fix.edits[0].replacement == "Saudi-Israeli"


def test_configured_severity_is_respected():
    found = _lint("Talks on SaudiIsraeli ties. The BaskinRobbins chain.", rules={"NAM001": {"severity": "info"}})
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]


def test_fix_and_unsafe_fix_from_the_command_line(tmp_path, run_cli):
    """--fix applies safe fixes only, --unsafe-fixes the rest, twice changes nothing; quotes stay."""
    draft = tmp_path / "draft.md"
    original = (
        "Robert Kilroy-Silk spoke. Later KilroySilk left.\n\n"
        "Talks on SaudiIsraeli ties resumed. \"SaudiIsraeli ties matter,\" she said.\n"
    )
    draft.write_text(original, encoding="utf-8")
    run_cli("--select", "NAM001", "--no-cache", "--fix", str(draft))
    after_safe = draft.read_text(encoding="utf-8")
    assert after_safe == original.replace("Later KilroySilk", "Later Kilroy-Silk")
    run_cli("--select", "NAM001", "--no-cache", "--unsafe-fixes", str(draft))
    after_unsafe = draft.read_text(encoding="utf-8")
    assert "Talks on Saudi-Israeli ties" in after_unsafe
    assert '"SaudiIsraeli ties matter,"' in after_unsafe
    result = run_cli("--select", "NAM001", "--no-cache", "--unsafe-fixes", str(draft))
    assert draft.read_text(encoding="utf-8") == after_unsafe
    assert result.code == 0


def test_names_and_allowlist_files_from_a_config_file(tmp_path, run_cli):
    """`name-files` and `allowlist-files` are read relative to the config file."""
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "names.txt").write_text("# desk names\nBaskin\nRobbins\n", encoding="utf-8")
    (tmp_path / "desk" / "allow.txt").write_text("VeronaTrento\n", encoding="utf-8")
    (tmp_path / "editlint.toml").write_text(
        'name-files = ["desk/names.txt"]\n\n[rules.NAM001]\nallowlist-files = ["desk/allow.txt"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.md"
    draft.write_text("The BaskinRobbins chain opened in the VeronaTrento area.\n", encoding="utf-8")
    result = run_cli("--select", "NAM001", "--no-cache", "--format", "json", "--config", str(tmp_path / "editlint.toml"), str(draft))
    found = json.loads(result.out)
    items = found["diagnostics"] if isinstance(found, dict) else found
    assert [(d["code"], d["severity"]) for d in items] == [("NAM001", "error")], result.out


def test_explain_documents_the_options(run_cli):
    out = run_cli("explain", "NAM001").out
    for option in ("joiner", "allow", "allowlist-files", "warn-unknown", "known-names", "name-files"):
        assert option in out


def test_result_cache_sees_an_edited_names_file(tmp_path, run_cli):
    """Editing a file named in `name-files` invalidates cached results."""
    names = tmp_path / "names.txt"
    names.write_text("Baskin\nRobbins\n", encoding="utf-8")
    (tmp_path / "editlint.toml").write_text('name-files = ["names.txt"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The BaskinRobbins chain opened.\n", encoding="utf-8")
    args = ("--select", "NAM001", "--format", "concise", "--config", str(tmp_path / "editlint.toml"), str(draft))
    assert "[error]" in run_cli(*args).out
    names.write_text("Baskin\n", encoding="utf-8")
    assert "[warning]" in run_cli(*args).out


_PIECES = ["Saudi", "Israeli", "Franco", "German", "Baskin", "Robbins", "Tony", "Blair", "Clear", "View", "Rolls", "Royce", "Mc", "Donald"]


def _draft(data) -> str:
    from hypothesis import strategies as st

    words = data.draw(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join), min_size=1, max_size=12))
    quote_at = data.draw(st.integers(min_value=0, max_value=len(words)))
    joined = [*words[:quote_at], '"' + " ".join(words[quote_at:]) + '"'] if quote_at < len(words) else words
    return "Talks on " + " and ".join(joined) + " resumed.\n"


def test_unsafe_fixes_converge_and_never_touch_quotes():
    """Property: after one round of fixes nothing is left to fix, and quoted speech is unchanged."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from editlint.fixes import apply_fixes

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def check(data):
        text = _draft(data)
        quoted = text[text.find('"') :] if '"' in text else ""
        fixed, _ = apply_fixes(text, _lint(text), unsafe=True)
        again, n = apply_fixes(fixed, _lint(fixed), unsafe=True)
        assert n == 0 and again == fixed
        if quoted:
            assert fixed.endswith(quoted)

    check()
