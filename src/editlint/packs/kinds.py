"""Rule kinds for declarative packs.

A pack file names its kind with ``extends``; the kind's class reads and
validates the file's keys, compiles its patterns once, and checks
documents. The built-in kinds are ``existence``, ``substitution``,
``repetition``, ``occurrence``, ``consistency``, ``conditional`` and ``metric``; plugins add
kinds through the ``editlint_rule_kinds`` hook by subclassing
:class:`PackRule` (declare :attr:`PackRule.KEYS`, implement
:meth:`PackRule.setup`, :meth:`PackRule.run` and :meth:`PackRule.flags`).

Every kind accepts the common keys in :data:`COMMON_KEYS`; the rule's
documentation (``editlint explain CODE``) is generated from them.
"""

from __future__ import annotations

import ast
import bisect
import itertools
import math
import operator
import re
import string
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator, Mapping, Sequence

from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Document, Span
from editlint.document import words as _words
from editlint.errors import did_you_mean
from editlint.packs import literals as _literals
from editlint.packs import scopes as _scopes
from editlint.packs.patterns import Matcher, PatternError, Shifted, compile_user, timed_finditer, trusted_patterns
from editlint.rule import Rule

#: Top-level setting: seconds a pack rule's patterns may run on one document.
TIMEOUT_SETTING = "pack-regex-timeout"
DEFAULT_TIMEOUT = 1.0


