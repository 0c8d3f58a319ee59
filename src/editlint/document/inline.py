"""Find inline markup to mask inside a prose block.

markdown-it-py maps only block tokens to source lines; its inline tokens have
lost their markup and cannot be mapped back to offsets. So the masking of
inline constructs is a small scanner of its own over the block's source:
code spans, HTML comments and tags, autolinks, link destinations, images,
emphasis markers, footnote references and bare URLs. It errs on the side of
leaving text visible: a construct it does not recognise stays prose.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from editlint.document.model import Link
from editlint.document.span import Span

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
# A bare URL: a scheme or a www./t.me/known-host start, up to whitespace;
# trailing sentence punctuation is given back below.
_BARE_URL = re.compile(
    r"(?<![\w/.@-])(?:(?:https?|ftp)://|www\.|(?:t\.me|x\.com|twitter\.com)/)[^\s<>\"“”]*",
    re.IGNORECASE,
)
_SPECIAL_MD = re.compile(r"[\\`<\[!*~_]")
_SPECIAL_TEXT = re.compile(r"[`<\[]")
_TRAILING = ".,;:!?'\"’”"
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


class InlineScan:
    """What the scanner found in one block."""

    __slots__ = ("masks", "links", "comments")

    def __init__(self) -> None:
        self.masks: list[Span] = []
        self.links: list[Link] = []
        self.comments: list[Span] = []


def _strip_trailing(text: str, start: int, end: int) -> int:
    """Give back closing punctuation a URL regex swallowed ("see x.com/a.")."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    # an unbalanced closing parenthesis belongs to the sentence, not the URL
    while end > start and text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
    return end


def _matching(text: str, i: int, end: int, open_: str, close: str) -> int:
    """Return the index of the bracket closing the one at ``i``, or -1."""
    depth = 0
    j = i
    while j < end:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            run = _run_length(text, j, end, "`")
            close_at = _find_backtick_close(text, j + run, end, run)
            j = close_at + run if close_at != -1 else j + run
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return j
        elif c == "\n" and open_ == "(" and text[j + 1 : j + 2] in ("\n", "\r"):
            return -1  # a link destination never spans a blank line
        j += 1
    return -1


def _run_length(text: str, i: int, end: int, char: str) -> int:
    j = i
    while j < end and text[j] == char:
        j += 1
    return j - i


def _find_backtick_close(text: str, i: int, end: int, run: int) -> int:
    """Return the start of a backtick run of exactly ``run`` after ``i``, or -1."""
    j = text.find("`" * run, i, end)
    while j != -1:
        length = _run_length(text, j, end, "`")
        if length == run:
            return j
        j = text.find("`" * run, j + length, end)
    return -1


def _destination(text: str, start: int, end: int) -> str:
    """Parse a link destination from ``(dest "title")`` contents."""
    inner = text[start:end].strip()
    if inner.startswith("<"):
        close = inner.find(">")
        return inner[1:close] if close != -1 else inner[1:]
    return inner.split()[0] if inner.split() else ""


