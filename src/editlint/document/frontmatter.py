"""YAML front matter at the top of a draft.

Drafts from a CMS often start with ``---`` front matter (title, byline,
``sources:``). editlint masks it from the prose view and reads the subset of
YAML that such headers use: ``key: value`` scalars, block lists
(``key:`` followed by ``- item`` lines) and flow lists (``key: [a, b]``).
Anything else is kept as its raw string; front matter is never an error.
"""

from __future__ import annotations

import re
from typing import Any

from editlint.document.model import FrontMatter
from editlint.document.span import Span

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_KEY = re.compile(r"([A-Za-z_][\w .-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*\r?$")


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    # a comment after a space ends a plain scalar
    hash_at = raw.find(" #")
    return raw[:hash_at].rstrip() if hash_at != -1 else raw


def parse_front_matter(text: str) -> FrontMatter | None:
    """Return the front matter at the very start of ``text``, or None.

    Unterminated front matter is not front matter (Markdown renders it as a
    thematic break followed by text), so it is left to the parser.
    """
    opening = _OPEN.match(text)
    if not opening:
        return None
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return None
    data: dict[str, Any] = {}
    items: dict[str, list[tuple[str, Span]]] = {}
    key: str | None = None
    pos = opening.end()
    for line in text[opening.end() : closing.start()].split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and key is not None and line[:1] in " \t-":
            value = _scalar(item.group(1))
            offset = line_start + item.start(1)
            data.setdefault(key, [])
            if isinstance(data[key], list):
                data[key].append(value)
                items.setdefault(key, []).append((value, Span(offset, offset + len(item.group(1)))))
            continue
        m = _KEY.match(line)
        if m and not line[:1].isspace():
            key = m.group(1).strip()
            raw = m.group(2) or ""
            if raw.startswith("[") and raw.endswith("]"):
                values = [_scalar(v) for v in raw[1:-1].split(",") if v.strip()]
                data[key] = values
                offset = line_start + m.start(2)
                items[key] = [(v, Span(offset, offset + len(raw))) for v in values]
            else:
                data[key] = _scalar(raw) if raw else []
        # other lines (nested mappings, multi-line scalars) are ignored
    for k, v in list(data.items()):
        if v == [] and k not in items:
            data[k] = ""
    return FrontMatter(Span(0, closing.end()), data, items)