class SpecError(ValueError):
    """A key of a rule file is invalid. ``needle`` helps find its line."""

    def __init__(self, key: str, message: str, needle: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.needle = needle


@dataclass(frozen=True)
class Key:
    """One key of a rule file: its type, default and documentation.

    ``type`` is one of ``string``, ``bool``, ``int``, ``number``,
    ``strings`` (a list of strings), ``table`` (string keys to string
    values), ``rows`` (a list of lists of strings) or ``scope`` (a scope
    name or a list of them).
    """

    name: str
    type: str
    default: Any = None
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()


_TYPE_NAMES = {
    "string": "a string",
    "bool": "true or false",
    "int": "an integer",
    "number": "a number",
    "strings": "a list of strings",
    "table": "a table of strings",
    "rows": "a list of lists of strings",
    "scope": "a scope name or a list of them",
}

COMMON_KEYS: tuple[Key, ...] = (
    Key("code", "string", required=True, doc="The rule's code: two to four capitals and three digits (`DSK001`)."),
    Key("name", "string", required=True, doc="The rule's kebab-case slug (`banned-words`)."),
    Key("extends", "string", required=True, doc="The kind of rule: `existence`, `substitution`, `repetition`, `occurrence`, `consistency`, `conditional`, `metric`, or a kind added by a plugin."),
    Key("message", "string", required=True, doc="The diagnostic message; `{match}` and the kind's other placeholders are filled in."),
    Key("summary", "string", doc="One line for `editlint rules` and the top of `editlint explain` (default: the first sentence of `description`)."),
    Key("severity", "string", "warning", doc="`error`, `warning` or `info`.", choices=("error", "warning", "info")),
    Key("scope", "scope", None, doc="Where the rule looks (see Scopes); one name or a list."),
    Key("ignore-case", "bool", False, doc="Match tokens and patterns case-insensitively."),
    Key("engine", "string", "regex", doc="`regex` (default: the `regex` module, stopped by `pack-regex-timeout`) or `re` (the standard library: faster on simple patterns, no timeout, no `\\p{…}`; only for patterns you trust).", choices=("regex", "re")),
    Key("exceptions", "strings", (), doc="Matches to leave alone, compared with the matched text (case-insensitively with `ignore-case`)."),
    Key("skip-quotes", "bool", True, doc="Leave quoted speech alone: matches inside quotation marks are not reported or counted."),
    Key("enabled", "bool", True, doc="`false` makes the rule off by default (run it with `--extend-select CODE`)."),
    Key("help", "string", doc="A line shown under the diagnostic (`help:`); placeholders work as in `message`."),
    Key("description", "string", doc="Why it matters: the `## Why it matters` section of the rule's documentation."),
    Key("example", "string", doc="A draft excerpt the rule flags: the `## Example` section."),
    Key("use-instead", "string", doc="The corrected excerpt or advice: the `## Use instead` section."),
    Key("limitations", "string", doc="Known false positives or gaps: the `## Known limitations` section."),
    Key("link", "string", doc="A style-guide or reference URL, shown in the documentation and in JSON output."),
)
_CONTEXT_KEYS = (
    Key("not-preceded-by", "strings", (), doc="Patterns that must not end right before a match (a lookbehind; no capturing groups)."),
    Key("not-followed-by", "strings", (), doc="Patterns that must not start right after a match (a lookahead; no capturing groups)."),
)
_FIX_KEY_DOC = "`safe` (applied by `--fix`), `unsafe` (needs `--unsafe-fixes`) or `none`."


class PackRule(Rule):
    """Base class of rules defined in pack files.

    Subclasses set :attr:`kind`, :attr:`KEYS` (their own keys),
    :attr:`PLACEHOLDERS` (what ``message`` may interpolate) and implement
    :meth:`setup` (validate and compile, raising :class:`SpecError`),
    :meth:`run` (yield diagnostics) and :meth:`flags` (the "What it flags"
    text).
    """

    kind: ClassVar[str] = ""
    KEYS: ClassVar[tuple[Key, ...]] = ()
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)
    DEFAULT_SCOPE: ClassVar[str] = "document"
    options = {"extend-exceptions": []}

    def __init__(self, spec: Mapping[str, Any], path: Path | str | None = None) -> None:
        super().__init__()
        self.path = Path(path) if path else None
        values = self.validate(spec)
        self.values = values
        self.code = values["code"]
        self.name = values["name"]
        self.severity = Severity.parse(values["severity"])
        self.message = values["message"]
        self.help_template = values["help"]
        scope = values["scope"] or self.DEFAULT_SCOPE
        self.scopes: tuple[str, ...] = (scope,) if isinstance(scope, str) else tuple(scope)
        self.ignore_case: bool = values["ignore-case"]
        self.skip_quoted: bool = values["skip-quotes"]
        self.default_enabled = values["enabled"]
        # Quoted speech is handled here, match by match, not by the engine's
        # span-overlap policy: a paragraph-level finding must not be dropped
        # because the paragraph contains a quotation.
        self.skip_quotes = False
        if trusted_patterns.active:
            # a bundled rule (see trusted_patterns): set up on first use, so
            # rules a draft never reaches cost nothing at start-up
            self._pending_setup = values
        else:
            self.setup(values)

    def _ready(self) -> None:
        """Run a deferred :meth:`setup` (bundled rules set up on first use)."""
        values = self.__dict__.pop("_pending_setup", None)
        if values is not None:
            with trusted_patterns():
                self.setup(values)

    def prepare(self) -> None:
        self._ready()

    # -- reading the file -----------------------------------------------------
    @classmethod
    def all_keys(cls) -> tuple[Key, ...]:
        return COMMON_KEYS + cls.KEYS

    def validate(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        """Check keys, types and choices; return values with defaults."""
        keys = {k.name: k for k in self.all_keys()}
        for name in spec:
            if name not in keys:
                raise SpecError(name, f"unknown key {name!r} for kind {self.kind!r}{did_you_mean(name, keys)}")
        values: dict[str, Any] = {}
        for key in keys.values():
            if key.name not in spec:
                if key.required:
                    raise SpecError(key.name, f"missing required key {key.name!r}")
                values[key.name] = key.default
                continue
            values[key.name] = _check_type(key, spec[key.name])
        code, name = values["code"], values["name"]
        if not re.fullmatch(r"[A-Z]{2,4}\d{3}", code):
            raise SpecError("code", f"invalid code {code!r} (expected two to four capitals and three digits, e.g. 'DSK001')")
        if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
            raise SpecError("name", f"invalid name {name!r} (expected kebab-case, e.g. 'banned-words')")
        scope = values["scope"]
        for s in [scope] if isinstance(scope, str) else scope or ():
            if s not in _scopes.SCOPES:
                raise SpecError("scope", f"unknown scope {s!r}{did_you_mean(s, _scopes.SCOPES)}", s)
        for field in ("message", "help"):
            if values[field] is not None:
                self._check_placeholders(field, values[field])
        return values

    def _check_placeholders(self, key: str, template: str) -> None:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            raise SpecError(key, f"invalid {key}: {exc} (write '{{{{' for a literal brace)") from None
        for f in fields:
            if f not in self.PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in self.PLACEHOLDERS)
                raise SpecError(key, f"unknown placeholder {{{f}}} in {key}{did_you_mean(f, self.PLACEHOLDERS)}; {self.kind} rules know {allowed}", "{" + f)

    def setup(self, values: dict[str, Any]) -> None:
        """Validate and compile the kind's own keys (raise :class:`SpecError`)."""

    # -- documentation ----------------------------------------------------------
    def flags(self) -> str:
        """The "What it flags" text (Markdown)."""
        return f"Matches of this {self.kind} rule."

    def fix_safety(self) -> str:
        """The "Fix safety" text, or an empty string when the rule never fixes."""
        return ""

    def documentation(self) -> str:
        self._ready()
        v = self.values
        summary = v["summary"] or _first_sentence(v["description"] or "") or _strip_placeholders(self.message)
        where = ", ".join(f"`{s}`" for s in self.scopes)
        what = self.flags().rstrip() + f"\n\nScope: {where}."
        if self.skip_quoted:
            what += " Quoted speech is skipped."
        parts = [summary, "", "## What it flags", what]
        if v["description"]:
            parts += ["", "## Why it matters", v["description"].strip()]
        if v["example"]:
            parts += ["", "## Example", _fenced(v["example"])]
        if v["use-instead"]:
            parts += ["", "## Use instead", _fenced(v["use-instead"])]
        parts += [
            "",
            "## Options",
            "- `extend-exceptions` (list of strings, default `[]`): more matches to leave alone, "
            "added to the rule file's `exceptions`.",
        ]
        if v["limitations"]:
            parts += ["", "## Known limitations", v["limitations"].strip()]
        safety = self.fix_safety()
        if safety:
            parts += ["", "## Fix safety", safety]
        if v["link"]:
            parts += ["", "## See also", v["link"]]
        origin = f" in `{_display_path(self.path)}`" if self.path else ""
        parts += ["", f"Defined{origin} (kind `{self.kind}`)."]
        return "\n".join(parts)

    # -- checking ---------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if "_pending_setup" in self.__dict__:
            self._ready()
        timeout = self.settings.get(TIMEOUT_SETTING, DEFAULT_TIMEOUT)
        return self.run(doc, time.monotonic() + float(timeout))

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        """Yield diagnostics; patterns must stop at ``deadline`` (monotonic)."""
        raise NotImplementedError

    # -- helpers for kinds --------------------------------------------------------
    def normalize(self, text: str) -> str:
        text = " ".join(text.split())
        return text.casefold() if self.ignore_case else text

    def excepted(self, text: str) -> bool:
        exceptions = self.__dict__.get("_exceptions")
        if exceptions is None:
            raw = [*self.values["exceptions"], *self.opt("extend-exceptions")]
            exceptions = self._exceptions = {self.normalize(e) for e in raw}
        return bool(exceptions) and self.normalize(text) in exceptions

    def matches(self, doc: Document, matcher: Matcher, spans: Sequence[Span], deadline: float) -> Iterator[Shifted]:
        """Matches of ``matcher`` in ``spans`` minus exceptions and (maybe) quotes."""
        check_quotes = self.skip_quoted and bool(doc.quotes)
        for m in matcher.finditer(doc.prose, spans, deadline):
            if check_quotes and doc.in_quote(m.span):
                continue
            if self.excepted(m.group()):
                continue
            yield m

    def hit(self, doc: Document, span: Span, values: Mapping[str, Any], fix: Fix | None = None) -> Diagnostic:
        """A diagnostic with the message (and help) filled in from ``values``."""
        data = {"kind": self.kind}
        if self.values["link"]:
            data["link"] = self.values["link"]
        help_text = self.help_template.format_map(_Values(values)) if self.help_template else None
        return self.diagnostic(doc, span, self.message.format_map(_Values(values)), fix=fix, help=help_text, data=data)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# -- existence ------------------------------------------------------------------------


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


