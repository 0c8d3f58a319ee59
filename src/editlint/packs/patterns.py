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
from bisect import bisect_right
from typing import Iterator, Sequence

from editlint.document import Span
from editlint.packs import literals


class _RegexModule:
    """The ``regex`` module, imported on first use (~9 ms: not for drafts that never need it)."""

    def __getattr__(self, name: str):
        import regex as module

        globals()["regex"] = module
        return getattr(module, name)


regex = _RegexModule()


class trusted_patterns:
    """While active, patterns are taken as valid and compiled on first use.

    For the bundled packs only: the test suite compiles and checks every one
    of their patterns, and most drafts never need most of them (the
    ``regex`` import and compile cost a single draft ~20 ms). User packs are
    always checked when they load, so their errors name the file and line.
    """

    active = False

    def __enter__(self) -> None:
        self.previous = trusted_patterns.active
        trusted_patterns.active = True

    def __exit__(self, *exc: object) -> None:
        trusted_patterns.active = self.previous

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


def literal_source(tokens: Sequence[str], *, lead: bool = True) -> str:
    """Return one alternation for literal tokens, word-bounded, trie-factored.

    With ``lead=False`` the leading word boundary is left out (the caller
    checks it), which lets ``re`` skip ahead to the tokens' first characters.
    """
    simple = [t for t in tokens if len(t.split()) == 1]
    phrases = [t for t in tokens if len(t.split()) > 1]
    parts: list[str] = []
    # Group single-word tokens by boundary need, then factor each group.
    for lead_group in (True, False):
        for trail in (True, False):
            group = [
                t for t in simple
                if bool(_WORD_START.match(t[0])) == lead_group and bool(_WORD_START.match(t[-1])) == trail
            ]
            if not group:
                continue
            body = trie_source(group)
            parts.append((r"\b" if lead and lead_group else "") + body + (r"(?!\w)" if trail else ""))
    for p in sorted(phrases, key=len, reverse=True):
        source = token_source(p)
        parts.append(source if lead else source.removeprefix(r"\b"))
    return "|".join(parts)


