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
from dataclasses import dataclass
from editlint.document import BODY_KINDS, Document, Span
from editlint.outlets import OPENER_WORDS, Outlet, OutletRegistry, normalize_name, squash

_VERBS = (
    r"reported|reports|reporting|wrote|writes|published|publishes|broadcast|broadcasts|aired|airs|quoted|quotes|quoting|"
    r"cited|cites|citing|said|says|revealed|reveals|disclosed|discloses|confirmed|confirms|learned|learnt|obtained|"
    r"carried|carries|posted|posts|tweeted|showed|shows|noted|notes|claimed|claims|alleged|alleges|stated|states|"
    r"described|describes|connected|linked|called|calls|released|releases|announced|announces|highlighted|argued|argues|"
    r"suggested|suggests|estimated|estimates|found|finds|ran|runs|added|adds|identified|identifies|detailed|details|"
    r"first\s+reported|has\s+learned|has\s+seen"
)
_DESCRIPTORS = (
    r"news\s+agency|press\s+agency|agency|newspaper|daily|tabloid|broadcaster|channel|network|news\s+site|website|site|"
    r"magazine|weekly|outlet|station|tv|television|radio|news\s+service|wire\s+service|wire|publication|paper"
)
_ADVERBS = r"(?:(?:has|had|have|also|first|earlier|later|previously|specifically|separately|exclusively|recently|then|further|late|on|last)\s+){0,3}"
# after the name: ["'s"] [", appositive,"] [descriptor] [adverbs] verb
_AFTER = re.compile(
    r"(?:['’]s?)?(?:\s*,\s*[^,.;\n]{1,80}?,)?\s+(?:(?:" + _DESCRIPTORS + r")\s+)?" + _ADVERBS + r"(?:" + _VERBS + r")\b",
    re.IGNORECASE,
)
_POSSESSIVE_NOUN = re.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+)?(?:report|reports|reporting|reporter|reporters|correspondent|correspondents|analysis|article|"
    r"story|coverage|investigation|interview|editorial|essay|essays|piece|tally|count|footage|broadcast|bureau|sources?|"
    r"journalists?|editor|editors|columnist|op-ed|survey|poll|data|review|findings|dispatch|headline)\b"
)
_DESCRIPTOR_AFTER = re.compile(r"\s+(?:" + _DESCRIPTORS + r")\b", re.IGNORECASE)
# before the name: a trigger, then up to four modifier words ("Iran's state-run", "the Israeli daily")
_MODIFIER = r"(?:the\s+|a\s+|an\s+|[A-Z][\w-]*['’]s\s+|[a-z][\w-]*\s+|[A-Z][a-z]+(?:ian|ish|ese|i|an|ch)\s+|(?:US|UK|EU|UAE)\s+)"
_BEFORE = re.compile(
    r"(?:\baccording\s+to|\btold|\btells|\btelling|\btell|\bspeaking\s+to|\bspoke\s+to|\bspeaks\s+to|\binterview\s+with|"
    r"\binterviewed\s+by|\bcomments\s+to|\bremarks\s+to|\bstatement\s+to|"
    r"\b(?:reported|cited|quoted|published|carried|broadcast|aired|obtained|seen|reviewed|posted|released|run|shared|confirmed)\s+(?:by|in|on)|"
    r"\b(?:wrote|writing|written|writes|appeared|appearing)\s+(?:in|for)|\bper|\bvia|\bfrom|"
    r"\b(?:report|reporting|reports|article|articles|story|analysis|essay|editorial|op-ed|broadcast|thread|channel|post|posts|"
    r"feed|account|footage|interview|coverage|investigation|piece|dispatch|bulletin|column|headline)s?\s+(?:by|from|in|of|on|for|with)|"
    r"\b(?:" + _DESCRIPTORS + r"))\s+" + _MODIFIER + r"{0,4}\Z",
)

