"""The names gazetteer: known names by category, compounds, allowlist, words.

The data lives in plain-text files under ``rules/data/names/`` (one entry per
line, ``#`` comments), so newsrooms can read and extend it:

* category files (``countries.txt``, ``demonyms.txt``, ``combining-forms.txt``,
  ``places.txt``, ``organisations.txt``, ``companies.txt``,
  ``given-names.txt``, ``surnames.txt``, ``calendar.txt``, ``prefixes.txt``)
  give every single-word entry its categories; multi-word and hyphenated
  entries ("Saudi Arabia", "Schleswig-Holstein") are *compounds*;
* ``compounds.txt`` lists well-known hyphenated names;
* ``camelcase-allowlist.txt`` lists real CamelCase names (YouTube, PayPal);
* ``variants.txt`` lists spellings of one name (Tehran | Teheran);
* ``common-words.txt`` lists ordinary English words (lower case).

Users add names (``known-names`` setting, ``name-files`` setting) and
allowlist entries (NAM001 options); :meth:`Gazetteer.extended` builds the
combined view once per distinct configuration.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from editlint.resources import data_file

#: Category name -> data file under ``rules/data/names/``.
CATEGORY_FILES: Mapping[str, str] = {
    "compound": "compounds.txt",  # first: its spellings win for shared compounds
    "country": "countries.txt",
    "demonym": "demonyms.txt",
    "combining": "combining-forms.txt",
    "place": "places.txt",
    "organisation": "organisations.txt",
    "company": "companies.txt",
    "given": "given-names.txt",
    "surname": "surnames.txt",
    "calendar": "calendar.txt",
    "prefix": "prefixes.txt",
}
ALLOWLIST_FILE = "camelcase-allowlist.txt"
VARIANTS_FILE = "variants.txt"
COMMON_WORDS_FILE = "common-words.txt"
#: Category given to names users add from config.
USER = "user"
#: Categories whose names are proper nouns even when they are also words
#: ("Turkey", "Chad", "March", "Labour", "Conservative"). Given names and
#: surnames that are words ("Rose", "King", "Wood") are not: brands such as
#: "BlackBerry" are made of them.
ALWAYS_NAMES = frozenset({"country", "demonym", "combining", "calendar", "organisation", USER})
#: Categories of entities (as opposed to people): pairings of these take the
#: house joiner ("Saudi–Israeli", "London–Frankfurt").
ENTITIES = frozenset({"country", "demonym", "place", "organisation", "company", "calendar"})


def fold(text: str) -> str:
    """Return the comparison key of a name: no accents, case or punctuation.

    ``fold("Al-Alam") == fold("Alalam") == "alalam"``;
    ``fold("Gölcük") == "golcuk"``.
    """
    if text.isascii():
        if text.isalnum():
            return text.lower()
        return text.translate(_ASCII_PUNCT).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in text.casefold() if c.isalnum())


_ASCII_PUNCT = str.maketrans("", "", "".join(chr(i) for i in range(128) if not chr(i).isalnum()))


def read_entries(path: Path) -> list[str]:
    """Return the entries of a data file: one per line, ``#`` comments removed."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.isalpha():  # the common case: a bare word
            entries.append(line)
            continue
        if "#" in line:
            hash_at = line.find("#")
            if hash_at == 0 or line[hash_at - 1].isspace():
                line = line[:hash_at]
        entry = line.strip()
        if entry:
            entries.append(entry)
    return entries


_COMPOUND_MARKS = frozenset(" -‐‑–")


