"""Find capitalised names in the prose view and split CamelCase tokens.

One pass of one precompiled pattern over ``doc.prose`` collects every
capitalised token with its count (:func:`name_tokens`, shared by NAM001 and
NAM002 through ``doc.derived``). Positions are looked up afterwards, only
for the few forms a rule reports (:func:`occurrences`).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

import regex

# A capitalised token: a capital, a small letter, then letters, apostrophes
# and hyphens ("Tehran", "SaudiIsraeli", "Al-Alam", "Blair's", "Saudi-led").
# (O'Brien yields "Brien", which never passes the boundary checks.)
_NAME_TOKEN = regex.compile(r"\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*")
# A CamelCase token: two or more capitalised runs and nothing else.
_CAMEL = regex.compile(r"(?:\p{Lu}[\p{Ll}\p{M}]+){2,}")
_CAMEL_PART = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+")
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
    return doc.derived("names.tokens", lambda d: Counter(_NAME_TOKEN.findall(d.prose)))


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
            if len(piece) > 3 and not piece[1:].islower() and _CAMEL.fullmatch(piece):
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
    runs = _CAMEL_PART.findall(token)
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
