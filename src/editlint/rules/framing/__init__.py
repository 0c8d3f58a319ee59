"""Framing rules: loaded language (BAL002) and asymmetric labels (BAL005).

Both read the lexicon file ``rules/data/loaded-language.toml``: BAL002 its
entries, BAL005 its ``[labels]`` tables. Other BAL rules (one-sided
sourcing, state-media labels, weasel attribution, speculation) live in
:mod:`editlint.rules.sourcing` and :mod:`editlint.rules.claims`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from editlint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from editlint.document import Document, Span
from editlint.hookspecs import hookimpl
from editlint.lazyre import lazy
from editlint.rule import Rule
from editlint.rules.framing import voice
from editlint.rules.framing.labels import default_tables, find_label_uses
from editlint.rules.framing.lexicon import Hit, Lexicon, build_lexicon, default_entries, normalize

# -ise spellings in the lexicon's suggestions, and their -ize forms.
_BRITISH_ISE = lazy(r"\b(critic|character|organ|recogn|apolog|emphas|summar|minim|neutral|real|author|legal)is(e|es|ed|ing|ation|ations)\b")


def american_spelling(text: str) -> str:
    """Turn the lexicon's British -ise suggestions into -ize ones."""
    return _BRITISH_ISE.sub(lambda m: f"{m.group(1)}iz{m.group(2)}", text)


def match_case(replacement: str, found: str) -> str:
    """Give ``replacement`` the capitalisation of ``found`` ("Slammed" -> "Criticised")."""
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@lru_cache(maxsize=1)
def partisan_label_phrases() -> frozenset[str]:
    """Lexicon forms that end in a government label ("zionist regime")."""
    loaded = default_tables().loaded
    _, entries = default_entries()
    return frozenset(form for entry in entries for form in entry.forms if form.split()[-1] in loaded)


