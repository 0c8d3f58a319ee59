"""The ``existence`` kind: words, phrases or patterns that should not appear."""

from __future__ import annotations

from typing import Any, Iterator

from editlint.diagnostic import Diagnostic
from editlint.document import Document
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import (
    _CONTEXT_KEYS,
    Key,
    PackRule,
    _describe_matcher,
    _matcher,
    _shown,
)


class ExistenceRule(PackRule):
    """Flag words, phrases or patterns that should not appear."""

    kind = "existence"
    KEYS = (
        Key("tokens", "strings", (), doc="Words or phrases matched literally, as whole words."),
        Key("patterns", "strings", (), doc="Regular expressions (`regex` module syntax)."),
        *_CONTEXT_KEYS,
    )

    def setup(self, values: dict[str, Any]) -> None:
        self.matcher = _matcher(values, values["tokens"], values["patterns"])

    def flags(self) -> str:
        return _describe_matcher(self.values, self.values["tokens"], self.values["patterns"])

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        for m in self.matches(doc, self.matcher, _scopes.spans_of(doc, self.scopes), deadline):
            yield self.hit(doc, m.span, {"match": _shown(m.group())})
