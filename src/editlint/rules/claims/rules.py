"""The rules of the claims family: CIT001-CIT003, BAL003 and BAL004.

All five read one shared analysis (:func:`~editlint.rules.claims.analysis.claims_analysis`),
so a document is analysed once however many of them run, and the choice
between CIT001, CIT002 and BAL003 for a sentence is made in one place.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from editlint.diagnostic import Diagnostic, Severity
from editlint.document import Document, Span
from editlint.rule import Rule


def claims_analysis(doc: Document):
    """The shared analysis (imported on first use: it is not start-up cost)."""
    found = doc.peek(_ANALYSIS_KEY)
    if found is not None:  # the other rules of the family: computed already
        return found
    from editlint.rules.claims.analysis import claims_analysis as analyse

    return analyse(doc)


#: ``analysis.ANALYSIS_KEY`` (repeated here so that reading a computed analysis needs no import).
_ANALYSIS_KEY = "editlint.claims.analysis"


#: Readable names of the claim signals, for messages.
SIGNAL_LABELS = {
    "percent": "percentage",
    "money": "money",
    "magnitude": "large number",
    "number": "figure",
    "year": "year",
    "date": "date",
    "count": "count",
    "statistic": "measured quantity",
    "event": "event",
    "past": "past event",
    "superlative": "superlative",
    "record": "record",
    "trend": "change over time",
    "perfect": "completed action",
    "actors": "named actors",
    "comparison": "comparison",
    "policy": "law or deal",
    "actor": "named actor",
    "actor-event": "named actor acting",
    "state": "standing fact",
}


_MESSAGES: dict[int | None, str] = {}
_CIT001_HELP = "say where it comes from: \"according to …\", \"… said\", or a link to the source"


def _quote_phrase(doc: Document, span: Span, limit: int = 60) -> str:
    text = " ".join(doc.text[span.start : span.end].split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _ClaimsRule(Rule):
    """Base of the five rules: they read the shared analysis."""

    def prepare(self) -> None:
        # import the analysis (its word tables and ~35 compiled patterns, ~20 ms)
        # once, before the runner forks its workers, rather than once in each
        import editlint.rules.claims.analysis  # noqa: F401


class _AttributionFinding(_ClaimsRule):
    """Base of CIT002 and BAL003: report the attributions the analysis gave this code."""

    message_template = ""
    help_text = ""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for facts in claims_analysis(doc).sentences:
            att = facts.weasel
            if att is not None and facts.weasel_code == self.code:
                message = self.message_template.format(phrase=_quote_phrase(doc, att.span))
                yield self.diagnostic(doc, att.span, message, help=self.help_text, data={"actor": att.actor, "verb": att.verb})


class UncitedClaim(_ClaimsRule):
    """A check-worthy factual claim with no attribution.

    ## What it flags
    A sentence in the writer's own voice that states something a reader
    could check (a figure, a percentage, a sum of money, a quantity in words
    such as "fifty-five" or "a third of", a date, a named actor doing
    something, a superlative, a record such as "the first woman to" or "a
    record high", a comparison with a measure or with the present) and
    says nowhere where it comes from: no "according to", no "X said /
    reported / announced", no "per X", no "X's report", no link or footnote.
    An attribution in one of the previous sentences of the same paragraph
    carries forward (see `carry-forward`), and a figure the draft already
    gave with a source is not flagged again.

    Each finding carries a confidence in [0, 1] computed from the signals
    it found (listed in the diagnostic's data); only findings at or above
    `min-confidence` are reported.

    Not claims: questions, prescriptions ("Washington should…"),
    conditionals, hedged speculation (BAL004's), plans and forecasts ("is
    set to", "is expected to", "will") weigh less, the writer's analysis
    ("What is clear is that…"), quoted speech (CIT003's), headings, tables
    and the sources section. A sentence whose source is vague (CIT002) or an
    unnamed group (BAL003) gets that code instead.

    ## Why it matters
    Every fact a reader could check should say where it comes from (Reuters
    Handbook: attribute everything that is not common knowledge). An
    unattributed figure in a synthesis cannot be traced back to the wire,
    and it is where errors and invented numbers hide.

    ## Example
    ```markdown
    The US maintains tens of thousands of soldiers across European bases.
    ```

    ## Use instead
    ```markdown
    The US maintains tens of thousands of soldiers across European bases,
    according to the Pentagon's 2025 force posture report.
    ```

    ## Options
    - `min-confidence` (float, default 0.4): report only findings with at
      least this confidence. 0 reports every candidate with its confidence
      (to rank them); 0.6 keeps only sentences with a figure and a named
      actor or several strong signals, for CI gates. The default is the
      point of the ClaimBuster evaluation curve where precision is about
      0.8 (see the README's evaluation table).
    - `carry-forward` (int, default 2): how many following sentences of the
      same paragraph an attribution covers ("Reuters reported X. The
      decision follows Y." is cited). A sentence opening with "But",
      "However", "Meanwhile" or the like starts a new thread and is not
      covered. 0 turns carrying off.

    ## Known limitations
    Check-worthiness comes from word-level signals, not from parsing: a
    sentence of analysis that happens to hold a figure and a past-tense
    verb can be flagged, and a claim with no figure, date or event verb
    ("Germany is the alliance's logistics hub") is usually missed.
    Attribution is read from reporting verbs and their subjects; an
    attribution further away than `carry-forward` sentences, or in the
    previous paragraph, is not seen.
    """

    code = "CIT001"
    name = "uncited-claim"
    severity = Severity.WARNING
    options = {"min-confidence": 0.4, "carry-forward": 2}

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        threshold = float(self.opt("min-confidence"))
        carry = int(self.opt("carry-forward"))
        messages = _MESSAGES
        for facts in claims_analysis(doc).sentences:
            # what the analysis knows first: a sentence is scored only when asked
            if facts.skipped or facts.attributed or facts.weasel is not None or facts.covered(carry) or facts.quoted >= 0.5:
                continue
            confidence = facts.confidence  # (read once: it is a property)
            if confidence <= 0 or confidence < threshold:
                continue
            signals = facts.signals
            data = signals.as_data() if signals else {}
            key = signals.mask if signals else None
            message = messages.get(key)
            if message is None:  # one message per set of signals: a few dozen in all
                labels = [SIGNAL_LABELS[s] for s in data.get("signals", []) if s != "actor-event"][:3]
                message = messages[key] = f"uncited claim ({', '.join(labels)}): no source for this sentence"
            yield self.diagnostic(
                doc,
                facts.span,
                message,
                confidence=confidence,
                help=_CIT001_HELP,
                data={"confidence": confidence, **data},
            )


class VagueAttribution(_AttributionFinding):
    """A factual claim attributed to no one a reader can check.

    ## What it flags
    A factual claim whose only source is vague: "sources said", "reports
    suggest", "a study found", "it is understood that", "reportedly",
    "officials said" without a descriptor ("US defence officials" has one),
    when no reason for the anonymity is given in the sentence or next to
    it ("spoke on condition of anonymity because they were not authorised
    to brief the media"). A sentence that also names a source ("Reuters,
    citing two officials, reported…") is not flagged.

    An opinion or characterisation attributed to an unnamed group ("critics
    argue", "it is widely seen as") is BAL003's: a phrase gets one code, not
    both, and a sentence flagged here is not also flagged by CIT001.

    ## Why it matters
    AP's rule on anonymous sources: use them only when the material is
    information, not opinion, say why the source was granted anonymity, and
    describe the source as precisely as possible. "Sources said" lets a
    reader check nothing and hides who is speaking.

    ## Example
    ```markdown
    Sources said 300 troops were moved to the border overnight.
    ```

    ## Use instead
    ```markdown
    Two Israeli defence officials, who spoke on condition of anonymity
    because they were not authorised to brief reporters, said 300 troops
    were moved to the border overnight.
    ```

    ## Known limitations
    Descriptors are recognised from a word list (nationalities, ministries,
    services) and from phrases such as "close to the talks" or "at the
    ministry"; an unusual descriptor may be missed, and "officials" who
    were named in an earlier sentence of the paragraph are not tracked
    (write "the officials" to refer back).
    """

    code = "CIT002"
    name = "vague-attribution"
    severity = Severity.WARNING
    message_template = "vague attribution '{phrase}': no one a reader can check"
    help_text = "name the source, or describe it and say why it cannot be named"


class UnattributedQuote(_ClaimsRule):
    """Direct quoted speech with no speaker.

    ## What it flags
    A quotation of at least `min-words` words with no speaker in its
    sentence or the next one: no said-verb ("he said", "said the
    minister", "told Reuters", "wrote"), no "according to", no
    colon-introduced quote after a named person ("The minister was blunt:
    …"). A quotation that continues from the previous paragraph (news style
    leaves the closing mark off) is not flagged; nor are titles in quotes
    ("a report titled …") or scare quotes of one or two words. A quotation
    of several paragraphs run into one block, with an opening mark for each
    paragraph and a closing mark only at the end (`"One. "Two. "Three."`),
    is read as one speaker's: each part continues the one before.

    ## Why it matters
    A quotation with no speaker is an assertion no one can be held to, and
    readers cannot tell speech from the writer's paraphrase. Style guides
    (AP, Reuters, BBC) attribute every quotation, in the sentence or the
    next one.

    ## Example
    ```markdown
    "We will not negotiate under pressure." The talks stalled on Tuesday.
    ```

    ## Use instead
    ```markdown
    "We will not negotiate under pressure," Iran's foreign minister said.
    ```

    ## Options
    - `min-words` (int, default 3): quotations shorter than this are scare
      quotes or terms, not speech.

    ## Known limitations
    The speaker test looks for a speech verb anywhere in the sentence or
    the next one, not for its grammatical link to the quotation.
    """

    code = "CIT003"
    name = "unattributed-quote"
    severity = Severity.WARNING
    options = {"min-words": 3}

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        min_words = int(self.opt("min-words"))
        for quote in claims_analysis(doc).quotes:
            if quote.speech and not quote.speaker and quote.words >= min_words:
                yield self.diagnostic(
                    doc,
                    quote.span,
                    "quoted speech with no speaker in this sentence or the next",
                    help="say who said it: '…,\" the minister said'",
                    data={"words": quote.words},
                )


class WeaselAttribution(_AttributionFinding):
    """An opinion or characterisation attributed to an unnamed group.

    ## What it flags
    Views put in the mouths of people the reader cannot identify: "critics
    argue", "observers believe", "many believe", "some say", "analysts
    warn", "it is widely seen as", "is regarded as", "it has been
    suggested that", "has been described as", "is considered by many to
    be", "is thought to be" (without a figure). A group named or described
    ("critics such as Amnesty International", "analysts at Capital
    Economics") is not flagged.

    A factual claim with a vague source ("sources said 300 troops…") is
    CIT002's; a phrase gets one code, not both, and a sentence flagged here
    is not also flagged by CIT001.

    ## Why it matters
    Weasel attribution passes the writer's framing off as someone else's
    consensus (Wikipedia's "words to watch"; BBC guidelines on impartiality:
    opinion must be clearly attributed). The reader cannot weigh a view
    without knowing whose it is.

    ## Example
    ```markdown
    Critics argue the deal rewards Tehran for stalling.
    ```

    ## Use instead
    ```markdown
    Senator Jane Doe, who chairs the foreign relations committee, argued
    the deal rewards Tehran for stalling.
    ```

    ## Known limitations
    A group named in an earlier sentence and referred back to without "the"
    ("Three senators wrote to the president. Critics argue…") is still
    flagged.
    """

    code = "BAL003"
    name = "weasel-attribution"
    severity = Severity.WARNING
    message_template = "opinion attributed to an unnamed group: '{phrase}'"
    help_text = "name who holds the view, or present it as the writer's own analysis"


class SpeculationDensity(_ClaimsRule):
    """A paragraph made mostly of hedged speculation without attribution.

    ## What it flags
    A paragraph of at least `min-sentences` sentences in which at least
    `min-ratio` of the sentences hedge in the writer's own voice ("could",
    "might", "likely", "potentially", "perhaps", "it is possible that",
    "appears to", "may have", "may well") with no attribution in the
    sentence or carried from the sentences just before it. The message
    gives the ratio; the diagnostic's data lists the hedged sentences and
    their cues.

    Hedges inside quoted speech are the speaker's, not the writer's, and
    do not count; "could not" (inability), "May" (the month) and "may" of
    general possibility or permission ("symptoms may include", "members
    may vote") are not hedges; "may" counts when it speculates ("may have
    left", "may well", "may soon") or sits in a conditional.

    ## Why it matters
    One hedge is honest; a paragraph of them is analysis or speculation
    presented in the voice of news. Editors check that speculation is
    labelled as such, or attributed to someone who is speculating.

    ## Example
    ```markdown
    The talks could collapse within days. Tehran may respond by enriching
    further. That would likely harden Washington's position.
    ```

    ## Use instead
    ```markdown
    The talks could collapse within days, two European diplomats said.
    Tehran has threatened to enrich further if they do.
    ```

    ## Options
    - `min-sentences` (int, default 3): shorter paragraphs are not judged
      (one hedged sentence on its own is normal caution).
    - `min-ratio` (float, default 0.6): the share of hedged, unattributed
      sentences that makes a paragraph speculative.
    - `carry-forward` (int, default 2): an attribution covers this many
      following sentences of the paragraph, as for CIT001.

    ## Known limitations
    Hedges are recognised from a word list; "would" and "is expected to"
    are not counted (they are too common in attributed reporting), and
    conditionals ("If …") count only when they also hedge.
    """

    code = "BAL004"
    name = "speculation-density"
    severity = Severity.INFO
    options = {"min-sentences": 3, "min-ratio": 0.6, "carry-forward": 2}

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        min_sentences = int(self.opt("min-sentences"))
        min_ratio = float(self.opt("min-ratio"))
        carry = int(self.opt("carry-forward"))
        for _, sentences in claims_analysis(doc).by_block():
            if len(sentences) < max(1, min_sentences) or sentences[0].skipped:
                continue
            hedged = [f for f in sentences if f.hedges and not f.covered(carry)]
            ratio = len(hedged) / len(sentences)
            if not hedged or ratio < min_ratio:
                continue
            cues = sorted({doc.text[h.start : h.end].lower() for f in hedged for h in f.hedges})
            span = Span(sentences[0].span.start, sentences[-1].span.end)
            yield self.diagnostic(
                doc,
                span,
                f"speculative paragraph: {len(hedged)} of {len(sentences)} sentences hedge without attribution ({ratio:.0%}; {', '.join(cues)})",
                help="attribute the speculation to someone, or label it as analysis",
                data={
                    "ratio": round(ratio, 3),
                    "hedged": len(hedged),
                    "sentences": len(sentences),
                    "cues": cues,
                    "hedged_spans": [[f.span.start, f.span.end] for f in hedged],
                },
            )


RULES = (UncitedClaim, VagueAttribution, UnattributedQuote, WeaselAttribution, SpeculationDensity)
