"""The compiled-regex program cache of the command line (editlint._recache)."""

from __future__ import annotations

import marshal
import re
import sys

import pytest

from editlint import _recache

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] not in _recache.SUPPORTED,
    reason="the program cache only runs on the CPython versions it was written for",
)

PATTERNS = [
    (r"(?P<word>\w+)\s+(?P=word)", 0),
    (r"\b(?:reported|said|told)\b", re.IGNORECASE),
    (r"[A-Z](?<![\w'’.-].)(?:[\w'’&-]|\.(?=\w))*+", 0),
    (r"(?i:alpha)|Beta(?=\s)|γάμμα", 0),
    (r"^\s*#.*$", re.MULTILINE),
    (r"(a)(b)?(?:c)(?P<d>d)", re.ASCII | re.DOTALL),
    (r"[^\W\d_]{2,}", 0),
    (r"x*", re.VERBOSE),
]
PROBES = ["word word", "Reuters REPORTED it", "the U.S. Army's", "ALPHA beta Beta γάμμα", "# one\n  # two", "abd abcd", "éé 12", ""]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("EDITLINT_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(tmp_path))
    _recache.uninstall()
    yield tmp_path
    _recache.uninstall()


def _fresh(pattern: str, flags: int) -> re.Pattern[str]:
    re.purge()  # re keeps compiled patterns in memory: make it compile
    return re.compile(pattern, flags)


def _behaviour(p: re.Pattern[str]) -> list:
    out: list = [p.pattern, p.flags, p.groups, dict(p.groupindex)]
    for probe in PROBES:
        out.append([(m.span(), m.groups(), m.groupdict()) for m in p.finditer(probe)])
        out.append(p.sub("<\\g<0>>", probe))
    return out


def test_programs_from_the_cache_behave_like_re(cache_dir):
    expected = [_behaviour(_fresh(p, f)) for p, f in PATTERNS]
    assert _recache.install()
    first = [_behaviour(_fresh(p, f)) for p, f in PATTERNS]  # compiled, programs kept
    _recache.save()
    _recache.uninstall()
    assert list(cache_dir.glob("re-programs-*.marshal"))

    assert _recache.install()
    state = _recache._state
    assert state is not None and {(p, int(f)) for p, f in PATTERNS} <= set(state.programs)
    second = [_behaviour(_fresh(p, f)) for p, f in PATTERNS]  # served from the file
    assert state.added == 0
    assert first == expected and second == expected


def test_cached_pattern_equals_a_freshly_compiled_one(cache_dir):
    _recache.install()
    _fresh(r"\d+(?:\.\d+)?", re.IGNORECASE)
    _recache.save()
    _recache.uninstall()
    _recache.install()
    served = _fresh(r"\d+(?:\.\d+)?", re.IGNORECASE)
    _recache.uninstall()
    assert served == _fresh(r"\d+(?:\.\d+)?", re.IGNORECASE)  # same pattern, flags and program


def test_invalid_patterns_raise_as_usual(cache_dir):
    _recache.install()
    with pytest.raises(re.error) as caught:
        _fresh("(unclosed", 0)
    _recache.uninstall()
    with pytest.raises(re.error) as plain:
        _fresh("(unclosed", 0)
    assert str(caught.value) == str(plain.value)


def test_a_corrupt_or_foreign_file_is_ignored(cache_dir):
    _recache.install()
    file = _recache._state.file
    _recache.uninstall()
    for content in (b"not marshal at all", marshal.dumps(("another key", 1, {("a", 0): [0, 0, b"", 0, {}, ()]})), marshal.dumps(("pair", {}))):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
        assert _recache.install()
        assert _recache._state.programs == {}
        assert _fresh("a+b", 0).fullmatch("aab")
        _recache.uninstall()


def test_a_program_the_engine_refuses_is_compiled_anew(cache_dir):
    from array import array

    _recache.install()
    state = _recache._state
    bad = array("I", [999999, 1, 2]).tobytes()
    state.programs[("z+", 0)] = [0, 0, bad, 0, {}, ()]  # not a valid program
    assert _fresh("z+", 0).fullmatch("zzz")
    assert state.programs[("z+", 0)][2] != bad
    _recache.uninstall()


def test_programs_unused_for_a_while_are_dropped(cache_dir):
    for run in range(_recache.KEEP_SAVES + 2):
        _recache.install()
        _fresh("kept+", 0)
        if run == 0:
            _fresh("once+", 0)
        _fresh(f"new{run}+", 0)  # something new every run, so every run saves
        _recache.save()
        _recache.uninstall()
    _recache.install()
    programs = _recache._state.programs
    _recache.uninstall()
    assert ("kept+", 0) in programs and ("once+", 0) not in programs and ("new0+", 0) not in programs
    assert (f"new{_recache.KEEP_SAVES + 1}+", 0) in programs


def test_the_switch_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("EDITLINT_NO_DATA_CACHE", "1")
    _recache.uninstall()
    assert not _recache.install()
    assert _recache._state is None


def test_an_unwritable_folder_never_fails(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.delenv("EDITLINT_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(blocker / "sub"))  # a folder under a file
    _recache.uninstall()
    assert _recache.install()
    assert _fresh("q{2}", 0).fullmatch("qq")
    _recache.save()  # cannot write: silently nothing
    _recache.uninstall()
    assert not (blocker / "sub").exists()


def test_the_command_line_installs_it_only_for_its_run(cache_dir, run_cli, tmp_path):
    from re import _compiler

    before = _compiler.compile
    draft = tmp_path / "d.txt"
    draft.write_text("Reuters said the talks stalled.\n", encoding="utf-8")
    run_cli("--no-cache", str(draft))
    assert _compiler.compile is before
    assert list(cache_dir.glob("re-programs-*.marshal"))
