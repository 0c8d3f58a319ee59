"""Whose voice is a word in? Context checks for framing rules.

A loaded word is the writer's framing only when the writer uses it. These
helpers tell the other cases apart, looking only around a hit (never across
the whole document):

* quoted speech the core does not treat as quotes: British straight single
  quotes (``'slammed'``, ``Blair 'sorry' over ...``);
* attribution: a naming construction ("what Tehran calls ...", "described
  as ...") or, for characterisations, any reported speech in the sentence
  ("critics said the law was draconian");
* proper names: a common word capitalised in mid-sentence ("Shameless", the
  "Pro-Life Alliance");
* established event names: "the Srebrenica massacre".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from editlint.document import BODY_KINDS, HEADING, Document, Span
from editlint.document.sentences import sentence_spans
from editlint.lazyre import lazy

# Reported speech and thought anywhere in the sentence: the characterisation
# is the speaker's. Noun readings ("the United States", "calls for") are left
# out where they are common; a missed cue only costs a little recall.
SPEECH_CUES = lazy(
    r"(?<![\w-])(?:said|says|say|saying|told|tells|telling|wrote|writes|writing|tweeted|posted|argued|argues|arguing"
    r"|claimed|claims|claiming|alleged|alleges|alleging|accused|accuses|accusing|insisted|insists|warned|warns"
    r"|declared|declares|stated|added|adds|described|describes|describing|called|calling|dubbed|branded"
    r"|labell?ed|denounced|denounces|condemned|condemns|decried|decries|blamed|blames|believes?|believed"
    r"|thinks|complained|complains|critici[sz]ed|critici[sz]es|protested|insisted|maintained|maintains"
    r"|according\s+to|in\s+(?:his|her|their|its)\s+(?:view|words|opinion)|quoted\s+as"
    r"|accusations?|allegations?|statement)\b",
    re.IGNORECASE,
)
# Naming constructions that put a label in someone else's mouth; they must
# come before the term, in the same clause.
NAMING_CUES = lazy(
    r"(?<![\w-])(?:calls?|called|calling|dubs?|dubbed|dubbing|brands?|branded|branding|labell?ed|labels?|terms|termed"
    r"|refers?\s+to|referred\s+to|known\s+as|so\s+named|describ(?:e|es|ed|ing)\s+(?:\w+\s+){0,4}?as"
    r"|denounc(?:e|es|ed|ing)\s+(?:\w+\s+){0,4}?as|condemn(?:s|ed|ing)?\s+(?:\w+\s+){0,4}?as"
    r"|characteri[sz](?:e|es|ed|ing)\s+(?:\w+\s+){0,4}?as|what\s+(?:\S+\s+){1,4}?(?:calls?|called|terms?|termed|describes?|described))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = lazy(r"[;:.!?]")
_SENTENCE_END = frozenset(".!?…:")
_OPENERS = frozenset("\"'“‘([*_«")
_NAMED_EVENT = lazy(r"\b[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){1,3}$")


def lowered_prose(doc: Document) -> str:
    """``doc.prose`` in lower case, computed once per document."""
    return doc.derived("framing.lowered_prose", lambda d: d.prose.lower())


def sentence_span(doc: Document, start: int, end: int) -> Span:
    """The sentence around ``start:end``: a body sentence, else the whole block.

    Only the blocks that contain a hit are split (and each once), so a
    document without hits costs nothing here.
    """
    block = doc.block_at(start)
    if block is None:
        return Span(start, end)
    if block.kind not in BODY_KINDS:
        return block.span
    cache: dict[int, list[Span]] = doc.derived("framing.block_sentences", lambda d: {})
    spans = cache.get(block.span.start)
    if spans is None:
        spans = cache[block.span.start] = sentence_spans(doc.prose, block.span.start, block.span.end) or [block.span]
    i = bisect_right([s.start for s in spans], start) - 1
    return spans[max(i, 0)]


def is_attributed(doc: Document, start: int, end: int, level: str) -> bool:
    """Return True if the term at ``start:end`` is attributed at ``level``.

    ``naming``: a naming construction precedes it in its clause. ``speech``:
    that, or a reporting verb anywhere in its sentence.
    """
    if level == "none":
        return False
    sentence = sentence_span(doc, start, end)
    prose = doc.prose
    window_start = max(sentence.start, start - 120)
    clause_start = window_start
    for m in _CLAUSE_BREAK.finditer(prose, window_start, start):
        clause_start = m.end()
    if NAMING_CUES.search(prose, clause_start, start):
        return True
    if level == "speech":
        return SPEECH_CUES.search(prose, sentence.start, sentence.end) is not None
    return False


def in_single_quotes(doc: Document, start: int, end: int) -> bool:
    """Return True if the span sits inside straight single quotes in its sentence.

    The core's quote finder pairs double quotes and curly single quotes; in
    British copy straight single quotes also mark quoted words ("Blair
    'sorry' over ..."). An opening ``'`` follows a space or bracket and
    precedes a non-space; a closing one follows a non-space and is not
    followed by a letter, so apostrophes never count.
    """
    sentence = sentence_span(doc, start, end)
    text = doc.prose
    open_at = -1
    i = text.find("'", sentence.start, start)
    while i != -1:
        before = text[i - 1] if i > sentence.start else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at == -1:
            if not before.isalnum() and not after.isspace():
                open_at = i
        elif not before.isspace() and not after.isalpha():
            open_at = -1
        i = text.find("'", i + 1, start)
    if open_at == -1:
        return False
    j = text.find("'", end, sentence.end)
    while j != -1:
        after = text[j + 1] if j + 1 < len(text) else " "
        if not text[j - 1].isspace() and not after.isalpha():
            return True
        j = text.find("'", j + 1, sentence.end)
    return False


def in_double_quotes(doc: Document, start: int) -> bool:
    """Return True if ``start`` is inside straight double quotes, read strictly.

    The core pairs straight quotes in order, which goes wrong when a
    quotation runs over paragraphs that lost their breaks (``... players
    out. "The boy is a fantastic player.``): the second mark opens a new
    quoted paragraph, it does not close the first. Read strictly, a mark
    after white space (or at the start of the block) opens and a mark after
    anything else closes.
    """
    block = doc.block_at(start)
    if block is None:
        return False
    text = doc.prose
    is_open = False
    i = text.find('"', block.span.start, start)
    while i != -1:
        before = text[i - 1] if i > block.span.start else " "
        is_open = before.isspace() or before in "([{—–-/" or (not is_open and i == block.span.start)
        i = text.find('"', i + 1, start)
    return is_open


def at_sentence_start(doc: Document, start: int) -> bool:
    """Return True if ``start`` opens a sentence (or a block)."""
    block = doc.block_at(start)
    lo = block.span.start if block is not None else 0
    i = start - 1
    text = doc.prose
    while i >= lo and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    return i < lo or text[i] in _SENTENCE_END


def looks_like_name(doc: Document, start: int, end: int, written: str) -> bool:
    """Return True if a lower-case lexicon form appears here as part of a name.

    "Shameless" (a series) or the "Pro-Life Alliance" are capitalised in
    mid-sentence; headings are exempt (headline case capitalises every
    word) and so is shouting in capitals.
    """
    found = doc.text[start:end]
    if not written[:1].islower() or not found[:1].isupper():
        return False
    if len(found) > 1 and found.isupper():
        return False
    block = doc.block_at(start)
    if block is not None and block.kind == HEADING:
        return False
    return not at_sentence_start(doc, start)


def after_named_event(doc: Document, start: int) -> bool:
    """Return True after "the <Capitalised words>": "the Srebrenica massacre"."""
    return _NAMED_EVENT.search(doc.text, max(0, start - 60), start) is not None


def in_heading(doc: Document, start: int) -> bool:
    block = doc.block_at(start)
    return block is not None and block.kind == HEADING
