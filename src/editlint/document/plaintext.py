"""Parse plain-text drafts into blocks and a prose view.

Plain text comes in two shapes, told apart per file:

* **wrapped**: hard-wrapped paragraphs separated by blank lines; a line
  break inside a paragraph is a space.
* **line-per-paragraph**: what wire syntheses and CMS exports look like; a
  blank line is rare (one in 34 in a typical synthesis) and every line break
  ends a paragraph.

A file is line-per-paragraph when its lines are long (median over 100
characters: nobody hard-wraps that wide) or when blank lines are rare (fewer
than one per eight non-blank lines). In both shapes a short line without
final punctuation is a heading, and lines starting with ``- ``, ``* `` or
``• `` are list items. HTML comments on a line of their own (suppressions)
and fenced code are masked, as are bare URLs and code spans.
"""

from __future__ import annotations

import re

from editlint.document import model
from editlint.document.frontmatter import parse_front_matter
from editlint.document.inline import may_contain_url, scan_inline
from editlint.document.mask import build_prose
from editlint.document.model import Block, Link, ParsedText
from editlint.document.span import Span

_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•‣▪–]|\d{1,3}[.)])[ \t]+(?=\S)")
_HASH_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+(?=\S)")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_COMMENT_LINE = re.compile(r"[ \t]*<!--")
_URLISH = re.compile(r"(?:https?://|www\.|\w\.\w{2,}/)")
_FINAL_PUNCT = frozenset(".!?:;,…")
_new = tuple.__new__  # NamedTuples without their Python-level __new__ (hot path)
_CLOSERS = "\"'”’)]»"

#: A heading line is at most this many characters and words.
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 16


def is_heading_line(line: str) -> bool:
    """Return True if a line reads as a heading: short, capitalised, unpunctuated."""
    s = line.strip()
    if not s or len(s) > HEADING_MAX_CHARS or len(s.split()) > HEADING_MAX_WORDS:
        return False
    first = s[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'("):
        return False
    last = s.rstrip(_CLOSERS)[-1:] or s[-1]
    if last in _FINAL_PUNCT:
        return False
    return not _URLISH.search(s)


def _heading_before_text(lines: list[tuple[int, int, str]], i: int) -> bool:
    """A heading line directly above wrapped text, with no blank line between.

    The first line of a hard-wrapped paragraph runs close to the wrap width;
    a heading is much shorter than the line after it.
    """
    line = lines[i][2]
    if not is_heading_line(line) or i + 1 >= len(lines):
        return False
    following = lines[i + 1][2]
    return bool(following.strip()) and len(line.strip()) < 0.6 * len(following.strip())


def _lines(text: str, start: int) -> list[tuple[int, int, str]]:
    """``(start, end without line break, text)`` of every line from ``start``."""
    lines: list[tuple[int, int, str]] = []
    if start >= len(text):
        return lines
    append = lines.append
    pos = start
    for part in text[start:].split("\n"):
        end = pos + len(part)
        if part[-1:] == "\r":
            append((pos, end - 1, part[:-1]))
        else:
            append((pos, end, part))
        pos = end + 1
    if text[-1] == "\n":  # no line after a final line break
        lines.pop()
    return lines


def _line_mode(lines: list[tuple[int, int, str]]) -> bool:
    nonblank = [text for _, _, text in lines if text and not text.isspace()]
    if len(nonblank) < 2:
        return True
    blanks = len(lines) - len(nonblank)
    lengths = sorted(len(t) for t in nonblank)
    median = lengths[len(lengths) // 2]  # (upper median; statistics costs an import)
    return median > 100 or blanks * 8 < len(nonblank)


def parse_text(text: str) -> ParsedText:
    """Parse a plain-text draft (no BOM)."""
    front = parse_front_matter(text)
    body_start = front.span.end if front else 0

    lines = _lines(text, body_start)

    blocks: list[Block] = []
    if front:
        blocks.append(Block(model.FRONT_MATTER, front.span))
    keep: list[Span] = []
    masks: list[Span] = []
    links: list[Link] = []
    comments: list[Span] = []

    line_mode = _line_mode(lines)
    first_prose = True
    paragraph: list[tuple[int, int, str]] = []
    # Constructs most drafts never contain, looked for once in the whole text
    # so that lines and blocks without them skip the regexes.
    has_fence = "```" in text or "~~~" in text
    has_comment = "<!--" in text
    has_hash = "#" in text
    has_inline = "`" in text or "<" in text or "[" in text
    has_urls = may_contain_url(text)

    def flush() -> None:
        nonlocal first_prose
        if not paragraph:
            return
        start, end = paragraph[0][0], paragraph[-1][1]
        first_line = paragraph[0][2]
        marker = _LIST_MARKER.match(first_line)
        hashes = _HASH_HEADING.match(first_line) if has_hash else None
        content_start = start
        if marker:
            kind, level = model.LIST_ITEM, 1
            masks.append(Span(start, start + marker.end()))
            content_start = start + marker.end()
        elif hashes:
            kind, level = model.HEADING, len(hashes.group(1))
            masks.append(Span(start, start + hashes.end()))
            content_start = start + hashes.end()
        elif len(paragraph) == 1 and is_heading_line(first_line):
            kind, level = model.HEADING, 1 if first_prose else 2
        else:
            kind, level = model.PARAGRAPH, 0
        while content_start < end and text[content_start] in " \t":
            content_start += 1
        if has_inline or has_urls:
            scan = scan_inline(text, content_start, end, markdown=False, urls=has_urls)
            masks.extend(scan.masks)
            links.extend(scan.links)
            comments.extend(scan.comments)
        keep.append(_new(Span, (start, end)))
        blocks.append(_new(Block, (kind, _new(Span, (content_start, end)), level)))
        first_prose = False
        paragraph.clear()

    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        fence = _FENCE.match(line) if has_fence else None
        if fence:
            flush()
            j = i + 1
            closing = re.compile(r"[ \t]{0,3}" + re.escape(fence.group(1)[0]) + "{" + str(len(fence.group(1))) + ",}[ \t]*$")
            while j < len(lines) and not closing.match(lines[j][2]):
                j += 1
            last = min(j, len(lines) - 1)
            blocks.append(Block(model.CODE, Span(start, lines[last][1])))
            i = last + 1
            continue
        if has_comment and _COMMENT_LINE.match(line):
            flush()
            close = text.find("-->", start)
            stop = len(text) if close == -1 else close + 3
            comments.append(Span(start + line.index("<"), stop))
            blocks.append(Block(model.HTML, Span(start, stop)))
            while i < len(lines) and lines[i][0] < stop:
                i += 1
            continue
        if not line or line.isspace():
            flush()
        elif line_mode or _LIST_MARKER.match(line) or (has_hash and _HASH_HEADING.match(line)):
            flush()
            paragraph.append(lines[i])
            if line_mode:
                flush()
        elif paragraph and _LIST_MARKER.match(paragraph[0][2]) and not line[:1].isspace():
            flush()  # an unindented line after a list item starts a new paragraph
            paragraph.append(lines[i])
        elif not paragraph and _heading_before_text(lines, i):
            paragraph.append(lines[i])
            flush()
        else:
            paragraph.append(lines[i])
        i += 1
    flush()

    blocks.sort(key=lambda b: b.span.start)
    prose = build_prose(text, keep, masks)
    return ParsedText(blocks, prose, links, comments, front)
