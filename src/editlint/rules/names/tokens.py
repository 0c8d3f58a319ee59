"""Find capitalised names in the prose view and split CamelCase tokens.

One pass of one precompiled pattern over ``doc.prose`` collects every
capitalised token with its count (:func:`name_tokens`, shared by NAM001 and
NAM002 through ``doc.derived``). Positions are looked up afterwards, only
for the few forms a rule reports (:func:`occurrences`).

The patterns use Unicode categories (``\\p{Lu}``: the ``regex`` module's).
Most drafts use only a small, old part of Unicode (ASCII, the Latin-1 and
Latin Extended letters, general punctuation, currency signs): for a text
made of those characters alone, the same patterns written with explicit
character classes run on the standard library's ``re``, faster and without
importing ``regex`` (~9 ms of a single draft's start). The classes are
computed by ``regex`` itself, once, and kept as prepared data
(:mod:`editlint.prepared`, rebuilt when ``regex`` is upgraded), so both
engines give the same matches by construction.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator

# A capitalised token: a capital, a small letter, then letters, apostrophes
# and hyphens ("Tehran", "SaudiIsraeli", "Al-Alam", "Blair's", "Saudi-led").
# (O'Brien yields "Brien", which never passes the boundary checks.)
NAME_TOKEN = r"\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*"
# A CamelCase token: two or more capitalised runs and nothing else.
CAMEL = r"(?:\p{Lu}[\p{Ll}\p{M}]+){2,}"
CAMEL_PART = r"\p{Lu}[\p{Ll}\p{M}]+"

#: The characters the ``re`` patterns cover (ASCII, Latin-1, Latin Extended-A
#: and -B, general punctuation, currency signs): a text with any other goes to ``regex``.
COVERED = ((0x0000, 0x024F), (0x2000, 0x206F), (0x20A0, 0x20BF))
_OUTSIDE = re.compile("[^" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in COVERED) + "]")


class _Patterns:
    """The three patterns for covered text (``re``) and for any text (``regex``), built on first use."""

    def __init__(self) -> None:
        self._fast: tuple[re.Pattern[str], ...] | None = None
        self._full: tuple | None = None

    def fast(self) -> tuple[re.Pattern[str], ...]:
        if self._fast is None:
            classes = _covered_classes()
            self._fast = tuple(re.compile(_with_classes(p, classes)) for p in (NAME_TOKEN, CAMEL, CAMEL_PART))
        return self._fast

    def full(self) -> tuple:
        if self._full is None:
            import regex

            self._full = tuple(regex.compile(p) for p in (NAME_TOKEN, CAMEL, CAMEL_PART))
        return self._full

    def for_text(self, text: str) -> tuple:
        """The patterns that read ``text``: ``re`` ones when every character is covered."""
        return self.fast() if text.isascii() or _OUTSIDE.search(text) is None else self.full()


PATTERNS = _Patterns()


def _with_classes(pattern: str, classes: dict[str, str]) -> str:
    """``pattern`` with its ``\\p{…}`` properties written as ``re`` character classes.

    Handles what the patterns above use: a property on its own or inside a
    bracketed class (no nesting, no escaped brackets).
    """
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        if pattern.startswith("\\p{", i):
            end = pattern.index("}", i)
            body = classes[pattern[i + 3 : end]]
            out.append(body if in_class else f"[{body}]" if body else "(?!)")
            i = end + 1
            continue
        ch = pattern[i]
        if ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def _covered_classes() -> dict[str, str]:
    """The covered characters of each category the patterns use, as ``re`` class contents."""
    from editlint.prepared import load

    return load("name-classes", _regex_sources(), _build_classes, builder=__file__)


def _regex_sources() -> list[str]:
    import importlib.util
    import os

    spec = importlib.util.find_spec("regex")
    if spec is None or not spec.origin:
        return []
    folder = os.path.dirname(spec.origin)
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith((".py", ".so", ".pyd"))]


def _build_classes() -> dict[str, str]:
    import regex

    covered = "".join(chr(c) for lo, hi in COVERED for c in range(lo, hi + 1))
    out = {}
    for name in ("Lu", "Ll", "L", "M"):
        members = regex.findall(r"\p{" + name + "}", covered)
        out[name] = _ranges(members)
    return out


def _ranges(chars: list[str]) -> str:
    """Class contents for ``chars`` (sorted code points), with runs written as ranges."""
    codes = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = codes[i], codes[j]
        parts.append(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}")
        i = j + 1
    return "".join(parts)
# Characters that make a token part of something else when they touch it:
# handles (@x), hashtags (#x), e-mail addresses, paths, file and domain names.
_GLUE_BEFORE = frozenset("@#./\\_'’&+=~")
_GLUE_AFTER = frozenset("@_&+=~")

#: Surname prefixes written with a capital after them ("McDonald",
#: "MacArthur", "FitzGerald"): always part of the next run.
NAME_PREFIXES = frozenset({"Mc", "Mac", "Fitz"})
#: Particles of names written solid ("DiCaprio", "LeBlanc", "DeMille",
#: "VanDyke", "ElBaradei"). A token that starts with one is a real name.
PARTICLES = frozenset(
    {"De", "Di", "Da", "Du", "Del", "Della", "Des", "Dos", "Das", "La", "Le", "Les", "Lo",
     "Van", "Von", "Ver", "Ten", "Ter", "St", "Ste", "El", "Ap", "Ab", "Bin", "Ben", "Ibn", "Abd"}
)


def name_tokens(doc) -> Counter[str]:
    """Count the capitalised tokens of ``doc``'s prose view (computed once)."""
    return doc.derived("names.tokens", _count_name_tokens)


