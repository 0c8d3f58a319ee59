"""Literal prefilters: a few strings one of which every match must contain.

Running a rule's regular expression over a document costs far more than
asking ``str.find`` whether a short string occurs in it. When every match of
a rule is known to contain one of a few literal strings (its *needles*), a
text that contains none of them cannot match, and the pattern is not run at
all. Most drafts contain no "TODO", no "U.S." and no curly quote, so most
rules then cost a few ``find`` calls per document.

The needles are derived only when that is certain; otherwise a rule gets
``None`` (no prefilter) and always runs its pattern:

* a literal **token** needs its longest word (white space inside a token
  matches any run of white space);
* a **pattern** is read with the standard library's parser, which is exact
  for ``engine = "re"``. Patterns for the ``regex`` module are read only
  when, once their lookarounds are set aside (they never consume text), they
  use nothing but syntax both engines read the same way; anything else
  (``\\p{…}``, fuzzy matching, inline flags, POSIX classes…) gives ``None``;
* case-insensitive rules get ``None``: case folding is not a substring test.

A prefilter never changes what a rule reports: it only skips texts where the
pattern cannot match (which therefore cannot time out either).
"""

from __future__ import annotations

import re
import warnings
from re import _constants as _c
from re import _parser as _sre_parse
from typing import Iterable, Sequence

#: A rule with more needles than this gets none: so many ``find`` calls cost
#: more than the pattern they would spare.
MAX_NEEDLES = 12
#: Long token lists are covered by two-letter needles ("iz" for every -ize
#: spelling) when that takes at most this many.
MAX_BIGRAMS = 6

_Needles = frozenset  # of str; None means "no prefilter"


# -- tokens ----------------------------------------------------------------------------------


def token_needles(tokens: Sequence[str], ignore_case: bool = False) -> list[str] | None:
    """Needles for literal tokens: the tokens' longest words, or a two-letter cover of a long list."""
    if ignore_case or not tokens:
        return None
    words = {max(t.split(), key=len) for t in tokens if t.split()}
    if len(words) <= 4 * MAX_NEEDLES:  # (minimal() is quadratic)
        needles = minimal(words)
        if len(needles) <= MAX_NEEDLES:
            return needles
    return bigram_cover(words)


def bigram_cover(words: Iterable[str]) -> list[str] | None:
    """A few two-character strings such that every word contains one (greedy set cover)."""
    words = sorted(set(words), key=len)
    if not words or len(words[0]) < 2:
        return None
    shortest = words[0]
    for i in range(len(shortest) - 1):  # often one is in every word ("iz")
        bigram = shortest[i : i + 2]
        if all(bigram in w for w in words):
            return [bigram]
    grams = [{w[i : i + 2] for i in range(len(w) - 1)} for w in words]
    counts: dict[str, int] = {}
    holders: dict[str, list[int]] = {}
    for n, found in enumerate(grams):
        for bigram in found:
            counts[bigram] = counts.get(bigram, 0) + 1
            holders.setdefault(bigram, []).append(n)
    covered = [False] * len(grams)
    remaining = len(grams)
    cover: list[str] = []
    while remaining:
        # the bigram in most uncovered words (the smallest on a tie)
        best = min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
        cover.append(best)
        if len(cover) > MAX_BIGRAMS:
            return None
        for n in holders[best]:
            if not covered[n]:
                covered[n] = True
                remaining -= 1
                for bigram in grams[n]:
                    counts[bigram] -= 1
    return cover


def minimal(needles: Iterable[str]) -> list[str]:
    """Drop needles that contain another one (finding the shorter one is enough)."""
    out: list[str] = []
    for n in sorted(set(needles), key=lambda s: (len(s), s)):
        if not any(m in n for m in out):
            out.append(n)
    return out


# -- patterns --------------------------------------------------------------------------------


def pattern_needles(pattern: str, *, engine: str = "regex", ignore_case: bool = False) -> list[str] | None:
    """Needles for one pattern, or None when they cannot be derived with certainty."""
    if ignore_case:
        return None
    if engine != "re":
        pattern = _portable(pattern)
        if pattern is None:
            return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a "possible nested set" warning: not plain syntax
            tree = _sre_parse.parse(pattern, 0)
    except (re.error, Warning, RecursionError):
        return None
    if tree.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    found = _required(tree)
    if not found or "" in found:
        return None
    return minimal(found)


def combine(parts: Iterable[list[str] | None]) -> list[str] | None:
    """Needles of an alternation: every alternative must have some."""
    out: set[str] = set()
    for p in parts:
        if p is None:
            return None
        out.update(p)
    needles = minimal(out)
    return needles if needles and len(needles) <= MAX_NEEDLES else None


