"""One pass over a document: per sentence, claims, attribution and hedges.

:func:`claims_analysis` computes a :class:`ClaimsAnalysis` once per document
(through ``Document.derived``) and every rule of the family reads it:

* CIT001 takes the sentences with claim signals and no attribution;
* CIT002 and BAL003 take the vague and unnamed-group attributions; which of
  the two a phrase gets is decided here (``_decide_weasel``: the sentence's
  ``weasel`` and ``weasel_code``), so a phrase never gets both and its
  sentence never also gets CIT001;
* CIT003 takes quoted speech with no speaker nearby;
* BAL004 takes the hedged sentences without attribution.

The writer's voice is what the analysis reads: the prose view with quoted
speech blanked out (a quote is the speaker's, not the writer's), so numbers
inside a quote are not the writer's claims and a quote's "could" is not the
writer's speculation.

Cost: each sentence is split at white space once and its tokens are looked
up in one table (:data:`~editlint.rules.claims.lexicon.CUE_KEYS`) giving a
bit mask of cue roles; the context checks run only around the cues found
and look at most 120 characters back. Nothing rescans the document per
sentence, so the analysis is linear in the document's length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterator

from editlint.document import BODY_KINDS, HEADING, LIST_ITEM, PARAGRAPH, Document, Span
from editlint.rules.claims import lexicon as lx
from editlint.rules.claims import scoring as sc
from editlint.rules.claims.attribution import (
    Attribution,
    has_possessive,
    read_attributions,
)
from editlint.rules.claims.lexicon import word_positions, words_with

#: ``Document.derived`` key of the analysis.
ANALYSIS_KEY = "editlint.claims.analysis"
#: How far an attribution carries when deciding that a figure was cited.
CITED_CARRY = 2

#: Section headings whose content is the sources themselves.
_SOURCE_SECTION_WORDS = ("source", "provenance", "reference", "bibliograph", "further reading", "credits", "notes", "links")
_CLOSERS = "\"'”’)]»* "
_CUE_INTERSECTION = lx.CUE_KEYS.intersection
_TOKEN_MASK = lx.TOKEN_MASK


# -- results -----------------------------------------------------------------------------


class SentenceFacts:
    """What the analysis found in one sentence.

    Attributes:
        index, span, block: the sentence's place in the document.
        question: it ends with a question mark.
        quoted: the share of its characters inside quoted speech.
        skipped: why it is not read ("sources section", "table"), or "".
        attributions: the attributions found in it (a tuple when none).
        named, attributed: it has a named attribution; it has any (named,
            vague or unnamed-group) attribution.
        hedges: the spans of its hedges in the writer's voice.
        anonymity: it gives a reason for a source's anonymity.
        signals: its claim signals and dampers (None when it is not read
            or names its source: a cited sentence needs no score).
        confidence: its check-worthiness as a factual claim (0 when it is
            not a claim candidate).
        strong_fact: it holds a figure, a sum or a date.
        numbers, number_mask: its figures ("5000") and the signal bits they give.
        cues: the bits (:data:`~editlint.rules.claims.lexicon.BIT`) of the
            roles of the cue words among its tokens (0 when it is not read).
        cited_earlier: every figure was given, with a source, earlier.
        carry: sentences back to the nearest attribution in the same
            paragraph (0: its own), or None when there is none to carry.
        weasel, weasel_code: the vague or unnamed-group attribution that
            gets a diagnostic, and its code (CIT002 or BAL003).

    ``signals``, ``confidence`` and ``strong_fact`` are worked out when
    first read: CIT001 asks only about sentences no attribution covers, and
    in news copy a fifth of the others are covered by one just before them.
    """

    # Class-level defaults: most sentences keep most of them, so creating a
    # sentence's facts sets three attributes only.
    question = named = attributed = anonymity = cited_earlier = False
    quoted = 0.0
    skipped = weasel_code = ""
    attributions: list[Attribution] | tuple = ()
    hedges: list[Span] | tuple = ()
    numbers: list[str] | tuple = ()
    number_mask = 0
    cues = 0
    carry: int | None = None
    weasel: Attribution | None = None
    #: What scoring the sentence needs (see :func:`_score`), until it is scored.
    _unscored: tuple | None = None
    _signals: sc.Signals | None = None
    _confidence = 0.0
    _strong_fact = False

    @property
    def signals(self) -> sc.Signals | None:
        if self._unscored is not None:
            _score(self)
        return self._signals

    @property
    def confidence(self) -> float:
        if self._unscored is not None:
            _score(self)
        return self._confidence

    @property
    def strong_fact(self) -> bool:
        if self._unscored is not None:
            _score(self)
        return self._strong_fact

    def __init__(self, index: int, span: Span, block: int) -> None:
        self.index, self.span, self.block = index, span, block

    def attach(self, att: Attribution) -> None:
        """Record an attribution found in the sentence."""
        if not self.attributions:
            self.attributions = []
        self.attributions.append(att)
        if att.kind != "writer":
            self.attributed = True
            if att.kind == "named":
                self.named = True

    def covered(self, carry_forward: int) -> bool:
        """Attributed here or by one of the ``carry_forward`` sentences before."""
        return self.carry is not None and self.carry <= carry_forward

    def __repr__(self) -> str:
        return f"<SentenceFacts {self.index} {tuple(self.span)} confidence={self.confidence} carry={self.carry} {self.weasel_code}>"


@dataclass(slots=True)
class QuoteFacts:
    """A quotation and whether the draft says who said it."""

    span: Span
    words: int
    speech: bool
    speaker: bool


@dataclass(slots=True)
class ClaimsAnalysis:
    """The analysis of one document, shared by the CIT and BAL003/BAL004 rules."""

    sentences: list[SentenceFacts]
    quotes: list[QuoteFacts]

    def by_block(self) -> Iterator[tuple[int, list[SentenceFacts]]]:
        """Yield ``(block index, sentences)`` paragraph by paragraph."""
        current: list[SentenceFacts] = []
        block = -1
        for facts in self.sentences:
            if facts.block != block and current:
                yield block, current
                current = []
            block = facts.block
            current.append(facts)
        if current:
            yield block, current


def claims_analysis(doc: Document) -> ClaimsAnalysis:
    """Return the document's claims analysis, computed once and shared."""
    return doc.derived(ANALYSIS_KEY, _analyse)


