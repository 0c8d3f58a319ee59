"""NAM002 inconsistent-name-spelling: one name spelled two ways in a document.

Comparison runs on the document's distinct capitalised names, not on its
text: names that differ only in accents, case or hyphens (Al-Alam/Alalam)
share a folded key; listed variants (Kyiv/Kiev) share a group; other pairs
one edit apart (Tehran/Teheran, Qatar/Qater) are compared within buckets of
the same first letter and near lengths, with a linear test for an
optimal-string-alignment distance of one (:func:`one_edit`).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from editlint.diagnostic import Severity
from editlint.document import Document, Span
from editlint.rule import Rule
from editlint.rules.names.gazetteer import Gazetteer, fold, gazetteer_for, resolve
from editlint.rules.names.tokens import clean, name_tokens, occurrences

#: Endings that make a different word or a different name from the same
#: stem (Iran/Iranian, Israel/Israeli, Smith/Smiths, Brown/Browne,
#: Malone/Maloney), not a different spelling.
INFLECTIONS = frozenset({"s", "es", "e", "y", "i", "is", "n", "an", "ans", "ian", "ians", "ese", "ish", "ism", "ist", "ists", "ite", "ites", "er", "ers"})
#: Names one edit apart that are both this long are taken for one name
#: (Mukherjee/Mukerjee); shorter ones are too often two people
#: (Horan/Horgan, Warne/Wayne, Kevin/Kelvin).
LONG_NAME = 8
_ENTITIES = frozenset({"country", "place", "organisation", "company", "demonym"})


@dataclass(frozen=True)
class VariantPair:
    """Two spellings of one name found in a document.

    ``flagged`` is the spelling to report (the unknown one, else the rarer,
    else the one used later: see ``tie``); ``other`` is the spelling to keep.
    """

    flagged: str
    other: str
    how: str  # "folded", "listed", "transposed" or "edit"
    #: True when nothing but the order of first use can tell which to flag.
    tie: bool = False


def document_names(counts: Mapping[str, int], gaz: Gazetteer, allow: Iterable[str] = ()) -> dict[str, int]:
    """Return the names worth comparing, with their counts.

    Possessives and lower-case tails are removed ("Blair's" -> "Blair");
    capitalised ordinary words ("However", "Co-operation") are dropped unless
    the gazetteer knows them as names.
    """
    common, words = gaz.common, gaz.words
    # Capitalised ordinary words go first; what is left is mostly names,
    # plus a few tokens with punctuation that need cleaning.
    survivors = gaz.without_plain_words(counts.keys())
    names = {t: counts[t] for t in survivors if len(t) > 3 and t.isalpha()}
    for raw in survivors.difference(names):
        if raw.isalpha():
            continue  # too short
        name = clean(raw)
        low = name.lower()
        if len(name) < 4 or ((low in common or low.replace("-", "") in common) and name not in words):
            continue
        names[name] = names.get(name, 0) + counts[raw]
    for name in allow:
        names.pop(name, None)
    return names


def _camel_split_pair(a: str, b: str) -> bool:
    """True for "SaudiIsraeli" vs "Saudi-Israeli": NAM001's business."""
    for solid, split in ((a, b), (b, a)):
        if "-" in split and "-" not in solid and split.replace("-", "") == solid:
            return True
    return False


def _inflection(a: str, b: str) -> bool:
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    return long_.startswith(short) and long_[len(short):] in INFLECTIONS


def find_variant_pairs(names: Mapping[str, int], gaz: Gazetteer, *, min_length: int = 5) -> list[VariantPair]:
    """Return the pairs of ``names`` that look like one name spelled two ways."""
    keyed = [(n.lower() if n.isascii() and n.isalpha() else fold(n), n) for n in names]
    by_key: dict[str, list[str]] = {key: [name] for key, name in keyed}
    clashes: list[str] = []
    if len(by_key) < len(keyed):  # some names share a key: group them all
        by_key = {}
        for key, name in keyed:
            by_key.setdefault(key, []).append(name)
        clashes = [key for key, spellings in by_key.items() if len(spellings) > 1]
    long_keys = sorted(key for key in by_key if len(key) >= min_length)
    buckets = [group for group in (list(g) for _, g in groupby(long_keys, itemgetter(0))) if len(group) > 1]
    pairs: list[tuple[str, str, str]] = []
    # 1. same letters: accents, case, hyphens or apostrophes differ
    for key in clashes:
        spellings = by_key[key]
        for i, a in enumerate(spellings):
            for b in spellings[i + 1 :]:
                if not _camel_split_pair(a, b):
                    pairs.append((a, b, "folded"))
    # 2. listed variants (Kyiv/Kiev)
    listed = gaz.variants.keys() & by_key.keys()
    if len(listed) > 1:
        groups: dict[int, list[str]] = defaultdict(list)
        for key in sorted(listed):
            groups[gaz.variants[key]].append(by_key[key][0])
        for members in groups.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.append((a, b, "listed"))
    # 3. one edit apart: only names with the same first letter and lengths
    # at most one apart can be, so compare within those buckets.
    candidates = (pair for keys in buckets for pair in _neighbours(keys))
    for ka, kb in candidates:
        if len(pairs) >= MAX_PAIRS:
            break
        edit = one_edit(ka, kb)
        if not edit:
            continue
        a, b = by_key[ka][0], by_key[kb][0]
        if not _edit_pair_plausible(a, b, ka, kb, names, gaz):
            continue
        if edit == TRANSPOSITION:
            pairs.append((a, b, "transposed"))
        elif min(len(ka), len(kb)) >= LONG_NAME or _entity_typo(a, b, gaz):
            pairs.append((a, b, "edit"))
    out: list[VariantPair] = []
    seen: set[frozenset[str]] = set()
    for a, b, how in pairs:
        if len(out) >= MAX_PAIRS:
            break
        if frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        flagged, other, tie = _choose(a, b, names, gaz)
        if how == "edit" and names[flagged] > names[other]:
            continue  # the unknown spelling is the usual one here: two names
        out.append(VariantPair(flagged, other, how, tie))
    return out


