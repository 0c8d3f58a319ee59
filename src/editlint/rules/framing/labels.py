"""How a document names governments: the analysis behind BAL005.

Each occurrence of a government label noun ("regime", "government",
"administration", ...) is tied to the actor written next to it: capitalised
words right before it ("the Iranian regime", "Tehran's regime", "the Trump
administration") or after it ("the regime in Tehran", "the government of
Iran"). Actors are resolved through the gazetteer in the lexicon file, so
"Iranian", "Iran" and "Tehran" are one actor; unknown names stand for
themselves.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from editlint.document import Document, Span
from editlint.lazyre import lazy

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)"
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space or a line break, never a blank line
_BEFORE = lazy(rf"(?<![\w'’.-])((?:{_TOKEN}{_SP}){{1,3}})$")
_AFTER = lazy(rf"{_SP}(?:in|of){_SP}(?:the{_SP})?({_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}})(?![\w'’-])")
_POSSESSIVE = lazy(r"['’]s?$")
_TOKEN_RE = lazy(_TOKEN)
_THE_BEFORE = lazy(r"\b[Tt]he\s+$")


@dataclass(frozen=True)
class LabelTables:
    """The ``[labels]`` tables of the lexicon file."""

    loaded: frozenset[str]
    neutral: frozenset[str]
    stopwords: frozenset[str]
    historical: frozenset[str]
    past: frozenset[str]
    actors: Mapping[str, str]
    any_label: re.Pattern[str]
    loaded_label: re.Pattern[str]
    past_before: re.Pattern[str]


def parse_tables(data: Mapping[str, Any]) -> LabelTables:
    """Build :class:`LabelTables` from the lexicon's ``[labels]`` table."""
    labels = data.get("labels", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in labels.get(key, []))

    loaded, neutral = words("loaded"), words("neutral")
    if not loaded or not neutral:
        raise ValueError("the [labels] table needs 'loaded' and 'neutral' words")

    def alternation(items: frozenset[str]) -> str:
        # longest first; ties in a fixed order, so the pattern's text (hence the
        # compiled-program cache's key) is the same in every run
        return "|".join(sorted((re.escape(w) for w in items), key=lambda w: (-len(w), w)))

    past = words("past")
    return LabelTables(
        loaded=loaded,
        neutral=neutral,
        stopwords=words("stopwords"),
        historical=words("historical"),
        past=past,
        actors={k.lower(): v for k, v in labels.get("actors", {}).items()},
        any_label=re.compile(rf"\b(?:{alternation(loaded | neutral)})\b", re.IGNORECASE),
        loaded_label=re.compile(rf"\b(?:{alternation(loaded)})\b", re.IGNORECASE),
        past_before=re.compile(rf"\b(?:{alternation(past)})[ \t]+$", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def default_tables() -> LabelTables:
    from editlint.rules.framing.lexicon import load_data

    return parse_tables(load_data())


@dataclass(frozen=True)
class LabelUse:
    """A government label noun tied to an actor."""

    span: Span  # the actor and the noun ("Iranian regime", "regime in Tehran")
    noun: Span
    actor: str  # canonical actor
    loaded: bool
    historical: bool

    def phrase(self, doc: Document) -> str:
        return " ".join(doc.text[self.span.start : self.span.end].split())


def _fold(word: str) -> str:
    """Drop diacritics for the gazetteer lookup ("erdoğan" -> "erdogan")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def resolve_actor(tokens: list[str], tables: LabelTables) -> tuple[str | None, bool]:
    """Return ``(canonical actor, historical?)`` for the capitalised words before or after a label."""
    words = [_fold(_POSSESSIVE.sub("", t).lower()) for t in tokens]
    while words and words[0] in tables.stopwords:
        words.pop(0)
    while words and words[-1] in tables.stopwords:
        words.pop()
    if not words:
        return None, False
    historical = any(w in tables.historical or w.removeprefix("al-") in tables.historical for w in words)
    joined = " ".join(words)
    if joined in tables.actors:
        return tables.actors[joined], historical
    for i in range(len(words)):  # longest known suffix, then any known word
        tail = " ".join(words[i:])
        if tail in tables.actors:
            return tables.actors[tail], historical
    for w in reversed(words):
        key = w.removeprefix("al-")
        if key in tables.actors:
            return tables.actors[key], historical
    return words[-1].removeprefix("al-").title(), historical


def find_label_uses(doc: Document, tables: LabelTables) -> list[LabelUse]:
    """Every government label with an actor, outside quoted speech."""
    from editlint.rules.framing.voice import in_single_quotes

    prose = doc.prose
    uses: list[LabelUse] = []
    for m in tables.any_label.finditer(prose):
        noun = m.group().lower()
        a, b = m.span()
        actor_span: Span | None = None
        tokens: list[str] = []
        before = _BEFORE.search(prose, max(0, a - 80), a)
        if before:
            found = list(_TOKEN_RE.finditer(prose, before.start(1), before.end(1)))
            while found and _POSSESSIVE.sub("", found[0].group()).lower() in tables.stopwords:
                found.pop(0)
            if found:
                tokens = [t.group() for t in found]
                actor_span = Span(found[0].start(), b)
        actor, historical = resolve_actor(tokens, tables) if tokens else (None, False)
        if actor is None and _THE_BEFORE.search(prose, max(0, a - 5), a):
            # "the regime in Damascus", not "dictatorships in Russia and Germany"
            after = _AFTER.match(prose, b)
            if after:
                actor, historical = resolve_actor(after.group(1).split(), tables)
                actor_span = Span(a, after.end(1))
        if actor is None or actor_span is None:
            continue
        if doc.in_quote(actor_span) or in_single_quotes(doc, actor_span.start, actor_span.end):
            continue
        if tables.past_before.search(prose, max(0, actor_span.start - 30), actor_span.start):
            historical = True
        uses.append(LabelUse(actor_span, Span(a, b), actor, noun in tables.loaded, historical))
    return uses