# An unknown outlet's name: capitalised words, with "of", "al-", "de", "&" between.
_NAME = re.compile(
    r"(?<![\w'’.-])(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*|\d[\w-]*)(?:[ \t]+(?:(?:of|the|for|and|al|el|de|&)[ \t]+)?(?:[A-Z][\w'’&.-]*|\d+))*"
)
# Words that make a name a publication's: "Gulf Times", "Daily Record".
_MEDIA_WORDS = frozenset(
    """
    News Times Journal Herald Tribune Gazette Daily Telegraph Magazine Chronicle Observer Express Courier Weekly
    Radio TV Television Broadcasting Broadcaster Newspaper Network Channel Monitor Bulletin Dispatch Online Insider
    Newsweek Media Newswire Zeitung Presse Diario Gazeta Pravda
    """.split()
)
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
_MEDIA_PAIRS = re.compile(r"\b(?:News|Press)\s+(?:Agency|Service|Corporation|Group)\b|\bBroadcasting\s+Corporation\b|\bWorld\s+Service\b")
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


def is_source_context(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Does the prose around ``text[start:end]`` use it as a source ("X reported", "according to X")?"""
    if _AFTER.match(text, end, hi) or _POSSESSIVE_NOUN.match(text, end, hi):
        return True
    return _BEFORE.search(text, max(lo, start - 80), start) is not None


def has_descriptor(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the name introduced or followed by a media descriptor ("the daily X", "the X newspaper")?"""
    if _DESCRIPTOR_AFTER.match(text, end, hi):
        return True
    window = text[max(lo, start - 40) : start]
    return bool(re.search(r"\b(?:" + _DESCRIPTORS + r")\s+(?:the\s+)?\Z", window, re.IGNORECASE))


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

    Args:
        unknown: also recognise outlets absent from the registry from usage.
    """
    prose = doc.prose
    found: list[Attribution] = []
    for span in body_blocks(doc, footer_span):
        lo, hi = span
        taken: list[tuple[int, int]] = []
        for m in registry.scan(prose, lo, hi, weak=True):
            taken.append((m.start, m.end))
            if is_source_context(prose, m.start, m.end, lo, hi):
                found.append(Attribution(Span(m.start, m.end), m.outlet, _clean(prose[m.start : m.end])))
        if not unknown:
            continue
        for m in _NAME.finditer(prose, lo, hi):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            # drop sentence openers the run may begin with: "Earlier Gulf Times reported"
            opener = re.match(r"(?:[A-Z][a-z]*[ \t]+)", prose[a:b])
            while opener and opener.group().strip() in OPENER_WORDS and opener.group().strip() not in ("The",):
                a += opener.end()
                opener = re.match(r"(?:[A-Z][a-z]*[ \t]+)", prose[a:b])
            name = _clean(prose[a:b])
            if not name or not is_source_context(prose, a, b, lo, hi):
                continue
            outlet = registry.by_name(name)
            if outlet is None and not _looks_like_outlet(name, prose, a, b, lo, hi):
                continue
            found.append(Attribution(Span(a, b), outlet, name))
    found.sort(key=lambda x: x.span.start)
    return found


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if name[:4].casefold() == "the ":
        name = name[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip(" .,")


def _looks_like_outlet(name: str, text: str, start: int, end: int, lo: int, hi: int) -> bool:
    words = name.replace("-", " ").split()
    if not words or normalize_name(name) in _PLATFORMS or words[0].casefold() in _PLATFORMS:
        return False
    if any(w in _PRIMARY_WORDS for w in words) and not _MEDIA_PAIRS.search(name):
        return False
    if any(w.rstrip(".") in _MEDIA_WORDS for w in words):
        return len(words) >= 2 or has_descriptor(text, start, end, lo, hi)
    if words[-1] in _WEAK_MEDIA_WORDS:
        the = text[max(lo, start - 4) : start].casefold() == "the " or text[start : start + 4].casefold() == "the "
        return (the and len(words) >= 2) or has_descriptor(text, start, end, lo, hi)
    if re.search(r"\.(?:com|net|org|co\.uk|news|info|media|tv)\b", name, re.IGNORECASE):
        return True
    return has_descriptor(text, start, end, lo, hi)


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


__all__ = ["Attribution", "attributions", "body_blocks", "find_attributions", "first_by_outlet", "is_source_context", "has_descriptor"]