#: Above this many names in one bucket, candidate pairs come from an index of
#: one-letter deletions (linear in the names' letters) instead of all pairs.
_PAIRWISE_LIMIT = 24
#: A deletion shared by more names than this is a pattern (generated names,
#: lists of codes), not a misspelling; it is not expanded into pairs.
_GROUP_LIMIT = 6
#: At most this many pairs are reported per document.
MAX_PAIRS = 50


#: What :func:`one_edit` returns for two strings one edit apart.
SUBSTITUTION, INSERTION, TRANSPOSITION = 1, 2, 3


def one_edit(a: str, b: str) -> int:
    """Tell whether ``a`` and ``b`` are one edit apart (optimal string alignment distance 1).

    Returns 0 when they are not, else :data:`SUBSTITUTION`,
    :data:`INSERTION` (either way) or :data:`TRANSPOSITION` (adjacent
    letters swapped: Levenshtein distance 2). Linear in the strings' length;
    the same answers as ``rapidfuzz.distance.OSA.distance(a, b) == 1`` and
    ``Levenshtein.distance(a, b) == 2``, without that import at start-up.
    """
    la, lb = len(a), len(b)
    if la == lb:
        if a == b:
            return 0
        i = 0
        while a[i] == b[i]:
            i += 1
        if a[i + 1 :] == b[i + 1 :]:
            return SUBSTITUTION
        if i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
            return TRANSPOSITION
        return 0
    if la > lb:
        a, b, la, lb = b, a, lb, la
    if lb - la != 1:
        return 0
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return INSERTION if a[i:] == b[i + 1 :] else 0


def _neighbours(keys: list[str]) -> Iterator[tuple[str, str]]:
    """Yield the pairs of ``keys`` (one bucket) that may be one edit apart."""
    if len(keys) <= _PAIRWISE_LIMIT:
        keys.sort(key=len)
        for i, ka in enumerate(keys):
            for kb in keys[i + 1 :]:
                if len(kb) - len(ka) > 1:
                    break
                yield ka, kb
        return
    # Two strings one substitution, insertion, deletion or transposition
    # apart share a string obtained by deleting one letter from each (or
    # from the longer one only).
    index: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        index[key].append(key)
        for i in range(len(key)):
            index[key[:i] + key[i + 1 :]].append(key)
    seen: set[tuple[str, str]] = set()
    for group in index.values():
        if len(group) > _GROUP_LIMIT:
            continue
        for i, ka in enumerate(group):
            for kb in group[i + 1 :]:
                pair = (ka, kb) if ka < kb else (kb, ka)
                if ka != kb and pair not in seen:
                    seen.add(pair)
                    yield pair


def _edit_pair_plausible(a: str, b: str, ka: str, kb: str, names: Mapping[str, int], gaz: Gazetteer) -> bool:
    """Guards for names one edit apart: distinct known names, inflections and
    final-letter swaps (Maria/Marie) are different names, not misspellings."""
    if len(ka) == len(kb) and ka[:-1] == kb[:-1]:
        return False
    if _inflection(a, b) or _camel_split_pair(a, b):
        return False
    if gaz.is_known(a) and gaz.is_known(b) and not gaz.same_variant_group(a, b):
        return False
    return True


def _entity_typo(a: str, b: str, gaz: Gazetteer) -> bool:
    """True when one spelling is a known place, nation or organisation and
    the other is unknown (Qatar/Qater)."""
    ca, cb = gaz.categories(a), gaz.categories(b)
    return (bool(ca & _ENTITIES) and not cb) or (bool(cb & _ENTITIES) and not ca)


def _choose(a: str, b: str, names: Mapping[str, int], gaz: Gazetteer) -> tuple[str, str, bool]:
    """Return (flagged, other, tie): the unknown spelling, else the rarer."""
    known_a = gaz.is_known(a) or gaz.is_allowed(a)
    known_b = gaz.is_known(b) or gaz.is_allowed(b)
    if known_a != known_b:
        return (b, a, False) if known_a else (a, b, False)
    if names[a] != names[b]:
        return (a, b, False) if names[a] < names[b] else (b, a, False)
    return (a, b, True) if a > b else (b, a, True)