# -- the pass --------------------------------------------------------------------------------


def speech_spans(doc: Document) -> list[Span]:
    """The document's quotations (``Document.quotes``).

    The document model pairs straight quotes by direction, so quotations of
    several paragraphs run into one block (``"One. "Two. "Three."``) stay in
    step and speech is never read as the writer's voice.
    """
    return doc.quotes


def writer_voice(doc: Document) -> str:
    """The prose view with quoted speech blanked (same length as the text)."""
    prose = doc.prose
    quotes = speech_spans(doc)
    if not quotes:
        return prose
    parts = []
    pos = 0
    for q in quotes:
        parts.append(prose[pos : q.start])
        parts.append(" " * (q.end - q.start))
        pos = q.end
    parts.append(prose[pos:])
    return "".join(parts)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters lower-case to two ("İ"): keep offsets aligned
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _skipped_blocks(doc: Document) -> dict[int, str]:
    """Blocks that hold sources or data rather than sentences to check."""
    skipped: dict[int, str] = {}
    in_sources = False
    for i, block in enumerate(doc.blocks):
        if block.kind == HEADING:
            title = doc.prose_of(block.span).strip().lower()
            in_sources = any(w in title for w in _SOURCE_SECTION_WORDS) and len(title) < 60
            continue
        if block.kind not in BODY_KINDS:
            continue
        if in_sources:
            skipped[i] = "sources section"
        elif block.kind not in (PARAGRAPH, LIST_ITEM, "blockquote"):
            skipped[i] = block.kind
        elif doc.text.startswith("[^", block.span.start):
            skipped[i] = "footnote"
    return skipped


