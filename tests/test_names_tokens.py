"""Finding capitalised names and splitting CamelCase tokens."""

from __future__ import annotations

from collections import Counter

import pytest

from editlint.document import parse
from editlint.rules.names.tokens import camel_candidates, clean, name_tokens, occurrences, split_camel


def test_name_tokens_counts_capitalised_tokens_of_the_prose_view():
    doc = parse("Talks in Tehran. `Tehran` in code. Tehran's mayor and the iPhone.\n", "d.md")
    counts = name_tokens(doc)
    assert counts["Tehran"] == 1 and counts["Tehran's"] == 1
    assert "Phone" in counts  # found inside "iPhone"; rejected later by the boundary checks
    assert name_tokens(doc) is counts  # computed once per document


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Blair's", "Blair"),
        ("Zarif’s", "Zarif"),
        ("Jones’", "Jones"),
        ("Saudi-led", "Saudi"),
        ("Kilroy-Silk's", "Kilroy-Silk"),
        ("Al-Alam", "Al-Alam"),
        ("Tehran", "Tehran"),
    ],
)
def test_clean_removes_possessives_and_lower_case_tails(raw, name):
    assert clean(raw) == name


def test_camel_candidates():
    """CamelCase pieces only; acronyms, digits and plain names are not candidates."""
    tokens = Counter(["SaudiIsraeli", "Anti-FrancoGerman", "McDonaldUSA", "Tehran", "Saudi-Israeli", "KilroySilk's"])
    assert camel_candidates(tokens) == {"SaudiIsraeli", "FrancoGerman", "KilroySilk"}


@pytest.mark.parametrize(
    ("token", "parts", "particle_start"),
    [
        ("SaudiIsraeli", ["Saudi", "Israeli"], False),
        ("GlaxoSmithKline", ["Glaxo", "Smith", "Kline"], False),
        ("RonaldMcDonald", ["Ronald", "McDonald"], False),
        ("LeonardoDiCaprio", ["Leonardo", "DiCaprio"], False),
        ("MacArthur", ["MacArthur"], True),
        ("DiCaprio", ["DiCaprio"], True),
        ("ElBaradei", ["ElBaradei"], True),
        ("GölcükIzmit", ["Gölcük", "Izmit"], False),
    ],
)
def test_split_camel(token, parts, particle_start):
    assert split_camel(token) == (parts, particle_start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on SaudiIsraeli ties", [3]),
        ("SaudiIsraeli's ties", [0]),
        ("(SaudiIsraeli)", [1]),
        ("SaudiIsraeli-led talks", [0]),
        ("see @SaudiIsraeli and #SaudiIsraeli", []),
        ("mail KilroySilk@example.com", []),
        ("visit SaudiIsraeli.com today", []),
        ("the file a.SaudiIsraeli", []),
        ("xSaudiIsraeli and SaudiIsraelis", []),
        ("end of SaudiIsraeli.", [7]),
    ],
)
def test_occurrences_respect_token_boundaries(text, expected):
    form = "KilroySilk" if "Kilroy" in text else "SaudiIsraeli"
    assert list(occurrences(text, form)) == expected


def test_occurrences_can_skip_parts_of_hyphenated_compounds():
    text = "Saudi-Israeli talks; Saudi officials; Saudi-led forces"
    assert list(occurrences(text, "Saudi", hyphen_compound_ok=False)) == [21, 38]
    assert list(occurrences(text, "Saudi")) == [0, 21, 38]