# -- substitution ------------------------------------------------------------------------


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


# -- occurrence ------------------------------------------------------------------------


class OccurrenceRule(PackRule):
    """Flag a scope where a pattern occurs too often or too rarely."""

    kind = "occurrence"
    PLACEHOLDERS = ("count", "max", "min", "match")
    DEFAULT_SCOPE = "sentence"
    KEYS = (
        Key("tokens", "strings", (), doc="Words or phrases to count, matched literally as whole words."),
        Key("patterns", "strings", (), doc="Regular expressions to count."),
        Key("max", "int", None, doc="Flag a unit with more than this many matches."),
        Key("min", "int", None, doc="Flag a unit with fewer than this many matches."),
        *_CONTEXT_KEYS,
    )

    def setup(self, values: dict[str, Any]) -> None:
        lo, hi = values["min"], values["max"]
        if lo is None and hi is None:
            raise SpecError("extends", "an occurrence rule needs 'max', 'min' or both")
        for key in ("min", "max"):
            if values[key] is not None and values[key] < 0:
                raise SpecError(key, f"'{key}' must not be negative (got {values[key]})")
        if lo is not None and hi is not None and lo > hi:
            raise SpecError("min", f"'min' ({lo}) is greater than 'max' ({hi})")
        self.matcher = _matcher(values, values["tokens"], values["patterns"])

    def flags(self) -> str:
        lo, hi = self.values["min"], self.values["max"]
        bounds = " and ".join(b for b in (f"more than {hi}" if hi is not None else "", f"fewer than {lo}" if lo is not None else "") if b)
        unit = ", ".join(f"`{s}`" for s in self.scopes)
        return (
            f"A {unit} unit with {bounds} matches of: "
            + _describe_matcher(self.values, self.values["tokens"], self.values["patterns"])
            + " A single-block unit (a sentence, paragraph, heading…) is flagged whole; in a "
            "multi-block unit (`document`, `body`, `footer`) the first match over the maximum is "
            "flagged, or the unit's first block when there are too few."
        )

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        lo, hi = self.values["min"], self.values["max"]
        multi = any(s in _scopes.MULTI_BLOCK for s in self.scopes)
        for unit in _scopes.units(doc, self.scopes):
            found = list(self.matches(doc, self.matcher, unit, deadline))
            count = len(found)
            values = {"count": count, "max": hi, "min": lo, "match": ""}
            if hi is not None and count > hi:
                excess = found[hi]
                values["match"] = _shown(excess.group())
                span = excess.span if multi else _unit_span(unit)
                yield self.hit(doc, span, values)
            elif lo is not None and count < lo:
                yield self.hit(doc, unit[0], values)