def _analyse(doc: Document) -> ClaimsAnalysis:
    voice = writer_voice(doc)
    low = _lower(voice)
    prose = doc.prose
    skipped = _skipped_blocks(doc)
    quotes = speech_spans(doc)
    links = doc.links
    out: list[SentenceFacts] = []
    append = out.append
    qi = li = 0
    n_quotes, n_links = len(quotes), len(links)
    closers = _CLOSERS
    read = _read_sentence
    cite = _cite
    breaks = lx.CARRY_BREAK_RE.match
    cited: set[str] = set()  # figures given with a source so far
    weasels: list[int] = []  # sentences given CIT002, for _anonymity_nearby
    carry_block, last = -1, None  # the paragraph, its last attributed sentence
    for index, sentence in enumerate(doc.sentences):
        span, block = sentence
        a, b = span
        facts = SentenceFacts(index, span, block)
        append(facts)
        # quoted share and links, by sweeping the sorted spans along
        if qi < n_quotes:
            while qi < n_quotes and quotes[qi].end <= a:
                qi += 1
            if qi < n_quotes and quotes[qi].start < b:
                quoted = 0
                j = qi
                while j < n_quotes and quotes[j].start < b:
                    quoted += min(b, quotes[j].end) - max(a, quotes[j].start)
                    j += 1
                facts.quoted = quoted / (b - a) if b > a else 0.0
        if li < n_links:
            while li < n_links and links[li].span.end <= a:
                li += 1
            if li < n_links and (links[li].span.start < b or _footnote_after(doc, links[li], b)):
                link = links[li]
                facts.attach(Attribution(link.span, "named", _link_actor(link), "link"))
        j = b - 1
        while j > a and prose[j] in closers:
            j -= 1
        if prose[j] == "?":
            facts.question = True
        if skipped and block in skipped:
            facts.skipped = skipped[block]
        else:
            read(facts, voice, low, a, b)
        # carry and score in the same pass: both look only at this sentence
        # and the ones before it
        if block != carry_block:
            carry_block, last = block, None
        elif last is not None and breaks(low, a):
            last = None
        if facts.attributed:
            last = index
        if last is not None:
            facts.carry = index - last
        if facts.numbers:
            cite(facts, cited)
        if facts.attributed and not facts.named and facts._unscored is not None:
            _decide_weasel(facts)  # (its choice of code needs the score now)
            if facts.weasel_code == "CIT002":
                weasels.append(index)
    if weasels:
        _anonymity_nearby(out, weasels)
    quote_facts = _quotes(doc, voice, low, out)
    return ClaimsAnalysis(out, quote_facts)


def _footnote_after(doc: Document, link, end: int) -> bool:
    """A footnote reference right after a sentence's full stop belongs to it."""
    gap = doc.text[end : link.span.start]
    return link.kind == "footnote" and not gap.strip() and "\n" not in gap


def _link_actor(link) -> str:
    """Who a link attributes to: the host of its URL ("presstv.ir/x" has no scheme but a host)."""
    if link.kind == "footnote":
        return "footnote"
    from editlint.outlets import split_url  # only for sentences with a link

    host = split_url(link.url)[0]
    return host if "." in host else link.url  # a relative path or an anchor: name it by its URL


# -- one sentence ------------------------------------------------------------------------------


B = lx.BIT
_B_ATTRIBUTION = sum(B[r] for r in ("according", "per", "citing", "report", "opinion", "participle", "impersonal", "head", "document"))
_B_DIRECT = sc.SIGNAL_MASK | sc.DAMPER_MASK  # roles named like a signal or damper
#: Cues that can attribute on their own; a source noun ("people", "data")
#: attributes only with a verb, "there are reports" or a possessive.
_B_ATTRIBUTION_CUES = sum(B[r] for r in ("according", "per", "citing", "report", "opinion", "participle", "impersonal"))
_B_THERE_REPORTS = B["there"] | B["head"]
_B_DOCUMENT = B["document"]
_B_CURRENCY = B["currency"]
_OPENER_DAMPERS = {"analysis": B["analysis"], "conditional": B["conditional"], "imperative": B["imperative"]}
_B_FIRST_ONLY = B["first-person"]




