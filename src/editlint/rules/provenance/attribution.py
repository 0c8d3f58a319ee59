"""Find where a draft's body attributes something to a media outlet.

"Reuters reported", "according to Foreign Affairs", "Tasnim said", "a
Ukrainian official told the Associated Press", "seen by the Financial
Times", "in an interview with Al Jazeera", "Reuters' tally": these name an
outlet *as a source*. Two kinds are found:

* **registry outlets**: a name from the outlet registry (strong or
  ambiguous: "Fars") in one of those source contexts;
* **unknown outlets**, recognised from usage: a capitalised name in a source
  context that reads as a publication, because it carries a media word
  ("Daily Record", "Gulf Times", "Middle East Monitor") or a descriptor
  ("the newspaper Yediot", "Israeli daily Maariv").

Primary sources are not outlets: ministries, officials, armies, the
Pentagon, companies, parliaments; nor are platforms (Telegram, X).
Everything runs over the body's prose blocks (headings and the footer are
not body) and is computed once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from editlint.document import BODY_KINDS, Document, Span
from editlint.lazyre import lazy
from editlint.outlets import DEMONYM, OPENER_WORDS, Mention, Outlet, OutletRegistry, normalize_name, squash

# Verbs of reporting. The core list is safe after any name; the extended one
# only after a registry outlet ("Reuters connected the withdrawal to ...").
_CORE_VERBS = (
    r"reported|reports|wrote|writes|published|publishes|broadcast|broadcasts|aired|airs|quoted|quotes|quoting|"
    r"cited|cites|citing|said|says|revealed|reveals|disclosed|discloses|confirmed|confirms|learned|learnt|obtained|"
    r"carried|carries|claimed|claims|alleged|alleges|first\s+reported"
)
_MORE_VERBS = (
    r"|reporting|posted|posts|tweeted|showed|noted|stated|described|describes|connected|linked|called|released|"
    r"announced|highlighted|argued|argues|suggested|suggests|estimated|estimates|found|added|identified|detailed"
)
# Words that introduce an outlet ("the Israeli daily Maariv", "the Sabah newspaper").
_DESCRIPTORS = (
    r"news\s+agency|press\s+agency|newspaper|daily|tabloid|broadcaster|news\s+channel|tv\s+channel|television\s+channel|"
    r"news\s+network|tv\s+network|television\s+network|news\s+site|news\s+website|news\s+portal|magazine|weekly|"
    r"news\s+outlet|media\s+outlet|outlet|radio\s+station|tv\s+station|television\s+station|news\s+service|wire\s+service|"
    r"publication|state\s+media|state\s+tv|state\s+television|agency"
)
_ADVERBS = r"(?:(?:has|had|have|also|first|earlier|later|previously|specifically|separately|exclusively|recently|then|further|late|on|last)\s+){0,3}"
_APPOSITIVE = r"(?:\s*,\s*[^,.;\n]{1,80}?,)?"
# after the name: ["'s"] [", appositive,"] [descriptor] [adverbs] verb
_AFTER_CORE = lazy(
    r"(?:['’]s?)?" + _APPOSITIVE + r"\s+(?:(?:" + _DESCRIPTORS + r")\s+)?" + _ADVERBS + r"(?:" + _CORE_VERBS + r")\b",
    re.IGNORECASE,
)
_AFTER = lazy(
    r"(?:['’]s?)?" + _APPOSITIVE + r"\s+(?:(?:" + _DESCRIPTORS + r")\s+)?" + _ADVERBS + r"(?:" + _CORE_VERBS + _MORE_VERBS + r")\b",
    re.IGNORECASE,
)
_POSSESSIVE_NOUN = lazy(
    r"['’]s?\s+(?:[a-z][\w-]*\s+)?(?:report|reports|reporting|reporter|reporters|correspondent|correspondents|analysis|article|"
    r"story|coverage|investigation|interview|editorial|essay|essays|piece|tally|count|footage|broadcast|bureau|sources?|"
    r"journalists?|editor|editors|columnist|op-ed|survey|poll|review|findings|dispatch|headline)\b"
)
_DESCRIPTOR_AFTER = lazy(r"\s+(?:" + _DESCRIPTORS + r")\b", re.IGNORECASE)
_DESCRIPTOR_BEFORE = lazy(r"\b(?:" + _DESCRIPTORS + r")\s+(?:the\s+)?\Z", re.IGNORECASE)
# before the name: a trigger, then up to four modifier words ("Iran's state-run", "the Israeli daily")
_MODIFIER = r"(?:the\s+|a\s+|an\s+|[A-Z][\w-]*['’]s\s+|[a-z][\w-]*\s+|[A-Z][a-z]+(?:ian|ish|ese|i|an|ch)\s+|(?:US|UK|EU|UAE)\s+)"
_BEFORE = lazy(
    r"(?i:\baccording\s+to|\btold|\btells|\btelling|\btell|\bspeaking\s+to|\bspoke\s+to|\bspeaks\s+to|\binterview\s+with|"
    r"\binterviewed\s+by|\bcomments\s+to|\bremarks\s+to|\bstatement\s+to|"
    r"\b(?:reported|cited|quoted|published|carried|broadcast|aired|obtained|seen|reviewed|posted|released|shared|confirmed)\s+(?:by|in|on)|"
    r"\b(?:wrote|writing|written|writes|appeared|appearing)\s+(?:in|for)|\bper|\bvia|"
    r"\b(?:report|reporting|article|story|analysis|essay|editorial|op-ed|broadcast|footage|interview|coverage|investigation|"
    r"piece|dispatch|bulletin|column|headline)s?\s+(?:by|from|in|for|with)|"
    r"\b(?:thread|channel|feed|account|post|posts|page)s?\s+(?:of|from|by))"
    r"\s+" + _MODIFIER + r"{0,4}\Z",
)

# An unknown outlet's name: capitalised words, with "of", "al-", "de", "&" between;
# a dot belongs to a word only inside it ("U.S.", "Politico.com"). Atomic
# groups keep the regex engine from backtracking through every shorter run.
_WORDCHARS = r"(?:[\w'’&-]|\.(?=\w))*+"
_RUN_REST = _WORDCHARS + r"(?:[ \t]+(?:(?:of|the|for|and|al|el|de|du|des|della|di|am|im|y|&)[ \t]+)?(?:[A-Z]" + _WORDCHARS + r"|\d+\b))*+"
_NAME = lazy(r"[A-Z0-9](?<![\w'’.-].)" + _RUN_REST)
# A run directly followed by a core verb of reporting: "Gulf Times reported".
_RUN_THEN_VERB = lazy(
    r"[A-Z0-9](?<![\w'’.-].)" + _RUN_REST + r"(?=(?:['’]s?)?[ \t]+(?:(?:" + _DESCRIPTORS + r")[ \t]+)?" + _ADVERBS + r"(?:" + _CORE_VERBS + r")\b)"
)
# Trigger phrases that put an unknown outlet's name right after them, found
# with str.find on the lower-cased prose (far cheaper than a regex alternation
# in `re`); registry outlets are checked against the fuller `_BEFORE` list.
_TRIGGER_PHRASES = (
    "according to ", "told ", "interview with ", "speaking to ", "quoted by ", "quoted in ", "cited by ",
    "reported by ", "published in ", "seen by ", "obtained by ", "wrote in ", "writing in ", "report in ", "reports in ",
    "report by ",
)
_MODIFIERS_THEN_RUN = lazy(r"(?:" + _MODIFIER + r"){0,4}(?=[A-Z0-9])")

# Words that make a name a publication's: "Gulf Times", "Daily Record".
_MEDIA_WORDS = frozenset(
    """
    News Times Journal Herald Tribune Gazette Daily Telegraph Magazine Chronicle Observer Express Courier Weekly
    Radio TV Television Broadcasting Broadcaster Newspaper Network Channel Monitor Bulletin Dispatch Online Insider
    Newsweek Media Newswire Zeitung Presse Diario Gazeta Pravda
    """.split()
)
_GENERIC_MEDIA = frozenset("TV Television Radio Media News Press Newspaper Newspapers Networks Network Channel".split())
# Media words that are also surnames ("Jane Post"): the name needs "the" or a descriptor.
_WEAK_MEDIA_WORDS = frozenset(
    "Post Star Sun Mail Globe Record Register Today Press Mirror Standard Review Nation Week Independent Examiner Inquirer Sentinel Guardian Reporter Wire Voice Age".split()
)
_PRIMARY_WORDS = frozenset(
    """
    Ministry Ministries Department Office Council Commission Committee Army Forces Force Corps Command Guard Guards
    Police Pentagon Kremlin Government Authority Authorities Administration Organisation Organization Institute
    University Bank Fund Company Corp Corporation Inc Ltd Plc Group Association Union Party Parliament Senate
    Congress Court Embassy Secretary Minister Spokesman Spokeswoman Spokesperson President Chief Director Ambassador
    Official Officials Officer General Commander Foundation Centre Center Programme Program Agency Service Services
    Federation League Movement Front Brigade Brigades Battalion Navy Airforce Cabinet Presidency Palace Mission
    Observatory Coalition Alliance Board Bureau Directorate Prosecutor Prosecutors Judiciary Tribunal Assembly House
    Hospital Health Trust Watch Amnesty Crescent Cross Red Unit Staff Headquarters Coast Committee
    """.split()
)
# "Press Agency", "News Service": media words that rescue a primary-sounding word
_MEDIA_PAIRS = lazy(r"\b(?:News|Press)\s+(?:Agency|Service|Corporation|Group)\b|\bBroadcasting\s+Corporation\b|\bWorld\s+Service\b")
_PLATFORMS = frozenset(
    "telegram twitter x facebook youtube instagram tiktok whatsapp weibo wechat reddit truth social threads bluesky linkedin vk signal google apple".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The body naming an outlet as a source.

    Attributes:
        span: the outlet's name as written.
        outlet: the registry outlet, or None for an outlet known only from usage.
        name: the name as written, without a leading "the" or a possessive.
    """

    span: Span
    outlet: Outlet | None
    name: str

    @property
    def key(self) -> str:
        """An outlet id, or ``name:<squashed name>`` for an unknown outlet."""
        return self.outlet.id if self.outlet is not None else "name:" + squash(self.name)

    @property
    def label(self) -> str:
        return self.outlet.label if self.outlet is not None else self.name