def _is_compound(entry: str) -> bool:
    return not _COMPOUND_MARKS.isdisjoint(entry)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Known names and word lists, with O(1) lookups.

    Attributes:
        words: single-word names -> their categories (keys as written, plus
            an accent-free spelling when it differs).
        compounds: folded key -> printed form of multi-word or hyphenated
            names (``"saudiarabia" -> "Saudi Arabia"``).
        allow: CamelCase names that are never reported.
        common: ordinary English words, lower case.
        variants: folded key -> id of its group of spellings.
    """

    words: Mapping[str, frozenset[str]]
    compounds: Mapping[str, str]
    allow: frozenset[str]
    common: frozenset[str]
    variants: Mapping[str, int] = field(default_factory=dict)
    #: Whether ``common`` holds only a-z words (None: not known yet).
    common_is_simple: bool | None = field(default=None, repr=False)
    #: Documents served by :meth:`without_plain_words` so far.
    _served: list[int] = field(default_factory=lambda: [0], repr=False)

    @cached_property
    def plain_words(self) -> frozenset[str]:
        """Capitalised ordinary words that are not names ("However", "Officials").

        See :meth:`is_plain_word` for a test that does not build this set.
        """
        return frozenset(w.capitalize() for w in self.common) - self.words.keys()

    @cached_property
    def _simple_common(self) -> bool:
        # True for the bundled list (a-z words): then a capitalised word is
        # known from its lower-case form, without the 40,000-word plain_words.
        if self.common_is_simple is not None:
            return self.common_is_simple
        return _is_simple(self.common)

    def without_plain_words(self, tokens: Iterable[str]) -> set[str]:
        """``set(tokens) - self.plain_words``.

        Building ``plain_words`` (40,000 capitalised words) costs more than a
        draft; the first documents test their few hundred tokens one by one
        instead, and from the fourth on (a folder of drafts) the set is built
        and subtracted in one C-level operation.
        """
        served = self._served
        served[0] += 1
        if "plain_words" in self.__dict__ or served[0] > 3 or not self._simple_common:
            return set(tokens) - self.plain_words
        is_plain = self.is_plain_word
        return {t for t in tokens if not is_plain(t)}

    def is_plain_word(self, token: str) -> bool:
        """``token in self.plain_words``, without building that set when the word list allows."""
        if token in self.words:
            return False
        if not self._simple_common:
            return token in self.plain_words
        lower = token.lower()
        # for a-z words w, w.capitalize() == token exactly when this holds
        return lower in self.common and lower.capitalize() == token

    # -- lookups ------------------------------------------------------------
    def categories(self, word: str) -> frozenset[str]:
        """Return the categories of ``word`` (empty when unknown)."""
        found = self.words.get(word)
        if found is None and not word.isascii():
            found = self.words.get(_strip_accents(word))
        return found or frozenset()

    def is_known(self, word: str) -> bool:
        return bool(self.categories(word))

    def is_common(self, word: str) -> bool:
        """Return True if ``word`` (any case) is an ordinary English word."""
        return word.lower() in self.common

    def compound(self, key: str) -> str | None:
        """Return the printed form of the compound with folded ``key``."""
        return self.compounds.get(key)

    def is_allowed(self, token: str) -> bool:
        """Return True if ``token`` (or its plural) is an allowlisted CamelCase name."""
        if token in self.allow:
            return True
        return token.endswith("s") and token[:-1] in self.allow

    def same_variant_group(self, a: str, b: str) -> bool:
        ga = self.variants.get(fold(a))
        return ga is not None and ga == self.variants.get(fold(b))

    # -- extension ------------------------------------------------------------
    def extended(self, names: Iterable[str] = (), allow: Iterable[str] = ()) -> Gazetteer:
        """Return a copy with user ``names`` (category ``user``) and ``allow`` entries."""
        names, allow = list(names), list(allow)
        if not names and not allow:
            return self
        words = dict(self.words)
        compounds = dict(self.compounds)
        _add_entries(words, compounds, names, USER)
        return Gazetteer(words, compounds, self.allow | frozenset(allow), self.common, self.variants, self.common_is_simple)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _add_entries(words: dict[str, frozenset[str]], compounds: dict[str, str], entries: Iterable[str], category: str) -> None:
    for entry in entries:
        if _is_compound(entry):
            compounds.setdefault(fold(entry), entry)
            continue
        for key in (entry,) if entry.isascii() else {entry, _strip_accents(entry)}:
            words[key] = words.get(key, frozenset()) | {category}


@lru_cache(maxsize=1)
def base_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process.

    Its parsed form is kept between runs (:mod:`editlint.prepared`): reading
    the 40,000-word list and the category files costs more than a draft.
    The word list is kept as one sorted string (:class:`WordList`): a
    draft asks it about a hundred words, far fewer than it holds.
    """
    from editlint.prepared import load

    folder = data_file("names")
    files = [folder / name for name in (*CATEGORY_FILES.values(), ALLOWLIST_FILE, COMMON_WORDS_FILE, VARIANTS_FILE)]
    words, compounds, allow, common, variants, simple = load("names", files, lambda: _stored(_read_bundled(folder)), builder=__file__)
    return Gazetteer(words, compounds, allow, WordList(common), variants, simple)


def _stored(data: tuple) -> tuple:
    """The bundled data as kept between runs: the word list as one sorted string."""
    words, compounds, allow, common, variants, simple = data
    return words, compounds, allow, WordList.join(common), variants, simple