def _read_sentence(facts: SentenceFacts, voice: str, low: str, a: int, b: int) -> None:
    seg = low[a:b]
    tokens = seg.split()
    if not tokens:
        return
    hits = _CUE_INTERSECTION(tokens)
    mask = 0
    for token in hits:
        mask |= _TOKEN_MASK[token]
    facts.cues = mask
    has_digit = _HAS_DIGIT(seg) is not None
    if has_digit:
        _numbers(voice, a, b, facts)
    # attribution first: the attribution phrase is not the claim
    if mask & _B_ATTRIBUTION and (
        mask & _B_ATTRIBUTION_CUES or mask & _B_THERE_REPORTS == _B_THERE_REPORTS or mask & _B_DOCUMENT and has_possessive(low, a, b)
    ):
        read_attributions(facts, hits, mask, voice, low, a, b)
    if mask & _M_ANONYMITY and lx.ANONYMITY_RE.search(voice, a, b):
        facts.anonymity = True
    if mask & _M_HEDGE_WORD:
        _hedges(facts, words_with(hits, _M_HEDGE_WORD), voice, low, a, b)
    if facts.named:
        return  # cited: what it claims needs no score
    facts._unscored = (mask, hits, voice, seg, a, b, len(tokens), has_digit)


_M = {name: B[name] for name in (
    "money", "month", "date", "actor", "event", "actor-event", "past", "comparative", "comparison", "prescriptive",
    "prescription", "modal-to", "future", "if-word", "conditional-clause", "first", "first-opinion",
    "first-person-opinion", "first-person", "short", "anonymity", "hedge-word", "hedge",
)}  # fmt: skip
(_M_MONEY, _M_MONTH, _M_DATE, _M_ACTOR, _M_EVENT, _M_ACTOR_EVENT, _M_PAST, _M_COMPARATIVE, _M_COMPARISON, _M_PRESCRIPTIVE,
 _M_PRESCRIPTION, _M_MODAL_TO, _M_FUTURE, _M_IF, _M_CONDITIONAL_CLAUSE, _M_FIRST, _M_FIRST_OPINION,
 _M_FIRST_PERSON_OPINION, _M_FIRST_PERSON, _M_SHORT, _M_ANONYMITY, _M_HEDGE_WORD, _M_HEDGE) = _M.values()  # fmt: skip
_NAMED_ACTOR_SEARCH = lx.NAMED_ACTOR_RE.search
_OPENER_MATCH = lx.OPENER_RE.match
_HAS_DIGIT = re.compile(r"[0-9]").search
_B_PROSPECTIVE = B["prospective"]
_FIRST_SINGULAR = frozenset({"i", "my", "me"})