# -- consistency ------------------------------------------------------------------------


class ConsistencyRule(PackRule):
    """Flag the minority spelling when a draft mixes variants."""

    kind = "consistency"
    PLACEHOLDERS = ("match", "preferred", "variant", "majority", "count")
    KEYS = (
        Key("variants", "strings", required=True, doc="Names of the variants, e.g. `[\"British\", \"American\"]`."),
        Key("forms", "rows", required=True, doc="Rows of equivalent forms, one per variant in `variants` order; `\"\"` where a variant has none."),
        Key("regex", "bool", False, doc="The forms are regular expressions (then no fix is offered)."),
        Key("fix", "string", "unsafe", doc=_FIX_KEY_DOC, choices=("safe", "unsafe", "none")),
    )

    def setup(self, values: dict[str, Any]) -> None:
        variants: list[str] = values["variants"]
        rows: list[list[str]] = values["forms"]
        if len(variants) < 2 or len(set(variants)) != len(variants):
            raise SpecError("variants", "'variants' needs two or more distinct names")
        if not rows:
            raise SpecError("forms", "'forms' is empty")
        for i, row in enumerate(rows):
            if len(row) != len(variants):
                raise SpecError("forms", f"row {i + 1} of 'forms' has {len(row)} forms for {len(variants)} variants", _needle(row))
        cells = [(r, v, cell) for r, row in enumerate(rows) for v, cell in enumerate(row) if cell]
        self.rows = rows
        self.variants = variants
        # run() scans only units where two variants may occur, which the
        # per-variant needles settle: the matcher needs no prefilter of its own.
        self._cells = cells
        # Prefilters, computed on first use: needles per variant, and the
        # variants looked up in the document's word index.
        self._needles: dict[int, list[str] | None] = {}
        self._plans: dict[int, tuple | None] = {}
        self._word_variants: dict[bytes, set[int]] | None = None
        self._by_words: set[int] = set()
        if values["regex"]:
            self.matcher = _matcher(values, (), [cell for _, _, cell in cells], patterns_key="forms", prefilter=False)
            self.cells = [(compile_user(cell, values["ignore-case"], values["engine"]), r, v) for r, v, cell in cells]
        else:
            self.index: dict[str, tuple[int, list[int]]] = {}
            for r, v, cell in cells:
                key = self.normalize(cell)
                variant, found_rows = self.index.setdefault(key, (v, []))
                if variant != v:
                    raise SpecError("forms", f"{cell!r} is listed under two variants ({variants[variant]!r} and {variants[v]!r})", cell)
                found_rows.append(r)
            self.matcher = _matcher(values, list(dict.fromkeys(cell for _, _, cell in cells)), (), tokens_key="forms", prefilter=False)

    def flags(self) -> str:
        names = " / ".join(self.variants)
        sample = "; ".join(" / ".join(f"`{c}`" for c in row if c) for row in self.rows[:8])
        more = " …" if len(self.rows) > 8 else ""
        return (
            f"A draft that mixes variants ({names}): the variant used most in each scope unit wins "
            f"(on a tie, the one used first) and every use of another variant is flagged. "
            f"Forms: {sample}{more}."
        )

    def fix_safety(self) -> str:
        if self.values["regex"] or self.values["fix"] == "none":
            return ""
        return (
            f"The fix replaces the form with its counterpart in the majority variant and is marked "
            f"{self.values['fix']}: the majority is not always the house choice."
        )

    def classify(self, m: Shifted) -> tuple[int, int | None]:
        """Return ``(variant, row)`` of a match (row None when ambiguous)."""
        if not self.values["regex"]:
            variant, rows = self.index[self.normalize(m.group())]
            return variant, rows[0] if len(rows) == 1 else None
        piece, pos, end = m.m.string, m.m.start(), m.m.end()
        for compiled, r, v in self.cells:
            cm = compiled.match(piece, pos)
            if cm is not None and cm.end() == end:
                return v, r
        return -1, None  # pragma: no cover - the alternation matched one of them

    def _forms_of(self, variant: int) -> list[str]:
        return [cell for _, w, cell in self._cells if w == variant]

    def variant_needles(self) -> list[list[str] | None]:
        """Per variant, strings one of which each of its forms contains (None: unknown)."""
        return [self._needles_of(variant) for variant in range(len(self.variants))]

    def _needles_of(self, variant: int) -> list[str] | None:
        if variant not in self._needles:
            forms = self._forms_of(variant)
            if self.values["regex"]:
                needles = _literals.combine(_literals.pattern_needles(f, engine=self.values["engine"], ignore_case=self.ignore_case) for f in forms)
            else:
                needles = _literals.token_needles(forms, self.ignore_case) if forms else []
            self._needles[variant] = needles
            self._plans[variant] = None if needles is None else _literals.prepare(needles)
        return self._needles[variant]

    def _word_lookup(self) -> dict[bytes, set[int]]:
        """Plain words of the long variants and the variants they belong to."""
        if self._word_variants is None:
            # Long lists of plain words are looked up in the document's word
            # index instead of searched for: one pass over its words, however
            # long the lists.
            self._word_variants = {}
            if not self.values["regex"]:
                for variant in range(len(self.variants)):
                    forms = self._forms_of(variant)
                    plain = [_words.plain_word(f) for f in forms] if len(forms) > _literals.MAX_NEEDLES else [None]
                    if all(plain):
                        self._by_words.add(variant)
                        for word in plain:
                            self._word_variants.setdefault(word, set()).add(variant)
        return self._word_variants

    def _mixed(self, doc: Document, prose: str, unit: tuple[Span, ...]) -> bool:
        """False when at most one variant can occur in ``unit``: nothing to report there."""
        lo, hi = unit[0].start, unit[-1].end
        lookup = self._word_lookup()
        found: set[int] | None = None
        if lookup:
            index = _words.letter_words(doc)
            if index is not None:  # the words of the whole draft: a superset of the unit's
                found = set()
                for word in lookup.keys() & index.words:
                    found |= lookup[word]
        present = 0
        for variant in range(len(self.variants)):
            if found is not None and variant in self._by_words:
                hit = variant in found
            else:
                self._needles_of(variant)
                plan = self._plans[variant]
                hit = plan is None or not _literals.absent(prose, plan, lo, hi)
            if hit:
                present += 1
                if present > 1:
                    return True
        return False

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        grade = self.values["fix"]
        prose = doc.prose
        for unit in _scopes.units(doc, self.scopes):
            # Most drafts use one variant only: a few str.find calls settle it.
            if not self._mixed(doc, prose, unit):
                continue
            found = [(m, *self.classify(m)) for m in self.matches(doc, self.matcher, unit, deadline)]
            counts: dict[int, int] = {}
            for _, v, _ in found:
                counts[v] = counts.get(v, 0) + 1
            if len(counts) < 2:
                continue
            first_use = {}
            for i, (_, v, _) in enumerate(found):
                first_use.setdefault(v, i)
            winner = max(counts, key=lambda v: (counts[v], -first_use[v]))
            for m, v, r in found:
                if v == winner:
                    continue
                counterpart = self.rows[r][winner] if r is not None else ""
                values = {
                    "match": _shown(m.group()),
                    "preferred": counterpart or self.variants[winner],
                    "variant": self.variants[v],
                    "majority": self.variants[winner],
                    "count": counts[winner],
                }
                fix = None
                if counterpart and not self.values["regex"] and grade != "none":
                    suggestion = adjust_case(m.group(), counterpart, self.ignore_case, False)
                    fix = Fix.replace(m.span, suggestion, safe=grade == "safe", title=f"Replace with '{suggestion}'")
                yield self.hit(doc, m.span, values, fix)


