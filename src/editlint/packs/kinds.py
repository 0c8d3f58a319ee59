"""Rule kinds for declarative packs (to be completed: see issue 7)."""

from __future__ import annotations

from editlint.rule import Rule


class PackRule(Rule):
    """Base class of rules defined in pack files."""


BUILTIN_KINDS: dict[str, type[PackRule]] = {}
