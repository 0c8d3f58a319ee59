"""The prepared-data cache (editlint.prepared) and the data it holds."""

from __future__ import annotations

import marshal
import os

import pytest

from editlint import prepared


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("EDITLINT_NO_DATA_CACHE", raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(folder))
    return folder


def _source(tmp_path, text="a\nb\n"):
    path = tmp_path / "words.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_built_once_then_read_back(cache, tmp_path):
    src = _source(tmp_path)
    calls = []

    def build():
        calls.append(1)
        return {"words": frozenset(src.read_text().split()), "n": 2, "rows": [("a", 1.5, None, True)]}

    first = prepared.load("words", [src], build)
    second = prepared.load("words", [src], build)
    assert first == second and len(calls) == 1
    assert len(list(cache.glob("words-*.marshal"))) == 1


def test_a_changed_source_rebuilds(cache, tmp_path):
    src = _source(tmp_path)
    assert prepared.load("words", [src], lambda: src.read_text()) == "a\nb\n"
    src.write_text("a\nb\nc\n", encoding="utf-8")
    assert prepared.load("words", [src], lambda: src.read_text()) == "a\nb\nc\n"
    assert len(list(cache.glob("words-*.marshal"))) == 1  # the stale file is gone


def test_an_edited_builder_module_rebuilds(cache, tmp_path):
    src = _source(tmp_path)
    builder = tmp_path / "builder.py"
    builder.write_text("# v1\n")
    assert prepared.load("words", [src], lambda: 1, builder=builder) == 1
    builder.write_text("# version 2\n")
    assert prepared.load("words", [src], lambda: 2, builder=builder) == 2


@pytest.mark.parametrize("content", [b"", b"garbage", marshal.dumps("not a pair"), marshal.dumps((("other", "key"), 42))])
def test_corrupt_or_foreign_files_are_ignored(cache, tmp_path, content):
    src = _source(tmp_path)
    prepared.load("words", [src], lambda: "fresh")
    (file,) = cache.glob("words-*.marshal")
    file.write_bytes(content)
    assert prepared.load("words", [src], lambda: "rebuilt") == "rebuilt"


def test_unwritable_folder_and_switch_still_build(tmp_path, monkeypatch):
    src = _source(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.delenv("EDITLINT_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(blocker / "cache"))
    assert prepared.load("words", [src], lambda: 7) == 7
    monkeypatch.setenv("EDITLINT_NO_DATA_CACHE", "1")
    assert prepared.cache_dir() is None
    assert prepared.load("words", [src], lambda: 8) == 8


def test_data_that_is_not_plain_is_never_written(cache, tmp_path):
    src = _source(tmp_path)
    value = prepared.load("objects", [src], lambda: [object()])
    assert len(value) == 1 and not list(cache.glob("objects-*"))


def test_a_missing_source_builds_without_caching(cache, tmp_path):
    assert prepared.load("gone", [tmp_path / "missing.txt"], lambda: "built") == "built"
    assert not cache.exists() or not list(cache.glob("gone-*"))


def test_location_follows_the_variables_then_xdg_then_home(monkeypatch, tmp_path):
    for var in ("EDITLINT_NO_DATA_CACHE", "EDITLINT_DATA_CACHE_DIR", "EDITLINT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert prepared.cache_dir() == tmp_path / ".cache" / "editlint"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert prepared.cache_dir() == tmp_path / "xdg" / "editlint"
    monkeypatch.setenv("EDITLINT_CACHE_DIR", str(tmp_path / "results"))
    assert prepared.cache_dir() == tmp_path / "results" / "data"
    monkeypatch.setenv("EDITLINT_DATA_CACHE_DIR", str(tmp_path / "data"))
    assert prepared.cache_dir() == tmp_path / "data"


def test_dedupe_keeps_values_and_shares_equal_ones():
    a, b = "".join(["Rus", "sia"]), "".join(["Russ", "ia"])
    data = {"x": [(a, frozenset({"state"})), (b, frozenset({"state"}))], "y": {a}, "z": 1.5}
    out = prepared.dedupe(data)
    assert out == data and out["x"][0][0] is out["x"][1][0] and out["x"][0][1] is out["x"][1][1]
    assert len(marshal.dumps(out)) < len(marshal.dumps(data))


# -- the bundled data read through the cache equals the data read from its sources ----------------


def test_outlets_from_the_cache_equal_a_fresh_parse(cache):
    from editlint import outlets
    from editlint.resources import data_file

    fresh_rows, fresh_indices = outlets._prepare(data_file("outlets.toml"), data_file("outlets-asd.tsv"))
    outlets._BASE = None
    outlets._CACHE.clear()
    try:
        for _ in range(2):  # built, then read back
            outlets._BASE = None
            base = outlets._load_bundled()
            assert [tuple(getattr(o, f) for f in o.__slots__) for o in base] == [tuple(r) for r in fresh_rows]
            assert outlets._BASE_INDICES == fresh_indices
    finally:
        outlets._BASE = None
        outlets._CACHE.clear()


def test_restored_registry_indices_equal_computed_ones():
    from editlint.outlets import OutletRegistry, _load_bundled, get_registry

    restored = get_registry()
    fresh = OutletRegistry(_load_bundled())
    assert restored._snapshot() == fresh._snapshot()
    for name in ("Reuters", "the Guardian", "Al-Alam", "Alalam News", "tasnim news agency", "AP", "Ap", "Press TV"):
        assert restored.by_name(name) == fresh.by_name(name)
    for url in ("https://t.me/s/Tasnimnews_EN/5", "https://english.alarabiya.net/x", "youtube.com/@AFP"):
        assert restored.match_url(url) == fresh.match_url(url)


def test_lexicon_entries_from_the_cache_equal_a_fresh_parse(cache):
    from editlint.rules.framing import lexicon

    fresh = lexicon.parse_lexicon(lexicon._read_toml(lexicon.data_file(lexicon.LEXICON_FILE)))
    for _ in range(2):
        lexicon.default_entries.cache_clear()
        lexicon.load_data.cache_clear()
        categories, entries = lexicon.default_entries()
        assert categories == fresh[0] and list(entries) == fresh[1]
    lexicon.default_entries.cache_clear()
    lexicon.load_data.cache_clear()


def test_gazetteer_from_the_cache_equals_a_fresh_read(cache):
    from editlint.rules.names import gazetteer

    fresh = gazetteer._read_bundled(gazetteer.data_file("names"))
    for _ in range(2):
        gazetteer.base_gazetteer.cache_clear()
        g = gazetteer.base_gazetteer()
        assert (g.words, g.compounds, g.allow, g.common, g.variants, g.common_is_simple) == fresh
    gazetteer.base_gazetteer.cache_clear()
    assert os.path.isdir(cache)