# -- conditional ------------------------------------------------------------------------


class ConditionalRule(PackRule):
    """If one pattern appears, another must too (e.g. an acronym's definition)."""

    kind = "conditional"
    PLACEHOLDERS = ("match", "key")
    KEYS = (
        Key("if", "string", required=True, doc="The pattern that needs something else; its first group, if any, is the key."),
        Key("then", "string", required=True, doc="The pattern that must also appear; with a group, it must capture the same key."),
        Key("before", "bool", True, doc="The `then` match must come before the `if` match (defined before use)."),
    )

    def setup(self, values: dict[str, Any]) -> None:
        for key in ("if", "then"):
            try:
                compiled = compile_user(values[key], values["ignore-case"])  # always timed
            except PatternError as exc:
                raise SpecError(key, str(exc), values[key]) from None
            if compiled.fullmatch("") is not None:
                raise SpecError(key, f"pattern {values[key]!r} matches the empty string", values[key])
            setattr(self, f"{key}_re", compiled)
        self.keyed = self.if_re.groups > 0
        if self.keyed and self.then_re.groups == 0:
            raise SpecError("then", "'if' captures a key, so 'then' must capture it too (add a group)", values["then"])

    def flags(self) -> str:
        v = self.values
        order = " earlier in the same unit" if v["before"] else " in the same unit"
        if self.keyed:
            return (
                f"Each key captured by `{v['if']}` that is not captured by `{v['then']}`{order}. "
                "Only the first use of each key is flagged; matches of `if` inside a `then` match "
                "(the definition itself) do not count."
            )
        return f"`{v['if']}` when `{v['then']}` does not appear{order}. Only the first match is flagged."

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        check_quotes = self.skip_quoted and bool(doc.quotes)
        for unit in _scopes.units(doc, self.scopes):
            defined: dict[str | None, int] = {}
            then_spans: list[Span] = []
            for span in unit:
                for m in timed_finditer(self.then_re, doc.prose, span, deadline):
                    then_spans.append(m.span)
                    key = self.normalize(m.group(1) or "") if self.keyed else None
                    defined.setdefault(key, m.start())
            then_starts = [s.start for s in then_spans]
            reported: set[str | None] = set()
            for span in unit:
                for m in timed_finditer(self.if_re, doc.prose, span, deadline):
                    if _overlaps(then_spans, then_starts, m.span):
                        continue
                    if check_quotes and doc.in_quote(m.span):
                        continue
                    key = self.normalize(m.group(1) or "") if self.keyed else None
                    if key in reported or self.excepted(m.group(1) if self.keyed else m.group()):
                        continue
                    where = defined.get(key)
                    if where is not None and (not self.values["before"] or where < m.start()):
                        continue
                    reported.add(key)
                    shown = m.group(1) if self.keyed else m.group()
                    yield self.hit(doc, m.span, {"match": _shown(m.group()), "key": _shown(shown or "")})


