"""Parse Markdown with markdown-it-py into blocks and a prose view.

markdown-it-py's block tokens carry ``map = [first_line, end_line)``; block
spans are built from those lines and the line starts of the source.
Container markup at the start of lines (``#``, ``>``, list markers, setext
underlines) is masked here; inline markup is masked by
:mod:`editlint.document.inline`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from editlint.document import model
from editlint.document.frontmatter import parse_front_matter
from editlint.document.inline import scan_inline
from editlint.document.mask import blank, build_prose
from editlint.document.model import Block, Link, ParsedText
from editlint.document.span import LineIndex, Span

_ATX_OPEN = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")
_LIST_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?")
_LONE_CR = re.compile(r"\r(?!\n)")
_SETEXT_UNDERLINE = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*\r?")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # Only block tokens are read (inline markup is scanned here, with
    # offsets): markdown-it's inline parsing, half of its time, is switched off.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(["inline", "text_join"])


def parse_markdown(text: str) -> ParsedText:
    """Parse ``text`` (no BOM) as CommonMark with tables and strikethrough."""
    front = parse_front_matter(text)
    # markdown-it turns a lone CR into a line break; we do not, so it must
    # not see one, or its line numbers would drift from ours.
    source = _LONE_CR.sub(" ", text)
    if front:
        source = blank(source[: front.span.end]) + source[front.span.end :]
    env: dict = {}
    tokens = _parser().parse(source, env)
    references = {label: ref["href"] for label, ref in env.get("references", {}).items()}
    refs = {" ".join(k.split()).casefold(): v for k, v in references.items()}

    index = LineIndex(text)
    starts = index.line_starts

    def line_span(first: int, end: int) -> Span:
        """Span of lines [first, end) without the final line break."""
        a = starts[first] if first < len(starts) else len(text)
        b = starts[end] - 1 if end < len(starts) else len(text)
        if b > a and text[b - 1] == "\r":
            b -= 1
        return Span(a, max(a, b))

    blocks: list[Block] = []
    keep: list[Span] = []
    masks: list[Span] = []
    links: list[Link] = []
    comments: list[Span] = []
    if front:
        blocks.append(Block(model.FRONT_MATTER, front.span))

    containers: list[str] = []
    item_first_line: list[int] = []
    pending: tuple[str, list[int], int] | None = None
    table_lines: set[int] = set()

    for tok in tokens:
        t = tok.type
        if t in ("blockquote_open", "list_item_open"):
            containers.append(t)
            if t == "list_item_open":
                item_first_line.append(tok.map[0] if tok.map else -1)
        elif t in ("blockquote_close", "list_item_close"):
            if containers:
                popped = containers.pop()
                if popped == "list_item_open" and item_first_line:
                    item_first_line.pop()
        elif t == "heading_open" and tok.map:
            pending = (model.HEADING, tok.map, int(tok.tag[1]))
        elif t == "paragraph_open" and tok.map:
            if "list_item_open" in containers:
                kind = model.LIST_ITEM
            elif "blockquote_open" in containers:
                kind = model.BLOCKQUOTE
            else:
                kind = model.PARAGRAPH
            pending = (kind, tok.map, len(containers))
        elif t == "inline" and tok.map:
            if pending is None:  # a table cell
                first = tok.map[0]
                if first in table_lines:
                    continue
                table_lines.add(first)
                kind, lines, level = model.TABLE, tok.map, len(containers)
            else:
                kind, lines, level = pending
                pending = None
            span = line_span(lines[0], lines[1])
            content_start, prefix_masks = _prefixes(text, starts, lines, kind, containers, item_first_line)
            masks.extend(prefix_masks)
            content_end = span.end
            if kind == model.HEADING:
                if _is_setext(text, starts, lines):
                    last = line_span(lines[1] - 1, lines[1])
                    masks.append(last)
                    content_end = line_span(lines[0], lines[1] - 1).end
                else:
                    close = _ATX_CLOSE.search(text, content_start, span.end)
                    if close and close.start() < content_end:
                        masks.append(Span(close.start(), span.end))
                        content_end = close.start()
            content_start = min(content_start, content_end)
            scan = scan_inline(text, content_start, content_end, references=refs)
            masks.extend(scan.masks)
            links.extend(scan.links)
            comments.extend(scan.comments)
            keep.append(span)
            blocks.append(Block(kind, Span(content_start, content_end), level))
        elif t in ("fence", "code_block") and tok.map:
            blocks.append(Block(model.CODE, line_span(*tok.map), len(containers)))
        elif t == "html_block" and tok.map:
            span = line_span(*tok.map)
            blocks.append(Block(model.HTML, span, len(containers)))
            comments.extend(_html_comments(text, span))

    blocks.sort(key=lambda b: b.span.start)
    prose = build_prose(text, keep, masks)
    return ParsedText(blocks, prose, links, comments, front)


def _is_setext(text: str, starts: list[int], lines: list[int]) -> bool:
    if lines[1] - lines[0] < 2:
        return False
    last = starts[lines[1] - 1]
    end = text.find("\n", last)
    return bool(_SETEXT_UNDERLINE.fullmatch(text, last, len(text) if end == -1 else end))


def _prefixes(
    text: str,
    starts: list[int],
    lines: list[int],
    kind: str,
    containers: list[str],
    item_first_line: list[int],
) -> tuple[int, list[Span]]:
    """Mask container markup at line starts; return the content start."""
    masks: list[Span] = []
    content_start = starts[lines[0]] if lines[0] < len(starts) else len(text)
    in_quote = "blockquote_open" in containers
    for n, line in enumerate(range(lines[0], lines[1])):
        if line >= len(starts):
            break
        a = starts[line]
        if n == 0 and kind == model.HEADING:
            m = _ATX_OPEN.match(text, a)
        elif n == 0 and kind == model.LIST_ITEM and item_first_line and item_first_line[-1] == line:
            m = _LIST_PREFIX.match(text, a)
        elif in_quote:
            m = _QUOTE_PREFIX.match(text, a)
        else:
            m = None
        if m and m.end() > a:
            masks.append(Span(a, m.end()))
        if n == 0:
            stop = m.end() if m else a
            while stop < len(text) and text[stop] in " \t":
                stop += 1
            content_start = stop
    return content_start, masks


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _html_comments(text: str, span: Span) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _COMMENT.finditer(text, span.start, span.end)]