class LoadedLanguage(Rule):
    """Loaded, emotive or partisan wording in the writer's own voice.

    ## What it flags
    Words from the bundled lexicon (`rules/data/loaded-language.toml`, about
    800 forms, 700 of them checked at the default `min-confidence`) used in
    the writer's own voice: loaded verbs ("slammed",
    "lashed out"), attribution verbs that cast doubt ("claimed that"), doubt
    words ("so-called"), partisan labels ("Zionist regime", "pro-life",
    "illegal aliens", "special military operation"), loaded labels for people
    ("terrorists", "thugs", "cronies"), and the writer's own verdicts
    ("draconian", "outrageous", "shamefully"), euphemisms ("collateral
    damage"). Each entry names a neutral alternative and the guidance it
    applies (Reuters "freedom from bias", BBC guidance on value-laden words
    and on "terrorist", AP on abortion, immigration and climate terms).

    A term is the writer's framing only when the writer uses it, so the rule
    skips:
    - quoted speech (double quotes, curly quotes, British straight single
      quotes: `Blair 'sorry' over ...`, and quotations that run over several
      paragraphs, each opening with a quote mark);
    - code, comments and URLs (masked by the parser);
    - labels put in someone's mouth in the same clause ("what Tehran calls
      the Zionist regime", "described as draconian"); characterisations
      (adjectives, nouns, labels for people) also when the sentence reports
      speech ("critics said the law was draconian"). Loaded verbs and doubt
      words are never excused this way: "critics slammed the plan" is the
      writer's verb;
    - a common word capitalised in mid-sentence, taken as part of a name
      ("Shameless", the "Pro-Life Alliance");
    - literal senses listed per entry ("slammed into a wall", "blasted off",
      "claimed responsibility", "terrorist offences").

    Headings are checked: a headline is the writer's voice too, and the
    place where a loaded word does most harm.

    "regime" on its own is not in the lexicon: whether it is loaded depends
    on how the document names the other side's government, which is what
    BAL005 checks. Compounds that are partisan whoever uses them ("Zionist
    regime", "Kyiv regime", "rogue regime") are here.

    Some entries are opt-in (below the default `min-confidence`) because
    edited copy uses them routinely: "claimed that" (Reuters cautions
    against it, but wire, BBC and Wikipedia copy use it for disputed
    statements), "so-called" in its naming sense, puffery ("legendary") and
    evaluative words ("amazing", "sadly").

    ## Why it matters
    Reuters: "We must also be on guard against bias in our choice of words."
    BBC: credibility is undermined by the careless use of words which carry
    emotional or value judgements; "we should not adopt other people's
    language as our own." The reader should get the facts and the speakers'
    own words, and make the judgement.

    ## Example
    ```markdown
    The senator slammed the draconian proposal, which critics in Tehran's
    so-called reform camp had backed.
    ```

    ## Use instead
    ```markdown
    The senator criticised the proposal, which would double fines for late
    filing; members of Tehran's reform camp had backed it.
    ```

    ## Options
    - `min-confidence` (default `0.6`): lexicon entries carry a confidence
      (how surely an editor would call the word loaded in the writer's
      voice); entries below this are not checked. Raise it for fewer,
      surer findings; lower it to `0.5` to add the opt-in entries
      ("claimed that", "so-called", "legendary", "staggering"). The default
      is the knee of the evaluation curves: at `0.5` recall on BABE rises
      from 0.22 to 0.28 (precision 0.86 to 0.83) but findings on edited BBC
      copy triple.
    - `extend-terms` (default `{}`): your own terms and their neutral
      suggestion, `{"tirade" = "speech", "regime" = "government"}` (an empty
      suggestion asks for a rephrasing). A term that is also a bundled form
      replaces it.
    - `disable` (default `[]`): entry ids or single forms to switch off, e.g.
      `["terrorist", "so-called"]` (see the ids in the lexicon file).
    - `ignore-categories` (default `[]`): categories to switch off:
      `emotive-verb`, `doubt-verb`, `doubt-word`, `partisan-label`,
      `emotive-label`, `emotive-noun`, `emotive-adjective`, `intensifier`,
      `euphemism`.
    - `check-headings` (default `true`): also check headings and headlines.
    - `spelling` (default `"british"`): `"american"` gives suggestions with
      -ize ("criticized").

    ```toml
    [tool.editlint.rules.BAL002]
    min-confidence = 0.7
    disable = ["claim"]
    extend-terms = { "hardliner" = "conservative" }
    ```

    ## Known limitations
    - A lexicon cannot see framing built from neutral words, sarcasm, or
      selective facts; its recall on expert-labelled biased sentences is low
      (see the README figures). Precision is what it is tuned for.
    - Attribution is found from reporting verbs in the sentence, not by
      parsing: "he said in his typically outrageous style" excuses
      "outrageous" although the adjective is the writer's.
    - Context-dependent words ("admitted", "massacre", "atrocities") are
      right in some stories (a confession in court, a massacre established
      by a tribunal): disable the entry or suppress the line.

    ## Fix safety
    Never applied. Where the lexicon has a word-for-word neutral term the
    finding carries it as a display-only suggestion ("criticised" for
    "slammed"): the neutral word is weaker by design, and only the writer
    can tell whether the stronger claim was reported fact. Newsroom tools
    (the Guardian's Typerighter) leave editorial substitutions to a person
    for the same reason.
    """

    code = "BAL002"
    name = "loaded-language"
    severity = Severity.WARNING
    skip_quotes = True
    options = {
        "min-confidence": 0.6,
        "extend-terms": {},
        "disable": [],
        "ignore-categories": [],
        "check-headings": True,
        "spelling": "british",
    }

    _cached: tuple[object, Lexicon] | None = None

    def lexicon(self) -> Lexicon:
        """The lexicon for this rule's options (built once per set of options)."""
        values = self.option_values
        if self._cached is not None and self._cached[0] is values:
            return self._cached[1]
        extra = tuple(sorted((str(k), v) for k, v in dict(self.opt("extend-terms")).items()))
        lexicon = build_lexicon(
            float(self.opt("min-confidence")),
            frozenset(str(x) for x in self.opt("disable")),
            frozenset(str(x) for x in self.opt("ignore-categories")),
            extra,
        )
        self._cached = (values, lexicon)
        return lexicon

    def prepare(self) -> None:
        self.lexicon().patterns  # noqa: B018 - compiled once, before workers fork

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        check_headings = self.opt("check-headings")
        american = str(self.opt("spelling")).lower().startswith("american")
        lexicon = self.lexicon()
        if not lexicon.may_occur(doc):
            return
        for hit in lexicon.finditer(doc.prose, lowered=voice.lowered_prose(doc)):
            if not check_headings and voice.in_heading(doc, hit.start):
                continue
            if not writers_voice(doc, hit):
                continue
            yield self._report(doc, hit, american)

    def _report(self, doc: Document, hit: Hit, american: bool) -> Diagnostic:
        entry = hit.entry
        found = " ".join(doc.text[hit.start : hit.end].split())
        span = Span(hit.start, hit.end)
        replacement = hit.replacement
        fix = None
        if replacement:
            replacement = match_case(american_spelling(replacement) if american else replacement, found)
            advice = f"neutral: '{replacement}'"
            fix = Fix((Edit(hit.start, hit.end, replacement),), Applicability.DISPLAY, f"replace with '{replacement}'")
        else:
            suggest = entry.suggest or "rephrase in neutral terms"
            advice = american_spelling(suggest) if american else suggest
        message = f"{entry.category.label} '{found}' in the writer's voice; {advice}"
        notes = [f"guidance: {entry.source}"] if entry.source else []
        return self.diagnostic(
            doc,
            span,
            message,
            fix=fix,
            confidence=entry.confidence,
            help=entry.note or None,
            notes=notes,
            data={"entry": entry.id, "category": entry.category.name, "term": found, "suggestion": replacement or advice},
        )


