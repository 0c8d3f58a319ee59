"""Compile the tokens and patterns of a pack rule into one matcher.

A rule's literal ``tokens`` and regular-expression ``patterns`` become a
single alternation, so each rule makes one pass over each part of the text
it reads:

* a **token** is a word or phrase matched literally, as a whole word: it
  does not match inside a longer word ("TK" does not match "TKO"); white
  space inside a token matches any run of white space;
* a **pattern** is a regular expression in the syntax of the `regex`
  module. Every pattern is compiled as if alone (its groups are numbered
  from 1, so back-references such as ``(\\w+) \\1`` work) inside a branch-reset
  group ``(?|…|…)``.

Rules made only of tokens, without context patterns, compile with the
standard library's ``re`` (a literal trie, linear and fast); anything with a
user pattern compiles with ``regex`` and runs with a deadline, so a
catastrophic pattern raises :class:`PatternTimeout` (a ``TimeoutError``)
instead of hanging the run.
"""

from __future__ import annotations

import re
import time
from typing import Iterator, Sequence

import regex

from editlint.document import Span

_WORD_START = re.compile(r"\w")


class PatternTimeout(TimeoutError):
    """A rule's pattern ran past its deadline on one document.

    The engine turns it into an ``EL003 rule-timeout`` diagnostic at
    :attr:`span`, the part of the text being searched.
    """

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.span = span


class PatternError(ValueError):
    """A pattern that does not compile; ``index`` is its place in its list."""

    def __init__(self, message: str, index: int | None = None, pattern: str = "") -> None:
        super().__init__(message)
        self.index = index
        self.pattern = pattern


def token_source(token: str, *, flexible_space: bool = True) -> str:
    """Return the regex source matching ``token`` literally as a whole word."""
    words = token.split()
    if not words:
        raise PatternError("a token is empty")
    sep = r"\s+" if flexible_space else " "
    body = sep.join(re.escape(w) for w in words)
    if _WORD_START.match(words[0][0]):
        body = r"\b" + body
    if _WORD_START.match(words[-1][-1]):
        body += r"(?!\w)"
    return body


def trie_source(words: Sequence[str]) -> str:
    """Return a regex alternation of ``words`` factored as a trie.

    ``colour|colours|coloured`` becomes ``colour(?:ed|s)?``: the engine
    fails after a character or two at most positions instead of trying
    every alternative, several times faster on long word lists.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        optional = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not optional:
            return alts[0]
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if optional else group

    return build(root)


def literal_source(tokens: Sequence[str]) -> str:
    """Return one alternation for literal tokens, word-bounded, trie-factored."""
    simple = [t for t in tokens if len(t.split()) == 1]
    phrases = [t for t in tokens if len(t.split()) > 1]
    parts: list[str] = []
    # Group single-word tokens by boundary need, then factor each group.
    for lead in (True, False):
        for trail in (True, False):
            group = [
                t for t in simple
                if bool(_WORD_START.match(t[0])) == lead and bool(_WORD_START.match(t[-1])) == trail
            ]
            if not group:
                continue
            body = trie_source(group)
            parts.append((r"\b" if lead else "") + body + (r"(?!\w)" if trail else ""))
    parts.extend(token_source(p) for p in sorted(phrases, key=len, reverse=True))
    return "|".join(parts)


class Matcher:
    """The compiled alternation of one rule's tokens and patterns.

    Args:
        tokens: literal words or phrases.
        patterns: regular expressions (``regex`` syntax).
        ignore_case: match case-insensitively.
        not_preceded_by: patterns that must not end right before a match.
        not_followed_by: patterns that must not start right after a match.
    """

    def __init__(
        self,
        tokens: Sequence[str] = (),
        patterns: Sequence[str] = (),
        *,
        ignore_case: bool = False,
        not_preceded_by: Sequence[str] = (),
        not_followed_by: Sequence[str] = (),
    ) -> None:
        self.tokens = list(tokens)
        self.patterns = list(patterns)
        self.fast = not patterns and not not_preceded_by and not not_followed_by
        for i, p in enumerate(self.patterns):
            compiled = _compile_user(p, ignore_case, i)
            if compiled.fullmatch("") is not None:
                raise PatternError(f"pattern {p!r} matches the empty string", i, p)
        for i, p in enumerate([*not_preceded_by, *not_followed_by]):
            if _compile_user(p, ignore_case, i).groups:
                raise PatternError(f"context pattern {p!r} must not contain capturing groups (use (?:...))", i, p)
        alternatives: list[str] = []
        if self.tokens:
            alternatives.append(literal_source(self.tokens))
        alternatives.extend(self.patterns)
        if not alternatives:
            raise PatternError("nothing to match: give tokens or patterns")
        if self.fast:
            self.compiled = re.compile("|".join(alternatives), re.IGNORECASE if ignore_case else 0)
        else:
            before = "".join(f"(?<!{p})" for p in not_preceded_by)
            after = "".join(f"(?!{p})" for p in not_followed_by)
            source = f"{before}(?|{'|'.join(alternatives)}){after}"
            flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
            try:
                self.compiled = regex.compile(source, flags)
            except regex.error as exc:
                raise PatternError(f"invalid pattern: {exc}") from None

    def finditer(self, text: str, spans: Sequence[Span], deadline: float) -> Iterator[Shifted]:
        """Yield non-empty matches inside each span of ``text`` (offsets into ``text``).

        Each span is searched as a string of its own: ``^`` and ``$`` match
        at its edges and no match crosses from one span into the next.
        """
        for span in spans:
            yield from self._search(text, span, deadline)

    def _search(self, text: str, span: Span, deadline: float) -> Iterator[Shifted]:
        piece = text[span.start : span.end]
        if self.fast:
            for m in self.compiled.finditer(piece):
                if m.end() > m.start():
                    yield Shifted(m, span.start)
            return
        yield from timed_finditer(self.compiled, text, span, deadline)


class Shifted:
    """A match whose offsets are shifted back into the whole document."""

    __slots__ = ("m", "offset")

    def __init__(self, m, offset: int) -> None:
        self.m = m
        self.offset = offset

    def start(self) -> int:
        return self.m.start() + self.offset

    def end(self) -> int:
        return self.m.end() + self.offset

    @property
    def span(self) -> Span:
        return Span(self.m.start() + self.offset, self.m.end() + self.offset)

    def group(self, *args):
        return self.m.group(*args)

    def groups(self):
        return self.m.groups()

    def expand(self, template: str) -> str:
        return self.m.expand(template)


def _compile_user(pattern: str, ignore_case: bool, index: int):
    if not isinstance(pattern, str) or not pattern:
        raise PatternError("a pattern is empty", index, str(pattern))
    try:
        return regex.compile(pattern, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    except regex.error as exc:
        raise PatternError(f"invalid regular expression {pattern!r}: {exc}", index, pattern) from None


def compile_user(pattern: str, ignore_case: bool = False):
    """Compile one user pattern with the ``regex`` module (for ``if``/``then``)."""
    return _compile_user(pattern, ignore_case, 0)


def timed_finditer(compiled, text: str, span: Span, deadline: float) -> Iterator[Shifted]:
    """Run a single compiled ``regex`` pattern over ``span`` with a deadline."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise PatternTimeout("the rule's time for this document ran out", span)
    piece = text[span.start : span.end]
    try:
        for m in compiled.finditer(piece, timeout=remaining):
            if m.end() > m.start():
                yield Shifted(m, span.start)
    except TimeoutError:
        raise PatternTimeout(f"no answer within {max(remaining, 0):.2g} s", span) from None

