"""Attribution: who a sentence says its content comes from.

Part of the claims analysis (:mod:`editlint.rules.claims.analysis`), which
calls :func:`read_attributions` for a sentence whose cue words include an
attribution cue. A cue ("said", "according to", "per", "citing", "is
understood", a source noun with a possessive) is read together with the few
words around it: the subject phrase before a reporting verb, the noun phrase
after "according to", and the phrase is classified as ``named`` (a source a
reader can check), ``vague`` (no one checkable), ``group`` (an unnamed group
holding an opinion) or ``writer`` (first person). Nothing here looks further
than about 120 characters back from a cue, so the analysis stays linear.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from editlint.document import Span
from editlint.rules.claims import lexicon as lx
from editlint.rules.claims.lexicon import word_positions, words_with

if TYPE_CHECKING:
    from editlint.rules.claims.analysis import SentenceFacts

#: Word sets for reading the phrase around a cue.
_DETERMINERS = frozenset(lx._words("the a an this that these those its their his her our your one two three four five six seven eight nine ten"))
_DEFINITE = frozenset(lx._words("the this that these those its their his her"))
_RELATIVE_STARTS = frozenset(lx._words("who which whom whose that speaking citing according when while where as"))
_NP_STOPS = frozenset(
    lx._words(
        """
        and but or nor that which who while whereas because although though since when after before
        if as than so then said says say told reported wrote added also what how why where
        """
    )
)
_ONLY_GROUP_IF_QUANTIFIED = frozenset(lx._words("people"))
_QUANTIFIER_HEADS = frozenset(lx._words("many some most few others"))
_LOCATIVES = frozenset(lx._words("in across around throughout inside near outside within"))
#: Words that can open a source's post-modifier ("officials at the ministry").
_POST_LEADS = frozenset(
    lx._words(
        """
        close familiar with at in from of for by within inside involved briefed gathered compiled
        published released cited quoted questioned surveyed polled interviewed who such including
        like led among on to working based speaking
        """
    )
)

B = lx.BIT
_B_REPORT, _B_OPINION = B["report"], B["opinion"]
_B_DOCUMENT = B["document"]
_B_REPORTING = _B_REPORT | _B_OPINION | B["participle"]


@dataclass(slots=True)
class Attribution:
    """Who a sentence says its content comes from.

    Attributes:
        span: the attribution phrase ("Reuters reported", "sources said").
        kind: ``named`` (someone a reader can check: a name, a definite
            source, a pronoun for one, a link), ``vague`` (no one checkable:
            "sources said", "it is understood"), ``group`` (an unnamed group
            holding an opinion: "critics argue", "it is widely seen as") or
            ``writer`` (first person: the writer is not a source).
        actor: the source as written ("Reuters", "sources", "it is understood").
        verb: the verb or frame that attributes ("said", "according to").
        opinion: the verb reports a belief or a characterisation rather
            than a statement ("argue", "believe", "is seen as").
    """

    span: Span
    kind: str
    actor: str
    verb: str
    opinion: bool = False

    @property
    def covers(self) -> bool:
        """Whether the attribution gives the sentence a source at all."""
        return self.kind != "writer"



_B_AFTER = B["according"] | B["per"] | B["citing"]
_AFTER_ROLES = tuple((role, B[role]) for role in ("according", "per", "citing"))
_B_IMPERSONAL, _B_HEAD, _B_THERE, _B_PARTICIPLE = B["impersonal"], B["head"], B["there"], B["participle"]
_PARTICIPLES = lx.FACT_PARTICIPLES | lx.OPINION_PARTICIPLES
_PARTICIPLE_LEADS = lx.PASSIVE_AUXILIARIES | lx.CONSENSUS_ADVERBS


def _verb_tokens() -> dict[str, tuple[str, str]]:
    # A token belongs to the last word that forms it (see lexicon._build_tokens):
    # the tokens of the reporting words, looked up in the table, are all there is.
    out: dict[str, tuple[str, str]] = {}
    reporting = [word for word, roles in lx.CUE_ROLES.items() if lx._WORD_MASK[word] & _B_REPORTING]
    for verb in reporting:
        for token in [verb + tail for tail in lx._TRAILING] + ["(" + verb]:
            word = lx.CUE_TOKENS[token][0]
            bits = lx.TOKEN_MASK[token]
            if bits & _B_REPORTING:
                out[token] = (word, "report" if bits & _B_REPORT else "opinion" if bits & _B_OPINION else "participle")
    return out


#: Token -> (verb, role) for the reporting verbs and participles.
_VERB_TOKENS: dict[str, tuple[str, str]] = _verb_tokens()
_VERB_KEYS = frozenset(_VERB_TOKENS)


def read_attributions(facts: SentenceFacts, hits: set[str], mask: int, voice: str, low: str, a: int, b: int) -> None:
    taken: list[Span] = []  # phrases already read: their words are not verbs
    if mask & _B_AFTER:
        for role, role_bit in _AFTER_ROLES:
            if not mask & role_bit:
                continue
            for word in words_with(hits, role_bit):
                for pos in word_positions(low, word, a, b):
                    att = _after_phrase(role, voice, low, a, b, pos, pos + len(word))
                    if att:
                        facts.attach(att)
                        taken.append(att.span)
    if mask & _B_REPORTING:
        verbs: list[tuple[int, str, str]] = []  # (offset, word, role), in text order
        seen: set[str] = set()
        verb_of = _VERB_TOKENS.__getitem__
        for token in hits & _VERB_KEYS:
            verb = verb_of(token)
            if verb[0] in seen:
                continue
            word, role = verb
            seen.add(word)
            for pos in word_positions(low, word, a, b):
                verbs.append((pos, word, role))
        if len(verbs) > 1:
            verbs.sort()
        for pos, word, role in verbs:
            if taken and any(t.start <= pos < t.end for t in taken):
                continue
            prev = low[max(a, pos - 30) : pos].split()
            att = None
            if word in _PARTICIPLES and prev and (prev[-1] in _PARTICIPLE_LEADS or prev[-1] in lx.FRAME_ADVERBS):
                att = _impersonal(word, voice, low, a, b, pos)
            if att is None and role != "participle":
                att = _verb_attribution(word, role, voice, low, a, b, pos, prev)
            if att:
                facts.attach(att)
                taken.append(att.span)
    if mask & _B_IMPERSONAL:
        for word in words_with(hits, _B_IMPERSONAL):
            for pos in word_positions(low, word, a, b):
                facts.attach(Attribution(Span(pos, pos + len(word)), "vague", word, word))
    if mask & _B_HEAD and mask & _B_PARTICIPLE:
        for m in lx.BY_GROUP_RE.finditer(low, a, b):
            span = Span(m.start(), m.end())
            if not any(t.start <= span.start < t.end for t in taken):
                facts.attach(Attribution(span, "group", low[span.start : span.end], m.group().split()[0], True))
    if mask & _B_HEAD and mask & _B_THERE:
        for word in words_with(hits, _B_HEAD):
            if word in ("reports", "rumours", "rumors"):
                for pos in word_positions(low, word, a, b):
                    m = lx.THERE_REPORTS_RE.search(low, max(a, pos - 30), pos)
                    if m and m.end() == pos:
                        facts.attach(Attribution(Span(m.start(), pos + len(word)), "vague", word, "there are"))
    if mask & _B_DOCUMENT and has_possessive(low, a, b):
        for word in words_with(hits, _B_DOCUMENT):
            for pos in word_positions(low, word, a, b):
                att = _possessive_source(voice, a, pos, word)
                if att:
                    facts.attach(att)


def has_possessive(low: str, a: int, b: int) -> bool:
    return low.find("’s ", a, b) != -1 or low.find("'s ", a, b) != -1 or low.find("s' ", a, b) != -1


def _possessive_source(voice: str, a: int, pos: int, word: str) -> Attribution | None:
    """"Reuters' report", "the ministry's statement": a named document."""
    before = voice[max(a, pos - 40) : pos].split()[-3:]
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w.endswith(("'s", "’s", "s'", "s’")):
            name = w[:-2] if w[-2] in "'’" else w[:-1]
            definite = i > 0 and before[i - 1].lower() in _DEFINITE and name.lower() in lx.SOURCE_NOUNS
            if name[:1].isupper() or definite:
                start = voice.rfind(before[i - 1] if definite else w, a, pos)
                return Attribution(Span(start, pos + len(word)), "named", name, word)
            return None
    return None


def _after_phrase(role: str, voice: str, low: str, a: int, b: int, pos: int, end: int) -> Attribution | None:
    """"according to X", "per X", "citing X": classify the noun phrase X."""
    if role == "according" and not low.startswith(" to", end):
        return None
    if role == "per":
        before = voice[a:pos].rstrip()
        if before and before[-1] not in ",;:(—–":
            return None  # "$5 per barrel", "20 per cent"
    m = lx.AFTER_NP_RE.match(voice, end + (3 if role == "according" else 0), b)
    if not m:
        return None
    words = _np_words(m.group(1))
    if not words:
        return None
    if role == "per" and words[0].lower() in lx.PER_UNITS:
        return None
    verb = {"according": "according to", "per": "per", "citing": "citing"}[role]
    kind, actor, _ = _classify_np(words, sentence_initial=False)
    if kind is None:
        kind, actor = "named", _actor(words)
    phrase_end = m.start(1) + len(" ".join(words)) if kind != "named" else m.end(1)
    return Attribution(Span(pos, min(b, phrase_end)), kind, actor, verb)


def _np_words(text: str) -> list[str]:
    """The words of a noun phrase up to its first clause boundary."""
    for ch in ",;:—–(.":
        cut = text.find(ch)
        if cut != -1 and (ch != "." or cut + 1 >= len(text) or text[cut + 1] == " "):
            text = text[:cut]
    return text.split()


def _impersonal(word: str, voice: str, low: str, a: int, b: int, pos: int) -> Attribution | None:
    """"it is understood that", "is widely seen as", "is said to have"."""
    if word not in lx.FACT_PARTICIPLES and word not in lx.OPINION_PARTICIPLES:
        return None
    before = low[max(a, pos - 50) : pos].split()[-6:]
    while before and before[-1] in lx.FRAME_ADVERBS:
        before.pop()  # "is widely seen", "is also alleged"
    if not before or before[-1] not in lx.PASSIVE_AUXILIARIES:
        return None
    end = pos + len(word)
    frame_words = 1
    if before[-1] == "been" and len(before) > 1 and before[-2] in ("has", "have", "had"):
        frame_words = 2
    subject = before[-frame_words - 1] if len(before) > frame_words else ""
    if subject in ("it", "this"):
        start = low.rfind(subject, a, pos)
        group = word in lx.OPINION_PARTICIPLES
        # "it is believed/thought/feared that" reports a fact as often as a view:
        # the content decides (a figure makes it CIT002's)
        opinion = group and word not in ("believed", "thought", "feared")
        return Attribution(Span(start, end), "group" if group else "vague", low[start:end], word, opinion)
    if word == "known":
        return None  # "is known as" names, it does not attribute
    start = low.rfind(before[-1], a, pos)
    tail = low[end : end + 12]
    if word in lx.FACT_PARTICIPLES or word in ("believed", "thought"):
        if not tail.startswith((" to be", " to have", " to ")) or lx.AGENT_RE.match(voice, end):
            return None
        # "is believed to be" as "it is believed that": the content decides
        kind = "group" if word in ("believed", "thought") else "vague"
        return Attribution(Span(start, end), kind, low[start:end], word, False)
    if not lx.PASSIVE_TAIL_RE.match(low, end) or lx.AGENT_RE.match(voice, end):
        return None
    return Attribution(Span(start, end), "group", low[start:end], word, True)


def _verb_attribution(word: str, role: str, voice: str, low: str, a: int, b: int, pos: int, prev: list[str]) -> Attribution | None:
    """"X said", "X argues", "said X": find and classify the subject of a verb.

    ``prev`` holds the lower-cased words just before the verb.
    """
    end = pos + len(word)
    if pos > a and voice[pos].isupper():
        return None  # "the United States": a name, not the verb
    if word == "said" and low.endswith("that ", a, pos) and low.startswith(",", end):
        return None  # "That said, ..."
    if prev and prev[-1] == "to":
        return None  # "to publish": not a reporting verb
    if len(prev) > 1 and prev[-1] in lx.DATA_SUBJECTS and prev[-2] in lx.NOUN_LEADS and word.endswith(("ed", "en", "wn")):
        return None  # "a report published on Tuesday": a participle, not the verb
    if prev and prev[-1] in lx.NOUN_LEADS and word in lx.NOUN_FORMS:
        nxt = low[end : end + 16].split()
        if (nxt and nxt[0].strip(",.;:") in lx.NOUN_FOLLOWERS) or prev[-1] in _DETERMINERS:
            return None  # "multiple reports", "the claims", "media reports said": a noun
    # the common case first: "he said", "she also told", "they have argued"
    i = len(prev) - 1
    while i >= 0 and prev[i] in lx.SUBJECT_FILLERS:
        if prev[i] in lx.PASSIVE_AUXILIARIES and i == len(prev) - 1:
            return None
        i -= 1
    if i >= 0 and (prev[i] in lx.PRONOUN_SUBJECTS or prev[i] in lx.FIRST_PERSON) and (i == 0 or prev[i - 1] not in lx.PREPOSITIONS):
        if word in lx.TAIL_VERBS and not _statement_tail(low, end, b):
            return None
        start = low.rfind(prev[i], a, pos)
        kind = "writer" if prev[i] in lx.FIRST_PERSON else "named"
        return Attribution(Span(start, end), kind, prev[i], word, role == "opinion")
    if i >= 0 and word in lx.STRONG_VERBS and _HEAD_WORDS.isdisjoint(prev):
        # "Mr Smith said", "Reuters reported": names right before the verb
        run = _name_run(voice[max(a, pos - 30) : pos].split()[: i + 1], prev)
        if run:
            return Attribution(Span(_phrase_start(voice, a, pos, run), end), "named", _actor(run), word, role == "opinion")
    words, passive, open_clause = _left_subject(voice, a, pos)
    if passive:
        return None
    inverted = False
    if not words:
        if not open_clause or word not in lx.INVERTIBLE_VERBS:
            return None
        words = _right_subject(voice, end, b)
        inverted = True
        if not words:
            return None
    kind, actor, head = _classify_np(words, sentence_initial=not inverted and voice.startswith(words[0], a))
    if word in lx.TAIL_VERBS and head not in lx.DATA_SUBJECTS and not _statement_tail(low, end, b):
        if not (role == "opinion" and kind == "group"):  # "analysts expect rates to rise" is a view
            return None  # "the firm added 300 jobs", "London may find itself"
    if kind is None or (kind == "named" and word not in lx.STRONG_VERBS and not _tight_subject(words)):
        if word not in lx.STRONG_VERBS or (len(words) == 1 and words[0].lower() in _DETERMINERS):
            return None
        kind, actor = "named", _actor(words)
    if kind == "writer":
        return Attribution(Span(pos, end), "writer", actor, word)
    if inverted:
        span = Span(pos, min(b, _phrase_end(voice, end, words)))
    else:
        span = Span(_phrase_start(voice, a, pos, words), end)
    return Attribution(span, kind, actor, word, role == "opinion")


def _name_run(raw: list[str], prev: list[str]) -> list[str]:
    """The capitalised words that end ``raw`` (a subject made of names), or []."""
    if not raw or not raw[-1][:1].isupper() or not raw[-1][-1:].isalnum() or raw[-1] in lx.WEEKDAYS or raw[-1] in lx.DATE_NAMES:
        return []
    k = len(raw) - 1
    while k > 0:
        w = raw[k - 1]
        if w[:1].isupper() and w not in lx.WEEKDAYS and w not in lx.DATE_NAMES and w[-1:].isalnum():
            k -= 1
        elif w in _NAME_JOINERS and k > 1 and raw[k - 2][:1].isupper():
            k -= 1
        else:
            break
    if k > 0 and prev[k - 1] in lx.PREPOSITIONS:
        return []  # "in Western states": the names are an object
    return raw[k:]


def _tight_subject(words: list[str]) -> bool:
    """The word before a weaker verb is a name, a pronoun or a source noun."""
    last = words[-1].strip("’'\"“”")
    low = last.lower().removesuffix("’s").removesuffix("'s")
    if last[:1].isupper() or low in lx.PRONOUN_SUBJECTS or low in lx.SOURCE_NOUNS:
        return True
    return False


def _statement_tail(low: str, end: int, b: int) -> bool:
    """After "added", "noted": a reported statement follows.

    That is "that", a comma, the end of the sentence, or a clause without
    "that" ("estimates sales will hit 200,000"), but not an object ("added
    300 jobs in May").
    """
    rest = low[end : min(b, end + 8)].lstrip(" ")
    return not rest or rest[0] in ",.:;\"“”" or rest.startswith(("that ", "in a ")) or lx.THATLESS_CLAUSE_RE.match(low, end, b) is not None


def _left_subject(voice: str, a: int, pos: int) -> tuple[list[str], bool, bool]:
    """The subject words before a verb at ``pos``.

    Returns ``(words, passive, open_clause)``: ``passive`` when an auxiliary
    "was"/"is" sits right before the verb, ``open_clause`` when nothing but
    punctuation or a quotation precedes the verb in its clause (then the
    subject may follow: '"...", said the minister').
    """
    if pos == a:
        return [], False, False  # the verb opens the sentence: nothing to invert
    seg = voice[max(a, pos - 120) : pos]
    parts = lx.CLAUSE_SPLIT_RE.split(seg)
    if not parts[-1].split():
        # '"...," said X' (open: the subject follows), unless a parenthetical
        # sits between subject and verb: "Reuters, citing two officials, reported"
        if len(parts) < 3 or not parts[-2].split() or parts[-2].split()[0].lower() not in _RELATIVE_STARTS:
            return [], False, True
        parts = parts[:-2]
    last = True
    for part in reversed(parts):
        words = part.split()
        if not words:
            last = False
            continue
        lowered = part.lower().split()  # white space splits it the same way
        if lowered[0] in _RELATIVE_STARTS and not last:
            last = False
            continue
        # strip auxiliaries and time adverbs between the subject and the verb
        while words:
            w = words[-1]
            lw = lowered[-1]
            if not (lw in lx.SUBJECT_FILLERS or w in lx.WEEKDAYS or lw == "on" or _adverb(w)):
                break
            if last and lw in _BE_FORMS:
                return [], True, False
            words.pop()
            lowered.pop()
        # keep the words after the last clause word: "X said Y and officials said"
        if not _NP_STOPS.isdisjoint(lowered):
            for i in range(len(lowered) - 1, -1, -1):
                if lowered[i] in _NP_STOPS:
                    words = words[i + 1 :]
                    break
        return words[-7:], False, False
    return [], False, False


_BE_FORMS = frozenset(("was", "were", "is", "are", "been", "be", "being"))


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word.islower() and len(word) > 4 and word not in lx.LY_NOUNS


def _right_subject(voice: str, end: int, b: int) -> list[str]:
    """The subject after an inverted verb: '"...", said the minister.'"""
    m = lx.AFTER_NP_RE.match(voice, end, b)
    if not m:
        return []
    words = _np_words(m.group(1))[:6]
    if words and words[0].lower() in ("that", "to", "it", "in", "on", "by", "the", "a", "an") and words[0].lower() not in ("the", "a", "an"):
        return []
    return words


def _starts_sentence(voice: str, a: int, words: list[str]) -> bool:
    return voice.startswith(words[0], a)


def _phrase_start(voice: str, a: int, pos: int, words: list[str]) -> int:
    """Where the subject ``words`` begin, searching back from the verb."""
    lo = max(a, pos - 140)
    first = words[0]
    start = voice.rfind(first, lo, pos)
    while start > lo and voice[start - 1].isalnum():
        start = voice.rfind(first, lo, start)
    return start if start != -1 else pos


def _phrase_end(voice: str, end: int, words: list[str]) -> int:
    last = voice.find(words[-1], end)
    return last + len(words[-1]) if last != -1 else end


def _classify_np(words: list[str], *, sentence_initial: bool) -> tuple[str | None, str, str]:
    """Classify a subject or source phrase.

    Returns ``(kind, actor, head)`` with kind ``named``, ``vague``,
    ``group`` or ``writer``, or None when the phrase names nothing the
    analysis recognises (the caller decides); ``head`` is the source noun
    found ("officials", "survey"), if any.
    """
    lowered = [w.lower().strip("’'\"“”") for w in words]
    last = lowered[-1]
    if len(lowered) == 1 and last in lx.PRONOUN_SUBJECTS:
        return "named", last, ""
    if len(lowered) == 1 and last in lx.FIRST_PERSON:
        return "writer", last, ""
    head = -1
    # a source noun, or a word ending in "'s" that may be one ("the ministry's"):
    # one search of the joined words rather than a test per word
    if not _HEAD_WORDS.isdisjoint(lowered) or _POSSESSIVE_END in (joined := " ".join(lowered) + " ") or _POSSESSIVE_END_CURLY in joined:
        for i, w in enumerate(lowered):
            base = w.removesuffix("’s").removesuffix("'s")
            if base in _HEAD_WORDS:
                if base in _QUANTIFIER_HEADS and i + 1 < len(lowered):
                    nxt = lowered[i + 1]
                    if nxt in _HEAD_WORDS:
                        continue  # "some analysts": the noun is the head
                    if nxt != "of":
                        continue  # "most closely", "many Americans": not a group on its own
                head = i  # the last head wins: "official Bank of England figures"
    if head != -1 and head + 1 < len(lowered):
        nxt = lowered[head + 1]
        if nxt not in _POST_LEADS and not words[head + 1][:1].isupper():
            return None, "", ""  # "figures come on the back of ...": not a subject
        if "being" in lowered[head + 1 :] or "having" in lowered[head + 1 :]:
            return None, "", ""  # "people ... being worried": not a finite clause
    if head != -1 and (head or not sentence_initial) and words[head][:1].isupper():
        return "named", _actor(words), ""  # "said Poll": a name that looks like a source noun
    if head != -1 and "of" in lowered[:head] and any(w[:1].isdigit() or w in ("percent", "half", "third", "thirds", "quarter") or w in lx.NUMBER_WORDS for w in lowered[:head]):
        return None, "", ""  # "59% of people said": respondents of a survey
    if head == -1:
        first = -1
        for i, w in enumerate(words):
            if w[:1].isupper() and (i or not sentence_initial or w.lower() not in _NOT_ACTOR_FIRST):
                first = i
                break
        if first != -1:
            while first > 0 and words[first - 1][:1].isupper():
                first -= 1
            if first > 0 and lowered[first - 1] in lx.PREPOSITIONS and lowered[-1] not in lx.SOURCE_NOUNS:
                return None, "", ""  # "in Western states": the name is an object
            return "named", _actor(words), ""
        if lowered[0] in _DEFINITE and len(lowered) > 1:
            return "named", _actor(words), ""
        return None, "", ""
    base = lowered[head].removesuffix("’s").removesuffix("'s")
    pre, post = words[:head], words[head + 1 :]
    pre_low = lowered[:head]
    post_text = " " + " ".join(post)
    if any(
        w[:1].isupper() and w not in lx.DATE_NAMES and w not in lx.WEEKDAYS and (i == 0 or post[i - 1].lower() not in _LOCATIVES)
        for i, w in enumerate(post)
    ):
        return "named", _actor(words), base  # "analyst Orin Middleton of Barclays", not "observers in Gölcük"
    group = base in lx.OPINION_GROUP_HEADS and base not in lx.FACT_SOURCE_HEADS
    # a group head is someone when named: "analysts at Capital Economics"
    if group:
        if base in _ONLY_GROUP_IF_QUANTIFIED and not any(w in lx.GROUP_QUANTIFIERS for w in pre_low):
            return None, "", base
        named_pre = any(
            w[:1].isupper() and (i or not sentence_initial) and lw not in lx.NATIONALITIES and lw not in lx.GROUP_QUANTIFIERS and lw not in _DETERMINERS
            for i, (w, lw) in enumerate(zip(pre, pre_low))
        )
        if named_pre or (post and lx.GROUP_DESCRIPTOR_AFTER.match(post_text)):
            return "named", _actor(words), base
        if pre_low and pre_low[0] in _DEFINITE:
            return "named", _actor(words), base  # "the critics": named earlier
        fronted = _fronted_subject(words, lowered, head)
        if fronted:
            return _classify_np(fronted, sentence_initial=False)
        return "group", " ".join(w for w in lowered if w not in _DETERMINERS) or base, base
    # a source head: vague unless described or definite ("the report")
    if pre_low and pre_low[0] in _DEFINITE:
        return "named", _actor(words), base
    described = any(
        (w[:1].isupper() and (i or not sentence_initial or _acronym(w)) and lw not in lx.GROUP_QUANTIFIERS and lw not in _DETERMINERS)
        or lw in lx.DESCRIPTOR_WORDS
        or lw in lx.NATIONALITIES
        for i, (w, lw) in enumerate(zip(pre, pre_low))
    )
    if described or (post and lx.SOURCE_DESCRIPTOR_AFTER.match(post_text)):
        return "named", _actor(words), base
    fronted = _fronted_subject(words, lowered, head)
    if fronted:
        return _classify_np(fronted, sentence_initial=False)
    return "vague", " ".join(w for w in lowered[: head + 1] if w not in ("the",)) or base, base


_POSSESSIVE_END, _POSSESSIVE_END_CURLY = "'s ", "’s "  # a word ending in "'s" (the words hold no white space)


def _fronted_subject(words: list[str], lowered: list[str], head: int) -> list[str]:
    """"(In a) report published in July the committee stated": the source noun
    is in a fronted phrase and the definite noun phrase after it is the
    subject. Returns that noun phrase, or [] when there is none."""
    if head + 2 < len(lowered) and lowered[head + 1] not in lx.PREPOSITIONS and lowered[head + 1] not in _RELATIVE_STARTS:
        for j in range(head + 2, len(lowered) - 1):
            if lowered[j] in _DEFINITE:
                return words[j:]
    return []


def _acronym(word: str) -> bool:
    """"UKIP", "NHS": capitals that name something even at a sentence's start."""
    word = word.removesuffix("’s").removesuffix("'s")
    return len(word) > 1 and word.isupper() and word.isalpha()


def _actor(words: list[str]) -> str:
    """The source's name: the last run of capitalised words, else the phrase."""
    runs: list[list[str]] = []
    open_run = False
    for i, w in enumerate(words):
        if w[:1].isupper() and (i or w.lower() not in _NOT_ACTOR_FIRST):
            if open_run:
                runs[-1].append(w)
            else:
                runs.append([w])
            open_run = True
        elif open_run and w in _NAME_JOINERS and i + 1 < len(words) and words[i + 1][:1].isupper():
            runs[-1].append(w)  # "Bank of England"
        else:
            open_run = False
    chosen = runs[-1] if runs else words
    return " ".join(chosen).strip("’'\"“”,.").removesuffix("’s").removesuffix("'s")


_NAME_JOINERS = frozenset({"of", "for", "and", "de", "al", "the", "on"})
_HEAD_WORDS = lx.FACT_SOURCE_HEADS | lx.OPINION_GROUP_HEADS
_NOT_ACTOR_FIRST = _DETERMINERS | lx.GROUP_QUANTIFIERS