class WordList:
    """A read-only set of words held as one sorted string, one word a line.

    Loading it is one string; building a hash set of 40,000 words costs
    ~5 ms, more than a draft's hundred lookups. Membership is a binary
    search over the lines until :data:`SET_AFTER` lookups, then a set is
    built (a folder of drafts). Iterating, sizing or comparing builds the
    set. It equals the frozenset of its words.
    """

    __slots__ = ("_text", "_set", "_budget")
    #: Lookups answered by binary search before the set is built.
    SET_AFTER = 2000

    def __init__(self, text: str) -> None:
        self._text = text  # sorted words, each followed by "\n"
        self._set: frozenset[str] | None = None
        self._budget = self.SET_AFTER

    @staticmethod
    def join(words: Iterable[str]) -> str:
        """The stored form of ``words`` (which must not contain line breaks)."""
        return "".join(w + "\n" for w in sorted(set(words)))

    def as_set(self) -> frozenset[str]:
        found = self._set
        if found is None:
            found = self._set = frozenset(self._text.split("\n")[:-1])
        return found

    def __contains__(self, word: object) -> bool:
        found = self._set
        if found is not None:
            return word in found
        self._budget -= 1
        if self._budget < 0 or type(word) is not str or not word or "\n" in word:
            return word in self.as_set()
        text = self._text
        lo, hi = 0, len(text)  # [lo, hi) holds whole lines
        find, rfind = text.find, text.rfind
        while lo < hi:
            mid = (lo + hi) // 2
            start = rfind("\n", lo, mid) + 1 or lo
            end = find("\n", mid, hi)
            line = text[start:end]
            if line == word:
                return True
            if line < word:
                lo = end + 1
            else:
                hi = start
        return False

    def __iter__(self):
        return iter(self.as_set())

    def __len__(self) -> int:
        return len(self.as_set())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordList):
            return self._text == other._text
        if isinstance(other, (set, frozenset)):
            return self.as_set() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.as_set())

    def __repr__(self) -> str:
        return f"<WordList of {self._text.count(chr(10))} words>"


def _read_bundled(folder: Path) -> tuple:
    words: dict[str, frozenset[str]] = {}
    compounds: dict[str, str] = {}
    for category, name in CATEGORY_FILES.items():
        _add_entries(words, compounds, read_entries(folder / name), category)
    allow = frozenset(read_entries(folder / ALLOWLIST_FILE))
    common = frozenset(read_entries(folder / COMMON_WORDS_FILE))
    variants: dict[str, int] = {}
    for group_id, line in enumerate(read_entries(folder / VARIANTS_FILE)):
        for spelling in line.split("|"):
            if spelling.strip():
                variants[fold(spelling)] = group_id
    from editlint.prepared import dedupe

    return dedupe((words, compounds, allow, common, variants)) + (_is_simple(common),)


def _is_simple(common: Iterable[str]) -> bool:
    return all(w.isascii() and w.isalpha() and w.islower() for w in common)


def resolve(raw: str, root: Path | None) -> Path:
    """Return the path of a file named in config (relative to ``root``)."""
    path = Path(raw).expanduser()
    if not path.is_absolute() and root is not None:
        path = Path(root) / path
    return path


def read_user_files(paths: Iterable[str], root: Path | None) -> list[str]:
    """Read extra name or allowlist files named in config (relative to ``root``)."""
    from editlint.errors import ConfigError

    entries: list[str] = []
    for raw in paths:
        try:
            entries.extend(read_entries(resolve(raw, root)))
        except OSError as exc:
            raise ConfigError(f"cannot read names file {raw!r}: {exc.strerror or exc}") from None
    return entries


_EXTENDED: dict[tuple, Gazetteer] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def gazetteer_for(names: Iterable[str] = (), allow: Iterable[str] = (), name_files: Iterable[str] = (), allow_files: Iterable[str] = (), root: Path | None = None) -> Gazetteer:
    """Return the bundled gazetteer extended by config, cached per configuration."""
    files = (*name_files, *allow_files)
    stamps = tuple(_stamp(resolve(f, root)) for f in files) if files else ()
    key = (tuple(names), tuple(allow), tuple(name_files), tuple(allow_files), str(root), stamps)
    cached = _EXTENDED.get(key)
    if cached is None:
        extra_names = [*names, *read_user_files(name_files, root)]
        extra_allow = [*allow, *read_user_files(allow_files, root)]
        cached = _EXTENDED[key] = base_gazetteer().extended(extra_names, extra_allow)
    return cached
