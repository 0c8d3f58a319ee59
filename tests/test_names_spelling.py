"""NAM002 inconsistent-name-spelling: which names are compared and which pairs count."""

from __future__ import annotations

from collections import Counter

import pytest

from editlint.rules.names.gazetteer import Gazetteer, base_gazetteer
from editlint.rules.names.spelling import document_names, find_variant_pairs


@pytest.fixture(scope="module")
def gaz():
    return base_gazetteer()


def pairs(names, gaz, **kw):
    return {(p.flagged, p.other, p.how) for p in find_variant_pairs(names, gaz, **kw)}


def test_document_names_drop_ordinary_words_and_possessives(gaz):
    counts = Counter({"However": 3, "Tehran's": 1, "Tehran": 2, "Turkey": 1, "Officials'": 1, "Co-operation": 1, "Bob": 1})
    assert document_names(counts, gaz) == {"Tehran": 3, "Turkey": 1}


def test_document_names_allow_option(gaz):
    assert document_names(Counter({"Qatar": 1, "Qater": 1}), gaz, allow=["Qater"]) == {"Qatar": 1}


def test_folded_and_listed_and_edit_pairs(gaz):
    names = {"Al-Alam": 2, "Alalam": 1, "Tehran": 3, "Teheran": 1, "Kyiv": 2, "Kiev": 1, "Qatar": 2, "Qater": 1}
    assert pairs(names, gaz) == {
        ("Alalam", "Al-Alam", "folded"),
        ("Teheran", "Tehran", "listed"),
        ("Kiev", "Kyiv", "listed"),
        ("Qater", "Qatar", "edit"),
    }


def test_transposed_letters(gaz):
    assert pairs({"Ouagadougou": 2, "Ouagadoguou": 1}, gaz) == {("Ouagadoguou", "Ouagadougou", "transposed")}


@pytest.mark.parametrize(
    "names",
    [
        {"Iran": 1, "Iraq": 1},
        {"Austria": 1, "Australia": 1},
        {"Slovakia": 1, "Slovenia": 1},
        {"Niger": 1, "Nigeria": 1},
        {"Sudan": 1, "South": 1},
        {"Israel": 1, "Israeli": 1},
        {"Iran": 1, "Iranian": 1},
        {"Brown": 1, "Browne": 1},
        {"Maria": 1, "Marie": 1},
        {"Horan": 1, "Horgan": 1},
        {"Mason": 1, "Jason": 1},
        {"SaudiIsraeli": 1, "Saudi-Israeli": 1},
    ],
)
def test_different_names_are_not_variants(gaz, names):
    assert pairs(names, gaz) == set()


def test_long_unknown_names_one_letter_apart_are_variants(gaz):
    assert pairs({"Ouagadougou": 3, "Ouagadougu": 1}, gaz) == {("Ouagadougu", "Ouagadougou", "edit")}


def test_an_unknown_spelling_more_frequent_than_the_known_one_is_another_name(gaz):
    assert pairs({"Anastasia": 1, "Anastacia": 3}, gaz) == set()


def test_min_length(gaz):
    assert pairs({"Qatar": 2, "Qater": 1}, gaz, min_length=6) == set()


def test_choice_of_spelling_to_flag():
    """Unknown before known; else the rarer; a tie is left to the order of use."""
    gaz = Gazetteer({"Qatar": frozenset({"country"})}, {}, frozenset(), frozenset())
    assert find_variant_pairs({"Qatar": 1, "Qater": 5}, gaz) == []  # unknown and more frequent: another name
    (pair,) = find_variant_pairs({"Borromeo-Ruiz": 1, "Borromeoruiz": 3}, gaz)
    assert (pair.flagged, pair.tie) == ("Borromeo-Ruiz", False)
    (pair,) = find_variant_pairs({"Gölcük": 1, "Golcuk": 1}, gaz)
    assert pair.tie and {pair.flagged, pair.other} == {"Gölcük", "Golcuk"}


def test_diagnostic_names_both_spellings_and_their_lines():
    from editlint.config import Config
    from editlint.document import parse
    from editlint.engine import Linter
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config())
    linter = Linter(host, registry, config, select=["NAM002"])
    text = "Gölcük was hit.\n\nGolcuk was flooded.\n\nGölcük again.\n"
    (d,) = linter.check(parse(text, "d.md")).diagnostics
    assert text[d.span.start : d.span.end] == "Golcuk"
    assert d.message == "name spelled two ways: 'Golcuk' (line 3) and 'Gölcük' (lines 1, 5)"
    assert d.data["spellings"] == ["Golcuk", "Gölcük"]
