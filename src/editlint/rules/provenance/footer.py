"""Find and parse a draft's provenance footer, once per document.

A provenance footer is the section that says where a draft's facts come
from. editlint recognises three shapes:

* a **heading** ("Wire provenance", "Sources", "### Provenance" …), as a
  Markdown heading or a plain-text heading line, followed by entries up to
  the next heading of the same or a higher level;
* a **label line** ("Sources:", "**Sources**") followed by entries, or with
  the entries on the same line ("Sources: Reuters; AP");
* a front-matter list (``sources:``, ``provenance:``).

Entries are list items, or lines of a paragraph that hold a URL or read as
"Outlet, title, date"; lines ending in a colon are introductions, not
entries. Each entry carries its URLs (as written, even malformed ones), the
source name it gives, and the outlet the registry resolves it to.

Other rules use the same parse::

    from editlint.rules.provenance.footer import provenance_footer

    footer = provenance_footer(doc, self.settings)   # None when there is none
    for entry in footer.entries: ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from editlint.document import BLOCKQUOTE, FRONT_MATTER, HEADING, LIST_ITEM, PARAGRAPH, Document, Span
from editlint.lazyre import lazy
from editlint.outlets import PLATFORM_HOSTS, Outlet, OutletRegistry, account_key, get_registry, normalize_name, registrable_domain, split_url, squash

#: Settings (``[tool.editlint]`` keys) this module reads, with their defaults.
DEFAULT_HEADINGS = (
    "Wire provenance",
    "Provenance",
    "Sources",
    "Source",
    "Source material",
    "Source materials",
    "Sources and references",
    "References",
    "Sourcing",
)
DEFAULT_FRONT_MATTER_KEYS = ("sources", "provenance", "references")
SETTINGS: dict[str, Any] = {
    "provenance-headings": list(DEFAULT_HEADINGS),
    "provenance-front-matter-keys": list(DEFAULT_FRONT_MATTER_KEYS),
    "outlets": {},
}

# A URL as written in a footer, malformed ones included: with a scheme, or
# starting with www., or a host with a dot followed by a path.
_URL_TOKEN = lazy(
    r"""(?<![\w@/.-])(?:[a-z][a-z0-9+.-]{1,15}:(?://)?[^\s<>"“”\]]*|www\.[^\s<>"“”\]]+|[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}/[^\s<>"“”\]]*)""",
    re.IGNORECASE,
)
_MD_LINK = lazy(r"\[([^\]\n]*)\]\(\s*<?([^)\n]*?)>?\s*\)|\[([^\]\n]*)\]\(\s*([^)\n]*)$")
_AUTOLINK = lazy(r"<([a-z][a-z0-9+.-]{1,15}:[^<>\n]*)>", re.IGNORECASE)
_FOOTNOTE_DEF = lazy(r"^\[\^[^\]\s]+\]:\s*")
_LABEL = lazy(r"^\W*(?P<label>[^\W\d][\w &/-]{1,40}?)\s*(?::|\*\*:|:\*\*)?\W*$")
_INLINE_LABEL = lazy(r"^\W*(?P<label>[^\W\d][\w &/-]{1,40}?)\s*(?:\*\*)?:(?:\*\*)?\s+(?P<rest>\S.*)$", re.DOTALL)
_TRAILING = ".,;:!?'\"’”"
_FIELD_SPLIT = lazy(r"\s*(?:,|;|\||\s[—–-]\s|:\s)\s*")
_PLACEHOLDER = lazy(r"^(?:tbd|tbc|todo|xxx+|n/?a|none|link|links|source|sources|here|url|\?+|-+|…|\.\.\.)$", re.IGNORECASE)
_NAMEISH = lazy(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class FooterURL:
    """A URL written in an entry: its span in the source and its text."""

    span: Span
    url: str
    #: "markdown" for a ``[text](url)`` destination, "autolink", or "bare"
    form: str = "bare"
    #: text following a bare URL after a single space that looks like its continuation
    continued: str = ""
    #: for an unclosed ``[text](url`` link
    unclosed: bool = False


@dataclass(frozen=True, slots=True)
class FooterEntry:
    """One source listed in the footer.

    Attributes:
        span: the entry as written (list marker excluded).
        text: the entry's source text.
        urls: URLs written in the entry.
        name: the source name the entry gives ("Reuters" in "Reuters,
            'Troops leave', 2 May"; the text of a Markdown link), or None.
        outlet: the registry outlet the entry resolves to (by URL, then name).
        line: 1-based line of the entry, for messages.
    """

    span: Span
    text: str
    urls: tuple[FooterURL, ...]
    name: str | None
    outlet: Outlet | None
    line: int

    @property
    def key(self) -> str | None:
        """Who the entry is from: an outlet id, else ``name:…``, ``account:…`` or ``host:…``."""
        if self.outlet is not None:
            return self.outlet.id
        if self.name:
            return "name:" + squash(self.name)
        for u in self.urls:
            host, _ = split_url(u.url)
            if not host:
                continue
            if host in PLATFORM_HOSTS:
                account = account_key(u.url)
                if account:
                    return "account:" + account
                continue
            return "host:" + registrable_domain(host)
        return None

    @property
    def label(self) -> str:
        """How to name the entry's source in a message."""
        if self.outlet is not None:
            return self.outlet.label
        if self.name:
            return self.name
        key = self.key
        return key.split(":", 1)[1] if key else self.text.strip()[:40]


@dataclass(frozen=True, slots=True)
class Footer:
    """A provenance footer.

    Attributes:
        kind: ``heading``, ``label`` or ``front_matter``.
        heading: the span of the heading or label ("Wire provenance"); for
            front matter, the span of the key's first item or of the key.
        span: from the heading to the end of the last entry.
        entries: the source entries, in order.
        title: the heading text as written.
        level: the heading's level (0 for label lines and front matter).
    """

    kind: str
    heading: Span
    span: Span
    entries: tuple[FooterEntry, ...]
    title: str
    level: int = 0

    def outlets(self) -> set[str]:
        """Ids of the registry outlets the entries resolve to."""
        return {e.outlet.id for e in self.entries if e.outlet is not None}

    def lists(self, outlet: Outlet | None, name: str | None = None) -> bool:
        """Does the footer list this outlet (or, for unknown outlets, this name)?

        A registry outlet is listed when an entry resolves to it or an
        entry's name is one of its names; an unknown name is listed when an
        entry gives the same name or its domain or account spells it
        ("Daily Record" and ``dailyrecord.co.uk``).
        """
        keys = set()
        if outlet is not None:
            if outlet.id in self.outlets():
                return True
            keys = {squash(n) for n in outlet.names}
        if name:
            keys.add(squash(name))
        keys.discard("")
        for entry in self.entries:
            if entry.name and squash(entry.name) in keys:
                return True
            for key in keys:
                if len(key) >= 4 and any(key in _squashed_location(u.url) for u in entry.urls):
                    return True
        return False


def _squashed_location(url: str) -> str:
    host, path = split_url(url)
    first = path.split("/", 1)[0] if host in ("t.me", "x.com", "twitter.com", "facebook.com", "instagram.com", "youtube.com") else ""
    return squash(registrable_domain(host).rsplit(".", 1)[0] + " " + first.lstrip("@"))


# -- settings -------------------------------------------------------------------------


def footer_settings(settings: Mapping[str, Any] | None) -> tuple[tuple[str, ...], tuple[str, ...], Mapping[str, Any] | None]:
    settings = settings or {}
    headings = tuple(settings.get("provenance-headings") or DEFAULT_HEADINGS)
    keys = tuple(settings.get("provenance-front-matter-keys") or DEFAULT_FRONT_MATTER_KEYS)
    outlets = settings.get("outlets") or None
    return headings, keys, outlets


def registry_for(settings: Mapping[str, Any] | None) -> OutletRegistry:
    """The outlet registry extended by the ``outlets`` setting."""
    return get_registry((settings or {}).get("outlets") or None)


class UsesOutletRegistry:
    """Mixin for rules that read the outlet registry.

    Its ``prepare`` (see :meth:`editlint.rule.Rule.prepare`) loads the
    registry and compiles its whole pattern before a folder of drafts; a
    single draft compiles only what it needs (see :mod:`editlint.outlets`).
    """

    settings: Mapping[str, Any]

    def prepare(self) -> None:
        registry_for(self.settings)._compiled()


def _settings_key(outlets: Mapping[str, Any] | None) -> str:
    if not outlets:
        return ""
    import json

    return json.dumps(outlets, sort_keys=True, default=str)


def provenance_footer(doc: Document, settings: Mapping[str, Any] | None = None) -> Footer | None:
    """Return the document's provenance footer, or None (computed once per document and settings)."""
    headings, keys, outlets = footer_settings(settings)
    cache_key = ("editlint.provenance.footer", headings, keys, _settings_key(outlets))
    return doc.derived(cache_key, lambda d: parse_footer(d, headings, keys, get_registry(outlets)))


# -- parsing ------------------------------------------------------------------------------


def _title_of(text: str) -> str:
    return " ".join(text.strip().strip("*_#:").strip().rstrip(":").split()).casefold()


@lru_cache(maxsize=32)
def _wanted(headings: tuple[str, ...]) -> tuple[frozenset[str], int]:
    titles = frozenset(_title_of(h) for h in headings)
    return titles, max((len(t) for t in titles), default=0) + 12


def parse_footer(doc: Document, headings: tuple[str, ...], keys: tuple[str, ...], registry: OutletRegistry) -> Footer | None:
    """Find the footer (the last one when several match) and read its entries."""
    wanted, longest = _wanted(headings)
    blocks = doc.blocks
    text = doc.prose
    found: tuple[int, str] | None = None
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        start, end = block.span
        if block.kind == HEADING:
            if end - start <= longest and _title_of(text[start:end]) in wanted:
                found = (i, "heading")
                break
        elif block.kind == PARAGRAPH:
            # a label line is short, or has a colon right after the label
            if end - start > longest and text.find(":", start, start + longest) == -1:
                continue
            prose = text[start:end]
            first_line = prose.split("\n", 1)[0]
            m = _LABEL.match(first_line) if "\n" not in prose.strip() else None
            if m and _title_of(m.group("label")) in wanted:  # "Sources", "Sources:", "**Sources**"
                found = (i, "label")
                break
            m = _INLINE_LABEL.match(prose.strip())
            if m and _title_of(m.group("label")) in wanted:
                found = (i, "inline")
                break
    footer = None
    if found is not None:
        footer = _body_footer(doc, found[0], found[1], registry)
    front = _front_matter_footer(doc, keys, registry)
    if footer is None:
        return front
    if front is not None and front.entries:
        footer = Footer(footer.kind, footer.heading, footer.span, front.entries + footer.entries, footer.title, footer.level)
    return footer


def _body_footer(doc: Document, index: int, kind: str, registry: OutletRegistry) -> Footer:
    blocks = doc.blocks
    head = blocks[index]
    level = head.level if kind == "heading" else 99
    entries: list[FooterEntry] = []
    title = " ".join(doc.prose_of(head.span).split())
    heading_span = head.span
    if kind == "inline":
        prose = doc.prose_of(head.span)
        colon = prose.index(":")
        heading_span = Span(head.span.start + len(prose) - len(prose.lstrip()), head.span.start + colon + 1)
        title = doc.text[heading_span.start : heading_span.end].strip("*_ :")
        rest_start = head.span.start + colon + 1
        while rest_start < head.span.end and doc.text[rest_start] in " *_\t":
            rest_start += 1
        entries.extend(_inline_entries(doc, Span(rest_start, head.span.end), registry))
    elif kind == "label":
        title = title.strip("*_ :")
    end = head.span.end
    for block in blocks[index + 1 :]:
        if block.kind == HEADING and (block.level <= level or kind != "heading"):
            break
        if block.kind == FRONT_MATTER:
            continue
        end = block.span.end
        if block.kind == LIST_ITEM:
            entry = _entry(doc, block.span, registry, listed=True)
            if entry is not None:
                entries.append(entry)
        elif block.kind in (PARAGRAPH, BLOCKQUOTE):
            for line_span in _lines(doc.text, block.span):
                entry = _entry(doc, line_span, registry, listed=False)
                if entry is not None:
                    entries.append(entry)
    return Footer("heading" if kind == "heading" else "label", heading_span, Span(head.span.start, end), tuple(entries), title, head.level)


def _lines(text: str, span: Span):
    pos = span.start
    while pos < span.end:
        nl = text.find("\n", pos, span.end)
        stop = span.end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a] in " \t>":
            a += 1
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        if b > a:
            yield Span(a, b)
        pos = stop + 1


def _inline_entries(doc: Document, span: Span, registry: OutletRegistry) -> list[FooterEntry]:
    """Entries written on the label's line: "Sources: Reuters; AP, 2 May"."""
    text = doc.text[span.start : span.end]
    stripped = text.rstrip(" .\t\r\n*_")
    sep = ";" if ";" in stripped else ","
    pieces = stripped.split(sep)
    if sep == "," and any(len(p.split()) > 5 for p in pieces):
        pieces = [stripped]
    out = []
    pos = span.start
    for piece in pieces:
        start = text.index(piece, pos - span.start) + span.start if piece else pos
        a = start + len(piece) - len(piece.lstrip())
        b = start + len(piece.rstrip())
        pos = start + len(piece)
        if b > a:
            entry = _entry(doc, Span(a, b), registry, listed=True)
            if entry is not None:
                out.append(entry)
    return out


def _front_matter_footer(doc: Document, keys: tuple[str, ...], registry: OutletRegistry) -> Footer | None:
    fm = doc.front_matter
    if fm is None:
        return None
    lowered = {k.casefold(): k for k in fm.data}
    for wanted in keys:
        key = lowered.get(wanted.casefold())
        if key is None:
            continue
        items = fm.items.get(key, [])
        entries = []
        for value, span in items:
            entry = _entry(doc, span, registry, listed=True, text=value)
            if entry is not None:
                entries.append(entry)
        key_at = doc.text.find(key, fm.span.start, fm.span.end)
        heading = Span(key_at, key_at + len(key)) if key_at != -1 else Span(fm.span.start, fm.span.start)
        return Footer("front_matter", heading, fm.span, tuple(entries), key)
    return None


# -- entries -----------------------------------------------------------------------------------


def _entry(doc: Document, span: Span, registry: OutletRegistry, *, listed: bool, text: str | None = None) -> FooterEntry | None:
    raw = doc.text[span.start : span.end] if text is None else text
    base = span.start if text is None or doc.text[span.start : span.end] == text else None
    m = _FOOTNOTE_DEF.match(raw)
    if m:
        raw, span = raw[m.end() :], Span(span.start + m.end(), span.end)
        base = span.start if base is not None else None
    urls = _urls(raw, base if base is not None else span.start)
    rest = _without_urls(raw, urls, span.start)
    if not listed:
        # a paragraph line is an entry only if it has a URL or reads as "Outlet, title, date"
        if not urls:
            fields = [f for f in _FIELD_SPLIT.split(rest.strip()) if f.strip()]
            if rest.rstrip().endswith(":") or len(fields) < 2 or len(rest) > 200:
                return None
            first = fields[0].strip(" \"'“”‘’*_")
            if not first[:1].isupper() and not registry.by_name(first):
                return None
        elif rest.rstrip().endswith(":") and len(rest.strip()) > 40:
            return None
    name = _source_name(rest, urls, raw)
    outlet = None
    for u in urls:
        outlet = registry.match_url(u.url)
        if outlet is not None:
            break
    if outlet is None and name:
        outlet = registry.by_name(name)
        if outlet is None:
            for _, _, hit in registry.mentions(name):
                outlet = hit
                break
    line = doc.position(span.start).line
    return FooterEntry(span, raw, tuple(urls), name, outlet, line)


def _urls(raw: str, offset: int) -> list[FooterURL]:
    out: list[FooterURL] = []
    taken: list[tuple[int, int]] = []
    for m in _MD_LINK.finditer(raw):
        if m.group(2) is not None:
            dest, start = m.group(2), m.start(2)
            out.append(FooterURL(Span(offset + start, offset + start + len(dest)), dest.strip(), "markdown"))
        else:
            dest, start = m.group(4), m.start(4)
            out.append(FooterURL(Span(offset + start, offset + start + len(dest)), dest.strip(), "markdown", unclosed=True))
        taken.append((m.start(), m.end()))
    for m in _AUTOLINK.finditer(raw):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(FooterURL(Span(offset + m.start(1), offset + m.end(1)), m.group(1), "autolink"))
        taken.append((m.start(), m.end()))
    for m in _URL_TOKEN.finditer(raw):
        if any(a <= m.start() < b for a, b in taken):
            continue
        token = m.group()
        if not _looks_like_url(token):
            continue
        end = len(token)
        while end > 0 and token[end - 1] in _TRAILING:
            end -= 1
        while end > 0 and token[end - 1] == ")" and token.count("(", 0, end) < token.count(")", 0, end):
            end -= 1
        token = token[:end]
        after = raw[m.start() + end :]
        cont = re.match(r" (?=\S)([^\s,;]+)", after)
        continued = cont.group(1) if cont and re.search(r"[/?=&#%]|^\d{1,2}:\d{2}", cont.group(1)) and not cont.group(1).startswith(("(", "http")) else ""
        out.append(FooterURL(Span(offset + m.start(), offset + m.start() + end), token, "bare", continued))
        taken.append((m.start(), m.start() + end))
    out.sort(key=lambda u: u.span.start)
    return out


def _looks_like_url(token: str) -> bool:
    low = token.casefold()
    if "://" in low or low.startswith("www."):
        return True
    scheme = low.split(":", 1)[0]
    if ":" in low and scheme in ("mailto", "javascript", "file", "data", "ftp", "tel", "news", "http", "https"):
        return True
    if ":" in low and not low.startswith(scheme + ":"):
        return False
    host = low.split("/", 1)[0]
    return "/" in low and "." in host and not host.replace(".", "").isdigit()


def _without_urls(raw: str, urls: list[FooterURL], offset: int) -> str:
    chars = list(raw)
    for u in urls:
        a, b = u.span.start - offset, u.span.end - offset
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    text = "".join(chars)
    text = re.sub(r"\]\(\s*\)|[<>]|\(\s*\)", " ", text)
    return text


def _source_name(rest: str, urls: list[FooterURL], raw: str) -> str | None:
    """The source name an entry gives: link text's outlet part or the first field."""
    text = rest.replace("[", " ").replace("]", " ").strip(" \t-–—•*_|:;,.()")
    if not text:
        return None
    first = _FIELD_SPLIT.split(text, maxsplit=1)[0]
    first = re.sub(r"\s*\([^)]*\)?", "", first).strip(" \"'“”‘’*_()[]")  # "Alalam News (Telegram)"
    if not first or _PLACEHOLDER.match(first) or not _NAMEISH.search(first):
        return None
    if len(first.split()) > 8:  # a sentence, not a name
        return None
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1] in "il"):
        return None
    return first


def entry_has_name(entry: FooterEntry) -> bool:
    """True if the entry names its source (not just a placeholder)."""
    return bool(entry.name) or entry.outlet is not None


def normalized_url(url: str) -> str:
    """A URL reduced for duplicate detection: scheme, ``www.``, case of host and trailing slash ignored."""
    host, path = split_url(url)
    query = ""
    if "?" in url:
        query = "?" + url.split("?", 1)[1].split("#", 1)[0]
    return f"{host}/{path}{query}".rstrip("/")


def normalized_text(text: str) -> str:
    return normalize_name(re.sub(r"[\W_]+", " ", text))