def _word_signals(mask: int, hits: set[str], voice: str, seg: str, a: int, b: int, n_tokens: int, has_digit: bool) -> int:
    """The signal and damper bits of a sentence, from its cue bits and context."""
    out = mask & _B_DIRECT
    if mask & _B_CURRENCY and has_digit:
        out |= _M_MONEY
    if mask & _M_MONTH and lx.MONTH_CASED_RE.search(voice, a, b):
        out |= _M_DATE
    actor = _NAMED_ACTOR_SEARCH(voice, a + 2, b)  # a capital after white space, past the first word
    if actor:
        out |= _M_ACTOR
        if mask & _M_EVENT:
            out |= _M_ACTOR_EVENT
        second = _NAMED_ACTOR_SEARCH(voice, actor.end(), b)
        if second and _NAMED_ACTOR_SEARCH(voice, second.end(), b):
            out |= _M_ACTORS
    if not mask & _M_PAST and _regular_past(seg):
        out |= _M_PAST
    if mask & _M_COMPARATIVE and " than " in seg:
        out |= _M_COMPARISON
    if mask & _M_PRESCRIPTIVE:
        if any(not w.startswith("need") for w in words_with(hits, _M_PRESCRIPTIVE)) or _search_from(lx.PRESCRIPTIVE, seg):
            out |= _M_PRESCRIPTION
    elif mask & _M_MODAL_TO and _search_from(lx.PRESCRIPTIVE, seg):
        out |= _M_PRESCRIPTION
    if not mask & _M_FUTURE and (
        " going to " in seg
        or "ll " in seg and ("'ll" in seg or "’ll" in seg) and lx.WILL_CONTRACTION_RE.search(seg)
        or (mask & _B_PROSPECTIVE or " is to " in seg or " are to " in seg) and _search_from(lx.PROSPECTIVE, seg)
    ):
        out |= _M_FUTURE
    opener = _OPENER_MATCH(seg)
    if opener:
        out |= _OPENER_DAMPERS[opener.lastgroup]
    if mask & _B_RARE:  # cue words most sentences lack
        if mask & _M_IF and (not opener or opener.lastgroup != "conditional"):
            out |= _M_CONDITIONAL_CLAUSE
        if mask & _M_FIRST:
            if mask & _M_FIRST_OPINION:
                out |= _M_FIRST_PERSON_OPINION
            elif not _FIRST_SINGULAR.isdisjoint(words_with(hits, _M_FIRST)):
                out |= _M_FIRST_PERSON
            if mask & _B_COMMITMENT and lx.COMMITMENT_RE.search(seg):
                out |= _M_FIRST_PERSON_OPINION
        if mask & _B_FRACTION and lx.FRACTION_RE.search(seg):
            out |= _M_COUNT
        if mask & _B_CENT and lx.PERCENT_PHRASE_RE.search(seg):
            out |= _M_PERCENT
        if mask & _B_RECORD_WORD and _search_from(lx.RECORD, seg):
            out |= _M_RECORD
        if mask & _B_NOW and mask & _M_COMPARATIVE:
            out |= _M_TREND
    if not out & _M_PAST and (mask & _B_PERFECT_AUX or "ve " in seg) and _search_from(lx.PERFECT, seg):
        out |= _M_PERFECT
    if n_tokens < 5:
        out |= _M_SHORT
    return out


_B_FRACTION, _B_CENT, _B_RECORD_WORD, _B_NOW, _B_COMMITMENT, _B_PERFECT_AUX = (
    B[r] for r in ("fraction", "cent", "record-word", "now", "commitment", "perfect-aux")
)
_M_COUNT, _M_PERCENT, _M_RECORD, _M_TREND, _M_PERFECT, _M_ACTORS = (sc.SIGNAL_BITS[n] for n in ("count", "percent", "record", "trend", "perfect", "actors"))
_B_RARE = _M_IF | _M_FIRST | _B_FRACTION | _B_CENT | _B_RECORD_WORD | _B_NOW


def _search_from(phrase: tuple[re.Pattern, tuple[str, ...]], seg: str) -> bool:
    """``pattern.search(seg)``, tried only where one of its first words occurs.

    A phrase pattern opens with one of a few literal words (``"has"``,
    ``"the"``...). Finding them with ``str.find`` and matching the pattern
    there gives the same answer as a regex search, which would try the
    pattern at every character of the sentence (several times slower).
    """
    pattern, starts = phrase
    match, find = pattern.match, seg.find
    for word in starts:
        alpha = word[0].isalpha()
        i = find(word)
        while i != -1:
            if not (alpha and i and (seg[i - 1].isalnum() or seg[i - 1] == "_")) and match(seg, i):
                return True
            i = find(word, i + 1)
    return False


