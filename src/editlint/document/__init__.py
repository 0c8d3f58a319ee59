"""The document model: parse a draft into spans, blocks and a prose view."""

from __future__ import annotations

from editlint.document.model import (
    BLOCKQUOTE,
    BODY_KINDS,
    CODE,
    FRONT_MATTER,
    HEADING,
    HTML,
    LIST_ITEM,
    PARAGRAPH,
    PROSE_KINDS,
    TABLE,
    Block,
    Document,
    FrontMatter,
    Link,
    ParsedText,
    Section,
    Sentence,
)
from editlint.document.span import LineIndex, Position, Span

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})


def format_for(path: str) -> str:
    """Return ``markdown`` or ``text`` for a file name (Markdown by default)."""
    lowered = path.lower()
    if any(lowered.endswith(s) for s in TEXT_SUFFIXES):
        return "text"
    return "markdown"


def parse(text: str, path: str = "-", format: str | None = None, *, bom: bool | None = None) -> Document:
    """Parse ``text`` into a :class:`Document`.

    Args:
        text: the decoded draft. A leading BOM is removed and remembered.
        path: the path shown in diagnostics; it also picks the format.
        format: ``markdown`` or ``text``; by default chosen from ``path``.
        bom: force the BOM flag (when the caller already removed it).
    """
    has_bom = text.startswith("\ufeff")
    if has_bom:
        text = text[1:]
    fmt = format or format_for(path)
    if fmt == "text":
        from editlint.document.plaintext import parse_text

        parsed = parse_text(text)
    else:
        from editlint.document.markdown import parse_markdown

        parsed = parse_markdown(text)
    return Document(text, path, fmt, parsed, bom=has_bom if bom is None else bom)


__all__ = [
    "BLOCKQUOTE",
    "BODY_KINDS",
    "CODE",
    "FRONT_MATTER",
    "HEADING",
    "HTML",
    "LIST_ITEM",
    "PARAGRAPH",
    "PROSE_KINDS",
    "TABLE",
    "Block",
    "Document",
    "FrontMatter",
    "LineIndex",
    "Link",
    "ParsedText",
    "Position",
    "Section",
    "Sentence",
    "Span",
    "format_for",
    "parse",
]