def scan_inline(
    text: str,
    start: int,
    end: int,
    *,
    markdown: bool = True,
    references: dict[str, str] | None = None,
    urls: bool = True,
) -> InlineScan:
    """Scan ``text[start:end]`` for inline constructs to mask.

    Args:
        text: the whole document text.
        start: where the block's content starts.
        end: where it ends.
        markdown: False for plain text, where only code spans, comments,
            links written in Markdown syntax and bare URLs are recognised.
        references: link reference definitions (label -> URL) for
            ``[text][label]`` links.
        urls: False when the caller knows the text has no bare URL
            (:func:`may_contain_url` is false for the whole document).
    """
    out = InlineScan()
    masks, links = out.masks, out.links
    refs = references or {}
    special = _SPECIAL_MD if markdown else _SPECIAL_TEXT
    # (position, resume): after a link's text, skip its destination or label
    jumps: list[tuple[int, int]] = []
    i = start
    while i < end:
        m = special.search(text, i, end)
        if m is None:
            break
        i = m.start()
        if jumps and i >= jumps[-1][0]:
            i = max(i, jumps.pop()[1])
            continue
        c = text[i]
        if c == "\\" and markdown and i + 1 < end and text[i + 1] in _ASCII_PUNCT:
            masks.append(Span(i, i + 1))
            i += 2
            continue
        if c == "`":
            run = _run_length(text, i, end, "`")
            close = _find_backtick_close(text, i + run, end, run)
            if close != -1:
                masks.append(Span(i, close + run))
                i = close + run
            else:
                i += run
            continue
        if c == "<":
            if text.startswith("<!--", i):
                close = text.find("-->", i + 4, end)
                stop = close + 3 if close != -1 else end
                masks.append(Span(i, stop))
                out.comments.append(Span(i, stop))
                i = stop
                continue
            m = _AUTOLINK.match(text, i, end)
            if m:
                masks.append(Span(i, m.end()))
                links.append(Link(Span(i, m.end()), Span(m.start(1), m.end(1)), m.group(1), "autolink"))
                i = m.end()
                continue
            if markdown:
                m = _HTML_TAG.match(text, i, end)
                if m:
                    masks.append(Span(i, m.end()))
                    i = m.end()
                    continue
        if c == "[" or (c == "!" and text.startswith("[", i + 1, end)):
            image = c == "!"
            bracket = i + 1 if image else i
            m = _FOOTNOTE_REF.match(text, bracket, end) if not image else None
            if m:
                masks.append(Span(i, m.end()))
                links.append(Link(Span(i, m.end()), Span(i, m.end()), m.group()[2:-1], "footnote"))
                i = m.end()
                continue
            close = _matching(text, bracket, end, "[", "]")
            if close != -1:
                after = close + 1
                if after < end and text[after] == "(":
                    paren = _matching(text, after, end, "(", ")")
                    if paren != -1:
                        url = _destination(text, after + 1, paren)
                        whole = Span(i, paren + 1)
                        if image:
                            masks.append(whole)
                            i = paren + 1
                        else:
                            masks.extend((Span(i, bracket + 1), Span(close, paren + 1)))
                            links.append(Link(whole, Span(bracket + 1, close), url, "inline"))
                            jumps.append((close, paren + 1))
                            i = bracket + 1
                        continue
                if markdown and after < end and text[after] == "[":
                    label_end = _matching(text, after, end, "[", "]")
                    if label_end != -1:
                        label = text[after + 1 : label_end] or text[bracket + 1 : close]
                        url = refs.get(_normalize_label(label))
                        if url is not None:
                            whole = Span(i, label_end + 1)
                            if image:
                                masks.append(whole)
                                i = label_end + 1
                            else:
                                masks.extend((Span(i, bracket + 1), Span(close, label_end + 1)))
                                links.append(Link(whole, Span(bracket + 1, close), url, "reference"))
                                jumps.append((close, label_end + 1))
                                i = bracket + 1
                            continue
                if markdown and refs:
                    url = refs.get(_normalize_label(text[bracket + 1 : close]))
                    if url is not None:  # shortcut reference link [label]
                        masks.extend((Span(i, bracket + 1), Span(close, close + 1)))
                        links.append(Link(Span(i, close + 1), Span(bracket + 1, close), url, "reference"))
                        jumps.append((close, close + 1))
                        i = bracket + 1
                        continue
            i += 1
            continue
        if markdown and c in "*~":
            run = _run_length(text, i, end, c)
            masks.append(Span(i, i + run))
            i += run
            continue
        if markdown and c == "_":
            run = _run_length(text, i, end, c)
            before = text[i - 1] if i > start else " "
            after_c = text[i + run] if i + run < end else " "
            # intraword underscores (snake_case, t.me/some_handle) are not emphasis
            if not (before.isalnum() and after_c.isalnum()):
                masks.append(Span(i, i + run))
            i += run
            continue
        i += 1
    if urls:
        _bare_urls(text, start, end, out)
    return out


def may_contain_url(text: str) -> bool:
    """False when no part of ``text`` can hold a bare URL (the test :func:`_bare_urls` makes first)."""
    return "://" in text or ".com/" in text or "t.me/" in text or "www." in text.lower()


def _bare_urls(text: str, start: int, end: int, out: InlineScan) -> None:
    """Mask bare URLs that no other construct already covers."""
    segment = text[start:end]
    if "://" not in segment and "www." not in segment.lower() and ".com/" not in segment and "t.me/" not in segment:
        return  # most blocks have no URL; the regex below is costly on long prose
    taken = sorted(out.masks)
    starts = [t.start for t in taken]
    for m in _BARE_URL.finditer(text, start, end):
        stop = _strip_trailing(text, m.start(), m.end())
        if stop - m.start() <= 4:
            continue
        span = Span(m.start(), stop)
        k = bisect_left(starts, span.end)  # masks starting before the URL ends
        if k and max(t.end for t in taken[max(0, k - 8) : k]) > span.start:
            continue
        out.masks.append(span)
        out.links.append(Link(span, span, text[span.start : span.end], "bare"))


def _normalize_label(label: str) -> str:
    """Normalise a link label as CommonMark does (case-fold, collapse spaces)."""
    return " ".join(label.split()).casefold()