# Characters from most to least frequent in English news copy (letter
# frequencies, then punctuation, capitals and digits); anything not listed
# counts as rarer still.
_BY_FREQUENCY = " etaoinsrhldcumwfgypbvk\n.,'\"-TSAMCIBPHWRDNLEGOFJ0123456789jxqzKUVYQXZ"
_RANK = {c: i for i, c in enumerate(_BY_FREQUENCY)}


def prepare(needles: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Pair each needle with its rarest character, for :func:`absent`."""
    return tuple((n, max(n, key=lambda c: _RANK.get(c, len(_BY_FREQUENCY)))) for n in needles)


def absent(text: str, plan: Sequence[tuple[str, str]], lo: int, hi: int) -> bool:
    """True when none of the prepared needles occurs inside ``text[lo:hi]``.

    Looking for one character is several times faster than for a string
    (``memchr``), so a needle whose rarest character is missing is settled
    without searching for the needle itself.
    """
    find = text.find
    for needle, probe in plan:
        if find(probe, lo, hi) != -1 and (len(needle) == 1 or find(needle, lo, hi) != -1):
            return False
    return True


def _required(seq) -> _Needles | None:
    """A set of strings one of which every match of ``seq`` (a parsed sequence) contains."""
    candidates: list[_Needles] = []
    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _item(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run)}))
    if not candidates:
        return None
    # The most selective: the longest shortest needle, then the fewest needles.
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _item(op, av) -> _Needles | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            return None
        return _required(sub)
    if op is _c.ATOMIC_GROUP:
        return _required(av)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _required(alternative)
            if not found:
                return None
            out.update(found)
        return frozenset(out) if len(out) <= MAX_NEEDLES else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        if low < 1:
            return None
        if len(sub) == 1 and sub[0][0] is _c.LITERAL:  # X{2,4} needs "XX"
            return frozenset({chr(sub[0][1]) * min(low, 8)})
        return _required(sub)
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < 8:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY, wide ranges
                return None
        return frozenset(chars) if 0 < len(chars) <= 8 else None
    return None  # assertions, anchors, ANY, back-references…: no needle of their own


# -- regex-module patterns ---------------------------------------------------------------------

_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_SAFE_ESCAPES = frozenset("bBwWdDsStnrfv0123456789") | frozenset(r"""\.^$|?*+()[]{}-/#&~'"!,:;<=>@%_` """)
_QUANTIFIER = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")


def _portable(pattern: str) -> str | None:
    """``pattern`` without its lookarounds, if what remains reads the same in ``re`` and ``regex`` (V0).

    Lookarounds are set aside whatever their content (``\\p{Lu}`` inside one is
    fine), after finding where they end; the rest may use only literals,
    simple escapes and classes, groups ``(…)`` and ``(?:…)``, alternation and
    the usual quantifiers. Anything else returns None.
    """
    if "[:" in pattern or "(?#" in pattern:
        return None  # POSIX classes and comments could hide brackets
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(_LOOKAROUND, i):
            end = _group_end(pattern, i)
            if end is None:
                return None
            i = end
            continue
        c = pattern[i]
        if c == "\\":
            length = _escape_length(pattern, i, in_class=False)
            if length is None:
                return None
            out.append(pattern[i : i + length])
            i += length
            continue
        if c == "[":
            end = _class_end(pattern, i)
            if end is None:
                return None
            body = pattern[i:end]
            if "[" in body[1:] or "--" in body or "&&" in body or "||" in body or "~~" in body:
                return None
            k = 1
            while k < len(body) - 1:  # the escapes inside must be simple too
                if body[k] == "\\":
                    length = _escape_length(body, k, in_class=True)
                    if length is None:
                        return None
                    k += length
                    continue
                k += 1
            out.append(body)
            i = end
            continue
        if c == "(":
            if pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
                return None  # named groups, inline flags, atomic groups, branch reset…
            out.append(c)
            i += 1
            continue
        if c == "{":
            m = _QUANTIFIER.match(pattern, i)
            if not m:
                return None  # fuzzy matching ("{e<=1}") or a literal brace
            out.append(m.group())
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _escape_length(pattern: str, i: int, *, in_class: bool) -> int | None:
    """The length of the simple escape at ``i`` (``\\b``, ``\\.``, ``\\x27``…), or None."""
    e = pattern[i + 1 : i + 2]
    if e == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", pattern[i + 2 : i + 4]):
        return 4
    if not e or e not in _SAFE_ESCAPES or (in_class and e in "bB0123456789"):
        return None  # in a class \b is a backspace and digits are octal
    return 2


def _class_end(pattern: str, i: int) -> int | None:
    """The index after the ``]`` closing the class opened at ``i``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "]":
            return j + 1
        j += 1
    return None


def _group_end(pattern: str, i: int) -> int | None:
    """The index after the ``)`` closing the group opened at ``i``."""
    depth = 0
    j = i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            end = _class_end(pattern, j)
            if end is None:
                return None
            j = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None