def _count_name_tokens(doc) -> Counter[str]:
    prose = doc.prose
    return Counter(PATTERNS.for_text(prose)[0].findall(prose))


def clean(raw: str) -> str:
    """Return the name in a raw token: no possessive, no lower-case tail.

    ``"Blair's" -> "Blair"``, ``"Jones’" -> "Jones"``,
    ``"Saudi-led" -> "Saudi"``, ``"Kilroy-Silk's" -> "Kilroy-Silk"``.
    """
    if raw.isalpha():
        return raw
    token = raw.rstrip("'’-")
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    if "-" in token:
        pieces = token.split("-")
        kept = [pieces[0]]
        for piece in pieces[1:]:
            if not piece[:1].isupper():
                break
            kept.append(piece)
        token = "-".join(kept)
    return token


def camel_candidates(tokens: Iterable[str]) -> set[str]:
    """Return the distinct CamelCase forms among raw tokens.

    A raw token may hold several hyphen-separated pieces ("Anti-SaudiIsraeli");
    each piece that is wholly CamelCase is a candidate. Tokens carrying an
    acronym or a digit ("McDonaldUSA", "USAID") are not.
    """
    found: set[str] = set()
    for raw in tokens:
        if raw[1:].islower():
            continue
        for piece in clean(raw).replace("’", "'").split("-"):
            piece = piece.split("'")[-1]
            if len(piece) > 3 and not piece[1:].islower() and PATTERNS.for_text(piece)[1].fullmatch(piece):
                found.add(piece)
    return found


def split_camel(token: str) -> tuple[list[str], bool]:
    """Split a CamelCase token into its parts.

    Returns ``(parts, particle_start)``: surname prefixes are joined to the
    next run ("RonaldMcDonald" -> ["Ronald", "McDonald"]), and so are
    particles ("LeonardoDiCaprio" -> ["Leonardo", "DiCaprio"]). ``particle_start`` is True when the token starts with a
    particle or prefix ("DiCaprio", "MacArthur", "DeMille"): such a token is
    one name.
    """
    runs = PATTERNS.for_text(token)[2].findall(token)
    particle_start = bool(runs) and (runs[0] in PARTICLES or runs[0] in NAME_PREFIXES)
    parts: list[str] = []
    carry = ""
    for run in runs:
        if carry:
            parts.append(carry + run)
            carry = ""
        elif run in NAME_PREFIXES or run in PARTICLES:
            carry = run
        else:
            parts.append(run)
    if carry:
        parts.append(carry)
    return parts, particle_start


def occurrences(prose: str, form: str, *, hyphen_compound_ok: bool = True) -> Iterator[int]:
    """Yield the start offsets of ``form`` as a whole token in ``prose``.

    A match glued to a letter, a digit, ``@``/``#`` (handles, hashtags), a
    dot or slash (file names, domains, e-mail addresses) is not the token.
    With ``hyphen_compound_ok=False``, a match followed by a hyphen and a
    capital ("Saudi" in "Saudi-Israeli") is part of a compound and skipped.
    """
    n = len(form)
    start = prose.find(form)
    while start != -1:
        end = start + n
        before = prose[start - 1] if start else " "
        after = prose[end] if end < len(prose) else " "
        ok = not (before.isalnum() or before in _GLUE_BEFORE or (before == "-" and not hyphen_compound_ok))
        if ok and (after.isalnum() or after in _GLUE_AFTER):
            ok = False
        if ok and after in "./" and end + 1 < len(prose) and prose[end + 1].isalnum():
            ok = False  # a domain or a path: "PayPal.com", "SaudiIsraeli/2026"
        if ok and after in "-‐‑–" and end + 1 < len(prose) and prose[end + 1].isupper() and not hyphen_compound_ok:
            ok = False
        if ok:
            yield start
        start = prose.find(form, start + 1)