def is_source_context(text: str, start: int, end: int, lo: int, hi: int, *, strict: bool = False) -> bool:
    """Does the prose around ``text[start:end]`` (within ``text[lo:hi]``) use it as a source?

    "X reported", "X, a state-run agency, said", "X's correspondent",
    "according to X", "told X", "seen by X", "an interview with X". With
    ``strict``, only the core verbs of reporting count after the name.
    """
    after = _AFTER_CORE if strict else _AFTER
    if after.match(text, end, hi) or _POSSESSIVE_NOUN.match(text, end, hi):
        return True
    return _BEFORE.search(text, max(lo, start - 80), start) is not None


def has_descriptor(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the name introduced or followed by a media descriptor ("the daily X", "the X newspaper")?"""
    return bool(_DESCRIPTOR_AFTER.match(text, end, hi) or _DESCRIPTOR_BEFORE.search(text, max(lo, start - 40), start))


def body_blocks(doc: Document, footer_span: Span | None) -> list[Span]:
    """Spans of the body's prose blocks, the footer excluded."""
    out = []
    for block in doc.blocks:
        if block.kind not in BODY_KINDS:
            continue
        if footer_span is not None and footer_span.start <= block.span.start < footer_span.end:
            continue
        out.append(block.span)
    return out


def find_attributions(doc: Document, registry: OutletRegistry, footer_span: Span | None, *, unknown: bool = True) -> list[Attribution]:
    """Every attribution to an outlet in the body, in document order.

    Registry outlets come from the shared mention scan; unknown outlets
    from two anchored passes: a capitalised run right before a verb of
    reporting, and a run right after a trigger phrase ("according to").

    Args:
        unknown: also recognise outlets absent from the registry from usage.
    """
    prose = doc.prose
    blocks = body_blocks(doc, footer_span)
    if not blocks:
        return []
    starts = [b.start for b in blocks]

    def block_of(pos: int) -> tuple[int, int] | None:
        i = bisect_right(starts, pos) - 1
        return blocks[i] if i >= 0 and pos < blocks[i].end else None

    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []
    for m in body_mentions(doc, registry, footer_span):
        taken.append((m.start, m.end))
        lo, hi = block_of(m.start) or (m.start, m.end)
        if is_source_context(prose, m.start, m.end, lo, hi):
            found.append(Attribution(Span(m.start, m.end), m.outlet, _clean(prose[m.start : m.end])))
    if unknown:
        candidates: dict[tuple[int, int], tuple[int, int]] = {}
        for lo, hi in blocks:
            for m in _RUN_THEN_VERB.finditer(prose, lo, hi):
                candidates[(m.start(), m.end())] = (lo, hi)
        lower = doc.derived("editlint.provenance.lower_prose", lambda d: d.prose.lower())
        if len(lower) == len(prose):
            for phrase in _TRIGGER_PHRASES:
                i = lower.find(phrase)
                while i != -1:
                    j = i + len(phrase)
                    if i == 0 or not lower[i - 1].isalnum():
                        bounds = block_of(i)
                        if bounds is not None:
                            mod = _MODIFIERS_THEN_RUN.match(prose, j, bounds[1])
                            run = _NAME.match(prose, mod.end(), bounds[1]) if mod else None
                            if run is not None:
                                candidates[(run.start(), run.end())] = bounds
                    i = lower.find(phrase, j)
        for (a, b), (lo, hi) in sorted(candidates.items()):
            a, b = _trim_run(prose, a, b)
            if b <= a or any(x < b and a < y for x, y in taken):
                continue
            item = _unknown_attribution(prose, a, b, lo, hi, registry)
            if item is not None:
                taken.append((item.span.start, item.span.end))
                found.append(item)
    found.sort(key=lambda x: x.span.start)
    return found


def body_mentions(doc: Document, registry: OutletRegistry, footer_span: Span | None) -> list[Mention]:
    """Registry mentions (ambiguous names included) in the body's prose blocks, computed once per document."""

    def scan(d: Document) -> list[Mention]:
        out: list[Mention] = []
        for lo, hi in body_blocks(d, footer_span):
            out.extend(registry.scan(d.prose, lo, hi, weak=True))
        return out

    return doc.derived(("editlint.outlets.body_mentions", id(registry), footer_span), scan)


_LEADING_MODIFIER = lazy(r"(?:(?:[A-Z][\w-]*[ \t]+){0,3}[A-Z][\w-]*['’]s|[A-Z][\w]*-[a-z][\w-]*)[ \t]+")
_TITLES = frozenset("Mr Mrs Ms Mx Dr Sir Lord Lady Dame Prof Professor Rev Sheikh President Minister Senator Judge".split())
# "founder of X", "editor at X": the person is the source, not X
_PERSON_ROLES = frozenset(
    """
    founder co-founder editor director head chief president chairman chairwoman executive spokesman spokeswoman
    spokesperson analyst owner member boss manager professor researcher fellow correspondent reporter columnist
    presenter host producer employee staff
    """.split()
)
# "security firm X", "the carrier X": a company, not an outlet
_COMPANY_NOUNS = frozenset(
    """
    firm company group maker retailer bank carrier operator provider giant manufacturer start-up startup chain brand
    label studio studios developer supplier insurer lender airline club team band charity union
    """.split()
)


def _words_before(text: str, lo: int, start: int, n: int) -> list[str]:
    """The last ``n`` words before ``start`` (not crossing ``lo``), lower-cased, "the" dropped."""
    words = text[max(lo, start - 60) : start].split()
    words = [w.lower() for w in words if w.lower() not in ("the", "a", "an")]
    return words[-n:]


def _introduced_by_person_or_company(text: str, lo: int, start: int) -> bool:
    words = _words_before(text, lo, start, 2)
    if len(words) == 2 and words[1] in ("of", "at", "for", "with") and words[0] in _PERSON_ROLES:
        return True
    return bool(words) and words[-1] in _COMPANY_NOUNS


_OPENER = lazy(r"[A-Z][a-z]*[ \t]+")


def _trim_run(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop sentence openers and leading modifiers from a capitalised run.

    "Earlier Gulf Times" -> "Gulf Times"; "Uganda's New Vision" -> "New
    Vision"; "China-published Economic Observer" -> "Economic Observer";
    a trailing nationality adjective goes too ("Welt am Sonntag German").
    """
    while a < b:
        m = re.match(r"\d[\d,.]*[ \t]+", text[a:b])  # "the 2013 Hindustan Times"
        if m:
            a += m.end()
            continue
        m = _OPENER.match(text, a, b)
        if m and m.group().strip() in OPENER_WORDS and m.group().strip() != "The":
            a = m.end()
            continue
        m = _LEADING_MODIFIER.match(text, a, b)
        if m:
            a = m.end()
            continue
        break
    # a nationality adjective closing the run describes what follows: "Welt am Sonntag German newspaper"
    m = re.search(r"[ \t]+(\S+)\Z", text[a:b])
    if m and DEMONYM.fullmatch(m.group(1)):
        b = a + m.start()
    return a, b



def _unknown_attribution(text: str, a: int, b: int, lo: int, hi: int, registry: OutletRegistry) -> Attribution | None:
    name = _clean(text[a:b])
    if not name or name.casefold() in ("the", "a", "an"):
        return None
    words = [re.sub(r"['’]s?$", "", w) for w in name.replace("-", " ").split()]
    if words[0] in _TITLES or (any(w in _PRIMARY_WORDS for w in words) and not _MEDIA_PAIRS.search(name)):
        return None  # a person ("Mr Molyneux") or a primary source ("Office for National Statistics")
    if _introduced_by_person_or_company(text, lo, a):
        return None
    outlet = registry.by_name(name)
    if outlet is not None:
        return Attribution(Span(a, b), outlet, name)
    # "Andreas Adriano of Latin Trade Magazine": the outlet after "of"
    of = re.search(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[a:b])
    if of and not any(w in _MEDIA_WORDS for w in text[a : a + of.start()].split()):
        a = a + of.end()
        name = _clean(text[a:b])
    # a registry outlet inside a longer run: "Russian News Agency Interfax", "BBC Radio Five Live"
    tokens = list(re.finditer(r"\S+", text[a:b]))
    for size in range(min(len(tokens), 6) - 1, 0, -1):
        for i in range(0, len(tokens) - size + 1):
            sa, sb = a + tokens[i].start(), a + tokens[i + size - 1].end()
            piece = _clean(text[sa:sb])
            if len(piece) <= 3 or normalize_name(piece) not in registry._names:
                continue
            hit = registry.by_name(piece)
            if hit is not None and len(piece) > 3 and any(normalize_name(n) == normalize_name(piece) for n in hit.strong_names()):
                return Attribution(Span(sa, sb), hit, piece)
    if not _looks_like_outlet(name, text, a, b, lo, hi):
        return None
    return Attribution(Span(a, b), None, name)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if name[:4].casefold() == "the ":
        name = name[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip(" .,:;")


def _listed_after_primary(text: str, lo: int, start: int) -> bool:
    """Is the name the tail of a primary source's list: "the Department for Culture, Media and Sport"?"""
    before = text[max(lo, start - 60) : start].rstrip()
    if not before.endswith((",", " and", "&")):
        return False
    for word in reversed(before.rstrip(",&").split()[:-1] if before.endswith(("and", "&")) else before.rstrip(",").split()):
        word = word.strip(",")
        if word in _PRIMARY_WORDS:
            return True
        if word and word[0].islower() and word not in ("of", "for", "and", "the", "&"):
            return False
    return False


def _looks_like_outlet(name: str, text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Does an unknown capitalised name, used as a source, read as a publication?"""
    words = [re.sub(r"['’]s?$", "", w) for w in name.replace("-", " ").split()]
    if not words or normalize_name(name) in _PLATFORMS or words[0].casefold() in _PLATFORMS:
        return False
    if all(w in OPENER_WORDS or w.casefold() in ("the", "of", "and") for w in words):
        return False
    the = text[max(lo, start - 4) : start].casefold() == "the " or text[start : start + 4].casefold() == "the "
    if len(words) == 1 and DEMONYM.fullmatch(words[0]) and not the:
        return False  # "told a French magazine"
    if all(DEMONYM.fullmatch(w) or w in _GENERIC_MEDIA for w in words):
        return False  # "US TV", "Indian television"
    if any(w in _PRIMARY_WORDS for w in words) and not _MEDIA_PAIRS.search(name):
        return False
    if _listed_after_primary(text, lo, start):
        return False  # "the Department for Culture, Media and Sport"
    descriptor = has_descriptor(text, start, end, lo, hi)
    nxt = re.match(r"[ \t]+([a-z][\w-]*)", text[end:hi])
    if nxt and not descriptor and not _AFTER.match(text, end, hi):
        return False  # an adjective: "US TV networks", "CSI TV shows"
    if descriptor and _DESCRIPTOR_AFTER.match(text, end, hi):
        after = _DESCRIPTOR_AFTER.match(text, end, hi)
        if re.match(r"[ \t]+(?:the[ \t]+)?[A-Z]", text[after.end() : hi]):
            return False  # a modifier of the real name: "Dutch newspaper Algemeen Dagblad"
    media = [i for i, w in enumerate(words) if w.rstrip(".") in _MEDIA_WORDS]
    if media:
        last = media[-1]
        trailing = words[last + 1 :]
        if len(trailing) > 1 and "of" not in trailing:
            return False  # a person after the outlet: "Virgin Radio DJ Pete Mitchell"
        return len(words) >= 2 or descriptor
    if words[-1] in _WEAK_MEDIA_WORDS:
        return (the and len(words) >= 2) or descriptor
    if re.search(r"\.(?:com|net|org|co\.uk|news|info|media|tv)\b", name, re.IGNORECASE):
        return True
    return descriptor


def attributions(doc: Document, registry: OutletRegistry, footer_span: Span | None, settings_key: str = "") -> list[Attribution]:
    """:func:`find_attributions`, computed once per document (and registry)."""
    key = ("editlint.provenance.attributions", id(registry), footer_span, settings_key)
    return doc.derived(key, lambda d: find_attributions(d, registry, footer_span))


def first_by_outlet(items: list[Attribution], doc: Document | None = None) -> dict[str, Attribution]:
    """The first attribution of each outlet (outside quotes when ``doc`` is given)."""
    out: dict[str, Attribution] = {}
    for item in items:
        if doc is not None and doc.in_quote(item.span):
            continue
        out.setdefault(item.key, item)
    return out


__all__ = [
    "Attribution",
    "attributions",
    "body_blocks",
    "body_mentions",
    "find_attributions",
    "first_by_outlet",
    "has_descriptor",
    "is_source_context",
]