# -- metric ------------------------------------------------------------------------


#: Variables a metric formula may use.
METRIC_VARIABLES = {
    "words": "words",
    "sentences": "sentences (a heading or list item without end punctuation counts as one)",
    "characters": "letters and digits",
    "letters": "letters",
    "syllables": "syllables (textstat's count: the CMU dictionary, with hyphenation for unknown words)",
    "polysyllables": "words of three or more syllables",
    "long_words": "words of seven letters or more",
    "flesch_kincaid_grade": "Flesch–Kincaid grade level",
    "flesch_reading_ease": "Flesch reading ease (higher is easier)",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG grade",
    "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "automated readability index",
}
_FUNCTIONS = {"min": min, "max": max, "abs": abs, "sqrt": math.sqrt}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.Pow: operator.pow}
_CONDITION = re.compile(r"\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*")
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}


class MetricRule(PackRule):
    """Compute a formula over a scope's counts and flag units where a condition holds."""

    kind = "metric"
    PLACEHOLDERS = ("value", "condition", "words", "sentences")
    DEFAULT_SCOPE = "paragraph"
    KEYS = (
        Key("formula", "string", required=True, doc="An arithmetic expression over the metric variables (`+ - * / **`, numbers, `min`, `max`, `abs`, `sqrt`)."),
        Key("condition", "string", required=True, doc="When to flag: a comparison with a number, e.g. `\"> 12\"`."),
        Key("min-words", "int", 0, doc="Skip units with fewer words (short paragraphs give noisy scores)."),
    )

    def setup(self, values: dict[str, Any]) -> None:
        try:
            tree = ast.parse(values["formula"], mode="eval")
        except SyntaxError as exc:
            raise SpecError("formula", f"invalid formula: {exc.msg}") from None
        self.names: set[str] = set()
        _check_formula(tree.body, self.names)
        self.tree = tree.body
        m = _CONDITION.fullmatch(values["condition"])
        if not m:
            raise SpecError("condition", f"invalid condition {values['condition']!r} (expected e.g. '> 12' or '<= 0.5')")
        self.compare, self.limit = _COMPARE[m.group(1)], float(m.group(2))

    def flags(self) -> str:
        v = self.values
        return f"A unit where `{v['formula']}` is `{v['condition'].strip()}`" + (
            f" (units under {v['min-words']} words are skipped)." if v["min-words"] else "."
        )

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        from editlint.rules.readability import unit_stats

        for unit in _scopes.units(doc, self.scopes):
            stats = unit_stats(doc, unit, skip_quotes=self.skip_quoted, names=self.names)
            if stats["words"] == 0 or stats["words"] < self.values["min-words"]:
                continue
            try:
                value = _evaluate(self.tree, stats)
            except (ZeroDivisionError, OverflowError, ValueError):
                continue
            if self.compare(value, self.limit):
                values = {"value": f"{value:.1f}", "condition": self.values["condition"].strip(), "words": stats["words"], "sentences": stats["sentences"]}
                yield self.hit(doc, _unit_span(unit), values)