def writers_voice(doc: Document, hit: Hit) -> bool:
    """Return True if the hit is the writer's own wording (see BAL002's docs)."""
    entry = hit.entry
    if voice.looks_like_name(doc, hit.start, hit.end, entry.written[hit.form]):
        return False
    if entry.named_event and voice.after_named_event(doc, hit.start):
        return False
    if voice.in_single_quotes(doc, hit.start, hit.end) or voice.in_double_quotes(doc, hit.start):
        return False
    return not voice.is_attributed(doc, hit.start, hit.end, entry.attribution)


class AsymmetricLabels(Rule):
    """One side's government called a "regime" while another's is a "government".

    ## What it flags
    A government labelled with a loaded noun ("the Iranian regime", "the
    regime in Damascus", "the North Korean dictatorship") in a document that
    names another actor's government neutrally ("the US administration",
    "the Israeli government", "the UK authorities"). The actors are matched
    through a gazetteer (country, adjective, capital, seat of power: "Iran",
    "Iranian", "Tehran" are one actor), so "the Iranian regime" beside "the
    government in Tehran" is not flagged: that is one actor, not two sides.

    Not flagged:
    - labels inside quoted speech;
    - regimes of the past whose name is settled usage ("the Nazi regime",
      "the Soviet regime", "Saddam Hussein's regime", "the former regime");
    - technical senses with no actor in front ("the sanctions regime", "a
      tax regime");
    - partisan compounds that BAL002 reports ("Zionist regime").

    ## Why it matters
    Calling one party's government a regime and the other's an
    administration tells the reader which side is legitimate before any fact
    is reported. BBC and Reuters practice is to name all parties in the same
    neutral terms; "regime" in a story's own voice, for one side only, is
    the classic sign of adopted framing.

    ## Example
    ```markdown
    The Iranian regime rejected the offer, which the US administration had
    presented as final.
    ```

    ## Use instead
    ```markdown
    The Iranian government rejected the offer, which the US administration
    had presented as final.
    ```

    ## Known limitations
    - Only labels with an actor written next to them count: a bare "the
      regime" later in the story is not tied to anyone.
    - Leaders are mapped to states only for a short list (the gazetteer in
      the lexicon file); "the Maduro regime" beside "the Venezuelan
      government" is then treated as two actors.
    - Which past regimes count as settled history is a judgement; the list is
      in the lexicon file's `[labels]` table.

    ## Fix safety
    Never applied: the finding carries a display-only suggestion
    ("government" for "regime"); the writer decides whether to change this
    label or the other side's.
    """

    code = "BAL005"
    name = "asymmetric-labels"
    severity = Severity.INFO
    skip_quotes = True

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        tables = default_tables()
        lowered = voice.lowered_prose(doc)
        if not any(word in lowered for word in tables.loaded):
            return
        uses = find_label_uses(doc, tables)
        neutral: dict[str, object] = {}
        for use in uses:
            if not use.loaded:
                neutral.setdefault(use.actor, use)
        if not neutral:
            return
        partisan = partisan_label_phrases()
        for use in uses:
            if not use.loaded or use.historical:
                continue
            others = [u for actor, u in neutral.items() if actor != use.actor]
            if not others:
                continue
            if normalize(use.phrase(doc)) in partisan:
                continue  # "Zionist regime", "Kyiv regime" and the like are BAL002's
            other = others[0]
            yield self._report(doc, use, other)

    def _report(self, doc: Document, use, other) -> Diagnostic:
        noun = doc.text[use.noun.start : use.noun.end]
        plural = noun.lower().endswith("s")
        replacement = match_case("governments" if plural else "government", noun)
        line = doc.position(other.span.start).line
        where = "" if line == doc.position(use.span.start).line else f" on line {line}"
        others_noun = doc.text[other.noun.start : other.noun.end].lower()
        message = (
            f"'{use.phrase(doc)}' labels {use.actor}'s government a {noun.lower().rstrip('s')}, while "
            f"'{other.phrase(doc)}'{where} gets the neutral '{others_noun}'; use the same term for both sides"
        )
        fix = Fix((Edit(use.noun.start, use.noun.end, replacement),), Applicability.DISPLAY, f"replace '{noun}' with '{replacement}'")
        return self.diagnostic(
            doc,
            use.span,
            message,
            fix=fix,
            confidence=0.7,
            help="Name every party's government in the same neutral terms (BBC and Reuters practice); attribute 'regime' to whoever uses it.",
            data={"actor": use.actor, "label": noun.lower(), "other_actor": other.actor, "other_label": others_noun},
        )


@hookimpl
def editlint_rules():
    return [LoadedLanguage, AsymmetricLabels]