def _regular_past(seg: str) -> bool:
    """A regular past verb: an -ed word that no determiner makes an adjective."""
    find = seg.find
    pos = find("ed")
    n = len(seg)
    while pos != -1:
        end = pos + 2
        if end >= n or not seg[end].isalpha():
            start = max(seg.rfind(" ", 0, pos), seg.rfind("-", 0, pos)) + 1
            word = seg[start:end]
            if len(word) > 4 and word.isalpha() and word not in lx.NOT_PAST_ED:
                prev = seg[max(0, start - 12) : start].split()
                if not prev or prev[-1] not in lx.NOUN_LEADS:
                    return True  # not "a prolonged stalemate", "the disputed area"
        pos = find("ed", end)
    return False




_B_NUMBER, _B_PERCENT, _B_MONEY, _B_YEAR, _B_DATE = (sc.SIGNAL_BITS[n] for n in ("number", "percent", "money", "year", "date"))


def _numbers(voice: str, a: int, b: int, facts: SentenceFacts) -> None:
    mask = 0
    numbers = []
    for m in lx.NUMBER_RE.finditer(voice, a, b):
        start, end = m.span()
        before = voice[start - 1] if start > a else " "
        if before.isalpha() or before == "." or (before == "-" and start - 2 >= a and voice[start - 2].isalpha()):
            continue  # "G7", "F-35", "Covid-19": a name, not a quantity
        digits = m.group()
        numbers.append(digits.replace(",", ""))
        after = voice[end : end + 12]
        first = after[:1]
        if first in ":." and after[1:3].isdigit() and len(digits) <= 2:
            mask |= _B_DATE  # "10:30", "10.30pm"
            continue
        unit = ""
        if first and first not in " ,;)":
            suffix = lx.NUMBER_SUFFIX_RE.match(after)
            unit = suffix.group(1).lower() if suffix else ""
        elif first == " " and after[1:2] in "ppP%":
            suffix = lx.NUMBER_SUFFIX_RE.match(after)
            unit = suffix.group(1).lower().strip() if suffix else ""
        if unit in ("%", "percent", "per cent", "percentage"):
            mask |= _B_PERCENT
        elif before in "$£€¥" or voice[start - 2 : start] in ("$ ", "£ ", "€ ") or unit in ("bn", "tn"):
            mask |= _B_MONEY
        elif unit in ("st", "nd", "rd", "th"):
            mask |= _B_DATE
        elif len(digits) == 4 and digits[:2] in ("19", "20"):
            mask |= _B_YEAR
        elif unit == "s" and len(digits) in (2, 4):
            mask |= _B_YEAR  # "the 1990s", "the 80s"
        else:
            mask |= _B_NUMBER
    facts.numbers = numbers
    facts.number_mask = mask


# -- hedges ---------------------------------------------------------------------------------------


def _hedges(facts: SentenceFacts, words: list[str], voice: str, low: str, a: int, b: int) -> None:
    for word in words:
        for pos in word_positions(low, word, a, b):
            end = pos + len(word)
            if word == "may":
                if voice[pos].isupper():
                    continue  # the month, or a name
                if not lx.EPISTEMIC_MAY_RE.match(low, end) and not _conditional(low, a):
                    continue  # "may include", "may vote": a general possibility
            if word == "could" and lx.NEGATED_MODAL_RE.match(low, end):
                continue  # "could not": inability, not speculation
            if word == "might":
                prev = low[max(a, pos - 20) : pos].split()
                if prev and prev[-1] in lx.MIGHT_NOUN_BEFORE:
                    continue
            if word == "possible":
                if not lx.POSSIBLE_RE.search(low, max(a, pos - 25), min(b, end + 6)):
                    continue
            if word in ("seem", "seems", "seemed", "appear", "appears", "appeared"):
                if not lx.SEEM_TAIL_RE.match(low, end):
                    continue
            if not facts.hedges:
                facts.hedges = []
            facts.hedges.append(Span(pos, end))
    if facts.hedges:
        facts.hedges.sort()