#: Token lists at least this long are scanned with Aho–Corasick when pyahocorasick is installed.
AHO_CORASICK_MIN_TOKENS = 24


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matcher:
    """The compiled alternation of one rule's tokens and patterns.

    Args:
        tokens: literal words or phrases.
        patterns: regular expressions (``regex`` syntax, or ``re`` syntax
            with ``engine="re"``).
        ignore_case: match case-insensitively.
        not_preceded_by: patterns that must not end right before a match.
        not_followed_by: patterns that must not start right after a match.
        engine: ``regex`` (timed) or ``re`` (trusted patterns, faster).
        prefilter: skip texts that lack every string a match needs (see
            :mod:`editlint.packs.literals`); False when the caller does.

    Three ways to scan, chosen once here: a long list of single-word tokens
    goes through an Aho–Corasick automaton (one pass in C whatever the
    list's length); other token-only rules through a ``re`` trie whose
    leading word boundary is checked in Python, so ``re`` can skip ahead to
    the tokens' first characters; anything with user patterns through the
    compiled alternation (``regex`` with a deadline unless ``engine="re"``).
    All three give the same matches: leftmost, then longest, not overlapping.
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
        accelerate: bool = True,
        prefilter: bool = True,
    ) -> None:
        self.tokens = list(tokens)
        self.patterns = list(patterns)
        self.ignore_case = ignore_case
        self.engine = engine
        # Needles (see literals) are computed on first use, unless the caller
        # filters texts itself.
        self._needles: list[str] | None | bool = False if prefilter else None
        self._plan: tuple | None | bool = False if prefilter else None
        self._alternatives: tuple | None = None
        self._alternative_plans: list | None = None
        self._pruned: dict[tuple[int, ...], re.Pattern] = {}
        for t in self.tokens:
            if not t.strip():
                raise PatternError("a token is empty", "tokens", t)
        trusted = trusted_patterns.active
        if not trusted:
            for p in self.patterns:
                if compile_user(p, ignore_case, engine, "patterns").fullmatch("") is not None:
                    raise PatternError(f"pattern {p!r} matches the empty string", "patterns", p)
            for role, context in (("not-preceded-by", not_preceded_by), ("not-followed-by", not_followed_by)):
                for p in context:
                    if compile_user(p, ignore_case, engine, role).groups:
                        raise PatternError(f"context pattern {p!r} must not contain capturing groups (use (?:...))", role, p)
        if not self.tokens and not self.patterns:
            raise PatternError("nothing to match: give tokens or patterns", "tokens")
        self.timed = False
        self.check_lead = False
        self.automaton = None
        flags = re.IGNORECASE if ignore_case else 0
        tokens_only = not self.patterns and not not_preceded_by and not not_followed_by
        if tokens_only:
            # Leading boundaries are checked in Python so re can use the
            # tokens' first characters as a fast prefix. Literal tokens always
            # compile, so the trie (slow to build for long lists, and not
            # needed when the automaton or a prefilter does the work) waits
            # for its first use.
            self._compiled = None
            self._lazy_flags = flags
            self.check_lead = True
            if accelerate and _single_words(self.tokens) and len(self.tokens) >= AHO_CORASICK_MIN_TOKENS:
                self.automaton = _automaton(self.tokens, ignore_case)
            return
        alternatives: list[str] = []
        if self.tokens:
            alternatives.append(literal_source(self.tokens))
        alternatives.extend(self.patterns)
        before = "".join(f"(?<!{p})" for p in not_preceded_by)
        after = "".join(f"(?!{p})" for p in not_followed_by)
        if engine == "re":
            # Trusted patterns on the standard library's engine: faster, no timeout.
            try:
                self._compiled = re.compile(f"{before}(?:{'|'.join(alternatives)}){after}", flags)
            except re.error as exc:
                raise PatternError(f"invalid pattern for engine 're': {exc}", "patterns") from None
            if prefilter and len(alternatives) > 1:
                # Alternatives whose needles a text lacks can never match in
                # it: the text is searched with the others only (a literal
                # first character then lets re skip ahead).
                self._alternatives = (alternatives, before, after, flags)
            return
        source = f"{before}(?|{'|'.join(alternatives)}){after}"
        self.timed = True
        if trusted:
            self._compiled = None
            self._regex_source = source  # compiled on first use (see trusted_patterns)
            return
        try:
            self._compiled = regex.compile(source, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
        except regex.error as exc:  # a context pattern that only fails in place
            raise PatternError(f"invalid pattern: {exc}", "patterns") from None

    def finditer(self, text: str, spans: Sequence[Span], deadline: float) -> Iterator[Shifted | Hit]:
        """Yield non-empty matches inside the spans of ``text`` (offsets into ``text``).

        A single span is searched as a string of its own (``^`` and ``$``
        match at its edges). Several spans (a multi-block scope) are searched
        in one pass over the text they cover, and matches that do not lie
        inside one of them are dropped: no match crosses from one block into
        the next.
        """
        if not spans:
            return
        lo, hi = spans[0].start, spans[-1].end
        compiled = self._select(text, lo, hi)
        if compiled is False:
            return  # no match can occur where none of its required strings does
        if len(spans) == 1:
            span = spans[0]
            piece = text[span.start : span.end]
            for m in self._scan(piece, 0, len(piece), deadline, span, compiled):
                m.offset, m.lower = span.start, span.start
                yield m
            return
        starts = [s.start for s in spans]
        for m in self._scan(text, lo, hi, deadline, Span(lo, hi), compiled):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= spans[i].end:
                m.lower = spans[i].start
                yield m

    def _select(self, text: str, lo: int, hi: int):
        """The pattern to search ``text[lo:hi]`` with: False if nothing can match, None for the usual one."""
        if self._plan is False:
            needles = self.needles
            self._plan = None if needles is None else literals.prepare(needles)
            if self._alternatives is not None:
                alternatives = self._alternatives[0]
                found = [literals.pattern_needles(a, engine="re", ignore_case=self.ignore_case) for a in alternatives]
                if self.tokens:  # the first alternative holds the literal tokens
                    found[0] = literals.token_needles(self.tokens, self.ignore_case)
                if any(n is not None for n in found):
                    self._alternative_plans = [None if n is None else literals.prepare(n) for n in found]
        plans = self._alternative_plans
        if plans is None:
            if self._plan is not None and literals.absent(text, self._plan, lo, hi):
                return False
            return None
        present = tuple(i for i, plan in enumerate(plans) if plan is None or not literals.absent(text, plan, lo, hi))
        if not present:
            return False
        if len(present) == len(plans):
            return None
        compiled = self._pruned.get(present)
        if compiled is None:
            alternatives, before, after, flags = self._alternatives
            source = "|".join(alternatives[i] for i in present)
            compiled = self._pruned[present] = re.compile(f"{before}(?:{source}){after}", flags)
        return compiled

    @property
    def compiled(self):
        """The compiled alternation (for literal tokens and trusted patterns, built on first use)."""
        if self._compiled is None:
            source = getattr(self, "_regex_source", None)
            if source is not None:
                self._compiled = regex.compile(source, regex.V0 | (regex.IGNORECASE if self.ignore_case else 0))
            else:
                self._compiled = re.compile(literal_source(self.tokens, lead=False), self._lazy_flags)
        return self._compiled

    @property
    def needles(self) -> list[str] | None:
        """Strings one of which every match contains (see :mod:`editlint.packs.literals`), or None."""
        if self._needles is False:
            parts = []
            if self.tokens:
                parts.append(literals.token_needles(self.tokens, self.ignore_case))
            parts.extend(literals.pattern_needles(p, engine=self.engine, ignore_case=self.ignore_case) for p in self.patterns)
            self._needles = literals.combine(parts)
        return self._needles

    def _scan(self, text: str, lo: int, hi: int, deadline: float, where: Span, compiled=None) -> Iterator[Shifted | Hit]:
        if self.automaton is not None:
            yield from self._scan_automaton(text, lo, hi)
            return
        if self.timed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PatternTimeout("the rule's time for this document ran out", where)
            try:
                for m in self.compiled.finditer(text, lo, hi, timeout=remaining):
                    if m.end() > m.start():
                        yield Shifted(m)
            except TimeoutError:
                raise PatternTimeout(f"no answer within {max(remaining, 0):.2g} s", where) from None
            return
        search = (compiled or self.compiled).search
        pos = lo
        while True:
            m = search(text, pos, hi)
            if m is None:
                return
            a, b = m.span()
            if self.check_lead and a > 0 and _is_word(text[a]) and _is_word(text[a - 1]):
                pos = a + 1
                continue
            if b > a:
                yield Shifted(m)
            pos = b if b > a else a + 1

    def _scan_automaton(self, text: str, lo: int, hi: int) -> Iterator[Hit]:
        """Leftmost-longest whole-word hits of the automaton's keys in ``text[lo:hi]``."""
        haystack, shift = text, 0
        if self.ignore_case:
            haystack, shift = text[lo:hi].lower(), lo
            if len(haystack) != hi - lo:  # a character whose lower case is longer ("İ")
                yield from (Hit.of(m) for m in self._scan_trie(text, lo, hi))
                return
        candidates = []
        for end, length in self.automaton.iter(haystack, lo - shift, hi - shift):
            b = end + 1 + shift
            a = b - length
            if a > 0 and _is_word(text[a]) and _is_word(text[a - 1]):
                continue
            if b < len(text) and _is_word(text[b - 1]) and _is_word(text[b]):
                continue
            candidates.append((a, -b))
        candidates.sort()
        last = -1
        for a, neg_b in candidates:
            if a >= last:
                last = -neg_b
                yield Hit(text, a, last)

    def _scan_trie(self, text: str, lo: int, hi: int) -> Iterator[Shifted]:
        automaton, self.automaton = self.automaton, None
        try:
            yield from self._scan(text, lo, hi, 0.0, Span(lo, hi))
        finally:
            self.automaton = automaton