def _check_formula(node: ast.AST, names: set[str]) -> None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return
    if isinstance(node, ast.Name):
        if node.id not in METRIC_VARIABLES:
            raise SpecError("formula", f"unknown variable {node.id!r} in formula{did_you_mean(node.id, METRIC_VARIABLES)}", node.id)
        names.add(node.id)
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        _check_formula(node.left, names)
        _check_formula(node.right, names)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        _check_formula(node.operand, names)
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS and not node.keywords:
        for arg in node.args:
            _check_formula(arg, names)
        return
    raise SpecError("formula", f"unsupported expression in formula: {ast.unparse(node)!r} (use numbers, variables, + - * / ** and min/max/abs/sqrt)")


def _evaluate(node: ast.AST, env: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(env[node.id])
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.UnaryOp):
        value = _evaluate(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call):
        return float(_FUNCTIONS[node.func.id](*(_evaluate(a, env) for a in node.args)))
    raise ValueError(node)  # pragma: no cover - rejected by _check_formula


# -- shared helpers ------------------------------------------------------------------------


def adjust_case(found: str, suggestion: str, ignore_case: bool, sentence_start: bool) -> str:
    """Give ``suggestion`` the capitalisation the context needs.

    With ``ignore_case``, an all-capitals match gets an all-capitals
    suggestion and a capitalised match a capitalised one; at the start of a
    sentence a lower-case suggestion is capitalised (Typerighter's approach,
    so rules need no capitalised duplicates).
    """
    if not suggestion:
        return suggestion
    if ignore_case and suggestion.islower():
        if len(found) > 1 and found.isupper():
            return suggestion.upper()
        if found[:1].isupper():
            return suggestion[0].upper() + suggestion[1:]
    if sentence_start and suggestion[0].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


_OPENERS = "\"'“‘([«"


def _sentence_start(prose: str, lower: int, pos: int) -> bool:
    """True if ``pos`` starts a sentence (nothing but openers since ``lower`` or an end mark)."""
    i = pos - 1
    while i >= lower and (prose[i].isspace() or prose[i] in _OPENERS):
        i -= 1
    return i < lower or prose[i] in ".!?…"


def _overlaps(spans: list[Span], starts: list[int], span: Span) -> bool:
    i = bisect.bisect_right(starts, span.start) - 1
    if i >= 0 and spans[i].end > span.start:
        return True
    return i + 1 < len(spans) and spans[i + 1].start < span.end


def _trimmed(span: Span, text: str) -> Span:
    """``span`` without the white space a pattern matched at its edges (the fix keeps it)."""
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if lead + trail >= len(text):
        return span
    return Span(span.start + lead, span.end - trail)