def _conditional(low: str, a: int) -> bool:
    m = lx.OPENER_RE.match(low, a)
    return bool(m) and m.lastgroup == "conditional"


# -- decisions -----------------------------------------------------------------------------------------


def _decide_weasel(facts: SentenceFacts) -> None:
    """Give a vague or unnamed-group attribution its one code (CIT002 or BAL003)."""
    if not facts.attributed or facts.named:
        return
    for att in facts.attributions:
        if att.kind == "vague":
            facts.weasel, facts.weasel_code = att, "CIT002"
            return
        if att.kind == "group":
            reported_fact = facts.strong_fact and not att.opinion
            facts.weasel, facts.weasel_code = att, "CIT002" if reported_fact else "BAL003"
            return


def _cite(facts: SentenceFacts, cited: set[str]) -> None:
    """Note the figures given with a source (in document order): a figure cited earlier needs no new source.

    ``cited`` holds the figures given with a source so far; ``facts.carry``
    must be set.
    """
    numbers = facts.numbers
    carry = facts.carry
    if carry is not None and carry <= CITED_CARRY:
        cited.update(numbers)
    elif cited.issuperset(numbers):
        facts.cited_earlier = True


def _score(facts: SentenceFacts) -> None:
    """Work out a sentence's signals, confidence and ``strong_fact`` (once its
    figures are known to be cited earlier or not)."""
    mask, hits, voice, seg, a, b, n_tokens, has_digit = facts._unscored
    facts._unscored = None
    signals = _word_signals(mask, hits, voice, seg, a, b, n_tokens, has_digit)
    if facts.hedges:
        signals |= _M_HEDGE
    if not facts.cited_earlier:
        signals |= facts.number_mask
    facts._signals = sc.Signals(signals, facts.question)
    facts._strong_fact = bool(signals & _QUANTITY)
    facts._confidence = _score_mask(signals, facts.question)


_QUANTITY = sc.QUANTITY_MASK
_score_mask = sc.score_mask


def _anonymity_nearby(sentences: list[SentenceFacts], weasels: list[int]) -> None:
    """AP: a reason for anonymity in the sentence or a neighbour excuses "officials said".

    ``weasels`` are the indexes of the sentences given CIT002.
    """
    for i in weasels:
        facts = sentences[i]
        for j in (i - 1, i, i + 1):
            if 0 <= j < len(sentences) and sentences[j].block == facts.block and sentences[j].anonymity:
                facts.weasel, facts.weasel_code = None, ""
                break


# -- quotations -----------------------------------------------------------------------------------------


def _quotes(doc: Document, voice: str, low: str, sentences: list[SentenceFacts]) -> list[QuoteFacts]:
    """Quotations, whether they are speech, and whether a speaker is given.

    A speaker is a speech verb or "according to" in the quotation's sentence
    or the next one, a named attribution in its sentence, a colon-ended
    sentence before it, or the quotation before it: a quotation that follows
    an attributed one in the next sentence (or opens the next paragraph)
    continues the same speaker, as news style has it.
    """
    out: list[QuoteFacts] = []
    quotes = speech_spans(doc)
    if not quotes:
        return out
    text = doc.text
    starts = [f.span.start for f in sentences]
    n = len(sentences)
    for q in quotes:
        closed = q.end - q.start >= 2 and text[q.end - 1] in "\"”’"
        inner = text[q.start + 1 : q.end - 1 if closed else q.end]
        words = inner.split()
        i = bisect_right(starts, q.start) - 1
        if i < 0 or not words:
            out.append(QuoteFacts(q, len(words), False, False))
            continue
        here = sentences[i]
        # a mark paired with the wrong partner leaves white space or punctuation inside
        lead = voice[here.span.start : q.start].strip()
        speech = (
            not (inner[:1].isspace() or inner[:1] in ".,;:!?")
            and not (closed and inner[-1:].isspace())
            # a partial quotation inside the writer's sentence is not speech
            and not (lead and not lead.endswith((":", "—", "–", "-")) and not inner.rstrip(" ,'’").endswith((".", "!", "?")))
            and not _is_title(words)
            and not _title_before(voice, q.start)
        )
        speaker = False
        if speech:
            last = bisect_right(starts, max(q.start, q.end - 1)) - 1
            speaker = any(sentences[k].named for k in range(i, last + 1))
            # the sentences the quotation spans, and the one after it
            hi_k = min(last + 1, n - 1)
            if last + 1 < n and sentences[last + 1].block != sentences[last].block:
                hi_k = last
            lo, hi = here.span.start, sentences[hi_k].span.end
            speaker = speaker or _speech_between(sentences, i, hi_k, voice, low, lo, hi) or _colon_before(voice, here.span.start, q.start)
            if not speaker and i > 0:
                # news style: a quotation right after an attributed statement, or
                # right after another quotation, continues the same speaker
                prev = sentences[i - 1]
                opens_block = not lead and _block_start(doc, here) >= q.start - 2
                if prev.block == here.block or opens_block:
                    span = prev.span
                    speaker = (
                        prev.quoted >= 0.5
                        or _speech_between(sentences, i - 1, i - 1, voice, low, span.start, span.end)
                        or voice[span.start : span.end].rstrip().endswith(":")
                    )
        out.append(QuoteFacts(q, len(words), speech, speaker))
    return out


