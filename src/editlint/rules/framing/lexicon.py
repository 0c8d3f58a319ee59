"""The loaded-language lexicon: loading, validation and one-pass matching.

The lexicon lives in ``rules/data/loaded-language.toml`` (see the comments at
the top of that file for the entry format). Every form of every entry is
compiled into a single character-trie regular expression, so a document is
scanned once whatever the size of the lexicon; the per-entry conditions
(``unless-next``, ``require-next``, ``unless-prev``) are checked only on the
rare hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from editlint.document import words as _words
from editlint.lazyre import LazyPattern, lazy
from editlint.resources import data_file

LEXICON_FILE = "loaded-language.toml"
ATTRIBUTION_LEVELS = ("none", "naming", "speech")
DEFAULT_CONFIDENCE = 0.8

_HYPHENS = "\\-\u2010\u2011"  # for character classes
_APOSTROPHES = "'\u2019"
_WS = re.compile(r"\s+")
_HYPHEN_RUN = re.compile(f"[{_HYPHENS}]")


class LexiconError(ValueError):
    """The lexicon file (or a user extension) is malformed."""


def normalize(text: str) -> str:
    """Return the lookup key of a form or a matched text.

    Lower case, one space for any run of white space, ``-`` for any hyphen,
    ``'`` for either apostrophe.
    """
    text = _WS.sub(" ", text.strip().lower())
    return _HYPHEN_RUN.sub("-", text).replace("\u2019", "'")


@dataclass(frozen=True)
class Category:
    """How a category of entries is reported and excused."""

    name: str
    label: str
    attribution: str


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a loaded term in all its forms.

    Attributes:
        id: unique slug (what ``disable`` names).
        category: the entry's :class:`Category`.
        forms: normalised form -> drop-in neutral replacement (or None).
        written: normalised form -> the form as written in the lexicon
            (its case tells proper names from common words).
        suggest: advice shown when there is no drop-in replacement.
        confidence: how loaded the term is in the writer's own voice.
        attribution: ``none``, ``naming`` or ``speech`` (see the data file).
        source: the guidance the entry applies (full text).
        note: why the term is loaded.
        named_event: skip the term after "the <Capitalised>" ("the
            Srebrenica massacre").
    """

    id: str
    category: Category
    forms: Mapping[str, str | None]
    written: Mapping[str, str]
    suggest: str | None
    confidence: float
    attribution: str
    source: str
    note: str
    unless_next: LazyPattern | None = None
    require_next: LazyPattern | None = None
    unless_prev: LazyPattern | None = None
    named_event: bool = False


@dataclass(frozen=True)
class Hit:
    """A lexicon form found in a text."""

    start: int
    end: int
    entry: Entry
    form: str  # normalised

    @property
    def replacement(self) -> str | None:
        return self.entry.forms.get(self.form)


