"""Score NAM001 on ``merged_propernouns.jsonl`` (BBC sentences with a hyphen removed).

Each record is linted as its own document with NAM001 alone, so the split
form elsewhere in an article gives nothing away. Positives are the
``merged_proper_noun`` spans (with their ``correction``); clean records carry
``real_camelcase_do_not_flag`` spans on real CamelCase names.

Figures, separately for errors, for warnings and for both:

* recall on positives **deduplicated by correction** (each correction counts
  once, with the share of its records found), split into categories:
  ``entity`` (every part is a place, country, nationality, combining form,
  organisation or company in editlint's gazetteer: the seed's case),
  ``proper`` (every other proper-noun compound), and ``common`` (compounds of
  ordinary words such as "Short-Term" or with a prefix such as "Anti-":
  not proper nouns, reported apart);
* precision per diagnostic (a diagnostic that does not overlap a positive
  span is a false flag);
* the share of distinct do-not-flag names flagged;
* for found positives, how often the suggestion equals the correction.

Whether a part is an ordinary word is decided from the corpus text itself
(independently of editlint's word list): a word is ordinary when it is
written in lower case more often than capitalised mid-sentence in the BBC
articles (``bbc_news.jsonl`` beside this corpus; the records' own text when
that file is absent).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from editlint.eval import Result, read_jsonl
from editlint.eval.metrics import fmt

CORPUS = "merged_propernouns.jsonl"
RULE = "NAM001"
POSITIVE = "merged_proper_noun"
DO_NOT_FLAG = "real_camelcase_do_not_flag"
#: Prefixes that make a compound "not a proper noun" whatever follows.
PREFIXES = frozenset(
    "anti pro non ex post pre co re sub mid multi pan inter intra counter vice under over half hi semi super "
    "tri cross all out self neo pseudo quasi ultra trans extra mega micro mini sci bi".split()
)
#: Gazetteer categories that make a part an "entity" (place, nation, organisation).
ENTITY_CATEGORIES = frozenset({"country", "demonym", "combining", "place", "organisation", "company"})
CATEGORIES = ("entity", "proper", "common")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")


# -- deciding what kind of compound a correction is ----------------------------


@dataclass
class CaseStats:
    """How often each word is written in lower case and capitalised mid-sentence."""

    lower: Counter = field(default_factory=Counter)
    capitalised: Counter = field(default_factory=Counter)

    def add_text(self, text: str) -> None:
        for line in text.splitlines():
            previous_end = 0
            for m in _WORD.finditer(line):
                word = m.group()
                before = line[previous_end : m.start()]
                previous_end = m.end()
                sentence_start = m.start() == 0 or bool(_SENTENCE_END.search(line[: m.start()]))
                for piece in word.replace("’", "'").split("'")[:1]:
                    if piece.islower():
                        self.lower[piece] += 1
                    elif piece[:1].isupper() and not sentence_start and before.strip() not in ("-",):
                        self.capitalised[piece.lower()] += 1

    def is_common(self, word: str) -> bool:
        """A word is ordinary when lower case is its more frequent spelling mid-sentence."""
        low = word.lower()
        return self.lower[low] > 0 and self.lower[low] >= self.capitalised[low]


def parts_of(correction: str) -> list[str]:
    """Split a correction into its parts ("Saudi-Israeli" -> ["Saudi", "Israeli"])."""
    return [p for p in re.split(r"[-‐‑–— ]+", correction) if p]


def categorize(correction: str, stats: CaseStats, categories_of) -> str:
    """Return ``entity``, ``proper`` or ``common`` for a positive's correction.

    ``categories_of(part)`` returns the gazetteer categories of a part.
    """
    parts = parts_of(correction)
    if not parts:
        return "common"
    if parts[0].lower() in PREFIXES or all(stats.is_common(p) for p in parts):
        return "common"
    if all(categories_of(p) & ENTITY_CATEGORIES for p in parts):
        return "entity"
    return "proper"


# -- scoring ---------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_suggestion(suggestion: str | None, correction: str) -> bool:
    if suggestion is None:
        return False
    norm = lambda s: re.sub(r"[‐‑–—]", "-", s)  # noqa: E731 - the joiner option may pick an en dash
    return norm(suggestion) == norm(correction)


@dataclass
class Tally:
    """Counts for one severity class (``error``, ``warning`` or ``any``)."""

    tp: int = 0
    fp: int = 0
    found: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    #: the same, for positives outside quoted speech (which NAM001 skips)
    found_unquoted: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    suggestion_ok: int = 0
    dnf_flagged: set[str] = field(default_factory=set)
    dnf_spans_flagged: int = 0
    false_flags: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0


def severity_classes(severity: str) -> tuple[str, ...]:
    return (severity, "any") if severity in ("error", "warning") else ("any",)


def score(records: Sequence[Mapping[str, Any]], diagnostics: Sequence[Sequence[Any]], quoted: Sequence[Sequence[tuple[int, int]]] | None = None) -> dict[str, Tally]:
    """Tally NAM001 ``diagnostics`` (one list per record) against the labels.

    A diagnostic needs ``span`` (start, end), ``severity`` (str() gives
    ``error``/``warning``) and optionally ``data["suggestion"]``. ``quoted``
    gives each record's quoted-speech spans (positives there are also
    counted apart, since NAM001 never reports inside quotes).
    """
    tallies = {name: Tally() for name in ("error", "warning", "any")}
    quoted = quoted if quoted is not None else [()] * len(records)
    for record, diags, quotes in zip(records, diagnostics, quoted):
        spans = record.get("spans", [])
        positives = [s for s in spans if s.get("label") == POSITIVE]
        dnf = [s for s in spans if s.get("label") == DO_NOT_FLAG]
        for d in diags:
            span = (d.span[0], d.span[1])
            classes = severity_classes(str(d.severity))
            hit = any(_overlaps(span, (p["start"], p["end"])) for p in positives)
            for c in classes:
                if hit:
                    tallies[c].tp += 1
                else:
                    tallies[c].fp += 1
                    tallies[c].false_flags[record["text"][span[0] : span[1]]] += 1
            for s in dnf:
                if _overlaps(span, (s["start"], s["end"])):
                    for c in classes:
                        tallies[c].dnf_flagged.add(s["text"])
                        tallies[c].dnf_spans_flagged += 1
        for p in positives:
            for c in tallies:
                hits = [d for d in diags if c in severity_classes(str(d.severity)) and _overlaps((d.span[0], d.span[1]), (p["start"], p["end"]))]
                tallies[c].found[p["correction"]].append(bool(hits))
                if not any(_overlaps((p["start"], p["end"]), q) for q in quotes):
                    tallies[c].found_unquoted[p["correction"]].append(bool(hits))
                if hits and _same_suggestion((getattr(hits[0], "data", None) or {}).get("suggestion"), p["correction"]):
                    tallies[c].suggestion_ok += 1
    return tallies


def dedup_recall(found: Mapping[str, list[bool]], corrections: Iterable[str] | None = None) -> tuple[float, int]:
    """Recall over distinct corrections: each counts once, with the share of its records found."""
    keys = list(found if corrections is None else [c for c in corrections if c in found])
    if not keys:
        return 0.0, 0
    return sum(sum(found[k]) / len(found[k]) for k in keys) / len(keys), len(keys)


def do_not_flag_names(records: Iterable[Mapping[str, Any]]) -> set[str]:
    return {s["text"] for r in records for s in r.get("spans", []) if s.get("label") == DO_NOT_FLAG}


def report(records: Sequence[Mapping[str, Any]], tallies: Mapping[str, Tally], kinds: Mapping[str, str], listed: Iterable[str] = ()) -> list[Result]:
    """Turn tallies into result rows; ``kinds`` maps corrections to categories."""
    results: list[Result] = []
    dnf_total = do_not_flag_names(records)
    listed = set(listed)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for correction, kind in kinds.items():
        by_kind[kind].append(correction)
    for name, label in (("error", f"{RULE} errors"), ("warning", f"{RULE} warnings"), ("any", f"{RULE} errors+warnings")):
        t = tallies[name]
        add = lambda metric, value, note="": results.append(Result(CORPUS, label, metric, value, note))  # noqa: E731
        proper = by_kind["entity"] + by_kind["proper"]
        r, n = dedup_recall(t.found, proper)
        add("recall, proper-noun compounds (dedup)", fmt(r), f"{n} distinct corrections")
        r, n = dedup_recall(t.found_unquoted, proper)
        add("recall, proper-noun compounds outside quotes (dedup)", fmt(r), f"{n} distinct corrections")
        r, n = dedup_recall(t.found, by_kind["entity"])
        add("recall, places/nations/organisations (dedup)", fmt(r), f"{n} distinct corrections; category from the gazetteer")
        r, n = dedup_recall(t.found_unquoted, by_kind["entity"])
        add("recall, places/nations/organisations outside quotes (dedup)", fmt(r), f"{n} distinct corrections")
        r, n = dedup_recall(t.found, [c for c in proper if c not in listed])
        add("recall, proper-noun compounds not listed in compounds.txt (dedup)", fmt(r), f"{n} distinct corrections")
        r, n = dedup_recall(t.found, by_kind["common"])
        add("recall, common-word/prefix compounds (dedup, reported apart)", fmt(r), f"{n} distinct corrections")
        positives = sum(len(v) for v in t.found.values())
        found = sum(sum(v) for v in t.found.values())
        add("recall, all positive records", fmt(found / positives if positives else 0.0), f"{found}/{positives}")
        add("precision (per diagnostic)", fmt(t.precision), f"tp={t.tp} fp={t.fp}")
        add("do-not-flag names flagged", fmt(len(t.dnf_flagged) / len(dnf_total) if dnf_total else 0.0), f"{len(t.dnf_flagged)}/{len(dnf_total)} distinct; {t.dnf_spans_flagged} spans" + (f": {', '.join(sorted(t.dnf_flagged)[:8])}" if t.dnf_flagged else ""))
        add("suggestion equals correction (found positives)", fmt(t.suggestion_ok / found if found else 0.0), f"{t.suggestion_ok}/{found}")
        if t.false_flags:
            top = ", ".join(f"{w} ({c})" for w, c in t.false_flags.most_common(6))
            add("most frequent false flags", str(sum(t.false_flags.values())), top)
    return results


def case_stats(corpus_dir: Path | None, records: Sequence[Mapping[str, Any]]) -> CaseStats:
    stats = CaseStats()
    bbc = Path(corpus_dir) / "bbc_news.jsonl" if corpus_dir else None
    if bbc is not None and bbc.is_file():
        for article in read_jsonl(bbc):
            stats.add_text(article["text"])
    else:
        for record in records:
            stats.add_text(record["text"])
    return stats


def evaluate(records, lint, corpus_dir=None) -> list[Result]:
    from editlint.rules.names.gazetteer import base_gazetteer, fold

    from editlint.document import parse

    diagnostics = [lint.lint(r["text"], [RULE]) for r in records]
    quoted = [parse(r["text"], "record.txt").quotes for r in records]
    tallies = score(records, diagnostics, quoted)
    gaz = base_gazetteer()
    stats = case_stats(corpus_dir, records)
    corrections = {s["correction"] for r in records for s in r.get("spans", []) if s.get("label") == POSITIVE}
    kinds = {c: categorize(c, stats, gaz.categories) for c in corrections}
    listed = {c for c in corrections if gaz.compound(fold(c)) is not None}
    results = report(records, tallies, kinds, listed)
    counts = Counter(kinds.values())
    results.append(Result(CORPUS, RULE, "distinct corrections by category", ", ".join(f"{k}={counts[k]}" for k in CATEGORIES), f"{len(listed)} are listed in compounds.txt or another gazetteer file"))
    return results
