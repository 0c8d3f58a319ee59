"""The ``substitution`` kind (a preferred form, with a fix) and ``repetition`` (doubled words)."""

from __future__ import annotations

import itertools
import operator
from typing import Any, Iterator

from editlint.diagnostic import Diagnostic, Fix
from editlint.document import Document
from editlint.document import words as _words
from editlint.packs import scopes as _scopes
from editlint.packs.kinds.base import (
    _CONTEXT_KEYS,
    _FIX_KEY_DOC,
    Key,
    PackRule,
    SpecError,
    _check_template,
    _describe_context,
    _matcher,
    _sentence_start,
    _shown,
    _trimmed,
    adjust_case,
)
from editlint.packs.patterns import (
    Shifted,
    compile_user,
)


class SubstitutionRule(PackRule):
    """Flag a form and suggest the preferred one, with a fix."""

    kind = "substitution"
    PLACEHOLDERS = ("match", "suggestion")
    KEYS = (
        Key("swap", "table", required=True, doc="A table of `\"form to flag\" = \"preferred form\"`."),
        Key("regex", "bool", False, doc="The `swap` keys are regular expressions; the values may use `\\1` or `\\g<name>`."),
        Key("fix", "string", "safe", doc=_FIX_KEY_DOC, choices=("safe", "unsafe", "none")),
        *_CONTEXT_KEYS,
    )

    def setup(self, values: dict[str, Any]) -> None:
        swap: dict[str, str] = values["swap"]
        if not swap:
            raise SpecError("swap", "'swap' is empty: give at least one \"form\" = \"preferred\" pair")
        if values["regex"]:
            self.matcher = _matcher(values, (), list(swap), patterns_key="swap")
            self.keys = []
            for key, template in swap.items():
                compiled = compile_user(key, values["ignore-case"], values["engine"])
                _check_template(key, template, compiled)
                self.keys.append((compiled, template))
        else:
            self.matcher = _matcher(values, list(swap), (), tokens_key="swap")
            self.lookup = {self.normalize(k): v for k, v in swap.items()}

    def flags(self) -> str:
        pairs = ", ".join(f"`{k}` → `{v}`" for k, v in list(self.values["swap"].items())[:12])
        more = " …" if len(self.values["swap"]) > 12 else ""
        how = "patterns" if self.values["regex"] else "words or phrases (whole words)"
        case = ", ignoring case" if self.ignore_case else ""
        return f"These {how}{case}, with the preferred form: {pairs}{more}." + _describe_context(self.values)

    def fix_safety(self) -> str:
        grade = self.values["fix"]
        if grade == "none":
            return ""
        return (
            f"The fix replaces the match with the preferred form and is marked {grade}. "
            "Case is kept (a capitalised match gets a capitalised suggestion) and a suggestion "
            "at the start of a sentence is capitalised. Fixes never touch quoted speech."
        )

    def suggestion_for(self, m: Shifted) -> str | None:
        if not self.values["regex"]:
            return self.lookup.get(self.normalize(m.group()))
        piece, pos, end = m.m.string, m.m.start(), m.m.end()
        for compiled, template in self.keys:
            km = compiled.match(piece, pos)
            if km is not None and km.end() == end:
                return km.expand(template)
        return None

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        grade = self.values["fix"]
        for m in self.matches(doc, self.matcher, _scopes.spans_of(doc, self.scopes), deadline):
            found = m.group()
            suggestion = self.suggestion_for(m)
            if suggestion is None:
                continue
            suggestion = adjust_case(found, suggestion, self.ignore_case, _sentence_start(doc.prose, m.lower, m.start()))
            if suggestion == found:
                continue
            fix = None if grade == "none" else Fix.replace(m.span, suggestion, safe=grade == "safe", title=f"Replace with '{suggestion}'")
            yield self.hit(doc, _trimmed(m.span, found), {"match": _shown(found), "suggestion": suggestion}, fix)


# -- repetition ------------------------------------------------------------------------

# A word followed by its copy: letters only, after white space, and the copy
# not followed by a word character, apostrophe or hyphen. The copy may differ
# in the case of its first letter ("The the"); without ignore-case the guard
# leaves a capitalised copy alone ("Bora Bora", "Sirhan Sirhan": names). The
# pattern starts at the white space before the word, so re only tries it at
# spaces; the possessive `*+` and `++` give back nothing that could match.
_REPEATED = r"(\s)([^\W\d_])([^\W\d_]*+)\s++{guard}(?i:\2)\3(?![\w’\x27-])"
_NOT_CAPITALISED = r"(?=[^\W\d_A-Z])"


class RepetitionRule(SubstitutionRule):
    """Flag a word written twice in a row ("the the"), with a fix that deletes the copy.

    It runs as a substitution rule with a built-in pattern (on ``re``), after
    one cheap test on the document's word index (:mod:`editlint.document.words`):
    a draft where no word follows a copy of itself is not searched at all.
    """

    kind = "repetition"
    KEYS = (Key("fix", "string", "safe", doc=_FIX_KEY_DOC, choices=("safe", "unsafe", "none")),)

    def setup(self, values: dict[str, Any]) -> None:
        guard = "" if values["ignore-case"] else _NOT_CAPITALISED
        values.update(swap={_REPEATED.format(guard=guard): r"\1\2\3"}, regex=True, engine="re")
        super().setup(values)

    def flags(self) -> str:
        case = (
            "in any case" if self.ignore_case
            else "differing at most in the case of its first letter; a capitalised copy (\"Bora Bora\") is a name and is left alone"
        )
        return (
            "A word followed by a copy of itself, separated only by white space (\"the the\", \"The the\"): "
            f"words of letters, the first after white space, the copy {case}, and not followed by a letter, "
            "digit, apostrophe or hyphen." + _describe_context(self.values)
        )

    def fix_safety(self) -> str:
        grade = self.values["fix"]
        if grade == "none":
            return ""
        return f"The fix deletes the copy and the white space before it, and is marked {grade}. Fixes never touch quoted speech."

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        index = _words.letter_words(doc)
        if index is not None:
            # Two neighbouring words alike, then (rarely) the finer test:
            # most drafts never reach the pattern.
            if not any(map(operator.eq, index.words, itertools.islice(index.words, 1, None))):
                return
            if not _words.may_repeat(doc.prose):
                return
        yield from super().run(doc, deadline)