def _unit_span(unit: tuple[Span, ...]) -> Span:
    return Span(unit[0].start, unit[-1].end) if len(unit) > 1 else unit[0]


def _shown(text: str) -> str:
    return " ".join(text.split())


def _needle(row: Sequence[str]) -> str | None:
    return next((c for c in row if c), None)


def _matcher(values, tokens, patterns, *, tokens_key: str = "tokens", patterns_key: str = "patterns", prefilter: bool = True) -> Matcher:
    """Build a :class:`Matcher`, turning pattern errors into :class:`SpecError`."""
    try:
        return Matcher(
            tokens,
            patterns,
            ignore_case=values["ignore-case"],
            not_preceded_by=values.get("not-preceded-by", ()),
            not_followed_by=values.get("not-followed-by", ()),
            engine=values["engine"],
            prefilter=prefilter,
        )
    except PatternError as exc:
        key = {"tokens": tokens_key, "patterns": patterns_key}.get(exc.role, exc.role)
        message = str(exc)
        if message.startswith("nothing to match"):
            key, message = "extends", f"nothing to match: give '{tokens_key}' or '{patterns_key}'"
        raise SpecError(key, message, exc.pattern or None) from None


def _check_template(key: str, template: str, compiled) -> None:
    for ref in re.findall(r"\\(\d+)|\\g<(\w+)>", template):
        number, name = ref
        if number and int(number) > compiled.groups:
            raise SpecError("swap", f"replacement {template!r} refers to group {number}, but {key!r} has {compiled.groups}", key)
        if name and not name.isdigit() and name not in compiled.groupindex:
            raise SpecError("swap", f"replacement {template!r} refers to unknown group {name!r}", key)


def _describe_matcher(values, tokens, patterns) -> str:
    parts = []
    case = " (ignoring case)" if values["ignore-case"] else ""
    if tokens:
        shown = ", ".join(f"`{t}`" for t in tokens[:15]) + (" …" if len(tokens) > 15 else "")
        parts.append(f"these words or phrases, as whole words{case}: {shown}")
    if patterns:
        shown = ", ".join(f"`{p}`" for p in patterns[:6]) + (" …" if len(patterns) > 6 else "")
        parts.append(f"text matching{case}: {shown}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." + _describe_context(values)


def _describe_context(values) -> str:
    out = ""
    if values.get("not-preceded-by"):
        out += " Not right after: " + ", ".join(f"`{p}`" for p in values["not-preceded-by"]) + "."
    if values.get("not-followed-by"):
        out += " Not right before: " + ", ".join(f"`{p}`" for p in values["not-followed-by"]) + "."
    if values.get("exceptions"):
        out += " Exceptions: " + ", ".join(f"`{e}`" for e in values["exceptions"][:12]) + (" …" if len(values["exceptions"]) > 12 else "") + "."
    return out


def _check_type(key: Key, value: Any) -> Any:
    t = key.type
    ok = {
        "string": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "table": lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
        "rows": lambda v: isinstance(v, list) and all(isinstance(r, list) and all(isinstance(c, str) for c in r) for r in v),
        "scope": lambda v: isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v)),
    }[t](value)
    if not ok:
        raise SpecError(key.name, f"{key.name!r} must be {_TYPE_NAMES[t]} (got {value!r})")
    if key.choices and value not in key.choices:
        raise SpecError(key.name, f"{key.name!r} must be one of {', '.join(key.choices)} (got {value!r}){did_you_mean(str(value), key.choices)}")
    return value


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return m.group(1) if m else text


def _strip_placeholders(message: str) -> str:
    text = re.sub(r"\{\w+\}", "…", message).strip()
    return text[:1].upper() + text[1:]


def _fenced(text: str) -> str:
    text = text.strip("\n")
    return f"```text\n{text}\n```"


def _display_path(path: Path) -> str:
    parts = path.parts
    if "rules" in parts:  # bundled packs: show rules/<pack>/<file>
        i = len(parts) - 1 - parts[::-1].index("rules")
        return "/".join(parts[i:])
    if "_rules" in parts:
        i = len(parts) - 1 - parts[::-1].index("_rules")
        return "/".join(("rules", *parts[i + 1 :]))
    return str(path)


BUILTIN_KINDS: dict[str, type[PackRule]] = {
    cls.kind: cls for cls in (ExistenceRule, SubstitutionRule, RepetitionRule, OccurrenceRule, ConsistencyRule, ConditionalRule, MetricRule)
}
