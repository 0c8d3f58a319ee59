"""NAM001 merged-proper-noun: names run together when a hyphen or dash was lost."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from editlint.diagnostic import Fix, Severity
from editlint.document import Document, Span
from editlint.rule import Rule
from editlint.rules.names.gazetteer import ALWAYS_NAMES, ENTITIES, Gazetteer, fold, gazetteer_for, resolve
from editlint.rules.names.tokens import NAME_PREFIXES, PARTICLES, camel_candidates, name_tokens, occurrences, split_camel

JOINERS = {"hyphen": "-", "en-dash": "–"}
#: Joiners whose split form, found elsewhere in the document, proves the
#: merge. A space does not: "Power Page" beside "PowerPage" is as often a
#: brand written loosely as a name run together.
_SPLIT_JOINERS = ("-", "–", "‑")
#: Arabic article written with a hyphen before a name ("Al-Jazeera").
_ARTICLES = frozenset({"Al"})
#: Two-letter parts that can still start a merged name.
_SHORT_OK = _ARTICLES | {"Ex"}
#: A token this close (rapidfuzz ratio, 0-100) to an allowlisted name is a
#: misspelt brand ("DaimlerChrylser"), not a merged name.
_NEAR_ALLOWLIST = 90.0


@dataclass(frozen=True)
class Verdict:
    """What NAM001 concludes about one CamelCase token.

    Attributes:
        severity: error or warning.
        suggestion: the split form to suggest.
        safe: whether the fix may be applied by ``--fix``.
        reason: why, for the ``help:`` line.
        confidence: how sure the rule is.
    """

    severity: Severity
    suggestion: str
    safe: bool
    reason: str
    confidence: float


def split_forms(prose: str, parts: list[str]) -> dict[str, int]:
    """Return the split spellings of ``parts`` found in ``prose``, with counts."""
    found: dict[str, int] = {}
    for joiner in _SPLIT_JOINERS:
        form = joiner.join(parts)
        count = sum(1 for _ in occurrences(prose, form))
        if count:
            found[form] = count
    return found


def _part_kind(gaz: Gazetteer, part: str) -> tuple[frozenset[str], bool, bool]:
    """Return (categories, is_common_word, is_strong_name) for one part."""
    cats = gaz.categories(part)
    common = gaz.is_common(part)
    strong = bool(cats) and (not common or bool(cats & ALWAYS_NAMES))
    return cats, common, strong


def _joiner_for(parts: list[str], kinds: list[frozenset[str]], house: str) -> str:
    """Join parts: a space after a given name before a surname, else a hyphen
    (or the house joiner between entities: places, nations, organisations)."""
    first = kinds[0]
    last = kinds[-1]
    surname_only = "surname" in last and "given" not in last
    if first and first <= {"given"} and (surname_only or _prefixed_surname(parts[-1])):
        return " ".join(parts)
    if first & {"combining", "prefix"} or parts[0] in _ARTICLES:
        return parts[0] + "-" + "-".join(parts[1:])
    if all(k and k <= ENTITIES for k in kinds):
        return house.join(parts)
    return "-".join(parts)


def _prefixed_surname(part: str) -> bool:
    """Return True for a Mc/Mac/particle surname such as "McDonald" or "DiCaprio"."""
    return any(part.startswith(p) and len(part) > len(p) and part[len(p)].isupper() for p in NAME_PREFIXES | PARTICLES)


def judge(token: str, gaz: Gazetteer, prose: str = "", *, joiner: str = "-", warn_unknown: bool = True) -> Verdict | None:
    """Decide whether ``token`` is a merged proper noun (None: it is not).

    ``prose`` is the document's prose view, searched for the split form.
    """
    if gaz.is_allowed(token):
        return None
    key = fold(token)
    compound = gaz.compound(key)
    if compound is None and key.endswith("s") and gaz.compound(key[:-1]):
        compound = gaz.compound(key[:-1]) + "s"
    if compound is not None:  # even with a particle: "ElSalvador", "LaPaz"
        safe = any(True for _ in occurrences(prose, compound)) if prose else False
        return Verdict(Severity.ERROR, compound, safe, f"'{compound}' is a known name", 0.99 if safe else 0.95)
    parts, particle_start = split_camel(token)
    if particle_start or len(parts) < 2:
        return None
    seen = split_forms(prose, parts) if prose else {}
    if seen:
        form = max(seen, key=lambda f: (seen[f], f))
        return Verdict(Severity.ERROR, form, True, f"the document also writes '{form}'", 0.99)
    if any(len(p) < 3 and p not in _SHORT_OK for p in parts) or _near_allowlisted(token, gaz):
        return None
    info = [_part_kind(gaz, p) for p in parts]
    kinds = [cats for cats, _, _ in info]
    suggestion = _joiner_for(parts, kinds, joiner)
    if parts[0] in _ARTICLES:
        rest = info[1:]
        if all(strong for _, _, strong in rest):
            return Verdict(Severity.ERROR, suggestion, False, _known_reason(parts[1:], kinds[1:]), 0.9)
        if warn_unknown and not any(common and not cats for cats, common, _ in rest):
            return Verdict(Severity.WARNING, suggestion, False, _unknown_reason(parts), 0.6)
        return None
    if all(cats for cats in kinds):
        if "prefix" in kinds[0]:
            if all(strong and "prefix" not in cats for cats, _, strong in info[1:]):
                return Verdict(Severity.ERROR, suggestion, False, _known_reason(parts[1:], kinds[1:]), 0.9)
            return None
        if any(cats == {"company"} for cats in kinds):
            # ExxonMobil, EuroDisney: company names are brands, and brands
            # are often written in CamelCase.
            if not warn_unknown:
                return None
            return Verdict(Severity.WARNING, suggestion, False, "brands are often written in CamelCase; if this one is, add it to `allow`", 0.5)
        if any(strong for _, _, strong in info):
            return Verdict(Severity.ERROR, suggestion, False, _known_reason(parts, kinds), 0.9)
        return None  # only ordinary words that are also names: "BlackBerry"
    if not warn_unknown:
        return None
    # Some part is unknown: a name-like part (not an English word) in every
    # unknown position makes a merged name plausible ("BaskinRobbins");
    # ordinary words make a brand ("ClearView", "CinemaNow").
    if any(common and not cats for cats, common, _ in info):
        return None
    return Verdict(Severity.WARNING, suggestion, False, _unknown_reason(parts), 0.6)


def _near_allowlisted(token: str, gaz: Gazetteer) -> bool:
    if "rapidfuzz" not in sys.modules:  # a single draft: try to decide without importing it (~15 ms)
        letters = Counter(token)
        if not any(_may_reach_ratio(token, name, _NEAR_ALLOWLIST, letters) for name in gaz.allow):
            return False
    from rapidfuzz import fuzz, process

    return process.extractOne(token, gaz.allow, scorer=fuzz.ratio, score_cutoff=_NEAR_ALLOWLIST) is not None


def _may_reach_ratio(a: str, b: str, cutoff: float, letters: Counter[str] | None = None) -> bool:
    """False when ``fuzz.ratio(a, b)`` is certainly below ``cutoff``.

    The ratio is ``200 * LCS / (len(a) + len(b))``, and the longest common
    subsequence holds at most the shorter string, and at most the letters
    the two have in common (as multisets): two upper bounds, the first free.
    ``letters`` is ``Counter(a)``, when the caller has it.
    """
    total = len(a) + len(b)
    if 200 * min(len(a), len(b)) < cutoff * total:
        return False
    shared = sum(min(n, b.count(ch)) for ch, n in (letters or Counter(a)).items())
    return 200 * shared >= cutoff * total


_LABELS = {
    "country": "country",
    "demonym": "nationality",
    "combining": "combining form",
    "place": "place",
    "organisation": "organisation",
    "company": "company",
    "given": "given name",
    "surname": "surname",
    "calendar": "month or day",
    "prefix": "prefix",
    "user": "known name",
}


def _known_reason(parts: Iterable[str], kinds: Iterable[frozenset[str]]) -> str:
    described = [f"'{p}' ({'/'.join(sorted(_LABELS.get(c, c) for c in k))})" for p, k in zip(parts, kinds)]
    return "known names: " + ", ".join(described)


def _unknown_reason(parts: list[str]) -> str:
    shown = " + ".join(f"'{p}'" for p in parts)
    return f"{shown} look like names run together; if this is how the name is written, add it to `allow`"


class MergedProperNoun(Rule):
    """Proper nouns run together when a hyphen or dash was lost ("SaudiIsraeli").

    ## What it flags
    A token made of two or more capitalised words written solid, such as
    `SaudiIsraeli`, `FrancoGerman` or `JeanPierre`. It is an **error** when
    every part is a known name (country, nationality, combining form such as
    Anglo-/Sino-, place, organisation, month, given name or surname: see the
    gazetteer files in `rules/data/names/`), when the hyphenated name is
    well known (`RollsRoyce`, `AlQaeda`, `NewYork`), or when the document
    also writes the split form ("Saudi-Israeli" elsewhere). It is a
    **warning** when some parts are unknown but still look like names (not
    ordinary English words), as in `BaskinRobbins`, or when both parts are
    company names (merged companies such as ExxonMobil keep CamelCase).

    It never reports real CamelCase names on the allowlist (YouTube,
    PlayStation, PayPal, GlaxoSmithKline, ...), names built on Mc/Mac/Fitz
    or on particles (McDonald, MacArthur, DiCaprio, LeBlanc, DeMille, Van,
    Von, El...), tokens with acronyms or digits (USAID, NATO's, F-35,
    COVID-19, iOS), brands made of ordinary words (ClearView, GameCube),
    nor anything in code, URLs, handles (@x), hashtags (#x), e-mail
    addresses or quoted speech.

    ## Why it matters
    Wire copy assembled from many sources loses hyphens and dashes; the
    merged name reads as a typo and goes straight to readers.

    ## Example
    ```markdown
    It may ease pressure on the SaudiIsraeli normalisation axis.
    ```

    ## Use instead
    ```markdown
    It may ease pressure on the Saudi-Israeli normalisation axis.
    ```

    ## Options
    - `joiner` (default `"hyphen"`): the house joiner between entities
      (places, nations, organisations), `"hyphen"` or `"en-dash"`
      ("Saudi–Israeli"). Combining forms, prefixes and double names always
      take a hyphen; a given name followed by a surname takes a space.
    - `allow` (default `[]`): CamelCase names never to report, e.g.
      `allow = ["ThinkVantage", "KarstadtQuelle"]`.
    - `allowlist-files` (default `[]`): files with more allowlist entries
      (one per line, `#` comments), relative to the config file.
    - `warn-unknown` (default `true`): report warnings for tokens whose parts
      are not all known names; set to `false` to keep only errors.

    The gazetteer itself is shared with NAM002 and extended with two
    top-level settings: `known-names = ["Kilroy", "Silk"]` (names or
    hyphenated compounds) and `name-files = ["desk/names.txt"]` (files of
    names, one per line).

    ## Known limitations
    Names missing from the gazetteer give warnings, not errors. Brands made
    of two known names that are not on the allowlist are reported as errors;
    add them to `allow`. The joiner is a guess for mixed parts (a given name
    and a surname may be one double-barrelled name or two names).

    ## Fix safety
    The fix replaces the token with the suggested split form. It is safe
    when the document also writes that split form, and unsafe otherwise.
    Quoted speech is never rewritten.
    """

    code = "NAM001"
    name = "merged-proper-noun"
    severity = Severity.ERROR
    skip_quotes = True
    options = {"joiner": "hyphen", "allow": [], "allowlist-files": [], "warn-unknown": True}
    #: The config folder (set by the plugin) that relative file paths start from.
    root: Path | None = None

    def gazetteer(self) -> Gazetteer:
        return gazetteer_for(
            self.settings.get("known-names", ()),
            self.opt("allow"),
            self.settings.get("name-files", ()),
            self.opt("allowlist-files"),
            self.root,
        )

    def prepare(self) -> None:
        self.gazetteer().plain_words  # noqa: B018 - built once, before workers fork
        import rapidfuzz  # noqa: F401 - many tokens ahead: its C matcher beats the pure-Python bound

    def cache_inputs(self) -> list[Path]:
        """Files read besides the draft, so the result cache sees their edits."""
        files = [*self.settings.get("name-files", ()), *self.opt("allowlist-files")]
        return [resolve(f, self.root) for f in files]

    def check(self, doc: Document):
        gaz = self.gazetteer()
        candidates = camel_candidates(gaz.without_plain_words(name_tokens(doc).keys()))
        if not candidates:
            return
        joiner = JOINERS.get(self.opt("joiner"))
        if joiner is None:
            raise ValueError(f"option 'joiner' of NAM001 must be 'hyphen' or 'en-dash' (not {self.opt('joiner')!r})")
        warn_unknown = self.opt("warn-unknown")
        prose = doc.prose
        for token in sorted(candidates):
            verdict = judge(token, gaz, prose, joiner=joiner, warn_unknown=warn_unknown)
            if verdict is None:
                continue
            for start in occurrences(prose, token):
                span = Span(start, start + len(token))
                if doc.in_quote(span):
                    continue
                yield self.diagnostic(
                    doc,
                    span,
                    f"merged proper noun '{token}': did you mean '{verdict.suggestion}'?",
                    fix=Fix.replace(span, verdict.suggestion, safe=verdict.safe, title=f"Write '{verdict.suggestion}'"),
                    confidence=verdict.confidence,
                    help=verdict.reason,
                    severity=self.severity if verdict.severity == Severity.ERROR else min(self.severity, Severity.WARNING),
                    data={"suggestion": verdict.suggestion},
                )