_B_SPEECH = B["speech"]


def _speech_between(sentences: list[SentenceFacts], first: int, last: int, voice: str, low: str, lo: int, hi: int) -> bool:
    """A speech verb in ``voice[lo:hi]``, the text of sentences ``first`` to ``last``.

    A speech verb among a sentence's cue words is a match of
    :data:`~editlint.rules.claims.lexicon.SPEECH_RE` for sure; only when none
    of the sentences has one does the regex scan the text.
    """
    for k in range(first, last + 1):
        if sentences[k].cues & _B_SPEECH:
            return True
    # (``low`` is ``voice`` lower-cased; the character before ``lo`` decides the first word boundary)
    if voice[lo - 1 if lo else 0 : hi].isascii():
        return _speech_in_lower_ascii()(low, lo, hi) is not None
    return lx.SPEECH_RE.search(voice, lo, hi) is not None


@cache
def _speech_in_lower_ascii() -> Callable[[str, int, int], re.Match | None]:
    """``SPEECH_RE`` without IGNORECASE, for lower-cased ASCII text: the same
    matches there, about 2.5 times faster. (Outside ASCII, case-insensitive
    matching has special cases: "ſ" matches "s", "ı" matches "i".) Compiled
    on first use: a single draft may never need it."""
    pattern = lx.SPEECH_RE.pattern
    assert pattern == pattern.lower(), "the case-sensitive SPEECH_RE needs a lower-case pattern"
    return re.compile(pattern).search


def _block_start(doc: Document, facts: SentenceFacts) -> int:
    return doc.blocks[facts.block].span.start


def _is_title(words: list[str]) -> bool:
    """Title case ("Action Plan for the Development of Italy"): a title, not speech."""
    if len(words) > 14:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS and not w[:1].isdigit()]
    capitals = sum(1 for w in content if w[:1].isupper())
    return len(content) >= 2 and capitals / len(content) > 0.75


_TITLE_SMALL_WORDS = frozenset(lx._words("a an the of for and or in on at to by with from as nor but"))


def _title_before(voice: str, start: int) -> bool:
    words = voice[max(0, start - 30) : start].lower().replace(",", " ").split()[-2:]
    return bool(words) and (words[-1] in lx.TITLE_WORDS or " ".join(words) in lx.TITLE_WORDS)


def _colon_before(voice: str, a: int, start: int) -> bool:
    """'The minister was blunt: "..."': a colon after a name or pronoun."""
    before = voice[a:start].rstrip()
    return before.endswith(":") and any(w[:1].isupper() or w in lx.PRONOUN_SUBJECTS for w in before.split()[-6:])
