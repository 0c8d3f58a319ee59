"""The names gazetteer: data files, lookups and extension from config."""

from __future__ import annotations

import pytest

from editlint.errors import ConfigError
from editlint.rules.names.gazetteer import (
    CATEGORY_FILES,
    Gazetteer,
    base_gazetteer,
    fold,
    gazetteer_for,
    read_entries,
    read_user_files,
)
from editlint.resources import data_file


def test_read_entries_strips_comments_and_blank_lines(tmp_path):
    """Full-line and trailing comments go; '#' inside a word stays."""
    path = tmp_path / "names.txt"
    path.write_text("# header\n\nKilroy-Silk  # a double-barrelled name\nC#Sharp\n  Saudi Arabia \n", encoding="utf-8")
    assert read_entries(path) == ["Kilroy-Silk", "C#Sharp", "Saudi Arabia"]


def test_fold_ignores_accents_case_and_punctuation():
    """Spellings that differ only in accents, case or hyphens share a key."""
    assert fold("Al-Alam") == fold("Alalam") == "alalam"
    assert fold("Gölcük") == fold("golcuk") == "golcuk"
    assert fold("O’Neill") == fold("ONeill")
    assert fold("PlayStation") == fold("Playstation")


def test_every_data_file_has_a_source_note():
    """Each bundled file says where its entries come from."""
    folder = data_file("names")
    for name in [*CATEGORY_FILES.values(), "camelcase-allowlist.txt", "variants.txt", "common-words.txt"]:
        head = (folder / name).read_text(encoding="utf-8")[:3000]
        assert head.startswith("#"), name
        assert "Source" in head, f"{name} has no source note"


def test_categories_of_bundled_names():
    """Countries, demonyms, combining forms and given names are known; words are not names."""
    gaz = base_gazetteer()
    assert "demonym" in gaz.categories("Saudi")
    assert "country" in gaz.categories("Qatar")
    assert "combining" in gaz.categories("Sino")
    assert "given" in gaz.categories("Jean")
    assert "place" in gaz.categories("Zürich") and "place" in gaz.categories("Zurich")
    assert not gaz.categories("Clearview")
    assert gaz.is_common("Garden") and not gaz.is_common("Israeli")


def test_multi_word_entries_are_compounds():
    gaz = base_gazetteer()
    assert gaz.compound("saudiarabia") == "Saudi Arabia"
    assert gaz.compound("rollsroyce") == "Rolls-Royce"
    # compounds.txt wins over another file's spelling of the same name
    assert gaz.compound("aljazeera") == "Al-Jazeera"


def test_allowlist_covers_plurals():
    gaz = base_gazetteer()
    assert gaz.is_allowed("PlayStation") and gaz.is_allowed("PlayStations")
    assert not gaz.is_allowed("SaudiIsraeli")


def test_plain_words_hold_capitalised_words_but_not_names():
    gaz = base_gazetteer()
    assert "However" in gaz.plain_words
    assert "Turkey" not in gaz.plain_words  # a country, although "turkey" is a word


def test_extended_adds_user_names_and_allow_entries():
    gaz = Gazetteer({"Saudi": frozenset({"demonym"})}, {}, frozenset(), frozenset({"garden"}))
    more = gaz.extended(["Kilroy", "Kilroy-Silk"], ["ClearView"])
    assert more.categories("Kilroy") == {"user"}
    assert more.compound("kilroysilk") == "Kilroy-Silk"
    assert more.is_allowed("ClearView")
    assert gaz.extended() is gaz
    assert not gaz.categories("Kilroy")  # the original is unchanged


def test_user_files_are_read_relative_to_the_config_folder(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "names.txt").write_text("# our names\nKilroy\nSilk\n", encoding="utf-8")
    assert read_user_files(["desk/names.txt"], tmp_path) == ["Kilroy", "Silk"]
    gaz = gazetteer_for(name_files=["desk/names.txt"], root=tmp_path)
    assert "user" in gaz.categories("Silk")


def test_a_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read names file 'nope.txt'"):
        read_user_files(["nope.txt"], tmp_path)


def test_edited_user_file_is_read_again(tmp_path):
    """The per-configuration cache notices a changed file."""
    path = tmp_path / "names.txt"
    path.write_text("Kilroy\n", encoding="utf-8")
    first = gazetteer_for(name_files=[str(path)])
    path.write_text("Kilroy\nBaskin\n", encoding="utf-8")
    import os

    os.utime(path, ns=(1, 10**18))
    second = gazetteer_for(name_files=[str(path)])
    assert not first.categories("Baskin") and second.categories("Baskin")
