"""The parsed draft that every rule reads.

A :class:`Document` keeps the exact text it was given (without a leading BOM)
and derives everything else from it: blocks, the prose view, sentences,
quoted speech, links and sections. All of them are expressed as spans of
offsets into ``Document.text``; line and column exist only for display
(:meth:`Document.position`).

The *prose view* (``Document.prose``) has the same length as the text.
Everything rules must never look at (code, HTML comments, link URLs, front
matter, Markdown markup) is replaced by spaces, line breaks kept, so any
regex match on the prose view is also a valid span of the source.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Iterator, NamedTuple, TypeVar

from editlint.document.span import LineIndex, Position, Span

T = TypeVar("T")

#: Block kinds. Prose blocks are the ones rules read sentences from.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
BLOCKQUOTE = "blockquote"
TABLE = "table"
CODE = "code"
HTML = "html"
FRONT_MATTER = "front_matter"

PROSE_KINDS = frozenset({HEADING, PARAGRAPH, LIST_ITEM, BLOCKQUOTE, TABLE})
BODY_KINDS = frozenset({PARAGRAPH, LIST_ITEM, BLOCKQUOTE, TABLE})


class Block(NamedTuple):
    """A block of the draft.

    Attributes:
        kind: one of ``heading``, ``paragraph``, ``list_item``,
            ``blockquote``, ``table``, ``code``, ``html``, ``front_matter``.
        span: the block's content, markup prefixes (``#``, ``>``, list
            markers) excluded where they lead the first line.
        level: the heading level (1-6) for headings, else the nesting depth
            of containers (block quotes and list items) around the block.
    """

    kind: str
    span: Span
    level: int = 0

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


class Link(NamedTuple):
    """A link or bare URL.

    Attributes:
        span: the whole link as written (``[text](url)``, ``<url>``, a bare URL).
        text: the span of the visible link text (equal to ``span`` for bare URLs).
        url: the destination as written, or resolved for reference links.
        kind: ``inline``, ``reference``, ``autolink``, ``bare`` or ``footnote``.
    """

    span: Span
    text: Span
    url: str
    kind: str = "inline"


class Sentence(NamedTuple):
    """A sentence of a prose block."""

    span: Span
    block: int  # index into Document.blocks


class Section(NamedTuple):
    """A heading and the blocks up to the next heading (flat, any level).

    The preamble before the first heading is a section whose ``heading`` is
    None and whose ``title`` is empty.
    """

    title: str
    heading: Block | None
    span: Span
    blocks: tuple[Block, ...]

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0


class FrontMatter(NamedTuple):
    """YAML front matter: the raw span, the parsed keys, and item spans.

    ``items`` maps each key whose value is a list to the spans of its items,
    so rules can point at one entry.
    """

    span: Span
    data: dict[str, Any]
    items: dict[str, list[tuple[str, Span]]]


class ParsedText(NamedTuple):
    """What a parser returns: the pieces a :class:`Document` is built from."""

    blocks: list[Block]
    prose: str
    links: list[Link]
    comments: list[Span]
    front_matter: FrontMatter | None = None


class Document:
    """A parsed draft.

    Args:
        text: the decoded text, without a leading BOM.
        path: the path shown in diagnostics (``-`` or a stdin filename for stdin).
        format: ``markdown`` or ``text``.
        parsed: the parser's output.
        bom: whether the file started with a BOM (kept when fixes are written).
    """

    def __init__(
        self,
        text: str,
        path: str,
        format: str,
        parsed: ParsedText,
        *,
        bom: bool = False,
    ) -> None:
        self.text = text
        self.path = path
        self.format = format
        self.bom = bom
        self.blocks: list[Block] = parsed.blocks
        self.prose: str = parsed.prose
        self.links: list[Link] = parsed.links
        self.comments: list[Span] = parsed.comments
        self.front_matter: FrontMatter | None = parsed.front_matter
        self._derived: dict[Any, Any] = {}
        self._index: LineIndex | None = None
        self._block_starts = [b.span.start for b in self.blocks]

    def __repr__(self) -> str:
        return f"<Document {self.path!r} {self.format} {len(self.text)} chars>"

    # -- positions -------------------------------------------------------
    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def position(self, offset: int) -> Position:
        """Return the 1-based line and column (in code points) of ``offset``."""
        return self.index.position(offset)

    # -- text access -----------------------------------------------------
    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def prose_of(self, span: Span) -> str:
        """Return the prose view of ``span`` (masked parts are spaces)."""
        return self.prose[span.start : span.end]

    # -- derived facts, computed once per document --------------------------
    def derived(self, key: Any, factory: Callable[[Document], T]) -> T:
        """Return ``factory(self)``, computed once and shared by all rules.

        Rules that need the same analysis (an outlet lookup, the footer's
        entries) call this with the same key, so it is done once.
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = factory(self)
            return value

    def peek(self, key: Any, default: Any = None) -> Any:
        """Return the derived value for ``key`` if it was computed, else ``default``.

        Lets a summary report on an analysis the rules ran without paying
        for it when none of them did.
        """
        return self._derived.get(key, default)

    @property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body blocks (headings, code and HTML excluded)."""
        found = self._derived.get("sentences")
        if found is not None:  # most reads: no import statement to run
            return found
        from editlint.document.sentences import split_sentences

        return self.derived("sentences", split_sentences)

    @property
    def quotes(self) -> list[Span]:
        """Quoted-speech spans, quote marks included, sorted by start."""
        found = self._derived.get("quotes")
        if found is not None:
            return found
        from editlint.document.quotes import find_quotes

        return self.derived("quotes", find_quotes)

    @property
    def sections(self) -> list[Section]:
        """Sections split at every heading; the first may be a preamble."""
        return self.derived("sections", _sections)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    def block_at(self, offset: int) -> Block | None:
        """Return the block containing ``offset``, if any."""
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset <= self.blocks[i].span.end:
            return self.blocks[i]
        return None

    def in_quote(self, span: Span | int) -> bool:
        """Return True if ``span`` (or an offset) overlaps quoted speech."""
        if isinstance(span, int):
            span = Span(span, span + 1)
        quotes = self.quotes
        starts = self.derived("quote_starts", lambda d: [q.start for q in d.quotes])
        i = bisect_right(starts, span.start) - 1
        if i >= 0 and quotes[i].end > span.start:
            return True
        return i + 1 < len(quotes) and quotes[i + 1].start < span.end

    def sentences_in(self, span: Span) -> Iterator[Sentence]:
        """Yield the sentences that overlap ``span``."""
        sentences = self.sentences
        starts = self.derived("sentence_starts", lambda d: [s.span.start for s in d.sentences])
        i = max(0, bisect_right(starts, span.start) - 1)
        while i < len(sentences) and sentences[i].span.start < span.end:
            if sentences[i].span.end > span.start:
                yield sentences[i]
            i += 1


def _sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    current_heading: Block | None = None
    current_blocks: list[Block] = []
    start = 0

    def close(end: int) -> None:
        if current_heading is None and not current_blocks:
            return
        title = " ".join(doc.prose_of(current_heading.span).split()) if current_heading else ""
        sections.append(Section(title, current_heading, Span(start, end), tuple(current_blocks)))

    for block in doc.blocks:
        if block.kind == HEADING:
            close(block.span.start)
            current_heading, current_blocks, start = block, [], block.span.start
        elif block.kind != FRONT_MATTER:
            if not current_blocks and current_heading is None:
                start = block.span.start
            current_blocks.append(block)
    close(len(doc.text))
    return sections