def _single_words(tokens: Sequence[str]) -> bool:
    return all(len(t.split()) == 1 for t in tokens)


def _automaton(tokens: Sequence[str], ignore_case: bool):
    try:
        import ahocorasick
    except ImportError:  # an optional accelerator: the re trie finds the same matches
        return None
    automaton = ahocorasick.Automaton()
    for t in tokens:
        key = t.lower() if ignore_case else t
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


class Shifted:
    """A regex match whose offsets are shifted back into the whole document.

    ``offset`` is added to the match's offsets (the start of the sliced
    span, or 0); ``lower`` is where the searched span starts, used to tell
    the start of a sentence.
    """

    __slots__ = ("m", "offset", "lower")

    def __init__(self, m, offset: int = 0, lower: int = 0) -> None:
        self.m = m
        self.offset = offset
        self.lower = lower

    def start(self) -> int:
        return self.m.start() + self.offset

    def end(self) -> int:
        return self.m.end() + self.offset

    @property
    def span(self) -> Span:
        return Span(self.m.start() + self.offset, self.m.end() + self.offset)

    def group(self, *args):
        return self.m.group(*args)

    def expand(self, template: str) -> str:
        return self.m.expand(template)


class Hit:
    """A literal match found by the automaton, with the interface of :class:`Shifted`."""

    __slots__ = ("text", "a", "b", "offset", "lower")

    def __init__(self, text: str, a: int, b: int) -> None:
        self.text, self.a, self.b, self.offset, self.lower = text, a, b, 0, 0

    @classmethod
    def of(cls, m: Shifted) -> Hit:
        return cls(m.m.string, m.m.start(), m.m.end())

    def start(self) -> int:
        return self.a + self.offset

    def end(self) -> int:
        return self.b + self.offset

    @property
    def span(self) -> Span:
        return Span(self.a + self.offset, self.b + self.offset)

    def group(self, *args) -> str:
        return self.text[self.a : self.b]


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
                yield Shifted(m, span.start, span.start)
    except TimeoutError:
        raise PatternTimeout(f"no answer within {max(remaining, 0):.2g} s", span) from None