def _where(doc: Document, form: str, most: int = 5, scan: int = 200) -> tuple[int | None, list[int], bool]:
    """Where ``form`` occurs outside quoted speech: its first offset, its
    first ``most`` distinct lines, and whether there may be more (only the
    first ``scan`` occurrences are looked at)."""
    first: int | None = None
    lines: list[int] = []
    for seen, start in enumerate(occurrences(doc.prose, form, hyphen_compound_ok=False)):
        if seen >= scan or len(lines) >= most:
            return first, lines, True
        if doc.in_quote(start):
            continue
        if first is None:
            first = start
        line = doc.position(start).line
        if line not in lines:
            lines.append(line)
    return first, lines, False


def _lines(lines: list[int], more: bool) -> str:
    shown = ", ".join(str(n) for n in lines[:4]) + (", ..." if more or len(lines) > 4 else "")
    return f"line {shown}" if len(lines) == 1 and not more else f"lines {shown}"


class InconsistentNameSpelling(Rule):
    """The same name spelled two ways in one document ("Tehran" and "Teheran").

    ## What it flags
    Two spellings of one name in the same document: spellings that differ
    only in accents, case, hyphens or apostrophes (`Al-Alam` / `Alalam`,
    `Gölcük` / `Golcuk`, `PlayStation` / `Playstation`); spellings listed
    as variants of one name in `rules/data/names/variants.txt` (`Kyiv` /
    `Kiev`); and names one letter apart (`Tehran` / `Teheran`, `Qatar` /
    `Qater`, `Zelensky` / `Zelenskyy`). The diagnostic sits on the first
    occurrence of the spelling to change (the one the gazetteer does not
    know, else the rarer, else the later) and names both spellings with the
    lines where each occurs; one diagnostic per pair.

    Different real names that are close are not variants: two names the
    gazetteer knows as distinct (Iran/Iraq, Austria/Australia,
    Slovakia/Slovenia, Niger/Nigeria), inflections (Iran/Iranian,
    Israel/Israeli), names that differ in their first letter (Mason/Jason)
    or only in their last letter (Maria/Marie), ordinary words capitalised
    at a sentence start, and names shorter than `min-length` letters.

    ## Why it matters
    A name spelled two ways looks careless, confuses searches and archives,
    and often means one of the spellings is simply wrong.

    ## Example
    ```markdown
    Talks resumed in Tehran on Monday. Officials in Teheran said little.
    ```

    ## Use instead
    ```markdown
    Talks resumed in Tehran on Monday. Officials in Tehran said little.
    ```

    ## Options
    - `min-length` (default `5`): the shortest name (in letters) compared
      for one-letter differences; shorter names are only compared for
      accents, case and hyphens.
    - `allow` (default `[]`): names never reported or compared, e.g. two
      people whose names really differ by one letter.

    Names added with the top-level settings `known-names` and `name-files`
    (see NAM001) count as known, distinct names.

    ## Known limitations
    Quoted speech is not compared. Only single names (with hyphens) are
    compared, not multi-word names ("Time Warner" / "TimeWarner"). Two
    different people whose long names are one letter apart and unknown to
    the gazetteer are reported; add one of them to `allow` or to
    `known-names`. At most 50 pairs are reported per document, and names
    that share a one-letter deletion with many others (generated lists,
    codes) are not compared.
    """

    code = "NAM002"
    name = "inconsistent-name-spelling"
    severity = Severity.WARNING
    skip_quotes = True
    options = {"min-length": 5, "allow": []}
    root: Path | None = None

    def gazetteer(self) -> Gazetteer:
        return gazetteer_for(self.settings.get("known-names", ()), (), self.settings.get("name-files", ()), (), self.root)

    def prepare(self) -> None:
        self.gazetteer().plain_words  # noqa: B018 - built once, before workers fork

    def cache_inputs(self) -> list[Path]:
        """Files read besides the draft, so the result cache sees their edits."""
        return [resolve(f, self.root) for f in self.settings.get("name-files", ())]

    def check(self, doc: Document):
        counts = name_tokens(doc)
        if len(counts) < 2:
            return
        gaz = self.gazetteer()
        names = document_names(counts, gaz, self.opt("allow"))
        for pair in find_variant_pairs(names, gaz, min_length=self.opt("min-length")):
            first, lines, more = _where(doc, pair.flagged)
            other_first, other_lines, other_more = _where(doc, pair.other)
            if first is None or other_first is None:
                continue
            if pair.tie and first < other_first:  # keep the spelling used first
                pair = VariantPair(pair.other, pair.flagged, pair.how)
                first, lines, more, other_lines, other_more = other_first, other_lines, other_more, lines, more
            yield self.diagnostic(
                doc,
                Span(first, first + len(pair.flagged)),
                f"name spelled two ways: '{pair.flagged}' ({_lines(lines, more)}) and '{pair.other}' ({_lines(other_lines, other_more)})",
                help=f"use one spelling throughout, e.g. '{pair.other}'",
                confidence=0.7 if pair.how == "edit" else 0.9,
                data={"spellings": [pair.flagged, pair.other], "match": pair.how},
            )
