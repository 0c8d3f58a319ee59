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
    """A token or pattern that cannot be used.

    ``role`` says which list it came from (``tokens``, ``patterns``,
    ``not-preceded-by``, ``not-followed-by``), ``pattern`` is the culprit.
    """

    def __init__(self, message: str, role: str = "patterns", pattern: str = "") -> None:
        super().__init__(message)
        self.role = role
        self.pattern = pattern


def token_source(token: str, *, flexible_space: bool = True) -> str:
    """Return the regex source matching ``token`` literally as a whole word."""
    words = token.split()
    if not words:
        raise PatternError("a token is empty", "tokens", token)
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
        engine: str = "regex",
    ) -> None:
        self.tokens = list(tokens)
        self.patterns = list(patterns)
        self.fast = not patterns and not not_preceded_by and not not_followed_by
        for t in self.tokens:
            if not t.strip():
                raise PatternError("a token is empty", "tokens", t)
        self.engine = engine
        for p in self.patterns:
            if compile_user(p, ignore_case, engine, "patterns").fullmatch("") is not None:
                raise PatternError(f"pattern {p!r} matches the empty string", "patterns", p)
        for role, context in (("not-preceded-by", not_preceded_by), ("not-followed-by", not_followed_by)):
            for p in context:
                if compile_user(p, ignore_case, engine, role).groups:
                    raise PatternError(f"context pattern {p!r} must not contain capturing groups (use (?:...))", role, p)
        alternatives: list[str] = []
        if self.tokens:
            alternatives.append(literal_source(self.tokens))
        alternatives.extend(self.patterns)
        if not alternatives:
            raise PatternError("nothing to match: give tokens or patterns", "tokens")
        if self.fast:
            self.compiled = re.compile("|".join(alternatives), re.IGNORECASE if ignore_case else 0)
        elif engine == "re":
            # Trusted patterns on the standard library's engine: faster, no timeout.
            before = "".join(f"(?<!{p})" for p in not_preceded_by)
            after = "".join(f"(?!{p})" for p in not_followed_by)
            try:
                self.compiled = re.compile(f"{before}(?:{'|'.join(alternatives)}){after}", re.IGNORECASE if ignore_case else 0)
            except re.error as exc:
                raise PatternError(f"invalid pattern for engine 're': {exc}", "patterns") from None
            self.fast = True
        else:
            before = "".join(f"(?<!{p})" for p in not_preceded_by)
            after = "".join(f"(?!{p})" for p in not_followed_by)
            source = f"{before}(?|{'|'.join(alternatives)}){after}"
            flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
            try:
                self.compiled = regex.compile(source, flags)
            except regex.error as exc:  # a context pattern that only fails in place
                raise PatternError(f"invalid pattern: {exc}", "patterns") from None

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


def compile_user(pattern: str, ignore_case: bool = False, engine: str = "regex", role: str = "patterns"):
    """Compile one user pattern with ``regex`` (or ``re`` for ``engine = "re"``)."""
    if not isinstance(pattern, str) or not pattern:
        raise PatternError("a pattern is empty", role, str(pattern))
    try:
        if engine == "re":
            return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        return regex.compile(pattern, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    except (regex.error, re.error) as exc:
        raise PatternError(f"invalid regular expression {pattern!r}: {exc}", role, pattern) from None


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