@dataclass
class Lexicon:
    """A set of entries compiled into one pattern."""

    entries: list[Entry]
    by_form: dict[str, Entry] = field(default_factory=dict)
    #: Patterns compiled for single texts before the whole lexicon is compiled instead.
    PRUNED_LIMIT = 4

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in entry.forms:
                other = self.by_form.get(form)
                if other is not None and other is not entry:
                    raise LexiconError(f"form {form!r} appears in entries {other.id!r} and {entry.id!r}")
                self.by_form[form] = entry
        # Patterns are compiled on first use (see _pattern_for).
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self._any_case: re.Pattern[str] | None = None
        self._by_token: dict[str, list[str]] | None = None
        self._pruned: dict[frozenset[str], re.Pattern[str] | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """The whole lexicon compiled: (lower-case text, any case); None when empty."""
        if self._patterns is None and self.by_form:
            self._patterns = compile_forms(self.by_form)
            self._any_case = self._patterns[1]
            self._pruned.clear()
        return self._patterns

    def finditer(self, text: str, start: int = 0, end: int | None = None, *, lowered: str | None = None) -> Iterator[Hit]:
        """Yield the hits in ``text[start:end]`` whose context conditions hold.

        The scan runs on a lower-cased copy with a case-sensitive pattern
        (three times faster than ``re.IGNORECASE`` here); text whose length
        changes when lower-cased (a handful of non-ASCII capitals) falls back
        to the case-insensitive pattern. ``lowered`` is ``text[start:end]``
        lower-cased, when the caller has it already.
        """
        if not self.by_form:
            return
        segment = text[start:end]
        if lowered is None:
            lowered = segment.lower()
        if len(lowered) == len(segment):
            pattern = self._pattern_for(lowered)
            if pattern is None:
                return
        else:
            if self._any_case is None:
                self._any_case = compile_forms(self.by_form)[1] if self._patterns is None else self._patterns[1]
            lowered, pattern = segment, self._any_case
        # A separator starts every match (see compile_forms); a leading space
        # lets a form open the segment.
        offset = start - 1
        for m in pattern.finditer(" " + lowered):
            a, b = m.start(1) + offset, m.end(1) + offset
            form = normalize(m.group(1))
            entry = self.by_form.get(form)
            if entry is None:  # pragma: no cover - the pattern only matches known forms
                continue
            if entry.require_next is not None and not entry.require_next.match(text, b):
                continue
            if entry.unless_next is not None and entry.unless_next.match(text, b):
                continue
            if entry.unless_prev is not None and entry.unless_prev.search(text, max(0, a - 60), a):
                continue
            yield Hit(a, b, entry, form)

    def may_occur(self, doc: Any) -> bool:
        """False when no form can be found in ``doc.prose``: the scan is then skipped.

        Read from the draft's word index (:func:`editlint.document.words.letter_words`,
        shared with other rules): the index cuts a form into the same letter
        runs as the text it matches, so a form can only match where each of
        its runs is a whole run of the text, and a draft that lacks one run of
        every form has no hit. Three drafts in four are settled this way, for
        a few set look-ups instead of a scan with the lexicon's pattern. Not
        used (True) when the index cannot answer: text beyond Latin-1, or "_"
        in the text (a separator for the pattern, a word character for the index).
        """
        keys = self._word_keys
        if keys is None:
            return True
        index = _words.letter_words(doc)
        if index is None or "_" in doc.prose:
            return True
        present: set[bytes] | None = None
        for key in keys.keys() & index.words:
            if present is None:
                present = set(index.words)
            for runs in keys[key]:
                if all(run in present for run in runs):
                    return True
        return False

    @cached_property
    def _word_keys(self) -> dict[bytes, list[tuple[bytes, ...]]] | None:
        """Each form's runs as the word index cuts them, filed under its longest; None when a form has none."""
        keys: dict[bytes, list[tuple[bytes, ...]]] = {}
        for form in self.by_form:
            cut = _words.letter_runs(form)
            if cut is None:
                continue  # a letter beyond Latin-1 only occurs in text the index cannot read
            runs = tuple(cut.split())
            if not runs:
                return None
            keys.setdefault(max(runs, key=len), []).append(runs)
        return keys

    def _pattern_for(self, lowered: str) -> re.Pattern[str] | None:
        """The lower-case pattern, holding only the forms ``lowered`` can contain.

        Compiling the whole lexicon (~600 forms) costs ~15 ms, most of a
        single draft's BAL002 time. A form can only match where its first
        word (its characters as written, hyphens and apostrophes of either
        style) starts a run of non-space characters after a separator, a run
        that ends with it when more words follow; so the pattern for a text
        keeps the forms that pass this test: the same trie minus branches
        that cannot match there, hence the same hits. After a few texts (a
        folder of drafts), or once :meth:`patterns` is asked for (before
        forking workers), the whole pattern serves every text. The case-blind
        fallback is never pruned (case folding can map a letter to one the
        search for first words would not see).
        """
        if self._patterns is not None:
            return self._patterns[0]
        by_token = self._by_token
        if by_token is None:
            by_token = self._by_token = {}
            for form in self.by_form:
                by_token.setdefault(form.partition(" ")[0], []).append(form)
            self._lengths = sorted({len(t) for t in by_token})
        forms: set[str] = set()
        lengths = self._lengths
        for run in set(_RUNS.findall(" " + lowered.translate(_ATOM_EQUIVALENTS))):
            for n in lengths:
                if n > len(run):
                    break
                group = by_token.get(run[:n])
                if group is None:
                    continue
                if n == len(run):
                    forms.update(group)
                elif run[:n] in self.by_form:
                    # white space must follow the first word of a longer
                    # form: only the one-word form can match here
                    forms.add(run[:n])
        key = frozenset(forms)
        if key in self._pruned:
            return self._pruned[key]
        if len(self._pruned) >= self.PRUNED_LIMIT:  # many different texts: the whole pattern pays off
            return self.patterns[0]  # type: ignore[index]
        from editlint import _recache

        # a pattern for this text only: not worth a place in the program cache
        pattern = self._pruned[key] = _recache.transient(_forms_source(key)) if key else None
        return pattern


# -- compiling ------------------------------------------------------------------


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "-":
        return f"[{_HYPHENS}]"
    if ch == "'":
        return f"[{_APOSTROPHES}]"
    return re.escape(ch)


def trie_regex(forms: Iterable[str]) -> str:
    """Return a regex body matching exactly ``forms``, factored as a trie.

    ``re`` tries the branches of a flat alternation one after the other at
    every position; a trie shares prefixes, so the cost per position stays
    small whatever the number of forms. Optional tails are greedy, so the
    longest form wins ("savage cuts" over "savage").
    """
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [_char_pattern(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie)


#: Characters that may stand right before a form. Quote marks are left out
#: on purpose: a word right after an opening quote is quoted, not the
#: writer's ('slammed', "slammed").
_SEPARATORS = r" \t\n\r\f\v\xa0\u2009\u202f([{/\\<>|*_~,;:.!?\u2014\u2013\u00ab"


def compile_forms(forms: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile normalised forms into whole-word patterns (lower-case text, any case).

    Each pattern matches a separator then the form in group 1, and refuses a
    following word character or hyphen ("anti-terrorist" and "terrorists"
    do not match "terrorist"). Starting with a character class lets ``re``
    skip quickly to the positions where a word can start; a leading
    look-behind would defeat that optimisation and cost three times as much.
    """
    source = _whole_source(sorted(set(forms)))
    return re.compile(source), re.compile(source, re.IGNORECASE)


def _whole_source(forms: list[str]) -> str:
    """:func:`_forms_source` of a whole lexicon, kept between runs (building the trie costs ~8 ms)."""
    import zlib

    from editlint.prepared import load

    name = f"framing-source-{zlib.crc32(chr(10).join(forms).encode('utf-8', 'surrogatepass')):08x}"
    return load(name, [], lambda: _forms_source(forms), builder=__file__)


def _forms_source(forms: Iterable[str]) -> str:
    body = trie_regex(sorted(set(forms)))
    return rf"[{_SEPARATORS}]({body})(?![\w{_HYPHENS}])"


#: The characters right after a separator, up to white space: where a form's
#: first word must occur for the pattern to match (see Lexicon._pattern_for).
_RUNS = re.compile(f"[{_SEPARATORS}](?=(\\S+))")
#: What the pattern's atoms treat as one character: any hyphen is "-", a
#: typographic apostrophe is "'" (see _char_pattern).
_ATOM_EQUIVALENTS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


def _words_pattern(words: Iterable[str], *, after: bool) -> LazyPattern | None:
    """A pattern for "followed by one of ``words``" (or preceded, with ``after=False``).

    Compiled on first use: only the rare hits of the entry's own forms need it.
    """
    # longest first, ties in a fixed order (the same pattern text in every run)
    alts = sorted({normalize(w) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not alts:
        return None
    body = "|".join("".join(_char_pattern(ch) for ch in w) for w in alts)
    if after:
        return lazy(rf"[\s\"'“”‘’]+(?:{body})(?![\w])", re.IGNORECASE)
    # A word must start at a word boundary; an entry starting with an
    # apostrophe ("'s") matches the end of a possessive ("Mallon's claim").
    words = "|".join("".join(_char_pattern(ch) for ch in w) for w in alts if w[0].isalnum())
    marks = "|".join("".join(_char_pattern(ch) for ch in w) for w in alts if not w[0].isalnum())
    body = "|".join(filter(None, [f"(?<![\\w])(?:{words})" if words else "", marks]))
    return lazy(rf"(?:{body})\s+$", re.IGNORECASE)


# -- loading --------------------------------------------------------------------


def _require(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise LexiconError(f"{where}: {message}")


def parse_lexicon(data: Mapping[str, Any], where: str = LEXICON_FILE) -> tuple[dict[str, Category], list[Entry]]:
    """Validate the lexicon's TOML data; return its categories and entries."""
    categories: dict[str, Category] = {}
    for name, table in dict(data.get("categories", {})).items():
        attribution = table.get("attribution", "speech")
        _require(attribution in ATTRIBUTION_LEVELS, where, f"category {name!r}: attribution must be one of {ATTRIBUTION_LEVELS}")
        categories[name] = Category(name, str(table.get("label", "loaded word")), attribution)
    sources: dict[str, str] = dict(data.get("sources", {}))
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("entry", [])):
        here = f"{where}: entry {i + 1} ({raw.get('id', '?')!r})"
        entry = _entry(raw, categories, sources, here)
        _require(entry.id not in seen, here, "duplicate id")
        seen.add(entry.id)
        entries.append(entry)
    return categories, entries


def _entry(raw: Mapping[str, Any], categories: Mapping[str, Category], sources: Mapping[str, str], where: str) -> Entry:
    known = {"id", "category", "forms", "suggest", "confidence", "source", "note", "unless-next", "require-next", "unless-prev", "attribution", "named-event"}
    unknown = set(raw) - known
    _require(not unknown, where, f"unknown keys {sorted(unknown)}")
    _require(isinstance(raw.get("id"), str) and raw["id"], where, "needs an 'id'")
    category = categories.get(raw.get("category", ""))
    _require(category is not None, where, f"unknown category {raw.get('category')!r}")
    forms_raw = raw.get("forms")
    forms: dict[str, str | None] = {}
    written: dict[str, str] = {}
    if isinstance(forms_raw, dict):
        items = list(forms_raw.items())
    elif isinstance(forms_raw, list):
        items = [(f, "") for f in forms_raw]
    else:
        items = []
    _require(bool(items), where, "needs 'forms' (a list or a table)")
    for form, replacement in items:
        _require(isinstance(form, str) and form.strip() != "", where, f"bad form {form!r}")
        _require(isinstance(replacement, str), where, f"replacement of {form!r} must be a string")
        key = normalize(form)
        forms[key] = replacement or None
        written[key] = form.strip()
    suggest = raw.get("suggest")
    _require(suggest is None or isinstance(suggest, str), where, "'suggest' must be a string")
    _require(suggest is not None or all(forms.values()), where, "forms without a replacement need a 'suggest' text")
    confidence = raw.get("confidence", DEFAULT_CONFIDENCE)
    _require(isinstance(confidence, (int, float)) and 0 <= confidence <= 1, where, "'confidence' must be in [0, 1]")
    attribution = raw.get("attribution", category.attribution)
    _require(attribution in ATTRIBUTION_LEVELS, where, f"attribution must be one of {ATTRIBUTION_LEVELS}")
    source_key = raw.get("source", "")
    _require(not source_key or source_key in sources, where, f"unknown source {source_key!r}")
    lists = {}
    for key in ("unless-next", "require-next", "unless-prev"):
        value = raw.get(key, [])
        _require(isinstance(value, list) and all(isinstance(v, str) for v in value), where, f"{key!r} must be a list of strings")
        lists[key] = value
    return Entry(
        id=raw["id"],
        category=category,
        forms=forms,
        written=written,
        suggest=suggest,
        confidence=float(confidence),
        attribution=attribution,
        source=sources.get(source_key, ""),
        note=str(raw.get("note", "")),
        unless_next=_words_pattern(lists["unless-next"], after=True),
        require_next=_words_pattern(lists["require-next"], after=True),
        unless_prev=_words_pattern(lists["unless-prev"], after=False),
        named_event=bool(raw.get("named-event", False)),
    )


@lru_cache(maxsize=4)
def load_data(path: str | None = None) -> dict[str, Any]:
    """Read the lexicon's TOML (the bundled one by default), once per process.

    The bundled file's parsed form is kept between runs (:mod:`editlint.prepared`):
    parsing 70 kB of TOML would be a good share of a single draft's time.
    """
    if path:
        return _read_toml(Path(path))
    from editlint.prepared import load

    file = data_file(LEXICON_FILE)
    return load("loaded-language", [file], lambda: _read_toml(file), builder=__file__)


def _read_toml(file: Path) -> dict[str, Any]:
    import tomllib

    with file.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def default_entries() -> tuple[dict[str, Category], tuple[Entry, ...]]:
    """The bundled lexicon's categories and entries, validated.

    The validated entries are kept between runs as plain data (see
    :func:`load_data`); rebuilding them from it is several times cheaper
    than validating the TOML again.
    """
    from editlint.prepared import load

    file = data_file(LEXICON_FILE)
    plain_categories, rows = load("loaded-language-entries", [file], lambda: _plain(*parse_lexicon(load_data())), builder=__file__)
    categories = {name: Category(name, label, attribution) for name, label, attribution in plain_categories}
    entries = tuple(
        Entry(eid, categories[cat], forms, written, suggest, confidence, attribution, source, note, *map(_lazy, patterns), named_event)
        for eid, cat, forms, written, suggest, confidence, attribution, source, note, patterns, named_event in rows
    )
    return categories, entries


def _plain(categories: Mapping[str, Category], entries: Iterable[Entry]) -> tuple[list[tuple[str, str, str]], list[tuple[Any, ...]]]:
    """Categories and entries as plain data (see :func:`default_entries`)."""
    plain_categories = [(c.name, c.label, c.attribution) for c in categories.values()]
    rows = [
        (
            e.id,
            e.category.name,
            dict(e.forms),
            dict(e.written),
            e.suggest,
            e.confidence,
            e.attribution,
            e.source,
            e.note,
            tuple(None if p is None else (p.pattern, int(p.flags)) for p in (e.unless_next, e.require_next, e.unless_prev)),
            e.named_event,
        )
        for e in entries
    ]
    return plain_categories, rows


def _lazy(plain: tuple[str, int] | None) -> LazyPattern | None:
    return None if plain is None else lazy(*plain)


def custom_entries(terms: Mapping[str, Any], category: Category) -> list[Entry]:
    """Entries for the ``extend-terms`` option: ``{term: neutral suggestion}``."""
    out = []
    for term, suggestion in terms.items():
        where = f"option extend-terms: {term!r}"
        _require(isinstance(term, str) and term.strip() != "", where, "empty term")
        _require(isinstance(suggestion, str), where, "the value must be a string (the neutral suggestion, or '')")
        key = normalize(term)
        out.append(
            Entry(
                id=f"custom:{key}",
                category=category,
                forms={key: suggestion or None},
                written={key: term.strip()},
                suggest=None if suggestion else "rephrase in neutral terms",
                confidence=1.0,
                attribution=category.attribution,
                source="your configuration (extend-terms)",
                note="Added by your configuration.",
            )
        )
    return out


@lru_cache(maxsize=32)
def build_lexicon(
    min_confidence: float,
    disabled: frozenset[str] = frozenset(),
    ignored_categories: frozenset[str] = frozenset(),
    extra: tuple[tuple[str, str], ...] = (),
) -> Lexicon:
    """The bundled lexicon filtered by the rule's options, plus user terms.

    ``disabled`` holds entry ids or forms; a disabled form removes just that
    form, an id the whole entry. User terms replace bundled entries that
    share a form.
    """
    categories, entries = default_entries()
    unknown = sorted(set(ignored_categories) - set(categories))
    if unknown:
        raise LexiconError(f"option ignore-categories: unknown categories {unknown} (known: {', '.join(sorted(categories))})")
    disabled_forms = {normalize(d) for d in disabled}
    user = custom_entries(dict(extra), categories.get("custom") or Category("custom", "loaded word", "speech"))
    user_forms = {f for e in user for f in e.forms}
    kept: list[Entry] = []
    for entry in entries:
        if entry.id in disabled or entry.category.name in ignored_categories or entry.confidence < min_confidence:
            continue
        drop = disabled_forms | user_forms
        if drop & set(entry.forms):
            forms = {f: r for f, r in entry.forms.items() if f not in drop}
            if not forms:
                continue
            entry = _replace_forms(entry, forms)
        kept.append(entry)
    return Lexicon(kept + [e for e in user if e.forms.keys() - disabled_forms])


def _replace_forms(entry: Entry, forms: dict[str, str | None]) -> Entry:
    from dataclasses import replace

    return replace(entry, forms=forms, written={f: entry.written[f] for f in forms})
